"""Session 63: red team 74's false verdicts. A number a worked example gives a name after the
text's general steps is not its definition there; "the targets sum to one" said of a text's
own targets; the correct class named with "for every $m \\neq k$" or in a case's lead; a label
letter that the text also writes as a class index; column vectors signed by ``\\mathbb{R}^K``;
a lead that merges the cases is no case. Each withheld or held step has a twin that fails."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

WEIGHTED = (
    "With $y$ the target and $w$ the positive weight, the loss is\n\n"
    "$$\\ell = -\\left[ w y \\log \\sigma(x) + (1 - y) \\log(1 - \\sigma(x)) \\right]$$\n\n"
    "Without a positive weight ($w = 1$) this is the familiar form:\n\n"
    "$$\\ell = RIGHT$$\n\n"
    "If a class has 100 positive and 300 negative examples, set $w = \\frac{300}{100} = 3$.\n"
)


def test_a_worked_value_after_the_steps_is_no_definition_there() -> None:
    good = _steps(WEIGHTED.replace("RIGHT", "-y \\log \\sigma(x) - (1 - y) \\log(1 - \\sigma(x))"))
    assert good and all(status != "fails" for status, _ in good), good
    # wrong at w = 1 and at w = 3 alike: flagged
    bad = _steps(WEIGHTED.replace("RIGHT", "y \\log \\sigma(x) - (1 - y) \\log(1 - \\sigma(x))"))
    assert bad[0][0] == "fails", bad


LOSS_WORD = (
    "The weighted loss of one sample with target class $c$ is\n\n"
    "$$\\text{loss}(x, c) = w_c\\left(-x_c + \\log \\sum_j e^{x_j}\\right)$$\n\n"
    "and the bracket is a negative log-probability:\n\n"
    "$$-x_c + \\log \\sum_j e^{x_j} = RIGHT$$\n\n"
    "For two classes with $w = (1, 3)$, $x = (0, 0)$ and $c = 1$: "
    "$\\text{loss} = -3 \\log 0.5 = 3 \\log 2$.\n"
)


def test_a_number_for_a_function_name_is_a_worked_value() -> None:
    good = _steps(LOSS_WORD.replace("RIGHT", "-\\log \\frac{e^{x_c}}{\\sum_j e^{x_j}}"))
    assert [s for s, _ in good][:1] == ["holds"], good  # the loss's own line: no step
    bad = _steps(LOSS_WORD.replace("RIGHT", "\\log \\frac{e^{x_c}}{\\sum_j e^{x_j}}"))
    assert [s for s, _ in bad][:1] == ["fails"], bad


OWN_TARGETS = (
    "The error is $$E = -\\sum_j t_j \\log o_j$$ with\n"
    "$$o_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"
    "so that\n\n"
    "$$\\frac{\\partial E}{\\partial z_j} = -t_j + o_j\\sum_k t_k = RIGHT$$\n\n"
    "SAID\n"
)


def test_the_targets_said_to_sum_to_one_are_the_texts_own() -> None:
    said = "where the last step uses that the targets sum to one."
    good = _steps(OWN_TARGETS.replace("RIGHT", "o_j - t_j").replace("SAID", said))
    assert [s for s, _ in good][-1] == "holds", good
    unsaid = _steps(OWN_TARGETS.replace("RIGHT", "o_j - t_j").replace("SAID", ""))
    assert "does not state" in unsaid[-1][1], unsaid
    bad = _steps(OWN_TARGETS.replace("RIGHT", "t_j - o_j").replace("SAID", said))
    assert [s for s, _ in bad][-1] == "fails", bad


CLASS_K = (
    "Let $\\hat{y} = \\mathrm{softmax}(\\theta)$ and $CE = -\\sum_i y_i \\log \\hat{y}_i$, where "
    "$y$ is a one-hot label vector. Let $k$ be the index of the correct class, so VALUES\n\n"
    "For $m \\neq k$ the first term does not depend on $\\theta_m$:\n\n"
    "$$\\frac{\\partial CE}{\\partial \\theta_m} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    "values",
    ["$y_k = 1$ and $y_m = 0$ for every $m \\neq k$.", "$y_k = 1$ and every other entry is 0."],
)
def test_the_correct_class_named_by_the_text(values: str) -> None:
    text = CLASS_K.replace("VALUES", values)
    good = _steps(text.replace("RIGHT", "\\frac{e^{\\theta_m}}{\\sum_j e^{\\theta_j}}"))
    assert good and good[-1][0] != "fails", good
    bad = _steps(text.replace("RIGHT", "\\frac{e^{\\theta_m}}{\\sum_j e^{\\theta_j}} + 1"))
    assert bad[-1][0] == "fails", bad


NIELSEN = (
    "The log-likelihood cost is $C = -\\ln a_y$, with $y$ the true class and\n\n"
    "$$a_y = \\frac{e^{z_y}}{\\sum_k e^{z_k}}$$\n\n"
    "so $$\\frac{\\partial C}{\\partial z_j} = a_j - y_j$$\n\n"
    "Here $y_j$ is the one-hot encoding of the label. With $z_j = \\sum_k w_{jk} x_k + b_j$:\n\n"
    "$$\\frac{\\partial C}{\\partial w_{jk}} = \\frac{\\partial C}{\\partial z_j} x_k = RIGHT$$\n"
)


def test_a_label_letter_the_text_also_writes_as_a_class() -> None:
    good = _steps(NIELSEN.replace("RIGHT", "x_k(a_j - y_j)"))
    assert [s for s, _ in good] == ["not checked", "holds", "not checked"], good
    assert "both a vector" in good[-1][1]  # (the class y, not read: the step's labels y_j)
    # a step that does not rest on the label's reading is still flagged
    text = NIELSEN.split("so $$")[0] + "$$\\frac{\\partial a_j}{\\partial z_j} = RIGHT$$\n"
    assert _steps(text.replace("RIGHT", "a_j(1 - a_j)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "a_j(1 + a_j)"))[-1][0] == "fails"


COLUMNS = (
    "Let SPACE be the vector of logits and $\\mathbf{s} = \\mathrm{softmax}(\\mathbf{z})$, so\n\n"
    "$$\\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{z}} = "
    "\\operatorname{diag}(\\mathbf{s}) - RIGHT$$\n"
)
OUTER, INNER = "\\mathbf{s} \\mathbf{s}^\\top", "\\mathbf{s}^\\top \\mathbf{s}"


def test_a_vector_of_r_k_is_a_column() -> None:
    columns = COLUMNS.replace("SPACE", "$\\mathbf{z} \\in \\mathbb{R}^K$")
    assert _steps(columns.replace("RIGHT", OUTER))[-1][0] == "holds"
    rows_only = _steps(columns.replace("RIGHT", INNER))  # an inner product, as columns
    assert rows_only[-1][0] == "not checked", rows_only
    unsaid = _steps(COLUMNS.replace("SPACE", "$\\mathbf{z}$").replace("RIGHT", INNER))
    assert unsaid[-1][0] == "holds" and "as rows" in unsaid[-1][1], unsaid  # (no sign either way)


MERGED = (
    "When $i = j$ we have $$D_j S_i = S_i(1 - S_j)$$ and when $i \\neq j$\n\n"
    "$$D_j S_i = -S_j S_i$$\n\n"
    "(In the first case you may write $S_i(1-S_i)$, since $i$ and $j$ are the same index there.) "
    "With the Kronecker delta the two lines merge into one:\n\n"
    "$$D_j S_i = RIGHT$$\n"
)


def test_a_lead_that_merges_the_cases_is_no_case() -> None:
    text = "With $$S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n" + MERGED
    assert _steps(text.replace("RIGHT", "S_i(\\delta_{ij} - S_j)"))[-1][0] == "holds"
    dropped = _steps(text.replace("RIGHT", "S_i(1 - S_j)"))  # the delta dropped
    assert dropped[-1][0] != "holds", dropped
