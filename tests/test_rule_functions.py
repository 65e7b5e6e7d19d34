"""Differentiation rules written with primed letters, ``\\left(\\frac{u}{v}\\right)' =
\\frac{u'v - uv'}{v^2}``: u and v are unknown functions of one variable, the rule judged as
calculus for every pair; a letter with a meaning of its own (said in words, given a derivative,
a constant) keeps the step unread."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.in_process import run_main


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


@pytest.mark.parametrize(
    ("rule", "status"),
    [
        (r"\left(\frac{u}{v}\right)' = \frac{u'v - uv'}{v^2}", "holds"),
        (r"\left(\frac{u}{v}\right)' = \frac{u'v + uv'}{v^2}", "fails"),  # the sign
        (r"\left(\frac{u}{v}\right)' = \frac{u'v - uv'}{v}", "fails"),  # the square
        (r"(uv)' = u'v + uv'", "holds"),
        (r"(uv)' = u'v'", "fails"),
        (r"\left(\frac{f}{g}\right)^{\prime} = \frac{f^{\prime} g - f g^{\prime}}{g^2}", "holds"),
        (r"\left(\frac{f}{g}\right)' = \frac{g f' - f g'}{g^2}", "holds"),
        (r"\left(\frac{f}{g}\right)' = \frac{f g' - g f'}{g^2}", "fails"),
        (r"\frac{d}{dx}\left(\frac{u}{v}\right) = \frac{v u' - u v'}{v^2}", "holds"),
        (r"\frac{d}{dx}\left(\frac{u}{v}\right) = \frac{v u' + u v'}{v^2}", "fails"),
    ],
)
def test_a_rule_in_primed_letters_is_judged_for_every_function(rule: str, status: str) -> None:
    assert _statuses(f"Recall the rule.\n\n$${rule}$$\n") == [status]


def test_function_notation_with_primes_makes_the_letters_functions() -> None:
    right = r"$$\frac{d}{dx}\frac{f(x)}{g(x)} = \frac{f'(x)g(x) - f(x)g'(x)}{g(x)^2}$$"
    assert _statuses(right) == ["holds"]
    assert _statuses(right.replace("}{g(x)^2}", "}{g(x)}")) == ["fails"]


@pytest.mark.parametrize(
    ("claim", "code", "verdict"),
    [
        ("(uv)' = u'v + uv'", 0, "holds"),
        (r"\left(\frac{u}{v}\right)' = \frac{u'v + uv'}{v^2}", 1, "fails"),
    ],
)
def test_the_claim_reads_the_rule(claim: str, code: int, verdict: str) -> None:
    done = run_main("claim", claim)
    assert done.returncode == code
    assert done.stdout.startswith(verdict)


@pytest.mark.parametrize(
    "text",
    [
        # named in words: "the numerator" is a particular function, not read here
        "Let $g$ be the numerator and $h$ the denominator.\n\n"
        r"$$\left(\frac{g}{h}\right)' = \frac{g'h + gh'}{h^2}$$",
        # c' = 0: c is a constant, (cu)' = cu' holds for it
        "The derivative of a constant is zero, $c' = 0$, so\n\n$$(cu)' = c'u$$",
        # a letter in the group never primed: a constant or a function?
        r"$$\left(\frac{u}{v}\right)' = \frac{u'}{v}$$",
        # the parts of a function the text defines: g' is that function's derivative
        r"$$g(x) = \frac{1}{1 + e^{-x}}$$"
        "\n\nFor $g(x) = \\frac{u}{v}$ with $u$ and $v$ functions of $x$,\n\n"
        r"$$g'(x) = \frac{u'v - uv'}{v^2}$$"
        "\n\nHere $u = 1$, so $u' = 0$.",
        # one primed letter alone: a claim about a function named elsewhere
        r"$$f' = f(1 + f)$$",
        # primed letters that are new names, not derivatives
        "Shift the logits: $b' = b - m$ and $a' = a - m$, so\n\n$$b' + a' = b + a - 3m$$",
    ],
)
def test_letters_with_a_meaning_of_their_own_keep_the_step_unread(text: str) -> None:
    assert "fails" not in _statuses(text)
    assert "holds" not in _statuses(text)
