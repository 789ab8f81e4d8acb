"""A small bounded memo shared by the stages' per-process caches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")
_MISSING = object()


class BoundedMemo(Generic[_K, _V]):
    """A dict of computed values that forgets everything once it holds more than ``size`` entries.

    Clearing at once (not LRU) keeps a lookup to one dict read; writes take a lock, so threads of one
    executor can share it. A stored None is a value, not a miss.
    """

    __slots__ = ("_data", "_lock", "_size")

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: dict[_K, _V] = {}
        self._lock = threading.Lock()

    def get(self, key: _K, compute: Callable[[], _V]) -> _V:
        """The value for ``key``, computed by ``compute()`` the first time."""
        hit = self._data.get(key, _MISSING)
        if hit is _MISSING:
            value = compute()
            with self._lock:
                if len(self._data) > self._size:
                    self._data.clear()
                self._data[key] = value
            return value
        return hit  # type: ignore[return-value]

    def __reduce__(self) -> tuple[type[BoundedMemo[_K, _V]], tuple[int]]:
        """Pickles empty (for process executors): a memo is rebuilt where it is used."""
        return (BoundedMemo, (self._size,))

    def __len__(self) -> int:
        return len(self._data)
