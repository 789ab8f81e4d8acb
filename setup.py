"""Build script. Pure Python by default; ``EVENTDESK_COMPILE=1`` compiles the coder's hot packages
with mypyc (see docs/speed.md):

    EVENTDESK_COMPILE=1 python3 -m pip install .          # an installed, compiled build
    EVENTDESK_COMPILE=1 python3 setup.py build_ext --inplace -j 2   # in a throw-away copy only

The compiled build is for users and benchmarks, not for development: an editable install stays pure
Python (build_backend/eventdesk_build.py refuses EVENTDESK_COMPILE=1 for it), so no extension file
ever shadows an edited ``.py`` file in src/.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# What gets compiled: the packages `eventdesk code` spends its time in, as one mypyc group (one
# shared library, so calls between modules stay native C calls: two groups made the coder ~25 %
# slower). Its C is written one file per module and compiled in parallel (`build_ext -j N`). The
# library is a top-level module (eventdesk_compiled__mypyc.*.so beside the eventdesk folder): mypyc
# 2.4.1 derives each compiled module's __file__ from its library's folder and would double
# "eventdesk/" for a library inside the package.
GROUP = "eventdesk_compiled"
COMPILED = ["eventdesk/coding", "eventdesk/nlp", "eventdesk/geo", "eventdesk/memo.py", "eventdesk/records.py",
            "eventdesk/pipeline.py"]
# Left interpreted, with the reason:
EXCLUDED = {
    # mypyc 2.4.1 segfaults importing a compiled module that defines a module-level __getattr__
    # (its module set-up looks up __file__ before the module's globals exist; the lookup falls
    # through to the compiled __getattr__, whose AttributeError traceback then dereferences NULL).
    "eventdesk/geo/__init__.py",
    # offline tools run by hand (gazetteer data making, miss reports), not on the coding path
    "eventdesk/geo/make_data.py",
    "eventdesk/geo/misses.py",
}


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def compiled_sources() -> list[str]:
    """The .py files (relative to src/) compiled."""
    files: list[str] = []
    for entry in COMPILED:
        path = SRC / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files.extend(p.relative_to(SRC).as_posix() for p in found)
    return [f for f in files if f not in EXCLUDED]


def _parallel_compile(compiler: Any, jobs: int) -> None:
    """Compile the sources of one extension ``jobs`` at a time (setuptools' -j only runs whole
    extensions in parallel, and mypyc puts nearly all the C in one)."""
    serial = compiler.compile

    def compile(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
        if jobs < 2 or len(sources) < 2:
            return serial(sources, *args, **kwargs)
        with ThreadPoolExecutor(jobs) as pool:
            # biggest first, so the longest compile does not start last
            order = sorted(sources, key=lambda s: -os.path.getsize(s) if os.path.exists(s) else 0)
            done = dict(zip(order, pool.map(lambda s: serial([s], *args, **kwargs), order), strict=True))
        return [obj for source in sources for obj in done[source]]

    compiler.compile = compile


class BuildExt(build_ext):
    """build_ext that says plainly what failed when the C build of the mypyc modules fails."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:  # `pip install .` passes no -j: use the machine's cores (at most 4)
            self.parallel = min(os.cpu_count() or 1, 4)

    def build_extensions(self) -> None:
        _parallel_compile(self.compiler, int(self.parallel or 1))
        super().build_extensions()

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # CompileError, LinkError, a missing compiler (OSError) ...
            raise SystemExit(
                "error: EVENTDESK_COMPILE=1: compiling eventdesk's mypyc extensions failed "
                f"({type(exc).__name__}: {exc}). A C compiler (e.g. gcc) and the Python headers "
                "(python3-dev) are needed; install them or build without EVENTDESK_COMPILE for "
                "the pure-Python package."
            ) from exc


# setup.py runs for metadata too (egg_info, dist_info: before the build requirements, mypy among
# them, are installed); mypyc runs only for the commands that build the extensions
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "bdist_egg", "install", "develop", "editable_wheel"}


def ext_modules() -> list:
    if not _truthy(os.environ.get("EVENTDESK_COMPILE")) or not BUILD_COMMANDS & set(sys.argv[1:]):
        return []
    if any(arg in {"develop", "editable_wheel"} for arg in sys.argv[1:]):
        raise SystemExit(
            "error: EVENTDESK_COMPILE=1 is not supported for editable/develop installs: compiled "
            "modules would shadow the .py files you edit. Use a normal install (pip install .)."
        )
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        raise SystemExit(
            "error: EVENTDESK_COMPILE=1 needs mypyc (pip install 'mypy==2.4.1'); it is not importable"
        ) from exc
    return mypycify(
        [f"src/{f}" for f in compiled_sources()],
        opt_level=os.environ.get("EVENTDESK_COMPILE_OPT", "3"),
        multi_file=True,
        group_name=GROUP,
    )


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildExt})
