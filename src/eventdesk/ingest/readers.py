"""Readers: files, folders, stdin and strings → :class:`~eventdesk.records.Document`.

Accepted shapes:

- plain text, including the blog-scrape shape (``date YYYY-MM-DD Posted on by NAME``, a dateline
  such as ``JUL 07, 2023``, then title and byline);
- text starting with ``key: value`` header lines (url, published, publisher, title, author);
- HTML pages (main text, title, date and author via trafilatura, imported on first use);
- JSONL, one ``{"id", "text", "url"?, "publisher"?, "published_at"?, "title"?}`` object a line;
- folders (recursive, sorted) and ``-`` for stdin.

A bad file or line becomes an :class:`~eventdesk.errors.InputError` in the stream, never an
exception that stops the batch.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import CodingError, InputError
from ..lazylog import lazy_logger
from ..nlp.lexcache import PatternCache
from ..records import Document, document_id_for
from .dates import find_dateline, parse_full_date, parse_published

__all__ = ["SUPPORTED_SUFFIXES", "coding_failure", "iter_files", "read_file", "read_paths", "read_text"]

log = lazy_logger(__name__)  # (imports logging only when it logs: start-up)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_NAME = "<stdin>"

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")
_BOM = b"\xef\xbb\xbf"
_HEADER_KEYS = {"url", "published", "publisher", "title", "author", "date", "source", "language"}
_rx = PatternCache(__file__)
_HEADER_LINE = _rx(r"^(?P<key>[A-Za-z][A-Za-z_ -]{0,20}):[ \t]*(?P<value>.*)$")
_BLOG_LINE = _rx(
    r"^date\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+Posted\s+on\b.*?\bby\s+(?P<name>\S.*?)\s*$", re.I
)
_HTML_START = _rx(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)


# --- decoding ------------------------------------------------------------------------------------


def decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes → text. UTF-8 first; cp1252, then latin-1, as a fallback that is noted and logged."""
    if not raw.strip():
        raise InputError("empty file", path=path)
    head = raw[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        raise InputError("binary file, not a text report", path=path)
    try:
        # what raw.decode("utf-8-sig") gives (error offsets included), without its Python-level codec
        return (raw[3:] if raw.startswith(_BOM) else raw).decode("utf-8"), []
    except UnicodeDecodeError as exc:
        bad = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = f"not valid UTF-8 (byte {bad}); decoded as {encoding}"
        log.warning("%s: %s", path, note)
        return text, [note]
    raise InputError("cannot decode text", path=path)  # pragma: no cover - latin-1 never fails


# --- plain text and header files -----------------------------------------------------------------


_LETTER = _rx(r"[^\W\d_]")
_ARABIC_LETTER = _rx(r"[\u0600-\u06ff]")
_LATIN_WORD = _rx(r"[a-z]+")
_COMMON_EN = frozenset({"the", "and", "of", "in", "to", "was", "were", "by", "a", "on"})
_COMMON_EN_BYTES = frozenset(word.encode() for word in _COMMON_EN)
_NOT_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _language(text: str) -> str | None:
    """A cheap guess good enough for routing: English, Arabic script, or unknown."""
    sample = text[:4000]
    if not _LETTER.search(sample):
        return None
    # counting letters only pays when some are Arabic (and ASCII text has none: isascii() is a flag)
    if not sample.isascii() and _ARABIC_LETTER.search(sample):
        letters = [c for c in sample if c.isalpha()]
        arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
        if arabic > len(letters) / 2:
            return "ar"
    if sample.isascii():
        # the same words as _LATIN_WORD.findall(sample.lower()), as bytes, found in C: every byte but
        # a-z made a space (ASCII lower-casing maps A-Z to a-z and nothing else to a letter)
        pieces = sample.lower().encode("ascii").translate(_NOT_A_TO_Z).split()
        count = len(pieces)
        common = sum(map(_COMMON_EN_BYTES.__contains__, pieces))
    else:
        words = _LATIN_WORD.findall(sample.lower())
        count = len(words)
        common = sum(map(_COMMON_EN.__contains__, words))
    if count and common / count > 0.08:
        return "en"
    return None


def _guess_language(text: str, guess: bool) -> str | None:
    """``_language(text)``, or None without it when the caller does not ``guess``."""
    return _language(text) if guess else None

def _split_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Leading ``key: value`` lines (known keys only) and the index of the first body line."""
    header: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    start = index
    while index < len(lines):
        match = _HEADER_LINE.match(lines[index].strip())
        if not match:
            break
        key = match.group("key").strip().lower().replace(" ", "_")
        if key not in _HEADER_KEYS:
            break
        header.setdefault(key, match.group("value").strip())
        index += 1
    if not header:
        return {}, start
    return header, index


def _short_line(line: str, max_words: int) -> bool:
    line = line.strip()
    return 0 < len(line) <= 60 and len(line.split()) <= max_words and not line.endswith((".", ":", "?", "!"))


def _title_candidate(line: str) -> str | None:
    line = line.strip()
    if line and len(line) <= 200 and not line.endswith("."):
        return line
    return None


def read_text(
    text: str, source_file: str | None = None, *, kind: str | None = None, guess_language: bool = True
) -> Document:
    """One report from a string: plain text (with optional header or blog line) or HTML.

    ``kind`` is "text" or "html"; by default HTML is recognised by its opening tag. ``guess_language``:
    False leaves ``language`` as the input gives it (None when it does not), without the guess (for a
    caller that never reads it, such as ``eventdesk code``).
    """
    where = source_file or "<input>"
    if not text.strip():
        raise InputError("empty file", path=where)
    if kind == "html" or (kind is None and _HTML_START.match(text)):
        return _read_html(text, where, guess_language)
    if kind not in (None, "text"):
        raise ValueError(f"unknown kind {kind!r}")
    return _read_plain(text, source_file, guess_language)


def _read_plain(text: str, source_file: str | None, guess_language: bool = True) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    notes: list[str] = []
    published: dt.date | None = None
    dateline: dt.date | None = None
    title: str | None = None
    author: str | None = None
    meta: dict[str, str] = {}

    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    blog = _BLOG_LINE.match(lines[first].strip()) if lines else None
    if blog:
        published = parse_full_date(blog.group("date"))
        poster = blog.group("name")
        body_lines = lines[first + 1 :]
        nonblank = [i for i, line in enumerate(body_lines) if line.strip()]
        # dateline, title, byline: the scrape's fixed order, each optional
        pos = 0
        if nonblank and find_dateline(body_lines[nonblank[0]], max_lines=1):
            pos = 1
        if pos < len(nonblank):
            title = body_lines[nonblank[pos]].strip()
            if pos + 1 < len(nonblank) and _short_line(body_lines[nonblank[pos + 1]], 5):
                author = body_lines[nonblank[pos + 1]].strip()
        author = author or poster
    else:
        meta, body_start = _split_header(lines)
        body_lines = lines[body_start:]
        if "published" in meta or "date" in meta:
            value = meta.get("published") or meta.get("date") or ""
            published, events_date, note = parse_published(value)
            if events_date is not None:
                dateline = events_date
            if note:
                notes.append(note)
        title = meta.get("title") or None
        author = meta.get("author") or None
        if title is None:
            first_body = next((line for line in body_lines if line.strip()), "")
            title = _title_candidate(first_body)

    body = "\n".join(body_lines).strip()
    if not body:
        raise InputError("no report text after the header", path=source_file or "<input>")
    dateline = find_dateline(body) or dateline
    return Document(
        id=document_id_for(body),
        text=body,
        title=title,
        url=meta.get("url") or None,
        publisher=meta.get("publisher") or meta.get("source") or None,
        author=author,
        published_at=published,
        dateline=dateline,
        language=meta.get("language") or _guess_language(body, guess_language),
        source_file=source_file,
        ingested_at=_now(),
        notes=notes,
    )


# --- HTML ----------------------------------------------------------------------------------------


def _read_html(html: str, where: str, guess_language: bool = True) -> Document:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InputError(f"cannot read HTML: {exc}", path=where) from exc
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse HTML: {exc}", path=where) from exc
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        raise InputError("no main text found in HTML page", path=where)
    date_value = getattr(extracted, "date", None)
    published = parse_full_date(date_value) if isinstance(date_value, str) else None
    title = getattr(extracted, "title", None)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Document(
        id=document_id_for(text),
        text=text,
        title=title or None,
        url=getattr(extracted, "url", None) or None,
        publisher=getattr(extracted, "sitename", None) or None,
        author=getattr(extracted, "author", None) or None,
        published_at=published,
        dateline=find_dateline(text),
        language=getattr(extracted, "language", None) or _guess_language(text, guess_language),
        source_file=None if where == "<input>" else where,
        ingested_at=_now(),
    )


# --- JSONL ---------------------------------------------------------------------------------------

_JSONL_KEYS = {"id", "text", "url", "publisher", "published_at", "title", "author", "language", "dateline"}


def read_jsonl(text: str, path: str, guess_language: bool = True) -> Iterator[Document | InputError]:
    """Documents from JSONL; each bad line is an InputError with its 1-based line number."""
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        yield InputError("empty file", path=path)
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, path, number, guess_language)
        except InputError as err:
            yield err


def _stream_jsonl(path: str, guess_language: bool = True) -> Iterator[Document | InputError]:
    """A JSONL file line by line, so a large file is never held whole; each line decoded on its own."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; the generator may be abandoned
    except OSError as exc:
        yield InputError(exc.strerror or str(exc), path=path)
        return
    with handle:
        head = handle.read(8192)
        if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
            yield InputError("binary file, not a text report", path=path)
            return
        handle.seek(0)
        seen = False
        loads = _fast_loads()
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(_BOM):
                raw = raw[3:]
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            seen = True
            try:
                obj = loads(raw)
                if obj is None:  # decoded and parsed as before: notes, messages and all
                    line, notes = decode(raw, path)
                    doc = _jsonl_document(line, path, number, guess_language)
                else:
                    notes = []
                    doc = _object_document(obj, path, number, guess_language)
            except InputError as err:
                if err.line is None:
                    err = InputError(err.reason, path=path, line=number)
                yield err
                continue
            doc.notes[:0] = notes
            yield doc
        if not seen:
            yield InputError("empty file", path=path)


def _fast_loads() -> Callable[[bytes], Any]:
    """A JSONL line's bytes → what ``json.loads(decode(raw))`` gives, by orjson (~10x faster, and no
    decoding first); None where orjson cannot stand in: a line that is not valid UTF-8 JSON to it (the
    ordinary path then decodes, parses and words the error), or an "id" beyond 64 bits (orjson reads
    it as a float, json as an int)."""
    from orjson import JSONDecodeError, loads

    def fast(raw: bytes) -> Any:
        try:
            obj = loads(raw)
        except JSONDecodeError:
            return None
        if type(obj) is dict and type(obj.get("id")) is float:
            return None
        return obj

    return fast


def _jsonl_document(line: str, path: str, number: int, guess_language: bool = True) -> Document:
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=path, line=number) from exc
    return _object_document(obj, path, number, guess_language)


