"""Schema migrations: an ordered list of functions, applied once each, recorded in schema_version.

To change the schema, append ``Migration(<next number>, "<what>", <function>)`` to ``MIGRATIONS``;
never edit one that has shipped. A migration receives a connection inside a transaction and the
dialect name; tables it creates should be declared in :mod:`.schema` and created by name, so that a
fresh store and a migrated one end up the same.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from . import schema

__all__ = ["MIGRATIONS", "Migration", "current_version", "migrate"]

log = logging.getLogger(__name__)

FTS_TABLE = "documents_fts"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection, str], None]


def create_tables(connection: Connection, *names: str) -> None:
    """Create the named tables of :data:`schema.metadata` (and their indexes) if missing."""
    tables = [schema.metadata.tables[name] for name in names]
    schema.metadata.create_all(connection, tables=tables, checkfirst=True)


def _initial(connection: Connection, dialect: str) -> None:
    create_tables(connection, "runs", "documents", "events", "event_documents", "claims", "evidence")
    if dialect == "sqlite" and fts5_available(connection):
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "document_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
            )
        )


def fts5_available(connection: Connection) -> bool:
    try:
        connection.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp._fts5_probe USING fts5(x)"))
        connection.execute(text("DROP TABLE IF EXISTS temp._fts5_probe"))
    except OperationalError:
        return False
    return True


def _dedup_tables(connection: Connection, dialect: str) -> None:
    create_tables(connection, "document_bands", "event_blocks")


MIGRATIONS: list[Migration] = [
    Migration(1, "documents, events, links, claims, evidence, runs; FTS5 on SQLite", _initial),
    Migration(2, "dedup: document_bands (LSH band keys), event_blocks (blocking keys)", _dedup_tables),
]


def current_version(connection: Connection) -> int:
    if not inspect(connection).has_table("schema_version"):
        return 0
    version = connection.execute(
        select(schema.schema_version.c.version).order_by(schema.schema_version.c.version.desc()).limit(1)
    ).scalar()
    return int(version or 0)


def migrate(engine: Engine) -> int:
    """Bring the store to the latest schema; returns the version. Safe to run concurrently."""
    dialect = engine.dialect.name
    with engine.begin() as connection:
        create_tables(connection, "schema_version")
    for migration in MIGRATIONS:
        try:
            with engine.begin() as connection:
                if current_version(connection) >= migration.version:
                    continue
                log.info("migrating store to version %d: %s", migration.version, migration.description)
                migration.apply(connection, dialect)
                connection.execute(
                    schema.schema_version.insert().values(
                        version=migration.version,
                        description=migration.description,
                        applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    )
                )
        except IntegrityError:
            continue  # another process applied it first
    with engine.connect() as connection:
        return current_version(connection)
