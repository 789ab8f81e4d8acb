"""Typed records that flow through the pipeline.

``Document`` (a report) → ``ActorMention`` / ``PlaceMention`` (what the nlp and coding stages find)
→ ``Event`` (one ACLED-style row, with ``Claim`` and ``Evidence``). Records are plain dataclasses;
they are turned into JSON only at the edges, by ``to_dict`` / ``from_dict`` here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = [
    "ACLED_COLUMNS",
    "ActorMention",
    "Claim",
    "Document",
    "Event",
    "Evidence",
    "PlaceMention",
    "document_id_for",
    "finite_floats",
    "from_dict",
    "json_default",
    "to_dict",
]

# ACLED's public export columns, in ACLED's order (event_id is ACLED's event_id_cnty).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
)


def document_id_for(text: str) -> str:
    """Content hash used as a document id: the same text always gets the same id."""
    normalized = " ".join(text.split())
    return "d" + _sha256_hex(normalized.encode("utf-8"))[:20]


def _sha256_hex(data: bytes) -> str:
    """``hashlib.sha256(data).hexdigest()`` from the interpreter's builtin SHA-256 when it has one:
    ``import hashlib`` loads OpenSSL's library (~11 M instructions of a start-up) for one short digest."""
    try:
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - an interpreter built without its own hashes
        from hashlib import sha256
    return str(sha256(data).hexdigest())


# the default of a list field in the records' written-out __init__ (a new list per record; typed Any:
# compiled, a parameter's default must be of its type)
_NEW_LIST: Any = object()

# The records are declared with @dataclass(init=False, repr=False, eq=False): their __init__, __eq__ and
# __repr__ are written out. The dataclass machinery stays (dataclasses.fields, replace, asdict work as
# before) but generates no methods: it writes each one as source text and exec()s it, which cost ~28 M
# instructions of every compiled start-up (mypyc applies the decorator at import; docs/speed.md,
# "Session 9"). __eq__ and __repr__ give what the generated ones give (tests/test_records_speed9.py):
# equal when of the same class with equal field tuples, else NotImplemented; "Name(field=value!r, …)".


def _record_eq(record: Any, other: Any) -> Any:
    if other.__class__ is not record.__class__:
        return NotImplemented
    get = _EQ_GETTERS.get(type(record))
    if get is None:
        get = _EQ_GETTERS[type(record)] = operator.attrgetter(*_names_of(record))
    return get(record) == get(other)


def _record_repr(record: Any) -> str:
    fields_ = ", ".join(f"{name}={getattr(record, name)!r}" for name in _names_of(record))
    return f"{type(record).__qualname__}({fields_})"


# record type -> the attrgetter of all its fields (a tuple of values; every record has several fields)
_EQ_GETTERS: dict[type, Callable[[Any], Any]] = {}


def _names_of(record: Any) -> tuple[str, ...]:
    return _FIELD_NAMES.get(type(record)) or _field_names(record)


