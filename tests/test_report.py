"""Tests of symsoft/report.py: the LaTeX, PDF and HTML proof reports.

The ``Run`` fixtures are built by hand, but their mathematics is real: the derivation strings
come from SymPy's own ``diff`` and ``cancel`` on the softmax and cross-entropy of N = 4, and the
counterexample values are exact evaluations.  Fixtures are named ``report_*`` so that they cannot
clash with those of other test modules.
"""

from __future__ import annotations

import dataclasses
import functools
import html.parser
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import sympy

import symsoft
from symsoft.errors import InputError, SymsoftError
from symsoft.render import environment, report, view
from symsoft.render.report import ReportError, latex_escape, latex_to_mathml, render, write_report
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


# ------------------------------------------------------------------------------ fixtures


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
    return Counterexample(
        point=(("o_1", "log(2)"),)
        + tuple((f"y_{k}", str(values.get(y[k - 1], 0))) for k in (1, 2, 3, 4)),
        lhs=str(lhs),
        rhs=str(rhs),
        lhs_float=float(lhs),
        rhs_float=float(rhs),
        others=(("o", "0"),),
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
    wrong = Counterexample(
        point=(("o_1", "log(2)"), ("y_1", "-2")), lhs="0", rhs="3", lhs_float=0.0, rhs_float=3.0
    )
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


# ------------------------------------------------------------------------------ content


def test_html_states_every_theorem_and_verdict(report_proved_run: Run) -> None:
    page = render(report_proved_run, "html")
    for result in report_proved_run.results:
        assert result.title in page
        assert latex_to_mathml(result.statement, "block") in page
    assert page.count('<span class="badge proved">proved</span>') >= 4 + 4 + 12 + 4 + 4
    assert "badge refuted" not in page and "badge unknown" not in page
    assert 'class="counterexample"' not in page and 'class="alert"' not in page
    assert (
        'All 4 theorems hold for N = 4, every entry proved. <span class="qed-mark">&#8718;</span>'
        in page
    )
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in page


def test_tex_states_every_theorem_and_verdict(report_proved_run: Run) -> None:
    tex = render(report_proved_run, "tex")
    for result in report_proved_run.results:
        assert rf"\showmath{{{result.statement}}}" in tex
        assert latex_escape(result.title) in tex
    assert tex.count(r"\verdict{proved}") >= 4 + 4 + 12 + 4 + 4
    assert r"\verdict{refuted}" not in tex and "Counterexample" not in tex
    assert r"All 4 theorems hold for N = 4, every entry proved.}\hfill$\blacksquare$" in tex
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in tex
    assert r"\begin{longtable}" in tex and r"\appendix" not in tex


def test_tex_shows_the_mechanical_derivation(report_proved_run: Run) -> None:
    tex = render(report_proved_run, "tex")
    for result in report_proved_run.results:
        for d in result.derivations:
            for step in (d.function, d.mechanical, d.substituted, d.difference, d.numerator):
                assert rf"\showmath{{{report.break_lines(step)}}}" in tex
    assert r"With $x_k = e^{a_k}$" in tex and r"With $x_k = e^{o_k}$" in tex


def test_html_hypothesis_is_stated_with_the_theorem_that_needs_it(
    report_proved_run: Run,
) -> None:
    page = render(report_proved_run, "html")
    assert f'{latex_to_mathml(HYPOTHESIS)} <span class="muted">&mdash; assumed by Theorem 4' in page
    assert f"For {latex_to_mathml('N = 4')}, assuming {latex_to_mathml(HYPOTHESIS)}:" in page


def test_html_refutation_shows_the_counterexample_and_both_sides(report_refuted_run: Run) -> None:
    page = render(report_refuted_run, "html")
    assert page.count('class="counterexample"') == 1
    assert "Counterexample at entry 1" in page
    assert '<a href="#theorem-5">Theorem 5 is false</a>: at entry 1 the left side is' in page
    assert latex_to_mathml(r"- \frac{1}{5}") in page and latex_to_mathml(r"- \frac{3}{5}") in page
    assert "&#8776;&nbsp;\u22120.2" in page and "&#8776;&nbsp;\u22120.6" in page
    assert latex_to_mathml(r"\log{\left(2 \right)}") in page
    assert "every other " + latex_to_mathml("o_{k}") in page
    assert "3 more refuted entries are listed below." in page
    assert "Not proved: of 5 theorems for N = 4, 4 proved, 1 refuted." in page
    assert "&#8718;" not in page


def test_tex_refutation_shows_the_counterexample_and_both_sides(report_refuted_run: Run) -> None:
    tex = render(report_refuted_run, "tex")
    assert r"Counterexample at entry 1.}" in tex
    assert r"Theorem \ref{theorem-5-statement} is false:} at entry 1 the left side" in tex
    assert r"$\displaystyle - \frac{1}{5}$" in tex and r"$\approx -0.2$" in tex
    assert r"$\displaystyle - \frac{3}{5}$" in tex and r"$\approx -0.6$" in tex
    assert r"$o_{1} = {}$$\displaystyle \log{\left(2 \right)}$" in tex
    assert r"every other $o_{k} = {}$$\displaystyle 0$" in tex
    assert r"\verdict{refuted}" in tex
    assert r"Not proved: of 5 theorems for N = 4, 4 proved, 1 refuted.}" in tex
    assert r"\blacksquare" not in tex


def test_large_n_summarises_and_folds_the_table_away(report_large_run: Run) -> None:
    page = render(report_large_run, "html")
    assert "4032 entries: 4031 proved, 0 refuted, 1 unknown." in page
    assert "<summary>Entries not proved (1 listed)</summary>" in page
    assert "<summary>Entries not proved (10 listed)</summary>" in page
    assert page.count("<details>") == 2  # the all-proved theorem has nothing to list
    assert '<span class="badge unknown">unknown</span>' in page
    assert "1 of 4032 entries undecided, so Theorem 2 is not proved for N = 64." in page
    tex = render(report_large_run, "tex")
    assert r"\appendix" in tex
    assert r"in Appendix~\ref{theorem-2-entries}" in tex
    assert r"\label{theorem-2-entries}" in tex and r"\label{theorem-3-entries}" in tex
    assert "there are none to list." in tex
    assert r"\verdict{unknown}" in tex


def test_complete_small_run_has_no_details_and_no_appendix(report_proved_run: Run) -> None:
    assert "<details>" not in render(report_proved_run, "html")
    assert r"\appendix" not in render(report_proved_run, "tex")


def test_run_for_every_n_states_domains_and_cases() -> None:
    run = general_run()
    page = render(run, "html")
    assert "<h1>Softmax and cross-entropy derivatives, every N</h1>" in page
    assert "is arbitrary: the size and the indices are symbols" in page
    assert "For every N ≥ 1 and 1 ≤ i, j ≤ N (cases i = j and i ≠ j):" in page
    assert '<td class="entry">i ≠ j</td>' in page and "<th>Case</th>" in page
    assert "symbolic N and indices, decided case by case" in page
    assert "so Theorem 2 is false for every N ≥ 1 and 1 ≤ i ≤ N." in page
    assert "Both cases are proved, so Theorem 1 holds for every N ≥ 1" in page
    assert "2 cases: 2 proved, 0 refuted, 0 unknown." in page
    assert "Theorem 2 is false</a>: in case every i the left side is" in page
    assert "<h3>Counterexample in case every i</h3>" in page
    assert "Not proved: of 2 theorems for every N, 1 proved, 1 refuted." in page
    tex = render(run, "tex")
    assert r"For every N $\geq$ 1 and 1 $\leq$ i, j $\leq$ N (cases i = j and i $\neq$ j):" in tex
    assert r"i $\neq$ j & \verdict{proved}" in tex
    assert "N = 0" not in page and "N = 0" not in tex and "N = all" not in page


def test_run_for_every_n_is_named_softmax_all(tmp_path: Path) -> None:
    (path,) = write_report(general_run(), tmp_path, formats=("html",))
    assert path.name == "softmax-all.html"


def test_hypotheses_are_named_by_the_catalogue(report_proved_run: Run) -> None:
    unknown = dataclasses.replace(report_proved_run.results[0], hypotheses=("made-up",))
    page = render(dataclasses.replace(report_proved_run, results=(unknown,)), "html")
    assert '<code>made-up</code> <span class="muted">&mdash; assumed by Theorem 1' in page
    tex = render(dataclasses.replace(report_proved_run, results=(unknown,)), "tex")
    assert r"\item \texttt{made-up}" in tex
    assert "sum-to-one" not in render(report_proved_run, "html")


def test_a_scalar_identity_has_no_variable_and_no_substitution(report_proved_run: Run) -> None:
    d = Derivation(
        entry=(),
        function=r"\frac{1}{1 + e^{- z}}",
        variable="",
        mechanical=r"\frac{1}{1 + e^{- z}}",
        substituted=r"\frac{1}{1 + e^{- z}}",
        closed_form=r"\frac{1}{1 + e^{- z}}",
        difference="0",
        numerator="0",
        verdict=_proved(),
    )
    scalar = dataclasses.replace(
        report_proved_run.results[0],
        derivations=(d,),
        checks=(EntryCheck((), _proved()),),
        entries=1,
        proved=1,
    )
    run = dataclasses.replace(report_proved_run, results=(scalar,))
    page = render(run, "html")
    assert "<h4>The identity" in page and "the left side</dt>" in page
    assert "differentiate in" not in page and "<dt>with " not in page
    assert '<td class="entry">the identity</td>' in page
    tex = render(run, "tex")
    assert r"\item The left side" in tex and r"\item With $" not in tex


@pytest.mark.parametrize(
    ("variable", "substituted", "expected"),
    [
        ("a_{1}", r"\frac{x_{1}}{z}", r"x_k = e^{a_k},\ z = \sum_{k=1}^{N} x_k"),
        ("o_{1}, o_{1}", r"\frac{x_{1} y_{1}}{x_{1} + x_{2}}", r"x_k = e^{o_k}"),
        ("a_{1}", r"\frac{e^{\frac{a_{1}}{T}}}{T z}", r"z = \text{the partition sum}"),
        ("z", "same", None),
    ],
)
def test_substitution_is_read_from_the_derivation(
    variable: str, substituted: str, expected: str | None
) -> None:
    d = Derivation((1,), "f", variable, "same", substituted, "c", "0", "0", _proved())
    assert view._substitution(d) == expected


@pytest.mark.parametrize(
    ("latex", "width", "expected"),
    [
        ("a + b", 10, "a + b"),
        (r"\frac{a + b + c}{d}", 2, r"\frac{a + b + c}{d}"),  # nothing to break at the top
        (
            "a + b - c",
            3,
            r"\begin{array}{l}\displaystyle a + b\\ \displaystyle \qquad - c\end{array}",
        ),
        (
            r"- x \left(a + b\right) + y",
            6,
            r"\begin{array}{l}\displaystyle - x \left(a + b\right)\\ "
            r"\displaystyle \qquad + y\end{array}",
        ),
    ],
)
def test_break_lines(latex: str, width: float, expected: str) -> None:
    assert report.break_lines(latex, width) == expected


@pytest.mark.parametrize("run", _all_runs()[:2], ids=["proved", "refuted"])
def test_broken_lines_keep_every_term(run: Run) -> None:
    head, tail, joint = (
        r"\begin{array}{l}\displaystyle ",
        r"\end{array}",
        r"\\ \displaystyle \qquad ",
    )
    broken_any = False
    for latex in _strings(run):
        broken = report.break_lines(latex, 20)
        if broken != latex:
            broken_any = True
            assert broken.startswith(head) and broken.endswith(tail)
            broken = " ".join(broken[len(head) : -len(tail)].split(joint))
        assert broken.split() == latex.split()
    assert broken_any


@pytest.mark.parametrize(("error", "agrees"), [(1.6e-32, True), (0.5, False)])
def test_numeric_witness_and_hypothesis_notes(
    error: float, agrees: bool, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(TheoremResult, "witness_agrees"):
        pytest.skip("the results model has no numeric witness yet")
    first = dataclasses.replace(
        report_proved_run.results[3],
        witness_error=error,
        witness_checks=3,
        witness_n=4,
        hypothesis_notes=("needs sum_j y_j = 1 (without it the claim fails at N = 3)",),
    )
    run = dataclasses.replace(report_proved_run, results=(first,))
    sentence = (
        f"50-digit finite differences, 3 comparisons at N = 4; largest relative error {error:.1e}"
    )
    page, tex = render(run, "html"), render(run, "tex")
    assert sentence in page and sentence in tex
    assert "<li>needs sum_j y_j = 1 (without it the claim fails at N = 3)</li>" in page
    assert r"\item \textcolor{muted}{needs sum\_j y\_j = 1" in tex
    assert ("DISAGREES" in page) is (not agrees)
    assert ('class="witness disagrees"' in page) is (not agrees)
    assert (r"\textcolor{refuted}{Numeric witness:}" in tex) is (not agrees)


def test_no_witness_no_notes(report_proved_run: Run) -> None:
    page = render(report_proved_run, "html")
    assert "Numeric witness" not in page and 'class="notes"' not in page


def test_empty_run_renders() -> None:
    run = Run(n=2, results=(), versions=VERSIONS, status="proved")
    assert "All 0 theorems hold" in render(run, "html")
    assert r"\begin{document}" in render(run, "tex")


def test_unknown_format_is_an_input_error(report_proved_run: Run) -> None:
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        render(report_proved_run, "pdf")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ determinism


@pytest.mark.parametrize("fmt", ["tex", "html"])
def test_render_is_deterministic(fmt: str, report_refuted_run: Run) -> None:
    first = render(report_refuted_run, fmt)  # type: ignore[arg-type]
    environment.html_environment.cache_clear()
    environment.latex_environment.cache_clear()
    assert render(report_refuted_run, fmt) == first  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["tex", "html"])
def test_timings_never_reach_the_report(fmt: str, report_refuted_run: Run) -> None:
    slow = dataclasses.replace(
        report_refuted_run,
        seconds=98765.4321,
        results=tuple(
            dataclasses.replace(r, seconds=1234.5678) for r in report_refuted_run.results
        ),
    )
    text = render(slow, fmt)  # type: ignore[arg-type]
    assert text == render(report_refuted_run, fmt)  # type: ignore[arg-type]
    assert "98765" not in text and "1234.5" not in text


# ------------------------------------------------------------------------------ escaping


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("plain words", "plain words"),
        ("p_i - y_i", r"p\_i - y\_i"),
        ("100% & $5 #1", r"100\% \& \$5 \#1"),
        ("{a} ~ ^ \\", r"\{a\} \textasciitilde{} \textasciicircum{} \textbackslash{}"),
        ("a < b > c | d", r"a \textless{} b \textgreater{} c \textbar{} d"),
        ("Σ y ≈ 1 ≠ 2", r"$\Sigma$ y $\approx$ 1 $\neq$ 2"),
        ("café", "café"),
        ("snow ☃", r"snow \texttt{[U+2603]}"),
        ("two\nlines", "two lines"),
    ],
)
def test_latex_escape(text: str, latex: str) -> None:
    assert latex_escape(text) == latex


