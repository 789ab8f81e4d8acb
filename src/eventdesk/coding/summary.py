"""A short, neutral ACLED-style ``notes`` summary of a coded event."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from ..nlp.lexcache import PatternCache
from ..records import Event

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["short_name", "summarise"]

_VERBS: Final = {
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
    "Mob violence": "a mob attacked {a2}",
    "Agreement": "{a1} and {a2} reached an agreement",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its organisation or activity",
    "Disrupted weapons use": "{a1} disrupted weapons use{by2}",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "territory passed to {a1} without fighting",
    "Other": "{a1} took part in a strategic development",
}



def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """A template as (literal text, field name or None) pairs, for ``_fill``."""
    import string

    return tuple((literal, field) for literal, field, _spec, _conv in string.Formatter().parse(template))


# the templates, split once: filling one is then a join, not a parse of the template per event
_VERB_PARTS: Final = {sub_event: _parts(template) for sub_event, template in _VERBS.items()}
_DEFAULT_PARTS: Final = _parts("{a1} was involved in an event")


def _fill(parts: tuple[tuple[str, str | None], ...], values: dict[str, str]) -> str:
    """``template.format(**values)`` for a template of plain ``{name}`` fields split by ``_parts``."""
    return "".join(literal + values[field] if field is not None else literal for literal, field in parts)


_MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip


_ERA: Final = _rx(r"\s*\((?:\d{4})?-(?:\d{4})?\)|\s*\(\d{4}-\d{4}\)")
_STATE: Final = _rx(r"^(Military|Police) Forces of (?:the )?(.+?)(?:\s+(\S.*))?$")
_GENERIC: Final = _rx(
    r"^(Unidentified [\w ]+?|Protesters|Rioters|Civilians|Prisoners|Labou?r Group)\s*\(([^()]+)\)(.*)$"
)
_TRAILING_COUNTRY: Final = _rx(r"\s*\(([A-Z][\w .'-]+)\)$")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Country -> demonym, read from the actor dictionary's data (empty when it is unavailable).
    Kept in the start-up cache (nlp.lexcache), keyed by actors.yaml's text: parsing that file again
    costs more than the rest of the summary's start-up."""
    try:
        from importlib import resources

        from ..nlp.lexcache import cached, source_of

        text = resources.files("eventdesk").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    except Exception:  # the summary must not fail on the actor data
        return {}

    def build() -> dict[str, str]:
        try:
            import yaml

            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            forces = data.get("state_forces") or {}
            return {
                c: spec["demonyms"][0]
                for c, spec in forces.items()
                if isinstance(spec, dict) and spec.get("demonyms")
            }
        except Exception:  # the summary must not fail on the actor data
            return {}

    return cached("summary_demonyms", (text, source_of(__file__)), build)


def _country_forces(country: str, kind: str) -> tuple[str, str] | None:
    demonyms = _demonyms()
    for name in (country, country.removeprefix("the ")):
        if name in demonyms:
            return demonyms[name], kind
    return None


@lru_cache(maxsize=4096)
def short_name(label: str) -> str:
    """The plain short name ACLED's notes use for an actor label: "Military Forces of Syria (2000-)"
    → "Syrian forces", "HTS: Hayat Tahrir al Sham" → "HTS", "Unidentified Armed Group (Iraq)" →
    "an unidentified armed group", "Protesters (Kenya)" → "protesters". No eras, no countries."""
    name = _ERA.sub("", label).strip()
    state = _STATE.match(name)
    if state:
        kind = "forces" if state.group(1) == "Military" else "police"
        country, unit = state.group(2), state.group(3)
        found = _country_forces(country, kind)
        base = (
            f"{found[0]} {kind}"
            if found
            else f"{'military forces' if kind == 'forces' else 'police'} of {country}"
        )
        return f"{base} ({unit})" if unit else base
    generic = _GENERIC.match(name)
    if generic:
        head = generic.group(1)
        rest = generic.group(3).strip()
        plain = head[0].lower() + head[1:]
        if plain.startswith("unidentified"):
            plain = "an " + plain.lower()
        elif plain.startswith("prisoners") or plain.startswith("labo"):
            plain = plain.lower()
        return f"{plain} {rest}".strip()
    if ":" in name:
        abbrev, full = (part.strip() for part in name.split(":", 1))
        if abbrev and len(abbrev) <= 8 and abbrev.replace("-", "").isalnum() and abbrev.upper() == abbrev:
            return abbrev
        return full or abbrev
    return _TRAILING_COUNTRY.sub("", name)


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
    a1 = short_name(event.actor1) if event.actor1 else "an unidentified actor"
    a2 = short_name(event.actor2) if event.actor2 else "unidentified people"
    parts = _VERB_PARTS.get(event.sub_event_type or "", _DEFAULT_PARTS)
    actor2 = bool(event.actor2)
    values = {
        "a1": a1,
        "a2": a2,
        "on2": f" on {a2}" if actor2 else "",
        "at2": f" at {a2}" if actor2 else "",
        "against2": f" against {a2}" if actor2 else "",
        "target2": f" targeting {a2}" if actor2 else "",
        "by2": f" by {a2}" if actor2 else "",
    }
    body = _fill(parts, values)
    if event.event_date is not None:
        # "%B %Y" as the C locale writes it, without strftime (the slow part here)
        month = f"{_MONTH_NAMES[event.event_date.month - 1]} {event.event_date.year}"
        day = f"{event.event_date.day} {month}"
        lead = {1: f"On {day}", 2: f"Around {day}", 3: f"In {month}"}.get(
            event.time_precision or 1, f"On {day}"
        )
        text = f"{lead}, {body}"
    else:
        text = body[0].upper() + body[1:]
    text += _place(event) + "."
    if event.fatalities is not None:
        text += f" {event.fatalities} fatalit{'y' if event.fatalities == 1 else 'ies'}."
    return text
