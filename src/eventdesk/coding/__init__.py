"""Coding: from a Document to ACLED-style events with actors, fatalities, claims and evidence.

``Coder().code(doc)`` splits the report into sentences, finds event sentences with the trigger
lexicon (data/event_triggers.yaml), drops background (history, undated generic statements,
political context), groups the remaining sentences into events (one per type, day and place), and
codes each: types by the codebook's hierarchy, date and precision, fatalities, place mention,
actors and claims (coding.actors / coding.claims), a neutral ``notes`` line, and evidence spans for
every field. See docs/coder.md.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Final

from ..errors import CodingError
from ..lazylog import lazy_logger
from ..nlp.lexcache import PatternCache
from ..nlp.values import ValueRecord
from ..records import Document, Event, Evidence, PlaceMention

# module patterns come compiled from the start-up cache after the first run (nlp.lexcache)
_rx = PatternCache(__file__)

__all__ = ["Coder"]

log = lazy_logger(__name__)  # (imports logging only when it logs: start-up)

_EVENTISH: Final = (
    "clash", "ground_attack", "control_gain", "chemical", "suicide", "airstrike", "shelling", "ied",
    "grenade", "sexual", "abduction", "vac_attack", "protest", "violent_demo", "mob", "crowd_size",
    "agreement", "arrests", "change_group", "disrupted", "hq", "looting", "transfer", "intervention",
)  # fmt: skip
# cues that add to the event before them (police dispersing a protest, the death toll)
# an event dated this many days before the report's own date is history the report recalls ("after
# militants attacked on Oct. 7" in a February report), not news it brings
_OLD_NEWS: Final = 90
_SUPPORT: Final = (
    ("killed", "casualties", "injured", "intervention", "excessive_force", "control_gain", "heavy")
)
# a crowd acting (protests, riots); with the cues of a force meeting a crowd, the demonstration family of
# groups; and the armed violence one
_CROWD_GROUPS: Final = ("protest", "violent_demo", "mob", "crowd_size")
_DEMONSTRATION: Final = frozenset({*_CROWD_GROUPS, "intervention", "excessive_force"})
_ARMED: Final = frozenset(
    {"clash", "ground_attack", "control_gain", "chemical", "suicide", "airstrike", "shelling", "ied",
     "grenade", "sexual", "abduction", "vac_attack"}
)  # fmt: skip
_WEAK: Final = (
    frozenset({"change_group", "disrupted", "hq", "transfer", "vac_attack", "arrests", "intervention"})
)


@dataclass(init=False, repr=False, eq=False)
class _Cluster(ValueRecord):
    """Sentences that describe one event."""

    sentences: list[Any] = field(default_factory=list)
    hits: dict[str, list[Any]] = field(default_factory=dict)
    date: Any = None  # DateMention
    primary_end: int = 0
    has_place: bool = False

    def __init__(
        self,
        sentences: list[Any] | None = None,
        hits: dict[str, list[Any]] | None = None,
        date: Any = None,
        primary_end: int = 0,
        has_place: bool = False,
    ) -> None:
        # written out, as the dataclass's would be (nlp.values)
        self.sentences = [] if sentences is None else sentences
        self.hits = {} if hits is None else hits
        self.date = date
        self.primary_end = primary_end
        self.has_place = has_place


    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentences]

    def add(self, sentence: Any, hits: dict[str, list[Any]]) -> None:
        self.sentences.append(sentence)
        for group, items in hits.items():
            self.hits.setdefault(group, []).extend(items)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Coder:
    """The rule coder. Stateless after construction; safe to share across threads."""

    version = "rules.v1"

    def __init__(self) -> None:
        from .triggers import load_triggers

        self.triggers = load_triggers()
        self._actors: Any = None
        self._actors_loaded = False

    # --- actors and claims come from coding.actors / coding.claims when they are available ---------
    def _actor_dictionary(self) -> Any:
        if not self._actors_loaded:
            self._actors_loaded = True
            try:
                from .actors import ActorDictionary

                self._actors = ActorDictionary.default()
            except Exception as exc:  # the coder must run without the actor stage
                log.debug("actor dictionary unavailable: %s", exc)
                self._actors = None
        return self._actors

    def code(self, doc: Document, country: str | None = None) -> list[Event]:
        """The events of ``doc``, main event first. Raises CodingError on an internal failure."""
        try:
            return self._code(doc, country)
        except Exception as exc:
            raise CodingError(f"{type(exc).__name__}: {exc}", document_id=doc.id) from exc

    def _code(self, doc: Document, country: str | None) -> list[Event]:
        from ..nlp.dates import find_dateline, find_dates, resolve_reference_date
        from ..nlp.numbers import find_quantities
        from ..nlp.sentences import ascii_words, split_sentences

        text = doc.text or ""
        if not text.strip():
            return []
        low = _lower(text)
        words = ascii_words(low)  # (read by the trigger scan, the date finder and the place finder)
        if country is None:
            # nothing placed the report: its own words for one country's institutions, currency or
            # national forces may (data/country_cues.yaml); ``words`` are those of text.lower() when
            # lower-casing keeps the length (_lower), the only case the cues read them
            from .country_cues import country_from_cues

            country = country_from_cues(text, words)
        reference = doc.dateline or resolve_reference_date(text, doc.published_at)
        sentences = split_sentences(text)
        if text.isascii():
            from .classify import share_words as share_with_classify
            from .places import share_words

            share_words(text, words)
            share_with_classify(low, words)
        hits = self.triggers.scan(low, words=words)
        all_hits = _drop_earlier_events(low, _drop_figurative(_drop_sources(low, hits)))
        dates = find_dates(text, reference, low, words)
        # numbers are read only around death and casualty words, where fatalities are counted
        quantities = [
            q
            for a, b in _windows(text, [*all_hits.get("killed", []), *all_hits.get("casualties", [])])
            for q in find_quantities(text, a, b, low, words)
            if not any(d.start < q.end and q.start < d.end for d in dates)
        ]
        dateline = find_dateline(text, doc.published_at)
        if dateline is not None:  # "ADEN, 14 March 2024 — …": the date the report speaks from, not an event's
            dates = [d for d in dates if d.start != dateline.start]
        ref_year = reference.year if reference else None
        if ref_year is None:
            ref_year = next(
                (d.date.year for d in dates if d.explicit_year and d.date and d.precision <= 3), None
            )

        mentions: list[Any] = []
        dictionary = self._actor_dictionary()
        if dictionary is not None:
            try:
                mentions = list(dictionary.find(text, country=country, on=reference))
            except Exception as exc:
                log.debug("actor lookup failed on %s: %s", doc.id, exc)
            if mentions:
                mentions = _drop_outlet_names(text, mentions, country)

        clusters = self._clusters(text, low, sentences, all_hits, dates, reference, ref_year)
        events: list[Event] = []
        seen: dict[tuple[Any, ...], Event] = {}
        for cluster in clusters:
            event = self._event(doc, text, low, cluster, quantities, mentions, country, reference)
            if event is None:
                continue
            key = (event.event_type, event.actor1, event.actor2, event.event_date, event.location)
            if key in seen:
                _merge(seen[key], event)
                continue
            seen[key] = event
            events.append(event)
        return events

    # --- which sentences form which event --------------------------------------------------------
    def _clusters(
        self,
        text: str,
        low: str,
        sentences: list[Any],
        all_hits: dict[str, list[Any]],
        dates: list[Any],
        reference: dt.date | None,
        ref_year: int | None,
    ) -> list[_Cluster]:
        from .classify import classify
        from .places import find_places

        clusters: list[_Cluster] = []
        current: _Cluster | None = None
        in_background = False
        last_date = None
        # each hit goes to the sentence it starts in (one bisection per hit, not a look at every
        # group per sentence); groups keep all_hits' order and hits their order within a group
        by_sentence = _hits_by_sentence(sentences, all_hits)
        for index, sentence in enumerate(sentences):
            s_hits: dict[str, list[Any]] = by_sentence[index]
            s_dates = [d for d in dates if sentence.start <= d.start < sentence.end]
            day_dates = [d for d in s_dates if d.date is not None and d.precision <= 3]
            # headers, titles and datelines: a line of their own without closing punctuation
            own_line = text[sentence.end : sentence.end + 1] in {"\n", ""} and (
                sentence.start == 0 or text[sentence.start - 1] == "\n"
            )
            if own_line and index < len(sentences) - 1 and sentence.text[-1] not in ".!?\"”'":
                if day_dates and last_date is None:
                    last_date = day_dates[0]
                continue
            eventish = [g for g in _EVENTISH if g in s_hits]
            strong = [g for g in eventish if g not in _WEAK]
            background = self._is_background(low, s_hits, s_dates, day_dates, reference, ref_year)
            if (
                background
                and current is not None
                and not in_background
                and not any(d.precision == 4 for d in s_dates)
                and not _earlier_context(s_hits)
                and _ANAPHOR.search(low, sentence.start, sentence.end)
            ):
                # "the strike was carried out by X, which has been targeting …": still this event
                background = False
            if background:
                in_background = True
                continue
            if not eventish:
                if day_dates:
                    last_date = day_dates[0]
                if current is not None and not in_background and any(g in s_hits for g in _SUPPORT):
                    current.add(sentence, s_hits)
                continue
            if not day_dates and in_background:
                continue
            if "no_event" in s_hits and not strong:
                continue
            in_background = False
            own = _best_date(day_dates, text, sentence.start)
            if (
                own is not None
                and current is not None
                and current.date is not None
                and own.date >= current.date.date
                and _statement_date(own, text, sentence.start)
            ):
                own = None  # "…, a local official said on Tuesday": when it was said, not another day
            if (
                own is not None
                and current is not None
                and current.date is not None
                and current.date.date is not None
                and own.date < current.date.date
                and _PAST_PERFECT.search(low, sentence.start, sentence.end)
            ):
                continue  # "He had surrendered to the army in February": the past of the event, no event
            found = find_places(text, sentence.start, sentence.end)
            places = [p for p in found if p.specific]
            new_place = (
                bool(places)
                and current is not None
                and current.has_place
                and not any(
                    p.head in {q.head for s in current.sentences for q in _specific_places(text, s)}
                    for p in places
                )
            )
            if not places and current is not None and any(p.relation == "countryside" for p in found):
                # "… in the countryside of Hama. … also targeted … in Idleb southern countryside": another
                # region's countryside is another place too
                seen = {q.head for s in current.sentences for q in find_places(text, s.start, s.end)}
                new_place = bool(seen) and not any(p.head in seen for p in found)
            # a sentence with its own date opens a new event when its day, place or type differs
            # (one event per type, day and place); an undated sentence elaborates the event before it
            # a new episode: "In response, Hezbollah fired rockets at …", "Separately, gunmen …" ("later"
            # alone usually goes on with the same event: "police later arrested three"), or air defences
            # shooting down part of a strike that killed or wounded ("… shot down four of the six
            # missiles"): another event when its kind differs from the event before it (a strike wholly
            # intercepted stays one event, the interception)
            episode = current is not None and (
                (bool(strong) and _NEW_EPISODE.search(low, sentence.start, sentence.end) is not None)
                or (
                    any(_INTERCEPTION.search(h.text) for h in s_hits.get("disrupted", ()))
                    and any(current.hits.get(g) for g in ("killed", "injured"))
                    and not current.hits.get("no_fatalities")
                )
            )
            # a protest after an armed attack ("Angry youths later blocked the road in protest, demanding
            # security"): another event even without its own day or place
            crowd_turn = (
                current is not None
                and "protest" in s_hits
                and not any(current.hits.get(g) for g in _DEMONSTRATION)
                and any(current.hits.get(g) for g in _ARMED)
            )
            typed = current is not None and (own is not None or new_place or episode or crowd_turn)
            s_type = classify(low, s_hits) if typed else None
            c_type = classify(low, current.hits) if s_type is not None and current is not None else None
            starts_new = (
                current is None
                or (own is not None and current.date is not None and own.date != current.date.date)
                or (
                    s_type is not None
                    and new_place
                    and (own is not None or bool(strong))
                    and not (
                        # "… when the device went off about 12 km east of X": the same event told again
                        own is None
                        and c_type is not None
                        and s_type.sub_event_type == c_type.sub_event_type
                        and _ANAPHOR.search(low, sentence.start, sentence.end) is not None
                    )
                )
                or (
                    s_type is not None
                    and bool(strong)
                    and c_type is not None
                    and s_type.event_type != c_type.event_type
                )
                or (
                    episode
                    and s_type is not None
                    and c_type is not None
                    and s_type.sub_event_type != c_type.sub_event_type
                )
            )
            if starts_new:
                current = _Cluster(date=own or current.date if current else own or last_date)
                current.primary_end = sentence.end
                clusters.append(current)
            elif current is not None and current.date is None and own is not None:
                current.date = own
            assert current is not None
            current.add(sentence, s_hits)
            current.has_place = current.has_place or bool(places)
            if own is not None:
                last_date = own
        return clusters

    @staticmethod
    def _is_background(
        low: str,
        s_hits: dict[str, list[Any]],
        s_dates: list[Any],
        day_dates: list[Any],
        reference: dt.date | None,
        ref_year: int | None,
    ) -> bool:
        """History, undated generic statements and political context are not events."""
        if _earlier_context(s_hits):
            return True  # "The attack comes a month after JNIM claimed …": an earlier event as context
        if day_dates:
            old_news = reference - dt.timedelta(days=_OLD_NEWS) if reference is not None else None
            if old_news is not None and all(d.date < old_news for d in day_dates):
                return True
            # (each pattern runs only where a word it needs occurs: "since", an onset verb)
            if all(
                (low[d.start : d.start + 5] == "since" and _SINCE_AT.match(low, d.start))
                or (
                    "since" in low[max(0, d.start - 24) : d.start]
                    and _SINCE_BEFORE.search(low, max(0, d.start - 24), d.start)
                )
                for d in day_dates
            ):
                return True  # "has besieged the city since April": a state that began then, not an event
            if (
                reference is not None
                and any(
                    _may_be_onset(low[max(0, d.start - 80) : d.start])
                    and _ONSET.search(low, max(0, d.start - 80), d.start)
                    for d in day_dates
                )
                and all(d.date < reference - dt.timedelta(days=60) for d in day_dates)
            ):
                return True  # "the war began in April 2023", in a report of May 2024: how it started
            return bool(
                ref_year is not None
                and all(d.explicit_year and d.date.year < ref_year - 1 for d in day_dates)
            )
        years = [d for d in s_dates if d.precision == 4 and d.date is not None]
        if years and (ref_year is None or any(d.date.year < ref_year for d in years)):
            return True
        return "background" in s_hits

    # --- one event -------------------------------------------------------------------------------
    def _event(
        self,
        doc: Document,
        text: str,
        low: str,
        cluster: _Cluster,
        quantities: list[Any],
        mentions: list[Any],
        country: str | None,
        reference: dt.date | None,
    ) -> Event | None:
        from .classify import arrests_by_state, classify, territory_by_gainer, victim_kind
        from .fatalities import FatalityReading, read_fatalities
        from .summary import summarise

        typing = classify(low, cluster.hits)
        if typing is None or not _conflict_sense(low, cluster.hits):
            return None
        start, end = cluster.sentences[0].start, cluster.sentences[-1].end
        evidence: list[Evidence] = []

        event = Event(
            event_type=typing.event_type,
            sub_event_type=typing.sub_event_type,
            disorder_type=typing.disorder_type,
            country=country,
            document_ids=[doc.id],
            coder_version=f"{self.version}+{self.triggers.version}",
        )
        _cite(evidence, doc.id, text, "event_type", typing.trigger.start, typing.trigger.end)
        _cite(evidence, doc.id, text, "sub_event_type", typing.trigger.start, typing.trigger.end)

        # actors and claims (coding.actors / coding.claims)
        self._assign_actors(doc, event, (start, end), mentions, country, evidence)
        territory_by_gainer(event)
        arrests_by_state(event, typing.trigger, low, evidence, cluster.hits)

        # date
        date = cluster.date
        if date is not None and date.date is not None:
            event.event_date = date.date
            event.time_precision = max(date.precision, _approximate(text, low, date, cluster))
            _cite(evidence, doc.id, text, "event_date", date.start, date.end)
        elif reference is not None:
            event.event_date = reference
            event.time_precision = 2  # no date in the text: the report's own date, as a span
            event.mark_incomplete("date from report")
        else:
            event.mark_incomplete("no date")
        if event.event_date is not None:
            event.year = event.event_date.year
            if event.time_precision is not None:
                d_start: int | None = date.start if date else None
                d_end: int | None = date.end if date else None
                _cite(evidence, doc.id, text, "time_precision", d_start, d_end)

        # fatalities
        reading = read_fatalities(low, cluster.spans, cluster.hits, quantities)
        if event.sub_event_type in _NO_DEATHS_TYPES and reading.best:
            # a deal, a new base, a split: no one dies of them ("agreed a truce, ending fighting that
            # killed 55 people": the fighting's dead are not the agreement's)
            reading = FatalityReading(0, 0, 0)
        event.fatalities = reading.best
        event.fatalities_low, event.fatalities_best, event.fatalities_high = (
            reading.low,
            reading.best,
            reading.high,
        )
        _cite(evidence, doc.id, text, "fatalities", reading.start, reading.end)

        if event.event_type == "Violence against civilians" or (
            event.event_type == "Explosions/Remote violence"
            and (event.inter2 == 7 or victim_kind(low, cluster.hits, start, end) == "civilian")
        ):
            event.civilian_targeting = "Civilian targeting"

        # place
        placeless = event.sub_event_type == "Disrupted weapons use" and _PLACELESS.search(low, start, end)
        place = self._place(doc, text, cluster, mentions, country, look_back=not placeless)
        if place is None and placeless:
            # "the air force said it shot down most of the drones launched at several regions, without
            # giving their locations": a country-wide tally with no place is no event of its own
            return None
        if place is not None:
            event.place = place
            event.location = place.head
            _cite(evidence, doc.id, text, "location", place.start, place.end)
        else:
            event.mark_incomplete("no location")

        event.evidence = evidence
        event.confidence = round(typing.score * (1.0 if cluster.date else 0.7) * (1.0 if place else 0.8), 2)
        event.notes = summarise(event)
        return event

    def _assign_actors(
        self,
        doc: Document,
        event: Event,
        span: tuple[int, int],
        mentions: list[Any],
        country: str | None,
        evidence: list[Evidence],
    ) -> None:
        assign_actors: Any = None
        try:
            # (imported under another name: compiled by mypyc, an import does not rebind a local
            # declared above it; docs/speed.md)
            from .actors import assign_actors as imported

            assign_actors = imported
        except Exception as exc:  # the actor stage is optional for the coder
            log.debug("actor assignment unavailable: %s", exc)
        if assign_actors is not None:
            try:
                roles = assign_actors(
                    doc, span, event.event_type, event.sub_event_type, country=country, mentions=mentions
                )
                for name in (
                    "actor1",
                    "assoc_actor_1",
                    "inter1",
                    "actor2",
                    "assoc_actor_2",
                    "inter2",
                    "interaction",
                ):
                    setattr(event, name, getattr(roles, name, None))
                evidence.extend(getattr(roles, "evidence", []) or [])
            except Exception as exc:  # the actor stage must not stop the coder
                # debug only: the library never writes to stderr on its own (the CLI owns it)
                log.debug("actor assignment failed on %s: %s", doc.id, exc)
        try:
            from .claims import find_claims, source_fields

            event.claims = list(find_claims(doc, span, mentions=mentions))
            event.source, event.source_scale = source_fields(doc, event.claims)
        except Exception as exc:
            log.debug("claims unavailable on %s: %s", doc.id, exc)

    @staticmethod
    def _place(
        doc: Document,
        text: str,
        cluster: _Cluster,
        mentions: list[Any],
        country: str | None,
        *,
        look_back: bool = True,
    ) -> PlaceMention | None:
        from .places import find_places

        def is_actor(candidate: Any) -> bool:
            return any(
                getattr(m, "start", -1) <= candidate.head_start < getattr(m, "end", -1) for m in mentions
            )

        best = None
        fallback = None
        may_dedicate = "support" in text or "solidarity" in text  # (_DEDICATION's words)
        for sentence in cluster.sentences:
            for candidate in find_places(text, sentence.start, sentence.end):
                if is_actor(candidate):
                    continue
                if may_dedicate:
                    before = text[max(sentence.start, candidate.phrase_start - 100) : candidate.phrase_start]
                    if _DEDICATION.search(before):
                        # "In support of our people in the Gaza Strip, our fighters shelled …": the cause the
                        # attack is dedicated to, not its place
                        continue
                if candidate.specific:
                    # a more specific phrase later in the event ("the Kabanah axis") beats a region
                    best = candidate
                    break
                if fallback is None:
                    fallback = candidate
            if best is not None:
                break
        chosen = best or fallback
        if chosen is None and cluster.sentences and look_back:
            # no place in the event's own sentences: the scene set just before it ("near Tulcan city,
            # Carchi, refugees tried to cross the border. Police threw tear gas …")
            earlier = [
                c for c in find_places(text, 0, cluster.sentences[0].start) if c.specific and not is_actor(c)
            ]
            chosen = earlier[-1] if earlier else None
        if chosen is None:
            return None
        return PlaceMention(
            phrase=text[chosen.phrase_start : chosen.phrase_end],
            head=chosen.head,
            start=chosen.phrase_start,
            end=chosen.phrase_end,
            document_id=doc.id,
            hints=list(chosen.hints),
            relation=chosen.relation,
            country_hint=country,
        )


# the sub-event types no one dies of: their fatalities are 0 whatever the report tells of earlier fighting
_NO_DEATHS_TYPES: Final = frozenset(
    {
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    }
)


# an interception report that names no place: "at several regions", "without giving their locations"
_PLACELESS: Final = _rx(
    r"\bwithout (?:giving|specifying|naming|saying|disclosing) (?:the |their |its |where)|"
    r"\b(?:at|over|on|across|in) (?:several|multiple|various|many|different|a number of) "
    r"(?:regions|provinces|oblasts|areas)\b|"
    r"\bacross the country\b|\bnationwide\b"
)
_DEDICATION: Final = _rx(r"\b(?:in|as)\s+(?:support|solidarity)\s+(?:of|with)\b[^,;.]*$", re.IGNORECASE)
_REPORTING: Final = _rx(
    r"\b(?:said|says|reported|reports|announced|stated|told|added|claimed|confirmed|published|wrote|"
    r"tweeted|posted|statement|according to(?: \S+){0,3})(?:\s+\w+){0,2}\s*$"
    # "in a statement read on state television on Monday evening"
    r"|\b(?:statement|communiqu\w+|briefing|speech|address)\s+(?:read|released|issued|published|aired|"
    r"broadcast|posted|given|made)(?:\s+\w+){0,4}\s*$"
)
_DATELINE_TAIL: Final = _rx(r"\s*(?:\([^)]{1,30}\))?\s*[—–-]")


# a date that starts a duration ("since April", "since mid-2023") and the onset of a war or a wave of
# fighting ("fighting began in …", "the conflict erupted in …")
_SINCE_BEFORE: Final = _rx(r"\bsince\s+(?:(?:early|late|mid-?|the (?:start|end|beginning|middle) of)\s*)?$")
_SINCE_AT: Final = _rx(r"since\s")
_ONSET: Final = _rx(r"\b(?:began|begun|erupted|broke out|started|flared up)\b")


def _may_be_onset(window: str) -> bool:
    """A word of _ONSET occurs in ``window`` (a cheap test before the search)."""
    return (
        "began" in window or "begun" in window or "erupted" in window or "broke out" in window
        or "started" in window or "flared up" in window
    )  # fmt: skip
_PAST_PERFECT: Final = _rx(r"\bhad (?:been |already |previously |earlier )?[a-z]+(?:ed|en|ought|aught)\b")
# a sentence that reports a further episode of the story rather than elaborating the event before it
_NEW_EPISODE: Final = _rx(
    r"\b(?:in (?:response|retaliation)|retaliat\w*|separately|meanwhile|elsewhere|"
    r"in a separate (?:attack|incident)|(?:on )?the same (?:day|night|morning|evening|afternoon))\b"
)
_INTERCEPTION: Final = _rx(
    r"intercept|shot down|shoot down|downed|destroyed (?:\S+ ){0,3}(?:drones?|missiles?)"
)
# a sentence that refers back to the event just reported elaborates it
_ANAPHOR: Final = _rx(
    r"\bthe (?:drone |air ?|suicide |car |roadside )?(?:strikes?|attacks?|clash(?:es)?|explosions?|blasts?|"
    r"bombings?|shelling|raids?|ambush|fighting|assault|incident|device|bomb)\b"
)
_APPROX_BEFORE: Final = _rx(r"\b(?:around|about|circa|approximately)\s*$")
_APPROX_WORDS: Final = ("around", "about", "circa", "approximately")
# ACLED's note openers for an approximate day: "Reported on 28 April 2020, …"
_REPORTED_OPENER: Final = _rx(r"^\W*(?:as )?reported on\s*$")
_APPROX_AFTER: Final = _rx(r"\s*\((?:or around|week of|as reported|approximately|from [^)]{1,30})\)")
_FOUND_DEAD: Final = _rx(
    r"\bfound dead\b|\b(?:body|bodies|corpses?|remains) (?:\S+ ){0,9}?(?:was|were) (?:found|discovered)"
    r"|\b(?:found|discovered) the (?:\S+ ){0,2}?(?:body|bodies|corpses?|remains) of\b"
)


def _cite(evidence: list[Evidence], doc_id: str, text: str, name: str, a: int | None, b: int | None) -> None:
    """The span ``text[a:b]`` as the evidence of field ``name`` (nothing for an empty or unknown span);
    a module function, not a closure: compiled, a native call."""
    if a is not None and b is not None and b > a:
        evidence.append(Evidence(name, doc_id, a, b, text[a:b]))


def _approximate(text: str, low: str, date: Any, cluster: _Cluster) -> int:
    """Precision 2 when the day is approximate: "Around 4 May", "Reported on 28 April", "2 May
    (week of)", or a body found (the day of death is unknown)."""
    # (each pattern runs only where a literal every match contains occurs: the same answers)
    first = cluster.sentences[0].start if cluster.sentences else 0
    if first <= date.start:
        head = low[first : date.start]
        if "reported on" in head and _REPORTED_OPENER.match(head):
            return 2
    before = low[max(0, date.start - 20) : date.start]
    if before.rstrip().endswith(_APPROX_WORDS) and _APPROX_BEFORE.search(before):
        return 2
    after = low[date.end : date.end + 80]  # "(" after spaces: in these 80 characters, or all are spaces
    if ("(" in after or after.isspace()) and _APPROX_AFTER.match(low, date.end):
        return 2
    for a, b in cluster.spans:
        span = low[a:b]
        if ("found" in span or "discovered" in span) and _FOUND_DEAD.search(low, a, b):
            return 2
    return 1


