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


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (r"f'(g(x)) g'(x)", "holds"),  # the chain rule, for every f and g
        (r"f'(g(x)) g(x)", "fails"),  # the inner derivative dropped
        (r"f'(x) g'(x)", "fails"),  # the outer derivative at x, not at g(x)
        (r"g'(f(x)) f'(x)", "fails"),  # the functions swapped
        (r"f'(g(x)) + g'(x)", "fails"),  # a sum for the product
    ],
)
def test_an_unknown_function_differentiated_at_another_functions_value(result, status):
    """f'(g(x)) of unknown f and g is the derivative of f at the point g(x): a real number free
    whatever f is, so the chain rule holds for every f and g and its slips fail."""
    text = "For functions $f(x)$ and $g(x)$:\n\n$$\\frac{d}{dx}\\left(f(g(x))\\right) = RESULT$$\n"
    (step,) = check_document(text.replace("RESULT", result)).steps
    assert step.status == status


def test_an_unknown_function_at_one_point_written_two_ways_is_not_read():
    """f'((x + 1)^2) and f'(x^2 + 2x + 1) are one number written two ways: not read (a wrong
    "fails" if they were taken for two free numbers)."""
    text = "For functions $f(x)$ and $g(x)$:\n\n$$f'((x + 1)^2) g'(x) = f'(x^2 + 2x + 1) g'(x)$$\n"
    (step,) = check_document(text).steps
    assert step.status == "not checked"
