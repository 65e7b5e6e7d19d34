"""What both reports show, prepared by symsoft/render/view.py: summaries, domains, hypotheses,
substitutions, long formulas, the numeric witness, determinism, and real runs of ``verify``."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest
from report_runs import VERSIONS, _all_runs, _proved, _strings, general_run, real_run

from symsoft.errors import InputError
from symsoft.render import environment, report, view
from symsoft.render.report import latex_to_mathml, render, write_report
from symsoft.results import (
    Derivation,
    EntryCheck,
    Run,
    TheoremResult,
)


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


def test_counterexample_values_show_the_latex_made_where_they_were_built() -> None:
    import sympy

    from symsoft.algebra.counterexample import exact
    from symsoft.render.values import _counterexample

    cx = exact(
        [("a_1", 4 * sympy.log(sympy.Rational(2, 3)) / 3)], sympy.Integer(1), sympy.Integer(0)
    )
    view = _counterexample(cx)
    assert view.point[0][1].latex == "\\frac{4 \\log{\\left(\\frac{2}{3} \\right)}}{3}"
    assert view.point[0][1].text == "4*log(2/3)/3"
    # the twin: a counterexample made by hand, without LaTeX, shows its values as text
    bare = dataclasses.replace(cx, latex=None)
    assert _counterexample(bare).point[0][1].latex is None
    assert _counterexample(bare).lhs.latex is None and _counterexample(cx).lhs.latex == "1"


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
