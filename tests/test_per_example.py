"""Index notation as notes write it around one training example and one vector of logits: a
display about the example i alone (``\\frac{dL^{(i)}}{dp^{(i)}}``) is read without the
superscript; n and K bounding sums of ``\\exp(x_j)`` in two sections are one size;
``\\because …`` after a step is its reason, not the next side; ``\\text{Let } u &= …`` names u."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.samples import _per_example
from symsoft.reading.meaning.class_counts import class_count, same_counts
from symsoft.reading.meaning.partition_bounds import partition_bounds

LOGISTIC = (
    "For $n$ examples, $p^{(i)} = \\sigma(z^{(i)}) = \\frac{1}{1 + e^{-z^{(i)}}}$ and\n\n"
    "$$J = -\\frac{1}{n}\\sum_{i=1}^{n}\\left[y^{(i)}\\ln p^{(i)} + (1 - y^{(i)})"
    "\\ln(1 - p^{(i)})\\right]$$\n\n"
    "One example at a time:\n\n"
    "$$\n\\begin{align*}\n"
    "\\text{Let } L^{(i)} &= -\\left[y^{(i)}\\ln p^{(i)} + (1 - y^{(i)})"
    "\\ln(1 - p^{(i)})\\right] \\\\\n"
    "\\frac{dL^{(i)}}{dp^{(i)}} &= -\\frac{y^{(i)}}{p^{(i)}} + \\frac{1 - y^{(i)}}{1 - p^{(i)}}"
    " \\quad \\because \\frac{d}{dx}\\ln(1 - x) = \\frac{-1}{1 - x} \\\\\n"
    "&= RIGHT\n\\end{align*}\n$$\n"
)


def _statuses(text: str) -> list[tuple[int, str]]:
    return [(step.line, step.status) for step in check_document(text).steps]


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{p^{(i)} - y^{(i)}}{p^{(i)}(1 - p^{(i)})}", "holds"),
        ("\\frac{y^{(i)} - p^{(i)}}{p^{(i)}(1 - p^{(i)})}", "fails"),  # sign flipped
        ("\\frac{p^{(i)} - y^{(i)}}{p^{(i)}}", "fails"),  # a factor dropped
    ],
)
def test_a_display_about_one_example_is_judged_after_its_reason(right, status):
    steps = check_document(LOGISTIC.replace("RIGHT", right)).steps
    assert [s.status for s in steps[-4:]] == ["definition", "holds", "holds", status]
    assert "\\because" not in steps[-1].lhs


def test_the_reason_is_a_step_of_its_own_and_can_fail():
    text = LOGISTIC.replace("\\frac{-1}{1 - x}", "\\frac{1}{1 - x}")
    text = text.replace("RIGHT", "\\frac{p^{(i)} - y^{(i)}}{p^{(i)}(1 - p^{(i)})}")
    assert [s.status for s in check_document(text).steps[-3:]] == ["holds", "fails", "holds"]


@pytest.mark.parametrize(
    ("block", "blanked"),
    [
        ("\\frac{dL^{(i)}}{dp^{(i)}} = \\frac{p^{(i)} - y^{(i)}}{p^{(i)}(1-p^{(i)})}", 6),
        ("J = \\frac{1}{n}\\sum_{i=1}^{n} L^{(i)}", 0),  # all the examples
        ("\\frac{dL^{(i)}}{dp^{(i)}} = p - y^{(i)}", 0),  # p beside p^{(i)}
        ("z^{(i)} = w^{(l)} x^{(i)}", 0),  # another superscript
        ("x_i^{(i)} = y^{(i)}", 0),  # i used otherwise
        ("p^{(i)} = 1\\times 1", 0),  # a shape, not a value
        ("\\left(p^{(i)} \\\\ \\right)", 0),  # a row that does not close its bracket
    ],
)
def test_only_a_display_about_one_example_alone_loses_its_superscripts(block, blanked):
    assert len(_per_example(block, {"i"})) == blanked


def test_a_superscript_letter_no_sum_runs_over_is_left_alone():
    text = "$$a^{(l)} = \\sigma(z^{(l)})$$\n\n$$\\frac{da^{(l)}}{dz^{(l)}} = a^{(l)}$$\n"
    assert [s.status for s in check_document(text).steps][-1] != "fails"
    assert "z^{(l)}" in check_document(text).steps[-1].lhs


SECTIONS = (
    "# softmax\n\n$$\np_{i} = \\frac{\\exp(x_{i})}{\\sum _{j} ^{n}\\exp(x_{j})}\n$$\n\n"
    "# loss\n\n$$\nloss(x) = -\\sum _{i}^{K}y_{i}"
    "\\log\\frac{\\exp(x_{i})}{\\sum _{j}^{K}\\exp(x_{j})}"
    "\n$$\n\n"
    "其中$K$是多分类类别数\n\n"
    "$$\n\\frac{\\partial \\log p_{i}}{\\partial x_{j}} = RIGHT\n$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\delta_{ij} - \\frac{\\exp(x_{j})}{\\sum _{k} ^{n}\\exp(x_{k})}", "holds"),
        ("\\delta_{ij} + \\frac{\\exp(x_{j})}{\\sum _{k} ^{n}\\exp(x_{k})}", "fails"),  # sign
        ("\\delta_{ij} - \\frac{\\exp(x_{j})}{\\sum _{k} ^{K}\\exp(x_{k})}", "holds"),
        ("1 - \\frac{\\exp(x_{j})}{\\sum _{k} ^{K}\\exp(x_{k})}", "holds only"),  # δ dropped
    ],
)
def test_two_letters_bounding_sums_of_one_vectors_exponentials_are_one_size(right, status):
    text = SECTIONS.replace("RIGHT", right)
    assert class_count(text) == "n"
    assert same_counts(text) == {"K", "n"}
    step = check_document(text).steps[-1]
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    "text",
    [
        "\\sum_j^n e^{x_j} \\quad \\sum_j^K e^{z_j}",  # two vectors: two sizes
        "\\sum_j^n e^{x_j} \\quad \\sum_{n=1}^{K} e^{x_n}",  # n is also an index
        "\\sum_j^n e^{x_j} \\quad \\sum_j^K e^{x_j} \\quad \\frac{\\partial L}{\\partial x_n}",
        "\\sum_j^n e^{x_j} \\quad n = \\max_k x_k \\quad \\sum_j^K e^{x_j}",
        "\\sum_{i=1}^{n} y_i \\quad \\sum_{k=1}^{K} e^{x_k}",  # samples and classes
    ],
)
def test_a_lowercase_bound_that_is_no_count_of_those_entries_stays_apart(text):
    assert partition_bounds(text) == set()


def _notebook(path, markdown: str) -> None:
    import json

    cells = [
        {"cell_type": "code", "metadata": {}, "source": "import numpy as np", "outputs": []},
        {"cell_type": "markdown", "metadata": {}, "source": markdown},
    ]
    path.write_text(
        json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    )


@pytest.mark.parametrize(
    ("right", "status"),
    [("p_i(\\delta_{ij} - p_j)", "holds"), ("p_i(\\delta_{ij} + p_j)", "fails")],
)
def test_the_python_api_reads_a_notebook_by_its_cells_as_the_cli_does(tmp_path, right, status):
    from pathlib import Path

    from symsoft.reading.documents.sources import check_file

    path = tmp_path / "softmax.ipynb"
    _notebook(
        path,
        "With $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$,\n\n"
        f"$$\\frac{{\\partial p_i}}{{\\partial z_j}} = {right}$$\n",
    )
    steps = check_document(Path(path)).steps
    assert [s.status for s in steps] == [status]
    assert [s.status for s in check_file(path).result.steps] == [status]
