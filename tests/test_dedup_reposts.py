"""dedup, pure library: exact and near-duplicate reports, canonical documents, band keys."""

from __future__ import annotations

import datetime as dt

from tests.fixtures.dedup.reports import body, make_repost, many_reports

from eventdesk.dedup import (
    MemoryBandStore,
    RepostDetector,
    band_keys,
    find_reposts,
    is_better_canonical,
    verify,
)
from eventdesk.dedup.reposts import BANDS
from eventdesk.records import Document

STORY = body(many_reports()[0][1])
OTHER_OUTLET_SAME_EVENT = body(many_reports()[6][1])


def doc(doc_id: str, text: str, day: int = 17, publisher: str | None = None) -> Document:
    return Document(id=doc_id, text=text, published_at=dt.date(2023, 10, day), publisher=publisher)


def test_band_keys_are_stable_short_strings() -> None:
    keys = band_keys(STORY)
    assert keys == band_keys(STORY) and len(keys) == BANDS
    assert all(isinstance(k, str) and len(k) <= 40 for k in keys)
    assert band_keys("") == []
    # Case, punctuation and spacing do not change a story.
    assert band_keys(STORY.upper().replace(",", " ,")) == keys


def test_a_repost_with_a_new_header_and_small_edits_verifies() -> None:
    repost = make_repost(STORY)
    assert set(band_keys(repost)) & set(band_keys(STORY))
    result = verify(STORY, repost)
    assert result.is_repost and result.coverage > 0.9


def test_two_outlets_writing_up_one_event_are_not_reposts() -> None:
    assert not verify(STORY, OTHER_OUTLET_SAME_EVENT).is_repost


def test_templated_short_briefs_are_not_reposts() -> None:
    a = "Report 5: clashes broke out near village number 5 in the countryside."
    b = "Report 6: clashes broke out near village number 6 in the countryside."
    assert not verify(a, b).is_repost
    assert verify(a, "Via a blog. " + a).is_repost


def test_a_roundup_quoting_a_story_is_not_a_repost_of_it() -> None:
    roundup = (
        STORY + " " + " ".join(f"Other news item {i} about a different town entirely." for i in range(60))
    )
    assert not verify(STORY, roundup).is_repost


def test_detector_links_reposts_to_the_canonical_document() -> None:
    detector = RepostDetector()
    original = doc("orig", STORY, 17, "Levant Monitor")
    copy = doc("copy", make_repost(STORY), 18, "levantdigest")
    other = doc("other", OTHER_OUTLET_SAME_EVENT, 17, "Crossline News")
    assert detector.add(original).repost_of is None
    decision = detector.add(copy)
    assert decision.repost_of == "orig" and copy.repost_of == "orig" and decision.matched == "orig"
    assert detector.add(other).repost_of is None
    second_copy = detector.add(doc("copy2", make_repost(STORY, blog="another"), 19))
    assert second_copy.repost_of == "orig"


def test_an_earlier_copy_arriving_later_becomes_canonical() -> None:
    detector = RepostDetector()
    late = doc("late", make_repost(STORY), 18)
    early = doc("early", STORY, 17)
    detector.add(late)
    decision = detector.add(early)
    assert decision.repost_of is None and decision.relink == ["late"]
    assert late.repost_of == "early"
    assert is_better_canonical(early, late) and not is_better_canonical(late, early)


def test_find_reposts_on_a_batch_is_deterministic() -> None:
    batch = [doc("a", STORY), doc("b", make_repost(STORY), 18), doc("c", OTHER_OUTLET_SAME_EVENT)]
    first = find_reposts(batch)
    again = find_reposts(
        [doc("a", STORY), doc("b", make_repost(STORY), 18), doc("c", OTHER_OUTLET_SAME_EVENT)]
    )
    assert first == again == {"a": None, "b": "a", "c": None}


def test_memory_band_store_files_each_document_once() -> None:
    store = MemoryBandStore()
    store.add("a", ["k1", "k2"])
    store.add("a", ["k1"])
    store.add("b", ["k2"])
    assert store.candidates(["k1", "k2"]) == ["a", "b"]
    assert store.candidates(["zz"]) == []


def test_reused_permutations_give_the_keys_of_a_fresh_minhash() -> None:
    """band_keys draws the MinHash permutations once; the keys must be those of a fresh sketch."""
    import hashlib

    from datasketch import MinHash

    from eventdesk.dedup.reposts import NUM_PERM, ROWS, SHINGLE, words

    for text in (STORY, OTHER_OUTLET_SAME_EVENT, "three words only"):
        tokens = words(text)
        fresh = MinHash(num_perm=NUM_PERM, seed=1)
        if len(tokens) < SHINGLE:
            fresh.update_batch([" ".join(tokens).encode("utf-8")])
        else:
            fresh.update_batch(
                list(
                    {
                        " ".join(tokens[i : i + SHINGLE]).encode("utf-8")
                        for i in range(len(tokens) - SHINGLE + 1)
                    }
                )
            )
        chunks = [fresh.hashvalues[band * ROWS : (band + 1) * ROWS].tobytes() for band in range(BANDS)]
        expected = [
            f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}"
            for band, chunk in enumerate(chunks)
        ]
        assert band_keys(text) == expected
        assert band_keys(text) == expected  # second call: cached permutations
