"""The actor dictionary: schema check, alias matching, former names, state-force eras, generics."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding.actors import ActorDictionary, load_actor_data
from eventdesk.errors import ConfigError


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


def names(actors: ActorDictionary, text: str, **kwargs: object) -> list[str]:
    return [m.canonical for m in actors.find(text, **kwargs)]  # type: ignore[arg-type]


def test_version_is_declared(actors: ActorDictionary) -> None:
    assert actors.version.startswith("actors.v")


def test_offsets_point_into_the_full_text(actors: ActorDictionary) -> None:
    text = "Report. Clashes broke out between Hay’at Tahrir al-Sham and the Syrian army near the town."
    start = text.index("Clashes")
    found = actors.find(text, start)
    assert [m.canonical for m in found] == ["HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)"]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    assert found[0].text == "Hay’at Tahrir al-Sham"


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("Tahrir al Sham", "HTS: Hayat Tahrir al Sham"),
        ("the Uthman ibn Affan Brigade", "HTS: Hayat Tahrir al Sham"),
        ("Jaish al-Izzah", "Jaysh al Izza"),
        ("Turkistan Islamic Party", "TIP: Turkestan Islamic Party"),
        ("Hurras al-Deen", "Hurras al Din"),
        ("the SDF", "QSD: Syrian Democratic Forces"),
        ("Daesh", "Islamic State (Syria)"),
        ("the Taliban", "Taliban"),
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
        ("ISWAP", "Islamic State West Africa Province (ISWAP)"),
        ("Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"),
        ("al-Shabaab", "Al Shabaab"),
        ("Arakan Army", "AA: Arakan Army"),
    ],
)
def test_aliases_and_transliterations(actors: ActorDictionary, spelling: str, expected: str) -> None:
    country = {"Daesh": "Syria"}.get(spelling)
    assert names(actors, f"Fighting involved {spelling} on Monday.", country=country)[0] == expected


def test_former_names_follow_the_date(actors: ActorDictionary) -> None:
    text = "The Nusra Front attacked the village."
    assert names(actors, text, on=dt.date(2015, 3, 1))[0] == "Jabhat al Nusra"
    assert names(actors, text, on=dt.date(2016, 10, 1))[0] == "Jabhat Fateh al Sham"
    assert names(actors, text, on=dt.date(2019, 5, 1))[0] == "HTS: Hayat Tahrir al Sham"


def test_state_forces_carry_the_era(actors: ActorDictionary) -> None:
    text = "Ukrainian troops shelled the line."
    assert names(actors, text, on=dt.date(2017, 1, 1)) == ["Military Forces of Ukraine (2014-2019)"]
    assert names(actors, text, on=dt.date(2020, 1, 1)) == ["Military Forces of Ukraine (2019-)"]
    assert names(actors, "Iraq's army advanced.", on=dt.date(2019, 1, 1)) == [
        "Military Forces of Iraq (2018-2020)"
    ]


def test_acronyms_need_capitals(actors: ActorDictionary) -> None:
    assert names(actors, "IS fighters attacked.", country="Syria") == ["Islamic State (Syria)"]
    assert names(actors, "The situation is calm.") == []


def test_generic_words_wait_for_a_country(actors: ActorDictionary) -> None:
    found = actors.find("Unknown gunmen shot a shepherd.")
    assert [m.canonical for m in found] == ["Unidentified Armed Group (X)", "Civilians (X)"]
    assert all(m.generic for m in found)
    found = actors.find("Unknown gunmen shot a shepherd.", country="Nigeria")
    assert [m.canonical for m in found] == ["Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"]


def test_country_bound_words(actors: ActorDictionary) -> None:
    assert names(actors, "regime forces advanced") == ["Military Forces of Syria (2000-)"]
    assert names(actors, "government forces advanced", country="Yemen", on=dt.date(2020, 1, 1)) == [
        "Military Forces of Yemen (2012-2022)"
    ]
    assert names(actors, "government forces advanced", country="Nigeria", on=dt.date(2020, 1, 1)) == [
        "Military Forces of Nigeria (2015-2023)"
    ]


def test_group_patterns(actors: ActorDictionary) -> None:
    assert names(actors, "Fulani herders attacked farmers.", country="Nigeria")[0] == (
        "Fulani Ethnic Militia (Nigeria)"
    )
    assert (
        names(actors, "gunmen from the Shaitat tribe", country="Syria")[-1]
        == "Shaitat Tribal Militia (Syria)"
    )


def test_lookup_and_localize(actors: ActorDictionary) -> None:
    assert actors.lookup("HTS: Hayat Tahrir al Sham") is not None
    assert actors.lookup("Jabhat al Nusra") is actors.lookup("HTS: Hayat Tahrir al Sham")
    assert actors.localize_name("Protesters (X)", "Chile") == "Protesters (Chile)"
    assert (
        actors.localize_name("Police Forces of X", "India", dt.date(2020, 5, 1))
        == "Police Forces of India (2014-)"
    )
    assert actors.lookup("no such actor") is None


def test_every_pycountry_country_has_generic_state_forces(actors: ActorDictionary) -> None:
    import pycountry

    for country in pycountry.countries:
        name = actors.country_of(getattr(country, "common_name", None) or country.name)
        assert name is not None
        assert (
            actors.state_forces("military", name)
            .replace("of the ", "of ")
            .startswith(f"Military Forces of {name}")
        )


def test_schema_errors_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="missing key 'actors'"):
        load_actor_data("version: x\ngeneric: []\nstate_forces: {}\n")
    bad = "version: x\nstate_forces: {}\ngeneric: []\nactors:\n  - {name: A, inter: 9}\n"
    with pytest.raises(ConfigError, match="inter must be an integer 1-8"):
        load_actor_data(bad)
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_actor_data("version: [")


def test_vintage_prints_eras_open_as_an_older_export() -> None:
    from eventdesk.coding.actor_dictionary import ActorDictionary as Dictionary

    old = Dictionary(load_actor_data(), vintage=dt.date(2021, 1, 1))
    try:
        text = "Afghan forces clashed with the Taliban."
        found = old.find(text, on=dt.date(2020, 5, 4))
        assert found[0].canonical == "Military Forces of Afghanistan (2014-)"
    finally:
        Dictionary(load_actor_data())  # back to current names for the other tests
    assert names(actors_default(), "Afghan forces", on=dt.date(2020, 5, 4)) == [
        "Military Forces of Afghanistan (2014-2021)"
    ]


def actors_default() -> ActorDictionary:
    return ActorDictionary.default()


def test_coordinated_state_forces_and_article(actors: ActorDictionary) -> None:
    found = names(actors, "military forces of India and Pakistan exchanged fire", on=dt.date(2020, 5, 1))
    assert found == ["Military Forces of India (2014-)", "Military Forces of Pakistan (2018-2022)"]
    assert names(actors, "Philippine troops", on=dt.date(2020, 5, 1)) == [
        "Military Forces of the Philippines (2016-2022)"
    ]


def test_anti_prefix_and_hyphenated_affiliation(actors: ActorDictionary) -> None:
    assert "Military Forces of Yemen (2016-) Supreme Political Council" not in names(
        actors, "anti-Houthi fighters advanced", country="Yemen"
    )
    found = names(actors, "Islah-aligned pro-government troops", country="Yemen", on=dt.date(2020, 5, 1))
    assert found == ["Military Forces of Yemen (2012-2022)"]


def test_unlisted_named_group_and_proper_name_guard(actors: ActorDictionary) -> None:
    assert names(actors, "clashes among members of the Northern Hawks Army", country="Syria") == [
        "Northern Hawks Army"
    ]


def test_state_phrase_at_the_end_of_a_text_does_not_overrun() -> None:
    from eventdesk.coding.actor_dictionary import ActorDictionary as Dictionary

    d = Dictionary.default()
    for text in ("The Myanmar military", "said the Myanmar military", "the Myanmar military said on Monday"):
        found = d.find(text)
        assert [m.text for m in found] == ["Myanmar military"], text


def test_state_name_that_is_also_a_later_group_name_is_the_state() -> None:
    import datetime as dt

    from eventdesk.coding.actor_dictionary import ActorDictionary as Dictionary

    d = Dictionary.default()
    entry = d.lookup("Military Forces of Afghanistan (2021-)")
    assert entry is not None and entry.kind == "military"
    found = d.find("Afghan forces repelled an attack", on=dt.date(2019, 3, 3))
    assert found[0].canonical == "Military Forces of Afghanistan (2014-2021)"
