"""A short, neutral ACLED-style ``notes`` summary of a coded event."""

from __future__ import annotations

from ..records import Event

__all__ = ["summarise"]

_VERBS = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of territory from {a2}",
    "Air/drone strike": "{a1} carried out an air/drone strike{on2}",
    "Shelling/artillery/missile attack": "{a1} fired shells, rockets or missiles{at2}",
    "Remote explosive/landmine/IED": "an explosive device detonated{against2}",
    "Suicide bomb": "a suicide bomber attacked{target2}",
    "Grenade": "{a1} threw a grenade{at2}",
    "Chemical weapon": "{a1} used chemical weapons{against2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Peaceful protest": "{a1} held a protest",
    "Protest with intervention": "{a1} held a protest and {a2} intervened",
    "Excessive force against protesters": "{a2} used force against protesting {a1}",
    "Violent demonstration": "{a1} took part in a violent demonstration",
    "Mob violence": "a mob ({a1}) attacked {a2}",
    "Agreement": "{a1} and {a2} reached an agreement",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its organisation or activity",
    "Disrupted weapons use": "{a1} disrupted weapons use{by2}",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "territory passed to {a1} without fighting",
    "Other": "{a1} took part in a strategic development",
}


def _place(event: Event) -> str:
    place = event.place
    if place is None:
        return ""
    where = {"near": "near", "axis": "on the axis of", "outskirts": "on the outskirts of"}.get(
        place.relation, "in"
    )
    if place.relation in {"countryside", "region"}:
        where = "in the area of"
    hints = ", ".join(h for h in place.hints if h != place.head)
    return f" {where} {place.head}" + (f" ({hints})" if hints else "")


def summarise(event: Event) -> str:
    """A one-line ACLED-style summary: "On 7 July 2023, <actor1> clashed with <actor2> near <place>."
    followed by the fatality count."""
    a1 = event.actor1 or "an unidentified actor"
    a2 = event.actor2 or "unidentified people"
    template = _VERBS.get(event.sub_event_type or "", "{a1} was involved in an event")
    body = template.format(
        a1=a1,
        a2=a2,
        on2=f" on {event.actor2}" if event.actor2 else "",
        at2=f" at {event.actor2}" if event.actor2 else "",
        against2=f" against {event.actor2}" if event.actor2 else "",
        target2=f" targeting {event.actor2}" if event.actor2 else "",
        by2=f" by {event.actor2}" if event.actor2 else "",
    )
    if event.event_date is not None:
        day = f"{event.event_date.day} {event.event_date:%B %Y}"
        lead = {1: f"On {day}", 2: f"Around {day}", 3: f"In {event.event_date:%B %Y}"}.get(
            event.time_precision or 1, f"On {day}"
        )
        text = f"{lead}, {body}"
    else:
        text = body[0].upper() + body[1:]
    text += _place(event) + "."
    if event.fatalities is not None:
        text += f" {event.fatalities} fatalit{'y' if event.fatalities == 1 else 'ies'}."
    return text