def test_html_escapes_text_that_is_not_mathematics(report_proved_run: Run) -> None:
    hostile = dataclasses.replace(
        report_proved_run.results[0], title="<script>alert(1)</script> & co", method="a<b"
    )
    page = render(dataclasses.replace(report_proved_run, results=(hostile,)), "html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "a&lt;b" in page


def test_tex_escapes_text_that_is_not_mathematics(report_proved_run: Run) -> None:
    hostile = dataclasses.replace(report_proved_run.results[0], title=r"50% of \input{x} & $_")
    tex = render(dataclasses.replace(report_proved_run, results=(hostile,)), "tex")
    assert r"50\% of \textbackslash{}input\{x\} \& \$\_" in tex
    assert r"\input{x}" not in tex


# ------------------------------------------------------------------------------ MathML


@pytest.mark.parametrize(
    "latex",
    sorted(
        {s for run in _all_runs() for s in _strings(run)}
        | {d.latex for d in report.DEFINITIONS + report.SYMBOLS}
        | {"N", r"1 \le i, j \le N", "x_k = e^{a_k}", "x_k", "0"}
        | {
            view._substitution(d) or "0"
            for run in _all_runs()
            for result in run.results
            for d in result.derivations
        }
    ),
)
def test_every_latex_string_converts_to_mathml(latex: str) -> None:
    mathml = latex_to_mathml(latex, "block")
    assert mathml.startswith('<math display="block">') and mathml.endswith("</math>")
    assert "\\" not in mathml


@pytest.mark.parametrize("run", _all_runs(), ids=["proved", "refuted", "large", "general"])
def test_html_never_falls_back_to_latex_source(run: Run, caplog: pytest.LogCaptureFixture) -> None:
    report.latex_to_mathml.cache_clear()
    with caplog.at_level(logging.WARNING, logger="symsoft.render.report"):
        page = render(run, "html")
    assert '<code class="tex-source' not in page
    assert not caplog.records


@pytest.mark.parametrize("latex", [r"\frac{1}{\undefinedmacro}", "x^", r"\left( x"])
def test_unconvertible_latex_falls_back_to_code_and_logs(
    latex: str, report_proved_run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ValueError, match="latex2mathml"):
        latex_to_mathml(latex)
    bad = dataclasses.replace(report_proved_run.results[0], statement=latex)
    with caplog.at_level(logging.WARNING, logger="symsoft.render.report"):
        page = render(dataclasses.replace(report_proved_run, results=(bad,)), "html")
    assert '<code class="tex-source block">' in page
    assert any("MathML" in record.getMessage() for record in caplog.records)


def test_mathml_display_style_governs_the_rest_of_its_row() -> None:
    mathml = latex_to_mathml(r"\begin{array}{l}\displaystyle \frac{a}{b} + c\end{array}")
    assert '<mstyle displaystyle="true" scriptlevel="0"><mfrac>' in mathml
    assert "<mi>c</mi></mstyle>" in mathml


def test_malformed_mathml_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="malformed MathML"):
        latex_to_mathml("a & b")


