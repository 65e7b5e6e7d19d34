"""A step that fails for a letter the document never defines in its mathematics, yet holds for
one value of it whatever the other names are (``a e^{ax} = 2 e^{2x}`` holds for every x when
a = 2), in a text that gives the letter a value in words ("every $a$ below is the number two",
"$T$ is set to one"), which this reader does not read: the step is not judged, and the message
names the value (never a flag under a reading the author may not have meant)."""

from __future__ import annotations

import random
import re

import sympy

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import is_index
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings

_NUMBER_WORDS = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|a\s+half|\d+(?:\.\d+)?)"
# "every $a$ below is the number two", "$T$ is set to one": a letter, a link, a number
_WORDED = lazy(
    r"(?<![\\$])\$\s*+([A-Za-z])\s*+\$(?=[^.$\n]{0,40}?\b(?:is|are|be|equals?|equal\s+to|set\s+to"
    r"|fixed\s+(?:at|to))\s++(?:(?:the|a)\s++(?:number|value|constant)\s++|exactly\s++|always\s++)?"
    + _NUMBER_WORDS
    + r"\b)",
    re.IGNORECASE,
)


# "we fix the temperature at one", "the temperature is 1": the temperature's letter, T or τ
_TEMPERATURE = lazy(
    r"\btemperature\s++(?:is\s++|=\s*+|equals?\s++|of\s++)?(?:(?:set|fixed|kept)\s++)?"
    r"(?:at\s++|to\s++)?" + _NUMBER_WORDS + r"\b"
    r"|\bunit\s++temperature\b|\btemperature\s++(?:of\s++)?unity\b"  # "at unit temperature"
    # … in Japanese, Korean, Chinese, Russian: 温度を1とする, 온도를 1로, 温度为一
    r"|温度\s*+(?:を|は|が|为|為|是|取|设为|設為|=)?\s*+(?:1|一|１)|(?:온도를|온도가|온도는)\s*+1"
    r"|температур\w*\s++(?:равн\w*\s++|\w+\s++)?(?:1|единиц\w*)\b",
    re.IGNORECASE,
)


def worded_values(text: str) -> set[str]:
    """The letters a sentence gives a value in words.

    >>> sorted(worded_values("so every $a$ below is the number two. Let $T$ be the temperature."))
    ['a']
    >>> sorted(worded_values("At test time we fix the temperature at one."))
    ['T', 'tau']
    >>> sorted(worded_values("At unit temperature this is the ordinary softmax,"))
    ['T', 'tau']
    """
    found = {match.group(1) for match in _WORDED.finditer(text)}
    return found | ({"T", "tau"} if _TEMPERATURE.search(text) else set())


# the values a text gives a constant in words: small whole numbers and a half
_VALUES = (sympy.Integer(2), sympy.Integer(1), sympy.Integer(0), sympy.Integer(-1))
_VALUES += (sympy.Integer(3), sympy.Integer(4), sympy.Integer(10), sympy.Rational(1, 2))
_POINTS = 3


def refuse_unstated_value(sides: list[sympy.Expr], meanings: Meanings) -> None:
    """Raise :class:`Unreadable` when one plain letter of the step that the document gives no
    meaning in its mathematics, and a value in words, makes it hold at a value of
    :data:`_VALUES` for every value of its other names (tried at a few random points, with
    the sums written out at three terms, every index case with indices apart or together)."""
    if len(sides) != 2 or not meanings.worded_values:
        return
    difference = sides[0] - sides[1]
    if difference.has(sympy.Integral, sympy.Derivative):
        return
    sizes = {x for s in difference.atoms(sympy.Sum) for _, _, top in s.limits for x in top.atoms()}
    labels = {e.base.label for e in difference.atoms(sympy.Indexed)}
    letters = sorted(
        (
            s
            for s in difference.free_symbols
            if not is_index(s)
            and s not in labels
            and s not in sizes
            and str(s) not in meanings.table
            and str(s) in meanings.worded_values
        ),
        key=str,
    )
    if not letters:
        return
    forms = _written_out(difference, sizes)
    rng = random.Random(20261202)
    for letter in letters:
        for value in _VALUES:
            if forms and all(_holds_everywhere(form, letter, value, rng) for form in forms):
                raise Unreadable(
                    f"fails unless {letter} = {value}, and holds then for every value of the "
                    f"other names: the text gives {letter} a value in words, not read here"
                )


def _written_out(difference: sympy.Expr, sizes: set[sympy.Basic]) -> list[sympy.Expr]:
    """``difference`` with its sums written out at three terms, in each index case: the free
    indices apart (1, 2, …) and together (all 1)."""
    expr = difference.xreplace({size: sympy.Integer(3) for size in sizes})
    if sizes:
        expr = expr.doit()
    indices = sorted((s for s in expr.free_symbols if is_index(s)), key=str)
    if len(indices) > 3:
        return []
    apart = {index: sympy.Integer(n + 1) for n, index in enumerate(indices)}
    together = {index: sympy.Integer(1) for index in indices}
    return [expr.xreplace(apart), expr.xreplace(together)]


def _holds_everywhere(
    form: sympy.Expr, letter: sympy.Symbol, value: sympy.Expr, rng: random.Random
) -> bool:
    """``form`` with ``letter`` at ``value`` is zero at a few random points of its other names
    (one at least: with none, a value making it zero is a root, not a constant's value)."""
    entries = form.atoms(sympy.Indexed)
    labels = {e.base.label for e in entries}
    names = sorted(entries | (form.free_symbols - labels - {letter}), key=str)
    if not names or form.has(sympy.Sum):
        return False
    expr = form.xreplace({letter: value})
    for _ in range(_POINTS):
        point = {name: sympy.Rational(rng.randint(-9, 9), rng.randint(2, 7)) for name in names}
        try:
            number = complex(expr.xreplace(point).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if number != number or abs(number) > 1e-12:
            return False
    return True


def refuse_aliased(sides: list[sympy.Expr], meanings: Meanings) -> None:
    """Raise :class:`Unreadable` when a refuted step writes a plain letter that the text sets
    equal to an entry of a vector (``y_1 = \\frac{e^u}{e^u + e^v}`` after "inputs $a_1 = u$,
    $a_2 = v$"): the letter is that entry written another way, no independent variable, and a
    counterexample that takes it free is no mistake of the author's (red team 72 b)."""
    letters = {s.name for side in sides for s in side.free_symbols if isinstance(s, sympy.Symbol)}
    vectors = {str(e.base.label) for side in sides for e in side.atoms(sympy.Indexed)}
    # (only beside the vector of that entry: u alone, "where $u = x_1$", is a variable still)
    tied = sorted(x for x in letters & meanings.aliases.keys() if meanings.aliases[x][0] in vectors)
    if tied:
        said = ", ".join(f"{letter} = {meanings.aliases[letter]}" for letter in tied)
        raise Unreadable(
            f"the text sets {said}: an input written two ways, not an independent variable; "
            "the step fails only with it free, not read"
        )
