"""``[\\sigma(\\mathbf{a})]_i``, ``\\left[\\operatorname{softmax}(z)\\right]_k``: a bracket around
one function call with an index after it is the call's entry, ``\\sigma(\\mathbf{a})_i``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.spans import Text
from symsoft.reading.meaning.arguments import unbracket_entries

SOFTMAX = r"""
$$\frac{\partial \left[\operatorname{softmax}(z)\right]_i}{\partial z_j} = RHS$$
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"[\operatorname{softmax}(z)]_i (\delta_{ij} - [\operatorname{softmax}(z)]_j)", "holds"),
        (
            r"[\operatorname{softmax}(z)]_i (\delta_{ij} - [\operatorname{softmax}(z)]_i)",
            "holds only",
        ),
        (r"[\operatorname{softmax}(z)]_j (1 - [\operatorname{softmax}(z)]_i)", "holds only"),
        (r"-[\operatorname{softmax}(z)]_i (\delta_{ij} - [\operatorname{softmax}(z)]_j)", "fails"),
    ],
)
def test_a_bracketed_softmax_entry(rhs: str, status: str) -> None:
    (step,) = check_document(SOFTMAX.replace("RHS", rhs)).steps
    assert step.status == status, step.summary


def test_a_bracketed_entry_of_the_texts_own_function() -> None:
    text = (
        "$$\\sigma(\\mathbf{a})_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n"
        "$$\\frac{\\partial[\\sigma(\\mathbf{a})]_i}{\\partial a_j} = RHS$$\n"
    )
    good = r"[\sigma(\mathbf{a})]_i (\delta_{ij} - [\sigma(\mathbf{a})]_j)"
    assert check_document(text.replace("RHS", good)).steps[-1].status == "holds"
    bad = r"[\sigma(\mathbf{a})]_i ([\sigma(\mathbf{a})]_j - \delta_{ij})"
    assert check_document(text.replace("RHS", bad)).steps[-1].status == "fails"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (r"[\sigma(\mathbf{a})]_i", r" \sigma(\mathbf{a}) _i"),
        (r"\left[\operatorname{softmax}(z)\right]_k", r"      \operatorname{softmax}(z)       _k"),
        (r"[f(\vec{x})]_{i}", r" f(\vec{x}) _{i}"),
        (r"[g(x)]_+", r"[g(x)]_+"),  # a positive part: no index
        (r"[f(x) + 1]_i", r"[f(x) + 1]_i"),  # more than the call
        (r"[x]_i", r"[x]_i"),  # no call
    ],
)
def test_what_is_unbracketed(written: str, read: str) -> None:
    text = Text.of(written)
    unbracket_entries(text)
    assert text.slice(0, len(text.chars)) == read
