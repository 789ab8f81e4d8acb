"""Counting rules added after the blind set (issue 3): joined victims, family ties, rival claims.

Sentences written for these tests (place names invented or generic)."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document

D = "On 2 May 2021, "


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(
    ("text", "best"),
    [
        # counts joined by "and" after an active verb all die
        (D + "militants hit a post in Darat, killing three soldiers and all four attackers.", 7),
        (D + "militants hit a post in Darat, killing two soldiers and four attackers.", 6),
        (D + "militants hit a post in Darat, killing two soldiers and wounding four others.", 2),
        # a closing singular victim
        (
            D
            + "rebels blew up an IED under a police truck in Darat, killing ten policemen and the driver.",
            11,
        ),
        (D + "gunmen killed the driver of a truck in Darat.", 1),
        # family ties
        (D + "an airstrike hit a house in Darat, killing a woman and her two sons.", 3),
        (D + "gunmen stormed Darat village and killed the village head and his two sons.", 3),
        (D + "a mother and her three children were killed when shells hit their home in Darat.", 4),
        # rival claims in one sentence, or a later claim "more than N": the conservative figure
        (
            D + "rebels ambushed soldiers near Darat. The rebels claimed to have killed 17 soldiers, "
            "while the army said two soldiers were killed and four wounded.",
            2,
        ),
        (
            D + "a suicide bomber blew himself up at a base in Darat, killing four soldiers. "
            "The group claimed to have killed more than 20 soldiers.",
            4,
        ),
        # the other side's dead in a later sentence add up; the same people restated do not
        (D + "troops ended a siege in Darat, killing all five gunmen. Three soldiers were killed.", 8),
        (D + "gunmen raided Darat, killing four civilians. Police said six villagers died.", 4),
        # still additions
        (D + "a car bomb exploded in Darat market, killing three civilians. Two more people died later.", 5),
        (D + "troops killed the attackers in Darat.", 3),
    ],
)
def test_counts(coder: Coder, text: str, best: int) -> None:
    events = coder.code(Document(id="f", text=text))
    assert events and events[0].fatalities == best
    event = events[0]
    assert event.fatalities_low is not None and event.fatalities_high is not None
    assert event.fatalities_low <= best <= event.fatalities_high


def test_a_claim_about_the_other_side_adds(coder: Coder) -> None:
    text = D + (
        "troops repelled an attack on Darat, killing 3 soldiers, while the army said 4 militants were "
        "killed in the response."
    )
    events = coder.code(Document(id="f", text=text))
    assert events and events[0].fatalities == 7


def test_rival_claims_keep_the_range(coder: Coder) -> None:
    text = (
        "On 2 May 2021, rebels ambushed soldiers near Darat. The rebels claimed to have killed 17 soldiers, "
        "while the army said two soldiers were killed."
    )
    (event,) = coder.code(Document(id="f", text=text))
    assert event.fatalities == 2
    assert event.fatalities_high is not None and event.fatalities_high >= 17


@pytest.mark.parametrize(
    ("text", "best"),
    [
        (D + "gang members stormed Darat, killing a woman, her husband and their three children.", 5),
        (D + "jets hit Darat, killing seven members of the Revolutionary Guards and six civilians.", 13),
        (D + "gunmen attacked Darat, killing two soldiers, his brother said.", 2),
    ],
)
def test_lists_of_victims(coder: Coder, text: str, best: int) -> None:
    events = coder.code(Document(id="f", text=text))
    assert events and events[0].fatalities == best
