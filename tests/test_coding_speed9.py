"""Session 9's shortcuts in the coder give the same answers as the code they replace."""

from __future__ import annotations

import importlib
import random
import re
from typing import Any

import pytest

from eventdesk.coding import places
from eventdesk.nlp import dates, numbers
from eventdesk.nlp.sentences import ascii_words, words_within

# reports written for these tests, in the style of the notes the coder reads
REPORTS = [
    "On 3 May 2021, unidentified gunmen killed two civilians in Kafr Nabl, local sources said.",
    "In the past year, militants attacked the town of Bama; them and their allies shelled Jisr al-Shughur.",
    "Over the last decade the army shelled the Kabanah axis in the northern countryside of Latakia.",
    "Forces destroyed two tanks near the Marib front; troops later stormed the village of Natugo.",
    "Air defences shot down 12 Ukrainian drones over Belgorod region, the ministry told reporters.",
    "Gunmen abducted a teacher 5 km north of Bama town, Borno state, in the early hours of Monday.",
    "Clashes took place in the vicinity of Deir Hafer and on the outskirts of al-Safira (Aleppo).",
    "Fighting near kafr zita and in _Aleppo, then in (Idlib) and in\tHama; in 2023 in the city.",
    "XinAleppo interest In Homs atAleppo onto Hama, 40km southeast of Deir ez-Zor; 3-5 km west of Ariha",
    "Twenty-one people were killed and between 30 and 40 wounded on 12-14 June 2022, two days ago.",
    "The frontlines of Marib and the front lines of Taiz; central of Sanaa; fronts of Hodeidah.",
    "Shelling hit areas of Daraa and the eastern suburbs of Damascus; downed two drones over Kursk.",
    "Demonstrators marched in Nairobi on Tuesday, 5 March; police arrested dozens, more than 20 of them.",
    "Clashes near Kafr Nabl and in Ma\u2019arrat al-Nu\u2019man, then around Zardan\u0101 on 4 April.",
]  # fmt: skip


