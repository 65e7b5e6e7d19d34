"""Notebook files: a Markdown cell whose source is not text is an error naming the cell, never
read as the text of a number or an object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from symsoft.cli import main

CELLS = [
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$.",
    "$$\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j)$$",
    "$$\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} + S_j)$$",  # a sign slip
]


def notebook(tmp_path: Path, sources: list) -> Path:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": s} for s in sources]
    path = tmp_path / "lesson.ipynb"
    path.write_text(
        json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    )
    return path


@pytest.mark.parametrize(
    ("source", "kind"), [(42, "a number"), ({"text": "x"}, "an object"), (None, "NoneType")]
)
def test_a_cell_whose_source_is_not_text_is_an_error(tmp_path, capsys, source, kind):
    path = notebook(tmp_path, [CELLS[0], source, CELLS[2]])
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: cannot read notebook '{path}': the source of cell 2 is not text ({kind})"


def test_text_sources_are_read_and_checked(tmp_path, capsys):
    # the twin: the same notebook with text in every cell is read, and its slip flagged
    path = notebook(tmp_path, CELLS)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "lesson.ipynb:cell 3:line 1: step 1 of display 2 fails" in out
