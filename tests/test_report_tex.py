"""The LaTeX report: theorems, derivations, refutations, escaping of text."""

from __future__ import annotations

import dataclasses

import pytest
import sympy

import symsoft
from symsoft.render.report import latex_escape, render
from symsoft.results import (
    Run,
)

TITLES = (
    "Softmax Jacobian, diagonal entries",
    "Softmax Jacobian, off-diagonal entries",
    "Cross-entropy gradient, any targets",
    "Cross-entropy gradient, targets summing to 1",
)

# Every step of the derivations of the proved run as \showmath shows it, long ones broken.
SHOWN_STEPS = (
    r"S_{1} = \frac{e^{a_{1}}}{e^{a_{1}} + e^{a_{2}} + e^{a_{3}} + e^{a_{4}}}",
    (
        r"\frac{e^{a_{1}}}{e^{a_{1}} + e^{a_{2}} + e^{a_{3}} + e^{a_{4}}} - \frac{e^{2 "
        r"a_{1}}}{\left(e^{a_{1}} + e^{a_{2}} + e^{a_{3}} + e^{a_{4}}\right)^{2}}"
    ),
    (
        r"- \frac{x_{1}^{2}}{\left(x_{1} + x_{2} + x_{3} + x_{4}\right)^{2}} + "
        r"\frac{x_{1}}{x_{1} + x_{2} + x_{3} + x_{4}}"
    ),
    "0",
    (
        r"- \frac{e^{a_{1}} e^{a_{2}}}{\left(e^{a_{1}} + e^{a_{2}} + e^{a_{3}} + "
        r"e^{a_{4}}\right)^{2}}"
    ),
    r"- \frac{x_{1} x_{2}}{\left(x_{1} + x_{2} + x_{3} + x_{4}\right)^{2}}",
    (
        r"\begin{array}{l}\displaystyle L = - y_{1} \log{\left(\frac{e^{o_{1}}}{e^{o_{1}} "
        r"+ e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} \right)} - y_{2} "
        r"\log{\left(\frac{e^{o_{2}}}{e^{o_{1}} + e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} "
        r"\right)}\\ \displaystyle \qquad - y_{3} \log{\left(\frac{e^{o_{3}}}{e^{o_{1}} + "
        r"e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} \right)} - y_{4} "
        r"\log{\left(\frac{e^{o_{4}}}{e^{o_{1}} + e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} "
        r"\right)}\end{array}"
    ),
    (
        r"\begin{array}{l}\displaystyle - y_{1} \left(\frac{e^{o_{1}}}{e^{o_{1}} + "
        r"e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} - \frac{e^{2 o_{1}}}{\left(e^{o_{1}} + "
        r"e^{o_{2}} + e^{o_{3}} + e^{o_{4}}\right)^{2}}\right) \left(e^{o_{1}} + "
        r"e^{o_{2}} + e^{o_{3}} + e^{o_{4}}\right) e^{- o_{1}}\\ \displaystyle \qquad + "
        r"\frac{y_{2} e^{o_{1}}}{e^{o_{1}} + e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} + "
        r"\frac{y_{3} e^{o_{1}}}{e^{o_{1}} + e^{o_{2}} + e^{o_{3}} + e^{o_{4}}} + "
        r"\frac{y_{4} e^{o_{1}}}{e^{o_{1}} + e^{o_{2}} + e^{o_{3}} + e^{o_{4}}}\end{array}"
    ),
    (
        r"\begin{array}{l}\displaystyle \frac{x_{1} y_{2}}{x_{1} + x_{2} + x_{3} + x_{4}} "
        r"+ \frac{x_{1} y_{3}}{x_{1} + x_{2} + x_{3} + x_{4}} + \frac{x_{1} y_{4}}{x_{1} "
        r"+ x_{2} + x_{3} + x_{4}}\\ \displaystyle \qquad - \frac{y_{1} \left(- "
        r"\frac{x_{1}^{2}}{\left(x_{1} + x_{2} + x_{3} + x_{4}\right)^{2}} + "
        r"\frac{x_{1}}{x_{1} + x_{2} + x_{3} + x_{4}}\right) \left(x_{1} + x_{2} + x_{3} "
        r"+ x_{4}\right)}{x_{1}}\end{array}"
    ),
    (
        r"\begin{array}{l}\displaystyle \frac{x_{1} y_{2}}{x_{1} + x_{2} + x_{3} + x_{4}} "
        r"+ \frac{x_{1} y_{3}}{x_{1} + x_{2} + x_{3} + x_{4}} + \frac{x_{1} \left(- y_{1} "
        r"- y_{2} - y_{3} + 1\right)}{x_{1} + x_{2} + x_{3} + x_{4}}\\ \displaystyle "
        r"\qquad - \frac{y_{1} \left(- \frac{x_{1}^{2}}{\left(x_{1} + x_{2} + x_{3} + "
        r"x_{4}\right)^{2}} + \frac{x_{1}}{x_{1} + x_{2} + x_{3} + x_{4}}\right) "
        r"\left(x_{1} + x_{2} + x_{3} + x_{4}\right)}{x_{1}}\end{array}"
    ),
)


def test_tex_states_every_theorem_and_verdict(report_proved_run: Run) -> None:
    tex = render(report_proved_run, "tex")
    for result in report_proved_run.results:
        assert rf"\showmath{{{result.statement}}}" in tex
    for title in TITLES:  # nothing in them to escape
        assert title in tex
    assert tex.count(r"\verdict{proved}") >= 4 + 4 + 12 + 4 + 4
    assert r"\verdict{refuted}" not in tex and "Counterexample" not in tex
    assert r"All 4 theorems hold for N = 4, every entry proved.}\hfill$\blacksquare$" in tex
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in tex
    assert r"\begin{longtable}" in tex and r"\appendix" not in tex


def test_tex_shows_the_mechanical_derivation(report_proved_run: Run) -> None:
    tex = render(report_proved_run, "tex")
    assert len(SHOWN_STEPS) == 10
    for step in SHOWN_STEPS:
        assert rf"\showmath{{{step}}}" in tex
    assert r"With $x_k = e^{a_k}$" in tex and r"With $x_k = e^{o_k}$" in tex


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


def test_tex_escapes_text_that_is_not_mathematics(report_proved_run: Run) -> None:
    hostile = dataclasses.replace(report_proved_run.results[0], title=r"50% of \input{x} & $_")
    tex = render(dataclasses.replace(report_proved_run, results=(hostile,)), "tex")
    assert r"50\% of \textbackslash{}input\{x\} \& \$\_" in tex
    assert r"\input{x}" not in tex