def _spans(text: str, rng: random.Random) -> list[tuple[int, int]]:
    n = len(text)
    spans = [(0, n), (3, n - 2), (0, n // 2), (n // 3, n)]
    for _ in range(12):
        a, b = rng.randrange(n + 1), rng.randrange(n + 1)
        spans.append((min(a, b), max(a, b)))
    return spans


def test_words_within_is_the_span_split() -> None:
    rng = random.Random(9)
    for text in REPORTS:
        low = text.lower()
        words = ascii_words(low)
        for start, end in [*_spans(low, rng), (5, 5), (7, 4)]:
            expected = [(start + o, w) for o, w in ascii_words(low[start:end])]
            assert words_within(words, start, end) == expected, (text, start, end)


def test_lead_words_are_every_first_word_of_the_lead_pattern() -> None:
    # every first word of an alternative of _LEAD (each before a name) begins a match and is a lead word
    phrases = [
        "in", "near", "at", "outside", "around", "on", "nearby", "shot down two drones over",
        "downed two over", "intercepted drones over", "destroyed 3 drones over", "recaptured", "captured",
        "seized", "stormed", "shelled", "struck",
        "bombarded", "entered", "besieged", "liberated", "took control of", "took full control over",
        "controlling", "took over", "on the outskirts of", "on the edge of", "in the vicinity of", "close to",
    ]  # fmt: skip
    phrases += [f"{c} of" for c in places._COMPASS_WORDS]
    phrases += [f"the {c} {a} of" for c in places._COMPASS_WORDS for a in places._LEAD_AREA_WORDS]
    phrases += [f"the {a} of" for a in places._LEAD_AREA_WORDS]
    phrases += [f"{c} {a} of" for c in places._COMPASS_WORDS for a in places._LEAD_AREA_WORDS]
    phrases += [f"{a} of" for a in places._LEAD_AREA_WORDS]
    phrases += ["front lines of", "front line of", "neighbourhood of", "neighborhood of"]
    for phrase in phrases:
        text = f"It was {phrase} Aleppo."
        m = places._LEAD.match(text, 7)
        assert m is not None, phrase
        first = re.match("[a-z0-9]+", phrase)
        assert first is not None and first.group().encode() in places._LEAD_WORDS, phrase
    # and no word outside them begins a match, in the test reports and their variants
    for text in REPORTS:
        for m in places._LEAD.finditer(text):
            word = re.match("[a-z0-9]+", text[m.start() :])
            assert word is not None
            assert word.group().encode() in places._LEAD_WORDS or word.group()[0].isdigit(), m.group()


@pytest.mark.parametrize("shared", [False, True])
def test_leads_are_the_regex_scan(shared: bool) -> None:
    rng = random.Random(19)
    for report in REPORTS:
        for text in (report, report.upper(), report.replace(" ", "  "), report + " " + report.lower()):
            if shared:
                places.share_words(text, ascii_words(text.lower()))
            for start, end in _spans(text, rng):
                expected = [(m.span(), m.groups()) for m in places._LEAD.finditer(text, start, end)]
                assert [(m.span(), m.groups()) for m in places._leads(text, start, end)] == expected


def test_quantities_with_the_shared_words_are_the_same() -> None:
    rng = random.Random(29)
    for text in REPORTS:
        low = text.lower()
        words = ascii_words(low)
        for start, end in _spans(text, rng):
            plain = numbers.find_quantities(text, start, end)
            assert numbers.find_quantities(text, start, end, low, words) == plain
            assert numbers.find_quantities(text, start, end, text_lower=low, words=words) == plain
            expected = [(m.span(), m.groups()) for m in numbers._QUANTITY.finditer(low, start, end)]
            found = numbers._quantity_matches(low, start, end, words)
            assert [(m.span(), m.groups()) for m in found] == expected


def test_date_kinds_with_words_within_are_the_regex_scan() -> None:
    rng = random.Random(39)
    for text in REPORTS:
        low = text.lower()
        if not low.isascii():
            continue
        words = ascii_words(low)
        for start, end in _spans(low, rng):
            within = words_within(words, start, end)
            for kind, pattern in dates._PATTERNS:
                expected = [(m.span(), m.groups()) for m in pattern.finditer(low, start, end)]
                found = dates._kind_matches(kind, pattern, low, start, end, within)
                assert [(m.span(), m.groups()) for m in found] == expected, (kind, start, end)



def _unit_country_before(dictionary: Any, text: str, mentions: list[Any]) -> str | None:
    """``actor_country._unit_country`` as it was before the per-run memo (``_run_info``), unmemoised."""
    from eventdesk.coding import actor_country as ac

    ac._unit_index()
    taken = tuple((m.start, m.end) for m in mentions)
    votes: dict[str, int] = {}
    first: dict[str, int] = {}
    for match in ac._UNIT_WORD.finditer(text, 0, min(len(text), 3000)):
        if taken and any(s <= match.start() < e for s, e in taken):
            continue
        run = match.group(0)
        all_heads, any_heads = ac._run_heads(run)
        if all_heads:
            found = ac._run_unit(run, False)
        else:
            variant = ac._run_unit(run, True)
            if not variant and not any_heads:
                continue
            before = text[max(0, match.start() - 12) : match.start()].lower()
            after = text[match.end() : match.end() + 14].lower()
            cued = ac._UNIT_BEFORE.search(before) is not None or ac._UNIT_AFTER.match(after) is not None
            if not cued and not any_heads:
                continue
            found = variant if cued else ac._run_unit(run, False)
        if found:
            votes[found] = votes.get(found, 0) + 1
            first.setdefault(found, match.start())
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], -first[c]))
    return dictionary.country_of(best) or best


UNIT_REPORTS = [
    "Clashes in Idleb province and in Idlib city; the Syrian army shelled Hama and Deir ez-Zor countryside.",
    "Gunmen attacked a village in Borno State; in Cabo Delgado Province insurgents burned homes.",
    "Protesters marched in Nairobi County and Kisumu; police in Idleb and Idlib fired.",
    "Near the Idleb countryside, then in Sool region and Sanaag; Monday in Tigray Region.",
    "From Idleb to Borno, of the Kisumu and near Sanaag; Idleb, Tigray; in the Deir ez Zor area.",
]


def test_unit_country_with_the_run_memo_is_the_same() -> None:
    from eventdesk.coding import actor_country as ac
    from eventdesk.coding.actors import ActorDictionary

    dictionary = ActorDictionary.default()
    answers = set()
    for text in UNIT_REPORTS + REPORTS:
        for mentions in (dictionary.find(text), []):
            for fresh in (True, False):
                if fresh:
                    ac._RUN_INFO.clear()
                dictionary.memos.pop("unit_country", None)
                got = ac._unit_country(dictionary, text, mentions)
                assert got == _unit_country_before(dictionary, text, mentions), text
                answers.add(got)
    assert len(answers) > 2  # the texts name units of several countries


