"""A textbook derivative of one plain letter, mentioned in a sentence that goes on ("Using the
derivative of the logarithm $\\frac{\\partial \\log(x)}{\\partial x} = \\frac{1}{x}$ and the
definition of softmax, we get:", a heading "### 2 $\\frac{\\delta e^x}{\\delta x} = e^x$"), is a
claim of its own: judged, and flagged when it is wrong; never when the words mark it a slip, and
never an equation that names the document's quantities."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

HEAD = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"


def statuses(text: str) -> list[str]:
    return [s.status for s in check_document(HEAD + text).steps]


@pytest.mark.parametrize(
    ("line", "right", "wrong"),
    [
        (
            "Using the derivative of the logarithm $LHS = RHS$ and the definition of softmax, "
            "we get the gradient.\n",
            ("\\frac{\\partial \\log(x)}{\\partial x}", "\\frac{1}{x}"),
            ("\\frac{\\partial \\log(x)}{\\partial x}", "-\\frac{1}{x}"),
        ),
        (  # a case leads the sentence: the identity has no index, the case is no matter
            "When $i=k$, using the derivative of the logarithm $LHS = RHS$ and the definition "
            "of softmax, we get:\n",
            ("\\frac{\\partial \\log(x)}{\\partial x}", "\\frac{1}{x}"),
            ("\\frac{\\partial \\log(x)}{\\partial x}", "\\log(x)"),
        ),
        (
            "### 这里2 $LHS = RHS$\n",
            ("\\frac{\\delta e^x}{\\delta x}", "e^x"),
            ("\\frac{\\delta e^x}{\\delta x}", "x e^{x - 1}"),
        ),
        (
            "### 这里3 $LHS = RHS$\n",
            ("\\frac{\\delta x^{-1}}{\\delta x}", "-\\frac{1}{x^2}"),
            ("\\frac{\\delta x^{-1}}{\\delta x}", "\\frac{1}{x^2}"),
        ),
        (
            "Recall that $LHS = RHS$ for every real t, which we use twice.\n",
            ("\\frac{d}{dt} e^{-t}", "-e^{-t}"),
            ("\\frac{d}{dt} e^{-t}", "e^{-t}"),
        ),
    ],
)
def test_a_derivative_mentioned_in_passing_is_judged(line, right, wrong):
    assert statuses(line.replace("LHS", right[0]).replace("RHS", right[1])) == ["holds"]
    assert statuses(line.replace("LHS", wrong[0]).replace("RHS", wrong[1])) == ["fails"]


@pytest.mark.parametrize(
    "line",
    [
        # the words mark a slip
        "A common mistake is to write $\\frac{d}{dx} e^{-x} = e^{-x}$ in the backward pass.\n",
        # the document's quantities, with an index: not a closed identity
        "Since $\\frac{\\partial p_i}{\\partial z_i} = p_i(1 + p_i)$ in this case, we go on.\n",
        # another letter beside the variable: a parameter of the document, perhaps
        "Using $\\frac{d}{dx} e^{-ax} = -a e^{-ax}$ and the rest, we go on.\n",
    ],
)
def test_no_mention_is_judged_where_it_is_not_a_closed_claim(line):
    assert statuses(line) == []
