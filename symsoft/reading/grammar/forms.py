"""What the reader returns: a Claim (its left side, a Derivative or an expression, and its Cases
with their index Conditions), and the ClaimSyntaxError that quotes the input and points at the
problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symsoft.errors import ClaimSyntaxError as ClaimSyntaxError  # defined with the others


@dataclass(frozen=True)
class Derivative:
    """The left side ``d quantity / d variable`` of a claim about a derivative.

    ``quantity`` is the name of what is differentiated: ``"S"``, ``"p"``, ``"L"``, ``"sigma"``,
    ``"log S"`` for ``\\log S_i``, ``"lse"`` for ``\\log \\sum_k e^{a_k}`` and ``\\mathrm{LSE}``.
    ``quantity_index`` is its index (a tuple when there are several, as in ``y_{nk}``).
    ``variable`` is the name differentiated by; ``D_j S_i`` means ``variable == "a"``.
    For ``order`` > 1, ``variable_index`` is the tuple of the indices, one per differentiation
    (``\\partial o_i \\partial o_j`` gives ``(i, j)``), or None when the variable has none.
    """

    quantity: str
    quantity_index: sympy.Expr | tuple[sympy.Expr, ...] | None
    variable: str
    variable_index: sympy.Expr | tuple[sympy.Expr, ...] | None
    order: int = 1


@dataclass(frozen=True)
class Condition:
    """An index condition ``left = right`` (``relation == "eq"``) or ``left ≠ right`` ("ne")."""

    relation: str
    left: sympy.Expr
    right: sympy.Expr


@dataclass(frozen=True)
class Case:
    """One value of a claim and the condition under which it is claimed (None: always)."""

    rhs: sympy.Expr
    condition: Condition | None


@dataclass(frozen=True)
class Claim:
    """``lhs = rhs``, with one case, or several from a ``cases`` block."""

    text: str
    lhs: Derivative | sympy.Expr
    cases: tuple[Case, ...]
