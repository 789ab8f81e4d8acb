"""The opt-in mypyc build (EVENTDESK_COMPILE=1, docs/speed.md): the backend asks for mypy only when
compiling, refuses compiled editable installs, and the package says which build is running. These run
in both builds (scripts/check-compiled runs the whole suite against the compiled modules)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

import eventdesk
from eventdesk.nlp import lexcache

ROOT = Path(__file__).parents[1]


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "build_backend"))
    module = importlib.import_module("eventdesk_build")
    # setuptools' own answer runs setup.py; stand in for it (the test is about what is added)
    monkeypatch.setattr(module._setuptools, "get_requires_for_build_wheel", lambda config=None: ["wheel"])
    return module


def test_backend_requires_mypy_only_when_compiling(
    backend: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EVENTDESK_COMPILE", raising=False)
    assert backend.get_requires_for_build_wheel() == ["wheel"]
    monkeypatch.setenv("EVENTDESK_COMPILE", "0")
    assert backend.get_requires_for_build_wheel() == ["wheel"]
    monkeypatch.setenv("EVENTDESK_COMPILE", "1")
    assert backend.get_requires_for_build_wheel() == ["wheel", "mypy==2.4.1"]


def test_backend_refuses_a_compiled_editable_install(
    backend: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTDESK_COMPILE", "1")
    with pytest.raises(SystemExit, match="not supported for editable installs"):
        backend.get_requires_for_build_editable()
    with pytest.raises(SystemExit, match="not supported for editable installs"):
        backend.build_editable("unused")


def test_the_package_names_its_compiled_modules() -> None:
    records = sys.modules["eventdesk.records"]
    modules = eventdesk.compiled()
    assert isinstance(modules, tuple)
    assert list(modules) == sorted(set(modules))
    if str(records.__file__).endswith(".py"):
        assert modules == ()  # pure Python: no extension file anywhere in the package
    else:
        assert "eventdesk.records" in modules
        assert all(name.startswith("eventdesk.") and "__mypyc" not in name for name in modules)
        assert "eventdesk.geo" not in modules  # left interpreted (module __getattr__, see setup.py)


def test_a_compiled_module_is_keyed_by_its_source_beside_it(tmp_path: Path) -> None:
    (tmp_path / "actors.py").write_bytes(b"source text")
    (tmp_path / "actors.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF shim")
    assert lexcache.source_of(str(tmp_path / "actors.cpython-311-x86_64-linux-gnu.so")) == b"source text"
    assert lexcache.source_of(str(tmp_path / "actors.py")) == b"source text"
    assert lexcache.source_of(str(tmp_path / "missing.cpython-311-x86_64-linux-gnu.so")) is None


def test_class_level_constants_stay_class_attributes() -> None:
    from eventdesk.geo.geocoder import VERSION, Geocoder

    assert Geocoder.version == VERSION  # a ClassVar: a plain class attribute in both builds


def test_every_module_knows_its_file_and_source() -> None:
    # modules first imported by other compiled modules get __file__ from mypyc, not from importlib
    import eventdesk.coding

    for name in eventdesk.compiled() or ("eventdesk.coding.actor_names", "eventdesk.geo.normalize"):
        module = importlib.import_module(name)
        assert Path(str(module.__file__)).is_file(), (name, module.__file__)
        assert lexcache.source_of(str(module.__file__)), name
