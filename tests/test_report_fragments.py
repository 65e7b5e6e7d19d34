"""The notebook displays of runs and verdicts (symsoft/render/fragments.py)."""

from __future__ import annotations

import re

import pytest
from report_runs import REFUTED_REASON, _counterexample

from symsoft.render import report
from symsoft.results import (
    Run,
    Verdict,
)

MINUS_ONE_FIFTH = (
    '<math display="inline"><mrow><mo>−</mo><mfrac><mrow><mn>1</mn></mrow><mrow><mn>5</mn>'
    "</mrow></mfrac></mrow></math>"
)


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
    assert MINUS_ONE_FIFTH in refuted and "\u22120.6" in refuted
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
