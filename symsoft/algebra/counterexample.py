"""The one place a :class:`~symsoft.results.Counterexample` is built.

Every refutation ends at a point where the two sides differ: the prover's random exact points,
the local ring of one entry, the ring of the batched regression.  Each finds its point its own
way; they all hand the point and the two values here, so that a value is shown the same way
wherever it was found (exact ``p/q``, shortened when huge, with its decimal next to it).

Each value is kept as its text and, for the reports, its LaTeX, both made here from the value
itself (:class:`~symsoft.results.CounterexampleLatex`): no printer reads a value back from text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import flint
import sympy
from mpmath import libmp as mlib

from symsoft.algebra.rational import shown
from symsoft.results import Counterexample, CounterexampleLatex

Value = sympy.Rational | flint.fmpq
Point = Iterable[tuple[str, sympy.Expr | int]]

LATEX_LENGTH = 400
"""A value whose text is longer is shown as text, not typeset."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _float(value: Value) -> float:
    """``float(sympy.Rational(value))``, which takes seconds when the numerator and the
    denominator have a million digits (a gcd, then mpmath's pure-Python normalisation).

    Where the result is a normal float or rounds to zero, Python's ``int / int`` gives the same
    correctly rounded value at once, and far above the largest float it is infinite, as
    SymPy's is; at the edges (subnormal, just above the largest float) SymPy's rounding runs.
    """
    numerator, denominator = int(value.p), int(value.q)
    scale = abs(numerator).bit_length() - denominator.bit_length()  # 2^(scale±1) bounds it
    if -1021 <= scale <= 1022 or scale <= -1077:
        return numerator / denominator
    if scale >= 1025:  # above 2^1024: SymPy's float overflows to infinity
        return math.inf if numerator > 0 else -math.inf
    if denominator == 1:
        return mlib.to_float(mlib.from_int(numerator, 53, mlib.round_nearest))
    return mlib.to_float(mlib.from_rational(numerator, denominator, 53, mlib.round_nearest))


def _typeset(expr: sympy.Basic) -> bool:
    """Whether the reports typeset ``expr``: numbers, plain names, ``+ − × ÷``, ``log`` and
    ``exp``.  Anything else (powers, roots, indexed names, constants but π) is shown as text."""
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Rational) or node is sympy.pi or node.is_Add or node.is_Mul:
            continue
        if isinstance(node, sympy.Float):
            if not node.is_finite:
                return False
        elif isinstance(node, sympy.Symbol):
            if isinstance(node, sympy.Dummy) or not _NAME.fullmatch(node.name):
                return False
        elif node.is_Pow:
            if node.exp != -1:
                return False
        elif not isinstance(node, (sympy.log, sympy.exp)) or len(node.args) != 1:
            return False
    return True


def _latex(expr: sympy.Basic, text: str) -> str | None:
    r"""The LaTeX of a value shown as ``text``, or None when it is shown as text.

    >>> print(_latex(4 * sympy.log(sympy.Rational(2, 3)) / 3, "4*log(2/3)/3"))
    \frac{4 \log{\left(\frac{2}{3} \right)}}{3}
    >>> _latex(sympy.sqrt(2), "sqrt(2)") is None
    True
    """
    if len(text) > LATEX_LENGTH or not _typeset(expr):
        return None
    return sympy.latex(expr)


def _rational_latex(value: Value, text: str) -> str | None:
    if len(text) > LATEX_LENGTH or "…" in text:  # shortened: a number of a million digits
        return None
    return sympy.latex(sympy.Rational(int(value.p), int(value.q)))


def _values(pairs: Point) -> tuple[tuple[tuple[str, str], ...], tuple[str | None, ...]]:
    texts: list[tuple[str, str]] = []
    latex: list[str | None] = []
    for name, value in pairs:
        if isinstance(value, str):
            raise TypeError(f"the value of {name} is the text {value!r}: pass a SymPy value")
        expr = sympy.Integer(value) if isinstance(value, int) else value  # never parses text
        texts.append((name, str(expr)))
        latex.append(_latex(expr, texts[-1][1]))
    return tuple(texts), tuple(latex)


def exact(point: Point, left: Value, right: Value, others: Point = ()) -> Counterexample:
    """The counterexample at ``point`` where the left side is exactly ``left`` and the right
    side exactly ``right`` (rationals), ``others`` the value every other member shares.
    The values of ``point`` and ``others`` are SymPy numbers or expressions.

    >>> exact([("a_1", 0)], sympy.Rational(1, 2), sympy.Rational(1, 4)).describe()
    'a_1 = 0: left side = 1/2 ≈ 0.5, right side = 1/4 ≈ 0.25'
    """
    point_texts, point_latex = _values(point)
    other_texts, other_latex = _values(others)
    lhs, rhs = shown(left), shown(right)
    return Counterexample(
        point=point_texts,
        lhs=lhs,
        rhs=rhs,
        lhs_float=_float(left),
        rhs_float=_float(right),
        others=other_texts,
        latex=CounterexampleLatex(
            point_latex,
            other_latex,
            _rational_latex(left, lhs),
            _rational_latex(right, rhs),
        ),
    )


def approximate(point: Point, left: sympy.Float, right: sympy.Float) -> Counterexample:
    """The counterexample at ``point`` where the two sides were only evaluated numerically
    (to 20 significant digits shown): not exact, and said so.

    >>> approximate([("z", 1)], sympy.Float(1), sympy.Float(2)).exact
    False
    """
    point_texts, point_latex = _values(point)
    lhs, rhs = sympy.N(left, 20), sympy.N(right, 20)
    return Counterexample(
        point=point_texts,
        lhs=str(lhs),
        rhs=str(rhs),
        lhs_float=float(left),
        rhs_float=float(right),
        exact=False,
        latex=CounterexampleLatex(point_latex, (), _latex(lhs, str(lhs)), _latex(rhs, str(rhs))),
    )
