"""Session 75's readings: each reading that withholds a flag has a twin that is still flagged."""

from __future__ import annotations

from symsoft.reading.document import check_document

SOFTMAX_CE = "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\log p_c$. For $k = c$:\n\n"


def steps(text: str):
    return check_document(text).steps


def test_a_bare_quad_between_factors_may_space_one_side() -> None:
    # review 74: "-\frac{1}{p_c} \quad p_c(1-p_c) = p_c - 1" was cut into two equations, both
    # flagged; read as one side both hold, so neither reading is the text's for certain
    text = (
        SOFTMAX_CE
        + "$$\\frac{\\partial L}{\\partial z_c} = -\\frac{1}{p_c} \\quad p_c(1-p_c) = p_c - 1$$\n"
    )
    found = steps(text)
    assert [s.status for s in found] == ["not checked", "not checked"], [s.summary for s in found]
    assert all("may space two factors" in s.summary for s in found)
    # the twin: the last side wrong under both readings is still flagged
    wrong = steps(text.replace("= p_c - 1$$", "= p_c + 1$$"))
    assert wrong[-1].status == "fails", wrong[-1].summary


def test_two_equations_parted_by_a_quad_are_each_judged() -> None:
    text = SOFTMAX_CE + (
        "$$\\frac{\\partial L}{\\partial z_c} = p_c - 1 \\quad "
        "\\frac{\\partial p_c}{\\partial z_c} = p_c(1 - p_c)$$\n"
    )
    found = steps(text)
    assert [s.status for s in found] == ["holds", "holds"], [s.summary for s in found]
    wrong = steps(text.replace("p_c(1 - p_c)$$", "p_c(1 + p_c)$$"))
    assert [s.status for s in wrong] == ["holds", "fails"], [s.summary for s in wrong]


SOFTMAX_A = "Let $a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"


def quotient(numerator: str) -> str:
    return (
        SOFTMAX_A
        + "$$\\frac{\\partial a_i}{\\partial z_i} = \\frac{e^{z_i} \\cdot "
        + numerator
        + "}{(\\sum_k e^{z_k})^2}$$\n"
    )


def test_a_sums_braces_are_not_drawn() -> None:
    # real round 84: "\sum_k{e^{z_k} - (e^{z_i})^2}" renders as Σ_k e^{z_k} − (e^{z_i})²; the
    # braces made the square part of the sum, and two correct steps were flagged
    found = steps(quotient(r"\sum_k{e^{z_k} - (e^{z_i})^2}"))[-1]
    assert found.status == "not checked", found.summary
    assert "braces of a sum's summand are not drawn" in found.summary
    # the same chain written without braces holds; a sign slip is flagged under both readings
    assert steps(quotient(r"\sum_k e^{z_k} - (e^{z_i})^2"))[-1].status == "holds"
    wrong = steps(quotient(r"\sum_k{e^{z_k} + (e^{z_i})^2}"))[-1]
    assert wrong.status == "fails", wrong.summary


ITERATES = (
    "$$\\theta^{0} = (b^0, w_1^0) = (4, 5), \\quad x_1 = 1.$$\n\n"
    "Let $h = \\sigma(b^0 + w_1^0 x_1)$.\n\n"
    "$$\\begin{aligned}\nb^1 &= 4 + 2\\alpha (3 - h) h (1 - h), \\\\\n"
    "w_1^1 &= 5 + 2\\alpha (3 - h) h (1 - h) \\cdot 1\n\\end{aligned}$$\n"
)


def test_superscripts_that_number_iterates_are_no_powers() -> None:
    # real round 84: "w_1^1 = 5 + 2\alpha(3 - h)h(1-h)\cdot 1" was read as w_1 to the power 1
    # and flagged; a text that gives b^0, w_1^1 values numbers iterates with them
    found = steps(ITERATES)
    assert not any(s.flagged for s in found), [s.summary for s in found]
    assert "may be a label (an iterate" in found[-1].summary