def test_mathml_spacing_follows_tex() -> None:
    assert 'stretchy="false" fence="true"' in latex_to_mathml(r"\left(1 - S_i\right)")
    assert 'stretchy="true" fence="true"' in latex_to_mathml(r"\left(\frac{1}{x}\right)")
    assert '<mo lspace="0.1667em" rspace="0.1667em">log</mo>' in latex_to_mathml(r"y \log p")
    assert '<mo lspace="0.1667em" rspace="0em">log</mo>' in latex_to_mathml(r"\log{\left(2\right)}")


# ------------------------------------------------------------------------------ notebook


def test_run_html_fragment_is_one_scoped_div(report_refuted_run: Run) -> None:
    fragment = report.run_html_fragment(report_refuted_run)
    assert fragment.startswith('<div class="symsoft-report">') and fragment.endswith("</div>")
    assert "<html" not in fragment and "<body" not in fragment
    css = re.search(r"<style>(.*?)</style>", fragment, re.S)
    assert css is not None
    selectors = re.findall(r"(?m)^([^{}\s@/*][^{}]*)\{", css.group(1))
    assert selectors and all(s.strip().startswith(".symsoft-report") for s in selectors)
    assert "Counterexample at entry 1" in fragment


def test_verdict_html_fragment() -> None:
    proved = report.verdict_html_fragment(Verdict("proved", "numerator 0", certificate="0"))
    assert '<span class="badge proved">proved</span> numerator 0 <code>0</code>' in proved
    refuted = report.verdict_html_fragment(
        Verdict("refuted", REFUTED_REASON, counterexample=_counterexample(1))
    )
    assert '<span class="badge refuted">refuted</span>' in refuted
    assert latex_to_mathml(r"- \frac{1}{5}") in refuted and "\u22120.6" in refuted
    assert 'class="counterexample"' not in proved


