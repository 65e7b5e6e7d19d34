"""The true class written as an index, in every spelling: a loss defined with a letter it leaves
free (``L = -\\log p_y``, ``-z_c + \\log \\sum_j e^{z_j}``, an indicator ``\\mathbb{1}\\{k = y\\}``,
``[k = y]``, ``\\mathbb{I}(y = k)``, ``1_{k=y}``), a subscript holding a subscript (``s_{y_i}``,
``\\sum_{j \\neq y_i}``) with no sentence naming the class, one example's superscripts
(``z^{(i)}_{y^{(i)}}``), a word subscript (``x_{max}``), and a chain rule whose sum is left
implicit.  Every reading that holds has a twin with a plausible slip that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = r"With $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and "


def by_line(text: str) -> dict:
    return {step.line: step for step in check_document(text).steps}


@pytest.mark.parametrize(
    "loss, indicator",
    [
        (r"L = -\log p_y", r"\mathbb{1}\{k = y\}"),
        (r"L = -z_c + \log \sum_j e^{z_j}", r"[k = c]"),
        (r"L = -\sum_k \mathbb{1}\{k = y\} \log p_k", r"\mathbb{1}\{k = y\}"),
        (r"L = -\sum_k [k = y] \log p_k", r"[k = y]"),
        (r"L = -\sum_k \mathbb{I}(y = k) \log p_k", r"\mathbb{I}(y = k)"),
        (r"L = -\sum_k 1_{k=y} \log p_k", r"1_{k=y}"),
    ],
)
def test_a_loss_at_a_class_letter_is_read(loss: str, indicator: str) -> None:
    text = f"{SOFTMAX}${loss}$:\n\n$$\\frac{{\\partial L}}{{\\partial z_k}} = p_k - {indicator}$$\n"
    assert by_line(text)[3].status == "holds"
    slipped = text.replace(f"= p_k - {indicator}", f"= p_k + {indicator}")
    assert by_line(slipped)[3].flagged


def test_a_dropped_sum_is_no_class_letter() -> None:
    """``L = -y_i \\log p_i``: i indexes two names, a sum dropped, not a class; not read, so
    the gradient of the summed loss is not refuted against it."""
    step = "$$\\frac{\\partial L}{\\partial z_k} = p_k - y_k$$\n"
    text = f"{SOFTMAX}$L = -y_i \\log p_i$:\n\n{step}"
    assert not by_line(text)[3].flagged


def test_a_class_letter_that_is_also_a_vector_is_not_a_parameter() -> None:
    text = (
        f"{SOFTMAX}$L = -\\log p_y$ and $\\sum_k y_k = 1$:\n\n"
        "$$\\frac{\\partial L}{\\partial z_k} = p_k - \\mathbb{1}\\{k = y\\}$$\n"
    )
    assert by_line(text)[3].status == "not checked"


CS231N = r"""
The scores are $s_j$ and the loss of example $i$ is

$$L_i = -\log \frac{e^{s_{y_i}}}{\sum_j e^{s_j}} = -s_{y_i} + \log \sum_j e^{s_j}$$

$$\frac{\partial L_i}{\partial s_{y_i}} = \frac{e^{s_{y_i}}}{\sum_j e^{s_j}} - 1$$

$$\sum_{j \neq y_i} \frac{e^{s_j}}{\sum_k e^{s_k}} = 1 - \frac{e^{s_{y_i}}}{\sum_k e^{s_k}}$$
"""


def test_a_subscript_holding_a_subscript_is_the_class_without_words() -> None:
    steps = check_document(CS231N).steps
    assert [s.status for s in steps][1:] == ["holds", "holds", "holds"]


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"} - 1$$", r"} + 1$$"),
        (r"= 1 - \frac{e^{s_{y_i}}}", r"= 1 + \frac{e^{s_{y_i}}}"),
    ],
)
def test_a_slip_beside_a_subscript_holding_a_subscript_is_flagged(right: str, wrong: str) -> None:
    assert sum(s.flagged for s in check_document(CS231N.replace(right, wrong)).steps) == 1


def test_a_label_also_used_as_a_value_is_not_read_as_the_class() -> None:
    """``y_i \\log p_i`` beside ``s_{y_i}``: y_i is a value there, not only an index."""
    text = CS231N + "\n$$L_i = -y_i \\log p_i$$\n"
    assert not any(s.flagged for s in check_document(text).steps)


ONE_EXAMPLE = r"""
With $a^{(i)}_k = \frac{e^{z^{(i)}_k}}{\sum_j e^{z^{(i)}_j}}$ and
$L^{(i)} = -\log a^{(i)}_{y^{(i)}}$:

