"""The README tells the truth: its Python examples run, its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

EXAMPLES = re.findall(r"```python\n(.*?)```", README, flags=re.S)


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_python_examples_run(number, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    exec(compile(EXAMPLES[number], f"README example {number + 1}", "exec"), {})


def test_there_are_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize(
    "command",
    [
        "pip install . && python -m symsoft verify --n 4",
        "pip install -e '.[test]' && pytest",
    ],
)
def test_setup_commands_are_the_ones_ci_runs(command):
    assert f"```sh\n{command}\n```" in README
    assert f'step "{command}"' in CI
