"""The one exception tree of eventdesk.

    EventdeskError
    ├── InputError          a report or input file cannot be read (path=, line=)
    ├── ConfigError         a bad setting, URL or option
    │   └── MissingExtraError   an optional dependency is not installed (one-line install hint)
    ├── CodingError         the coder failed on a document (document_id=)
    ├── GazetteerError      the gazetteer cannot be built, loaded or queried (path=)
    ├── StoreError          the event store failed (url=)
    └── EvaluationError     a gold file cannot be read or scored (path=)

Every error renders as one line; the CLI prints it as ``Error: <message>`` and exits 1.
"""

from __future__ import annotations

__all__ = [
    "CodingError",
    "ConfigError",
    "EvaluationError",
    "EventdeskError",
    "GazetteerError",
    "InputError",
    "MissingExtraError",
    "StoreError",
]


class EventdeskError(Exception):
    """Base of every error eventdesk raises on purpose."""


class InputError(EventdeskError):
    """A report cannot be read. Renders as ``<path>[:<line>]: <reason>``."""

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


class ConfigError(EventdeskError):
    """A setting, database URL or option is invalid."""


class MissingExtraError(ConfigError):
    """An optional dependency is missing; the message says what to install."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(f"{package} is not installed; run: pip install 'eventdesk[{extra}]'")


class CodingError(EventdeskError):
    """The coder failed on one document."""

    def __init__(self, reason: str, *, document_id: str | None = None) -> None:
        self.document_id = document_id
        super().__init__(f"{document_id}: {reason}" if document_id else reason)


class GazetteerError(EventdeskError):
    """The gazetteer cannot be built, loaded or queried."""

    def __init__(self, reason: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class StoreError(EventdeskError):
    """The event store failed."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        self.url = url
        super().__init__(reason)


class EvaluationError(EventdeskError):
    """A gold file cannot be read or scored."""

    def __init__(self, reason: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)
