"""The catalogue: what is claimed, for which entries, under which hypotheses.

A theorem pairs a *mechanical side* (a function of the family and the variable it is
differentiated by, e.g. ``S_i`` and ``a_j``) with a *closed form* written once in index
notation (``S_i(δ_ij − S_j)``).  The catalogue knows nothing of provers or reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from types import FunctionType, ModuleType
from typing import TYPE_CHECKING, Literal

from symsoft.errors import InputError

if TYPE_CHECKING:
    import sympy

    from symsoft.catalogue.shapes import Shape

Kind = Literal[
    "softmax-jacobian",
    "log-softmax-jacobian",
    "lse-gradient",
    "temperature-jacobian",
    "vjp",
    "cross-entropy-gradient",
    "cross-entropy-hessian",
    "label-smoothing-gradient",
    "two-class-sigmoid",
    "sigmoid-derivative",
    "bce-gradient",
    "softmax-regression-gradient",
]
Entries = Literal["diagonal", "off-diagonal", "all", "vector", "scalar", "weights"]

HYPOTHESES = {
    "sum-to-one": r"\sum_{j=1}^{N} y_j = 1",
    "one-hot": r"y \text{ is one-hot}",
    "label-smoothing": r"y_k = (1 - \varepsilon)\,\delta_{kc} + \varepsilon / N "
    r"\text{ for a class } c",
    "rows-sum-to-one": r"\sum_{k=1}^{K} Y_{nk} = 1 \text{ for every sample } n",
}
HYPOTHESES_TEXT = {
    "sum-to-one": "sum_j y_j = 1",
    "one-hot": "y is one-hot",
    "label-smoothing": "y_k = (1 - eps) [k = c] + eps/N for a class c",
    "rows-sum-to-one": "sum_k Y_nk = 1 for every sample n",
}
# a hypothesis that implies another (one-hot ⇒ Σ y = 1): used to say what is *not* needed
STRONGER = {"sum-to-one": ("one-hot",)}
MAX_N = 4096  # the largest size a run accepts


@dataclass(frozen=True)
class Sizes:
    """The sizes a run works at: ``n`` classes; the batched regression also has ``samples``
    (M), ``features`` (D) and its own number of ``classes`` (K)."""

    n: int
    samples: int = 2
    features: int = 2
    classes: int = 3

    @staticmethod
    def of(sizes: int | Sizes) -> Sizes:
        return sizes if isinstance(sizes, Sizes) else Sizes(sizes)


@dataclass(frozen=True)
class Theorem:
    """One claimed identity, entry by entry.

    ``closed_form`` is a SymPy expression in the index notation of :mod:`symsoft.catalogue.notation`
    (``S[i]``, ``p[i]``, ``y[i]``, ``KroneckerDelta(i, j)``, ``Sum(y[k], (k, 1, N))``).  It is
    given either as that expression or as a function of the notation module that builds it on
    first use, so that listing the catalogue never loads SymPy.
    """

    name: str
    title: str
    kind: Kind
    entries: Entries
    closed: sympy.Expr | Callable[[ModuleType], sympy.Expr]
    statement: str
    hypotheses: tuple[str, ...] = ()
    text: str = ""  # the claim in plain text, for terminals

    @property
    def shape(self) -> Shape:
        """What the theorem differentiates and how each verifier treats it (by its kind)."""
        from symsoft.catalogue.shapes import SHAPES

        return SHAPES[self.kind]

    @cached_property
    def closed_form(self) -> sympy.Expr:
        """The closed form as a SymPy expression in index notation."""
        if isinstance(self.closed, FunctionType):
            from symsoft.catalogue import notation

            return self.closed(notation)
        return self.closed

    def indices(self, sizes: int | Sizes, rows: range | None = None) -> Iterator[tuple[int, ...]]:
        """The 1-based entries the theorem covers at these sizes (only those whose first index
        lies in ``rows``, when given)."""
        sizes = Sizes.of(sizes)
        n = sizes.n
        if self.entries == "scalar":
            yield ()
            return
        first = range(1, (sizes.features if self.entries == "weights" else n) + 1)
        if rows is not None:
            first = range(max(first.start, rows.start), min(first.stop, rows.stop))
        for i in first:
            if self.entries == "vector":
                yield (i,)
            elif self.entries == "weights":
                yield from ((i, column) for column in range(1, sizes.classes + 1))
            elif self.entries == "diagonal":
                yield (i, i)
            else:
                for j in range(1, n + 1):
                    if self.entries == "all" or i != j:
                        yield (i, j)

    def rows(self, sizes: int | Sizes) -> int:
        """How many values the first index takes (the unit of parallel work)."""
        sizes = Sizes.of(sizes)
        return {"scalar": 1, "weights": sizes.features}.get(self.entries, sizes.n)

    def count(self, sizes: int | Sizes) -> int:
        sizes = Sizes.of(sizes)
        n = sizes.n
        return {
            "scalar": 1,
            "vector": n,
            "diagonal": n,
            "off-diagonal": n * (n - 1),
            "all": n * n,
            "weights": sizes.features * sizes.classes,
        }[self.entries]

    def without(self, hypothesis: str) -> Theorem:
        """The same claim with one hypothesis taken away (to see whether it is needed)."""
        rest = tuple(h for h in self.hypotheses if h != hypothesis)
        return Theorem(
            self.name,
            self.title,
            self.kind,
            self.entries,
            self.closed,
            self.statement,
            rest,
            self.text,
        )

    def with_closed_form(self, closed_form: sympy.Expr, name: str | None = None) -> Theorem:
        """The same claim with another closed form (to check a formula of your own)."""
        import sympy

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
        import sympy

        return sympy.latex(self.closed_form)


# Closed forms are functions of the notation module `nt`: built when first used.

CATALOGUE: tuple[Theorem, ...] = (
    Theorem(
        "softmax-jacobian-diagonal",
        "Softmax Jacobian, diagonal",
        "softmax-jacobian",
        "diagonal",
        lambda nt: nt.S[nt.i] * (1 - nt.S[nt.i]),
        r"D_i S_i = \frac{\partial S_i}{\partial a_i} = S_i (1 - S_i)",
        text="D_i S_i = S_i(1 - S_i)",
    ),
    Theorem(
        "softmax-jacobian-offdiagonal",
        "Softmax Jacobian, off-diagonal",
        "softmax-jacobian",
        "off-diagonal",
        lambda nt: -nt.S[nt.i] * nt.S[nt.j],
        r"D_j S_i = \frac{\partial S_i}{\partial a_j} = -S_i S_j \quad (i \neq j)",
        text="D_j S_i = -S_i S_j (i != j)",
    ),
    Theorem(
        "log-softmax-jacobian",
        "Log-softmax Jacobian",
        "log-softmax-jacobian",
        "all",
        lambda nt: nt.delta(nt.i, nt.j) - nt.S[nt.j],
        r"\frac{\partial \log S_i}{\partial a_j} = \delta_{ij} - S_j",
        text="d log S_i / da_j = delta_ij - S_j",
    ),
    Theorem(
        "log-sum-exp-gradient",
        "Log-sum-exp gradient",
        "lse-gradient",
        "vector",
        lambda nt: nt.S[nt.i],
        r"\frac{\partial}{\partial a_i} \log \sum_{k=1}^{N} e^{a_k} = S_i",
        text="d/da_i log sum_k e^(a_k) = S_i",
    ),
    Theorem(
        "softmax-temperature-jacobian",
        "Softmax with temperature T > 0",
        "temperature-jacobian",
        "all",
        lambda nt: nt.S[nt.i] * (nt.delta(nt.i, nt.j) - nt.S[nt.j]) / nt.T,
        r"\frac{\partial S_i}{\partial a_j} = \frac{S_i(\delta_{ij} - S_j)}{T}, \quad "
        r"S = \operatorname{softmax}(a / T)",
        text="dS_i/da_j = S_i(delta_ij - S_j)/T for S = softmax(a/T)",
    ),
    Theorem(
        "softmax-vjp",
        "Vector-Jacobian product",
        "vjp",
        "vector",
        lambda nt: nt.S[nt.i] * (nt.v[nt.i] - nt.total_of(nt.S[nt.k] * nt.v[nt.k])),
        r"(J^\top v)_i = \sum_{k=1}^{N} v_k \frac{\partial S_k}{\partial a_i} "
        r"= S_i \Big(v_i - \sum_{k=1}^{N} S_k v_k\Big)",
        text="(J^T v)_i = S_i (v_i - sum_k S_k v_k)",
    ),
    Theorem(
        "cross-entropy-gradient",
        "Cross-entropy gradient",
        "cross-entropy-gradient",
        "vector",
        lambda nt: nt.p[nt.i] * nt.total(nt.y) - nt.y[nt.i],
        r"\frac{\partial L}{\partial o_i} = p_i \sum_{j=1}^{N} y_j - y_i",
        text="dL/do_i = p_i sum_j y_j - y_i",
    ),
    Theorem(
        "cross-entropy-gradient-normalized",
        "Cross-entropy gradient, normalised targets",
        "cross-entropy-gradient",
        "vector",
        lambda nt: nt.p[nt.i] - nt.y[nt.i],
        r"\frac{\partial L}{\partial o_i} = p_i - y_i \quad \text{given } \sum_{j=1}^{N} y_j = 1",
        ("sum-to-one",),
        text="dL/do_i = p_i - y_i, given sum_j y_j = 1",
    ),
    Theorem(
        "cross-entropy-hessian",
        "Cross-entropy Hessian",
        "cross-entropy-hessian",
        "all",
        lambda nt: nt.total(nt.y) * (nt.p[nt.i] * nt.delta(nt.i, nt.j) - nt.p[nt.i] * nt.p[nt.j]),
        r"\frac{\partial^2 L}{\partial o_i \partial o_j} = "
        r"\Big(\sum_{k=1}^{N} y_k\Big)(p_i \delta_{ij} - p_i p_j)",
        text="d2L/do_i do_j = (sum_k y_k)(p_i delta_ij - p_i p_j)",
    ),
    Theorem(
        "cross-entropy-hessian-normalized",
        "Cross-entropy Hessian, normalised targets",
        "cross-entropy-hessian",
        "all",
        lambda nt: nt.p[nt.i] * nt.delta(nt.i, nt.j) - nt.p[nt.i] * nt.p[nt.j],
        r"\frac{\partial^2 L}{\partial o_i \partial o_j} = p_i \delta_{ij} - p_i p_j"
        r" \quad (\operatorname{diag}(p) - p p^\top) \quad \text{given } \sum_j y_j = 1",
        ("sum-to-one",),
        text="d2L/do_i do_j = p_i delta_ij - p_i p_j, given sum_j y_j = 1",
    ),
    Theorem(
        "label-smoothing-gradient",
        "Cross-entropy gradient with label smoothing",
        "label-smoothing-gradient",
        "all",
        lambda nt: nt.p[nt.i] - ((1 - nt.epsilon) * nt.delta(nt.i, nt.c) + nt.epsilon / nt.N),
        r"\frac{\partial L}{\partial o_i} = p_i - y^{\mathrm{ls}}_i, \quad "
        r"y^{\mathrm{ls}}_i = (1 - \varepsilon)\,\delta_{ic} + \frac{\varepsilon}{N}",
        ("label-smoothing",),
        text="dL/do_i = p_i - y^ls_i, y^ls = (1 - eps) onehot_c + eps/N",
    ),
    Theorem(
        "two-class-softmax-is-sigmoid",
        "Two classes are a sigmoid",
        "two-class-sigmoid",
        "scalar",
        lambda nt: nt.sigmoid(nt.a[2] - nt.a[1]),
        r"\operatorname{softmax}(a_1, a_2)_2 = \sigma(a_2 - a_1), \quad "
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        text="softmax(a_1, a_2)_2 = sigma(a_2 - a_1)",
    ),
    Theorem(
        "sigmoid-derivative",
        "Sigmoid derivative",
        "sigmoid-derivative",
        "scalar",
        lambda nt: nt.sigmoid(nt.z) * (1 - nt.sigmoid(nt.z)),
        r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z))",
        text="sigma'(z) = sigma(z)(1 - sigma(z))",
    ),
    Theorem(
        "binary-cross-entropy-gradient",
        "Binary cross-entropy with a sigmoid",
        "bce-gradient",
        "scalar",
        lambda nt: nt.sigmoid(nt.z) - nt.t,
        r"\frac{\partial}{\partial z}\Big[-t \log \sigma(z) - (1 - t) \log(1 - \sigma(z))\Big]"
        r" = \sigma(z) - t",
        text="d/dz BCE(sigma(z), t) = sigma(z) - t",
    ),
    Theorem(
        "softmax-regression-gradient",
        "Batched softmax regression",
        "softmax-regression-gradient",
        "weights",
        lambda nt: nt.over_samples(nt.X[nt.n, nt.i] * (nt.P[nt.n, nt.j] - nt.Y[nt.n, nt.j])) / nt.M,
        r"A = XW,\ L = -\frac{1}{M}\sum_{n=1}^{M}\sum_{k=1}^{K} Y_{nk} \log "
        r"\operatorname{softmax}(A_n)_k:\quad \frac{\partial L}{\partial W} = "
        r"\frac{X^\top (P - Y)}{M}",
        ("rows-sum-to-one",),
        text="dL/dW = X^T (P - Y) / M, A = XW",
    ),
)


def plain(expr: sympy.Expr) -> str:
    """A closed form in index notation as terminal text: ``S[i]*S[j]`` → ``S_i*S_j``."""
    import sympy

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