ALLY_PHRASES = [
    "backed by", "supported with", "accompanied by", "assisted by", "aided by", "reinforced by", "joined by",
    "led by", "advised by", "commanded by", "covered up by", "with the air support of", "with backing from",
    "alongside", "along with", "together with", "in coordination with", "in cooperation with",
    "in conjunction with", "jointly with", "allied with", "loyal to", "who had joined", "who joined",
    "and its affiliates", "and affiliates", "coded as", "under the air cover of", "with cover of",
    "operating as part of", "operates under", "operated within", "fighting with", "working with",
    "serving under", "deployed within", "as part of", "under the umbrella of", "under the command of",
    "affiliated with", "affiliated to",
]  # fmt: skip


def test_ally_words_begin_every_ally_match() -> None:
    from eventdesk.coding import actor_sides

    for phrase in ALLY_PHRASES:
        for variant in (phrase, phrase.upper(), phrase.title()):
            text = f"Rebels, {variant} the army, fought"
            m = actor_sides._ALLY_ANYWHERE.search(text)
            assert m is not None and m.start() == 8, variant
            first = re.match("[a-z0-9]+", variant.lower())
            assert first is not None and first.group().encode() in actor_sides._ALLY_FIRSTS, variant


def test_ally_matches_are_the_regex_scan() -> None:
    from eventdesk.coding import actor_sides

    gaps = [f" {p} " for p in ALLY_PHRASES] + [
        " and ", " ", ", backed by Russian and Iranian-backed militias, clashed with ", "-",
        " fired with unspecified weapons on the positions of the ", " (SDF), supported BY Coalition jets, ",
        "_with the support of_ rebels, then along\twith and AND their affiliates, as part of", "ledby",
        " Supported by the \u2019Coalition\u2019, together with ",
    ]  # fmt: skip
    for gap in gaps + REPORTS:
        for text in (gap, gap.upper(), gap.replace(" ", "  ")):
            expected = [m.span() for m in actor_sides._ALLY_ANYWHERE.finditer(text)]
            assert [m.span() for m in actor_sides._ally_matches(text)] == expected, text


def test_fire_verbs_are_in_every_country_fires_match() -> None:
    from eventdesk.coding import actors

    verbs = re.search(r"\(\?:(launched\|[^)]*)\)", actors._COUNTRY_FIRES.pattern)
    assert verbs is not None
    firsts = {v.replace(r"\s+", " ").split(" ")[0] for v in verbs.group(1).split("|")}
    assert firsts == set(actors._FIRE_VERBS)
    for text in [*REPORTS, "Russia launched drones; Israel has again struck; Turkey carried out strikes."]:
        for m in actors._COUNTRY_FIRES.finditer(text):
            assert any(v in m.group() for v in actors._FIRE_VERBS)


def test_repelled_by_gate_is_the_regex_search() -> None:
    from eventdesk.coding import actors

    texts = [
        "The army repelled an attack by the rebels near the town, and",
        "Troops PUSHED BACK two advances launched by ISIS fighters on",
        "Police foiled infiltration attempts by the militants and then",
        "Fighters fended off assaults yesterday by the army and",
        "Forces beat back a raid carried out by gunmen from the",
        "Rebels repulsed the offensive by the regime and",
        "The army thwarted an attack BY Hezbollah \u2019s fighters in",
        "Troops fought off an incursion by the RSF at dawn near",
        "Clashes broke out when the army attacked the rebels by the river",
    ]
    for text in [*texts, *REPORTS]:
        for end in range(len(text) + 1):
            for start in (0, max(0, end - 100), max(0, end - 40)):
                expected = actors._REPELLED_BY.search(text, start, end) is not None
                assert actors._repelled_by(text, start, end) == expected, (text, start, end)
    assert any(actors._repelled_by(t, 0, len(t) - 4) for t in texts)


