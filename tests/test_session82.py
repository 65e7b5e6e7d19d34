"""Session 82's readings; each rule that changes a verdict has a twin with a plausible wrong
formula (or without the words it reads) whose verdict is checked too."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.worded_diagonal import index_pair, worded_diagonal


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


def conditions(text: str) -> list[str | None]:
    return [step.condition for step in check_document(text).steps]


SOFTMAX = r"Let $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$." + "\n\n"
PARTIAL = r"$$\frac{\partial S_i}{\partial a_j} = "


@pytest.mark.parametrize(
    ("words", "right", "wrong"),
    [
        ("On the diagonal,", r"S_i(1 - S_i)", r"S_i(1 + S_i)"),
        ("For the diagonal entries:", r"S_i - S_i^2", r"-S_i^2"),
        ("When the indices coincide, we get", r"S_i(1 - S_j)", r"S_j(1 - S_j) - 1"),
        ("When the two indices are equal:", r"S_j - S_i S_j", r"S_j + S_i S_j"),
        ("Off the diagonal,", r"-S_i S_j", r"S_i S_j"),
        ("For the off-diagonal entries:", r"-S_j S_i", r"S_j S_i"),
        ("When the indices differ, we have", r"-S_i S_j", r"-S_i^2"),
        ("### Off-diagonal terms\n\nThe quotient rule gives", r"-S_i S_j", r"S_i S_j"),
    ],
)
def test_the_diagonal_said_in_words_is_the_case(words: str, right: str, wrong: str) -> None:
    text = SOFTMAX + words + "\n\n" + PARTIAL + "{entry}$$\n"
    assert statuses(text.replace("{entry}", right)) == ["holds"]
    assert statuses(text.replace("{entry}", wrong)) == ["fails"]
    case = "i = j" if "ff" not in words else "i ≠ j"
    assert conditions(text.replace("{entry}", wrong)) == [case]


def test_without_the_words_the_entry_is_judged_for_every_case() -> None:
    text = SOFTMAX + "The quotient rule gives\n\n" + PARTIAL + "S_i(1 - S_i)$$\n"
    assert statuses(text) == ["holds only"]  # (when i = j: the case is not said)
    # a wrong entry in the words' case that holds in the other is withheld, never flagged
    other = SOFTMAX + "Off the diagonal,\n\n" + PARTIAL + "S_i(1 - S_j)$$\n"
    assert statuses(other) == ["not checked"]


@pytest.mark.parametrize(
    "words",
    [
        "Both on and off the diagonal,",
        "For all entries, diagonal or not,",
        "Unlike the diagonal,",
        "On the diagonal ($i = j$) and elsewhere,",
        "The diagonal entries are simple.",
    ],
)
def test_words_of_more_than_one_case_name_none(words: str) -> None:
    body = r"\frac{\partial S_i}{\partial a_j} = S_i(1 - S_i)"
    assert worded_diagonal(words, body) is None or "$" in words


def test_the_pair_is_the_derivatives_two_indices() -> None:
    assert index_pair(r"\frac{\partial \hat{y}_{i}}{\partial z_{j}} = 0") == ("i", "j")
    assert index_pair(r"J_{ij} = 0") == ("i", "j")
    assert index_pair(r"D_j S_i = 0") == ("j", "i")
    assert index_pair(r"\frac{\partial L}{\partial z_i} = 0") is None
    # the sum's index is bound: the softmax written out still names the pair
    assert index_pair(r"\frac{\partial}{\partial z_j} \frac{e^{z_i}}{\sum_k e^{z_k}} = 0") == (
        "j",
        "i",
    )
    assert index_pair(r"\frac{\partial p_i}{\partial z_j} + q_k = 0") is None  # three free


CASES = (
    SOFTMAX + r"$$\frac{\partial S_i}{\partial a_j} = \begin{cases} {first} & \text{otherwise} "
    r"\\ {second} & i = j \end{cases}$$" + "\n"
)


def test_an_otherwise_row_first_is_the_other_rows_other_case() -> None:
    text = CASES.replace("{first}", r"-S_i S_j").replace("{second}", r"S_i(1 - S_i)")
    assert statuses(text) == ["holds", "holds"]
    assert conditions(text) == ["i ≠ j", "i = j"]
    # the rows swapped: each fails in its case
    swapped = CASES.replace("{first}", r"S_i(1 - S_i)").replace("{second}", r"-S_i S_j")
    assert statuses(swapped) == ["fails", "fails"]
    # a sign slip in the first row
    slip = CASES.replace("{first}", r"S_i S_j").replace("{second}", r"S_i(1 - S_i)")
    assert statuses(slip) == ["fails", "holds"]


def test_two_otherwise_rows_name_no_case() -> None:
    text = CASES.replace("{first}", r"-S_i S_j").replace("{second}", r"S_i(1 - S_i)")
    twice = text.replace("& i = j", r"& \text{otherwise}")
    assert "holds" not in statuses(twice)


EXERCISES = (
    "d) We consider the function\n\n$$\nf(x) = x^3\n$$\n\nBy the power rule\n\n$$\n"
    "f'(x) = 3x^2\n$$\n\n{words}\n\n$$\nf(x) = x^2 + 1\n$$\n\nBy the power rule\n\n$$\n"
    "f'(x) = {derivative}\n$$\n"
)


@pytest.mark.parametrize(
    "words", ["e) We consider the function", "Now consider", "e) Wir betrachten die Funktion"]
)
def test_a_function_announced_anew_below_a_display_opening_line(words: str) -> None:
    text = EXERCISES.replace("{words}", words)
    assert statuses(text.replace("{derivative}", "2x")) == [
        "definition",
        "holds",
        "definition",
        "holds",
    ]
    assert statuses(text.replace("{derivative}", "3x^2"))[-1] == "fails"


def test_a_function_written_again_without_words_is_a_step() -> None:
    text = EXERCISES.replace("{words}", "The same function:").replace("{derivative}", "2x")
    assert statuses(text)[2] == "fails"  # f(x) = x^2 + 1 against f(x) = x^3


WORKED = (
    r"The softmax with temperature is $p_i = \frac{e^{z_i/T}}{\sum_k e^{z_k/T}}$." + "\n\n"
    r"Take $\mathbf{z} = [1.0, 2.0, 3.0]$ and $T = 0.5$: the scaled logits are $[2.0, 4.0, 6.0]$."
    "\n\n"
    r"$$P(y_1) = \frac{e^{2.0}}{e^{2.0} + e^{4.0} + e^{6.0}} = {rounded} = {value}$$" + "\n"
)


def test_rounded_numbers_beside_a_parameter_of_the_text() -> None:
    text = WORKED.replace("{rounded}", r"\frac{7.39}{7.39 + 54.60 + 403.43}")
    assert statuses(text.replace("{value}", "0.016"))[1:] == ["holds", "holds"]
    assert statuses(text.replace("{value}", "0.16"))[-1] == "fails"
    # a rounded value that is not the exponential's: flagged
    wrong = WORKED.replace("{rounded}", r"\frac{7.39}{7.39 + 54.60 + 40.34}")
    assert statuses(wrong.replace("{value}", "0.016"))[1] == "fails"


COGS = (
    "The sigmoid is ![](http://latex.codecogs.com/svg.latex?\\\\sigma(x)=\\\\frac{1}{1+e^{-x}})"
    ", so its derivative is\n\n"
    "![](http://latex.codecogs.com/svg.latex?\\\\frac{d\\\\sigma}{dx}=\\\\frac{e^{-x}}{(1+e^{-x})^2})"
    "\n\n![](https://latex.codecogs.com/svg.latex?=\\\\sigma(x)(1{sign}\\\\sigma(x)))\n"
)


def test_a_formula_drawn_by_codecogs_is_read() -> None:
    assert statuses(COGS.replace("{sign}", "-")) == ["holds", "holds"]
    assert statuses(COGS.replace("{sign}", "+")) == ["holds", "fails"]


def test_the_service_escapes_and_an_html_image() -> None:
    from symsoft.reading.documents.image_math import spell_image_math

    tag = '<img src="https://latex.codecogs.com/gif.latex?\\sigma(x)&space;=&space;x&plus;1" />'
    spelled = spell_image_math(tag)
    assert len(spelled) == len(tag)
    assert " ".join(spelled.split()) == "$ \\sigma(x) = x +1$"
    zhihu = '<img src="https://www.zhihu.com/equation?tex=%5Cfrac%7Ba%7D%7Bb%7D+%3D+c" alt="">'
    assert " ".join(spell_image_math(zhihu).split()) == "$ \\frac {a } {b } = c$"
    # an ordinary image, or a formula not closed on its line, is left as written
    for other in [
        "![plot](https://example.com/a.png)",
        "![](http://latex.codecogs.com/svg.latex?a=(b\n)",
    ]:
        assert spell_image_math(other) == other


ZHIHU = (
    r"Let $p = \frac{1}{1+e^{-z}}$ and $L = -y \log p - (1-y) \log(1-p)$." + "\n\n"
    '<img src="https://www.zhihu.com/equation?tex=%5Cfrac%7B%5Cpartial+L%7D%7B%5Cpartial+z%7D'
    '+%3D+{grad}" alt="" class="ee_img tr-noresize" eeimg="1">\n'
)


def test_a_zhihu_equation_image_is_read() -> None:
    assert statuses(ZHIHU.replace("{grad}", "p+-+y")) == ["holds"]
    assert statuses(ZHIHU.replace("{grad}", "y+-+p")) == ["fails"]


SOFT_TARGETS = (
    r"Let $a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $C = -\sum_i y_i \ln a_i$ {words}" + "\n\n"
    r"$$\frac{\partial C}{\partial z_j} = {grad}$$" + "\n"
)


@pytest.mark.parametrize(
    "words",
    ["(soft labels, the $y_i$ sum to one)", "(soft labels; the targets sum to one)."],
)
def test_a_sum_to_one_after_soft_labels_in_a_parenthesis(words: str) -> None:
    text = SOFT_TARGETS.replace("{words}", words)
    (step,) = check_document(text.replace("{grad}", "a_j - y_j")).steps
    assert step.status == "holds" and step.hypothesis_stated
    assert statuses(text.replace("{grad}", "y_j - a_j")) == ["fails"]
    # without the total, the gradient needs it: flagged as needing an unstated hypothesis
    bare = SOFT_TARGETS.replace("{words}", "(soft scores)")
    (step,) = check_document(bare.replace("{grad}", "a_j - y_j")).steps
    assert not step.hypothesis_stated


@pytest.mark.parametrize(
    ("words", "case"),
    [
        ("Auf der Diagonalen gilt", "i = j"),
        ("Außerhalb der Diagonalen:", "i ≠ j"),
        ("Sur la diagonale, on a", "i = j"),
        ("Hors de la diagonale,", "i ≠ j"),
        ("对角线上：", "i = j"),
        ("非对角元素：", "i ≠ j"),
    ],
)
def test_the_diagonal_in_other_languages(words: str, case: str) -> None:
    body = r"\frac{\partial S_i}{\partial a_j} = S_i(1 - S_i)"
    found = worded_diagonal(words, body)
    assert found is not None and str(found) == case
    # words that open no case, or that go on to the whole matrix
    assert worded_diagonal("Die Jacobi-Matrix auf der Diagonalen:", body) is None
    assert worded_diagonal("On the diagonal and off it, the Jacobian is", body) is None


PER_EXAMPLE = (
    r"$$L = -\frac{1}{m} \sum_{i=1}^{m} \left( y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i)"
    r" \right)$$" + "\n\n### Loss Function for a Single Example\n\n"
    r"$$L_i = -\left( y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i) \right)$$" + "\n\n"
    "Its derivative:\n\n"
    r"$$\frac{dL_i}{d\hat{y}_i} = {grad}$$" + "\n"
)


def test_an_examples_loss_under_a_heading_is_a_name_of_its_own() -> None:
    right = r"-\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i}"
    assert statuses(PER_EXAMPLE.replace("{grad}", right)) == ["definition", "definition", "holds"]
    wrong = r"-\frac{y_i}{\hat{y}_i} - \frac{1 - y_i}{1 - \hat{y}_i}"
    assert statuses(PER_EXAMPLE.replace("{grad}", wrong))[-1] == "fails"
    # without the words, L_i is an entry of the number L: not read
    bare = PER_EXAMPLE.replace("### Loss Function for a Single Example", "Next,")
    assert statuses(bare.replace("{grad}", right))[-1] == "not checked"


def test_mathjax_delimiters_kept_in_a_code_span() -> None:
    text = (
        "The softmax:\n\n`\\[\nq_i=\\frac{\\exp(z_i)}{\\sum _j \\exp(z_j)}\n\\]`\n\n"
        "+ `\\(z_i\\)`: the logits\n\nIts Jacobian on the diagonal:\n\n"
        "`\\[\n\\frac{\\partial q_i}{\\partial z_i} = {entry}\n\\]`\n"
    )
    assert statuses(text.replace("{entry}", "q_i(1-q_i)")) == ["definition", "holds"]
    assert statuses(text.replace("{entry}", "q_i(1+q_i)")) == ["definition", "fails"]
    # a code span of other code stays code
    code = "Run `x = 1` first.\n\n$$\\frac{d}{dx} x^2 = 2x$$\n"
    assert statuses(code) == ["holds"]


INDEXED_CASE = (
    "The loss of one example is\n\n"
    r"$$L_i = -\left( y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i) \right)$$" + "\n\n"
    "### Step by step\n\nFor $y_i = 1$:\n\n"
    r"$$L_i = {case}$$" + "\n\nIn general,\n\n"
    r"$$\frac{dL_i}{d\hat{y}_i} = {grad}$$" + "\n"
)


def test_a_loss_restated_under_an_indexed_label_case_is_no_new_meaning() -> None:
    right = r"-\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i}"
    text = INDEXED_CASE.replace("{case}", r"-\log \hat{y}_i")
    # the case's row is not a new meaning of L_i: the general derivative is judged under the first
    assert statuses(text.replace("{grad}", right))[-1] == "holds"
    assert statuses(text.replace("{grad}", r"-\frac{y_i}{\hat{y}_i}"))[-1] == "fails"
    # the case's row itself is never flagged where it holds at y_i = 1
    assert statuses(text.replace("{grad}", right))[1] != "fails"


INDEXED_LEAD = (
    r"$$L_i = -\left( y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i) \right)$$" + "\n\n"
    "For $y_i = 1$:\n\n"
    r"$$L_i = -\log \hat{y}_i$$" + "\n\nSo the derivative is:\n\n"
    r"$$\frac{dL_i}{d\hat{y}_i} = {grad}$$" + "\n"
)


def test_an_indexed_label_value_said_before_a_display() -> None:
    steps = check_document(INDEXED_LEAD.replace("{grad}", r"-\frac{1}{\hat{y}_i}")).steps
    assert [s.status for s in steps] == ["definition", "holds", "holds"]
    assert steps[2].condition == "y_i = 1 for every i"
    wrong = INDEXED_LEAD.replace("{grad}", r"\frac{1}{\hat{y}_i}")
    assert statuses(wrong)[-1] == "fails"
    # a value other than the label's two is no case read here
    other = INDEXED_LEAD.replace("$y_i = 1$", "$y_i = 2$").replace(
        "{grad}", r"-\frac{1}{\hat{y}_i}"
    )
    assert "holds" not in statuses(other)[1:]


def test_an_indexed_value_of_a_summed_label_is_no_case_of_every_entry() -> None:
    # "When $y_c = 1$" of a one-hot y: not y_m = 1 for every m (where N p_c - 1 would hold)
    text = (
        r"Let $p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$ and $L = -\sum_j y_j \log p_j$." + "\n\n"
        "When $y_c = 1$:\n\n" + r"$$\frac{\partial L}{\partial z_c} = {grad}$$" + "\n"
    )
    assert statuses(text.replace("{grad}", "N p_c - 1")) != ["holds"]
    assert statuses(text.replace("{grad}", "-N p_c + 1")) != ["holds"]


SHEET = (
    "(i)\n\n$$\nf(x) = \\frac{1}{1 + e^{-x}}\n$$\n\n{mark}\n\n$$\nf(x) = {second}\n$$\n\n"
    "$$\nf'(x) = {derivative}\n$$\n"
)


@pytest.mark.parametrize(
    "mark",
    [
        "(ii)",
        "2. Differentiate",
        "Next, let",
        "Problem 2.",
        "For the softplus function",
        "Second, let",  # review 82c: these too
        "Finally, let",
        "As a second example, let",
        "**2.** Let",
        "Problem 2",
        "Next,",
    ],
)
def test_an_exercise_sheets_next_part_is_neither_judged_nor_assumed(mark: str) -> None:
    text = SHEET.replace("{mark}", mark).replace("{second}", r"\frac{1}{1 + e^{-2x}}")
    # the new f is not refuted against the first part's, and a wrong derivative of it (true of
    # the first f only) never holds
    wrong = statuses(text.replace("{derivative}", "f(x)(1 - f(x))"))
    assert "fails" not in wrong and "holds" not in wrong
    right = statuses(text.replace("{derivative}", "2 f(x)(1 - f(x))"))
    assert "fails" not in right


def test_a_restatement_of_the_same_function_after_a_part_mark_is_still_judged() -> None:
    text = SHEET.replace("{mark}", "(ii)").replace("{second}", r"\frac{e^{x}}{1 + e^{x}}")
    assert statuses(text.replace("{derivative}", "f(x)(1 - f(x))")) == [
        "definition",
        "holds",
        "holds",
    ]
    assert statuses(text.replace("{derivative}", "f(x)(1 + f(x))"))[-1] == "fails"


@pytest.mark.parametrize("lead", ["Then", "So"])  # "Finally," opens one (review 83a)
def test_a_lone_connective_before_a_function_written_again_is_no_new_part(lead: str) -> None:
    # "Next," alone opens a part (review 82c), "Then" alone does not: f written again after it
    # is a step, and a wrong simplification of it is flagged (session 60's case heading test)
    text = "Let $f(x) = |x| + x$.\n\n{lead}\n\n$$f(x) = {value}$$\n".replace("{lead}", lead)
    assert statuses(text.replace("{value}", "x"))[-1] == "fails"
    assert statuses(text.replace("{value}", "x + |x|"))[-1] == "holds"


THROUGH = (
    "Let $u = 1 + e^{-z}$.\n\n$$y(z) = \\frac{1}{u}$$\n\nand\n\n$$\\frac{dy(z)}{dz} = {grad}$$\n"
)


def test_a_function_defined_through_a_letter_the_text_defines() -> None:
    assert statuses(THROUGH.replace("{grad}", "y(z)(1 - y(z))")) == ["definition", "holds"]
    assert statuses(THROUGH.replace("{grad}", "y(z)(1 + y(z))")) == ["definition", "fails"]
    # called at another argument, the letter's value goes with it: y(-z) = 1 - y(z)
    other = THROUGH.replace("\\frac{dy(z)}{dz} = {grad}", "y(-z) = {value}")
    assert statuses(other.replace("{value}", "1 - y(z)"))[-1] == "holds"
    assert statuses(other.replace("{value}", "y(z)"))[-1] == "fails"


LOST_BREAK = (
    "$$\n\\begin{aligned}\n    & y = \\frac{1}{1 + e^{-t}} \\\\\n"
    "    & e^{-t} = \\frac{1}{y} - 1 = {rewrite}\n    & t = \\ln \\frac{y}{1 - y}\n"
    "\\end{aligned}\n$$\n"
)


def test_a_row_break_left_out_before_a_line_opened_by_an_equation() -> None:
    steps = check_document(LOST_BREAK.replace("{rewrite}", r"\frac{1 - y}{y}")).steps
    assert [s.status for s in steps][1:3] == ["holds", "holds"]
    wrong = check_document(LOST_BREAK.replace("{rewrite}", r"\frac{1 + y}{y}")).steps
    assert wrong[2].status == "fails" and wrong[2].rhs.strip() == r"\frac{1 + y}{y}"
    # a remark on the next line ("& \text{since } …") stays in its row
    remark = (
        "$$\n\\begin{aligned}\n\\frac{d p}{d z} &= p(1 - p)\n & \\text{since } p = \\sigma(z)"
        " \\\\\n&= p - p^2\n\\end{aligned}\n$$\n"
    )
    assert statuses(remark)[-1] != "not checked"
