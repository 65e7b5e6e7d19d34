"""Runs for the report tests, built by hand, with real mathematics: the derivation strings
come from SymPy's own ``diff`` and ``cancel`` on the softmax and cross-entropy of N = 4, and the
counterexample values are exact evaluations.  The fixtures are named ``report_*`` so that they
cannot clash with those of other test modules (tests/conftest.py makes them visible)."""

from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import pytest
import sympy

import symsoft
from symsoft.algebra.counterexample import exact
from symsoft.render import view
from symsoft.results import (
    STATUSES,
    Counterexample,
    Derivation,
    EntryCheck,
    Run,
    TheoremResult,
    Verdict,
    combine,
)

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"

HYPOTHESIS = r"\sum_{j=1}^{N} y_j = 1"
PROVED_REASON = "the numerator of mechanical − closed form is identically 0"
REFUTED_REASON = "the numerator is not 0 at an exact rational point"
VERSIONS = (("symsoft", symsoft.__version__), ("sympy", sympy.__version__))


def _symbols(name: str, n: int, **assumptions: bool) -> list[sympy.Symbol]:
    return [sympy.Symbol(f"{name}_{k}", **assumptions) for k in range(1, n + 1)]


def _proved(certificate: str = "0") -> Verdict:
    return Verdict("proved", PROVED_REASON, certificate=certificate)


def _derivation(
    entry: tuple[int, ...],
    name: str,
    function: sympy.Expr,
    variable: sympy.Symbol,
    closed_form: sympy.Expr,
    logits: list[sympy.Symbol],
    hypothesis: dict[sympy.Symbol, sympy.Expr] | None = None,
) -> Derivation:
    """Differentiate mechanically, substitute ``x_k = e^{logit_k}``, reduce the difference."""
    x = _symbols("x", len(logits), positive=True)
    to_x = {logit: sympy.log(xk) for logit, xk in zip(logits, x, strict=True)}
    mechanical = sympy.diff(function, variable)
    substituted = mechanical.subs(to_x).subs(hypothesis or {})
    closed = closed_form.subs(to_x).subs(hypothesis or {})
    difference = sympy.cancel(sympy.together(substituted - closed))
    numerator, _ = sympy.fraction(difference)
    verdict = (
        _proved()
        if numerator == 0
        else Verdict("refuted", "the numerator of the difference is not identically 0")
    )
    return Derivation(
        entry=entry,
        function=f"{name} = {sympy.latex(function)}",
        variable=sympy.latex(variable),
        mechanical=sympy.latex(mechanical),
        substituted=sympy.latex(substituted),
        closed_form=sympy.latex(closed),
        difference=sympy.latex(difference),
        numerator=sympy.latex(numerator),
        verdict=verdict,
    )


def _theorem(
    theorem: str,
    title: str,
    statement: str,
    closed_form: str,
    n: int,
    checks: tuple[EntryCheck, ...],
    derivations: tuple[Derivation, ...] = (),
    hypotheses: tuple[str, ...] = (),
    entries: int | None = None,
    counts: tuple[int, int, int] | None = None,
) -> TheoremResult:
    statuses = [c.verdict.status for c in checks]
    proved, refuted, unknown = counts or tuple(statuses.count(s) for s in STATUSES)
    complete = entries is None
    return TheoremResult(
        theorem=theorem,
        title=title,
        statement=statement,
        closed_form=closed_form,
        hypotheses=hypotheses,
        n=n,
        status=combine(["refuted"] * refuted + ["unknown"] * unknown),
        entries=len(checks) if entries is None else entries,
        proved=proved,
        refuted=refuted,
        unknown=unknown,
        checks=checks,
        complete=complete,
        derivations=derivations,
        method="exact normal form of a rational function after substituting x_k = exp(a_k)",
        seconds=0.25,
    )


@functools.cache
def _softmax_theorems(n: int = 4) -> tuple[TheoremResult, TheoremResult]:
    a = _symbols("a", n, real=True)
    z = sympy.Add(*(sympy.exp(ak) for ak in a))
    s = [sympy.exp(ak) / z for ak in a]
    diagonal = _theorem(
        "softmax-jacobian-diagonal",
        "Softmax Jacobian, diagonal entries",
        r"\frac{\partial S_i}{\partial a_i} = S_i \left(1 - S_i\right)",
        r"S_i \left(1 - S_i\right)",
        n,
        tuple(EntryCheck((i, i), _proved()) for i in range(1, n + 1)),
        (_derivation((1, 1), "S_{1}", s[0], a[0], s[0] * (1 - s[0]), a),),
    )
    off_diagonal = _theorem(
        "softmax-jacobian-off-diagonal",
        "Softmax Jacobian, off-diagonal entries",
        r"\frac{\partial S_i}{\partial a_j} = -S_i S_j \qquad (i \neq j)",
        r"-S_i S_j",
        n,
        tuple(
            EntryCheck((i, j), _proved())
            for i in range(1, n + 1)
            for j in range(1, n + 1)
            if i != j
        ),
        (_derivation((1, 2), "S_{1}", s[0], a[1], -s[0] * s[1], a),),
    )
    return diagonal, off_diagonal


