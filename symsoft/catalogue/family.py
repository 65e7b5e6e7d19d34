"""The concrete functions of every theorem at one set of sizes, built once per run.

``Family.function`` says what is differentiated for an entry (and by which variables),
``Family.closed`` instantiates a closed form written in index notation over the concrete
symbols, and ``Family.assumptions`` turns the theorem's hypotheses into prover hypotheses.
"""

from __future__ import annotations

from functools import cached_property

import sympy

from symsoft.algebra.prover import OneHot, Substitutions
from symsoft.catalogue import notation as nt
from symsoft.catalogue.functions import CrossEntropy, Softmax, cross_entropy, real_symbols, softmax
from symsoft.catalogue.theorems import Sizes, Theorem


class Family:
    """The concrete functions at one size, shared by every entry of every theorem."""

    def __init__(self, sizes: int | Sizes):
        self.sizes = Sizes.of(sizes)
        self.n = self.sizes.n
        self.cache: dict[object, object] = {}

    # --- builders ----------------------------------------------------------------------------

    @cached_property
    def softmax(self) -> Softmax:
        return softmax(self.n)

    @cached_property
    def tempered(self) -> Softmax:
        """``S = softmax(a / T)``."""
        return softmax(self.n, temperature=nt.T)

    @cached_property
    def cross_entropy(self) -> CrossEntropy:
        return cross_entropy(self.n)

    @cached_property
    def vector(self) -> tuple[sympy.Symbol, ...]:
        """The ``v`` of the vector-Jacobian product."""
        return real_symbols("v", self.n)

    @cached_property
    def vjp_terms(self) -> tuple[sympy.Expr, ...]:
        """The terms ``v_k S_k`` of ``f``."""
        return tuple(vk * sk for vk, sk in zip(self.vector, self.softmax.outputs, strict=True))

    @cached_property
    def vjp_function(self) -> sympy.Expr:
        """``f = Σ_k v_k S_k``: its gradient is ``Jᵀv``."""
        return sympy.Add(*self.vjp_terms)

    @cached_property
    def two_class(self) -> Softmax:
        return softmax(2)

    @cached_property
    def sigmoid_argument(self) -> sympy.Symbol:
        return sympy.Symbol("z", real=True)

    @cached_property
    def binary_target(self) -> sympy.Symbol:
        return sympy.Symbol("t", real=True)

    @cached_property
    def regression(self) -> dict[str, object]:
        """``A = XW``, ``P_n = softmax(A_n)``, ``L = -(1/M) Σ_n Σ_k Y_nk log P_nk``."""
        m, d, k = self.sizes.samples, self.sizes.features, self.sizes.classes
        x = sympy.Matrix(m, d, lambda r, c: sympy.Symbol(f"X_{r + 1}{c + 1}", real=True))
        w = sympy.Matrix(d, k, lambda r, c: sympy.Symbol(f"W_{r + 1}{c + 1}", real=True))
        y = sympy.Matrix(m, k, lambda r, c: sympy.Symbol(f"Y_{r + 1}{c + 1}", real=True))
        a = x * w
        probabilities = sympy.zeros(m, k)
        for row in range(m):
            exps = [sympy.exp(a[row, c]) for c in range(k)]
            partition = sympy.Add(*exps)
            for c in range(k):
                probabilities[row, c] = exps[c] / partition
        loss = (
            -sympy.Add(
                *(y[r, c] * sympy.log(probabilities[r, c]) for r in range(m) for c in range(k))
            )
            / m
        )
        return {"X": x, "W": w, "Y": y, "P": probabilities, "L": loss}

    # --- per entry ---------------------------------------------------------------------------

    def function(
        self, theorem: Theorem, index: tuple[int, ...]
    ) -> tuple[sympy.Expr, tuple[sympy.Symbol, ...]]:
        """What is differentiated for this entry, and by which variables (in order)."""
        return theorem.shape.function(self, index)

    def mechanical(self, theorem: Theorem, index: tuple[int, ...]) -> sympy.Expr:
        """``sympy.diff`` of the entry's function by its variables: the mechanical side."""
        function, variables = self.function(theorem, index)
        return sympy.diff(function, *variables) if variables else function

    def table(self, theorem: Theorem) -> dict[sympy.Basic, sympy.Expr]:
        """What the index notation means for this theorem: ``S[m] ↦ S_m``, ``y[m] ↦ y_m``…"""
        key = "table:" + theorem.kind
        if key in self.cache:
            return self.cache[key]  # type: ignore[return-value]
        table: dict[sympy.Basic, sympy.Expr] = {nt.N: sympy.Integer(self.n)}
        s = self.tempered if theorem.shape.tempered else self.softmax
        ce = self.cross_entropy
        for m in range(1, self.n + 1):
            table[nt.S[m]] = s.outputs[m - 1]
            table[nt.a[m]] = s.logits[m - 1]
            table[nt.p[m]] = ce.probabilities.outputs[m - 1]
            table[nt.o[m]] = ce.logits[m - 1]
            table[nt.y[m]] = ce.targets[m - 1]
            table[nt.v[m]] = self.vector[m - 1]
        table.update(theorem.shape.symbols(self))
        self.cache[key] = table
        return table

    def binding(
        self, theorem: Theorem, index: tuple[int, ...]
    ) -> dict[sympy.Symbol, sympy.Integer]:
        names = (nt.i, nt.c) if theorem.shape.second == "c" else (nt.i, nt.j)
        return dict(zip(names, map(sympy.Integer, index), strict=False))

    def closed(self, theorem: Theorem, index: tuple[int, ...]) -> sympy.Expr:
        """The closed form instantiated at this entry, over the concrete symbols."""
        binding: dict[sympy.Basic, sympy.Expr] = dict(self.binding(theorem, index))
        generic = self._generic_closed(theorem)
        if generic is not None:  # sums already unrolled: only the indices remain to bind
            return generic.xreplace(binding).xreplace(self.table(theorem))
        binding[nt.N] = sympy.Integer(self.n)
        binding[nt.M] = sympy.Integer(self.sizes.samples)
        concrete = theorem.closed_form.subs(binding).doit()
        return concrete.xreplace(self.table(theorem))

    def _generic_closed(self, theorem: Theorem) -> sympy.Expr | None:
        """The closed form at these sizes with its sums written out and the entry's indices
        still symbolic, when that needs no case distinction (no ``Piecewise``); else None."""
        key = ("generic closed form", theorem.closed_form)
        if key not in self.cache:
            sizes = {nt.N: sympy.Integer(self.n), nt.M: sympy.Integer(self.sizes.samples)}
            generic = theorem.closed_form.subs(sizes).doit()
            self.cache[key] = None if generic.has(sympy.Piecewise) else generic
        return self.cache[key]  # type: ignore[return-value]

    def assumptions(self, theorem: Theorem, index: tuple[int, ...]) -> list[object]:
        """The theorem's hypotheses for this entry, as :func:`symsoft.prove` takes them."""
        out: list[object] = []
        targets = self.cross_entropy.targets
        for name in theorem.hypotheses:
            if name == "sum-to-one":
                out.append(sympy.Eq(sympy.Add(*targets), 1))
            elif name == "one-hot":
                out.append(OneHot(targets))
            elif name == "label-smoothing":
                hot = index[1]
                eps, n = nt.epsilon, self.n
                out.append(
                    Substitutions(
                        (
                            {
                                y: (1 - eps) * int(m == hot) + eps / n
                                for m, y in enumerate(targets, 1)
                            },
                        ),
                        f"y is class {hot} smoothed by epsilon",
                    )
                )
            elif name == "rows-sum-to-one":
                y = self.regression["Y"]
                for row in range(self.sizes.samples):
                    out.append(sympy.Eq(sum(y[row, :]), 1))
        return out
