"""``eventdesk evaluate``: score the coder (and geocoder) against gold files."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import EventdeskError

__all__ = ["evaluate"]

_PROGRESS_FROM = 200  # show progress on stderr for gold sets at least this big


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--errors", "errors", type=click.IntRange(min=0), default=0, metavar="N",
              help="Print N error examples (id, field, expected, got, input snippet).")
@click.option("--errors-field", "error_field", default=None, metavar="FIELD",
              help="Only error examples of this field (event_date, actor1, distance, coverage …).")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Score only the first N cases.")
@click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N",
              help="Score a random sample of N cases (reproducible with --seed).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N cases (e.g. score the second half of a split file).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for --sample.")
@click.option("--gazetteer", "gazetteer_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              metavar="DIR", help="Gazetteer index directory to geocode with (default: settings).")
@click.option("--no-geocode", is_flag=True, help="Score the coder alone (no coordinates or admin units).")
@click.option("--by", type=click.Choice(["country", "admin1", "event_type", "sub_event_type", "actor1",
                                          "interaction", "time_precision", "geo_precision"]),
              default=None, help="Also show the main metrics per value of this gold field.")
@click.option("--compare", "compare_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              metavar="REPORT.json", help="Show each metric's change against an earlier JSON report.")
@click.option("--no-confusion", is_flag=True, help="Leave out the sub-event confusion table.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def evaluate(gold: tuple[Path, ...], output_format: str, errors: int, error_field: str | None,
             limit: int | None, sample: int | None, offset: int, seed: int, gazetteer_dir: Path | None,
             no_geocode: bool, by: str | None, compare_path: Path | None, no_confusion: bool,
             quiet: bool) -> None:
    """Score the coder against gold files and print per-field accuracy.

    \b
    Example:
      eventdesk evaluate tests/fixtures/gold/reports.yaml --errors 10
      eventdesk evaluate ../shared/dev/acled-dev-syria-battles.csv --sample 200 --seed 1

    GOLD is an ACLED-format CSV (only its `notes` column is coded; every other column is the
    answer), a seed-style gold JSON, or an eventdesk fixture gold file (.yaml/.jsonl). Bad rows
    print `Error: <path>:<line>: <reason>` and the rest goes on; the exit code is then 1.
    """
    from ..evaluate import breakdown, evaluate_gold, evaluation_dict, load_gold, render_text
    from ..pipeline import Pipeline
    from ..settings import Settings

    previous: dict[str, dict[str, float | None]] | None = None
    try:
        if compare_path is not None:
            previous = _previous_metrics(compare_path)
        settings = Settings.from_env(gazetteer_dir=gazetteer_dir, geocode=False if no_geocode else None)
        pipeline = Pipeline(settings)
    except EventdeskError as exc:
        raise _fail(exc) from None
    failed = False
    reports: list[dict[str, object]] = []
    printed = 0
    for path in gold:
        try:
            gold_set = load_gold(path)
            for problem in gold_set.problems:
                click.echo(f"Error: {problem}", err=True)
                failed = True
            gold_set.problems = []
            total = len(gold_set.cases)
            selected = max(0, total - offset)
            show = not quiet and min(selected, limit or selected, sample or selected) >= _PROGRESS_FROM
            evaluation = evaluate_gold(gold_set, pipeline, limit=limit, sample=sample, seed=seed,
                                       offset=offset, progress=_progress(str(path)) if show else None)
            if show and sys.stderr.isatty():
                click.echo("", err=True)
        except EventdeskError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed = True
            continue
        for problem in evaluation.problems:
            click.echo(f"Error: {problem}", err=True)
            failed = True
        if output_format == "json":
            report = evaluation_dict(evaluation, errors=errors, error_field=error_field)
            if by:
                report["by"] = {by: {group: {m.name: m.value for m in scores.metrics.values() if m.n}
                                     for group, scores in breakdown(evaluation, by).items()}}
            reports.append(report)
        else:
            if printed:
                click.echo("")
            printed += 1
            before = None
            if previous is not None:
                before = previous.get(str(path)) or (next(iter(previous.values())) if len(previous) == 1
                                                     else {})
            click.echo(render_text(evaluation, errors=errors, error_field=error_field,
                                   confusion=not no_confusion, previous=before, by=by))
    if output_format == "json":
        click.echo(json.dumps(reports if len(gold) > 1 else (reports[0] if reports else None),
                              indent=2, ensure_ascii=False, default=str))
    if failed:
        sys.exit(1)


def _progress(label: str) -> Callable[[int, int], None]:
    """Progress on stderr: one updating line on a terminal, a line per tenth otherwise."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if tty and (done == total or done % 50 == 0):
            click.echo(f"\r{label}: {done}/{total}", err=True, nl=False)
        elif not tty and (done == total or done % max(1, total // 10) == 0):
            click.echo(f"{label}: {done}/{total}", err=True)

    return report


def _previous_metrics(path: Path) -> dict[str, dict[str, float | None]]:
    """Metric values per gold path from an earlier ``--format json`` report (one or a list)."""
    from ..errors import EvaluationError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationError("file not found", path=str(path)) from None
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"not a JSON report: {exc}", path=str(path)) from None
    reports = data if isinstance(data, list) else [data]
    result: dict[str, dict[str, float | None]] = {}
    for report in reports:
        if not isinstance(report, dict) or not isinstance(report.get("metrics"), dict):
            raise EvaluationError("not an `eventdesk evaluate --format json` report", path=str(path))
        metrics = report["metrics"]
        result[str(report.get("path"))] = {
            name: metric.get("value") for name, metric in metrics.items() if isinstance(metric, dict)
        }
    return result


def _fail(exc: EventdeskError) -> click.exceptions.Exit:
    click.echo(f"Error: {exc}", err=True)
    return click.exceptions.Exit(1)
