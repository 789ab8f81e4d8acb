"""BoundedMemo: computed once, None is a value, forgets all past its size, pickles empty."""

from __future__ import annotations

import pickle

from eventdesk.memo import BoundedMemo


def test_memo_computes_once_and_keeps_none() -> None:
    calls: list[str] = []
    memo: BoundedMemo[str, str | None] = BoundedMemo(10)

    def compute(key: str) -> str | None:
        calls.append(key)
        return None if key == "none" else key.upper()

    assert memo.get("a", lambda: compute("a")) == "A"
    assert memo.get("a", lambda: compute("a")) == "A"
    assert memo.get("none", lambda: compute("none")) is None
    assert memo.get("none", lambda: compute("none")) is None
    assert calls == ["a", "none"]


def test_memo_forgets_everything_past_its_size_and_pickles_empty() -> None:
    memo: BoundedMemo[int, int] = BoundedMemo(2)
    for i in range(3):
        memo.get(i, lambda i=i: i * i)
    assert len(memo) == 3
    memo.get(3, lambda: 9)
    assert len(memo) == 1  # cleared before storing the fourth
    copy = pickle.loads(pickle.dumps(memo))
    assert len(copy) == 0 and copy.get(5, lambda: 25) == 25
