"""Steps said in prose with their index case (``$A = B$ if $i = j$ and $C$ otherwise.``),
definitions listed as rows of a ``$$…$$`` in a sentence (``\\\\[1ex]``, ``\\textbf{z}``), a name
the step differentiates by whose definition is not read, displays indented with ``&nbsp;``, and
a period written as a product (``e^{a_i}.\\sum``)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = (
    "Let $z_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$ be the softmax and $L = -\\sum_k y_k \\log z_k$ "
    "the cross-entropy, where the labels $y$ are one-hot.\n\n"
)


def steps(text: str) -> list[tuple[int, str, str | None]]:
    return [(s.line, s.status, s.condition) for s in check_document(text).steps]


CASES = [
    (
        "if, and the other case left unread",
        "The Jacobian is square and $\\frac{\\partial z_i}{\\partial a_j} = z_i(1 - z_i)$ if "
        "$i = j$ and $-z_j z_i$ otherwise.\n",
        "The Jacobian is square and $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if "
        "$i = j$ and $-z_j z_i$ otherwise.\n",
        "i = j",
    ),
    (
        "when, after an asserting word",
        "So $\\frac{\\partial z_i}{\\partial a_j} = -z_i z_j$ when $i \\neq j$.\n",
        "So $\\frac{\\partial z_i}{\\partial a_j} = z_i z_j$ when $i \\neq j$.\n",
        "i ≠ j",
    ),
    (
        "a sentence that starts with the equation",
        "$\\frac{\\partial z_i}{\\partial a_j} = z_i (1 - z_j)$ if $i = j$.\n",
        "$\\frac{\\partial z_i}{\\partial a_j} = z_i (1 + z_j)$ if $i = j$.\n",
        "i = j",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong", "case"), CASES, ids=[c[0] for c in CASES])
def test_an_equation_said_with_its_index_case_is_a_step_in_that_case(name, correct, wrong, case):
    [(line, status, condition)] = steps(SOFTMAX + correct)
    assert (line, status, condition) == (3, "holds", case)
    [bad] = check_document(SOFTMAX + wrong).steps
    assert (bad.line, bad.flagged, bad.condition) == (3, True, case), bad.summary
    assert bad.rhs.strip().startswith(("z_i", "-z_i", "z_i z_j")), bad.rhs


@pytest.mark.parametrize(
    "sentence",
    [
        # a mention, a hypothesis, a wish, a sentence that goes on: no step
        "We want $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $i = j$.",
        "Suppose $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $i = j$.",
        "It is wrong that $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $i = j$.",
        "So $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $i = j$ is a slip.",
        "Is $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $i = j$?",
        "The targets have $y_i = 1$ if $i = c$ and $0$ otherwise.",  # no derivative
        "Note $\\frac{\\partial z_i}{\\partial a_j} = z_i - y_i$ if $y_i = 1$.",  # no index case
    ],
)
def test_a_case_said_after_a_mention_is_no_step(sentence):
    result = check_document(SOFTMAX + sentence + "\n")
    assert not [s for s in result.steps if s.line == 3], result.lines()


QUESTION = (
    "In the classifier, we have that $$\\textbf{a} = W\\textbf{x} + b\\\\[1ex] "
    "\\textbf{z} = \\text{softmax}(\\textbf{a})\\\\[1ex] "
    "L(\\textbf{z},\\textbf{y}) = -\\sum_k \\log(z_k)y_k$$\n"
)


def test_rows_of_definitions_in_a_sentence_are_read():
    # z is read as the softmax of a; a = W x + b is not read, but a derivative by a itself does
    # not go through it (a step by W does: the test below)
    correct = QUESTION + "\n$$\\frac{\\partial{z_i}}{\\partial{a_j}} = z_i(\\delta_{ij} - z_j)$$\n"
    [step] = check_document(correct).steps
    assert step.status == "holds", step.summary
    [step] = check_document(correct.replace("- z_j)", "+ z_j)")).steps  # the sign slipped
    assert step.status == "fails", step.summary
    said = QUESTION + (
        "And $\\frac{\\partial{z_i}}{\\partial{a_j}} = z_i - y_i$ if $i = j$ and $-z_jz_i$ "
        "otherwise.\n"
    )
    [step] = check_document(said).steps  # the asker's diagonal: z_i(1 - z_i), not z_i - y_i
    assert (step.line, step.condition, step.flagged) == (2, "i = j", True), step.summary


def test_a_layer_written_with_a_matrix_is_read_in_a_step_by_its_weights():
    # a = W x + b with W_{jk} written: a_j = Σ_k W_{jk} x_k + b_j (session 61; it was not read)
    by_w = QUESTION + "\n$$\\frac{\\partial{z_i}}{\\partial{W_{jk}}} = RIGHT$$\n"
    [step] = check_document(by_w.replace("RIGHT", "z_i x_k")).steps  # the Jacobian dropped
    assert step.status == "fails", step.summary
    [step] = check_document(by_w.replace("RIGHT", "z_i(\\delta_{ij} - z_j) x_k")).steps
    assert step.status == "holds", step.summary


def test_a_display_indented_with_nbsp_is_a_display():
    text = SOFTMAX + (
        "$$\\frac{\\partial z_i}{\\partial a_i} = \\frac{e^{a_i}}{\\sum_k e^{a_k}} "
        "- \\frac{e^{2 a_i}}{(\\sum_k e^{a_k})^2}$$\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;$$= z_i(1 - z_i)$$\n"
    )
    assert [s for _, s, _ in steps(text)] == ["holds", "holds"]
    wrong = text.replace("= z_i(1 - z_i)$$", "= z_i(1 + z_i)$$")
    assert [s.flagged for s in check_document(wrong).steps] == [False, True]
    # math in a sentence stays in the sentence
    inline = SOFTMAX + "so the answer is $$\\frac{\\partial z_i}{\\partial a_i} = 7$$ here.\n"
    assert steps(inline) == []


PERIOD = [
    (
        "between a power and a sum",
        "$$\\frac{\\partial z_i}{\\partial a_j} = "
        "\\frac{0 - e^{a_i}.e^{a_j}}{(\\sum_k e^{a_k})^2}$$",
        "$$\\frac{\\partial z_i}{\\partial a_j} = "
        "\\frac{0 + e^{a_i}.e^{a_j}}{(\\sum_k e^{a_k})^2}$$",
    ),
    (
        "between names, with spaces",
        "$$\\frac{\\partial L}{\\partial a_i} = -y_i + y_i . z_i + \\sum_{k \\neq i} y_k.z_i$$",
        "$$\\frac{\\partial L}{\\partial a_i} = -y_i + y_i . z_i - \\sum_{k \\neq i} y_k.z_i$$",
    ),
]


@pytest.mark.parametrize(("name", "correct", "wrong"), PERIOD, ids=[p[0] for p in PERIOD])
def test_a_period_between_two_factors_is_a_product(name, correct, wrong):
    text = SOFTMAX.replace("one-hot", "one-hot (they sum to one)")
    [(_, status, _)] = steps(text + correct + "\n")
    assert status in ("holds", "holds only"), check_document(text + correct).lines()
    [bad] = check_document(text + wrong + "\n").steps
    assert bad.flagged, bad.summary


def test_a_period_that_is_no_product_is_left_alone():
    from symsoft.reading.documents.displays import find_displays
    from symsoft.reading.documents.punctuation import spell_period_products
    from symsoft.reading.documents.spans import Text

    source = (
        "$$\\left.\\frac{d f}{d x}\\right. = 0.5 x \\text{ e.g.then} \\quad a = b. \\\\ c = d."
        " Then x$$"
    )
    text = Text.of(source)
    spell_period_products(text, find_displays(text))
    assert text.slice(0, len(text.chars)) == source
    product = Text.of("$$y_i.p_i + e^{a}.\\sum_k x_k$$")
    spell_period_products(product, find_displays(product))
    assert product.slice(0, len(product.chars)) == "$$y_i*p_i + e^{a}*\\sum_k x_k$$"


@pytest.mark.parametrize(
    ("written", "name", "by"),
    [
        ("\\frac{\\partial{z_i}}{\\partial{a_j}}", "a", True),
        ("\\partial L / \\partial a_j", "a", True),
        ("{\\partial L \\over \\partial a_j}", "a", True),
        ("\\frac{\\partial L}{\\partial \\boldsymbol{\\theta}}", "theta", True),
        ("\\frac{\\partial L}{\\partial x_i}", "L", False),  # above the bar: no variable
        ("\\frac{\\partial}{\\partial x_i}(-\\log p_k)", "p", False),
    ],
)
def test_a_name_is_freed_only_as_the_variable_of_a_derivative(written, name, by):
    from symsoft.reading.meaning.scopes import differentiated_by

    assert differentiated_by(written, name) is by


def test_a_loss_not_read_is_not_freed_by_its_own_derivative():
    # L's definition is not read (a sum to c); ∂L/∂x_i at the correct class k is no flag
    text = (
        "$\\text{Softmax}(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$\n\n"
        "$L = - \\sum_{i=1}^c y_i log(p(x_i))$\n\n"
        "Here $y_i$ is one-hot and $p(x_i)$ means $\\text{Softmax}(x_i)$.\n\n"
        "If $k$ is the correct label, then $L = -log(p(x_k))$, and\n\n"
        "$\\frac{\\partial L}{\\partial x_i} = \\frac{\\partial}{\\partial x_i}(- log p(x_k))$\n"
    )
    assert not any(step.flagged for step in check_document(text).steps)
