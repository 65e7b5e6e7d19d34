"""Session 28: a softmax applied to one entry of a matrix, row by row (σ(Z_{nk})), the case a
sentence opens with, and rows that give alternatives.  Every reading that holds has a wrong
twin."""

from __future__ import annotations

from tests.steps import all_summaries, summaries

# the style of a course's notes: σ applied to an entry, its sum over the row's classes
ROWS = (
    "For the scores $Z_{nk}$ of sample $n$ the softmax is\n\n"
    "$$\\sigma(Z_{nk}) = \\frac{e^{Z_{nk}}}{\\sum_{m=1}^{K} e^{Z_{nm}}}$$\n\n"
    "and the loss of that sample is\n\n"
    "$$\\ell(Z_n, T_n) = -\\sum_{k=1}^{K} T_{nk} \\log \\sigma(Z_{nk})$$\n\n"
    "When $q = k$, using $\\frac{d \\log u}{d u} = \\frac{1}{u}$, we get:\n\n"
    "$$\\frac{\\partial \\log \\sigma(Z_{nq})}{\\partial Z_{nk}} = CASE$$\n\n"
    "In every case,\n\n"
    "$$\\frac{\\partial \\ell}{\\partial Z_{nk}} = GRADIENT$$\n"
)


def _rows(case: str, gradient: str) -> dict[int, str]:
    return summaries(ROWS.replace("CASE", case).replace("GRADIENT", gradient))


def test_a_softmax_applied_to_a_matrix_entry_is_read_along_its_row():
    found = _rows("1 - \\sigma(Z_{nk})", "-\\sum_{q=1}^{K} T_{nq}(\\delta_{qk} - \\sigma(Z_{nk}))")
    assert found[3].startswith("definition")
    assert found[7].startswith("definition")
    assert found[11] == "holds when k = q"  # the case the sentence opens with, before its math
    assert found[15] == "holds"


def test_a_wrong_step_on_a_softmax_of_a_matrix_entry_is_refuted():
    found = _rows("1 + \\sigma(Z_{nk})", "-\\sum_{q=1}^{K} T_{nq}(\\delta_{qk} + \\sigma(Z_{nk}))")
    assert found[11].startswith("fails")
    assert found[15].startswith("fails")
    dropped = _rows("1 - \\sigma(Z_{nk})", "-\\sum_{q=1}^{K} T_{nq}(1 - \\sigma(Z_{nk}))")
    assert dropped[15].startswith("fails")  # the Kronecker delta dropped


def test_a_step_about_two_rows_is_not_read_as_one():
    other = ROWS.replace("CASE", "1 - \\sigma(Z_{nk})").replace(
        "\\frac{\\partial \\ell}{\\partial Z_{nk}} = GRADIENT",
        "\\frac{\\partial \\sigma(Z_{pk})}{\\partial Z_{nk}}"
        " = \\sigma(Z_{nk})(1 - \\sigma(Z_{nk}))",
    )
    assert summaries(other)[15].startswith("not checked")


def test_the_row_letter_as_a_call_argument_alone_is_not_a_row():
    # \ell(Z_n) beside Z_{nk} is row n; a tuple (Z_n) outside a call is no such reading
    text = ROWS.replace("\\ell(Z_n, T_n)", "\\ell").replace("CASE", "1 - \\sigma(Z_{nk})")
    found = summaries(text.replace("GRADIENT", "\\sigma(Z_{nk}) - T_{nk}"))
    assert found[11] == "holds when k = q"
    assert not found[15].startswith("fails")  # T one-hot is not stated: never a flag


OR = (
    "With $p = \\frac{1}{1 + e^{-z}}$, the loss $L = -y \\log p - (1 - y) \\log(1 - p)$ has\n\n"
    "$$\\begin{aligned}\n"
    "\\frac{dL}{dz} &= p - y \\\\\n"
    "&= p - 1 \\ \\text{or} \\ BRANCH \\\\\n"
    "&= LAST\n"
    "\\end{aligned}$$\n"
)


def test_a_row_after_alternatives_continues_neither():
    found = all_summaries(OR.replace("BRANCH", "p - 0 = p").replace("LAST", "p - y"))
    assert found[6] == ["not checked: a row starting with '=' continues nothing (column 2)"]
    assert found[5][-1] == "holds"  # p - 0 = p, the second alternative, is judged


def test_a_wrong_alternative_is_still_refuted():
    found = all_summaries(OR.replace("BRANCH", "p - 0 = p + 1").replace("LAST", "p - y"))
    assert found[5][-1].startswith("fails")


