"""Session 10 speed rewrites of the actor stage give what the code they replace gave."""

from __future__ import annotations

import random

import eventdesk.coding.actor_country as actor_country
import eventdesk.coding.actor_dictionary as actor_dictionary
from eventdesk.coding.actor_text import _first_token_lengths
from eventdesk.coding.actors import ActorDictionary
from eventdesk.records import ActorMention

# words and separators the reports are made of: names, bound words, demonyms, brackets, possessives,
# dates, acronyms, odd pieces ("al-Sham's", "A/B", "x_y", "(2014-)")
_WORDS = (
    "Syrian", "regime", "forces", "shelled", "the", "town", "of", "Kafr", "Nabl", "HTS", "fighters",
    "Turkish", "army", "and", "allied", "factions", "Hayat", "Tahrir", "al-Sham", "al-Sham's", "Assad's",
    "police", "arrested", "protesters", "in", "Lagos", "Boko", "Haram", "ISWAP", "Military", "Forces",
    "Syria", "(2000-)", "Iraq's", "security", "Russian", "drones", "Ukrainian", "air", "defence", "said",
    "on", "4", "May", "2024.", "SDF", "QSD", "gunmen", "killed", "two", "civilians", "A/B", "x_y",
    "Hay'at", "we're", "U.S.", "St.", "rebels", "(SNA)", "JWS:", "National", "Army", "al-Shabaab",
    "Houthi", "militia", "tribe", "clan", "Fulani", "herders", "Kuki", "Hezbollah", "'quoted'", "a.m.",
)
_SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", " - ", "; ", " (", ") ", "\t", ": ", "-", "'", ".", "/")


def _report(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 60)):
        parts.append(rng.choice(_WORDS))
        parts.append(rng.choice(_SEPARATORS))
    return "".join(parts)


def test_window_tokens_equal_the_windows_own_tokens() -> None:
    dictionary = ActorDictionary.default()
    rng = random.Random(10)
    cut = 0
    for _ in range(400):
        text = _report(rng)
        dictionary.find(text)  # reads the whole text: its tokens are kept
        # windows at random offsets, and (mostly) at white space, where the shortcut applies
        spaces = [0, len(text), *(i for i, ch in enumerate(text) if ch in " \n\t")]
        spaces += [i + 1 for i in spaces if i < len(text)]
        for _ in range(20):
            if rng.random() < 0.3:
                start = rng.randint(0, len(text))
                end = rng.randint(start, len(text))
            else:
                start, end = sorted(rng.sample(spaces, 2)) if len(spaces) > 1 else (0, len(text))
            window = dictionary._window_tokens(text, start, end)
            dictionary._last_tokens = None
            own = dictionary._tokens(text[start:end])
            if window is not None:
                cut += 1
                assert window == own, (text, start, end)
            # and find over the window reads the same mentions either way
            found = dictionary.find(text, start, end, country="Syria")
            dictionary._doc_tokens = None
            assert found == dictionary.find(text, start, end, country="Syria"), (text, start, end)
            dictionary.find(text)
    assert cut > 1000  # the shortcut was taken, not only the fallback


def test_window_tokens_only_for_plain_ascii_texts_read_whole() -> None:
    dictionary = ActorDictionary.default()
    text = "Syrian regime forces shelled the town. HTS fighters responded."
    dictionary.find(text)
    assert dictionary._window_tokens(text, 39, len(text)) is not None
    assert dictionary._window_tokens(text, 40, len(text)) is None  # inside a word
    assert dictionary._window_tokens("x" + text[1:], 39, len(text)) is None  # another text
    odd = text.replace("regime", "régime")
    dictionary.find(odd)
    assert dictionary._window_tokens(odd, 39, len(odd)) is None
    tick = text.replace("HTS", "`HTS`")
    dictionary.find(tick)
    assert dictionary._window_tokens(tick, 39, len(tick)) is None
    dictionary.find(text)
    dictionary.resolve("HTS fighters")  # a phrase resolved does not replace the report's tokens
    assert dictionary._window_tokens(text, 39, len(text)) is not None


def test_partisan_flag_equals_the_search() -> None:
    ActorDictionary.default()
    assert actor_dictionary._MEMO_KEYS
    for alias, (_, _, partisan) in actor_dictionary._MEMO_KEYS.items():
        assert partisan == (actor_dictionary._PARTISAN.search(alias.lower()) is not None), alias


def test_starters_equal_the_first_tokens_of_the_aliases() -> None:
    dictionary = ActorDictionary.default()
    old = (
        frozenset(_first_token_lengths(dictionary._candidates))
        | {first.lower() for first in _first_token_lengths(dictionary._cs_candidates)}
        | set(_first_token_lengths(dictionary._places))
        | {"military", "police"}
    )
    assert dictionary._starters == old


