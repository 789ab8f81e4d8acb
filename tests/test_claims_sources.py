"""Claims and source columns on reports written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding.actors import ActorDictionary, assign_actors
from eventdesk.coding.claims import OutletDirectory, find_claims, load_outlet_data, source_fields
from eventdesk.errors import ConfigError
from eventdesk.records import Document

MINISTRY_REPORT = (
    "The Syrian Defence Ministry said that army units thwarted an attack by Hayat Tahrir al-Sham "
    "militants on a position near Saraqib, Syrian state news agency SANA reported on 3 May. "
    "The ministry said in its statement that its forces killed 6 terrorists.\n\n"
    "According to the Syrian Observatory for Human Rights, three soldiers and two HTS fighters died."
)


def claims_for(
    text: str,
    span: tuple[int, int],
    *,
    publisher: str | None = None,
    event: tuple[str, str] = ("Battles", "Armed clash"),
) -> list:
    doc = Document(id="doc", text=text, publisher=publisher)
    on = dt.date(2021, 5, 3)
    mentions = ActorDictionary.default().find(text, on=on)
    roles = assign_actors(doc, span, *event, country=None, mentions=mentions, on=on)
    return find_claims(doc, span, mentions=mentions, roles=roles, on=on)


def test_ministry_claim_via_state_media_is_partisan() -> None:
    end = MINISTRY_REPORT.index("The ministry said")
    claims = claims_for(MINISTRY_REPORT, (0, end))
    assert len(claims) == 1
    claim = claims[0]
    assert claim.claimant == "Syrian Ministry of Defense"
    assert claim.via == "SANA"
    assert claim.side == "Military Forces of Syria (2000-)"
    assert claim.partisan is True
    for ev in claim.evidence:
        assert MINISTRY_REPORT[ev.start : ev.end] == ev.quote


def test_anaphoric_claimant_and_death_figure() -> None:
    start = MINISTRY_REPORT.index("The ministry said")
    end = MINISTRY_REPORT.index("According")
    claims = claims_for(MINISTRY_REPORT, (start, end))
    assert claims[0].claimant == "Syrian Ministry of Defense"
    assert claims[0].fatalities == 6


def test_monitor_is_not_partisan() -> None:
    start = MINISTRY_REPORT.index("According")
    claims = claims_for(MINISTRY_REPORT, (start, len(MINISTRY_REPORT)))
    assert claims[0].claimant == "SOHR"
    assert claims[0].partisan is False


def test_group_sources_speak_for_the_group() -> None:
    text = (
        "On 2 May 2021, HTS fighters clashed with regime forces near Kabani, according to HTS sources, "
        "who said 4 soldiers were killed."
    )
    claims = claims_for(text, (0, len(text)))
    assert claims[0].claimant == "HTS sources"
    assert claims[0].side == "HTS: Hayat Tahrir al Sham"
    assert claims[0].partisan is True


def test_source_fields() -> None:
    end = MINISTRY_REPORT.index("The ministry said")
    doc = Document(id="doc", text=MINISTRY_REPORT, publisher="Reuters")
    claims = claims_for(MINISTRY_REPORT, (0, end), publisher="Reuters")
    assert source_fields(doc, claims) == ("SANA; Reuters", "National-International")
    assert source_fields(Document(id="d", text="x", publisher="Telegram"), []) == ("Telegram", "New media")
    assert source_fields(Document(id="d", text="x"), []) == (None, None)


def test_one_word_outlets_match_only_as_names() -> None:
    directory = OutletDirectory.default()
    assert directory.outlets_in("They attacked at dawn.") == []
    assert directory.lookup("Syrian Arab News Agency") is directory.lookup("SANA")


def test_outlet_schema_errors() -> None:
    with pytest.raises(ConfigError, match="scale must be one of"):
        load_outlet_data("version: x\noutlets:\n  - {name: A, scale: Huge}\n")
    with pytest.raises(ConfigError, match="needs a string 'version'"):
        load_outlet_data("outlets: []\n")


def test_outlet_with_description_is_not_a_second_claimant() -> None:
    text = (
        "The Syrian Defence Ministry said that army units repelled an attack by Hayat Tahrir al-Sham near "
        "Kafr Nabl, Syrian state media SANA reported on 4 May."
    )
    claims = claims_for(text, (0, len(text)))
    assert [(c.claimant, c.via) for c in claims] == [("Syrian Ministry of Defense", "SANA")]


def test_a_claims_death_figure_adds_the_counts_joined_to_it() -> None:
    from eventdesk.coding.claims import _claimed_deaths

    # "2 commanders and 7 fighters" are nine dead; a subset ("3 of them") and a year are not counts
    assert _claimed_deaths("the ministry said its forces killed 2 HTS commanders and 7 fighters") == 9
    assert _claimed_deaths("the army said it killed 4 militants, 3 of them foreigners, near Kabani") == 4
    assert _claimed_deaths("On 5 June 2022, the army said it killed 4 militants near Kabani") == 4
    assert _claimed_deaths("the group said its fighters killed 5 soldiers and wounded 7 others") == 5
    assert _claimed_deaths("the explosion left 15 killed and wounded, the ministry said") is None
    assert _claimed_deaths("the shelling left 15 wounded, the ministry said") is None
