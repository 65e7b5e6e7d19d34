"""σ as the document's own name for the softmax: an equation ``\\text{softmax}(A) = \\sigma(A)``
or words ("here $\\sigma$ denotes the softmax") make ``\\sigma(z)_i`` the softmax entry and
``\\sigma(A_i)`` entry i of the softmax of A; a text that also writes the logistic σ is not read
so. Every step that holds has a twin with one change that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.sigma_words import sigma_is_the_softmax, sigma_said_softmax

NAMED = (
    r"$$\text{softmax}(A) = \sigma(A) = \frac{\exp(A)}{\sum\limits_{j=1}^{C} \exp(A_{j})}$$"
    "\n\n"
)
SAID = "Here $\\sigma$ denotes the softmax function.\n\n"


def last(text: str):
    return check_document(text).steps[-1]


HOLDS_AND_TWIN = [
    # (prose, left side, right side that holds, the same with one change: flagged)
    (
        NAMED,
        r"\frac{\partial \sigma(A_i)}{\partial A_i}",
        r"\sigma(A_i) (1 - \sigma(A_i))",
        r"\sigma(A_i) (1 + \sigma(A_i))",
    ),
    (
        NAMED,
        r"\frac{1}{\sigma(A_k)} \cdot -\sigma(A_k) \cdot \sigma(A_i)",
        r"- \sigma(A_i)",
        r"- \sigma(A_k)",
    ),
    (
        SAID,
        r"\frac{\partial \sigma(z)_i}{\partial z_j}",
        r"\sigma(z)_i (\delta_{ij} - \sigma(z)_j)",
        r"\sigma(z)_i (1 - \sigma(z)_j)",
    ),
]


@pytest.mark.parametrize(("prose", "lhs", "holds", "slip"), HOLDS_AND_TWIN)
def test_sigma_the_document_names_the_softmax_is_read_as_it(prose, lhs, holds, slip):
    assert last(f"{prose}$$\n{lhs} = {holds}\n$$\n").status == "holds"
    assert last(f"{prose}$$\n{lhs} = {slip}\n$$\n").status in ("fails", "holds only")


def test_the_twin_a_text_that_writes_the_logistic_sigma_too_is_not_read_as_softmax():
    text = NAMED + "and $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$ for the sigmoid.\n\n"
    assert not sigma_is_the_softmax(text, sigma_said_softmax(text))
    result = last(text + "$$\n\\frac{\\partial \\sigma(A_i)}{\\partial A_i} = \\sigma(A_i)\n$$\n")
    assert result.status == "not checked"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"$\sigma(\mathbf{z}) = \mathrm{softmax}(\mathbf{z})$", True),
        (r"$\sigma(\mathbf{z}) = \mathrm{softmax}(\mathbf{x})$", False),  # another argument
        (r"$\text{softmax}(A) = \sigma(A)$, and $\frac{1}{1 + e^{-x}}$", False),
        (r"$\text{softmax}(A) = \sigma(A)$. The word sigmoid alone.", True),
        (r"We write $\sigma(z)$, the sigmoid, and $\text{softmax}(z) = \sigma(z)$.", False),
    ],
)
def test_when_sigma_is_the_softmax(text, expected):
    assert sigma_is_the_softmax(text, False) is expected


def test_sigma_of_a_vector_without_an_entry_is_not_read():
    result = last(
        SAID + "$$\n\\sigma(\\mathbf{z}) = \\frac{e^{\\mathbf{z}}}{\\sum_j e^{z_j}}\n$$\n"
    )
    assert result.status == "not checked"


OWN_ON_ENTRIES = (
    "The cross-entropy of the softmax outputs:\n\n"
    "$$H = - \\sum_{k=1}^{C} Y_k \\log(\\sigma(A_k))$$\n\n"
    "where $\\sigma(A_i) = \\frac{e^{A_i}}{\\sum_{j=1}^{C} e^{A_j}}$.\n\n"
    "$$\\frac{\\partial \\sigma(A_i)}{\\partial A_i} = RIGHT$$\n\n"
    "For two samples and three classes, with the second class the true one:\n\n"
    "$$\\log(\\sigma(A_{12})) = -\\log(1 + e^{-A_{12}})$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\sigma(A_i)(1 - \\sigma(A_i))", "holds"),
        ("\\sigma(A_i)(1 + \\sigma(A_i))", "fails"),  # the twin: a sign slip
    ],
)
def test_sigma_defined_on_entries_beside_a_worked_example_over_samples(right, status):
    """σ(A_i) = e^{A_i}/Σ_j e^{A_j} is read entry by entry though a worked example writes
    σ(A_{12}); that call is the text's own σ too, never the logistic one (under which the last
    line would hold)."""
    steps = check_document(OWN_ON_ENTRIES.replace("RIGHT", right)).steps
    assert steps[1].status == status
    assert steps[2].status == "not checked"
    assert "σ is defined by the document" in steps[2].summary
