"""In-tree build backend: setuptools' own, plus mypy (for mypyc) as a build requirement only when
``EVENTDESK_COMPILE=1`` asks for the compiled build. See setup.py and docs/speed.md.

Pure-Python builds (the default) need nothing but setuptools; an editable install refuses
``EVENTDESK_COMPILE=1`` (compiled modules would shadow the .py files being edited).
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (prepare_metadata_*, build_sdist, ...)

MYPYC = "mypy==2.4.1"  # the mypyc the compiled build is tested with (scripts/check-compiled)


def _compiling() -> bool:
    return os.environ.get("EVENTDESK_COMPILE", "").strip().lower() in {"1", "true", "yes", "on"}


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    requires = list(_setuptools.get_requires_for_build_wheel(config_settings))
    return [*requires, MYPYC] if _compiling() else requires


def _no_compiled_editable() -> None:
    if _compiling():
        raise SystemExit(
            "error: EVENTDESK_COMPILE=1 is not supported for editable installs: compiled modules would "
            "shadow the .py files you edit. Use `EVENTDESK_COMPILE=1 pip install .` (not -e)."
        )


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    _no_compiled_editable()
    return list(_setuptools.get_requires_for_build_editable(config_settings))


def build_editable(
    wheel_directory: str, config_settings: dict[str, Any] | None = None, metadata_directory: str | None = None
) -> str:
    _no_compiled_editable()
    return str(_setuptools.build_editable(wheel_directory, config_settings, metadata_directory))