# a stable-softmax post: the maximum named in a word subscript, steps the max-shift grammar
# does not read (a softmax applied to one entry, \sum _{j} ^{n} with its bounds apart)
MAXIMUM = (
    "We define\n\n$$\nS_{i} = \\frac{\\exp(z_{i})}"
    "{\\sum _{j} ^{n} \\exp(z_{j})}\n$$\n\n"
    "To avoid overflow we subtract the largest logit:\n\n$$\nz_{max} = \\max(z)\\\\\n"
    "\\begin{align}\nS_{i} &= \\frac{\\exp(z_{i} - z_{max})}"
    "{\\sum _{j} ^{n} \\exp(z_{j} - z_{max})} \\\\\n&= LAST\n\\end{align}\n$$\n"
)
LOG = "\\exp(z_{i} - z_{max} - \\log \\sum _{j} ^{n} \\exp(z_{j} - z_{max}))"


def test_a_maximum_whose_definition_is_not_read_is_any_number_in_a_step_that_holds():
    found = all_summaries(MAXIMUM.replace("LAST", LOG))
    assert found[10] == ["definition of z_max as max_k z_k"]
    assert found[12] == ["holds"]
    assert found[13] == ["holds"]


def test_a_wrong_step_with_the_maximum_is_never_proved():
    (verdict,) = all_summaries(MAXIMUM.replace("LAST", LOG.replace("- \\log", "+ \\log")))[13]
    assert verdict.startswith("not checked: it does not hold for every value of z")
    assert "at z_max = max_k z_k not decided" in verdict
    dropped = MAXIMUM.replace("LAST", LOG.replace("z_{i} - z_{max}", "z_{i}"))
    assert not all_summaries(dropped)[13][0].startswith("holds")


# a function named by a word, defined on an entry (a Chinese blog's logsoftmax, a course's lsm);
# (session 67: "which gives" between them, as two back-to-back definitions that differ are a
# correction as likely as a failing step, not judged)
WORD = (
    "$$\nNAME(z_{i}) = \\log \\frac{\\exp(z_{i})}{\\sum_{j} \\exp(z_{j})}\n$$\nwhich gives\n"
    "$$\nNAME(z_{i}) = STEP\n$$\n"
)


def test_a_function_named_by_a_word_and_defined_on_an_entry_is_read_at_every_entry():
    for name in ("logsoftmax", "\\operatorname{lsm}", "\\text{lsm}"):
        text = WORD.replace("NAME", name)
        found = summaries(text.replace("STEP", "z_{i} - \\log \\sum_{j} \\exp(z_{j})"))
        assert found[2].startswith("definition")
        assert found[6] == "holds", (name, found)


def test_a_wrong_step_on_a_function_named_by_a_word_is_refuted():
    for name in ("logsoftmax", "\\operatorname{lsm}"):
        text = WORD.replace("NAME", name)
        wrong = summaries(text.replace("STEP", "z_{i} + \\log \\sum_{j} \\exp(z_{j})"))
        assert wrong[6].startswith("fails"), (name, wrong)
    # applied to the whole vector somewhere: not a function of entries only, not read
    whole = WORD.replace("NAME", "logsoftmax") + "\n$$\\sum_i \\exp(logsoftmax(z)) = 1$$\n"
    assert summaries(whole.replace("STEP", "z_{i} + \\log \\sum_{j} \\exp(z_{j})"))[6].startswith(
        "not checked"
    )


def test_a_word_applied_to_one_whole_vector_and_defined_so_is_its_name():
    text = (
        "$$\nloss(x) = -\\sum_{i} y_{i} \\log \\frac{\\exp(x_{i})}{\\sum_{j} \\exp(x_{j})}\n$$\n\n"
        "$$\n\\frac{\\partial loss(x)}{\\partial x_{k}} = STEP\n$$\n"
    )
    assert (
        summaries(
            text.replace("STEP", "\\frac{\\exp(x_{k})}{\\sum_{j} \\exp(x_{j})} \\sum_i y_i - y_{k}")
        )[6]
        == "holds"
    )
    assert summaries(text.replace("STEP", "y_{k} - \\frac{\\exp(x_{k})}{\\sum_{j} \\exp(x_{j})}"))[
        6
    ].startswith("fails")
    # applied to two different vectors: no one name
    two = text + "\n$$\nloss(z) = 0\n$$\n"
    assert summaries(two.replace("STEP", "y_{k}"))[6].startswith("not checked")
