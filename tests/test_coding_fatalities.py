"""Fatalities by ACLED's rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("On 2 May 2021, gunmen attacked Tell Hamra village, killing 14 villagers.", 14),
        ("On 2 May 2021, two soldiers were shot dead at a checkpoint in Darat.", 2),
        ("On 2 May 2021, rebels clashed with troops in Darat. Two rebels and one soldier were killed.", 3),
        ("On 2 May 2021, the army clashed with rebels near Darat; several fighters were killed.", 3),
        ("On 2 May 2021, heavy clashes broke out in Darat and dozens of fighters were killed.", 12),
        ("On 2 May 2021, militants attacked a post in Darat; 15 soldiers were killed and wounded.", 0),
        ("On 2 May 2021, shelling hit Darat, injuring 11 civilians.", 0),
        ("On 2 May 2021, gunmen shot dead a local councillor in Darat.", 1),
        ("On 2 May 2021, an airstrike on Darat killed 19 civilians including eight children.", 19),
        ("On 2 May 2021, rebels clashed with troops in Darat. Unknown fatalities. 7 fatalities.", 7),
        ("On 2 May 2021, a bomb exploded in Darat market. No casualties were reported.", 0),
        # a vague count of something else next to "no casualties" is no casualty count
        ("On 2 May 2021, troops shelled Darat, damaging several houses. No casualties were reported.", 0),
        ("On 2 May 2021, troops shelled Darat, causing several casualties among residents.", 3),
    ],
)
def test_counts(coder: Coder, text: str, best: int) -> None:
    (event,) = coder.code(Document(id="f", text=text))
    assert event.fatalities == best
    assert event.fatalities_low is not None and event.fatalities_high is not None
    assert event.fatalities_low <= event.fatalities_best == best <= event.fatalities_high


def test_first_stated_toll_stands(coder: Coder) -> None:
    text = (
        "On 2 May 2021, a car bomb exploded in Darat market, killing three civilians. "
        "A monitoring group later said at least seven people were killed."
    )
    (event,) = coder.code(Document(id="f", text=text))
    assert event.fatalities == 3
    assert event.fatalities_high is not None and event.fatalities_high >= 7


def test_a_side_that_lost_n_soldiers_counts_them() -> None:
    from eventdesk.coding import Coder
    from eventdesk.records import Document

    text = "On 2 March 2025, rebels ambushed an army convoy near Tessit; the army said it lost 7 soldiers."
    events = Coder().code(Document(id="t", text=text))
    assert events[0].fatalities == 7


def test_bodies_found_in_the_active_voice_are_a_killing(coder: Coder) -> None:
    text = (
        "On 2 August 2022, residents of Tell Hamra found the bodies of 3 men with gunshot wounds dumped "
        "on a road. The perpetrators are unknown."
    )
    (event,) = coder.code(Document(id="f", text=text))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 3
    assert event.time_precision == 2  # when they died is not known to the day


def test_other_sources_give_a_rival_count_not_more_dead(coder: Coder) -> None:
    text = (
        "On 22 September 2021, at least 12 people, including 3 children, were killed when gunmen stormed "
        "a mosque in Tell Hamra village. Other sources reported 18 dead."
    )
    (event,) = coder.code(Document(id="f", text=text))
    assert event.fatalities == 12  # the conservative figure (codebook)
    # gunmen storming a mosque are an armed group's attack, not a mob
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
