"""``eventdesk code`` without click: the command's work, and the plain-arguments fast path.

``eventdesk code`` is the command run once per batch of reports, and importing click costs ~45 M
instructions, ~7 % of a one-report run (docs/speed.md, "Session 9"). ``eventdesk.cli.run`` (the console
entry and ``python -m eventdesk``) hands a plain ``code`` command line (report paths, ``--format X``,
``--no-geocode``) to :func:`run_plain`, which runs it as click's standalone mode would; anything else
(``--help``, another command, an unknown or bad option, shell completion) goes through click as
before. The click command (:mod:`eventdesk.cli.code_cmd`) calls :func:`run_code` too.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Iterator
from typing import NoReturn

from ..errors import EventdeskError, InputError
from ..records import Event

__all__ = ["FORMATS", "plain_code_args", "run_code", "run_plain"]

# the --format choices (code_cmd's click.Choice reads them from here)
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")


def plain_code_args(argv: list[str]) -> tuple[tuple[str, ...], str, bool] | None:
    """``(paths, fmt, no_geocode)`` when ``argv`` (without the program name) is ``code`` with report
    paths and only the options ``--format X`` / ``--format=X`` (a valid choice) and ``--no-geocode``,
    as click would parse them; None for anything else, which click then handles (and words)."""
    if not argv or argv[0] != "code":
        return None
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # a shell-completion request: click's
    paths: list[str] = []
    fmt, no_geocode = "jsonl", False
    args = argv[1:]
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--no-geocode":
            no_geocode = True
        elif arg == "--format":
            index += 1
            if index >= len(args) or args[index] not in FORMATS:
                return None
            fmt = args[index]
        elif arg.startswith("--format="):
            fmt = arg[len("--format=") :]
            if fmt not in FORMATS:
                return None
        elif arg.startswith("-") and arg != "-":  # --help, --, an unknown option: click's
            return None
        else:
            paths.append(arg)
        index += 1
    return (tuple(paths), fmt, no_geocode) if paths else None


def run_plain(paths: tuple[str, ...], fmt: str, no_geocode: bool) -> NoReturn:
    """:func:`run_code` as the click command runs it in click's standalone mode: an EventdeskError is
    one ``Error: …`` line and exit 1 (``handle_errors``), Ctrl-C is ``Aborted!`` and exit 1, a closed
    pipe exits 1 quietly, and success exits 0."""
    try:
        try:
            try:
                run_code(paths, fmt, no_geocode)
            except EventdeskError as exc:
                echo_error(exc)
                sys.exit(1)
        except (EOFError, KeyboardInterrupt):
            import click

            click.echo(file=sys.stderr)
            click.echo("Aborted!", file=sys.stderr)
            sys.exit(1)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _quiet_closed_pipe()
            sys.exit(1)
        sys.exit(0)
    finally:
        # The process ends here (run_plain is the program's own entry, never a library call): what the
        # batch left alive, the lexicons' and the stages' memos filled report after report, needs no walk
        # by the cyclic collector, which the interpreter's shutdown runs over every object not frozen
        # (~34 K instructions a report in a 300-report run; docs/speed.md, "Session 11"). Frozen, they
        # are out of its reach, and freed at exit as before.
        gc.freeze()


def _quiet_closed_pipe() -> None:
    """The reader of stdout went away ("| head"): point stdout at the null device, so the interpreter's
    final flush of what is still buffered fails no more (the way Python's documentation handles
    SIGPIPE; click's own wrapper for this is deprecated from click 8.2)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # no real file behind stdout (a test's buffer): nothing will be flushed to a pipe


def echo_error(message: object) -> None:
    """One ``Error: …`` line on stderr, written by click as ``cli._common.echo_error`` writes it
    (imported only when there is an error to show)."""
    from ._common import echo_error as echo

    echo(message)


def run_code(paths: tuple[str, ...], fmt: str, no_geocode: bool) -> None:
    """Code the reports in ``paths`` and write their events to stdout in ``fmt``; exit 1 (after the
    whole batch) when a file, line or report failed."""
    # Start-up (these imports, the lexicons, the actor dictionary and the gazetteer's tables that the
    # first report loads) makes many long-lived objects and little garbage: the collector, which would
    # walk them again and again meanwhile (about a tenth of a one-report run), stays off until the
    # first report is coded and they are frozen (below).
    collecting = gc.isenabled()
    threshold = gc.get_threshold()
    gc.disable()
    try:
        _code(paths, fmt, no_geocode, collecting)
    finally:
        gc.set_threshold(*threshold)
        if collecting and not gc.isenabled():  # no report was coded, or only the last one
            gc.freeze()
            gc.enable()


# The collector's youngest generation during a batch: collected after this many new container objects
# instead of Python's 700. A report makes thousands, nearly all freed by reference counting, so a
# collection every 700 mostly walks live objects and promotes memo entries; one every 100,000 walks
# far fewer (callgrind, 300 real notes: -0.09 M instructions a note; user CPU of 2,500 notes 6.1-6.8 s
# -> 4.9-6.1 s; peak memory +3 MB; docs/speed.md, "Session 9").
BATCH_GEN0 = 100_000


def _code(paths: tuple[str, ...], fmt: str, no_geocode: bool, collecting: bool) -> None:
    from ..export import write_events
    from ..ingest import read_paths
    from ..ingest.readers import coding_failure
    from ..pipeline import Pipeline
    from ..records import Document
    from ..settings import Settings
    from ..store.ids import assign_event_ids

    pipeline = Pipeline(Settings.from_env(geocode=False if no_geocode else None))
    failures = 0
    coded_one = frozen = False

    def events() -> Iterator[Event]:
        nonlocal failures, coded_one, frozen
        # (no language guess: nothing the command writes reads a report's language)
        for item in read_paths(paths, guess_language=False):
            if coded_one and not frozen:
                # the lexicons, the actor dictionary and the gazetteer's tables, loaded by the first
                # report, live as long as the process: keep the collector from walking them again and
                # again (about a sixth of a batch's time); what is made from here on is collected as usual
                # (the collector is off until now: see run_code())
                gc.freeze()
                frozen = True
                gc.set_threshold(BATCH_GEN0, *gc.get_threshold()[1:])
                if collecting:
                    gc.enable()
            if isinstance(item, InputError):
                failures += 1
                echo_error(item)
                continue
            assert isinstance(item, Document)
            try:
                coded = pipeline.code(item)
            except Exception as exc:  # one report's coder failure must not stop the batch
                failures += 1
                echo_error(coding_failure(item, exc))
                continue
            coded_one = True
            yield from assign_event_ids(item.id, coded)

    write_events(events(), fmt, sys.stdout)
    sys.stdout.flush()
    if failures:
        sys.exit(1)
