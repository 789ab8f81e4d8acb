"""The start-up cache (nlp.lexcache): same values as without it, rebuilt when the data changes,
harmless when the folder is unusable or a file is damaged."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from eventdesk.nlp import lexcache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTDESK_CACHE", str(folder))
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_second_call_reads_the_file(cache: Path) -> None:
    value = {"a": [1, 2, ("x", None)], "b": frozenset({"p", "q"})}
    calls, build = _counting(value)
    assert lexcache.cached("t", ("data v1",), build) == value
    assert lexcache.cached("t", ("data v1",), build) == value
    assert len(calls) == 1
    assert len(list((cache / "lexicons").glob("t-*.marshal"))) == 1


def test_changed_data_rebuilds(cache: Path) -> None:
    assert lexcache.cached("t", ("data v1",), lambda: 1) == 1
    assert lexcache.cached("t", ("data v2",), lambda: 2) == 2
    assert lexcache.cached("t", ("data v1",), lambda: 3) == 1


def test_a_none_part_means_no_cache(cache: Path) -> None:
    calls, build = _counting(5)
    lexcache.cached("t", ("x", None), build)
    lexcache.cached("t", ("x", None), build)
    assert len(calls) == 2
    assert not (cache / "lexicons").exists()


def test_off_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTDESK_CACHE", "off")
    assert lexcache.cache_dir() is None
    calls, build = _counting(5)
    lexcache.cached("t", ("x",), build)
    lexcache.cached("t", ("x",), build)
    assert len(calls) == 2


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EVENTDESK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexcache.cache_dir() == tmp_path / "eventdesk"


def test_damaged_file_is_rebuilt(cache: Path) -> None:
    lexcache.cached("t", ("x",), lambda: [1, 2, 3])
    (path,) = (cache / "lexicons").glob("t-*.marshal")
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    calls, build = _counting([1, 2, 3])
    assert lexcache.cached("t", ("x",), build) == [1, 2, 3]
    assert calls == [1]
    path.write_bytes(b"short")
    assert lexcache.cached("t", ("x",), lambda: [4]) == [4]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unwritable_folder_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv("EVENTDESK_CACHE", str(folder))
    try:
        assert lexcache.cached("t", ("x",), lambda: 7) == 7
    finally:
        folder.chmod(0o700)


def test_folder_that_is_a_file_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTDESK_CACHE", str(blocker))
    calls, build = _counting({"k": "v"})
    assert lexcache.cached("t", ("x",), build) == {"k": "v"}
    assert lexcache.cached("t", ("x",), build) == {"k": "v"}
    assert len(calls) == 2


def test_unmarshallable_value_is_returned_uncached(cache: Path) -> None:
    value = {"when": re.compile("x")}
    assert lexcache.cached("t", ("x",), lambda: value) is value


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\b(?:a|b(?P<x>c))\b", 0),
        (r"(?i)foo\s+bar", 0),
        ("bar", re.IGNORECASE),
        (r"[^\W\d]+(?=\.)", 0),
        (r"^(\d{1,2}) (?:jan|feb)\w*$", re.MULTILINE),
    ],
)
def test_compiled_code_round_trip(cache: Path, pattern: str, flags: int) -> None:
    code = lexcache.cached("re", (pattern, str(flags)), lambda: lexcache.pattern_code(pattern, flags))
    code = lexcache.cached("re", (pattern, str(flags)), lambda: pytest.fail("not cached"))
    compiled = lexcache.from_code(pattern, code)
    fresh = re.compile(pattern, flags)
    assert compiled == fresh  # same pattern, flags and code
    assert compiled.groupindex == fresh.groupindex and compiled.groups == fresh.groups


def test_bad_code_compiles_afresh() -> None:
    assert lexcache.from_code("ab", (0, 32, [1, 2, 3], 0, {}, ())) == re.compile("ab")


def test_cached_lexicons_equal_fresh_ones(cache: Path) -> None:
    from importlib import resources

    import yaml

    from eventdesk.coding import country_cues, triggers

    for _ in range(2):  # built, then read back from the cache
        triggers._default.cache_clear()
        country_cues._default.cache_clear()
        lexicon = triggers.load_triggers()
        cues = country_cues.load_country_cues()
    text = resources.files("eventdesk").joinpath("data/event_triggers.yaml").read_text(encoding="utf-8")
    fresh = triggers.TriggerLexicon(*triggers._validate(yaml.safe_load(text), "t"))
    assert lexicon.patterns == fresh.patterns and lexicon.gates == fresh.gates
    assert lexicon._by_start == fresh._by_start
    text = resources.files("eventdesk").joinpath("data/country_cues.yaml").read_text(encoding="utf-8")
    fresh_cues = country_cues._validate(yaml.safe_load(text), "c")
    assert cues.patterns == fresh_cues.patterns and cues.words == fresh_cues.words
    names = {p.name.split("-")[0] for p in (cache / "lexicons").iterdir()}
    assert names >= {"event_triggers", "country_cues"}


def test_module_patterns_are_cached(cache: Path, tmp_path: Path) -> None:
    module = tmp_path / "some_module.py"
    module.write_text("# a module's source keys its pattern file\n")
    first = lexcache.PatternCache(str(module))
    a = first(r"\b(?P<n>\d+) (?:killed|dead)\b", re.IGNORECASE)
    assert a == re.compile(r"\b(?P<n>\d+) (?:killed|dead)\b", re.IGNORECASE)
    first.save()  # what happens at exit when a pattern was new
    second = lexcache.PatternCache(str(module))
    assert second._codes  # read back
    assert second(r"\b(?P<n>\d+) (?:killed|dead)\b", re.IGNORECASE) == a
    module.write_text("# edited: a new file\n")
    assert not lexcache.PatternCache(str(module))._codes
    with pytest.raises(re.error):
        first("(unclosed")


def test_packaged_module_patterns_equal_fresh_compiles() -> None:
    import importlib

    # by module name: the attribute eventdesk.coding.classify is the function classify.classify
    names = ["coding", "coding.claims", "coding.classify", "coding.fatalities", "coding.places"]
    names += ["coding.summary", "nlp.dates", "nlp.numbers", "nlp.sentences"]
    modules = [importlib.import_module(f"eventdesk.{name}") for name in names]
    found = [v for m in modules for v in vars(m).values() if isinstance(v, re.Pattern)]
    found += [p for _, p in modules[names.index("nlp.dates")]._PATTERNS]
    assert len(found) > 60
    for pattern in found:
        assert pattern == re.compile(pattern.pattern, pattern.flags)


def test_a_pattern_file_keeps_only_what_the_module_asks_for(cache: Path, tmp_path: Path) -> None:
    module = tmp_path / "growing.py"
    module.write_text("# source\n")
    first = lexcache.PatternCache(str(module))
    first(r"old\d+")
    first.save()
    second = lexcache.PatternCache(str(module))
    second(r"new\d+")  # this run no longer builds "old\d+"
    second.save()
    assert set(lexcache.PatternCache(str(module))._codes) == {(r"new\d+", 0)}


def test_module_patterns_are_the_same_text_in_every_process() -> None:
    """A pattern built from a set must not depend on the hash seed: its text keys the start-up cache, and
    a new text each run would add a copy to the cache file every time (it grew to 12 MB once)."""
    import subprocess
    import sys

    code = (
        "import re, hashlib, importlib\n"
        "mods = [importlib.import_module('eventdesk.' + n) for n in "
        "('nlp.numbers', 'nlp.dates', 'coding.fatalities', 'coding.places', 'coding.claims', 'geo.scan')]\n"
        "texts = sorted(v.pattern for m in mods for v in vars(m).values() if isinstance(v, re.Pattern))\n"
        "print(hashlib.sha1('\\n'.join(texts).encode()).hexdigest())\n"
    )
    outs = set()
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "EVENTDESK_CACHE": "off"}
        argv = [sys.executable, "-c", code]
        run = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
        outs.add(run.stdout.strip())
    assert len(outs) == 1
