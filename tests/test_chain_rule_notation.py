"""The chain rule in function notation, as a solution sheet writes it: ``f'(g(x)) \\cdot g'(x)``
with ``f(u) = u^{-1}`` and ``g(x) = 1 + e^{-x}`` defined in a list."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SHEET = (
    "We start from $\\sigma(x) = (1 + e^{-x})^{-1}$ and use the chain rule.\n\n"
    "* Outer function: $f(u) = u^{-1}$\n"
    "* Inner function: $g(x) = 1 + e^{-x}$\n\n"
    "$$\\frac{d\\sigma}{dx} = RESULT$$\n"
)


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (r"f'(g(x)) \cdot g'(x)", "holds"),
        (r"f'(g(x)) \cdot g(x)", "fails"),  # the inner derivative dropped
        (r"f'(x) \cdot g'(x)", "fails"),  # the outer derivative at x, not at g(x)
        (r"f'(\left(1 + e^{-x}\right)) \cdot (-e^{-x})", "holds"),
        (r"f'(1 + e^{-x}) \cdot e^{-x}", "fails"),
    ],
)
def test_a_defined_function_differentiated_at_another_functions_value(result, status):
    (step,) = check_document(SHEET.replace("RESULT", result)).steps
    assert step.status == status


def test_an_unknown_function_differentiated_at_another_functions_value_is_not_read():
    text = "For functions $f(x)$ and $g(x)$:\n\n$$\\frac{d}{dx}\\left(f(g(x))\\right) = RESULT$$\n"
    for result in (r"f'(g(x)) g'(x)", r"f'(g(x)) g(x)"):
        (step,) = check_document(text.replace("RESULT", result)).steps
        assert step.status == "not checked"