def test_a_power_one_or_zero_is_still_a_power_where_nothing_is_numbered() -> None:
    # Bernoulli's likelihood at y = 1: p^1 (1 - p)^0 = p (no name given a value with ^0, ^1)
    text = "Let $p = \\sigma(z)$.\n\n$$p^1 (1-p)^0 = p$$\n"
    assert steps(text)[-1].status == "holds", steps(text)[-1].summary
    wrong = steps(text.replace("= p$$", "= 1 - p$$"))[-1]
    assert wrong.status == "fails", wrong.summary


def test_a_brace_group_around_parentheses_takes_the_power_of_what_they_enclose() -> None:
    # real round 84: "{(\frac{1}{\sum_{k=1}^{C} e^{z_k}})}^2": the parentheses print, so the
    # square is on the fraction (a script on other brace groups stays ambiguous)
    text = (
        "Let $p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$.\n\n"
        "$$\\frac{\\partial p_j}{\\partial z_j} = \\frac{e^{z_j}}{\\sum_k e^{z_k}} + e^{z_j} "
        "\\times (-1) \\times {(\\frac{1}{\\sum_k e^{z_k}})}^2 \\times e^{z_j} = p_j - p_j^2$$\n"
    )
    assert [s.status for s in steps(text)] == ["holds", "holds"]
    wrong = steps(text.replace("(-1)", "(+1)"))
    assert [s.status for s in wrong] == ["fails", "fails"], [s.summary for s in wrong]
    # (the sum's own scripts inside the group: its braces are not the group's end)
    scripted = text.replace(
        "{(\\frac{1}{\\sum_k e^{z_k}})}^2", "{(\\frac{1}{\\sum_{k=1}^{N} e^{z_k}})}^2"
    )
    assert [s.status for s in steps(scripted)] == ["holds", "holds"]
    other = steps(text.replace("{(\\frac{1}{\\sum_k e^{z_k}})}^2", "{(a)(b)}^2"))
    assert other[0].status == "not checked", other[0].summary


def test_a_fraction_as_a_superscript_without_braces() -> None:
    # real round 84: "\sigma(z) = \frac{e^\frac{z}{2}}{e^\frac{z}{2}+e^\frac{-z}{2}}" is the
    # logistic function, written so to relate it to tanh; e^\frac{z}{2} is e^{z/2}
    text = (
        "We write $\\sigma(z) = \\frac{e^\\frac{z}{2}}{e^\\frac{z}{2}+e^\\frac{-z}{2}}$.\n\n"
        "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
    )
    held = steps(text)[-1]
    assert held.status == "holds", held.summary
    wrong = steps(text.replace("(1 - \\sigma(z))$$", "(1 + \\sigma(z))$$"))[-1]
    assert wrong.status == "fails", wrong.summary


def test_an_ordinal_after_denotes_gives_no_value() -> None:
    # real round 84: "$a_i$ denotes the $i$-th output node" made a_i = i, and every later step
    # with a_i went unread
    text = (
        "$$a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"
        "$a_i$ denotes the $i$-th output node.\n\n"
        "$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i)$$\n"
    )
    held = steps(text)[-1]
    assert held.status == "holds", held.summary
    wrong = steps(text.replace("a_i(1 - a_i)$$", "a_i(1 + a_i)$$"))[-1]
    assert wrong.status == "fails", wrong.summary


def test_numbers_shown_for_example_keep_the_definition() -> None:
    # real round 84: "$y$ and $a$ are both vectors, e.g., $y = [0,1,0], \quad a = [0.1, 0.6,
    # 0.3]$" is an illustration; a's definition stays in force for the derivation
    text = (
        "$$a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"
        "Note that $a$ is a vector, e.g.,\n\n$a = [0.1, 0.6, 0.3]$\n\n"
        "$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i) = a_i - a_i^2$$\n"
    )
    assert [s.status for s in steps(text)][-2:] == ["holds", "holds"]
    wrong = steps(text.replace("a_i(1 - a_i) =", "a_i(1 + a_i) ="))
    assert wrong[-2].status == "fails", wrong[-2].summary