$$L^{(i)} = -z^{(i)}_{y^{(i)}} + \log \sum_j e^{z^{(i)}_j}$$

$$\frac{\partial L^{(i)}}{\partial z^{(i)}_{y^{(i)}}} = a^{(i)}_{y^{(i)}} - 1$$
"""


def test_one_examples_superscripts_before_a_subscript_are_read() -> None:
    assert [s.status for s in check_document(ONE_EXAMPLE).steps] == ["holds", "holds"]
    slipped = ONE_EXAMPLE.replace("} - 1$$", "} + 1$$")
    assert check_document(slipped).steps[1].flagged


def test_a_layers_superscript_is_not_one_example() -> None:
    text = "$$a^{(l)} = \\sigma(z^{(l)})$$\n\n$$\\frac{da^{(l)}}{dz^{(l)}} = a^{(l)}$$\n"
    assert not check_document(text).steps[-1].flagged


MAX_WORD = r"""
Let $x_{max} = \max_k x_k$.

$$\log \sum_k e^{x_k} = x_{max} + \log \sum_k e^{x_k - x_{max}}$$
"""


def test_a_word_subscript_of_three_letters_is_a_name() -> None:
    assert check_document(MAX_WORD).steps[0].status == "holds"
    slipped = MAX_WORD.replace("= x_{max} +", "= x_{max} -")
    assert check_document(slipped).steps[0].flagged


IMPLICIT = r"""
Let $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $L = -\sum_k y_k \log p_k$, with $\sum_k y_k = 1$.

$$\frac{\partial L}{\partial z_i}
= \frac{\partial L}{\partial p_k}\frac{\partial p_k}{\partial z_i}$$
"""


def test_a_chain_rule_with_its_sum_implicit_is_not_flagged() -> None:
    step = check_document(IMPLICIT).steps[0]
    assert step.status == "not checked" and "no sum written" in step.summary


def test_a_chain_rule_with_its_sum_written_is_judged() -> None:
    summed = IMPLICIT.replace(r"= \frac{\partial L}", r"= \sum_k \frac{\partial L}")
    assert check_document(summed).steps[0].status == "holds"
    wrong = summed.replace(r"{\partial z_i}$$", r"{\partial z_k}$$")
    assert check_document(wrong).steps[0].status != "holds"


ONE_HOT_LATER = (
    r"The loss is $L = -\sum_j y_j \log p_j$ with $p_j = \frac{e^{a_j}}{\sum_k e^{a_k}}$."
    "\n\n$$\n\\frac{\\partial L}{\\partial a_i} = \\sum_j y_j (p_i - \\delta_{ij})\n$$\n\n"
    "{class_sentence} Since $y$ is a one-hot vector, $y_c = 1$:\n\n"
    "$$\n\\frac{\\partial L}{\\partial a_i} = p_i - y_c \\delta_{ic}\n$$\n\n"
    "$$\n\\frac{\\partial L}{\\partial a_i} = p_i - \\delta_{ic}\n$$\n"
)


@pytest.mark.parametrize(
    "class_sentence",
    [
        "Suppose the true class is $c$.",
        "Suppose the true class label occurs at index $j=c$.",
    ],
)
def test_one_hot_at_a_class_named_the_sentence_before(class_sentence: str) -> None:
    """The class named in one sentence, the labels said one-hot in the next: y_k = δ_kc, so
    the gradient at the true class holds; with its sign flipped, or its delta dropped, it is not."""
    text = ONE_HOT_LATER.replace("{class_sentence}", class_sentence)
    steps = by_line(text)
    assert steps[4].status == steps[10].status == steps[14].status == "holds"
    slipped = by_line(text.replace(r"= p_i - \delta_{ic}", r"= \delta_{ic} - p_i"))[14]
    assert slipped.status == "fails" and slipped.counterexample is not None
    dropped = by_line(text.replace(r"= p_i - y_c \delta_{ic}", r"= p_i - y_c"))[10]
    assert dropped.status != "holds"
    # "at index $j=c$" may announce the case j = c: a step true in one case is not flagged
    assert dropped.flagged == ("index" not in class_sentence)


def test_a_class_named_in_another_paragraph_is_not_one_hot_labels() -> None:
    """The sentence naming the class ends a paragraph: the one-hot sentence after it does not
    say which class, so the step that needs y_c = 1 is not judged by y_k = δ_kc."""
    text = ONE_HOT_LATER.replace("{class_sentence}", "Suppose the true class is $c$.\n\n")
    assert by_line(text)[16].status == "not checked"