@dataclass(slots=True, init=False, repr=False, eq=False)
class Document:
    """One report as read from a file, a JSONL line, a page or stdin."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: dt.date | None = None
    dateline: dt.date | None = None  # the story's own date when it differs from the post date
    language: str | None = None
    source_file: str | None = None
    source_line: int | None = None  # 1-based line for JSONL input
    ingested_at: dt.datetime | None = None
    repost_of: str | None = None  # id of the canonical document this one reposts (dedup stage)
    notes: list[str] = field(default_factory=list)  # reader remarks, e.g. an encoding fallback

    def __init__(
        self,
        id: str,
        text: str,
        title: str | None = None,
        url: str | None = None,
        publisher: str | None = None,
        author: str | None = None,
        published_at: dt.date | None = None,
        dateline: dt.date | None = None,
        language: str | None = None,
        source_file: str | None = None,
        source_line: int | None = None,
        ingested_at: dt.datetime | None = None,
        repost_of: str | None = None,
        notes: Any = _NEW_LIST,
    ) -> None:
        # written out, as the other records' (a list field left out gets a new empty list)
        self.id = id
        self.text = text
        self.title = title
        self.url = url
        self.publisher = publisher
        self.author = author
        self.published_at = published_at
        self.dateline = dateline
        self.language = language
        self.source_file = source_file
        self.source_line = source_line
        self.ingested_at = ingested_at
        self.repost_of = repost_of
        self.notes = [] if notes is _NEW_LIST else notes

    @property
    def reference_date(self) -> dt.date | None:
        """The date that relative expressions ("at dawn today", "yesterday") resolve against."""
        return self.dateline or self.published_at

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


@dataclass(slots=True, init=False, repr=False, eq=False)
class Evidence:
    """The text span a coded field came from. ``text[start:end] == quote`` is checked."""

    field: str
    document_id: str
    start: int
    end: int
    quote: str

    def __init__(
        self,
        field: str,
        document_id: str,
        start: int,
        end: int,
        quote: str,
    ) -> None:
        # written out (the dataclass's own __init__ stays interpreted under mypyc, ~2-18 K instructions
        # a record; docs/speed.md)
        self.field = field
        self.document_id = document_id
        self.start = start
        self.end = end
        self.quote = quote

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


@dataclass(slots=True, init=False, repr=False, eq=False)
class ActorMention:
    """An actor named (or referred to) in the text, resolved to a canonical ACLED-style name."""

    text: str
    start: int
    end: int
    canonical: str
    inter: int | None = None  # ACLED inter code 1-8
    country: str | None = None
    generic: bool = False  # a partisan or generic reference ("terrorists", "gunmen")

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        canonical: str,
        inter: int | None = None,
        country: str | None = None,
        generic: bool = False,
    ) -> None:
        # written out (the dataclass's own __init__ stays interpreted under mypyc, ~2-18 K instructions
        # a record; docs/speed.md)
        self.text = text
        self.start = start
        self.end = end
        self.canonical = canonical
        self.inter = inter
        self.country = country
        self.generic = generic

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


@dataclass(slots=True, init=False, repr=False, eq=False)
class PlaceMention:
    """A place phrase handed from the coder to the geocoder.

    ``phrase`` is the whole phrase ("the Kabanah axis in the northern countryside of Latakia"),
    ``head`` the place name to resolve ("Kabanah"), ``hints`` larger units named with it
    (["Latakia"]) and ``relation`` how the event stands to the head: "in", "near", "axis",
    "outskirts", "countryside", "region".
    """

    phrase: str
    head: str
    start: int
    end: int
    document_id: str
    hints: list[str] = field(default_factory=list)
    relation: str = "in"
    country_hint: str | None = None

    def __init__(
        self,
        phrase: str,
        head: str,
        start: int,
        end: int,
        document_id: str,
        hints: Any = _NEW_LIST,
        relation: str = 'in',
        country_hint: str | None = None,
    ) -> None:
        # written out (the dataclass's own __init__ stays interpreted under mypyc, ~2-18 K instructions
        # a record; docs/speed.md); a list field left out gets a new empty list, as its default_factory
        self.phrase = phrase
        self.head = head
        self.start = start
        self.end = end
        self.document_id = document_id
        self.hints = [] if hints is _NEW_LIST else hints
        self.relation = relation
        self.country_hint = country_hint

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


@dataclass(slots=True, init=False, repr=False, eq=False)
class Claim:
    """Who says what about an event, and through which outlet."""

    claimant: str  # "Syrian Ministry of Defense", "SOHR", "HTS sources"
    via: str | None = None  # the outlet it came through: "SANA"
    partisan: bool = False  # the claimant is a party to the fight
    side: str | None = None  # canonical actor the claimant speaks for, when partisan
    claim: str = ""  # what is claimed, in the claimant's terms (short quote or paraphrase)
    fatalities: int | None = None  # the claimant's own death figure, when it gives one
    document_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def __init__(
        self,
        claimant: str,
        via: str | None = None,
        partisan: bool = False,
        side: str | None = None,
        claim: str = '',
        fatalities: int | None = None,
        document_id: str | None = None,
        evidence: Any = _NEW_LIST,
    ) -> None:
        # written out (the dataclass's own __init__ stays interpreted under mypyc, ~2-18 K instructions
        # a record; docs/speed.md); a list field left out gets a new empty list, as its default_factory
        self.claimant = claimant
        self.via = via
        self.partisan = partisan
        self.side = side
        self.claim = claim
        self.fatalities = fatalities
        self.document_id = document_id
        self.evidence = [] if evidence is _NEW_LIST else evidence

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


@dataclass(slots=True, init=False, repr=False, eq=False)
class Event:
    """One event row: every ACLED column plus eventdesk's own fields."""

    # ACLED columns
    event_id: str | None = None
    event_date: dt.date | None = None
    year: int | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    tags: str | None = None
    # eventdesk's own fields
    document_ids: list[str] = field(default_factory=list)
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    place: PlaceMention | None = None
    gazetteer_id: str | None = None  # GeoNames id or OCHA P-code of the resolved location
    confidence: float | None = None
    coder_version: str | None = None
    geocoder_version: str | None = None
    complete: bool = True
    incomplete_reasons: list[str] = field(default_factory=list)
    # dedup
    sources_count: int = 1
    independent_sources: int = 1
    claimant_sides: list[str] = field(default_factory=list)
    partisan_only: bool = False


    def __init__(
        self,
        event_id: str | None = None,
        event_date: dt.date | None = None,
        year: int | None = None,
        time_precision: int | None = None,
        disorder_type: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor1: str | None = None,
        assoc_actor_1: str | None = None,
        inter1: int | None = None,
        actor2: str | None = None,
        assoc_actor_2: str | None = None,
        inter2: int | None = None,
        interaction: int | None = None,
        civilian_targeting: str | None = None,
        iso: int | None = None,
        region: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        admin2: str | None = None,
        admin3: str | None = None,
        location: str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        geo_precision: int | None = None,
        source: str | None = None,
        source_scale: str | None = None,
        notes: str | None = None,
        fatalities: int | None = None,
        tags: str | None = None,
        document_ids: Any = _NEW_LIST,
        fatalities_low: int | None = None,
        fatalities_best: int | None = None,
        fatalities_high: int | None = None,
        claims: Any = _NEW_LIST,
        evidence: Any = _NEW_LIST,
        place: PlaceMention | None = None,
        gazetteer_id: str | None = None,
        confidence: float | None = None,
        coder_version: str | None = None,
        geocoder_version: str | None = None,
        complete: bool = True,
        incomplete_reasons: Any = _NEW_LIST,
        sources_count: int = 1,
        independent_sources: int = 1,
        claimant_sides: Any = _NEW_LIST,
        partisan_only: bool = False,
    ) -> None:
        # written out (the dataclass's own __init__ stays interpreted under mypyc, ~2-18 K instructions
        # a record; docs/speed.md); a list field left out gets a new empty list, as its default_factory
        self.event_id = event_id
        self.event_date = event_date
        self.year = year
        self.time_precision = time_precision
        self.disorder_type = disorder_type
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.actor1 = actor1
        self.assoc_actor_1 = assoc_actor_1
        self.inter1 = inter1
        self.actor2 = actor2
        self.assoc_actor_2 = assoc_actor_2
        self.inter2 = inter2
        self.interaction = interaction
        self.civilian_targeting = civilian_targeting
        self.iso = iso
        self.region = region
        self.country = country
        self.admin1 = admin1
        self.admin2 = admin2
        self.admin3 = admin3
        self.location = location
        self.latitude = latitude
        self.longitude = longitude
        self.geo_precision = geo_precision
        self.source = source
        self.source_scale = source_scale
        self.notes = notes
        self.fatalities = fatalities
        self.tags = tags
        self.document_ids = [] if document_ids is _NEW_LIST else document_ids
        self.fatalities_low = fatalities_low
        self.fatalities_best = fatalities_best
        self.fatalities_high = fatalities_high
        self.claims = [] if claims is _NEW_LIST else claims
        self.evidence = [] if evidence is _NEW_LIST else evidence
        self.place = place
        self.gazetteer_id = gazetteer_id
        self.confidence = confidence
        self.coder_version = coder_version
        self.geocoder_version = geocoder_version
        self.complete = complete
        self.incomplete_reasons = [] if incomplete_reasons is _NEW_LIST else incomplete_reasons
        self.sources_count = sources_count
        self.independent_sources = independent_sources
        self.claimant_sides = [] if claimant_sides is _NEW_LIST else claimant_sides
        self.partisan_only = partisan_only

    def mark_incomplete(self, reason: str) -> None:
        """Record why the event lacks a codebook-required field (no date, no location …)."""
        if reason not in self.incomplete_reasons:
            self.incomplete_reasons.append(reason)
        self.complete = False

    def acled_row(self) -> dict[str, Any]:
        """The ACLED columns only, as plain values (dates as ISO strings)."""
        row = {}
        for name in ACLED_COLUMNS:
            value = getattr(self, name)
            row[name] = value.isoformat() if isinstance(value, dt.date) else value
        return row

    # written out (see _record_eq): what the dataclass's generated __eq__ and __repr__ do
    def __eq__(self, other: object) -> bool:
        return _record_eq(self, other)

    def __repr__(self) -> str:
        return _record_repr(self)


