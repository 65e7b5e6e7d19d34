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


def worded_values(text: str) -> set[str]:
    """The letters a sentence gives a value in words.

    >>> sorted(worded_values("so every $a$ below is the number two. Let $T$ be the temperature."))
    ['a']
    """
    return {match.group(1) for match in _WORDED.finditer(text)}


# the values a text gives a constant in words: small whole numbers and a half
_VALUES = (sympy.Integer(2), sympy.Integer(1), sympy.Integer(0), sympy.Integer(-1))
_VALUES += (sympy.Integer(3), sympy.Integer(4), sympy.Integer(10), sympy.Rational(1, 2))
_POINTS = 3


def refuse_unstated_value(sides: list[sympy.Expr], meanings: Meanings) -> None:
    """Raise :class:`Unreadable` when one plain letter of the step that the document gives no
    meaning in its mathematics, and a value in words, makes it hold at a value of
    :data:`_VALUES` for every value of its other names (tried at a few random points)."""
    if len(sides) != 2 or not meanings.worded_values:
        return
    difference = sides[0] - sides[1]
    if difference.has(sympy.Sum, sympy.Integral, sympy.Derivative):
        return  # numbers only: an unevaluated sum has no value at a point
    entries = difference.atoms(sympy.Indexed)
    labels = {e.base.label for e in entries}
    plain = {s for s in difference.free_symbols if not is_index(s) and s not in labels}
    letters = sorted(
        (s for s in plain if str(s) not in meanings.table and str(s) in meanings.worded_values),
        key=str,
    )
    others = entries | plain
    if not letters or len(others) < 2:
        return  # one name alone: a value making it hold is a root, not a constant's value
    rng = random.Random(20261202)
    for letter in letters:
        rest = sorted(others - {letter}, key=str)
        if not rest:
            continue
        for value in _VALUES:
            if _holds_everywhere(difference.xreplace({letter: value}), rest, rng):
                raise Unreadable(
                    f"fails unless {letter} = {value}, and holds then for every value of the "
                    f"other names: the text gives {letter} a value in words, not read here"
                )


def _holds_everywhere(expr: sympy.Expr, names: list[sympy.Basic], rng: random.Random) -> bool:
    for _ in range(_POINTS):
        point = {name: sympy.Rational(rng.randint(-9, 9), rng.randint(2, 7)) for name in names}
        try:
            value = complex(expr.xreplace(point).evalf(30))
        except (TypeError, ValueError, ZeroDivisionError):
            return False
        if value != value or abs(value) > 1e-12:
            return False
    return True
