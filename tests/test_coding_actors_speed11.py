"""Session 11 speed rewrites of the actor stage and start-up give what the code they replace gave."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys

import eventdesk
from eventdesk.coding.actors import ActorDictionary


def _env(**extra: str) -> dict[str, str]:
    """The environment for a fresh interpreter that imports this eventdesk (the tree under test)."""
    src = os.path.dirname(os.path.dirname(os.path.abspath(eventdesk.__file__)))
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}

_WORDS = (
    "Syrian", "regime", "forces", "HTS", "fighters", "Turkish", "army", "and", "allied", "factions",
    "affiliated", "with", "the", "of", "belonging", "to", "members", "operating", "under", "umbrella",
    "believed", "be", "riding", "motorbike", "on", "a", "17th", "Division", "Political", "Security",
    "led", "backed", "Islah", "aligned", "Asayish", "Operations", "Room", "branch", "offshoot",
    "İ", "ı", "ſ", "K", "é", "Ⅼ", "2024", "_x", "militants",
)


def test_token_marks_equal_the_starter_and_group_tables() -> None:
    dictionary = ActorDictionary.default()
    marks = dictionary._token_marks
    assert {t for t, mark in marks.items() if mark & 1} == set(dictionary._starters)
    assert {t for t, mark in marks.items() if mark & 2} == set(dictionary._group_lengths)
    rng = random.Random(3)
    words = sorted(dictionary._starters)[:400] + sorted(dictionary._group_lengths) + list(_WORDS)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        dictionary._last_tokens = None
        _window, low, hits, group_hits, _starts, _ends = dictionary._tokens(text)
        assert hits == [k for k, t in enumerate(low) if t in dictionary._starters]
        assert group_hits == [k for k, t in enumerate(low) if t in dictionary._group_lengths]


def test_digests_equal_hashlibs() -> None:
    import hashlib

    import eventdesk.store.ids as ids
    from eventdesk.geo.gazetteer import data_fingerprint
    from eventdesk.records import document_id_for

    for text in ("", "a  b", "Ünïcode text\n", "x" * 1000):
        assert document_id_for(text) == "d" + hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:20]
        data = text.encode()
        assert ids._sha1(data, usedforsecurity=False).hexdigest() == hashlib.sha1(data).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{16}", data_fingerprint())


def test_plain_code_run_imports_neither_logging_nor_hashlib() -> None:
    # what a plain `eventdesk code` imports on the way to its first report (its start-up)
    code = (
        "import sys, eventdesk.cli.code_run, eventdesk.pipeline, eventdesk.coding, eventdesk.ingest.readers, "
        "eventdesk.store.ids, eventdesk.records\n"
        "print(sorted(m for m in ('logging', 'hashlib') if m in sys.modules))"
    )
    command = [sys.executable, "-c", code]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=_env()).stdout
    assert out.strip() == "[]"


def test_lazy_logger_logs_through_the_named_logger(caplog) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.lazylog import lazy_logger

    log = lazy_logger("eventdesk.test_lazy")
    with caplog.at_level("DEBUG", logger="eventdesk.test_lazy"):
        log.debug("one %s", 1)
        log.warning("two %s", 2)
        try:
            raise ValueError("three")
        except ValueError:
            log.exception("caught")
    assert [r.getMessage() for r in caplog.records] == ["one 1", "two 2", "caught"]
    assert all(r.name == "eventdesk.test_lazy" for r in caplog.records)
    assert caplog.records[2].exc_info is not None
    assert caplog.records[0].funcName == "test_lazy_logger_logs_through_the_named_logger"


def _canon(value: object, seen: dict[int, int]) -> object:
    """A comparable form of a dictionary table: entries and candidates by their fields, an entry met
    again by its first position (so shared entries must be shared alike)."""
    from eventdesk.coding.actor_names import ActorEntry, DatedName, Era
    from eventdesk.coding.actor_text import _Candidate

    if isinstance(value, ActorEntry):
        if id(value) in seen:
            return ("entry", seen[id(value)])
        seen[id(value)] = len(seen)
        fields = ActorEntry.__dataclass_fields__
        return ("entry", seen[id(value)], *(_canon(getattr(value, f), seen) for f in fields))
    if isinstance(value, _Candidate):
        return ("cand", _canon(value.entry, seen), value.bound, value.security, value.local)
    if isinstance(value, (Era, DatedName)):
        return (type(value).__name__, *(getattr(value, f) for f in type(value).__dataclass_fields__))
    if isinstance(value, dict):
        return ("dict", [(k, _canon(v, seen)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_canon(v, seen) for v in value])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(value, key=repr))
    return value


def test_dictionary_from_its_frozen_tables_equals_the_built_one() -> None:
    import marshal

    from eventdesk.coding.actor_schema import load_actor_data

    built = ActorDictionary(load_actor_data())
    state = marshal.loads(marshal.dumps(built._frozen()))  # (through the cache's own format)
    thawed = ActorDictionary({}, _state=state)
    if hasattr(built, "__dict__"):  # (pure Python: every attribute, none forgotten; compiled: no __dict__)
        assert sorted(vars(built)) == sorted(vars(thawed))
        seen_a: dict[int, int] = {}
        seen_b: dict[int, int] = {}
        for name in vars(built):
            assert _canon(getattr(built, name), seen_a) == _canon(getattr(thawed, name), seen_b), name
    rng = random.Random(5)
    words = [
        *_WORDS,
        "Syrian", "regime", "forces", "HTS", "Turkish", "drones", "SDF", "police", "Boko", "Haram", "gunmen",
        "Military", "Forces", "of", "Iraq", "Iraq's", "army", "Houthi", "Ansar", "Allah", "Wagner", "Group",
        "Fulani", "herders", "Kuki", "National", "Army", "Hezbollah", "Rapid", "Support", "RSF", "protesters",
        "Jabhat", "al-Nusra", "Fateh", "al-Sham", "JWS:", "ISIL", "Islamic", "State", "al-Shabaab", "Kenyan",
        "security", "Russian", "Ukrainian", "Israeli", "IDF", "Hamas", "Myanmar", "Tatmadaw", "PDF",
    ]
    dates = (None, __import__("datetime").date(2013, 5, 1), __import__("datetime").date(2024, 3, 9))
    countries = (None, "Syria", "Nigeria", "Yemen", "Sudan", "Ukraine", "Myanmar", "Kenya")
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        country, on = rng.choice(countries), rng.choice(dates)
        assert built.find(text, country=country, on=on) == thawed.find(text, country=country, on=on), text
    names = ("HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)", "Protesters (Syria)", "nobody")
    for name in names:
        assert _canon(built.lookup(name), {}) == _canon(thawed.lookup(name), {})
    assert built.countries == thawed.countries and built.conflict_defaults == thawed.conflict_defaults
    assert built.alliances == thawed.alliances


def test_default_dictionary_from_the_start_up_cache(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a fresh process builds and stores the dictionary, the next reads it: both find the same mentions
    code = (
        "from eventdesk.coding.actors import ActorDictionary\n"
        "d = ActorDictionary.default()\n"
        "t = 'Syrian regime forces and Turkish-backed factions shelled HTS fighters; police arrested '\n"
        "t += 'protesters.'\n"
        "print(repr(d.find(t, country='Syria')), repr(d.find(t)), len(d.entries), d.version)\n"
    )
    env = _env(EVENTDESK_CACHE=str(tmp_path))
    command = [sys.executable, "-c", code]
    first = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    assert list(tmp_path.glob("lexicons/actor-dictionary-*.marshal"))
    second = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    assert first == second and "Military Forces of Syria" in first