# the people who report an event are not its actors or victims ("police said", "according to police")
_SOURCE_AFTER: Final = _rx(
    r"\s+(?:\w+\s+)?(?:said|say|says|told|reported|reports|stated|added|confirmed|announced|sources?|"
    r"spokes(?:man|woman|person))\b"
)
_SOURCE_BEFORE: Final = _rx(r"\baccording to (?:the |a |local |\w+ )?(?:\w+ )?$")
_OWN_ACTION: Final = _rx(r"\s+(?:\w+\s+)?said (?:it|they|its|their)\b")
_SOURCE_GROUPS: Final = ("armed", "perpetrator", "civilian", "state")


def _drop_sources(low: str, hits: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Drop actor and victim cues that name the source of the report, not a party to it. A state
    cue is kept when the force reports its own action ("the army said it recaptured …")."""
    for group in _SOURCE_GROUPS:
        items = hits.get(group)
        if not items:
            continue
        kept = []
        for h in items:
            # (the patterns run only where they can match: _SOURCE_AFTER and _OWN_ACTION after a space,
            # _SOURCE_BEFORE where "according to " is in its window)
            spaced = low[h.end : h.end + 1].isspace()
            reported = (spaced and _SOURCE_AFTER.match(low, h.end) is not None) or (
                "according to " in low[max(0, h.start - 40) : h.start]
                and _SOURCE_BEFORE.search(low, max(0, h.start - 40), h.start) is not None
            )
            if reported and not (group == "state" and spaced and _OWN_ACTION.match(low, h.end)):
                continue
            kept.append(h)
        if len(kept) != len(items):
            if kept:
                hits[group] = kept
            else:
                del hits[group]
    return hits


# an earlier event the report refers to: "the attack came two days after an ambush on soldiers nearby",
# "three weeks after clashes killed 20": its cues (type, victims, dead) belong to that other event
_EARLIER_HEAD: Final = (
    r"\b(?:(?:came|comes|coming|follows|followed|following|occurred|happened)\s+(?:[a-z]+\s+){0,3}?after|"
    r"(?:a|an|one|two|three|four|five|six|seven|several|few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)"
    r"\s+after)\b"
)
_EARLIER_EVENT: Final = _rx(_EARLIER_HEAD + r"[^.;!?\n]{0,120}")
# its part up to "after" (what a match must begin with; the rest always matches, if only empty)
_EARLIER_START: Final = _rx(_EARLIER_HEAD)
_EVENT_GROUPS: Final = frozenset({*_EVENTISH, *_SUPPORT, "armed", "perpetrator", "civilian", "state"})
# a character no _EARLIER_START match holds (its text is words of a-z or digits and white space; its
# closing \b only reads the character after it), and the text up to the last of them before an "after"
_NOT_IN_START: Final = _rx(r"[^a-z\d\s]")
_OUTSIDE_EARLIER: Final = _rx(r".*[^a-z\d\s]", re.DOTALL)


def _earlier_spans(low: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _EARLIER_EVENT.finditer(low)]``, searched only where a match can begin. A
    match begins with an _EARLIER_START match, which ends with "after" and holds only a-z, digits and
    white space: it lies in the stretch of such characters around an "after" (from after the last other
    character before it to the first one after it, which its \\b reads). Per stretch, in text order, the
    first start there is searched with the stretch's end as ``endpos`` (one character past it, for the
    \\b), and the whole match is then read from that start (the part after "after" always matches, so
    the starts are the same, and from one start the engine takes the same path). Only a shortcut: the
    same matches, without the engine trying some twenty alternatives at every word of the report."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        after = low.find("after", pos)
        if after < 0:
            break
        gap = _OUTSIDE_EARLIER.match(low, pos, after)
        start = pos if gap is None else gap.end()
        other = _NOT_IN_START.search(low, after)
        stop = len(low) if other is None else other.start()
        head = _EARLIER_START.search(low, start, stop + 1)
        if head is None:
            pos = stop  # (no match begins before it: the next holds a later "after")
            continue
        m = _EARLIER_EVENT.match(low, head.start())
        if m is None:  # pragma: no cover - the rest of the pattern matches wherever the start does
            break
        spans.append(m.span())
        pos = m.end()
    return spans


def _drop_earlier_events(low: str, hits: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Drop the event cues inside a reference to an earlier event."""
    if "after" not in low:
        return hits
    spans = _earlier_spans(low)
    if not spans:
        return hits
    out: dict[str, list[Any]] = {}
    for group, items in hits.items():
        if group in _EVENT_GROUPS:
            items = [h for h in items if not any(a <= h.start < b for a, b in spans)]
        if items:
            out[group] = items
    return out


# an outlet's name where the report cites it: "KHARTOUM, March 18 (AFP) -", "told AFP", "an AFP
# correspondent" (always the outlet); "AFP reported", "according to AFP" (the outlet unless the force
# of that name fights in the report's own country: "the AFP said two soldiers were hurt")
_OUTLET_FOR_SURE_BEFORE: Final = _rx(r"(?:\(|\btold\s+)$", re.IGNORECASE)
_OUTLET_FOR_SURE_AFTER: Final = _rx(
    r"^(?:\)|['’]s\s+(?:correspondent|journalist|reporter|photographer)|\s+(?:correspondents?|"
    r"journalists?|reporters?|photographers?|news\s+agency)\b)",
    re.IGNORECASE,
)
_OPENS_CITED_AFTER: Final = frozenset({")", "'", "’"})  # what _OUTLET_FOR_SURE_AFTER begins with but a space
_LIKELY_BEFORE_ENDS: Final = ("to", "via", "citing", "by")  # the last words of _OUTLET_LIKELY_BEFORE
_OUTLET_LIKELY_BEFORE: Final = (
    _rx(r"\b(?:according\s+to|via|citing|cited\s+by|quoted\s+by)\s+$", re.IGNORECASE)
)
_OUTLET_LIKELY_AFTER: Final = (
    _rx(r"^\s+(?:reported|reports|quoted|cited|learned|saw|counted)\b", re.IGNORECASE)
)


def _drop_outlet_names(text: str, mentions: list[Any], country: str | None) -> list[Any]:
    """A name shared by an armed force and a news outlet (AFP: the Armed Forces of the Philippines and
    Agence France-Presse) names the outlet where the report cites it: no side of the event."""
    from .claims import OutletDirectory

    outlets = OutletDirectory.default()
    kept = []
    for m in mentions:
        before = text[max(0, m.start - 16) : m.start]
        after = text[m.end : m.end + 24]
        # (each pattern runs only where the words or characters it begins or ends with are there: the
        # same answers; in ASCII the last word before the name and the first after it, lower-cased, tell)
        plain = before.isascii() and after.isascii()
        last = before.rstrip().lower() if plain else ""
        first = after.lstrip()[:1].lower() if plain else ""
        spaced_before = before[-1:].isspace()
        spaced_after = after[:1].isspace()
        cited = bool(
            (
                (before.endswith("(") or (spaced_before and (not plain or last.endswith(("told", "(")))))
                and _OUTLET_FOR_SURE_BEFORE.search(before)
            )
            or (
                (after[:1] in _OPENS_CITED_AFTER or (spaced_after and (not plain or first in "cjrpn")))
                and _OUTLET_FOR_SURE_AFTER.match(after)
            )
        ) or (
            (country is None or m.country != country)
            and bool(
                (
                    spaced_before
                    and (not plain or last.endswith(_LIKELY_BEFORE_ENDS))
                    and _OUTLET_LIKELY_BEFORE.search(before)
                )
                or (spaced_after and (not plain or first in "rqcls") and _OUTLET_LIKELY_AFTER.match(after))
            )
        )
        # the outlet lookup (a tokenising search on a miss) only where the words around cite a source
        if cited and outlets.lookup(text[m.start : m.end]) is not None:
            continue
        kept.append(m)
    return kept


_DOMAIN_GROUPS: Final = frozenset({"figurative", "non_conflict", "no_event", "court_verdict", "background"})


def _drop_figurative(hits: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Drop every cue inside a figurative or non-event phrase (the ``figurative`` data group: "the
    fight against terrorism", "a price war", "battling the blaze", "rehearsing the defence of the
    capital"): the violence words there name no event."""
    spans = [(h.start, h.end) for h in hits.get("figurative", ())]
    if not spans:
        return hits
    out: dict[str, list[Any]] = {}
    for group, items in hits.items():
        if group in _DOMAIN_GROUPS:  # domain cues ("goals", "cholera") stay: they gate the rest
            out[group] = items
            continue
        kept = [h for h in items if not any(a <= h.start < b or a < h.end <= b for a, b in spans)]
        if kept:
            out[group] = kept
    return out


# an organised actor or a crowd acting: what an event needs where the passage is about sports,
# disasters, accidents, courts, the economy or disease
_AGENT_GROUPS: Final = (
    "perpetrator", "state", "protest", "violent_demo", "mob", "crowd_size",
    "chemical", "suicide", "airstrike",
)  # fmt: skip
_TRUCE: Final = _rx(r"ceasefire|cease-fire|truce|armistice|peace")
# a sentence carried out on the spot (an armed group's court that executes or flogs) is an event
_PUNISHMENT: Final = _rx(r"execut|behead|flogg|whipp|lash|ston|amputat")
# punishments no sport or disaster words stand for ("executed" may be a free kick)
_BODILY_PUNISHMENT: Final = _rx(r"behead|flogg|whipp|lash|amputat")
# armed cues that are things, not people acting (a truck in a road accident is a "vehicle")
# and ranks name a captain of a team as readily as an officer
_THING: Final = _rx(
    r"(?:vehicles?|convoys?|patrols?|checkpoints?|posts?|elements|members?|lieutenants?|colonels?|"
    r"sergeants?|captains?|majors?|brigadiers?|generals?)$"
)
# the agent of a passive harm verb: "was abducted by four men"
_BY_AGENT: Final = _rx(
    r"\bby (?:an? |the |\w+ ){0,3}(?:men|man|persons?|people|individuals?|suspects?|guards?|youths?|group)\b"
)
# explosions without a named weapon happen in accidents too (a gas cylinder, a boiler); a
# "bombardment" with no one firing is a sports writer's ("collapsed under the bombardment")
_GENERIC_BLAST: Final = (
    _rx(
        r"(?:explosions?|blasts?|detonated|exploded|blew up|bomb(?:s|ings?)?|projectiles?|"
        r"bombard(?:ments?|ed|ing|s)?)$"
    )
)


def _conflict_sense(low: str, hits: dict[str, list[Any]]) -> bool:
    """False when the event's sentences belong to a non-conflict domain (the ``non_conflict`` data
    group: sports, disasters and accidents, courts, economy, disease) and name no organised actor,
    crowd or military weapon: violence words there ("attack", "shot", "killing 30") are not events."""
    if (
        hits.get("court_verdict")
        and not any(hits.get(g) for g in _CROWD_GROUPS)
        and not any(_PUNISHMENT.match(h.text) for h in hits.get("vac_attack", []))
    ):
        return False
    if not hits.get("non_conflict"):
        return True
    if any(hits.get(g) for g in _AGENT_GROUPS if g != "protest") or any(
        h.text != "strikers" for h in hits.get("protest", ())
    ):
        return True  # (a team's "strikers" are no workers on strike where the passage is a match's)
    if any(_BODILY_PUNISHMENT.match(h.text) for h in hits.get("vac_attack", [])):
        return True  # "publicly flogged two men in a stadium": a flogging has its punisher, wherever it is
    if any(_TRUCE.search(h.text) for h in hits.get("agreement", [])):
        return True  # a ceasefire is a conflict's ("a unilateral ceasefire due to the coronavirus")
    if any(not _THING.match(h.text) for h in hits.get("armed", [])):
        return True
    spans = [(h.start, h.end) for hs in hits.values() for h in hs]
    if spans and _BY_AGENT.search(low, min(a for a, _ in spans), max(b for _, b in spans)):
        return True
    weapons = [*hits.get("ied", []), *hits.get("shelling", [])]
    return any(not _GENERIC_BLAST.search(h.text) for h in weapons)


def _windows(text: str, hits: list[Any], before: int = 140, after: int = 70) -> list[tuple[int, int]]:
    """Merged spans around hits, widened to whitespace so no word is cut."""
    spans: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: h.start):
        a, b = max(0, hit.start - before), min(len(text), hit.end + after)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


def _hits_by_sentence(sentences: list[Any], all_hits: dict[str, list[Any]]) -> list[dict[str, list[Any]]]:
    """Per sentence, its hits per group: a hit belongs to the sentence with start <= hit.start < end
    (hits between sentences belong to none). Sentences are in text order and do not overlap."""
    out: list[dict[str, list[Any]]] = [{} for _ in sentences]
    if not sentences:
        return out
    starts = [s.start for s in sentences]
    for group, hits in all_hits.items():
        for hit in hits:
            i = bisect_right(starts, hit.start) - 1
            if i >= 0 and hit.start < sentences[i].end:
                bucket = out[i].get(group)
                if bucket is None:
                    out[i][group] = [hit]
                else:
                    bucket.append(hit)
    return out


def _best_date(day_dates: list[Any], text: str = "", sentence_start: int = 0) -> Any:
    """The date that dates an event sentence. The date a statement was made ("the army said on
    Monday") and a wire dateline ("KYIV, May 13 —") rank after the event's own date; an absolute
    date ranks before a relative one."""
    if not day_dates:
        return None

    def rank(d: Any) -> tuple[int, int]:
        if _since_date(d, text) or _onset_date(d, text):
            # "the RSF, which had held it since April 2023", "… since the invasion began in February
            # 2022": when a state or a war began, last
            return (2, 0)
        return (1 if _statement_date(d, text, sentence_start) else 0, 1 if d.relative else 0)

    return min(day_dates, key=rank)


def _earlier_context(s_hits: dict[str, list[Any]]) -> bool:
    """A sentence that tells an earlier event as the context of this one ("The attack comes a month
    after …")."""
    return any(h.text.startswith(("comes ", "came ")) for h in s_hits.get("background", ()))


def _since_date(d: Any, text: str) -> bool:
    """A date that starts a duration ("since April 2023", "since mid-2023")."""
    head = text[d.start : d.start + 6].lower()
    if head.startswith("since") and _SINCE_AT.match(head):
        return True
    before = text[max(0, d.start - 24) : d.start].lower()
    return "since" in before and _SINCE_BEFORE.search(before) is not None


def _onset_date(d: Any, text: str) -> bool:
    """A date a war or state began on ("the full-scale invasion began in February 2022")."""
    before = text[max(0, d.start - 30) : d.start].lower()
    return _may_be_onset(before) and _ONSET_BEFORE.search(before) is not None


_ONSET_BEFORE: Final = _rx(
    # (the date's own "in" may begin its mention: "began in April" read as "began" + "in April")
    r"\b(?:began|begun|erupted|broke out|started|flared up)\s+(?:(?:in|on)\s+)?(?:early\s+|late\s+)?$"
)


def _statement_date(d: Any, text: str, sentence_start: int) -> bool:
    """The date a statement was made ("the army said on Monday") or a wire dateline's."""
    if _REPORTING.search(text[max(sentence_start, d.start - 64) : d.start]):
        return True
    return d.start - sentence_start < 40 and bool(_DATELINE_TAIL.match(text, d.end))


def _specific_places(text: str, sentence: Any) -> list[Any]:
    from .places import find_places

    return [p for p in find_places(text, sentence.start, sentence.end) if p.specific]


def _merge(into: Event, other: Event) -> None:
    """Two parts of one event: keep the larger death toll and all evidence."""
    if (other.fatalities or 0) > (into.fatalities or 0):
        into.fatalities = other.fatalities
        into.fatalities_low, into.fatalities_best, into.fatalities_high = (
            other.fatalities_low,
            other.fatalities_best,
            other.fatalities_high,
        )
    into.evidence.extend(other.evidence)
