"""Sizes written with letters real posts use for them (``\\mathbb R^d``, a batch of ``m``): each
rule has a step that must hold and a plausible slip in the same style that must be flagged, and
a reading that is not the author's is not judged."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.document import check_document
from symsoft.reading.grammar.forms import ClaimSyntaxError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.grammar.symbols import index_symbol


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


LSE_IN_RD = r"""
For an input $\mathbf x \in \mathbb R^d$,

$$\mathrm{lse}(\mathbf x) = \log\left(\sum_{j=1}^d \exp(x_j)\right)$$

$$\frac{\partial\, \mathrm{lse}(\mathbf x)}{\partial x_i}
= \frac{\exp(x_i)}{\sum_{j=1}^{d} \exp(x_j)}$$

$$\frac{\partial\, \mathrm{lse}(\mathbf x)}{\partial x_i}
= \frac{\exp(-x_i)}{\sum_{j=1}^{d} \exp(-x_j)}$$
"""


@pytest.mark.parametrize("bound", [r"^d", r"^{d}", r"^{ d }"])
def test_d_after_a_sums_caret_is_a_size_not_a_differential(bound: str) -> None:
    value = parse_expression(rf"\sum_{{j=1}}{bound} x_j", open_names=True)
    (total,) = value.atoms(sympy.Sum)
    assert total.limits[0][2] == index_symbol("d")


@pytest.mark.parametrize("text", [r"d x", r"d + x", r"x \cdot d"])
def test_d_elsewhere_is_still_not_a_name(text: str) -> None:
    # right after '_' it is an index (x_d, \sum_{d=1}^{K}: tests/test_reading_snippets.py)
    with pytest.raises(ClaimSyntaxError):
        parse_expression(text, open_names=True)


def test_sums_to_d_are_the_documents_size() -> None:
    # the definition and the gradient hold; the gradient with its signs flipped fails
    assert statuses(LSE_IN_RD) == ["holds", "holds", "fails"]


def test_d_beside_another_size_is_not_judged_as_a_partial_sum() -> None:
    """With sums to K as well, d is not the size N: read as an index d, the full sum would be
    refuted at d = 1."""
    text = LSE_IN_RD.replace("$,", "$ and $K$ classes, $\\sum_{k=1}^K y_k = 1$,")
    steps = check_document(text).steps
    assert [s.status for s in steps[-3:]] == ["not checked"] * 3
    assert not any(s.flagged for s in steps)
    assert "a sum runs to d" in steps[-1].summary


SOFTMAX_WITH_FEATURES = r"""
For $\mathbf x \in \mathbb R^d$ and $K$ classes, $p_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}}$ and
$L = -\sum_{k=1}^K y_k \log p_k$, with $y$ one-hot.

$$\frac{\partial L}{\partial z_i} = -\sum_{k=1}^K \frac{y_k}{p_k} \frac{\partial p_k}{\partial z_i}
= p_i - y_i$$

$$\frac{\partial L}{\partial z_i} = y_i - p_i$$

$$\sum_{j=1}^d w_j x_j = \sum_{j=1}^d x_j w_j$$
"""


def test_features_counted_by_d_leave_the_classes_counted_by_k() -> None:
    """A sum over the d features of x beside sums over K classes: K stays the size N."""
    steps = check_document(SOFTMAX_WITH_FEATURES).steps
    assert [s.status for s in steps[:3]] == ["holds", "holds", "fails"]
    assert steps[3].status == "not checked" and "a sum runs to d" in steps[3].summary
