"""LaTeX to MathML for the HTML report (symsoft/render/mathml.py)."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from report_runs import _all_runs, _strings

from symsoft.render import report, view
from symsoft.render.report import latex_to_mathml, render
from symsoft.results import (
    Run,
)


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