def test_latex_fragments_for_mathjax(report_refuted_run: Run) -> None:
    run_latex = report.run_latex_fragment(report_refuted_run)
    assert run_latex.startswith("$$\\begin{array}") and run_latex.endswith("\\end{array}$$")
    assert r"\text{refuted} \ (0/4)" in run_latex and r"\text{proved} \ (12/12)" in run_latex
    verdict = report.verdict_latex_fragment(
        Verdict("refuted", "not 0 at {x}", counterexample=_counterexample(1))
    )
    assert r"\text{left side} = - \frac{1}{5} \approx -0.2" in verdict
    assert r"o_{1} = \log{\left(2 \right)}" in verdict
    assert "{x}" not in verdict


def test_notebook_reprs_use_the_report(report_refuted_run: Run) -> None:
    if not hasattr(Run, "_repr_html_"):
        pytest.skip("Run._repr_html_ and friends are not in results.py yet")
    verdict = report_refuted_run.results[-1].checks[0].verdict
    assert report_refuted_run._repr_html_() == report.run_html_fragment(report_refuted_run)
    assert report_refuted_run._repr_latex_() == report.run_latex_fragment(report_refuted_run)
    assert verdict._repr_html_() == report.verdict_html_fragment(verdict)
    assert verdict._repr_latex_() == report.verdict_latex_fragment(verdict)


