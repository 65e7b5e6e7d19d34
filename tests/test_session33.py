"""Session 33: what the red team and the held-out posts of round 33 found.  A size stated in an
example section ("with $K = 2$ classes") is a size of that section only: a step of the general
section that holds only at N = 2 is undecided there, not "holds"."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = "# Softmax\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$.\n\n"
EXAMPLE = "## A small example\n\nWith $K = 2$ classes the softmax is a logistic function.\n\n"
GENERAL = "## The general case\n\nFor any number of classes,\n\n"


def _verdict(text: str) -> tuple[str, str]:
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    return step.status, step.summary


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("p_1 p_2", "holds"),  # at N = 2 the other class is class 2: true there
        ("-p_1 p_2", "fails"),  # wrong at every size
    ],
)
def test_a_size_stated_in_the_steps_own_section_decides_it(written, status):
    text = SOFTMAX + EXAMPLE + f"$$\\frac{{\\partial p_1}}{{\\partial z_1}} = {written}$$\n"
    assert _verdict(text)[0] == status


@pytest.mark.parametrize("written", ["p_1 p_2", "-p_1 p_2"])
def test_a_size_stated_in_another_section_does_not_decide_a_step(written):
    step = f"$$\\frac{{\\partial p_1}}{{\\partial z_1}} = {written}$$\n"
    text = SOFTMAX + EXAMPLE + GENERAL + step
    status, summary = _verdict(text)
    if written == "p_1 p_2":  # true at N = 2 only: the general section does not say N = 2
        assert status == "unknown" and "fails at N = 3" in summary
    else:
        assert status == "fails"


def test_a_size_stated_in_a_later_section_does_not_decide_an_earlier_step():
    text = (
        SOFTMAX
        + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1 p_2$$\n\n"
        + EXAMPLE
        + "$$\\frac{\\partial p_2}{\\partial z_2} = p_1 p_2$$\n"
    )
    verdicts = [s.status for s in check_document(text).steps if s.status != "definition"]
    assert verdicts == ["unknown", "holds"]


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("## Setting", "holds"),  # a size of the whole text, stated where the text sets up
        ("**Binary case**", "unknown"),  # a case: its size is its own
        ("## 例子", "unknown"),
    ],
)
def test_a_size_of_the_whole_text_is_told_from_a_size_of_an_example(heading, status):
    text = (
        SOFTMAX
        + f"{heading}\n\nWith $K = 2$ classes the softmax is a logistic function.\n\n"
        + GENERAL
        + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1 p_2$$\n"
    )
    assert _verdict(text)[0] == status
    wrong = text.replace("= p_1 p_2", "= p_1 (1 + p_2)")
    assert _verdict(wrong)[0] == "fails"


QUOTIENT = (
    "The softmax is $$y_i = {e^{x_i} \\over \\sum e^{x_k}}$$\n\n"
    "For $f(x) = {g(x) \\over h(x)}$ the quotient rule says\n\n$$f'(x) = RULE$$\n\n"
    "Identify $$g(x) = e^{x_i}, \\quad h(x) = \\sum e^{x_k}$$\n\n"
    "so that $$h'(x) = e^{x_j}$$\n"
)


@pytest.mark.parametrize(
    ("rule", "status"),
    [
        ("{g'(x) h(x) - h'(x) g(x) \\over h(x)^2}", "holds"),
        ("{h'(x) g(x) - g'(x) h(x) \\over h(x)^2}", "fails"),  # the sign slip of the post
        ("\\frac{g'(x) h(x) + h'(x) g(x)}{h(x)^2}", "fails"),
    ],
)
def test_the_quotient_rule_in_function_notation_beside_a_vector_of_the_same_letter(rule, status):
    # x is the softmax's input vector (x_i) and the variable of the rule's f, g, h: h'(x) is
    # written, so h(x) = \sum e^{x_k} is function notation, not h of the vector x
    (step, *_) = [s for s in check_document(QUOTIENT.replace("RULE", rule)).steps if s.line == 5]
    assert step.status == status