@functools.cache
def _cross_entropy(n: int = 4):
    o = _symbols("o", n, real=True)
    y = _symbols("y", n, real=True)
    z = sympy.Add(*(sympy.exp(ok) for ok in o))
    p = [sympy.exp(ok) / z for ok in o]
    loss = sympy.Add(*(-yj * sympy.log(pj) for yj, pj in zip(y, p, strict=True)))
    return o, y, p, loss


@functools.cache
def _cross_entropy_theorems(n: int = 4) -> tuple[TheoremResult, TheoremResult]:
    o, y, p, loss = _cross_entropy(n)
    general = _theorem(
        "cross-entropy-gradient",
        "Cross-entropy gradient, any targets",
        r"\frac{\partial L}{\partial o_i} = p_i \sum_{j=1}^{N} y_j - y_i",
        r"p_i \sum_{j=1}^{N} y_j - y_i",
        n,
        tuple(EntryCheck((i,), _proved()) for i in range(1, n + 1)),
        (_derivation((1,), "L", loss, o[0], p[0] * sympy.Add(*y) - y[0], o),),
    )
    normalised = _theorem(
        "cross-entropy-gradient-normalised",
        "Cross-entropy gradient, targets summing to 1",
        r"\frac{\partial L}{\partial o_i} = p_i - y_i",
        r"p_i - y_i",
        n,
        tuple(EntryCheck((i,), _proved()) for i in range(1, n + 1)),
        (_derivation((1,), "L", loss, o[0], p[0] - y[0], o, {y[-1]: 1 - sympy.Add(*y[:-1])}),),
        hypotheses=("sum-to-one",),
    )
    return general, normalised


def _counterexample(i: int, n: int = 4) -> Counterexample:
    """∂L/∂o_i against the wrong claim p_i − y_i at o_1 = log 2, y = (1, 1, 0, 0), o_k = 0."""
    o, y, p, loss = _cross_entropy(n)
    values = {o[0]: sympy.log(2), y[0]: 1, y[1]: 1}
    values |= {ok: 0 for ok in o[1:]} | {yk: 0 for yk in y[2:]}
    lhs = sympy.nsimplify(sympy.simplify(sympy.diff(loss, o[i - 1]).subs(values)))
    rhs = sympy.nsimplify(sympy.simplify((p[i - 1] - y[i - 1]).subs(values)))
    return exact(
        (("o_1", sympy.log(2)),) + tuple((f"y_{k}", values.get(y[k - 1], 0)) for k in (1, 2, 3, 4)),
        lhs,
        rhs,
        others=(("o", 0),),
    )


@functools.cache
def _refuted_theorem(n: int = 4) -> TheoremResult:
    o, y, p, loss = _cross_entropy(n)
    checks = tuple(
        EntryCheck((i,), Verdict("refuted", REFUTED_REASON, counterexample=_counterexample(i)))
        for i in range(1, n + 1)
    )
    return _theorem(
        "cross-entropy-gradient-unnormalised",
        "Cross-entropy gradient p − y without the hypothesis Σ y = 1",
        r"\frac{\partial L}{\partial o_i} = p_i - y_i",
        r"p_i - y_i",
        n,
        checks,
        (_derivation((1,), "L", loss, o[0], p[0] - y[0], o),),
    )


def _run(results: tuple[TheoremResult, ...], n: int | str = 4, seconds: float = 1.5) -> Run:
    return Run(
        n=n,
        results=results,
        versions=VERSIONS,
        status=combine(r.status for r in results),
        seconds=seconds,
    )


def proved_run() -> Run:
    """The four theorems for N = 4, every entry proved."""
    return _run(_softmax_theorems() + _cross_entropy_theorems())


def refuted_run() -> Run:
    """The four theorems plus p − y claimed without its hypothesis: refuted."""
    return _run(_softmax_theorems() + _cross_entropy_theorems() + (_refuted_theorem(),))


