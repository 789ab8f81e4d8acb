"""A logger that imports :mod:`logging` only when something is logged.

``import logging`` costs ~17 M instructions of a start-up (it pulls in ``traceback``, ``string``,
``textwrap`` and more), and the modules on the coding path log only rare failures (a damaged input
line, an optional stage that could not load). ``log = lazy_logger(__name__)`` in place of
``logging.getLogger(__name__)``: the calls are the same, the real logger (the same object
``logging.getLogger(name)`` returns) is fetched on the first one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LazyLogger", "lazy_logger"]


class LazyLogger:
    """``logging.getLogger(name)``'s ``debug``/``info``/``warning``/``error``/``exception``, fetched on
    first use. Any other attribute is the real logger's (``log.logger``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def logger(self) -> Any:
        import logging

        return logging.getLogger(self.name)

    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        self.logger.debug(msg, *args, stacklevel=kwargs.pop("stacklevel", 1) + 1, **kwargs)

    def info(self, msg: object, *args: object, **kwargs: Any) -> None:
        self.logger.info(msg, *args, stacklevel=kwargs.pop("stacklevel", 1) + 1, **kwargs)

    def warning(self, msg: object, *args: object, **kwargs: Any) -> None:
        self.logger.warning(msg, *args, stacklevel=kwargs.pop("stacklevel", 1) + 1, **kwargs)

    def error(self, msg: object, *args: object, **kwargs: Any) -> None:
        self.logger.error(msg, *args, stacklevel=kwargs.pop("stacklevel", 1) + 1, **kwargs)

    def exception(self, msg: object, *args: object, **kwargs: Any) -> None:
        kwargs.setdefault("exc_info", True)
        self.logger.error(msg, *args, stacklevel=kwargs.pop("stacklevel", 1) + 1, **kwargs)


def lazy_logger(name: str) -> LazyLogger:
    """The logger ``name``, without importing :mod:`logging` until it logs."""
    return LazyLogger(name)
