"""Session 28: guards a red team and a review found on the day's readings.  Each correct reading
keeps a wrong twin refuted; each guard shows a false verdict turned into "not checked"."""

from __future__ import annotations

from tests.steps import all_summaries, summaries

SOFTMAX = "The softmax is\n$$p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$$\n"
USING = "using $\\frac{\\partial \\log x}{\\partial x} = \\frac{1}{x}$, we get:\n"
STEP = "$$\\frac{\\partial \\log p_k}{\\partial z_c} = RESULT$$\n"


def _case(sentence: str, result: str) -> str:
    return summaries(SOFTMAX + sentence + USING + STEP.replace("RESULT", result))[4]


def test_a_case_opened_in_another_language_or_after_a_display_is_read():
    for opening in ("When $k = c$, ", "Pour $k = c$, en ", "Für $k = c$, ", "Now, when $k = c$, "):
        assert _case(opening, "1 - p_c") == "holds when c = k", opening
        assert _case(opening, "1 + p_c").startswith("fails when c = k"), opening


def test_a_case_the_sentence_denies_or_replaces_is_not_taken():
    denied = _case("When $k = c$ does not hold, ", "1 - p_c")
    assert not denied.startswith("holds"), denied
    replaced = _case(
        "If $k = c$ the answer is known; for the remaining case $k \\neq c$ ", "1 - p_c"
    )
    assert not replaced.startswith("holds"), replaced


def test_the_first_alternative_of_a_row_is_not_compared_with_the_row_above():
    text = (
        "With $p = \\frac{1}{1 + e^{-z}}$ and $L = -y \\log p - (1 - y) \\log(1 - p)$:\n\n"
        "$$\\begin{aligned}\n\\frac{dL}{dz} &= p - y \\\\\n"
        "&= p - 1 \\ \\text{or} \\ p - 0 = p\n\\end{aligned}$$\n"
    )
    found = all_summaries(text)
    assert found[5][0].startswith("not checked: a row starting with '=' continues nothing")
    assert found[5][-1] == "holds"
    wrong = all_summaries(text.replace("p - 0 = p", "p - 0 = 1 - p"))
    assert wrong[5][-1].startswith("fails")


MAXIMUM = (
    "Softmax: $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. For stability let\n\n"
    "$$c = \\max_k z_k$$\n\nand\n\n$$u_i = e^{z_i - c}$$\n\nso that\n\n$$STEP$$\n"
)


def test_a_derivative_through_a_maximum_read_as_any_number_is_not_checked():
    # at the index of the maximum u_i is 1 whatever z_i is: its derivative there is 0
    found = summaries(MAXIMUM.replace("STEP", "\\frac{\\partial u_i}{\\partial z_i} = u_i"))
    assert found[11].startswith("not checked: a derivative through c = max_k z_k")


def test_a_step_without_a_derivative_still_holds_for_every_value_of_the_maximum():
    holds = MAXIMUM.replace("STEP", "\\frac{u_i}{\\sum_k u_k} = p_i")
    assert summaries(holds)[11] == "holds"
    wrong = MAXIMUM.replace("STEP", "\\frac{u_i}{\\sum_k u_k} = u_i")
    assert not summaries(wrong)[11].startswith("holds")


def test_a_derivative_by_an_entry_at_index_zero_is_not_read_where_sums_count_from_one():
    text = (
        "Indices start at zero:\n\n$$p_i = \\frac{e^{z_i}}{\\sum_{k=0}^{n} e^{z_k}}$$\n\n"
        "$$\\frac{\\partial p_0}{\\partial z_0} = p_0(1 - p_0)$$\n"
    )
    assert summaries(text)[5].startswith("not checked")
    one = text.replace("p_0", "p_1").replace("z_0", "z_1").replace("k=0", "k=1")
    assert summaries(one)[5] == "holds"
    assert summaries(one.replace("(1 - p_1)", "(1 + p_1)"))[5].startswith("fails")


def test_written_out_vectors_that_do_not_start_at_the_same_index_are_not_read():
    text = (
        "$$\n\\begin{pmatrix} y_1 \\\\ \\vdots \\\\ y_n \\end{pmatrix} = "
        "\\begin{pmatrix} e^{x_0} \\\\ \\vdots \\\\ e^{x_n} \\end{pmatrix}\n$$\n\n"
        "$$y_1 = e^{x_1}$$\n"
    )
    assert not summaries(text)[5].startswith("holds")
    spaced = (
        "$$\\mathbf{q} = \\begin{bmatrix} \\log x_1 \\\\ \\vdots \\\\ \\log x_n"
        " \\end{bmatrix}$$\n\n"
        "$$\\frac{\\partial q_i}{\\partial x_i} = STEP$$\n"
    )
    assert summaries(spaced.replace("STEP", "\\frac{1}{x_i}"))[3] == "holds"
    assert summaries(spaced.replace("STEP", "x_i"))[3].startswith("fails")