def large_run() -> Run:
    """N = 64: incomplete check lists (only what was not proved is kept), one entry unknown."""
    n = 64
    diagonal = _theorem(
        "softmax-jacobian-diagonal",
        "Softmax Jacobian, diagonal entries",
        r"\frac{\partial S_i}{\partial a_i} = S_i \left(1 - S_i\right)",
        r"S_i \left(1 - S_i\right)",
        n,
        (),
        entries=n,
        counts=(n, 0, 0),
    )
    unknown = Verdict("unknown", "the exact procedure ran out of its time budget (5 s) here")
    off_diagonal = _theorem(
        "softmax-jacobian-off-diagonal",
        "Softmax Jacobian, off-diagonal entries",
        r"\frac{\partial S_i}{\partial a_j} = -S_i S_j \qquad (i \neq j)",
        r"-S_i S_j",
        n,
        (EntryCheck((17, 42), unknown),),
        entries=n * (n - 1),
        counts=(n * (n - 1) - 1, 0, 1),
    )
    cx = _counterexample(1)
    refuted = _theorem(
        "cross-entropy-gradient-unnormalised",
        "Cross-entropy gradient p − y without the hypothesis Σ y = 1",
        r"\frac{\partial L}{\partial o_i} = p_i - y_i",
        r"p_i - y_i",
        n,
        tuple(
            EntryCheck((i,), Verdict("refuted", REFUTED_REASON, counterexample=cx))
            for i in range(1, 11)
        ),
        entries=n,
        counts=(0, n, 0),
    )
    return _run((diagonal, off_diagonal, refuted), n=n)


def general_run() -> Run:
    """``verify("all")``: symbolic N and indices, one check per case, a wrong twin refuted."""
    diagonal = dataclasses.replace(
        _theorem(
            "softmax-jacobian-diagonal",
            "Softmax Jacobian, diagonal entries",
            r"\frac{\partial S_i}{\partial a_i} = S_i \left(1 - S_i\right)",
            r"S_i \left(1 - S_i\right)",
            0,
            (
                EntryCheck((), _proved("the numerator is the zero polynomial"), case="i = j"),
                EntryCheck((), _proved("the numerator is the zero polynomial"), case="i ≠ j"),
            ),
        ),
        domain="every N ≥ 1 and 1 ≤ i, j ≤ N (cases i = j and i ≠ j)",
        method="general",
    )
    wrong = exact((("o_1", sympy.log(2)), ("y_1", -2)), sympy.Integer(0), sympy.Integer(3))
    refuted = dataclasses.replace(
        _theorem(
            "cross-entropy-gradient-custom",
            "Cross-entropy gradient (custom closed form)",
            r"\frac{\partial L}{\partial o_i} = p_i - y_i",
            r"p_i - y_i",
            0,
            (
                EntryCheck(
                    (),
                    Verdict("refuted", "fails at N = 1, entry (1,)", counterexample=wrong),
                    case="every i",
                ),
            ),
        ),
        domain="every N ≥ 1 and 1 ≤ i ≤ N",
        method="general",
    )
    return _run((diagonal, refuted), n="all")  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def report_proved_run() -> Run:
    return proved_run()


@pytest.fixture(scope="session")
def report_refuted_run() -> Run:
    return refuted_run()


@pytest.fixture(scope="session")
def report_large_run() -> Run:
    return large_run()


def _strings(run: Run) -> list[str]:
    """Every LaTeX string of ``run`` that a report shows as mathematics."""
    latex = []
    for result in run.results:
        latex += [result.statement, result.closed_form]
        latex += [view._hypothesis(h).latex or "" for h in result.hypotheses]
        for d in result.derivations:
            latex += [
                d.function,
                d.variable,
                d.mechanical,
                d.substituted,
                d.closed_form,
                d.difference,
                d.numerator,
            ]
    return [s for s in latex if s]  # a scalar identity has no variable


def _all_runs() -> list[Run]:
    return [proved_run(), refuted_run(), large_run(), general_run()]


def _tex_available() -> bool:
    return shutil.which("latexmk") is not None and shutil.which("pdflatex") is not None


_no_tex = pytest.mark.skipif(
    not _tex_available(),
    reason="latexmk/pdflatex not on PATH: apt-get install latexmk texlive-latex-base "
    "texlive-latex-recommended lmodern poppler-utils",
)


def needs_tex(test):  # type: ignore[no-untyped-def]
    """The test starts TeX: marked slow, and skipped where TeX is missing."""
    return pytest.mark.slow(_no_tex(test))


@functools.cache
def real_run(n: int | str) -> Run:
    """The real ``symsoft.verify(n)`` over the catalogue plus a wrong twin that must be refuted."""
    verify = getattr(symsoft, "verify", None)
    if verify is None:
        pytest.skip("symsoft.verify has not landed on this branch yet")
    from symsoft.catalogue import notation, theorems

    gradient = next(t for t in theorems.CATALOGUE if t.name == "cross-entropy-gradient")
    wrong = gradient.with_closed_form(notation.p[notation.i] - notation.y[notation.i])
    return verify(n, [*theorems.CATALOGUE, wrong])