def test_written_out_inits_are_the_dataclass_ones() -> None:
    import dataclasses

    from eventdesk.coding.classify import Typing
    from eventdesk.coding.fatalities import FatalityReading
    from eventdesk.coding.triggers import Hit

    reading = FatalityReading(3, 1, 5, 10, 20, "stated")
    names = [f.name for f in dataclasses.fields(FatalityReading)]
    assert names == ["best", "low", "high", "start", "end", "rule"]
    assert dataclasses.astuple(reading) == (3, 1, 5, 10, 20, "stated")
    assert FatalityReading(0, 0, 0) == FatalityReading(best=0, low=0, high=0, start=None, end=None, rule="")
    assert dataclasses.replace(reading, rule="x").rule == "x"
    hit = Hit("clash", 0, 5, "clash")
    typing = Typing("Battles", "Armed clash", hit, 0.6)
    names = [f.name for f in dataclasses.fields(Typing)]
    assert names == ["event_type", "sub_event_type", "trigger", "score"]
    assert dataclasses.astuple(typing)[:2] == ("Battles", "Armed clash") and typing.score == 0.6
    assert typing == Typing(event_type="Battles", sub_event_type="Armed clash", trigger=hit, score=0.6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        typing.score = 0.1  # type: ignore[misc]


def test_name_facts_are_the_checks_they_replace() -> None:
    names = {
        m.group("name") for text in REPORTS for m in places._LEAD.finditer(text)
    } | {"March", "May Day", "The Army", "Syria", "Lebanon", "Municipality", "Village", "Aleppo", "Kafr Nabl"}
    for name in sorted(names):
        rejected = bool(
            name in places._MONTHS
            or places._NOT_PLACE.match(name)
            or name.split()[0] in places._MONTHS
            or places._is_country(name)
        )
        assert places._name_facts(name) == (rejected, places._FEATURE_WORD.fullmatch(name) is not None), name
    assert places._name_facts("Syria")[0] and places._name_facts("Municipality")[1]
    assert places._name_facts("Kafr Nabl") == (False, False)


def _victim_kind_before(text: str, hits: dict[str, list[Any]], start: int = 0, end: int | None = None) -> Any:
    """``classify.victim_kind`` as it was before its scans stopped after the last victim noun."""
    c = importlib.import_module("eventdesk.coding.classify")  # (compiled, the package's name is the function)

    end = len(text) if end is None else end
    if not any(start <= h.start < end for h in c._in(hits, "civilian")) and not any(
        start <= h.start < end for h in c._in(hits, "armed")
    ):
        return None
    windows: list[tuple[int, int]] = []
    for m in c._VICTIM_AFTER.finditer(text, start, end):
        stop = min(end, m.end() + 60)
        agent = c._AGENT.search(text, m.end(), stop)
        windows.append((m.end(), agent.start() if agent else stop))
    for m in c._VICTIM_BEFORE.finditer(text, start, end):
        windows.append((max(start, m.start() - 60, c._pronoun_sentence(text, m.start())), m.start()))
    if not windows:
        return None

    def inside(group: str) -> int:
        return sum(1 for h in c._in(hits, group) for a, b in windows if a <= h.start < b)

    civ, arm = inside("civilian"), inside("armed")
    if civ and not arm:
        return "civilian"
    if arm and not civ:
        return "armed"
    if civ and arm:
        first = min(windows)
        best: tuple[int, str] | None = None
        for group, kind in (("civilian", "civilian"), ("armed", "armed")):
            for h in c._in(hits, group):
                if first[0] <= h.start < first[1] and (best is None or h.start < best[0]):
                    best = (h.start, kind)
        return best[1] if best else None
    return None


VICTIM_REPORTS = [
    "Gunmen killed two civilians and wounded a soldier in Bama; later a farmer was shot dead by militants.",
    "A soldier was killed and three villagers were injured when troops attacked; two women died.",
    "Militants abducted a teacher. The army killed five militants; a policeman lost his life. People fled.",
    "Police arrested two protesters; residents said a child was beaten by soldiers, and fighters were hit.",
]


def test_victim_kind_stopping_after_the_last_noun_is_the_same() -> None:
    from eventdesk.coding.triggers import load_triggers

    classify = importlib.import_module("eventdesk.coding.classify")

    lexicon = load_triggers()
    answers = set()
    for text in VICTIM_REPORTS + REPORTS:
        low = text.lower()
        hits = lexicon.scan(low)
        for start in range(0, len(low), 7):
            for end in (None, len(low) // 2, start + 60):
                got = classify.victim_kind(low, hits, start, end)
                assert got == _victim_kind_before(low, hits, start, end), (text, start, end)
                answers.add(got)
    assert answers == {None, "civilian", "armed"}
