"""Session 31: what real posts of round 31 wrote that the reader did not read: mathematical
italic and bold letters with combining accents (``𝑦̂_i``, a Korean post), a row break typed
inside a brace group (``{e^{z_i} \\sum_j e^{z_j} \\\\ - (e^{z_i})^2 \\over …}``), σ defined
through a hatted name (``\\hat{p}_i = \\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}``), and a step
that writes a concrete index (``\\sum_{k \\neq 1}`` beside ``\\sum_{k \\neq i}``).  Each
reading that proves a step has a wrong twin that is refuted."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.group_breaks import blank_group_breaks
from symsoft.reading.documents.spans import Text
from symsoft.reading.grammar.characters import spelled_out
from tests.steps import summaries

SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("𝑦̂_i = x", "\\hat{y}_i = x"),  # mathematical italic y, combining circumflex
        ("ŷ_i", "\\hat{y}_i"),  # precomposed
        ("y\u0302_i", "\\hat{y}_i"),  # a plain letter, combining circumflex
        ("x\u0304 + a\u20d7", "\\bar{x} + \\vec{a}"),
        ("𝐩 − 𝐲", "\\mathbf{p} - \\mathbf{y}"),  # bold: a vector
        ("𝜎x", "\\sigma x"),
        ("𝝈(z)", "\\boldsymbol{\\sigma}(z)"),
        ("même résumé", "même résumé"),  # accents of words stay
    ],
)
def test_mathematical_letters_and_accents_are_spelled_as_latex(written, spelled):
    assert spelled_out(written).text == spelled


def test_a_spelled_letter_keeps_the_column_of_the_letter_written():
    spelled = spelled_out("a = 𝑦̂_i")
    assert spelled.written(spelled.text.index("\\hat")) == 4
    assert spelled.written(spelled.text.index("_")) == 6


@pytest.mark.parametrize(
    ("right", "status"),
    [("𝑦̂_i*(1-𝑦̂_i)", "holds"), ("𝑦̂_i*(1+𝑦̂_i)", "fails"), ("𝑦̂_i^2", "fails")],
)
def test_a_korean_posts_italic_letters_are_read(right, status):
    text = (
        "$$𝑦̂_i={e^{z_i} \\over \\sum\\limits_{j=1}^n e^{z_j}}$$\n\n"
        f"$${{∂𝑦̂_i \\over ∂z_i}}={right}$$\n"
    )
    assert summaries(text)[3].split(":")[0].split(" when")[0] == status


@pytest.mark.parametrize(
    ("written", "blanked"),
    [
        ("{a \\\\ - b \\over c}", "{a    - b \\over c}"),
        ("\\frac{a \\\\ b}{c}", "\\frac{a    b}{c}"),
        ("\\displaylines{a \\\\ b}", None),  # rows of their own
        ("\\sum_{\\substack{j \\\\ k}}", None),
        ("\\frac{1}{\\begin{matrix} a \\\\ b \\end{matrix}}", None),
        ("a \\\\ b", None),  # a row break of the display
        ("\\left\\{ a \\\\ b \\right.", None),
        ("{a\n\n} b \\\\ c", None),  # a blank line ends every group
        ("{a $$ b \\\\ c", None),
    ],
)
def test_a_row_break_inside_a_brace_group_is_a_space(written, blanked):
    text = Text.of(written)
    blank_group_breaks(text)
    assert "".join(text.chars) == (blanked or written)


@pytest.mark.parametrize(
    ("numerator", "status"),
    [
        ("e^{z_i}\\sum_k e^{z_k} \\\\ - e^{2z_i}", "holds"),
        ("e^{z_i}\\sum_k e^{z_k} \\\\ + e^{2z_i}", "fails"),
    ],
)
def test_a_wrapped_numerator_is_read(numerator, status):
    text = SOFTMAX + (
        f"$${{\\partial p_i \\over \\partial z_i}}={{{numerator} \\over (\\sum_k e^{{z_k}})^2}}$$\n"
    )
    assert summaries(text)[3].startswith(status)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\sigma(z)(1 - \\sigma(z))", "holds"), ("\\sigma(z)(1 + \\sigma(z))", "fails")],
)
def test_sigma_defined_through_a_hatted_name(right, status):
    text = (
        "Substitute $\\hat{p}_i = \\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}$.\n\n"
        f"$$\\frac{{d}}{{dz}} \\sigma(z) = {right}$$\n"
    )
    assert summaries(text)[3].startswith(status)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\sum_{k \\neq i} y_k p_i", "holds"), ("\\sum_{k \\neq 1} y_k p_i", "fails")],
)
def test_a_concrete_index_beside_a_free_one_is_refuted_where_they_differ(right, status):
    text = SOFTMAX + f"$$\\sum_{{k\\neq i}} y_k \\frac{{1}}{{p_k}} p_k p_i = {right}$$\n"
    (step,) = check_document(text).steps
    assert step.summary.startswith(status), step.summary
    if status == "fails":  # at an index the step does not write (at i = 1 the sides agree)
        assert step.cases[0].verdict.counterexample is not None


DOCSTRING = """For brevity, let `x = logits`, `z = labels`.  With labels $z$, the logistic loss is

      z * -log(sigmoid(x)) + (1 - z) * -log(1 - sigmoid(x))
    = z * -log(1 / (1 + exp(-x))) + (1 - z) * -log(exp(-x) / (1 + exp(-x)))
    = RIGHT
"""


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("z * log(1 + exp(-x)) + (1 - z) * (x + log(1 + exp(-x)))", "holds"),
        ("z * log(1 + exp(-x)) + (1 - z) * (-x + log(1 + exp(-x)))", "fails"),
        ("z * -log(1 + exp(-x)) + (1 - z) * (x + log(1 + exp(-x)))", "fails"),
    ],
)
def test_a_plain_text_minus_after_a_times_sign(right, status):
    # TensorFlow's docstring of sigmoid_cross_entropy_with_logits writes z * -log(…)
    found = summaries(DOCSTRING.replace("RIGHT", right))
    assert found[4] == "holds"
    assert found[5].startswith(status), found
