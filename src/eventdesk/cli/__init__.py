"""The ``eventdesk`` command: a thin skin over the library.

Each subcommand lives in its own module and is imported only when it runs, so ``eventdesk --help``
stays fast. A command parses options, calls the API, and turns an ``EventdeskError`` into one
``Error: …`` line with exit code 1.

``main`` (the click group, in ``_group``) is made on first use: ``run``, the console entry, runs a plain
``eventdesk code`` command line without importing click at all (``code_run``; docs/speed.md, session 9).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["main", "run"]

# command name -> (module, attribute, one-line help shown by `eventdesk --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "code": ("eventdesk.cli.code_cmd", "code", "Code reports into events and print them (no store)."),
    "ingest": ("eventdesk.cli.store_cmds", "ingest", "Code reports and store them with their events."),
    "events": ("eventdesk.cli.store_cmds", "events", "List stored events with filters."),
    "export": ("eventdesk.cli.store_cmds", "export", "Export stored events (CSV, JSONL, GeoJSON, Parquet)."),
    "documents": ("eventdesk.cli.store_cmds", "documents", "List stored reports."),
    "stats": ("eventdesk.cli.store_cmds", "stats", "Counts of what the store holds."),
    "evaluate": ("eventdesk.cli.evaluate_cmd", "evaluate", "Score the coder against a gold file."),
    "gazetteer": ("eventdesk.cli.gazetteer_cmd", "gazetteer", "Build and query the offline gazetteer."),
}


def run() -> None:
    """The ``eventdesk`` program: ``main()``, except that ``eventdesk code`` with plain arguments (report
    paths, ``--format``, ``--no-geocode``) runs without importing click (~45 M instructions)."""
    from .code_run import plain_code_args, run_plain

    plain = plain_code_args(sys.argv[1:])
    if plain is not None:
        run_plain(*plain)
    from ._group import main

    main()


def __getattr__(name: str) -> Any:
    # main and LazyGroup, from the module that imports click, on first use
    if name in ("main", "LazyGroup"):
        from . import _group

        return getattr(_group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
