"""The trigger lexicon loads, is versioned and is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.coding.triggers import REQUIRED_GROUPS, TriggerLexicon, load_triggers
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


def _scan_every_word(lexicon: TriggerLexicon, text: str) -> dict[str, list[tuple[int, int, str]]]:
    """The scan without gates: every gated group tried at every word start."""
    import re

    low = text.lower()
    found: dict[str, list[tuple[int, int, str]]] = {}
    last_end: dict[str, int] = {}
    for word in re.finditer(r"[a-z0-9]+", low):
        start = word.start()
        for name in sorted(n for n, g in lexicon.gates.items() if g is not None):
            if start < last_end.get(name, 0):
                continue
            m = lexicon.patterns[name].match(low, start)
            if m is not None and m.end() > start:
                found.setdefault(name, []).append((start, m.end(), m.group()))
                last_end[name] = m.end()
    for name, gate in lexicon.gates.items():
        if gate is None:
            hits = [(m.start(), m.end(), m.group()) for m in lexicon.patterns[name].finditer(low)]
            if hits:
                found[name] = hits
    return found


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, militants ambushed an army patrol near Kfar Tell, killing four soldiers; the "
        "airstrikes and air strikes that followed killed 2 fighters. Killers were arrested.",
        "Hundreds of teachers protested and rioted in the capital; police fired tear gas and arrested 12.",
        "A roadside bomb exploded as a convoy passed; the explosion injured three. Shelling resumed at dawn.",
        "The ministry said its forces regained control of the village after clashes with rebels.",
        "Unidentified gunmen abducted a journalist; drones were intercepted over the base.",
    ],
)
def test_gated_scan_equals_trying_every_word(text: str) -> None:
    lexicon = load_triggers()
    got = {g: [(h.start, h.end, h.text) for h in hs] for g, hs in lexicon.scan(text).items()}
    assert got == _scan_every_word(lexicon, text)
