"""The example reports kept in reports/ are current: regenerating them changes nothing.

Regenerate with `python -m symsoft report --n 4` (see docs/reports.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPORTS = Path(__file__).resolve().parent.parent / "reports"


@pytest.mark.parametrize("suffix", ["tex", "html"])
def test_example_reports_are_current(tmp_path, suffix):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "symsoft",
            "report",
            "--n",
            "4",
            "--format",
            suffix,
            "--output",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fresh = (tmp_path / f"softmax-n4.{suffix}").read_bytes()
    kept = (REPORTS / f"softmax-n4.{suffix}").read_bytes()
    assert fresh == kept, "reports/ is stale: run `python -m symsoft report --n 4`"


def test_report_command_errors(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "symsoft",
            "report",
            "--n",
            "2",
            "--format",
            "html",
            "--output",
            str(blocker),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
