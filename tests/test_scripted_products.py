"""Two letters written together read as a product when the document writes each alone, also when
the second carries its script (``Ce^{x_i}`` after "a constant $C$", ``NT^2``); and an index case
typed as text with its relation in dollars, ``\\text {i $\\neq$ j}``, is that case."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SHIFT = (
    "Let $g_i = \\frac{e^{x_i}}{\\sum_{k=1}^n e^{x_k}}$ and take the constant $C = 2$.\n\n"
    "$$g_i = \\frac{Ce^{x_i}}{C\\sum_{k=1}^n e^{x_k}} = {rhs}$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        ("\\frac{e^{x_i + \\ln C}}{\\sum_{k=1}^n e^{x_k + \\ln C}}", "holds"),
        ("\\frac{Ce^{x_i}}{\\sum_{k=1}^n e^{x_k}}", "fails"),  # C cancelled only above
    ],
)
def test_a_constant_before_a_power_of_e_is_a_factor(rhs, status):
    steps = check_document(SHIFT.replace("{rhs}", rhs)).steps
    assert [s.status for s in steps] == ["holds", status], [s.summary for s in steps]


def test_two_letters_with_a_script_stay_one_name_when_neither_is_written_alone():
    text = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n$$Ce^{z_i} = p_i$$\n"
    (step,) = [s for s in check_document(text).steps if s.line == 3]
    assert step.status == "not checked", step.summary
    assert "one name or a product" in step.summary


CASES = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    "$$\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} {off}, & \\text {i $\\neq$ j} \\\\ "
    "p_i - p_i^2, & \\text{i = j} \\end{cases}$$\n"
)


@pytest.mark.parametrize(
    ("off", "status"),
    [
        ("- p_i p_j", "holds"),
        ("p_i p_j", "fails"),  # sign dropped
        ("- p_i^2", "fails"),  # the diagonal's value in the other case
    ],
)
def test_a_case_typed_as_text_with_dollars_is_read(off, status):
    step = check_document(CASES.replace("{off}", off)).steps[0]
    assert step.status == status, step.summary
    assert step.condition == "i ≠ j"


def test_two_letters_whose_second_carries_an_index_stay_one_name():
    """``LS_i``, the log-softmax named beside a loss ``L`` and an output ``S`` both written
    alone: a name of its own, never the product L·S_i (that would flag correct steps)."""
    text = (
        "Let $S_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log S_k$. "
        "Write $LS_i = \\log S_i$ for the log-softmax.\n\n"
        "$$LS_i = z_i - \\log \\sum_k e^{z_k}$$\n"
    )
    (step,) = check_document(text).steps
    assert step.status == "not checked", step.summary
    assert "one name or a product" in step.summary


@pytest.mark.parametrize(
    ("written", "case"),
    [
        ("\\text{if i $\\neq$ j}", "i ≠ j"),
        ("\\text{when i $=$ j}", "i = j"),  # then -p_i p_j is wrong: flagged below
        ("\\text{y $=$ t}", None),  # no index letters: no case, left unread
    ],
)
def test_the_word_before_a_case_typed_as_text_is_blanked(written, case):
    text = CASES.replace("\\text {i $\\neq$ j}", written).replace("{off}", "- p_i p_j")
    step = check_document(text).steps[0]
    assert step.condition == case, step.summary
    assert step.status == {"i ≠ j": "holds", "i = j": "fails", None: "not checked"}[case]