# --- JSON at the edges ---------------------------------------------------------------------------

_T = TypeVar("_T")
_NESTED: dict[str, type] = {
    "claims": Claim,
    "evidence": Evidence,
    "place": PlaceMention,
}
_DATES = {"event_date", "published_at", "dateline"}
_DATETIMES = {"ingested_at"}


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record; dates become ISO strings."""
    result = _convert(record)
    assert isinstance(result, dict)
    return result


# Values returned as they are, tested by exact type first (most fields are None, str or int): the
# generic checks below cost several times more per value and an Event has ~50 of them.
_PLAIN: frozenset[type] = frozenset({type(None), str, int, float, bool})
# dataclass type -> its field names in declaration order (dataclasses.fields() per call is slow)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _convert(value: Any) -> Any:
    """Dataclass instances become dicts (fields in order), lists are converted item by item, dates
    and datetimes become ISO strings; anything else is returned as it is."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = _field_names(value)
        elif isinstance(value, list):
            return [_convert(v) for v in value]
        elif isinstance(value, dt.date):  # datetime is a date too
            return value.isoformat()
        else:
            return value
    plain = _PLAIN
    return {
        name: item if type(item) in plain else _convert(item)
        for name in names
        for item in (getattr(value, name),)
    }


def _field_names(record: Any) -> tuple[str, ...]:
    """A dataclass instance's field names in declaration order, kept per type in ``_FIELD_NAMES``."""
    names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return names


