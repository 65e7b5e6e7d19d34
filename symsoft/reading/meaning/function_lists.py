"""Functions defined together: a constant in a list with a function of the same variable is a
constant function (``$g(x) = 1$ and $h(x) = 1 + e^{-x}$``), and a function defined through
others (``f(x) = \\frac{g(x)}{h(x)}``) has their values where the text gives them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import sympy
from sympy.core.function import AppliedUndef

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import FunctionMeaning, Meanings

_CONNECTIVES = lazy(
    r"(?:\s|\$|[,;]|\\[,;:]|\\q?quad|\\text\s*\{\s*and\s*\}|\band\b|\bwhere\b|\bwith\b)*"
)
_AT_A_POINT = lazy(r"(?i)\b(?:at|when|whenever|if|once|for)\s*\$\s*[a-zA-Z]\s*=")
_AT_A_POINT_AFTER = lazy(r"(?i)\s*+\$?\s*+(?:at|when|whenever|if|for)\b")
_SENTENCE_END = lazy(r"[.!?:](?:\s|$)|\n\s*\n")


def in_a_list(
    name: str, written: dict[str, tuple[str, ...]], first_at: dict[str, int], prose: str
) -> bool:
    """Whether the constant ``name(x) = 1`` is defined in one list with a function of the same
    x (``$g(x) = 1$ and $h(x) = 1 + e^{-x}$``, ``g(x) = 1, \\quad h(x) = …``): then it is a
    constant function, the quotient rule's numerator of the sigmoid, not a value at a point."""
    variable, value = written[name][0], written[name][1].strip()
    end = prose.find(value, first_at[name])
    if end < 0 or _AT_A_POINT_AFTER.match(prose, end + len(value)):
        return False  # "$g(x) = 1$ at $x = 0$": a value at a point
    for other, (letter, rhs, *_) in written.items():
        if other == name or letter != variable:
            continue
        if not re.search(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z_])", rhs):
            continue  # not a function of x either (h(x) = \sum_k e^{x_k}, h(x) = 2)
        a, b = sorted((first_at[name], first_at[other]))
        gap = prose[a:b]
        head = re.match(r"[^=]*=\s*", gap)
        first = value if a == first_at[name] else rhs.strip()
        if head is None or not gap[head.end() :].startswith(first):
            continue
        between = gap[head.end() + len(first) :]
        starts = [m.end() for m in _SENTENCE_END.finditer(prose, max(a - 300, 0), a)]
        sentence = prose[starts[-1] if starts else max(a - 300, 0) : a]
        if _CONNECTIVES.fullmatch(between) and not _AT_A_POINT.search(sentence):
            return True  # "At $x = 0$, $g(x) = 1$ and …": values at a point
    return False


def composed(meanings: Meanings) -> None:
    """Each function whose value calls another the text defines with one value (``f(x) =
    \\frac{g(x)}{h(x)}``, ``g(x) = x``) takes that value: f is then ``x / h(x)``, read as one
    function, never with g as a free atom on one side of a step and as x on the other. A
    function defined again (two meanings) is put in where a step is judged (:func:`compose`
    with the meanings in force there); unknown ones stay atoms."""
    once = {n: f for n, f in meanings.functions.items() if n not in meanings.function_scopes}
    meanings.functions |= compose(once)


def compose(functions: dict[str, FunctionMeaning]) -> dict[str, FunctionMeaning]:
    """``functions`` with the value of each defined one put into the others' values."""
    defined = {name: f for name, f in functions.items() if f.value is not None}
    out = dict(functions)
    for _ in range(len(defined)):
        changed = False
        for name, function in list(defined.items()):
            calls = {
                call: defined[call.func.__name__]
                for call in function.value.atoms(AppliedUndef)
                if call.func.__name__ in defined
                and call.func.__name__ != name
                and len(call.args) == 1
            }
            if not calls:
                continue
            value = function.value.xreplace(
                {call: f.value.xreplace({f.variable: call.args[0]}) for call, f in calls.items()}
            )
            if value.has(sympy.Derivative):
                value = value.doit()
            defined[name] = out[name] = FunctionMeaning(
                name, function.variable, value, function.source
            )
            changed = True
        if not changed:
            break
    return _through_unread(out)


def _through_unread(functions: dict[str, FunctionMeaning]) -> dict[str, FunctionMeaning]:
    """A function whose value calls one whose meaning is not read is not read either."""
    unread = {name for name, f in functions.items() if f.unread}
    grown = True
    while grown:
        grown = False
        for name, f in list(functions.items()):
            calls = set() if f.value is None or f.unread else _called(f.value) & unread
            if calls:
                functions = functions | {name: replace(f, unread=f"it calls {min(calls)}")}
                unread.add(name)
                grown = True
    return functions


def _called(value: sympy.Expr) -> set[str]:
    return {call.func.__name__ for call in value.atoms(AppliedUndef)}


def through_scoped(
    written: dict[str, tuple[str, ...]],
    meanings: Meanings,
    read: Callable[[str, Meanings], sympy.Expr | str],
    applied: re.Pattern[str],
) -> None:
    """A function whose value calls one defined again (``f(x) = \\frac{g(x)}{h(x)}``, then
    "Later we take $g(x) = x$"), or calls one that does (g through u), is read with those as
    unknown functions, put in at each step with the meaning in force there (:func:`compose`),
    never fixed at their first meaning. ``read`` reads a value; ``applied`` finds the calls."""
    scoped = set(meanings.function_scopes)
    calls = {name: set(applied.findall(entry[1])) for name, entry in written.items()}
    affected: set[str] = set()
    while grown := {
        name
        for name, called in calls.items()
        if name not in scoped | affected
        and name in meanings.functions
        and called & (scoped | affected)
    }:
        affected |= grown
    atoms = scoped | affected
    saved = {n: meanings.functions[n] for n in atoms if n in meanings.functions}
    for n, f in saved.items():
        meanings.functions[n] = FunctionMeaning(n, f.variable, None, "unknown function")
    values = {name: read(written[name][1], meanings) for name in affected}
    meanings.functions.update(saved)
    for name, value in values.items():
        if not isinstance(value, str):
            variable = sympy.Symbol(written[name][0], real=True)
            source = meanings.functions[name].source
            meanings.functions[name] = FunctionMeaning(name, variable, value, source)