# ------------------------------------------------------------------------------ files


def test_write_report_writes_the_chosen_formats(tmp_path: Path, report_proved_run: Run) -> None:
    paths = write_report(report_proved_run, tmp_path / "new" / "folder", formats=("html", "tex"))
    assert [p.name for p in paths] == ["softmax-n4.html", "softmax-n4.tex"]
    assert paths[0].read_text(encoding="utf-8") == render(report_proved_run, "html")
    assert paths[1].read_text(encoding="utf-8") == render(report_proved_run, "tex")
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(p.name for p in paths)


def test_write_report_custom_stem_and_repeated_formats(
    tmp_path: Path, report_proved_run: Run
) -> None:
    paths = write_report(report_proved_run, str(tmp_path), formats=("tex", "tex"), stem="proof")
    assert paths == [tmp_path / "proof.tex"]


@pytest.mark.parametrize("stem", ["", ".", "..", "a/b", "a\0b"])
def test_write_report_rejects_a_stem_with_a_folder(
    stem: str, tmp_path: Path, report_proved_run: Run
) -> None:
    with pytest.raises(InputError, match="invalid report name"):
        write_report(report_proved_run, tmp_path, formats=("tex",), stem=stem)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("formats", [("docx",), (), "pdfx"])
def test_write_report_rejects_unknown_formats(
    formats, tmp_path: Path, report_proved_run: Run
) -> None:
    with pytest.raises(InputError):
        write_report(report_proved_run, tmp_path, formats=formats)


def test_failed_render_leaves_earlier_report_untouched(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "softmax-n4.tex"
    earlier.write_text("earlier report", encoding="utf-8")
    real_render = report.render

    def render_tex_then_fail(run: Run, fmt: str) -> str:
        if fmt == "html":
            raise RuntimeError("renderer crashed")
        return real_render(run, fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "render", render_tex_then_fail)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_report(report_proved_run, tmp_path, formats=("tex", "html"))
    assert earlier.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax-n4.tex"]


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "softmax-n4.html"
    earlier.write_text("earlier report", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReportError, match=r"cannot write '.*softmax-n4.html': No space left"):
        write_report(report_proved_run, tmp_path, formats=("html",))
    assert earlier.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax-n4.html"]


def test_a_file_where_the_folder_should_be(tmp_path: Path, report_proved_run: Run) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder", encoding="utf-8")
    for directory in (blocker, blocker / "inner"):
        with pytest.raises(ReportError) as caught:
            write_report(report_proved_run, directory, formats=("tex",))
        message = str(caught.value)
        assert f"'{directory}'" in message and "\n" not in message
        assert isinstance(caught.value, SymsoftError) and isinstance(caught.value, OSError)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_unwritable_folder(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReportError, match=r"cannot write '.*softmax-n4.tex': Permission denied"):
        write_report(report_proved_run, tmp_path, formats=("tex",))
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path: Path, report_proved_run: Run) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="Permission denied"):
            write_report(report_proved_run, tmp_path / "sub", formats=("tex",))
    finally:
        tmp_path.chmod(0o700)


