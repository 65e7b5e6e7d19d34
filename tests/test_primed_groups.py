"""A Chinese note's sigmoid derivative, as written (a bare ``\\begin{aligned}`` outside ``$$``,
``Sigmoid(x) = f(x) = …``, primes on groups, the typographic prime ’): the chain names f by the
side after it, ``(1 + e^{-x})'`` is the derivative of the group by its one letter, and the two
real slips of the note are flagged while its correct steps hold."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

NOTE = """Sigmoid函数求导

\\begin{aligned}
Sigmoid(x) = f(x) &= \\frac{1}{1 + e^{-x}} \\\\
\\end{aligned}

\\begin{aligned}
f’(x) &= ((1 + e^{-x})^{-1})’ \\\\
&=-(1 + e^{-x}) ^ {-2} \\times (1 + e^{-x})’ \\\\
&=-(1 + e^{-x}) ^ {-2} \\times e^{-x} \\times (-x)’ \\\\
&=(1 + e^{-x}) ^ {-2} \\times e^{-x} \\\\
&=\\frac {e^{-x}} {(1 + e^{-x}) ^ {-2}} \\\\
&=\\frac {1} {1 + e^{-x}} \\times \\frac {1 + e^{-x} - 1} {1 + e^{-x}} \\\\
&=f(x) * (1 - f(x))
\\end{aligned}
"""


def test_the_note_is_read_and_its_two_slips_are_flagged() -> None:
    steps = check_document(NOTE).steps
    statuses = [(s.line, s.status) for s in steps]
    assert statuses == [
        (4, "holds"),
        (4, "definition"),
        (8, "holds"),
        (9, "holds"),
        (10, "holds"),
        (11, "holds"),
        (12, "fails"),  # (1 + e^{-x})^{-2} put in the denominator
        (13, "fails"),  # does not equal the wrong line before it
        (14, "holds"),
    ]


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("(e^{-x})' = -e^{-x}", "holds"),
        ("(e^{-x})' = e^{-x}", "fails"),
        ("\\left(\\frac{1}{1 + e^{-x}}\\right)' = \\frac{e^{-x}}{(1 + e^{-x})^2}", "holds"),
        ("\\left(\\frac{1}{1 + e^{-x}}\\right)' = \\frac{-e^{-x}}{(1 + e^{-x})^2}", "fails"),
        ("(x^2)^\\prime = 2x", "holds"),
    ],
)
def test_a_group_with_a_prime_is_its_derivative_by_its_one_letter(step: str, status: str):
    (result,) = check_document(f"$${step}$$\n").steps
    assert (result.status, result.flagged) == (status, status == "fails")


@pytest.mark.parametrize("step", ["(wx)' = w", "(x + y)' = 2"])
def test_a_group_of_two_letters_with_a_prime_is_not_read(step: str) -> None:
    assert not any(s.flagged for s in check_document(f"$${step}$$\n").steps)


@pytest.mark.parametrize(("rhs", "status"), [("f(x)(1 - f(x))", "holds"), ("f(x)^2", "fails")])
def test_a_chain_of_names_defines_the_function_it_names_last(rhs: str, status: str) -> None:
    text = f"$$g(x) = f(x) = \\frac{{1}}{{1 + e^{{-x}}}}$$\n\n$$f'(x) = {rhs}$$\n"
    steps = check_document(text).steps
    assert [s.status for s in steps[:2]] == ["not checked", "definition"]
    assert not steps[0].flagged
    assert (steps[-1].status, steps[-1].flagged) == (status, status == "fails")