def _object_document(obj: Any, path: str, number: int, guess_language: bool = True) -> Document:
    if not isinstance(obj, dict):
        raise InputError("JSON line is not an object", path=path, line=number)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('missing or empty "text"', path=path, line=number)
    given = obj.get("id")
    if given is not None and not isinstance(given, str | int):
        raise InputError('"id" must be a string or an integer', path=path, line=number)
    for key in ("url", "publisher", "title", "author", "language", "published_at", "dateline"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string', path=path, line=number)
    notes: list[str] = []
    if not _JSONL_KEYS.issuperset(obj):  # (a set difference per line only when a key is unknown)
        notes.append(f"ignored keys: {', '.join(sorted(set(obj) - _JSONL_KEYS))}")
    published = dateline = None
    if obj.get("published_at"):
        published, dateline, note = parse_published(obj["published_at"])
        if note:
            notes.append(note)
    if obj.get("dateline"):
        dateline = parse_full_date(obj["dateline"]) or dateline
    text = text.strip()
    doc_id = str(given).strip() if given is not None and str(given).strip() else document_id_for(text)
    # (positional: a compiled record's __init__ parses keyword arguments name by name, ~10 K
    # instructions a report; the order is Document's fields')
    return Document(
        doc_id,  # id
        text,  # text
        obj.get("title") or None,  # title
        obj.get("url") or None,  # url
        obj.get("publisher") or None,  # publisher
        obj.get("author") or None,  # author
        published,  # published_at
        find_dateline(text) or dateline,  # dateline
        obj.get("language") or _guess_language(text, guess_language),  # language
        path,  # source_file
        number,  # source_line
        _now(),  # ingested_at
        None,  # repost_of
        notes,  # notes
    )


def coding_failure(doc: Document, exc: Exception) -> CodingError:
    """A coder failure on ``doc``, placed like an input error: ``<source>[:<line>]: coding failed: …``."""
    where = doc.source_file or doc.id
    if doc.source_line is not None:
        where = f"{where}:{doc.source_line}"
    reason = str(exc) if isinstance(exc, CodingError) else f"{type(exc).__name__}: {exc}"
    return CodingError(f"{where}: coding failed: {reason}")


# --- files, folders, stdin -----------------------------------------------------------------------


def _now() -> dt.datetime:
    """The current UTC time to the second (``datetime.now(UTC).replace(microsecond=0)``): one datetime
    per second, shared by the documents read in it (a JSONL file reads thousands a second)."""
    second = int(time.time())
    if second != _LAST_NOW[0]:
        _LAST_NOW[:] = [second, dt.datetime.fromtimestamp(second, dt.UTC)]
    now: dt.datetime = _LAST_NOW[1]
    return now


_LAST_NOW: list[Any] = [None, None]  # (the second, its datetime) of the last _now()


def _kind_for(path: str, text: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES or _HTML_START.match(text):
        return "html"
    if suffix not in TEXT_SUFFIXES:
        nonblank = [line for line in text.splitlines()[:20] if line.strip()]
        if nonblank and all(line.lstrip().startswith("{") for line in nonblank):
            return "jsonl"
    return "text"


def _read_decoded(raw: bytes, path: str, guess_language: bool = True) -> Iterator[Document | InputError]:
    try:
        text, notes = decode(raw, path)
    except InputError as err:
        yield err
        return
    kind = _kind_for(path, text)
    if kind == "jsonl":
        for item in read_jsonl(text, path, guess_language):
            if isinstance(item, Document):
                item.notes[:0] = notes
            yield item
        return
    try:
        doc = read_text(text, source_file=path, kind=kind, guess_language=guess_language)
    except InputError as err:
        yield err
        return
    doc.notes[:0] = notes
    yield doc


def read_file(
    path: str | os.PathLike[str], *, guess_language: bool = True
) -> Iterator[Document | InputError]:
    """The documents of one file (several for JSONL); ``-`` reads stdin. ``guess_language``: as in
    :func:`read_text`."""
    name = os.fspath(path)
    if name == STDIN:
        yield from _read_decoded(sys.stdin.buffer.read(), STDIN_NAME, guess_language)
        return
    if os.path.splitext(name)[1].lower() in JSONL_SUFFIXES and os.path.isfile(name):
        yield from _stream_jsonl(name, guess_language)
        return
    try:
        raw = Path(name).read_bytes()
    except FileNotFoundError:
        yield InputError("no such file or directory", path=name)
        return
    except IsADirectoryError:
        yield InputError("is a directory", path=name)
        return
    except OSError as exc:
        yield InputError(exc.strerror or str(exc), path=name)
        return
    yield from _read_decoded(raw, name, guess_language)


def iter_files(folder: str | os.PathLike[str]) -> Iterator[str]:
    """Report files under ``folder``, recursively, in sorted order; hidden entries skipped."""
    root = os.fspath(folder)
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith(".") or os.path.splitext(filename)[1].lower() not in SUPPORTED_SUFFIXES:
                continue
            found.append(os.path.join(dirpath, filename))
    return iter(sorted(found, key=lambda p: os.path.relpath(p, root).split(os.sep)))


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, guess_language: bool = True
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursive, sorted) and ``-`` (stdin), in order. ``guess_language``:
    as in :func:`read_text`.

    Errors are yielded in place, so a caller can report them and go on.
    """
    for path in paths:
        name = os.fspath(path)
        if name != STDIN and os.path.isdir(name):
            for file in iter_files(name):
                yield from read_file(file, guess_language=guess_language)
        else:
            yield from read_file(name, guess_language=guess_language)
