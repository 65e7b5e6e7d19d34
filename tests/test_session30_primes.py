"""Session 30: the quotient rule with its parts named (``g'h - gh'``), read by the variable of
the derivative that opens the chain; the physics package's ``\\pdv``/``\\dv``.  Each reading
that proves a step keeps a wrong twin refuted; each guard leaves a step unread."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.judge.prime_heads import head_variable, quantities
from symsoft.reading.notation.physics import physics_spelled
from tests.steps import all_summaries, summaries

PARTS = (
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$. To differentiate, write $g = e^{a_i}$ and "
    "$h = \\sum_k e^{a_k}$.\n\nBy the quotient rule,\n\n$$STEP$$\n"
)


def _passes(summary: str) -> bool:
    """A verdict that says the step is right (in every case, or in the case it states)."""
    return summary == "holds" or summary.startswith(("holds when", "holds given"))


def _parts(step: str) -> list[str]:
    return all_summaries(PARTS.replace("STEP", step))[5]


def test_named_parts_of_the_quotient_rule_are_differentiated_by_the_chains_variable():
    found = _parts(
        "\\frac{\\partial S_i}{\\partial a_j} = \\frac{g' h - g h'}{h^2} "
        "= \\frac{\\delta_{ij} e^{a_i} h - e^{a_i} e^{a_j}}{h^2} = S_i(\\delta_{ij} - S_j)"
    )
    assert found == ["holds", "holds", "holds"]


@pytest.mark.parametrize(
    "wrong",
    [
        "\\frac{g h' - g' h}{h^2}",  # the numerator's order swapped: a sign flip
        "\\frac{g' h - g h'}{h}",  # the square dropped
        "\\frac{g' h + g h'}{h^2}",  # the product rule's sign
    ],
)
def test_a_slip_in_the_named_quotient_rule_is_refuted(wrong):
    found = _parts("\\frac{\\partial S_i}{\\partial a_j} = " + wrong)
    assert found[0].startswith("fails"), found


def test_a_primed_part_after_the_first_step_keeps_the_chains_variable():
    found = _parts("\\frac{\\partial h}{\\partial a_j} = h' = e^{a_j}")
    assert found == ["holds", "holds"]
    swapped = _parts("\\frac{\\partial h}{\\partial a_j} = h' = e^{a_i}")
    assert not _passes(swapped[1]) and "holds only when i = j" in swapped[1], swapped


def test_entries_defined_by_index_are_primed_with_their_index():
    text = (
        "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$. Write $g_i = e^{a_i}$ and "
        "$h = \\sum_k e^{a_k}$.\n\nBy the quotient rule,\n\n$$STEP$$\n"
    )
    right = "\\frac{\\partial S_i}{\\partial a_j} = \\frac{g_i' h - g_i h'}{h^2}"
    assert summaries(text.replace("STEP", right))[5] == "holds"
    for wrong in ("\\frac{g_j' h - g_i h'}{h^2}", "\\frac{g_i h' - g'_i h}{h^2}"):
        step = "\\frac{\\partial S_i}{\\partial a_j} = " + wrong
        assert not _passes(summaries(text.replace("STEP", step))[5]), wrong


def test_no_derivative_opens_the_chain_no_prime_is_read():
    found = _parts("S_i = \\frac{g}{h}, \\quad \\frac{g' h - g h'}{h^2} = S_i(\\delta_{ij} - S_j)")
    assert not any(s.startswith(("holds", "fails")) for s in found[1:]), found


def test_a_primed_letter_that_is_a_quantity_of_its_own_is_not_a_derivative():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$, the softened $p'_i$, and "
        "$\\ell = -\\log p'_c$.\n\n$$\\frac{\\partial p_i}{\\partial z_j} = p'_i$$\n"
    )
    assert not summaries(text)[3].startswith(("holds", "fails"))
    assert quantities("\\ell = -\\log p'_c") == {"p"}
    assert quantities("x' := x - c") == {"x"}
    assert not quantities("\\frac{g' h - g h'}{h^2}")
    # given a value, or named alone in the prose: a derivative by which letter?
    assert quantities("$p'_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$") == {"p"}
    assert quantities("$f' = -\\frac{1}{1 + e^{z}}$") == {"f"}
    assert quantities("with $f'$ its derivative in $z$") == {"f"}
    assert quantities("and $g^{\\prime}$ for the derivatives") == {"g"}
    assert not quantities("\\frac{\\partial h}{\\partial a_j} = h' = e^{a_j}")


@pytest.mark.parametrize(
    "text",
    [
        # a prime the text says is by the inner variable: f' = df/dz, not df/dw
        "Let $z = wx$ and $f = \\log(1+e^{-z})$, with $f'$ its derivative in $z$.\n\n"
        "$$\\frac{\\partial f}{\\partial w} = f' x$$\n",
        # written through another defined name: g' may be by u, its own argument
        "Let $u = wx$ and $g = \\frac{1}{1 + e^{-u}}$.\n\n"
        "$$\\frac{\\partial g}{\\partial w} = g' x = g(1-g)x$$\n",
        # p' a softmax at temperature T, given its value
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $p'_i = \\frac{e^{z_i/T}}{\\sum_k "
        "e^{z_k/T}}$.\n\n$$\\frac{\\partial}{\\partial z_j}\\left(T \\log \\sum_k e^{z_k/T}"
        "\\right) = p'_j$$\n",
        # a' of a = σ(wx + b): the text says primes are by σ's argument
        "Let $a = \\sigma(wx + b)$ and $L = \\frac{1}{2}(a - y)^2$. Primes are derivatives "
        "with respect to the argument of $\\sigma$.\n\n$$\\frac{\\partial L}{\\partial w} = "
        "(a - y)\\, a'\\, x$$\n",
    ],
)
def test_a_prime_that_may_mean_something_else_is_not_read_by_the_chain(text):
    found = all_summaries(text)[3]
    assert not any(s.startswith(("holds", "fails")) for s in found), found


def test_the_head_of_a_chain_names_one_variable():
    assert head_variable("\\frac{\\partial S_i}{\\partial a_j}") == "a_j"
    assert head_variable("\\frac{d}{dx}\\sigma(x)") == "x"
    assert head_variable("\\pdv{S_i}{a_j}") == "a_j"
    assert head_variable("\\frac{\\partial L}{\\partial \\mathbf{z}}") is None
    assert head_variable("S_i") is None


SOFTMAX_CE = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$, where $y$ "
    "is one-hot.\n\n$$STEP$$\n"
)


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("\\pdv{p_i}{z_j} = p_i(\\delta_{ij} - p_j)", "\\pdv{p_i}{z_j} = p_i(1 - p_j)"),
        ("\\pdv{L}{z_i} = p_i - y_i", "\\pdv{L}{z_i} = y_i - p_i"),
        ("\\pdv{z_i} L = p_i - y_i", "\\pdv{z_i} L = p_i + y_i"),
        ("\\pdv{L}{z_i}{z_j} = p_i(\\delta_{ij} - p_j)", "\\pdv{L}{z_i}{z_j} = -p_i p_j"),
    ],
)
def test_the_physics_packages_derivatives_are_read(right, wrong):
    assert summaries(SOFTMAX_CE.replace("STEP", right))[3].startswith("holds")
    assert not _passes(summaries(SOFTMAX_CE.replace("STEP", wrong))[3])


def test_dv_of_the_logistic_function_and_its_second_derivative():
    text = "For $x$ real,\n\n$$STEP$$\n"
    first = "\\dv{x} \\sigma(x) = \\sigma(x)(1 - \\sigma(x))"
    assert summaries(text.replace("STEP", first))[3] == "holds"
    second = "\\dv[2]{x} \\sigma(x) = \\sigma(x)(1 - \\sigma(x))"
    assert summaries(text.replace("STEP", second))[3].startswith("fails")


def test_physics_spelling():
    assert physics_spelled("\\qty(\\pdv{a_j}) S_i") == "(\\frac{\\partial}{\\partial a_j}) S_i"
    assert physics_spelled("\\pdv{\\pdv{f}{x}}{y}") == (
        "\\frac{\\partial \\frac{\\partial f}{\\partial x}}{\\partial y}"
    )
    assert physics_spelled("\\pdv x") == "\\pdv x"  # no braced argument: left as written
    assert physics_spelled("\\pdv[2]{f}{x}{y}") == "\\pdv[2]{f}{x}{y}"
    hostile = "\\pdv{" * 5000
    assert physics_spelled(hostile) == hostile


def test_the_same_primed_step_in_two_chains_is_judged_by_each_chains_variable():
    text = (
        "Let $g = u^2 v$.\n\n$$\\frac{\\partial g}{\\partial u} = g' = 2 u v$$\n\n"
        "$$\\frac{\\partial g}{\\partial v} = g' = 2 u v$$\n"
    )
    found = all_summaries(text)
    assert found[3] == ["holds", "holds"], found
    assert found[5][0] == "holds" and found[5][1].startswith("fails"), found
    swapped = text.replace("partial u}", "partial TMP}").replace("partial v}", "partial u}")
    found = all_summaries(swapped.replace("partial TMP}", "partial v}"))
    assert found[3][1].startswith("fails") and found[5] == ["holds", "holds"], found


def test_a_transpose_written_with_a_prime_is_not_a_derivative():
    from symsoft.reading.meaning.table import Meaning, Meanings
    from symsoft.reading.notation.primed_names import _direct

    b, y = sympy.Symbol("b"), sympy.Symbol("y")
    meanings = Meanings(table={"r": Meaning("r", None, y - sympy.Symbol("X") * b, "line 1", "")})
    assert not _direct("r", meanings)  # r = y - X b: r'r may be rᵀr
    meanings.table["r"] = Meaning("r", None, y - b, "line 1", "")
    assert _direct("r", meanings)
