"""eventdesk: conflict news reports in, an ACLED-compatible, geocoded, source-attributed event
dataset out. Offline.

The public surface is re-exported here; heavy parts (coder lexicons, gazetteer, SQLAlchemy) load
only when first used, so ``import eventdesk`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    CodingError,
    ConfigError,
    EvaluationError,
    EventdeskError,
    GazetteerError,
    InputError,
    MissingExtraError,
    StoreError,
)
from .records import ActorMention, Claim, Document, Event, Evidence, PlaceMention
from .settings import Settings

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store import EventStore

__version__ = "0.1.0"

__all__ = [
    "ActorMention",
    "Claim",
    "CodingError",
    "ConfigError",
    "Document",
    "EvaluationError",
    "Event",
    "EventStore",
    "EventdeskError",
    "Evidence",
    "GazetteerError",
    "InputError",
    "MissingExtraError",
    "Pipeline",
    "PlaceMention",
    "Settings",
    "StoreError",
    "__version__",
    "compiled",
]

_LAZY = {"Pipeline": ".pipeline", "EventStore": ".store"}


def compiled() -> tuple[str, ...]:
    """The modules of this install that are mypyc-compiled extensions (``EVENTDESK_COMPILE=1 pip
    install .``, docs/speed.md), sorted; empty for the pure-Python build. Reads file names only."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from pathlib import Path

    root = Path(__file__).parent
    suffixes = sorted(EXTENSION_SUFFIXES, key=len, reverse=True)  # ".cpython-311-…so" before ".so"
    names = set()
    for ext in {suffix.rsplit(".", 1)[-1] for suffix in suffixes}:
        for path in root.rglob(f"*.{ext}"):
            suffix = next(s for s in suffixes if path.name.endswith(s))
            parts = path.relative_to(root).with_name(path.name[: -len(suffix)]).parts
            if not parts[-1].endswith("__mypyc"):  # a group's shared library, not a module
                names.add(".".join(("eventdesk", *parts)).removesuffix(".__init__"))
    return tuple(sorted(names))


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'eventdesk' has no attribute {name!r}")
