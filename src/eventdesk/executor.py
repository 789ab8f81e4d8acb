"""A small executor interface: the same pipeline runs in-process or on Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from .errors import ConfigError, MissingExtraError

__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "make_executor"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


class Executor(Protocol):
    """Maps a function over items, yielding results in input order."""

    def map(self, fn: Callable[[_In], _Out], items: Iterable[_In]) -> Iterator[_Out]: ...


class LocalExecutor:
    """In-process, lazy, in order: the default."""

    def map(self, fn: Callable[[_In], _Out], items: Iterable[_In]) -> Iterator[_Out]:
        return map(fn, items)


class DaskExecutor:
    """Runs the map on a Dask cluster (``pip install 'eventdesk[dask]'``), in chunks, in order."""

    def __init__(self, workers: int = 0, chunk: int = 256) -> None:
        try:
            import dask.bag  # noqa: F401
        except ImportError as exc:
            raise MissingExtraError("dask", "dask") from exc
        self.workers = workers or None
        self.chunk = chunk

    def map(self, fn: Callable[[_In], _Out], items: Iterable[_In]) -> Iterator[_Out]:
        import dask.bag as db

        batch: list[_In] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.chunk:
                yield from db.from_sequence(batch).map(fn).compute(num_workers=self.workers)
                batch = []
        if batch:
            yield from db.from_sequence(batch).map(fn).compute(num_workers=self.workers)


def make_executor(name: str, workers: int = 0) -> Executor:
    """The executor called ``name`` ("local" or "dask")."""
    if name == "local":
        return LocalExecutor()
    if name == "dask":
        return DaskExecutor(workers)
    raise ConfigError(f"unknown executor {name!r} (use 'local' or 'dask')")
