"""A rule of calculus written with primes on functions the text names by one letter: the
quotient rule ``(\\frac{f}{g})' = \\frac{f'g - fg'}{g^2}``, the product rule ``(fg)' = f'g +
fg'``, the chain rule ``(f(g(x)))' = f'(g(x))g'(x)``.  Each primed letter is a function of one
variable (the letter its applications write, ``f(x)``, or a fresh one), a prime on a group the
derivative of what it holds; the step is then read as a document of its own, with the functions
and their derivatives free.

A rule that holds so holds for every function, the text's too.  One that fails so fails for
some functions; when the text defines one of its letters (``f(x) = e^{a_i}``), the rule may
still hold for those, and the flag is withheld.  A step that writes another letter (a constant
``c`` in ``(cf)' = cf'``, or a function never primed) is not read so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from symsoft.reading.judge.prime_heads import PRIME_SAID, quantities
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.primed import particular
from symsoft.reading.notation.derivatives import PRIMES_SAID

if TYPE_CHECKING:
    from symsoft.reading.judge.outcome import StepResult
    from symsoft.reading.meaning.table import Meanings

DOCUMENT_READER: ContextVar[Callable[..., Any] | None] = ContextVar("document_reader", default=None)
"""The document reader (``check_document``), which reads a rule as a document of its own."""
_PRIME = lazy(r"\^\s*\{\s*\\prime\s*\}|\^\s*\\prime(?![a-zA-Z])|\u2019|'")
_TOKEN = lazy(
    r"\\left\s*(?:\\\{|[(\[.])|\\right\s*(?:\\\}|[)\].])|\\[bB]igg?[lr]?\s*(?:\\\{|\\\}|[()\[\]])"
    r"|\\\{|\\\}|\\[a-zA-Z]+|\\.|\s+|."
)
# commands a rule may write besides its letters (σ, tanh and names keep the text's meanings)
_COMMANDS = frozenset(
    r"\frac \dfrac \tfrac \cdot \times \log \ln \exp \quad \qquad \, \; \! \sqrt \left \right"
    r" \bigl \bigr \Bigl \Bigr \big \Big".split()
)
_OPENERS = {"(": ")", "[": "]", "{": "}", "\\{": "\\}"}
_SIZED_OPEN = lazy(r"\\left\s*(?:\\\{|[(\[])|\\[bB]igg?l?\s*(?:\\\{|[(\[])|\\\{")
_SIZED_CLOSE = lazy(r"\\right\s*(?:\\\}|[)\]])|\\[bB]igg?r?\s*(?:\\\}|[)\]])|\\\}")
_TRANSPOSE_SAID = lazy(
    r"(?i)['\u2019\u2032]\s*\$?[^.$]{0,40}?\btranspos|\btranspos\w*[^.]{0,30}?\$\s*'"
)
_DERIVATIVE_BY = lazy(r"\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*([a-z])\s*\}")


def _bracket(token: str) -> str:
    """The bracket a token writes (``\\left(`` is ``(``), or ""."""
    bare = re.sub(r"^\\(?:left|right|[bB]igg?[lr]?)\s*", "", token)
    return bare if bare in ("(", ")", "[", "]", "{", "}", "\\{", "\\}") else ""


def _rewritten(side: str, functions: set[str], variable: str) -> str | None:
    """``side`` with each primed group a derivative by ``variable`` and each function letter
    applied to it (``g'`` is ``g'(t)``, ``g`` is ``g(t)``); None for a group prime it cannot
    place."""
    tokens = _TOKEN.findall(_PRIME.sub("'", side))
    out: list[str] = []
    opened: list[int] = []  # where each open bracket's token sits in ``out``
    for number, token in enumerate(tokens):
        bracket = _bracket(token)
        if bracket in _OPENERS:
            opened.append(len(out))
            out.append(token)
            continue
        if bracket:
            if not opened:
                return None
            start = opened.pop()
            out.append(token)
            if tokens[number + 1 : number + 2] == ["'"]:
                inner = "".join(out[start + 1 : -1])
                out[start:] = [f"\\frac{{d}}{{d{variable}}}\\left({inner}\\right)"]
                tokens[number + 1] = ""  # the prime is read
                after = [k for k in range(number + 2, len(tokens)) if not tokens[k].isspace()]
                point = [tokens[k] for k in after[:3]]
                if point == ["(", variable, ")"]:  # (fg)'(x): at the variable, as it is read
                    for k in range(number + 2, after[2] + 1):
                        tokens[k] = ""
                elif point[:1] and _bracket(point[0]) == "(":
                    return None  # (fg)'(0): at a point, not read
            continue
        if token in functions:
            following = [t for t in tokens[number + 1 : number + 4] if t and not t.isspace()]
            primed = following[:1] == ["'"]
            next_one = following[1:2] if primed else following[:1]
            called = bool(next_one) and _bracket(next_one[0]) == "("
            if primed:  # g' alone is g'(t); g'(…), g'\left(…\right) stay
                out.append(f"{token}'" if called else f"{token}'({variable})")
                tokens[tokens.index("'", number + 1)] = ""
            elif not called:
                out.append(f"{token}({variable})")
            else:
                out.append(token)
            continue
        if token == "'":
            return None  # a prime after something else (x', a double prime on a group)
        out.append(token)
    if opened:
        return None
    return _SIZED_OPEN.sub("(", _SIZED_CLOSE.sub(")", "".join(out)))  # \left( … \right): ( … )


def rule_sides(lhs: str, rhs: str, defined: set[str]) -> tuple[str, str, set[str]] | None:
    """The two sides of a rule of calculus rewritten for the reader, and the letters it reads
    as functions; None when the step is not one (see the module's notes)."""
    joined = _PRIME.sub("'", f"{lhs} {rhs}")
    if "'" not in joined:
        return None
    bare = _DERIVATIVE_BY.sub(" ", joined)
    commands = set(re.findall(r"\\[a-zA-Z]+|\\[,;! ]", bare))
    if commands - _COMMANDS:
        return None
    tokens = [t for t in _TOKEN.findall(bare) if not t.isspace()]
    letters = {t for t in tokens if len(t) == 1 and t.isalpha()}
    functions = {
        t for t, after in zip(tokens, tokens[1:], strict=False) if t in letters and after == "'"
    } - {"e"}
    arguments = set(re.findall(r"(?<![\\a-zA-Z_^])[a-zA-Z]\s*'*\s*\(\s*([a-z])\s*\)", joined))
    arguments |= set(_DERIVATIVE_BY.findall(joined))
    if not functions or len(arguments) > 1 or arguments & functions:
        return None
    variable = next(iter(arguments), "") or next(c for c in "txuvs" if c not in letters)
    if letters - functions - {variable}:
        return None  # a constant, or a function never primed: not a rule read so
    written = [set(_TOKEN.findall(side)) & functions for side in (lhs, rhs)]
    if written[0] != written[1]:
        return None  # h'(x) = f'(g(x)) g'(x): h is f∘g, said elsewhere
    sides = [_rewritten(side, functions, variable) for side in (lhs, rhs)]
    if sides[0] is None or sides[1] is None or sides == [lhs, rhs]:
        return None
    return sides[0], sides[1], functions


def calculus_rule(meanings: Meanings, base: StepResult, text: str) -> StepResult | None:
    """``base``'s step judged as a rule of calculus (see the module's notes), or None; ``text``
    the document's, where its letters may be given a meaning of their own."""
    check_document = DOCUMENT_READER.get()  # (set by the reader: no import of it here)
    if check_document is None:
        return None
    if not meanings.primes_differentiate or PRIMES_SAID.get() or PRIME_SAID.search(text):
        return None  # "$y' = 1 - y$" a name, "a prime denotes d/dt": primes said otherwise
    if _TRANSPOSE_SAID.search(text):
        return None  # "$'$ is the transpose (Octave notation)"
    known = meanings.functions.items()  # (g and h of a quotient rule: unknown functions)
    defined = set(meanings.table) | {n for n, f in known if f.value is not None or f.unread}
    defined |= particular(text, text) | set(quantities(text))
    found = rule_sides(base.lhs, base.rhs, defined)
    if found is None:
        return None
    lhs, rhs, functions = found
    steps = check_document(f"$${lhs} = {rhs}$$\n", conventions=True).steps
    if len(steps) != 1 or steps[0].status not in ("holds", "fails"):
        return None
    judged, names = steps[0], ", ".join(sorted(functions))
    if judged.status == "holds":
        if judged.summary != "holds":
            return None
        return replace(
            base,
            status="holds",
            summary=f"holds for every differentiable {names} (a rule of calculus)",
        )
    if functions & defined:
        shown = judged.message().partition("; ")[2]
        return replace(
            base,
            status="not checked",
            summary=f"not checked: ambiguous: fails as a rule for any functions {names} "
            f"({shown}), but the text defines {', '.join(sorted(functions & defined))}, for "
            "which it may hold",
            hypothesis_stated=True,
        )
    return replace(
        base,
        status="fails",
        summary=f"fails as a rule for any differentiable {names}",
        cases=judged.cases,
    )


__all__ = ["DOCUMENT_READER", "calculus_rule", "rule_sides"]
