"""Place mentions: phrase, head, hints and relation."""

from __future__ import annotations

from eventdesk.coding.places import find_places


def _first(text: str) -> tuple[str, tuple[str, ...], str, str]:
    c = find_places(text)[0]
    return c.head, c.hints, c.relation, text[c.phrase_start : c.phrase_end]


def test_axis_in_countryside() -> None:
    text = "a post on the Tell Hamra axis in the northern countryside of Rivertown, which"
    head, hints, relation, phrase = _first(text)
    assert (head, hints, relation) == ("Tell Hamra", ("Rivertown",), "axis")
    assert phrase == "on the Tell Hamra axis in the northern countryside of Rivertown"


def test_acled_parenthesis_and_commas() -> None:
    assert _first("fighting near Oldbridge (Lakeside, North Province) on")[:3] == (
        "Oldbridge",
        ("Lakeside", "North Province"),
        "near",
    )
    assert _first("On 4 May 2020, in Santa Clara, Vale Verde, a man")[:2] == ("Santa Clara", ("Vale Verde",))


def test_region_only_is_not_specific() -> None:
    (c,) = find_places("in the eastern countryside of Rivertown.")
    assert (c.head, c.relation, c.specific) == ("Rivertown", "countryside", False)


def test_actor_names_are_not_places() -> None:
    assert find_places("fighters from Hayat Tahrir al-Sham attacked") == []
    assert find_places("in March the Army said") == []


def test_country_alone_is_not_a_place() -> None:
    assert find_places("a commander was killed in Syria under unknown circumstances") == []


def test_object_of_a_capture_verb() -> None:
    (c,) = find_places("government forces recaptured Al Mazra in southern Rivertown after clashes")
    assert (c.head, c.hints) == ("Al Mazra", ("Rivertown",))
