"""The methods ``@dataclass`` would generate for the coder's small value classes, written out once.

Under mypyc, ``@dataclass`` runs when a compiled module is imported, and it writes each generated method
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``) as source text and ``exec``s it: about 0.5 M
instructions a method, paid by every start-up (docs/speed.md, "Session 10"). The coder's and nlp's value
classes say ``init=False, repr=False, eq=False``, write their ``__init__``, and have ``__eq__``,
``__hash__`` (frozen ones) and ``__repr__`` call these, which do what the generated ones do:

- equal: of the very same class and with equal field tuples (else NotImplemented);
- hash: the hash of the field tuple (a frozen dataclass's);
- repr: ``QualName(field=value!r, …)`` in field order.
"""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["FrozenValueRecord", "ValueRecord", "value_eq", "value_hash", "value_repr"]

# class -> its dataclass field names, in order
_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The dataclass ``cls``'s field names, in order (memoised per class)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _values(record: Any) -> tuple[Any, ...]:
    return tuple([getattr(record, name) for name in field_names(type(record))])


def value_eq(record: Any, other: Any) -> Any:
    """``record == other`` as a dataclass's generated ``__eq__`` answers it."""
    if other.__class__ is not record.__class__:
        return NotImplemented
    return _values(record) == _values(other)


def value_hash(record: Any) -> int:
    """``hash(record)`` as a frozen dataclass's generated ``__hash__`` answers it."""
    return hash(_values(record))


def value_repr(record: Any) -> str:
    """``repr(record)`` as a dataclass's generated ``__repr__`` writes it."""
    parts = ", ".join(f"{name}={getattr(record, name)!r}" for name in field_names(type(record)))
    return f"{type(record).__qualname__}({parts})"


class ValueRecord:
    """Base of the value classes: ``==`` and ``repr`` as the dataclass's generated methods (above); like a
    non-frozen dataclass with ``eq=True``, instances are unhashable."""

    def __eq__(self, other: object) -> bool:
        return value_eq(self, other)  # (NotImplemented for another class, as the generated one)

    def __repr__(self) -> str:
        return value_repr(self)


class FrozenValueRecord(ValueRecord):
    """Base of the frozen value classes: hashed by their field tuple, as a frozen dataclass is."""

    def __hash__(self) -> int:
        return value_hash(self)
