"""Settings as one typed object, with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_DB_URL", "Settings"]

DEFAULT_DB_URL = "sqlite:///eventdesk.db"


@dataclass(slots=True)
class Settings:
    """Everything a pipeline run can be told.

    db_url: SQLAlchemy URL of the event store (``--db`` or ``EVENTDESK_DB``; default ./eventdesk.db).
    gazetteer_dir: where compiled gazetteer indexes live (``EVENTDESK_GAZETTEER``; default a user
        data folder); the bundled gazetteer is used when it holds nothing.
    admin_names: spelling of admin units in output: "acled" (Lattakia, Idleb), "ocha" or "geonames".
    geocode: resolve place mentions (off gives location = head name, no coordinates).
    executor: "local" (in-process) or "dask" (needs the [dask] extra).
    workers: worker count for the executor (0 = one per core).
    """

    db_url: str = DEFAULT_DB_URL
    gazetteer_dir: Path | None = None
    admin_names: str = "acled"
    geocode: bool = True
    executor: str = "local"
    workers: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then environment variables, then explicit overrides (None means unset)."""
        settings = cls()
        if os.environ.get("EVENTDESK_DB"):
            settings.db_url = os.environ["EVENTDESK_DB"]
        if os.environ.get("EVENTDESK_GAZETTEER"):
            settings.gazetteer_dir = Path(os.environ["EVENTDESK_GAZETTEER"])
        for key, value in overrides.items():
            if value is not None:
                setattr(settings, key, value)
        return settings
