import types

import eventdesk


def test_all_is_exactly_the_public_surface() -> None:
    public = {
        name
        for name in dir(eventdesk)
        if not name.startswith("_") and not isinstance(getattr(eventdesk, name, None), types.ModuleType)
    }
    lazy = {"Pipeline", "EventStore"}
    helpers = {"annotations", "TYPE_CHECKING", "Any"}
    assert set(eventdesk.__all__) - {"__version__"} == (public - helpers) | lazy


def test_every_exported_name_resolves() -> None:
    for name in eventdesk.__all__:
        assert getattr(eventdesk, name) is not None
