"""Session 12 speed rewrites of the actor stage give what the code they replace gave."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from eventdesk.coding.actor_country import _bound_country
from eventdesk.coding.actors import ActorDictionary

# words the country-bound actors and their neighbours are made of, and letters IGNORECASE and lower() fold
_WORDS = (
    "Syrian", "regime", "Regime", "REGIME", "forces", "rebels", "rebel", "opposition", "Opposition",
    "factions", "faction", "fighters", "members", "armed", "the", "Free", "Syrian", "Army", "FSA",
    "Iranian-backed", "militias", "pro-Iran", "militia", "settlers", "Israeli", "Jewish", "colonists",
    "Hilltop", "Youth", "militiamen", "(Rio)", "(Syria)", "Brazil", "police", "army", "Turkish", "HTS",
    "SDF", "gunmen", "and", "of", "in", "Idlib", ",", ".", "killed", "attacked", "former", "reconciled",
    "Fatemiyoun", "Division", "İ", "ı", "ſ", "K", "é", "REGİME", "regime's", "anti-regime", "Hezbollah",
    "Houthi", "Islamic", "State",
)


def _bound_country_unshortcut(
    dictionary: ActorDictionary, text: str, start: int, end: int, on: dt.date | None
) -> str | None:
    """``_bound_country`` as it was before session 12 (a search of every window)."""
    countries = set()
    for mention in dictionary.find(text, start, end, on=on):
        if not mention.country:
            continue
        entry = dictionary.lookup(mention.canonical)
        if entry is None or entry.by_country:
            continue
        if (entry.generic and entry.country) or (mention.inter == 1 and "regime" in mention.text.lower()):
            countries.add(mention.country)
    return countries.pop() if len(countries) == 1 else None


def test_binding_words_shortcut_keeps_bound_country() -> None:
    dictionary = ActorDictionary.default()
    assert dictionary._binding_words is not None  # (the packaged tables allow the shortcut)
    rng = random.Random(12)
    words = list(_WORDS) + sorted(dictionary._binding_words) + sorted(dictionary._starters)[:300]
    skipped = 0
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        start = rng.choice((0, 0, rng.randint(0, len(text))))
        end = rng.choice((len(text), len(text), rng.randint(start, len(text))))
        on = rng.choice((None, dt.date(2015, 3, 1), dt.date(2023, 6, 1)))
        expected = _bound_country_unshortcut(dictionary, text, start, end, on)
        if not dictionary.may_bind(text, start, end):
            skipped += 1
            assert expected is None, (text, start, end)
        assert _bound_country(dictionary, text, start, end, on) == expected, (text, start, end)
    assert skipped > 100


def test_binding_words_cover_every_bound_actors_alias() -> None:
    dictionary = ActorDictionary.default()
    words = dictionary._binding_words
    assert words is not None
    bound = [e for e in dictionary.entries.values() if e.generic and e.country and not e.by_country]
    assert bound
    for entry in bound:
        for alias in (entry.name, *entry.aliases):
            for text in (alias, f"the {alias} attacked", f"{alias} (Syria) and regime forces"):
                if _bound_country_unshortcut(dictionary, text, 0, len(text), None) is not None:
                    assert dictionary.may_bind(text, 0, len(text)), text


def test_trie_branches_equal_the_setdefault_build() -> None:
    from eventdesk.coding.actor_text import _END

    dictionary = ActorDictionary.default()
    by_first: dict[str, list[str]] = {}
    for key in dictionary._candidates:
        by_first.setdefault(key.split(" ", 1)[0], []).append(key)
    firsts = sorted(by_first, key=lambda f: -len(by_first[f]))[:40] + sorted(by_first)[::50]
    for first in firsts:
        expected: dict[str, object] = {}
        for key in by_first[first]:
            node = expected
            for part in key.split(" ")[1:]:
                node = node.setdefault(part, {})  # type: ignore[assignment]
            node[_END] = dictionary._candidates[key]
        assert dictionary._branch(first) == expected, first


_GAP_WORDS = (
    "-", "- ", "-led", "-Led", "-affiliated", "-aligned", "-backed", " ", "  ", ",", "(", "[", "'s", "’s",
    "of", "the", "operating", "Operates", "OPERATED", "operate", "under", "as", "part", "within",
    "umbrella", "who", "which", "fighters", "forces", "members", "Aleppo", "in", "with", "former", "ſ", "K",
    "ı", "İ", "é", "Operations", "Operation", "Room", "Dawn", "of Freedom", "vehicles", "belonging to",
    "affiliates",
)


def test_merge_gates_never_skip_a_match() -> None:
    from eventdesk.coding.actor_merge import _JOIN_HYPHEN, _JOIN_OPERATES, _OPERATIONS

    rng = random.Random(121)
    for _ in range(4000):
        words = " ".join(rng.choice(_GAP_WORDS) for _ in range(rng.randint(0, 6)))
        gap = rng.choice(("", " ", "-", ", ")) + words
        gap += rng.choice(("", " ", "  "))
        if _JOIN_HYPHEN.match(gap):
            assert gap[:1] == "-", gap
        if _JOIN_OPERATES.match(gap):
            assert "operat" in gap.lower(), gap
        if _OPERATIONS.search(gap):
            assert "Operation" in gap, gap


_TWO_WORDS = (
    "two", "rival", "opposing", "Two", "RIVAL", "groups", "factions", "families", "villages", "clans",
    "each", "other", "each-other", "one", "another", "with", "mob", "gang", "BJP", "and", "TMC",
    "supporters", "activists", "workers", "clashed", "Clashed", "CLASHED", "clashes", "claimed", "of",
    "the", "villagers", ".", ";", "ſ", "ſupporters", "claſhed", "ı", "K", "İ", "é", "police", "fired",
)


def test_two_groups_and_infighting_equal_the_patterns() -> None:
    from eventdesk.coding.actor_sides import _AMONG, _TWO_GROUPS, _two_groups
    from eventdesk.coding.actors import _infighting

    rng = random.Random(122)
    for _ in range(3000):
        text = " ".join(rng.choice(_TWO_WORDS) for _ in range(rng.randint(1, 25)))
        start = rng.choice((0, rng.randint(0, len(text))))
        end = rng.choice((len(text), rng.randint(start, len(text))))
        two = _TWO_GROUPS.search(text, start, end) is not None
        assert _two_groups(text, start, end) == two, (text, start, end)
        among = _AMONG.search(text, start, end) is not None or two
        assert _infighting(text, start, end) == among
        assert _infighting(text, start, end) == among  # (the second time from the memo)


_FIRE_WORDS = (
    "Russia", "Ukraine", "The", "Gambia", "South", "Sudan", "US", "UK", "Israel", "and", "the", "has", "also",
    "again", "launched", "fired", "struck", "shelled", "attacked", "hit", "carried", "out", "a", "missile",
    "attack", "on", "Kharkiv", "Russian", "forces", "Syrian", "army", "(", ")", ".", ",", "/", "_", "-", "o'",
    "’", "Moscow's", "İ", "é", "ſ", "K", "2024", "In", "Idlib", "Turkey", "Türkiye", "Iran",
)


def test_country_word_gate_keeps_country_as_subject() -> None:
    from eventdesk.coding.actors import _COUNTRY_FIRES, _state_mention

    dictionary = ActorDictionary.default()
    rng = random.Random(123)
    words = list(_FIRE_WORDS) * 3 + [w.title() for w in sorted(dictionary._country_alias)[::40]]
    skipped = found = 0
    for _ in range(2500):
        seps = (" ", " ", " ", "  ", ", ", "-", "\n", "")
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        dictionary.find(text)  # (the report's tokens, as the coder reads them first)
        start = rng.choice((0, 0, rng.randint(0, len(text))))
        end = rng.choice((len(text), len(text), rng.randint(start, len(text))))
        states = [
            m.group(1)
            for m in _COUNTRY_FIRES.finditer(text, start, end)
            if _state_mention(dictionary, m.group(1), 0, 0, None) is not None
        ]
        found += bool(states)
        if not dictionary.may_name_country(text, start, end):
            skipped += 1
            assert not states, (text, start, end)
    assert skipped > 150 and found > 50


def test_text_date_memo_equals_the_groups() -> None:
    from eventdesk.coding.actor_country import _DAY_MONTH_YEAR, _MONTHS, _text_date

    rng = random.Random(124)
    months = ["January", "february", "MAY", "June", "Feb", "September", "December"]
    for _ in range(1500):
        day = rng.choice(("1", "4", "04", "29", "30", "31", "0", "00", "12"))
        text = f"On {day} {rng.choice(months)} {rng.choice(('2019', '2020', '2023', '1999', '2100'))}, x."
        match = _DAY_MONTH_YEAR.search(text)
        expected = None
        if match is not None:
            try:
                month = _MONTHS.index(match.group(2).lower()) + 1
                expected = dt.date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                expected = None
        assert _text_date(text, 0, len(text)) == expected, text
        assert _text_date(text, 3, len(text)) == expected, text


def test_gap_words_equal_the_pattern() -> None:
    from eventdesk.coding.actor_sides import _GAP_WORDS, _gap_words

    rng = random.Random(125)
    pieces = ("by", "the", " ", ", ", "-", "attributed to", "hands of", "İ", "ı", "é", "ſ", "K", "\n", "3")
    for _ in range(2000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))).lower()
        assert _gap_words(low) == _GAP_WORDS.findall(low), low


def test_mention_memo_across_dates_equals_a_fresh_reading() -> None:
    dictionary = ActorDictionary.default()
    rng = random.Random(126)
    entries = list(dictionary.entries.values())
    dates = (None, dt.date(2012, 5, 1), dt.date(2016, 1, 1), dt.date(2021, 9, 1), dt.date(2024, 2, 29))
    countries = (None, "Syria", "Afghanistan", "Yemen", "Sudan", "Ukraine", "Myanmar", "Nigeria")
    from eventdesk.coding.actor_dictionary import _Candidate

    for _ in range(3000):
        entry = rng.choice(entries)
        country, on = rng.choice(countries), rng.choice(dates)
        mention = dictionary._mention(_Candidate(entry, bound=False), "x", 0, 1, country, on)
        assert mention.canonical == entry.canonical(on, country, dictionary._eras)
        assert mention.inter == entry.inter_on(on)
        assert mention.country == (entry.country or (country if entry.generic else None))


def test_drop_descriptions_text_gate_keeps_the_mentions() -> None:
    from eventdesk.coding.actor_sides import _DESCRIPTION_BEFORE, _drop_descriptions, _notable_of
    from eventdesk.records import ActorMention

    def reference(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
        if len(mentions) < 2:
            return mentions
        out = [
            m
            for m in mentions
            if not _DESCRIPTION_BEFORE.search(text[max(0, m.start - 45) : m.start])
        ]
        return out if len(out) < 3 else [m for m in out if not (m.inter == 4 and _notable_of(text, m))]

    dictionary = ActorDictionary.default()
    words = (
        "HTS", "fighters", ",", "a", "pro-Turkish", "faction", "which", "swore", "allegiance", "to", "the",
        "Islamic", "State", "reconciled", "with", "regime", "forces", "defected", "from", "SDF", "PRO-",
        "BAY'AH", "İ", "ſettled", "his", "status", "Shammar", "tribe", "head", "of", "sheikh", "and",
    )
    rng = random.Random(127)
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 30)))
        mentions = dictionary.find(text)
        assert _drop_descriptions(text, mentions) == reference(text, mentions), text


def test_unit_index_equals_the_dict_it_replaces() -> None:
    from importlib import resources

    from eventdesk.coding import actor_country
    from eventdesk.geo.normalize import fold, skeleton

    # the index as session 11 built it (a dict, and a set of its keys' first tokens)
    base = resources.files("eventdesk.data") / "gazetteer"
    names: dict[str, str] = {}
    for line in (base / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 2 and not line.startswith("#") and cols[0] != "iso2":
            names[cols[0]] = cols[2]
    keys: dict[str, set[str]] = {}
    for table in ("admin1.tsv", "admin1_acled.tsv", "admin1_aliases.tsv"):
        for line in (base / table).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3 or cols[0] == "country":
                continue
            for variant in {cols[-1], actor_country._UNIT_SUFFIX.sub("", cols[-1])}:
                if len(fold(variant)) < 4:
                    continue
                keys.setdefault(fold(variant), set()).add(cols[0])
                if len(skeleton(variant).replace(" ", "")) >= 4:
                    keys.setdefault("~" + skeleton(variant), set()).add(cols[0])
    expected = {k: names[next(iter(c))] for k, c in keys.items() if len(c) == 1 and next(iter(c)) in names}
    index = actor_country._unit_index()
    assert dict(index.items()) == expected
    rng = random.Random(128)
    for key in [*rng.sample(sorted(expected), 500), "idlib", "~dlb", "nowhere at all", "", "~", "zzzz"]:
        assert index.get(key) == expected.get(key), key
    assert all(ch >= " " for key in expected for ch in key)  # (_FirstWords, the joined keys)
    assert not any(key.startswith("~~") for key in expected)
    first = {key.lstrip("~").split(" ")[0] for key in expected}
    words = {word for key in expected for word in key.lstrip("~").split(" ")}
    keyed = [key.replace(" ", "") for key in expected]
    for word in [*sorted(words), *keyed, "the", "al", "", "zzzz", "idlib", "north", "~", "~idlib", "~~dlb"]:
        assert (word in actor_country._UNIT_FIRST) == (word in first), word


def test_claimed_author_gate_keeps_the_author() -> None:
    from eventdesk.coding.actor_sides import _CLAIMED_BY_BEFORE, _CLAIMS_AFTER, _claimed_author
    from eventdesk.records import ActorMention

    def reference(text: str, span: tuple[int, int], armed: list[ActorMention]) -> ActorMention | None:
        for mention in armed:
            if mention.generic or mention.inter in (5, 6, 7):
                continue
            after = _CLAIMS_AFTER.match(text, mention.end, min(span[1], mention.end + 120))
            if after or _CLAIMED_BY_BEFORE.search(text, max(span[0], mention.start - 60), mention.start):
                return mention
        return None

    dictionary = ActorDictionary.default()
    words = (
        "the", "attack", "was", "claimed", "Claimed", "CLAIMED", "by", "responsibility", "for", "Al",
        "Shabaab", "ISWAP", "JNIM", "Islamic", "State", "later", "took", "credit", "said", "it", "carried",
        "out", "bombing", ",", ".", "claimeḍ", "ı", "İ", "ſ", "K", "police", "soldiers", "killed",
    )
    rng = random.Random(129)
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 30)))
        armed = [m for m in dictionary.find(text) if m.inter not in (5, 6, 7)]
        span = (rng.choice((0, rng.randint(0, len(text)))), len(text))
        assert _claimed_author(text, span, armed) == reference(text, span, armed), text


def test_interaction_code_equals_the_written_digits() -> None:
    from eventdesk.coding.actors import interaction_code

    def written(inter1: int | None, inter2: int | None) -> int | None:
        if inter1 is None and inter2 is None:
            return None
        if inter1 is None or inter2 is None:
            return int(f"{inter1 or inter2}0")
        low, high = sorted((inter1, inter2))
        return int(f"{low}{high}")

    Code = Callable[[int | None, int | None], int | None]

    def outcome(code: Code, one: int | None, two: int | None) -> object:
        try:
            return code(one, two)
        except ValueError:
            return ValueError  # (0 and None: "None0" is no number either way)

    values = [None, *range(0, 13), 99, 100]
    for one in values:
        for two in values:
            assert outcome(interaction_code, one, two) == outcome(written, one, two), (one, two)


def test_assign_actors_reads_mentions_in_any_order() -> None:
    from eventdesk.coding.actors import assign_actors
    from eventdesk.records import Document

    dictionary = ActorDictionary.default()
    rng = random.Random(130)
    texts = (
        "Syrian regime forces and Hezbollah clashed with HTS fighters near Idlib; two soldiers were killed.",
        "Police arrested 12 protesters in Lagos. Soldiers in military fatigues fired on the crowd.",
        "Al Shabaab claimed the attack on AMISOM troops in Mogadishu, police said.",
    )
    for text in texts:
        doc = Document(id="d", text=text)
        mentions = dictionary.find(text)
        span = (0, len(text))
        expected = assign_actors(doc, span, "Battles", "Armed clash", country=None, mentions=mentions)
        for _ in range(5):
            shuffled = list(mentions)
            rng.shuffle(shuffled)
            roles = assign_actors(doc, span, "Battles", "Armed clash", country=None, mentions=shuffled)
            assert (roles.actor1, roles.actor2, roles.assoc_actor_1, roles.assoc_actor_2) == (
                expected.actor1, expected.actor2, expected.assoc_actor_1, expected.assoc_actor_2
            )


def test_generic_name_gates_never_skip_a_match() -> None:
    from eventdesk.coding.actors import _GENERIC_BRACKET, _GENERIC_STARTS, _GROUP_SUFFIX, _Mover

    rng = random.Random(131)
    heads = (
        "Protesters", "Rioters", "Civilians", "Unidentified Armed Group", "Islamist Militia", "Fulani Ethnic",
        "Bani Khalid Tribal Militia", "Hawiye Clan Militia", "Military Forces of Syria", "X Communal",
    )
    tails = (" (Syria)", " (X)", " (Mali)\n", " (2000-)", " ((x))", "(Syria)", " (Syria) ", " Militia (Peru)")
    mover = _Mover(None, "Peru", None, False)
    for _ in range(3000):
        part = rng.choice(heads) + rng.choice(tails) + rng.choice(("", "", " (Chad)"))
        if _GENERIC_BRACKET.match(part):
            assert part.startswith(_GENERIC_STARTS), part
        if _GROUP_SUFFIX.match(part):
            assert " Militia (" in part, part
        found = mover.group_of(part)
        expected = None
        if part.endswith((")", ")\n")):
            expected = _GENERIC_BRACKET.match(part) or _GROUP_SUFFIX.match(part)
        assert (found and found.group(0)) == (expected and expected.group(0)), part
