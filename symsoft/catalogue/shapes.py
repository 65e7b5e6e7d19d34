"""What each kind of theorem differentiates, and what each verifier needs to know about it.

A :class:`Shape` is the mathematics a kind of theorem owns: the function an entry
differentiates at a fixed size (over a :class:`~symsoft.catalogue.family.Family`), the same
function for a symbolic ``N``, which ring derivation computes it fast, and the traits the
verifiers and the claim reader ask about (a temperature, the name of the second index, how a
claim names the indices).  A new kind of theorem is one entry of :data:`SHAPES`; the
verifiers and the reader read these fields and never test the kind by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import sympy

from symsoft.catalogue import notation as nt

if TYPE_CHECKING:
    from symsoft.catalogue.family import Family
    from symsoft.catalogue.theorems import Kind

# a function, and the variables it is differentiated by
Built = tuple[sympy.Expr, tuple[sympy.Expr, ...]]
Ring = Literal["jacobian", "lse", "vjp", "gradient", "hessian", "regression"]


@dataclass(frozen=True)
class Shape:
    """The mathematics of one kind of theorem.

    ``function(family, index)`` is what entry ``index`` differentiates at a fixed size and by
    which variables; ``symbolic()`` the same for every ``N`` at once (symbolic ``N`` and
    indices), or None when ``N`` does not occur.  ``ring`` names the ring derivation of
    :mod:`symsoft.verification.entries` that computes an entry in O(1) (None: SymPy only);
    ``rows`` says what an entry's row shares with the other rows (the Jacobian of one output,
    or one term of the cross-entropy), for the reuse of proofs.  ``symbols(family)`` gives
    the names of the closed form beyond ``S, a, p, o, y, v`` their concrete meaning.
    """

    function: Callable[[Family, tuple[int, ...]], Built]
    symbolic: Callable[[], Built] | None = None
    ring: Ring | None = None
    rows: Literal["jacobian", "gradient"] | None = None
    tempered: bool = False  # S = softmax(a / T)
    second: Literal["j", "c"] = "j"  # the second index: a column, or the class of smoothed targets
    shown: str | None = None  # the function's name in the report when it is too long to show
    symbols: Callable[[Family], dict[sympy.Basic, sympy.Expr]] = field(default=lambda family: {})
    # the claim language: the derivatives that state this kind (quantity, variable, order),
    # how many indices an entry has, and which of the claim's index names are the row and column
    claimed: tuple[tuple[str, str, int], ...] = ()
    indices: int = 0
    claim_indices: Callable[[object], tuple[object, ...]] = field(default=lambda lhs: ())


# --- the functions for symbolic N (IndexedBase symbols, Σ over 1..N) ---------------------------


def partition(logits: sympy.IndexedBase, scale: sympy.Expr = sympy.S.One) -> sympy.Sum:
    """``Σ_{k=1}^N e^{logits_k / scale}``."""
    return sympy.Sum(sympy.exp(logits[nt.k] / scale), (nt.k, 1, nt.N))


def symbolic_softmax(
    m: sympy.Expr, logits: sympy.IndexedBase = nt.a, scale: sympy.Expr = sympy.S.One
) -> sympy.Expr:
    """``softmax(logits / scale)_m`` for a symbolic ``N``."""
    return sympy.exp(logits[m] / scale) / partition(logits, scale)


def symbolic_loss(target: sympy.Expr | None = None) -> sympy.Expr:
    """``L = −Σ_k y_k log p_k`` (``target`` in place of ``y_k`` when given), ``p = softmax(o)``."""
    target = target if target is not None else nt.y[nt.k]
    return -sympy.Sum(target * sympy.log(symbolic_softmax(nt.k, nt.o)), (nt.k, 1, nt.N))


def _smoothed_loss() -> Built:
    smoothed = (1 - nt.epsilon) * sympy.KroneckerDelta(nt.k, nt.c) + nt.epsilon / nt.N
    return symbolic_loss(smoothed), (nt.o[nt.i],)


# --- the functions at a fixed size ---------------------------------------------------------------


def _log_softmax(family: Family, index: tuple[int, ...]) -> Built:
    s = family.softmax
    key = ("log S", index[0])
    if key not in family.cache:
        family.cache[key] = sympy.log(s.outputs[index[0] - 1])
    return family.cache[key], (s.logits[index[1] - 1],)  # type: ignore[return-value]


def _binary_cross_entropy(family: Family, index: tuple[int, ...]) -> Built:
    z, t = family.sigmoid_argument, family.binary_target
    sigma = nt.sigmoid(z)
    return -t * sympy.log(sigma) - (1 - t) * sympy.log(1 - sigma), (z,)


def _regression_loss(family: Family, index: tuple[int, ...]) -> Built:
    r = family.regression
    return r["L"], (r["W"][index[0] - 1, index[1] - 1],)  # type: ignore[index]


def _two_class_symbols(family: Family) -> dict[sympy.Basic, sympy.Expr]:
    return dict(zip((nt.a[1], nt.a[2]), family.two_class.logits, strict=True))


def _sigmoid_symbols(family: Family) -> dict[sympy.Basic, sympy.Expr]:
    return {nt.z: family.sigmoid_argument, nt.t: family.binary_target}


def _regression_symbols(family: Family) -> dict[sympy.Basic, sympy.Expr]:
    r, sizes = family.regression, family.sizes
    table: dict[sympy.Basic, sympy.Expr] = {nt.M: sympy.Integer(sizes.samples)}
    for row in range(sizes.samples):
        for col in range(sizes.features):
            table[nt.X[row + 1, col + 1]] = r["X"][row, col]  # type: ignore[index]
        for col in range(sizes.classes):
            table[nt.P[row + 1, col + 1]] = r["P"][row, col]  # type: ignore[index]
            table[nt.Y[row + 1, col + 1]] = r["Y"][row, col]  # type: ignore[index]
    return table


def _row_and_column(lhs) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    return (lhs.quantity_index, lhs.variable_index)


def _variables(lhs) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    return tuple(lhs.variable_index)


def _variable(lhs) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    return (lhs.variable_index,)


# The claim language lists the derivatives it knows in this order.
SHAPES: dict[Kind, Shape] = {
    "softmax-jacobian": Shape(
        lambda f, index: (f.softmax.outputs[index[0] - 1], (f.softmax.logits[index[1] - 1],)),
        lambda: (symbolic_softmax(nt.i), (nt.a[nt.j],)),
        ring="jacobian",
        rows="jacobian",
        claimed=(("S", "a", 1), ("p", "o", 1)),
        indices=2,
        claim_indices=_row_and_column,
    ),
    "log-softmax-jacobian": Shape(
        _log_softmax,
        lambda: (sympy.log(symbolic_softmax(nt.i)), (nt.a[nt.j],)),
        ring="jacobian",
        rows="jacobian",
        claimed=(("log S", "a", 1), ("log p", "o", 1)),
        indices=2,
        claim_indices=_row_and_column,
    ),
    "cross-entropy-gradient": Shape(
        lambda f, index: (f.cross_entropy.loss, (f.cross_entropy.logits[index[0] - 1],)),
        lambda: (symbolic_loss(), (nt.o[nt.i],)),
        ring="gradient",
        shown="L",
        claimed=(("L", "o", 1),),
        indices=1,
        claim_indices=_variable,
    ),
    "cross-entropy-hessian": Shape(
        lambda f, index: (
            f.cross_entropy.loss,
            (f.cross_entropy.logits[index[0] - 1], f.cross_entropy.logits[index[1] - 1]),
        ),
        lambda: (symbolic_loss(), (nt.o[nt.i], nt.o[nt.j])),
        ring="hessian",
        rows="gradient",
        shown="L",
        claimed=(("L", "o", 2),),
        indices=2,
        claim_indices=_variables,
    ),
    "lse-gradient": Shape(
        lambda f, index: (sympy.log(f.softmax.partition_sum), (f.softmax.logits[index[0] - 1],)),
        lambda: (sympy.log(partition(nt.a)), (nt.a[nt.i],)),
        ring="lse",
        claimed=(("lse", "a", 1),),
        indices=1,
        claim_indices=_variable,
    ),
    "sigmoid-derivative": Shape(
        lambda f, index: (nt.sigmoid(f.sigmoid_argument), (f.sigmoid_argument,)),
        symbols=_sigmoid_symbols,
        claimed=(("sigma", "z", 1),),
    ),
    "temperature-jacobian": Shape(
        lambda f, index: (f.tempered.outputs[index[0] - 1], (f.tempered.logits[index[1] - 1],)),
        lambda: (symbolic_softmax(nt.i, nt.a, nt.T), (nt.a[nt.j],)),
        ring="jacobian",
        rows="jacobian",
        tempered=True,
    ),
    "vjp": Shape(
        lambda f, index: (f.vjp_function, (f.softmax.logits[index[0] - 1],)),
        lambda: (sympy.Sum(nt.v[nt.k] * symbolic_softmax(nt.k), (nt.k, 1, nt.N)), (nt.a[nt.i],)),
        ring="vjp",
        shown="f",
    ),
    "label-smoothing-gradient": Shape(
        lambda f, index: (f.cross_entropy.loss, (f.cross_entropy.logits[index[0] - 1],)),
        _smoothed_loss,
        ring="gradient",
        rows="gradient",
        second="c",
        shown="f",
    ),
    "two-class-sigmoid": Shape(
        lambda f, index: (f.two_class.outputs[1], ()),
        symbols=_two_class_symbols,
    ),
    "bce-gradient": Shape(_binary_cross_entropy, symbols=_sigmoid_symbols),
    "softmax-regression-gradient": Shape(
        _regression_loss, ring="regression", symbols=_regression_symbols
    ),
}
