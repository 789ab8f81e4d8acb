"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from eventdesk.coding import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One coder for the coder tests (it is stateless between documents; loading costs ~0.3 s)."""
    return Coder()
