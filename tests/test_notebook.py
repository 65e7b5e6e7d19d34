"""symsoft in Jupyter, with the real IPython: `%load_ext symsoft`, the `%%symsoft` cell magic,
and results that display as annotated HTML."""

from __future__ import annotations

import doctest
import warnings

import pytest

import symsoft
from symsoft import notebook

CELL = r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j) = S_i(1 - S_j)"


@pytest.fixture(scope="module")
def ipython():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # IPython's own start-up deprecations are not ours
        from IPython.core.interactiveshell import InteractiveShell

        shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "symsoft")
    yield shell
    InteractiveShell.clear_instance()


def test_the_cell_magic_checks_the_cell_and_shows_html(ipython):
    result = ipython.run_cell_magic("symsoft", "", CELL + "\n")
    assert isinstance(result, symsoft.DocumentResult)
    assert [step.status for step in result.steps] == ["holds", "holds only"]
    assert [step.line for step in result.steps] == [1, 1]
    shown, _ = ipython.display_formatter.format(result)
    html = shown["text/html"]
    assert html.startswith('<div class="symsoft-report">') and "<math" in html
    assert "badge refuted" in html and "holds only when i = j" in html
    assert "<html" not in html and "<script" not in html


def test_the_magic_reads_displays_and_options(ipython):
    cell = "Two steps:\n$$\n\\frac{\\partial S_i}{\\partial a_i} = S_i(1 - S_i)\n$$\n"
    result = ipython.run_cell_magic("symsoft", "--n 3", cell)
    assert result.steps[0].summary == "holds at N = 3" and result.steps[0].line == 3
    result = ipython.run_cell_magic(
        "symsoft", "--define 'p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'", "p_i = p_i"
    )
    assert result.exit_code == 0


def test_bad_options_and_bad_input_are_usage_errors_not_tracebacks(ipython):
    from IPython.core.error import UsageError

    for line in ("--n 0", "--bogus", "--define 'S_i'"):
        with pytest.raises(UsageError):
            ipython.run_cell_magic("symsoft", line, CELL)
    result = ipython.run_cell_magic("symsoft", "", r"\frac{\partial S_i}{\partial a_j} = \frac{1}{")
    assert result.steps[0].status == "not checked"


def test_claims_and_runs_display_as_html():
    claim = symsoft.check_claim(r"\frac{\partial S_i}{\partial a_j} = S_i(1 - S_j)")
    html = claim._repr_html_()
    assert "badge refuted" in html and "badge proved" in html and "Counterexample" not in html
    assert "left side" in html  # the counterexample's two sides
    assert symsoft.verify(2, ["softmax-jacobian-diagonal"])._repr_html_().startswith("<div")


def test_doctests():
    assert doctest.testmod(notebook).failed == 0