def test_written_files_follow_the_umask(tmp_path: Path, report_proved_run: Run) -> None:
    old = os.umask(0o022)
    try:
        (path,) = write_report(report_proved_run, tmp_path, formats=("tex",))
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_missing_latexmk_says_what_to_install(
    tmp_path: Path, report_proved_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    with pytest.raises(ReportError) as caught:
        write_report(report_proved_run, tmp_path, formats=("tex", "pdf"))
    message = str(caught.value)
    assert "latexmk is not on PATH" in message and "\n" not in message
    assert "apt-get install latexmk texlive-latex-base texlive-latex-recommended lmodern" in message
    assert not list(tmp_path.iterdir())  # not even the .tex: all or nothing


# ------------------------------------------------------------------------------ templates


def test_templates_load_from_the_checkout() -> None:
    root = environment.template_root()
    assert Path(str(root)) == REPO / "templates"
    assert {"report.tex.j2", "report.html.j2"} <= {p.name for p in root.iterdir()}


def test_import_is_cheap() -> None:
    code = (
        "import sys, symsoft.render.report\n"
        "heavy = [m for m in ('jinja2', 'sympy', 'latex2mathml', 'xml.etree.ElementTree')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_doctests() -> None:
    import doctest

    from symsoft.render import files, fragments, latex, mathml

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    modules = (report, latex, mathml, fragments, files)
    tests = [t for module in modules for t in finder.find(module) if t.examples]
    if not _tex_available():
        tests = [t for t in tests if not t.name.endswith("build_pdf")]
    assert len(tests) >= 8
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


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


@pytest.mark.parametrize("n", [4, "all"])
def test_real_verify_renders(n: int | str, caplog: pytest.LogCaptureFixture) -> None:
    run = real_run(n)
    assert isinstance(run, Run) and run.status == "refuted"
    for latex in _strings(run):
        latex_to_mathml(report.break_lines(latex), "block")
    with caplog.at_level(logging.WARNING, logger="symsoft.render.report"):
        page = render(run, "html")
    assert not caplog.records and '<code class="tex-source' not in page
    assert "Counterexample at entry " in page or "Counterexample in case " in page
    assert "Theorem 16 is false" in page
    assert r"\end{document}" in render(run, "tex")


# ------------------------------------------------------------------------------ PDF (slow)
# Named test_slow_*: about 1-2 s each with TeX Live; `pytest -k "not slow"` leaves them out.


def _pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not on PATH: apt-get install poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


@needs_tex
def test_slow_pdf_of_the_proved_run(tmp_path: Path, report_proved_run: Run) -> None:
    (pdf,) = write_report(report_proved_run, tmp_path, formats=("pdf",))
    assert pdf == tmp_path / "softmax-n4.pdf" and pdf.read_bytes().startswith(b"%PDF-")
    text = _pdftotext(pdf)
    for result in report_proved_run.results:
        assert result.title in text
    assert "Theorem 4. For N = 4, assuming" in text
    assert text.count("PROVED") >= 4 + 4 + 12 + 4 + 4
    assert "REFUTED" not in text and "Counterexample" not in text
    assert "All 4 theorems hold for N = 4, every entry proved." in text
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["softmax-n4.pdf"]


@needs_tex
def test_slow_pdf_of_the_refuted_run(tmp_path: Path, report_refuted_run: Run) -> None:
    (pdf,) = write_report(report_refuted_run, tmp_path, formats=("pdf",), stem="refuted")
    text = _pdftotext(pdf)
    assert "Counterexample at entry 1." in text
    assert "Theorem 5 is false: at entry 1 the left side is" in text
    assert "left side, the mechanical derivative:" in text and "≈ −0.2" in text
    assert "right side, the claimed closed form:" in text and "≈ −0.6" in text
    assert "REFUTED" in text
    assert "4 of 4 entries refuted, so Theorem 5 is false for N = 4." in text
    assert "Not proved: of 5 theorems for N = 4, 4 proved, 1 refuted." in text


@needs_tex
@pytest.mark.parametrize("n", [4, "all"])
def test_slow_pdf_of_the_real_catalogue(n: int | str, tmp_path: Path) -> None:
    run = real_run(n)
    (pdf,) = write_report(run, tmp_path, formats=("pdf",))
    text = " ".join(_pdftotext(pdf).split())
    for result in run.results:
        assert " ".join(result.title.split()) in text
    assert (
        "Counterexample at entry" in text
        or "Counterexample in case" in text
        and "Theorem 16 is false" in text
    )
    assert f"Not proved: of 16 theorems for {'N = 4' if n == 4 else 'every N'}, 15 proved" in text


@needs_tex
def test_slow_pdf_of_the_large_run_has_an_appendix(tmp_path: Path, report_large_run: Run) -> None:
    (pdf,) = write_report(report_large_run, tmp_path, formats=("pdf",))
    text = _pdftotext(pdf)
    assert "Entries not proved: Softmax Jacobian, off-diagonal entries" in text
    assert "UNKNOWN" in text and "(17, 42)" in text


@needs_tex
def test_slow_pdf_is_reproducible_and_survives_hostile_text(
    tmp_path: Path, report_refuted_run: Run
) -> None:
    hostile = dataclasses.replace(
        report_refuted_run.results[0],
        title=r"100% of {all} \entries & $money$ #1 _x ^y ~z <a> |b| Σ ≈ ☃",
        method="reason with \\ backslash and % percent",
    )
    run = dataclasses.replace(report_refuted_run, results=(hostile, *report_refuted_run.results))
    (first,) = write_report(run, tmp_path / "a", formats=("pdf",))
    (second,) = write_report(run, tmp_path / "b", formats=("pdf",))
    assert first.read_bytes() == second.read_bytes()
    assert r"100% of {all} \entries & $money$ #1 _x ^y ~z <a> |b|" in _pdftotext(first)


@needs_tex
def test_slow_latex_failure_is_one_line_and_writes_nothing(
    tmp_path: Path, report_proved_run: Run
) -> None:
    broken = dataclasses.replace(report_proved_run.results[0], statement=r"\undefinedmacro x")
    run = dataclasses.replace(report_proved_run, results=(broken,))
    with pytest.raises(ReportError, match=r"^LaTeX failed: .*Undefined control sequence\.$"):
        write_report(run, tmp_path, formats=("tex", "pdf", "html"))
    assert not list(tmp_path.iterdir())


@needs_tex
def test_slow_tex_cannot_read_outside_its_folder(tmp_path: Path, report_proved_run: Run) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRET", encoding="utf-8")
    sneaky = dataclasses.replace(report_proved_run.results[0], statement=rf"\input{{{secret}}}")
    with pytest.raises(ReportError, match="not found"):
        report.build_pdf(render(dataclasses.replace(report_proved_run, results=(sneaky,)), "tex"))


# ------------------------------------------------------------------------ HTML in Chromium (slow)

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


_no_chromium = pytest.mark.skipif(
    _chromium() is None, reason="no Chromium on PATH: apt-get install chromium"
)


def needs_chromium(test):  # type: ignore[no-untyped-def]
    """The test starts Chromium: marked slow, and skipped where Chromium is missing."""
    return pytest.mark.slow(_no_chromium(test))


def _chromium_run(page: Path, profile: Path, *extra: str) -> str:
    command = [
        str(_chromium()),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return out.stdout


class _Resources(html.parser.HTMLParser):
    """Every attribute that could make a browser fetch something, and the CSP meta tag."""

    FETCHING = {"src", "href", "srcset", "action", "data", "poster", "xlink:href", "background"}

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str, str]] = []
        self.csp: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        for name, value in attrs:
            if name in self.FETCHING:
                self.references.append((tag, name, value or ""))


@pytest.mark.parametrize("run", _all_runs(), ids=["proved", "refuted", "large", "general"])
def test_html_fetches_nothing(run: Run) -> None:
    page = render(run, "html")
    parser = _Resources()
    parser.feed(page)
    assert parser.csp == [CSP]
    assert parser.scripts == 0
    assert all(value.startswith("#") for _, _, value in parser.references), parser.references
    style = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "url(" not in style and "@import" not in style
    text = re.sub(r"/\*.*?\*/", "", page, flags=re.S)  # CSS comments may say anything
    assert not re.search(r"(?i)\b(?:https?|ftp|wss?|data|blob):|//", text)


def _page_requests(netlog: Path) -> list[str]:
    """URLs of requests made on behalf of a page (Chromium's own background traffic excluded)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
    ]


@needs_chromium
def test_slow_chromium_loads_no_resource(tmp_path: Path, report_refuted_run: Run) -> None:
    (page,) = write_report(report_refuted_run, tmp_path, formats=("html",))
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<img src="http://127.0.0.1:9/x.png">', encoding="utf-8")
    for target, expected in ((page, []), (leaky, ["http://127.0.0.1:9/x.png"])):
        netlog = tmp_path / f"{target.stem}.netlog.json"
        _chromium_run(target, tmp_path / "profile", f"--log-net-log={netlog}", "--dump-dom")
        assert _page_requests(netlog) == expected


_MEASURE = """
<script>
document.querySelectorAll("details").forEach((d) => { d.open = true; });
const boxes = [...document.querySelectorAll("math")].map((m) => {
  const r = m.getBoundingClientRect();
  return [r.width, r.height, getComputedStyle(m).display, m.getAttribute("display")];
});
const out = document.createElement("pre");
out.id = "symsoft-layout";
out.textContent = JSON.stringify(boxes);
document.body.appendChild(out);
</script>
"""


@needs_chromium
@pytest.mark.parametrize("which", ["proved", "refuted", "large", "all", "real"])
def test_slow_chromium_lays_out_every_formula(tmp_path: Path, which: str) -> None:
    factories = {"proved": proved_run, "refuted": refuted_run, "large": large_run}
    factories |= {"all": general_run, "real": lambda: real_run(4)}
    run = factories[which]()
    (page,) = write_report(run, tmp_path, formats=("html",))
    source = page.read_text(encoding="utf-8")
    expected = source.count("<math ")
    assert expected > 10
    # A copy, never the product: the measuring script needs a CSP that lets it run.
    probe = tmp_path / "probe.html"
    probe.write_text(
        source.replace(CSP, CSP + "; script-src 'unsafe-inline'").replace(
            "</body>", _MEASURE + "</body>"
        ),
        encoding="utf-8",
    )
    dom = _chromium_run(probe, tmp_path / "profile", "--dump-dom")
    match = re.search(r'<pre id="symsoft-layout">(.*?)</pre>', dom, re.S)
    assert match, "the measuring script did not run"
    boxes = json.loads(match.group(1))
    assert len(boxes) == expected
    for width, height, display, kind in boxes:
        assert width > 1 and height > 1
        # Laid out by the native MathML engine ("math" is the computed form of "inline math").
        assert display == {"block": "block math", "inline": "math"}[kind]

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-{which}.png"
    shot.unlink(missing_ok=True)
    _chromium_run(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    shutil.copy(page, ARTIFACTS / f"report-{which}.html")


# ------------------------------------------------------------------------------ wheel (slow)


@pytest.fixture(scope="module")
def report_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by hatchling from a copy of this checkout."""
    import importlib.util

    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "test-artifacts", "__pycache__", "*.egg-info", ".*_cache", "build", "dist"
        ),
    )
    if not (source / "README.md").exists():  # pyproject names it; a bare checkout may lack it
        (source / "README.md").write_text("# symsoft\n", encoding="utf-8")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist")]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (base / "dist").glob("symsoft-*.whl")
    return wheel