def test_unit_first_tokens_equal_the_keys_first_tokens() -> None:
    index = actor_country._unit_index()
    first = {key.lstrip("~").split(" ")[0] for key in index.keys}
    assert all(word in actor_country._UNIT_FIRST for word in first)
    others = {key.replace(" ", "") for key in index.keys} | {"the", "zzzz", "al", "north", "~", ""}
    assert not any(word in actor_country._UNIT_FIRST for word in others - first)


def _text_date_before(text: str, start: int, end: int) -> object:
    # the session-9 code
    pattern = actor_country._DAY_MONTH_YEAR
    match = pattern.search(text, start, end) or pattern.search(text, 0, 3000)
    if match is None:
        return None
    try:
        return actor_country.dt.date(
            int(match.group(3)), actor_country._MONTHS.index(match.group(2).lower()) + 1, int(match.group(1))
        )
    except ValueError:
        return None


def test_text_date_equals_the_two_searches() -> None:
    rng = random.Random(11)
    pieces = ("On", "4", "May", "2020", "31", "February", "2019", "12", "June", "1999", "x", "2021", "1",
              "the", "army", "said", "\n", "March", "20245", "7", "May")
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.2:
            text = "word " * rng.randint(550, 700) + text  # dates beyond the first 3,000 characters
        for _ in range(10):
            start = rng.choice([0, 0, rng.randint(0, len(text))])
            end = rng.choice([len(text), 3000, len(text) + 5, rng.randint(start, len(text) + 1)])
            assert actor_country._text_date(text, start, end) == _text_date_before(text, start, end)
        actor_country._REPORT_DATE[0] = None


def _lookup_before(dictionary: ActorDictionary, name: str) -> object:
    # the session-9 code (module-level re calls, no literal gates)
    import re

    from eventdesk.coding.actor_text import _norm_alias

    entries = dictionary.entries
    if name in entries and entries[name].kind != "named":
        return entries[name]
    match = re.fullmatch(
        r"(Military|Police) Forces of (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?(?: (.+))?", name
    )
    if match:
        kind = match.group(1).lower()
        if match.group(3):
            unit = entries.get(f"{kind}:{match.group(2)}:{match.group(3)}")
            if unit is not None:
                return unit
        state = entries.get(f"{kind}:{match.group(2)}")
        if state is not None and not match.group(3):
            return state
    if name in entries:
        return entries[name]
    if match and entries.get(f"{match.group(1).lower()}:{match.group(2)}") is not None:
        return entries[f"{match.group(1).lower()}:{match.group(2)}"]
    base = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    for key in (name, base):
        cands = dictionary._cs_candidates.get(key) or dictionary._candidates.get(_norm_alias(key))
        if cands:
            return cands[0].entry
    if name in dictionary._generic_by_name:
        return dictionary._generic_by_name[name]
    generic = re.fullmatch(r"(.+) \((.+)\)", name)
    if generic and f"{generic.group(1)} (X)" in dictionary._generic_by_name:
        return dictionary._generic_by_name[f"{generic.group(1)} (X)"]
    return None


def test_lookup_equals_the_regex_calls() -> None:
    dictionary = ActorDictionary.default()
    names = [*dictionary.entries, *dictionary._generic_by_name]
    names += [n.replace("(X)", "(Syria)") for n in names] + [n.replace("(X)", "(X) ") for n in names]
    names += [n + " Republican Guard" for n in names if n.startswith(("Military", "Police"))][:200]
    names += [n + " (Mali)" for n in names[:300]] + [n.lower() for n in names[:300]]
    names += ["Military Forces of the Philippines (2022-)", "Police Forces of Mali (2021-) Gendarmerie",
              "Civilians (Syria)\n", "Rioters ( India )", "Military Forces of\nSyria", "x)", "(", ")", ""]
    for name in names:
        assert dictionary._lookup(name) is _lookup_before(dictionary, name), name