def json_default(value: Any) -> Any:
    """The ``default`` of a JSON encoder that writes records without ``to_dict``'s copy:
    ``JSONEncoder(default=json_default).encode(record) == JSONEncoder().encode(to_dict(record))``.

    The encoder calls it only for what it cannot write itself: a record becomes a dict of its fields
    in declaration order (their values are encoded in turn, records among them coming back here), a
    date or datetime its ISO string. Lists, strings, numbers and None never reach it. An Event comes
    back whole (``_event_json``: its claims, evidence, place and date already converted, read by
    compiled code), so the encoder calls this once per event."""
    kind = type(value)
    if kind is Event:
        return _event_json(value)
    getter = _GETTERS.get(kind)
    if getter is None:
        if isinstance(value, dt.date):  # datetime is a date too
            return value.isoformat()
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")
        getter = _GETTERS[kind] = _fields_getter(_FIELD_NAMES.get(kind) or _field_names(value))
    return getter(value)


# dataclass type -> a function from an instance to the dict of its fields (json_default)
_GETTERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _fields_getter(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    if len(names) < 2:  # attrgetter of one name gives the value, not a 1-tuple
        return lambda record: {name: getattr(record, name) for name in names}
    values = operator.attrgetter(*names)  # all fields in one C call
    return lambda record: dict(zip(names, values(record), strict=True))


# The JSON writer's records, one compiled function each: their fields read natively (no getattr
# through the type's descriptors) into a dict in declaration order, the records and dates inside
# converted as json_default would (the encoder calls back only for what is left: an unknown record
# or a subclass). tests/test_export_json_speed.py checks the keys against dataclasses.fields and the
# output against json.dumps(to_dict(...)).
def _event_json(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "event_date": _iso(event.event_date),
        "year": event.year,
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": event.iso,
        "region": event.region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": event.source_scale,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": event.tags,
        "document_ids": event.document_ids,
        "fatalities_low": event.fatalities_low,
        "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high,
        "claims": _records_json(event.claims),
        "evidence": _records_json(event.evidence),
        "place": _place_json(event.place),
        "gazetteer_id": event.gazetteer_id,
        "confidence": event.confidence,
        "coder_version": event.coder_version,
        "geocoder_version": event.geocoder_version,
        "complete": event.complete,
        "incomplete_reasons": event.incomplete_reasons,
        "sources_count": event.sources_count,
        "independent_sources": event.independent_sources,
        "claimant_sides": event.claimant_sides,
        "partisan_only": event.partisan_only,
    }


def finite_floats(event: Any) -> bool:
    """False when an Event's float field (latitude, longitude, confidence) is NaN or infinite: the
    JSONL writer then uses json's encoder, which writes NaN and Infinity where orjson writes null."""
    if not isinstance(event, Event):
        return True
    for value in (event.latitude, event.longitude, event.confidence):
        if value is not None and not -_INF < value < _INF:  # NaN fails both comparisons
            return False
    return True


_INF = float("inf")


def _claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "claimant": claim.claimant,
        "via": claim.via,
        "partisan": claim.partisan,
        "side": claim.side,
        "claim": claim.claim,
        "fatalities": claim.fatalities,
        "document_id": claim.document_id,
        "evidence": _records_json(claim.evidence),
    }


