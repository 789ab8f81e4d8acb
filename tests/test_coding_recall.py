"""Round four of the coder: event recall. Trigger families that were missing (a single shell, bombs
being dropped, explosives used to blow something open, a drive-by shooting, acid thrown at a
person, a body found bound, property set on fire in the passive, vandalism, goods or vehicles
seized, fortifications, an operation against a group). Reports written for these tests in the
style of ACLED notes and wire copy; none is taken from any dataset."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.coding import Coder
from eventdesk.records import Document, Event

DAY = dt.date(2024, 9, 20)


def _code(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="t", text=text, published_at=DAY))


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        (
            "On 14 September 2024, a mortar shell launched by militia fighters landed in a farm near "
            "Qaryat al Nahr. No casualties were reported.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 14 September 2024, government helicopters flew over the rebel camp at Dora Hill, "
            "dropping small bombs. No injuries were reported.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 12 September 2024, foreign military aircrafts struck a depot east of Marib town.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 15 September 2024, in Campo Verde, three men used explosives to break into a cash "
            "machine at a pharmacy. Nobody was hurt.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 16 September 2024, in Ciudad Norte, gunmen on a motorcycle carried out a drive-by "
            "shooting against a shopkeeper outside his store. He died at the scene. 1 fatality.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "On 16 September 2024, in San Lucas, a man threw acid at the face of a young woman who was "
            "waiting at a bus stop. She was taken to hospital.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Around 10 September 2024, in Las Palmas municipality, the body of a man was found bound "
            "and wrapped in a blanket beside a rural road. 1 fatality.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "On 17 September 2024, the house of a village mayor was set on fire in Dolna Reka. No "
            "one was hurt. The mayor blames the arson on his political rivals.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On 17 September 2024, unknown persons vandalised the office of an opposition party in Kamenets.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On 18 September 2024, armed men on motorbikes seized two trucks of a transport company "
            "near Tinzar.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On 18 September 2024, border police seized 40 tonnes of smuggled fuel at a checkpoint in "
            "Porto Alto.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On 19 September 2024, militia forces built new fortifications along the coastal road "
            "south of Ras Kuda.",
            "Strategic developments",
            "Change to group/activity",
        ),
        (
            "On 19 September 2024, the army carried out an operation against insurgents in Wadi Saq, "
            "leaving three insurgents dead.",
            "Battles",
            "Armed clash",
        ),
    ],
)
def test_missing_trigger_families(coder: Coder, text: str, event_type: str, sub_event_type: str) -> None:
    events = _code(coder, text)
    assert events, text
    assert (events[0].event_type, events[0].sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize(
    "text",
    [
        # the words in their other senses
        "The shell company was registered in 2019 and moved its accounts abroad on Monday.",
        "The film crew finished shooting the final scene in the old harbour on Monday.",
        "Police opened a new shooting range for cadets at the academy on Monday.",
    ],
)
def test_other_senses_are_not_events(coder: Coder, text: str) -> None:
    assert _code(coder, text) == []


def test_verb_shell_alone_does_not_turn_a_ground_attack_into_shelling(coder: Coder) -> None:
    # the v16 behaviour kept: only the noun "a shell" was added, not the verb "to shell"
    lexicon = coder.triggers
    assert "shelling" in lexicon.scan("An indiscriminate shell fell on the market.")
    assert "shelling" not in lexicon.scan("They moved in to shell the area.")


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # heavy direct-fire weapons fired at positions or areas are shelling (codebook: heavy weapons)
        (
            "On 21 September 2024, rebel forces fired 14.5mm and 23mm machine guns at residential areas "
            "of Qarn al Waz. No casualties were reported.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 21 September 2024, government forces fired heavy machine guns at rebel positions near "
            "Tal Safra.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 21 September 2024, army units fired anti-aircraft guns at the positions of the militia "
            "in the area of Nova Hora.",
            "Shelling/artillery/missile attack",
        ),
        # the same weapons in a firefight or aimed at a vehicle stay a clash
        (
            "On 21 September 2024, army and militia fighters exchanged heavy machine gun fire near "
            "Tal Safra.",
            "Armed clash",
        ),
        (
            "On 21 September 2024, gunmen shot at an army vehicle using heavy machine guns on the "
            "outskirts of Tal Safra, wounding two soldiers.",
            "Armed clash",
        ),
    ],
)
def test_heavy_guns(coder: Coder, text: str, sub_event_type: str) -> None:
    events = _code(coder, text)
    assert events and events[0].sub_event_type == sub_event_type


def test_party_and_community_members_are_not_armed(coder: Coder) -> None:
    scan = coder.triggers.scan
    assert "armed" not in scan("a member of the herding community.")
    assert "armed" not in scan("two party members.")
    assert "armed" in scan("two members of the army.")
    text = (
        "On 22 September 2024, militiamen killed a member of the herding community in Doro village. "
        "1 fatality."
    )
    events = _code(coder, text)
    assert events and events[0].sub_event_type == "Attack"


def test_forced_eviction_and_armed_group_aid(coder: Coder) -> None:
    eviction = (
        "On 23 September 2024, in Vila Nova, state police carried out an eviction operation in the "
        "Jardim Alto settlement. Families living there were forcibly removed from the land."
    )
    events = _code(coder, eviction)
    assert events and events[0].sub_event_type == "Attack"
    aid = (
        "As reported on 23 September 2024, in Puerto Claro, members of a local cartel handed out "
        "parcels of food to residents during the floods."
    )
    events = _code(coder, aid)
    assert events and events[0].sub_event_type == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "The government distributed food parcels to flood victims in Puerto Claro on Monday.",
        "Volunteers delivered boxes of medicine to the district hospital on Monday.",
    ],
)
def test_aid_without_an_armed_group_is_no_event(coder: Coder, text: str) -> None:
    assert _code(coder, text) == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 24 September 2024, demonstrators blocked the port road in Mar Azul burning debris, "
            "demanding water deliveries.",
            "Violent demonstration",
        ),
        (
            "On 24 September 2024, in Rio Claro, federal police seized two tons of cocaine hidden in "
            "a grain truck. Two men were arrested.",
            "Looting/property destruction",
        ),
        (
            "On 24 September 2024, police arrested three men in Rio Claro and seized their cars.",
            "Arrests",
        ),
    ],
)
def test_burning_material_and_seizure_before_arrests(coder: Coder, text: str, sub_event_type: str) -> None:
    events = _code(coder, text)
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 25 September 2024, four insurgents were killed, injured or captured during a security "
            "operation by gendarmes near Kara Dere.",
            "Armed clash",
        ),
        (
            "On 25 September 2024, militants ambushed an army convoy on the Gulu road, killing three "
            "soldiers. Two vehicles were captured.",
            "Armed clash",
        ),
        (
            "On 25 September 2024, rebels captured the town of Kara Dere after clashes with the army.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_people_or_things_captured_are_no_control_change(
    coder: Coder, text: str, sub_event_type: str
) -> None:
    events = _code(coder, text)
    assert events and events[0].sub_event_type == sub_event_type


def test_vigilante_style_killing_is_an_attack(coder: Coder) -> None:
    text = (
        "On 26 September 2024, a former detainee was shot dead in a vigilante-style attack by "
        "unidentified gunmen in Barangay Malinao, Tabuk."
    )
    events = _code(coder, text)
    assert events and events[0].sub_event_type == "Attack"