def test_actor_entry_init_takes_the_fields_in_order_with_their_defaults() -> None:
    import dataclasses

    from eventdesk.coding.actor_names import ActorEntry

    fields = dataclasses.fields(ActorEntry)
    # every field, in order, positionally and by keyword (a compiled __init__ has no inspectable signature)
    values: list[object] = ["N", 3, "Mali", "military", ("a",), (), (), "Unit", {"Mali": "M"}, {"M": ("p",)},
                            "Member", ("ab",), ("co",), ("Niger",), True, True]
    assert len(values) == len(fields)
    for made in (ActorEntry(*values), ActorEntry(**{f.name: v for f, v in zip(fields, values, strict=True)})):
        assert [getattr(made, f.name) for f in fields] == values
    entry = ActorEntry("Name", 2)
    for f in fields[2:]:
        default = f.default_factory() if f.default is dataclasses.MISSING else f.default  # type: ignore[misc]
        assert getattr(entry, f.name) == default, f.name
    other = ActorEntry("Name", 2)
    assert entry == other
    assert entry.by_country is not other.by_country and entry.by_place is not other.by_place
    changed = dataclasses.replace(entry, country="Mali", generic=True)
    assert (changed.name, changed.country, changed.generic, changed.kind) == ("Name", "Mali", True, "named")


def test_token_spans_of_bracketed_words_equal_the_pattern() -> None:
    from eventdesk.coding.actor_text import _TOKEN, _token_spans

    rng = random.Random(12)
    alphabet = "ab9(((()))).. '/_s"
    texts = ["(sdf)", "(hts", "forces)", "(sna).", "(a)(b)", "((a))", "(a.)", "a).", ").", "(", ")", "(."]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        found = list(_TOKEN.finditer(text))
        assert _token_spans(text) == ([m.group() for m in found], [m.start() for m in found],
                                      [m.end() for m in found]), text


def test_said_its_gate_never_skips_a_match() -> None:
    rng = random.Random(13)
    words = ("said", "SAID", "claimed", "in", "a", "statement", "on", "late", "Monday", "that", "its", "Its",
             "their", "THEIR", "troops", "forces", "x", "ıts", "ſaid", "iTs", "thei", "ts", "it", "\u212aits")
    seps = (" ", "  ", "\n", "\t", "", ", ", ". ", " \n", "\u00a0")
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 12)))
        end = rng.choice([len(text), rng.randint(0, len(text))])
        found = actor_country._SAID_ITS.search(text, max(0, end - 60), end) is not None
        matched += found
        if found:
            assert actor_country._may_say_its(text, end), (text, end)
    assert matched > 100


def test_outlet_sides_read_once_per_report_equal_a_fresh_read() -> None:
    from eventdesk.coding.claims import OutletDirectory

    directory = OutletDirectory.default()
    names = [o.name for o in directory.outlets.values() if o.side][:6] or ["Reuters"]
    rng = random.Random(14)
    for _ in range(60):
        vocabulary = [*names, "the", "army", "said", "Reuters"]
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 9)))
        expected = frozenset(o.side for _, _, o in directory.outlets_in(text) if o.side)
        assert actor_country._outlet_sides(text) == expected
        assert actor_country._outlet_sides(text) == expected  # from the memo


