"""The trigger lexicon loads, is versioned and is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.coding.triggers import REQUIRED_GROUPS, load_triggers
from eventdesk.errors import ConfigError


def test_packaged_lexicon_loads() -> None:
    lexicon = load_triggers()
    assert lexicon.version.startswith("triggers.v")
    assert set(REQUIRED_GROUPS) <= set(lexicon.patterns)
    hits = lexicon.scan("Warplanes carried out AIRSTRIKES on the town.")
    assert "airstrike" in hits
    assert hits["airstrike"][0].start == 0


def test_missing_group_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text('version: "x.v1"\ngroups:\n  clash: ["clash(?:ed)?"]\n')
    with pytest.raises(ConfigError, match="missing trigger group"):
        load_triggers(path)


def test_bad_pattern_is_rejected(tmp_path: Path) -> None:
    groups = "\n".join(f"  {g}: ['x']" for g in REQUIRED_GROUPS if g != "clash")
    path = tmp_path / "t.yaml"
    path.write_text(f'version: "x.v1"\ngroups:\n  clash: ["(unclosed"]\n{groups}\n')
    with pytest.raises(ConfigError, match="bad pattern"):
        load_triggers(path)


def test_no_version_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("groups: {}\n")
    with pytest.raises(ConfigError, match="version"):
        load_triggers(path)


def test_every_packaged_group_is_gated_by_word_starts() -> None:
    # a group without literal word starts is matched over the whole text of every report: slow
    # (speed itself is measured by benchmarks/bench_code.py, not here)
    lexicon = load_triggers()
    assert lexicon._ungated == ()
    assert not any(len(prefix) == 1 or prefix in {"the", "by"} for prefix in lexicon._by_start)
