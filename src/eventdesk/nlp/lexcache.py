"""A start-up cache for what the coder derives from its lexicon files.

Turning the packaged YAML lexicons into matchers costs a noticeable part of a cold start: the
trigger lexicon alone parses ~600 regular expressions twice (once to find each group's literal word
starts, once to compile the group). The results depend only on the data file's bytes, on the
code that derives them and on the Python version, so they are kept in the user cache folder and
read back in a millisecond:

- ``cached(name, parts, build)`` returns ``build()``'s value, stored with :mod:`marshal` under a key
  made of ``name``, the ``parts`` (the data files' text and the deriving module's source) and the
  interpreter version. A changed data file or module gives a new key, so the cache rebuilds
  itself; nothing needs to be cleared by hand (old files stay behind; they are small).
- ``pattern_code`` / ``from_code`` turn a regular expression into the compiler's output and back,
  so compiled patterns can be cached too (``from_code(code) == re.compile(pattern, flags)``).
- ``PatternCache(__file__)`` does that for a module's own patterns: ``_rx(r"...")`` in place of
  ``re.compile``, one file per module keyed by its source, written at exit when a pattern was new.

Only plain data (str, int, tuple, list, dict, frozenset, None) is stored, with marshal: reading a
cache file never runs code. The folder is ``$EVENTDESK_CACHE`` (``off`` disables the cache), else
``$XDG_CACHE_HOME/eventdesk``, else ``~/.cache/eventdesk``. A cache that cannot be read or written
(read-only home, full disk, a corrupt file) is ignored: the value is then built in memory, exactly as
without a cache.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["PatternCache", "cache_dir", "cached", "from_code", "pattern_code", "source_of"]

_T = TypeVar("_T")
# bump when the layout of any cached value (or of the file) changes
FORMAT = "3"


def cache_dir() -> Path | None:
    """The folder cache files go to, or None when caching is off (``EVENTDESK_CACHE=off``)."""
    configured = os.environ.get("EVENTDESK_CACHE")
    if configured is not None:
        if configured.strip().lower() in {"", "0", "off", "no", "false", "none"}:
            return None
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventdesk"


def _key(name: str, parts: Iterable[str | bytes]) -> str:
    # Two independent 32-bit checksums (CRC-32 and Adler-32) of the length-prefixed parts: a key tells
    # one version of a data file or module from another (no adversary), and ~1 MB of sources and data
    # files is keyed on every start: SHA-256 cost ~25 M instructions of a compiled start-up, these ~3 M.
    crc, adler = 0, 1
    for part in (FORMAT, sys.version, _sre_magic(), name, *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        size = len(data).to_bytes(8, "little")
        crc = zlib.crc32(data, zlib.crc32(size, crc))
        adler = zlib.adler32(data, zlib.adler32(size, adler))
    return f"{crc:08x}{adler:08x}"


def source_of(module_file: str) -> bytes | None:
    """A module's own source, for a cache key: what a module derives from a data file changes when
    its code does. None (no caching) when the source cannot be read. A module compiled by mypyc
    has the extension file as ``__file__``; its source is the ``.py`` file installed beside it."""
    try:
        return _source_path(module_file).read_bytes()
    except OSError:  # pragma: no cover - e.g. run from a zip
        return None


def _source_path(module_file: str) -> Path:
    path = Path(module_file)
    if path.suffix != ".py":  # e.g. actors.cpython-311-x86_64-linux-gnu.so
        path = path.with_name(path.name.split(".", 1)[0] + ".py")
    return path


def cached(name: str, parts: Iterable[str | bytes | None], build: Callable[[], _T]) -> _T:
    """``build()``, or its value from an earlier run with the same ``name`` and ``parts``.

    ``parts`` are the data files' text and the deriving module's ``source_of(__file__)``; a part
    that is None turns the cache off for this call. ``build`` must return marshal-able plain data.
    Any problem with the cache folder or file falls back to calling ``build`` (the cache is an
    optimisation, never a requirement).
    """
    folder = cache_dir()
    keyed = list(parts)
    if folder is None or any(part is None for part in keyed):
        return build()
    path = folder / "lexicons" / f"{name}-{_key(name, [part for part in keyed if part is not None])}.marshal"
    found, value = _read(path)
    if found:
        return value
    value = build()
    _write(path, value)
    return value


_CHECK = 4  # bytes of the checksum before a file's payload


def _read(path: Path) -> tuple[bool, Any]:
    """(True, value) from a cache file, (False, None) when it is missing, damaged or unreadable."""
    try:
        stored = path.read_bytes()
        # a file is its payload's CRC-32, then the payload: a damaged file is rebuilt, never used (a
        # checksum, not a digest: it guards against damage, and the files are read on every start)
        payload = memoryview(stored)[_CHECK:]
        if len(stored) >= _CHECK and zlib.crc32(payload).to_bytes(_CHECK, "little") == stored[:_CHECK]:
            return True, marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return False, None


def _write(path: Path, value: Any) -> None:
    """Store ``value`` at ``path``; silently nothing when it cannot be (the cache is optional)."""
    try:
        payload = marshal.dumps(value)
        data = zlib.crc32(payload).to_bytes(_CHECK, "little") + payload
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: its import costs more than reading a cache file

        # written under a temporary name and renamed: a reader never sees half a file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:20]}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass


class PatternCache:
    """A module's own regular expressions, compiled once and then read from the cache.

    ``_rx = PatternCache(__file__)`` at the top of a module, then ``_FOO = _rx(r"...", flags)``
    instead of ``re.compile``: the same pattern object (equal to ``re.compile``'s), without parsing
    and compiling it again in the next process. The file is keyed by the module's source, so an
    edited module starts a new one; patterns compiled afresh are written back when the process ends.
    """

    def __init__(self, module_file: str) -> None:
        self._codes: dict[tuple[str, int], Any] = {}
        self._used: set[tuple[str, int]] = set()
        self._path: Path | None = None
        self._dirty = False
        folder = cache_dir()
        source = source_of(module_file)
        if folder is None or source is None:
            return
        name = _source_path(module_file).stem
        self._path = folder / "patterns" / f"{name}-{_key(module_file, [source])}.marshal"
        found, codes = _read(self._path)
        if found and isinstance(codes, dict):
            self._codes = codes

    def __call__(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        self._used.add(key)
        code = self._codes.get(key)
        if code is None:
            try:
                code = pattern_code(pattern, flags)
            except Exception:
                return re.compile(pattern, flags)  # a bad pattern raises re.error here, as before
            self._codes[key] = code
            if self._path is not None and not self._dirty:
                import atexit

                self._dirty = True
                atexit.register(self.save)
        return from_code(pattern, code)

    def save(self) -> None:
        """Write the patterns this process asked for (done at exit when any were new): only those, so a
        pattern the module no longer builds does not stay in the file for ever."""
        if self._path is not None:
            _write(self._path, {k: v for k, v in self._codes.items() if k in self._used})


# --- compiled regular expressions ------------------------------------------------------------------
# re.compile(p, flags) is re._parser.parse + re._compiler._code + _sre.compile; the first two are
# pure Python and are what costs. Their output (the opcode list and group tables) is plain data.


def _sre_magic() -> str:
    try:
        import _sre

        return str(_sre.MAGIC)
    except Exception:  # pragma: no cover - CPython always has it
        return "?"


def pattern_code(pattern: str, flags: int = 0) -> tuple[Any, ...]:
    """The compiler's output for ``pattern`` (plain data); raises re.error for a bad pattern."""
    import importlib

    _compiler: Any = importlib.import_module("re._compiler")  # no type stubs for it
    _parser: Any = importlib.import_module("re._parser")
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for group_name, index in groupindex.items():
        indexgroup[index] = group_name
    flags, final = int(flags), int(flags | parsed.state.flags)  # RegexFlag is an int subclass too
    # opcodes are int subclasses (named constants): plain ints for marshal
    return (flags, final, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup))


def from_code(pattern: str, code: tuple[Any, ...]) -> re.Pattern[str]:
    """The compiled pattern from ``pattern_code`` output; compiles ``pattern`` afresh when the
    code cannot be used (another interpreter's format, a damaged cache)."""
    try:
        import _sre

        _flags, final, ops, groups, groupindex, indexgroup = code
        compiled = _sre.compile(pattern, final, ops, groups, groupindex, tuple(indexgroup))
        if isinstance(compiled, re.Pattern):
            return compiled
    except Exception:  # any failure means: compile the ordinary way
        pass
    return re.compile(pattern, code[0] if code and isinstance(code[0], int) else 0)
