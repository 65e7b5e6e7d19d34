r"""A primed letter in a chain that a derivative opens: its derivative by that derivative's
variable.

Calculus courses write the quotient rule with the parts named: "write $g = e^{a_i}$ and $h =
\sum_k e^{a_k}$ … $\frac{\partial S_i}{\partial a_j} = \frac{g'h - gh'}{h^2}$". The prime of g
is its derivative by the variable the chain differentiates by (a_j), the only variable the step
names; a letter whose meaning has one variable is read by that one already (primed_names). So
the judge, before each step, finds the derivative that opens the step's chain (the left side of
its first step: ``\frac{\partial S_i}{\partial a_j}``, ``\frac{d}{dx} …``, ``\pdv{S_i}{a_j}``)
and lends its variable to the reader; a chain that opens with anything else lends none, and a
primed letter of several variables is then left unread as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.derivatives import PRIMES_SAID
from symsoft.reading.notation.physics import physics_spelled

_SCRIPT = r"\s*+_\s*+(?:\{[^{}]*\}|[a-zA-Z0-9])"
_VARIABLE = (  # x, a_j, \theta; \mathbf{z}_{j}, an entry of z (not \mathbf{z}: a vector)
    rf"(?:[a-zA-Z]|\\[a-zA-Z]+)(?:{_SCRIPT})?"
    rf"|\\(?:mathbf|boldsymbol|bm)\s*+\{{\s*+[a-zA-Z]\s*+\}}{_SCRIPT}"
)
# \frac{\partial S_i}{\partial a_j}, \frac{\partial}{\partial a_j}, \frac{dy}{dx}, \frac{d}{dx};
# *+ throughout: linear in white space
_HEAD = lazy(
    r"\s*+(?:\\left\s*+)?\(?\s*+\\[dt]?frac\s*+\{\s*+(?:\\partial(?![a-zA-Z])|d)"
    r"(?:[^{}]|\{[^{}]*+\})*+\}\s*+\{\s*+(?:\\partial(?![a-zA-Z])|d)\s*+(" + _VARIABLE + r")\s*+\}"
)
_PRIME = lazy(r"'|\u2019|\u2032|\\prime(?![a-zA-Z])")
# the text says what a prime means ("primes denote d/dt", "where ' is the derivative in u")
PRIME_SAID = lazy(
    r"(?<!\\)\bprime[sd]?\b|\bdash(?:es)?\s+(?:denote|mean)|['\u2032]\s*\$?\s*(?:denotes|means|stands)\b",
    re.IGNORECASE,
)
_PRIMED_GROUP = lazy(r"(?:\\right\s*+)?\)\s*+(?:'|\u2019|\^\s*+\{?\s*+\\prime)")
_PRIMED = (
    r"([a-zA-Z])\s*+(?:_\s*+(?:\{[^{}]*\}|[a-zA-Z0-9])\s*+)?"
    r"(?:'|\u2019|\u2032|\^\s*+\{?\s*+\\prime)"
)
_PRIMED_LETTER = lazy(r"(?<![\\a-zA-Z])" + _PRIMED)
# p' a quantity of its own, or a derivative by a letter the text names: its log, its derivative,
# its exponential; named alone in the prose ("with $f'$ its derivative in $z$"); given a value
# where an equation starts (p'_i = …, f' = -\frac{1}{1 + e^z}: by which letter?)
_QUANTITY = lazy(
    r"(?:\\log|\\ln|\\partial|\\exp|e\s*+\^\s*+\{?)\s*+(?:\\left\s*+)?\(?\s*+"
    + _PRIMED
    + r"|\$\s*+"
    + _PRIMED
    + r"\s*+\}?\s*+\$"
)
_GIVEN = lazy(
    r"(?<![\\a-zA-Z])"
    + _PRIMED
    + r"\s*+(?:_\s*+(?:\{[^{}]*\}|[a-zA-Z0-9]))?\s*+&?\s*+(?:=|:=|\\equiv|\\triangleq|\\coloneqq)"
)
_STARTS = lazy(r"(?:^|[$&,;{]|\\\\|\\quad|\\qquad|\\text\s*+\{[^{}]*\})$")


def quantities(math: str) -> frozenset[str]:
    """The letters the text writes primed as quantities of their own, not derivatives
    (``\\log p'_k``, ``\\frac{\\partial L}{\\partial z'}``, ``p'_i = …``), or derivatives
    the text states or speaks of (``f' = -\\frac{1}{1 + e^z}``, "with $f'$ its derivative in z").

    >>> sorted(quantities(r"L = -\\sum_k y_k \\log p'_k, \\quad g' h - g h'"))
    ['p']
    """
    found = {next(g for g in m.groups() if g) for m in _QUANTITY.finditer(math)}
    for given in _GIVEN.finditer(math):
        before = math[max(0, given.start() - 80) : given.start()].rstrip()
        if not before or _STARTS.search(before[-40:]):  # h' in "… = h' = …" goes on a chain
            found.add(given.group(1))
    return frozenset(found)


def head_variable(head: str) -> str | None:
    """The variable of the derivative ``head`` opens with, as written, or None.

    >>> head_variable(r"\\frac{\\partial S_i}{\\partial a_j}"), head_variable(r"\\frac{d}{dx} u")
    ('a_j', 'x')
    >>> head_variable(r"\\frac{\\partial L}{\\partial \\mathbf{z}}") is None
    True
    """
    found = _HEAD.match(physics_spelled(head))
    return found.group(1) if found else None


def judged_in_order(
    steps: Sequence[Any], text: Any, meanings: Any, read: Callable[[str], Any], judge: Callable
) -> list[Any]:
    """``judge(step, number)`` for each step, with ``meanings.prime_by`` the variable of the
    derivative that opens the step's chain while a side of it writes a prime, and none of its
    primed letters is a quantity of its own elsewhere in the text."""
    named = quantities(text.slice(0, len(text.chars))) if _PRIME.search(text.original) else set()
    said = PRIMES_SAID.get()  # "a prime means d/dt" (set by the document): by t, not x
    results, head, previous = [], None, None
    for number, step in enumerate(steps, start=1):
        continued = (
            previous is not None
            and step.lhs is not None
            and step.display == previous.display
            and step.lhs == previous.rhs
        )
        if not continued:
            head = step.lhs
        previous = step
        sides = text.slice((step.lhs or step.rhs).start, step.rhs.end)
        variable = head_variable(text.slice(head.start, head.end)) if head is not None else None
        primed = {m.group(1) for m in _PRIMED_LETTER.finditer(sides)}
        grouped = _PRIMED_GROUP.search(sides)  # (e^{x_i})': by the chain's variable too
        if variable is not None and (primed or grouped) and not primed & named and not said:
            try:
                meanings.prime_by, meanings.prime_text = read(variable), variable
            except Exception:  # noqa: BLE001 - a variable not read: no primed letter is read
                meanings.prime_by, meanings.prime_text = None, variable  # a group is (as written)
        try:
            results.append(judge(step, number))
        finally:
            meanings.prime_by, meanings.prime_text = None, ""
    return results


__all__ = ["PRIME_SAID", "head_variable", "judged_in_order"]
