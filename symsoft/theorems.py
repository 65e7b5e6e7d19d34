"""The catalogue: what is claimed, for which entries, under which hypotheses.

A theorem pairs a *mechanical side* (a function of the family and the variable it is
differentiated by, e.g. ``S_i`` and ``a_j``) with a *closed form* written once in index
notation (``S_i(δ_ij − S_j)``).  The catalogue knows nothing of provers or reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import sympy

from . import notation as nt
from .errors import InputError
from .functions import CrossEntropy, Softmax, cross_entropy, softmax

Kind = Literal["softmax-jacobian", "cross-entropy-gradient"]
Entries = Literal["diagonal", "off-diagonal", "all", "vector"]

HYPOTHESES = {
    "sum-to-one": r"\sum_{j=1}^{N} y_j = 1",
}


@dataclass(frozen=True)
class Theorem:
    """One claimed identity, entry by entry.

    ``closed_form`` is a SymPy expression in the index notation of :mod:`symsoft.notation`
    (``S[i]``, ``p[i]``, ``y[i]``, ``KroneckerDelta(i, j)``, ``Sum(y[k], (k, 1, N))``).
    """

    name: str
    title: str
    kind: Kind
    entries: Entries
    closed_form: sympy.Expr
    statement: str
    hypotheses: tuple[str, ...] = ()
    text: str = ""  # the claim in plain text, for terminals

    def indices(self, n: int) -> Iterator[tuple[int, ...]]:
        """The 1-based entries the theorem covers at size ``n``."""
        if self.entries == "vector":
            yield from ((i,) for i in range(1, n + 1))
            return
        for i in range(1, n + 1):
            for j in range(1, n + 1):
                if (
                    self.entries == "all"
                    or (self.entries == "diagonal" and i == j)
                    or (self.entries == "off-diagonal" and i != j)
                ):
                    yield (i, j)

    def count(self, n: int) -> int:
        return {"vector": n, "diagonal": n, "off-diagonal": n * (n - 1), "all": n * n}[self.entries]

    def with_closed_form(self, closed_form: sympy.Expr, name: str | None = None) -> Theorem:
        """The same claim with another closed form (to check a formula of your own)."""
        return Theorem(
            name or self.name + "-custom",
            self.title + " (custom closed form)",
            self.kind,
            self.entries,
            closed_form,
            self.statement.split("=")[0] + "= " + sympy.latex(closed_form),
            self.hypotheses,
            self.text.split("=")[0] + "= " + plain(closed_form),
        )

    @property
    def closed_form_latex(self) -> str:
        return sympy.latex(self.closed_form)


S, p, y, i, j, k, N = nt.S, nt.p, nt.y, nt.i, nt.j, nt.k, nt.N
_ysum = nt.total(y)

CATALOGUE: tuple[Theorem, ...] = (
    Theorem(
        "softmax-jacobian-diagonal",
        "Softmax Jacobian, diagonal",
        "softmax-jacobian",
        "diagonal",
        S[i] * (1 - S[i]),
        r"D_i S_i = \frac{\partial S_i}{\partial a_i} = S_i (1 - S_i)",
        text="D_i S_i = S_i(1 - S_i)",
    ),
    Theorem(
        "softmax-jacobian-offdiagonal",
        "Softmax Jacobian, off-diagonal",
        "softmax-jacobian",
        "off-diagonal",
        -S[i] * S[j],
        r"D_j S_i = \frac{\partial S_i}{\partial a_j} = -S_i S_j \quad (i \neq j)",
        text="D_j S_i = -S_i S_j (i != j)",
    ),
    Theorem(
        "cross-entropy-gradient",
        "Cross-entropy gradient",
        "cross-entropy-gradient",
        "vector",
        p[i] * _ysum - y[i],
        r"\frac{\partial L}{\partial o_i} = p_i \sum_{j=1}^{N} y_j - y_i",
        text="dL/do_i = p_i sum_j y_j - y_i",
    ),
    Theorem(
        "cross-entropy-gradient-normalized",
        "Cross-entropy gradient, normalised targets",
        "cross-entropy-gradient",
        "vector",
        p[i] - y[i],
        r"\frac{\partial L}{\partial o_i} = p_i - y_i \quad \text{given } \sum_{j=1}^{N} y_j = 1",
        ("sum-to-one",),
        text="dL/do_i = p_i - y_i, given sum_j y_j = 1",
    ),
)


def plain(expr: sympy.Expr) -> str:
    """A closed form in index notation as terminal text: ``S[i]*S[j]`` → ``S_i*S_j``."""
    text = sympy.sstr(expr)
    for name in ("S", "p", "y", "a", "o"):
        text = text.replace(f"{name}[", f"{name}_")
    return text.replace("]", "").replace("KroneckerDelta", "delta")


def find(name: str) -> Theorem:
    """The catalogue theorem called ``name``."""
    for theorem in CATALOGUE:
        if theorem.name == name:
            return theorem
    known = ", ".join(t.name for t in CATALOGUE)
    raise InputError(f"unknown theorem {name!r}; known: {known}")


class Family:
    """The concrete functions at one size ``n``, built once and shared by every entry."""

    def __init__(self, n: int):
        self.n = n
        self.cache: dict[str, object] = {}

    @cached_property
    def softmax(self) -> Softmax:
        return softmax(self.n)

    @cached_property
    def cross_entropy(self) -> CrossEntropy:
        return cross_entropy(self.n)

    @cached_property
    def indexed(self) -> dict[sympy.Basic, sympy.Expr]:
        """``S[m] ↦ S_m``, ``y[m] ↦ y_m``… for every concrete index ``m``."""
        table: dict[sympy.Basic, sympy.Expr] = {}
        s, ce = self.softmax, self.cross_entropy
        for m in range(1, self.n + 1):
            table[nt.S[m]] = s.outputs[m - 1]
            table[nt.a[m]] = s.logits[m - 1]
            table[nt.p[m]] = ce.probabilities.outputs[m - 1]
            table[nt.o[m]] = ce.logits[m - 1]
            table[nt.y[m]] = ce.targets[m - 1]
        return table

    def function(self, theorem: Theorem, index: tuple[int, ...]) -> tuple[sympy.Expr, sympy.Symbol]:
        """What is differentiated for this entry, and by which variable."""
        if theorem.kind == "softmax-jacobian":
            row, column = index
            return self.softmax.outputs[row - 1], self.softmax.logits[column - 1]
        return self.cross_entropy.loss, self.cross_entropy.logits[index[0] - 1]

    def closed(self, theorem: Theorem, index: tuple[int, ...]) -> sympy.Expr:
        """The closed form instantiated at this entry, over the concrete symbols."""
        binding = dict(zip((nt.i, nt.j), map(sympy.Integer, index), strict=False))
        binding[nt.N] = sympy.Integer(self.n)
        concrete = theorem.closed_form.subs(binding).doit()
        return concrete.xreplace(self.indexed)

    def assumptions(self, theorem: Theorem) -> list[sympy.Eq]:
        out = []
        for name in theorem.hypotheses:
            if name == "sum-to-one":
                out.append(sympy.Eq(sympy.Add(*self.cross_entropy.targets), 1))
        return out
