"""The HTML report states what the LaTeX report states, as MathML, escaped."""

from __future__ import annotations

import dataclasses

import sympy

import symsoft
from symsoft.render.report import render
from symsoft.results import (
    Run,
)

# Formulas of the fixtures as MathML, written out.
SUM_TO_ONE = (  # \sum_{j=1}^{N} y_j = 1
    '<math display="inline"><mrow><msubsup><mo>∑</mo><mrow><mi>j</mi><mo>=</mo><mn>1</mn>'
    "</mrow><mrow><mi>N</mi></mrow></msubsup><msub><mi>y</mi><mi>j</mi></msub><mo>=</mo>"
    "<mn>1</mn></mrow></math>"
)
N_IS_4 = '<math display="inline"><mrow><mi>N</mi><mo>=</mo><mn>4</mn></mrow></math>'
MINUS_ONE_FIFTH = (
    '<math display="inline"><mrow><mo>−</mo><mfrac><mrow><mn>1</mn></mrow><mrow><mn>5</mn>'
    "</mrow></mfrac></mrow></math>"
)
MINUS_THREE_FIFTHS = MINUS_ONE_FIFTH.replace("<mn>1</mn>", "<mn>3</mn>")
LOG_2 = (
    '<math display="inline"><mrow><mo lspace="0.1667em" rspace="0em">log</mo><mrow><mrow>'
    '<mo stretchy="false" fence="true" form="prefix">(</mo><mn>2</mn>'
    '<mo stretchy="false" fence="true" form="postfix">)</mo></mrow></mrow></mrow></math>'
)
O_K = '<math display="inline"><mrow><msub><mi>o</mi><mrow><mi>k</mi></mrow></msub></mrow></math>'

# The statement of each theorem of the proved run, as the MathML of a displayed formula.
STATEMENTS = {
    "Softmax Jacobian, diagonal entries": (
        '<math display="block"><mrow><mfrac><mrow><mo>∂</mo><msub><mi>S</mi><mi>i</mi>'
        "</msub></mrow><mrow><mo>∂</mo><msub><mi>a</mi><mi>i</mi></msub></mrow></mfrac>"
        "<mo>=</mo><msub><mi>S</mi><mi>i</mi></msub><mrow>"
        '<mo stretchy="false" fence="true" form="prefix">(</mo><mn>1</mn><mo>−</mo><msub>'
        "<mi>S</mi><mi>i</mi></msub>"
        '<mo stretchy="false" fence="true" form="postfix">)</mo></mrow></mrow></math>'
    ),
    "Softmax Jacobian, off-diagonal entries": (
        '<math display="block"><mrow><mfrac><mrow><mo>∂</mo><msub><mi>S</mi><mi>i</mi>'
        "</msub></mrow><mrow><mo>∂</mo><msub><mi>a</mi><mi>j</mi></msub></mrow></mfrac>"
        "<mo>=</mo><mo>−</mo><msub><mi>S</mi><mi>i</mi></msub><msub><mi>S</mi><mi>j</mi>"
        '</msub><mspace width="2em" /><mo stretchy="false">(</mo><mi>i</mi><mo>≠</mo>'
        '<mi>j</mi><mo stretchy="false">)</mo></mrow></math>'
    ),
    "Cross-entropy gradient, any targets": (
        '<math display="block"><mrow><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow>'
        "<mo>∂</mo><msub><mi>o</mi><mi>i</mi></msub></mrow></mfrac><mo>=</mo><msub>"
        "<mi>p</mi><mi>i</mi></msub><munderover><mo>∑</mo><mrow><mi>j</mi><mo>=</mo>"
        "<mn>1</mn></mrow><mrow><mi>N</mi></mrow></munderover><msub><mi>y</mi><mi>j</mi>"
        "</msub><mo>−</mo><msub><mi>y</mi><mi>i</mi></msub></mrow></math>"
    ),
    "Cross-entropy gradient, targets summing to 1": (
        '<math display="block"><mrow><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow>'
        "<mo>∂</mo><msub><mi>o</mi><mi>i</mi></msub></mrow></mfrac><mo>=</mo><msub>"
        "<mi>p</mi><mi>i</mi></msub><mo>−</mo><msub><mi>y</mi><mi>i</mi></msub></mrow>"
        "</math>"
    ),
}


def test_html_states_every_theorem_and_verdict(report_proved_run: Run) -> None:
    page = render(report_proved_run, "html")
    assert [result.title for result in report_proved_run.results] == list(STATEMENTS)
    for title, statement in STATEMENTS.items():
        assert title in page
        assert statement in page
    assert page.count('<span class="badge proved">proved</span>') >= 4 + 4 + 12 + 4 + 4
    assert "badge refuted" not in page and "badge unknown" not in page
    assert 'class="counterexample"' not in page and 'class="alert"' not in page
    assert (
        'All 4 theorems hold for N = 4, every entry proved. <span class="qed-mark">&#8718;</span>'
        in page
    )
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in page


def test_html_hypothesis_is_stated_with_the_theorem_that_needs_it(
    report_proved_run: Run,
) -> None:
    page = render(report_proved_run, "html")
    assert f'{SUM_TO_ONE} <span class="muted">&mdash; assumed by Theorem 4' in page
    assert f"For {N_IS_4}, assuming {SUM_TO_ONE}:" in page


def test_html_refutation_shows_the_counterexample_and_both_sides(report_refuted_run: Run) -> None:
    page = render(report_refuted_run, "html")
    assert page.count('class="counterexample"') == 1
    assert "Counterexample at entry 1" in page
    assert '<a href="#theorem-5">Theorem 5 is false</a>: at entry 1 the left side is' in page
    assert MINUS_ONE_FIFTH in page and MINUS_THREE_FIFTHS in page
    assert "&#8776;&nbsp;\u22120.2" in page and "&#8776;&nbsp;\u22120.6" in page
    assert LOG_2 in page
    assert "every other " + O_K in page
    assert "3 more refuted entries are listed below." in page
    assert "Not proved: of 5 theorems for N = 4, 4 proved, 1 refuted." in page
    assert "&#8718;" not in page


def test_html_escapes_text_that_is_not_mathematics(report_proved_run: Run) -> None:
    hostile = dataclasses.replace(
        report_proved_run.results[0], title="<script>alert(1)</script> & co", method="a<b"
    )
    page = render(dataclasses.replace(report_proved_run, results=(hostile,)), "html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "a&lt;b" in page
