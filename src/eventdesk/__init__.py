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
]

_LAZY = {"Pipeline": ".pipeline", "EventStore": ".store"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'eventdesk' has no attribute {name!r}")