def _evidence_json(evidence: Evidence) -> dict[str, Any]:
    return {
        "field": evidence.field,
        "document_id": evidence.document_id,
        "start": evidence.start,
        "end": evidence.end,
        "quote": evidence.quote,
    }


def _place_mention_json(place: PlaceMention) -> dict[str, Any]:
    return {
        "phrase": place.phrase,
        "head": place.head,
        "start": place.start,
        "end": place.end,
        "document_id": place.document_id,
        "hints": place.hints,
        "relation": place.relation,
        "country_hint": place.country_hint,
    }


def _place_json(place: Any) -> Any:
    return _place_mention_json(place) if type(place) is PlaceMention else place


def _iso(value: Any) -> Any:
    kind = type(value)
    return value.isoformat() if kind is dt.date or kind is dt.datetime else value


def _records_json(items: Any) -> Any:
    """A list field's items: Evidence and Claim records as dicts, anything else as it is."""
    if type(items) is not list:
        return items
    out: list[Any] = []
    for item in items:
        kind = type(item)
        if kind is Evidence:
            out.append(_evidence_json(item))
        elif kind is Claim:
            out.append(_claim_json(item))
        else:
            out.append(item)
    return out


def from_dict(cls: type[_T], data: dict[str, Any]) -> _T:
    """Rebuild a record from ``to_dict`` output. Unknown keys are an error."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"unknown field(s) for {cls.__name__}: {', '.join(sorted(unknown))}")
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if value is not None and key in _NESTED:
            sub = _NESTED[key]
            if isinstance(value, list):
                value = [from_dict(sub, v) for v in value]
            else:
                value = from_dict(sub, value)
        elif isinstance(value, str) and key in _DATES:
            value = dt.date.fromisoformat(value)
        elif isinstance(value, str) and key in _DATETIMES:
            value = dt.datetime.fromisoformat(value)
        kwargs[key] = value
    return cls(**kwargs)
