"""Arrows written in plain text or Unicode between two statements, ``A = B => C = D`` (also
``==>``, ``<=>``, ⇒, ⟹), are connectives like ``\\implies``: each side is a chain of its own,
judged on its own (a wrong twin flagged), and no step is made of the arrow itself; ``>=``
stays a comparison (no equality)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SIGMOID = "$$\\sigma(x) = \\frac{1}{1+e^{-x}}$$\n\n"
DERIVATIVE = "\\sigma'(x) = \\frac{e^{-x}}{(1+e^{-x})^2}"


@pytest.mark.parametrize("arrow", ["=>", "==>", "<=>", "⇒", "⟹"])
@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_an_arrow_between_statements_starts_a_new_chain(arrow: str, sign: str, status: str):
    text = SIGMOID + f"$${DERIVATIVE} {arrow} \\sigma'(x) = \\sigma(x)(1 {sign} \\sigma(x))$$\n"
    steps = check_document(text).steps
    assert [s.status for s in steps[1:]] == ["holds", status]
    assert steps[-1].flagged == (status == "fails")


def test_greater_or_equal_is_no_arrow():
    steps = check_document(SIGMOID + "$$\\sigma(x) >= 0$$\n").steps
    assert all(step.status != "holds" for step in steps[1:])
