"""Short renderings for notebooks: a run or a verdict as an HTML fragment with scoped styles,
or as display LaTeX for MathJax (``_repr_html_`` and ``_repr_latex_`` of the results)."""

from __future__ import annotations

import re

from symsoft.render.environment import html_environment
from symsoft.render.values import Value, _counterexample
from symsoft.render.view import _size, _view
from symsoft.results import Run, Verdict, register_display

__all__ = [
    "run_html_fragment",
    "run_latex_fragment",
    "verdict_html_fragment",
    "verdict_latex_fragment",
]


def run_html_fragment(run: Run) -> str:
    """The HTML report of ``run`` as one ``<div>`` with scoped styles (for ``_repr_html_``).

    >>> from symsoft.results import Run
    >>> run_html_fragment(Run(n=2, results=(), versions=(), status="proved"))[:27]
    '<div class="symsoft-report"'
    """
    template = html_environment().get_template("fragment.html.j2")
    return template.render(report=_view(run)).strip()


def verdict_html_fragment(verdict: Verdict) -> str:
    """A verdict as an HTML badge and its reason (for ``Verdict._repr_html_``).

    >>> from symsoft.results import Verdict
    >>> "badge proved" in verdict_html_fragment(Verdict("proved", "numerator is 0"))
    True
    """
    counterexample = (
        None if verdict.counterexample is None else _counterexample(verdict.counterexample)
    )
    template = html_environment().get_template("verdict.html.j2")
    return template.render(verdict=verdict, counterexample=counterexample).strip()


def _mathjax_text(text: str) -> str:
    """Text safe inside MathJax's ``\\text{…}``, which reads its argument literally."""
    return re.sub(r"[\\{}$%#&^_~]", " ", text)


def _mathjax_value(value: Value) -> str:
    return value.latex if value.latex is not None else rf"\text{{{_mathjax_text(value.text)}}}"


def verdict_latex_fragment(verdict: Verdict) -> str:
    """A verdict as display LaTeX for MathJax (for ``Verdict._repr_latex_``).

    >>> from symsoft.results import Verdict
    >>> verdict_latex_fragment(Verdict("proved", "numerator is 0"))
    '$$\\\\textbf{proved}\\\\quad\\\\text{numerator is 0}$$'
    """
    parts = [rf"\textbf{{{verdict.status}}}\quad\text{{{_mathjax_text(verdict.reason)}}}"]
    cx = verdict.counterexample
    if cx is not None:
        view = _counterexample(cx)
        point = [f"{name} = {_mathjax_value(value)}" for name, value in (*view.point, *view.others)]
        sides = [
            rf"\text{{{label} side}} = {_mathjax_value(value)} \approx {decimal}"
            for label, value, decimal in (
                ("left", view.lhs, view.lhs_decimal),
                ("right", view.rhs, view.rhs_decimal),
            )
        ]
        parts.append(r"\\ \text{at } " + r",\ ".join(point) + r":\quad " + r",\quad ".join(sides))
    if len(parts) == 1:
        return f"$${parts[0]}$$"
    return r"$$\begin{gathered}" + "".join(parts) + r"\end{gathered}$$"


def run_latex_fragment(run: Run) -> str:
    """The theorems of ``run`` and their verdicts as display LaTeX (for ``Run._repr_latex_``).

    >>> from symsoft.results import Run
    >>> run_latex_fragment(Run(n=2, results=(), versions=(), status="proved"))
    '$$\\\\begin{array}{rll}N = 2 & & \\\\textbf{proved}\\\\end{array}$$'
    """
    size = _size(run.n) or r"\text{every } N"
    rows = [f"{size} & & \\textbf{{{run.status}}}"]
    for number, result in enumerate(run.results, start=1):
        rows.append(
            rf"\text{{{number}.}} & {result.statement} & \text{{{result.status}}}"
            rf" \ ({result.proved}/{result.entries})"
        )
    return r"$$\begin{array}{rll}" + r"\\ ".join(rows) + r"\end{array}$$"


register_display(Run, "html", run_html_fragment)
register_display(Run, "latex", run_latex_fragment)
register_display(Verdict, "html", verdict_html_fragment)
register_display(Verdict, "latex", verdict_latex_fragment)
