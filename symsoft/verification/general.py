"""Proofs for every N at once: symbolic size, symbolic indices, one case split.

The functions are built with ``IndexedBase`` symbols and ``Sum(…, (k, 1, N))`` over a symbolic
``N``; SymPy's own ``diff`` differentiates them (``∂a_k/∂a_j = δ_jk``, and the derivative of
the partition sum comes out as ``Σ_k δ_jk e^{a_k} = e^{a_j}`` for ``1 ≤ j ≤ N``).  Then

* the piecewise results are resolved inside the domain ``1 ≤ i, j ≤ N``;
* a Jacobian-shaped theorem is split into the cases ``i = j`` and ``i ≠ j``;
* each remaining sum over ``k`` is pulled apart into ``(terms free of k) · Σ_k g(k)`` and every
  ``Σ_k g(k)`` becomes one opaque symbol (``Z = Σ_k e^{a_k}``, ``Y = Σ_k y_k``…);
* :func:`symsoft.algebra.prover.prove` decides the resulting identity exactly.

Treating the sums as independent symbols is sound for a proof: an identity of rational
functions in free symbols holds for whatever values they take.  A refutation is only reported
together with a concrete N at which it fails (found by the fixed-N verifier); otherwise the
verdict is unknown.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable

import sympy

from symsoft.algebra import sums
from symsoft.algebra.prover import prove
from symsoft.catalogue import notation as nt
from symsoft.catalogue.shapes import Shape, symbolic_softmax
from symsoft.catalogue.theorems import Sizes, Theorem
from symsoft.errors import UnsupportedExpression
from symsoft.results import EntryCheck, TheoremResult, Verdict, combine
from symsoft.verification.verifier import verify_theorem

a, o, y, v, i, j, k, c, N = nt.a, nt.o, nt.y, nt.v, nt.i, nt.j, nt.k, nt.c, nt.N
INDICES = (i, j, c)
SEARCH = range(1, 6)  # sizes tried for a concrete counterexample


def symbolic_function(theorem: Theorem) -> tuple[sympy.Expr, tuple[sympy.Expr, ...]] | None:
    """The theorem's function for symbolic N and its variables, or None (no N in it)."""
    build = theorem.shape.symbolic
    return None if build is None else build()


@functools.cache
def _mechanical(shape: Shape) -> sympy.Expr:
    """SymPy's derivative of the shape's symbolic function, sums evaluated: the same for every
    theorem of that shape (a Jacobian's diagonal and off-diagonal, a gradient with and without
    ``Σ y = 1``), so it is derived once."""
    function, variables = shape.symbolic()  # type: ignore[misc]
    return sums.doit(sympy.diff(function, *variables), N, lambda index: index in INDICES)


def _table(theorem: Theorem) -> dict[sympy.Basic, sympy.Expr]:
    """What ``S[m]`` and ``p[m]`` mean in the closed form, for symbolic indices."""
    scale = nt.T if theorem.shape.tempered else sympy.S.One
    return {"S": lambda m: symbolic_softmax(m, a, scale), "p": lambda m: symbolic_softmax(m, o)}  # type: ignore[return-value]


def _expand_notation(expr: sympy.Expr, theorem: Theorem) -> sympy.Expr:
    table = _table(theorem)
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed) and e.base.name in table,
        lambda e: table[e.base.name](e.indices[0]),
    )


def _in_domain(condition: sympy.Basic) -> sympy.Basic:
    """A piecewise condition with every fact of the domain ``1 ≤ index ≤ N`` replaced by True."""
    facts = {}
    for index in INDICES:
        for fact in (index <= N, N >= index, index >= 1, 1 <= index):
            facts[fact] = sympy.true
    return condition.xreplace(facts)


def _resolve(expr: sympy.Expr) -> sympy.Expr:
    def branch(*pairs):  # type: ignore[no-untyped-def]
        for value, condition in pairs:
            condition = _in_domain(condition)
            if condition is sympy.true:
                return value
            if condition is not sympy.false:
                raise UnsupportedExpression(
                    f"cannot decide the condition {condition} in 1 ≤ i, j ≤ N"
                )
        raise UnsupportedExpression("no branch of a piecewise result applies")  # pragma: no cover

    return expr.replace(sympy.Piecewise, branch)


class _Sums(sums.OpaqueSums):
    """Each distinct ``Σ_k g(k)`` as one symbol, and what it stands for (shown in the proof)."""

    def __init__(self) -> None:
        super().__init__(N)
        self.meaning: dict[sympy.Symbol, sympy.Sum] = {}

    def check(self, body: sympy.Expr) -> None:
        free_indices = body.free_symbols & set(INDICES)
        if free_indices:
            raise UnsupportedExpression(f"a sum whose terms depend on {free_indices}: Σ_k {body}")

    def made(self, symbol: sympy.Symbol, body: sympy.Expr) -> None:
        self.meaning[symbol] = sympy.Sum(body.xreplace({self.dummy: k}), (k, 1, N))


def _flatten_indexed(expr: sympy.Expr) -> sympy.Expr:
    """``a[i] ↦ a_i`` (real symbols): the prover works with plain variables."""
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed),
        lambda e: sympy.Symbol(f"{e.base.name}_{'_'.join(map(str, e.indices))}", real=True),
    )


