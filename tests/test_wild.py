"""The corpus of real-style documents: labels are current, and no correct step is flagged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "wild"))
import score  # noqa: E402

HERE = Path(__file__).parent


@pytest.mark.slow  # the whole corpus labelled again (tests/wild/label.py --check)
def test_the_labels_are_what_the_independent_labeller_writes():
    done = subprocess.run(
        [sys.executable, str(HERE / "wild" / "label.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow  # every corpus document checked: score.py's measure, not the quick loop
def test_no_correct_step_is_flagged_and_the_figures_are_reported():
    total, per = score.score_corpus()
    print(score.table(total, per))
    assert total.false_flags == []
    assert total.steps > 0
