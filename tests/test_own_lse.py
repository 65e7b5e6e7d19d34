"""A text that defines log-sum-exp its own way (a sharpened ``lse``): ``lse(…)`` is its name
there, not the convention (the author's correct derivative was refuted)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.own_lse import defines_lse_otherwise

SHARPENED = r"""
# A sharpened log-sum-exp

We use a sharpened version, $lse(z) = \frac{1}{2} \log \sum_k e^{2 z_k}$, and
$q_j = \frac{e^{2 z_j}}{\sum_k e^{2 z_k}}$.

$$ \frac{\partial\, lse(z)}{\partial z_j} = q_j $$

$$ \frac{\partial \log q_i}{\partial z_j} = 2 (\delta_{ij} - q_j) $$
"""


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


def test_an_lse_the_text_defines_its_own_way_is_not_the_convention() -> None:
    steps = [s for s in check_document(SHARPENED).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["not checked", "holds"]
    assert "defines its own lse" in steps[0].summary


def test_beside_it_a_wrong_step_is_still_flagged() -> None:
    wrong = SHARPENED.replace(r"= 2 (\delta_{ij} - q_j) $$", r"= \delta_{ij} - q_j $$")
    assert _statuses(wrong) == ["not checked", "fails"]


def test_the_standard_lse_defined_as_usual_is_read_and_a_slip_flagged() -> None:
    standard = SHARPENED.replace(
        r"$lse(z) = \frac{1}{2} \log \sum_k e^{2 z_k}$", r"$lse(z) = \log \sum_k e^{z_k}$"
    )
    assert _statuses(standard)[0] == "fails"  # q_j is the softmax of 2z, not of z
    usual = standard.replace("e^{2 z_j}}{\\sum_k e^{2 z_k}}", "e^{z_j}}{\\sum_k e^{z_k}}")
    assert _statuses(usual)[0] == "holds"


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (r"$\mathrm{lse}(\mathbf{x}) := \log \frac{1}{n} \sum_{i=1}^{n} e^{x_i}$", True),
        (r"$\mathrm{lse}(\mathbf{x}) := \log \sum_{i=1}^{n} e^{x_i}$", False),
        (r"$$ \mathrm{LSE}(x) = \log \sum_i e^{x_i} + 1 $$", True),  # written first: defined
        (r"$$ \mathrm{LSE}(x) = \log \sum_i e^{x_i} $$ so $$ \mathrm{LSE}(x) = 1 $$", False),
        (r"lse(**a**) = $\sum_c \log(e^{a_c})$", False),  # a name in plain text
    ],
)
def test_definitions_of_lse_are_found(text: str, own: bool) -> None:
    assert defines_lse_otherwise(text) is own


def test_an_lse_defined_in_a_display_row_first_is_the_texts_own() -> None:
    text = SHARPENED.replace(
        "We use a sharpened version, $lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k}$, and",
        "We use a sharpened version:\n\n$$ lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k} $$\n\nand",
    )
    assert _statuses(text) == ["not checked", "not checked", "holds"]
    usual = text.replace(r"\frac{1}{2} \log \sum_k e^{2 z_k}", r"\log \sum_{k=1}^{n} e^{z_k}")
    assert _statuses(usual)[:2] == ["holds", "fails"]  # the definition, then q_j ≠ p_j