def _drop_accused_links_before(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    # the session-9 code
    import eventdesk.coding.actor_sides as sides

    out = []
    ascii_text = text.isascii()
    for mention in mentions:
        head = text[max(0, mention.start - 40) : mention.start]
        if ascii_text:
            last = head.rstrip().lower()
            if not (
                last.endswith("with") or last.endswith("for") or last.endswith("to") or last.endswith("the")
            ):
                out.append(mention)
                continue
        if sides._DEALINGS_BEFORE.search(head):
            sentence_start = max(text.rfind(".", 0, mention.start), text.rfind(";", 0, mention.start)) + 1
            if sides._ACCUSATION.search(text, sentence_start, mention.start):
                continue
        out.append(mention)
    return out


def test_drop_accused_links_equals_the_pattern_everywhere() -> None:
    from eventdesk.coding.actor_sides import _drop_accused_links

    rng = random.Random(15)
    words = ("accused", "of", "charged", "with", "for", "to", "the", "The", "dealings", "DEAL", "co-workers",
             "links", "ties", "spying", "joined", "join", "contacts", "communicating", "loyalty", "suspected",
             "x", "forces", "on", "suspicion", "cooperation", "ıt", "with\n", "the\t")
    dropped = 0
    for _ in range(6000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        text += rng.choice([" ", "  ", "\n", ""])
        mentions = [ActorMention("HTS", len(text), len(text) + 3, "Hayat Tahrir al-Sham", 2, "Syria", False)]
        text += "HTS fighters"
        new = _drop_accused_links(text, mentions)
        assert new == _drop_accused_links_before(text, mentions), text
        dropped += not new
    assert dropped > 50


def test_resolve_cached_across_dates_equals_a_fresh_resolve() -> None:
    import datetime as dt

    from eventdesk.coding.actor_schema import load_actor_data

    memoised = ActorDictionary.default()
    fresh = ActorDictionary(load_actor_data())
    phrases = ["protesters", "police", "the army", "soldiers", "gunmen", "civilians", "security forces",
               "regime forces", "HTS", "Jabhat al-Nusra", "Hayat Tahrir al-Sham", "Islamic State", "rebels",
               "Taliban", "the Houthis", "Ansar Allah", "Wagner", "Africa Corps", "militants",
               "police officers", "Syrian army", "Kurdish fighters", "YPG", "SDF", "terrorists",
               "mercenaries", "rioters"]
    countries = [None, "Syria", "Afghanistan", "Mali", "Yemen", "Nigeria", "Ukraine", "Russia", "Philippines"]
    dates = [None, dt.date(2012, 5, 1), dt.date(2016, 3, 3), dt.date(2017, 2, 1), dt.date(2019, 9, 9),
             dt.date(2021, 8, 20), dt.date(2023, 6, 1), dt.date(2024, 12, 9)]
    rng = random.Random(16)
    for _ in range(4000):
        phrase, country, on = rng.choice(phrases), rng.choice(countries), rng.choice(dates)
        expected = fresh._find(phrase, 0, len(phrase), country, on, False)
        whole = len(expected) == 1 and expected[0].end - expected[0].start == len(phrase)
        want = expected[0] if whole else None
        assert memoised.resolve_cached(phrase, country, on) == want, (phrase, country, on)


def test_alias_tokens_equal_the_pattern() -> None:
    from eventdesk.coding.actor_names import _QUOTES
    from eventdesk.coding.actor_text import _TOKEN, _tokens

    rng = random.Random(17)
    alphabet = "abcsSZ09 '''()/._-,!?\\t\\n`’é"
    texts = ["Hay'at Tahrir al-Sham", "Assad's forces", "`Ansar`", "U.S.-led coalition", "(HTS)", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(20000)]
    for text in texts:
        assert _tokens(text) == [t.replace("'", "") for t in _TOKEN.findall(text.translate(_QUOTES))], text


def test_security_suffixes_equal_the_word_loop() -> None:
    from eventdesk.coding.actor_text import _STATE_NOUNS

    dictionary = ActorDictionary.default()
    words = ["security forces", "Security Services", "the security forces", "forces", "police", "x security",
             "Security", "intelligence services", "state security apparatus", "", "security  forces"]
    words += [f"{a} {b}" for a in ("local", "Syrian", "") for b in _STATE_NOUNS[2]]
    for word in words:
        key = dictionary._key(word)
        expected = key in dictionary._security_words or any(key.endswith(" " + w) for w in _STATE_NOUNS[2])
        assert dictionary.is_security_term(word) == expected, word


def test_outlet_of_needs_a_hyphen() -> None:
    from eventdesk.coding.actor_sides import _OUTLET_OF

    rng = random.Random(18)
    words = ("-run", "-owned", " run", "Al-Masirah", "channel", "spokesman", "-", "x", "agency", "-backed")
    for _ in range(5000):
        tail = "".join(rng.choice(words) + rng.choice((" ", "", "  ")) for _ in range(rng.randint(0, 6)))
        if _OUTLET_OF.match(tail):
            assert tail.startswith("-"), tail


def test_two_groups_gate_equals_the_search() -> None:
    from eventdesk.coding.actor_sides import _TWO_GROUPS, _two_groups

    rng = random.Random(19)
    words = ("two", "TWO", "rival", "rıval", "opposing", "groups", "factions", "each", "other", "one",
             "another", "with", "BJP", "and", "TMC", "supporters", "clashed", "CLASHED", "ſupporters",
             "activists", "gang", "x", "the", "villagers", "families", "each-other", "police")
    hits = 0
    for _ in range(8000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.choice([len(text), rng.randint(start, len(text))])
        expected = _TWO_GROUPS.search(text, start, end) is not None
        hits += expected
        assert _two_groups(text, start, end) == expected, (text, start, end)
    assert hits > 500


def test_trie_branches_built_on_use_equal_the_whole_trie() -> None:
    from eventdesk.coding.actor_schema import load_actor_data
    from eventdesk.coding.actor_text import _END

    dictionary = ActorDictionary(load_actor_data())
    whole: dict[str, object] = {}
    for key, cands in dictionary._candidates.items():
        node = whole
        for part in key.split(" "):
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[_END] = cands
    assert set(dictionary._pending_branches) == set(whole)
    dictionary.find("Syrian regime forces and HTS fighters clashed; Ansar Allah said.")
    assert dictionary._trie and len(dictionary._pending_branches) < len(whole)  # built on use only
    for first in list(whole):
        assert dictionary._branch(first) == whole[first], first
    assert not dictionary._pending_branches and dictionary._trie == whole
    assert dictionary._branch("nosuchfirsttoken") is None