def _cases(theorem: Theorem) -> list[tuple[str, dict]]:
    if theorem.entries in ("all", "diagonal", "off-diagonal"):
        second = c if theorem.shape.second == "c" else j
        name = "c" if second is c else "j"
        same = (f"i = {name}", {second: i})
        other = (
            f"i ≠ {name}",
            {sympy.KroneckerDelta(i, second): 0, sympy.KroneckerDelta(second, i): 0},
        )
        return {"all": [same, other], "diagonal": [same], "off-diagonal": [other]}[theorem.entries]
    return [("every i", {})]


def _decide_case(
    theorem: Theorem, mechanical: sympy.Expr, closed: sympy.Expr, case: dict
) -> Verdict:
    sums = _Sums()
    try:
        lhs = _resolve(
            mechanical.subs(case) if case and i in case.values() else mechanical.xreplace(case)
        )
        rhs = closed.subs(case) if case and i in case.values() else closed.xreplace(case)
        lhs, rhs = sums.atomize(lhs), sums.atomize(_expand_notation(rhs, theorem))
        lhs, rhs = sums.atomize(lhs), sums.atomize(rhs)  # sums exposed by the notation
        lhs, rhs = _flatten_indexed(lhs), _flatten_indexed(rhs)
    except UnsupportedExpression as exc:
        return Verdict("unknown", reason=str(exc))
    assumptions = []
    for name in theorem.hypotheses:
        if name not in ("sum-to-one", "label-smoothing"):
            return Verdict("unknown", reason=f"the hypothesis {name!r} is not encoded for every N")
        if name == "sum-to-one":
            target_sum = sums.symbols.get(y[sums.dummy])
            if target_sum is None:
                target_sum = sums.symbol(y[sums.dummy])
            assumptions.append(sympy.Eq(target_sum, 1))
    verdict = prove(lhs, rhs, assumptions)
    if verdict.status == "proved":
        shown = ", ".join(f"{s} = {sympy.sstr(m)}" for s, m in sums.meaning.items())
        return Verdict(
            "proved",
            reason=verdict.reason + (f"; {shown}" if shown else ""),
            certificate=verdict.certificate,
        )
    return verdict


def verify_general(theorem: Theorem, sizes: Sizes | None = None) -> TheoremResult:
    """``theorem`` for every N ≥ 1 at once (symbolic N and indices), case by case."""
    start = time.perf_counter()
    if theorem.shape.symbolic is None:
        fixed = verify_theorem(theorem, sizes or Sizes(2), derivations=False)
        where = (
            f"M = {fixed_sizes.samples}, D = {fixed_sizes.features}, K = {fixed_sizes.classes}"
            if (fixed_sizes := sizes or Sizes(2)) and theorem.entries == "weights"
            else "all real arguments"
        )
        return _result(
            theorem,
            fixed.status,
            [EntryCheck((), c.verdict, case=f"N does not occur; {where}") for c in fixed.checks],
            f"independent of N; {where}",
            start,
        )
    mechanical = _mechanical(theorem.shape)
    closed = theorem.closed_form
    checks = []
    for name, case in _cases(theorem):
        verdict = _decide_case(theorem, mechanical, closed, case)
        if verdict.status == "refuted":
            verdict = _concrete(theorem, name, verdict)
        checks.append(EntryCheck((), verdict, case=name))
    domain = {
        "all": "every N ≥ 1 and 1 ≤ i, j ≤ N (cases i = j and i ≠ j)",
        "diagonal": "every N ≥ 1 and 1 ≤ i = j ≤ N",
        "off-diagonal": "every N ≥ 2 and 1 ≤ i, j ≤ N with i ≠ j",
        "vector": "every N ≥ 1 and 1 ≤ i ≤ N",
    }[theorem.entries]
    if theorem.shape.second == "c":
        domain = domain.replace("j", "c")
    status = combine(ch.verdict.status for ch in checks)
    return _result(theorem, status, checks, domain, start)


def _concrete(theorem: Theorem, case: str, general: Verdict) -> Verdict:
    """A general refutation stands only with a concrete size where the claim fails."""
    for size in SEARCH:
        result = verify_theorem(theorem, size, derivations=False)
        for check in result.checks:
            if check.verdict.status == "refuted" and _in_case(check.index, case):
                return Verdict(
                    "refuted",
                    reason=f"fails at N = {size}, entry {check.index}: {check.verdict.reason}",
                    counterexample=check.verdict.counterexample,
                )
    return Verdict(
        "unknown",
        reason="the symbolic difference is not 0, but no size N ≤ 5 was found where it fails "
        f"({general.reason})",
    )


def _in_case(index: tuple[int, ...], case: str) -> bool:
    if "=" in case and "≠" not in case:
        return index[0] == index[1]
    if "≠" in case:
        return index[0] != index[1]
    return True


def _result(theorem: Theorem, status, checks, domain, start) -> TheoremResult:  # type: ignore[no-untyped-def]
    counts = {
        s: sum(ch.verdict.status == s for ch in checks) for s in ("proved", "refuted", "unknown")
    }
    return TheoremResult(
        theorem=theorem.name,
        title=theorem.title,
        statement=theorem.statement,
        closed_form=theorem.closed_form_latex,
        hypotheses=tuple(theorem.hypotheses),
        n=0,
        status=status,
        entries=len(checks),
        proved=counts["proved"],
        refuted=counts["refuted"],
        unknown=counts["unknown"],
        checks=tuple(checks),
        complete=True,
        derivations=(),
        method="general",
        seconds=time.perf_counter() - start,
        text=theorem.text,
        domain=domain,
    )


def general_results(
    theorems: Iterable[Theorem], sizes: Sizes | None = None
) -> tuple[TheoremResult, ...]:
    return tuple(verify_general(t, sizes) for t in theorems)