@pytest.mark.slow  # pip builds the wheel
def test_slow_wheel_ships_the_templates(report_wheel: Path) -> None:
    names = set(zipfile.ZipFile(report_wheel).namelist())
    templates = sorted(p.name for p in (REPO / "templates").iterdir() if p.is_file())
    assert {"report.tex.j2", "report.html.j2", "_style.css.j2"} <= set(templates)
    assert {f"symsoft/templates/{name}" for name in templates} <= names
    assert "symsoft/render/report.py" in names and "symsoft/py.typed" in names


@pytest.mark.slow  # pip builds the wheel
def test_slow_wheel_renders_from_a_fresh_venv(
    tmp_path: Path, report_wheel: Path, report_refuted_run: Run
) -> None:
    import pickle
    import venv

    home = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(home)
    python = home / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + ["--no-index", str(report_wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (tmp_path / "run.pickle").write_bytes(pickle.dumps(report_refuted_run))
    script = (
        "import pickle, sys\n"
        "import symsoft.render.report as r\n"
        "run = pickle.load(open('run.pickle', 'rb'))\n"
        "paths = r.write_report(run, 'out', formats=('tex', 'html'))\n"
        "print(r.__file__)\n"
        "print(r._template_root())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    out = subprocess.run(
        [str(python), "-I", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    module, templates = out.stdout.split()
    assert Path(module).is_relative_to(home) and Path(templates).is_relative_to(home)
    assert Path(templates).parts[-2:] == ("symsoft", "templates")
    # Byte for byte what the checkout renders: the installed templates are the same templates.
    for fmt in ("tex", "html"):
        written = (tmp_path / "out" / f"softmax-n4.{fmt}").read_text(encoding="utf-8")
        assert written == render(report_refuted_run, fmt)  # type: ignore[arg-type]


def test_counterexample_values_are_read_by_a_grammar_never_executed() -> None:
    from symsoft.render.values import _value

    assert _value("4*log(2/3)/3").latex == "\\frac{4 \\log{\\left(\\frac{2}{3} \\right)}}{3}"
    for hostile in ("exit()", "__import__('os').system('true')", "open('x')", "1;2"):
        assert _value(hostile).latex is None
