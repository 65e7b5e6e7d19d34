"""Session 83's readings; each rule that changes a verdict has a twin with a plausible wrong
formula (or without the words it reads) whose verdict is checked too."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import statuses

NETWORK = (
    "$$L = \\frac{1}{2}\\big(y - a_2\\big)^2$$\n\n"
    "$$\n\\begin{align}\n&z_1 = w_1 x + b_1 \\\\\n&a_1 = \\sigma(z_1) \\\\\n"
    "&a_2 = w_2 a_1 + b_2\n\\end{align}\n$$\n\n"
    "$$\\frac{\\partial L}{\\partial b_2} = \\frac{\\partial L}{\\partial a_2}"
    "\\frac{\\partial a_2}{\\partial b_2} = a_2 - y$$\n\n"
    "$$\\frac{\\partial L}{\\partial a_2} = {grad}$$\n"
)


def test_a_layer_defined_through_the_layer_below_is_a_definition_not_a_flag() -> None:
    # round 104 (a marimo notebook): a_2 = w_2 a_1 + b_2, with L written in a_2 and the text
    # differentiating a_2, was flagged as a step between free values a, w, b
    found = check_document(NETWORK.replace("{grad}", "a_2 - y")).steps
    row = next(step for step in found if step.line == 7)
    assert row.status == "definition" and not row.flagged, row.summary
    assert found[-1].status == "holds", found[-1].summary
    # the same document's wrong derivative of L by a_2 is still refuted
    assert statuses(NETWORK.replace("{grad}", "y - a_2"))[-1] == "fails"


def test_an_entry_set_again_after_its_first_definition_is_no_definition() -> None:
    # only the row that first sets a_2 is its definition; a_2 written again is a step, judged
    # under the entries read one by one (session 84; before, between values left free)
    again = NETWORK.replace("{grad}", "a_2 - y") + "\n$$a_2 = b_2 + w_2 a_1$$\n"
    last = check_document(again).steps[-1]
    assert last.status == "holds", last.summary
    wrong = check_document(again.replace("b_2 + w_2 a_1$$", "b_2 + w_1 a_1$$")).steps[-1]
    assert wrong.status == "fails", wrong.summary


BCE = (
    "Let $p = \\sigma(z) = \\frac{1}{1+e^{-z}}$ and $y \\in \\{0,1\\}$.\n\n"
    "$$\\ell = -y\\log p - (1-y)\\log(1-p)$$\n\n{words}\n\n"
    "$$\\ell = \\log(1 + e^{-z}) + {rewrite}$$\n\n$$\\frac{d\\ell}{dz} = {grad}$$\n"
)


@pytest.mark.parametrize(
    "words",
    ["Hence", "Plugging in the sigmoid:", "Expanding the softmax, this becomes", "Note that"],
)
def test_a_loss_written_again_as_a_consequence_is_a_step(words: str) -> None:
    # review 83b: a wrong rewrite after "Hence" was a new meaning of the loss, and a derivative
    # wrong for the first loss (right for the rewrite) held
    text = BCE.replace("{words}", words)
    wrong = statuses(text.replace("{rewrite}", "yz").replace("{grad}", "y - \\sigma(-z)"))
    assert wrong[-2:] == ["fails", "fails"], wrong
    right = statuses(text.replace("{rewrite}", "(1-y)z").replace("{grad}", "\\sigma(z) - y"))
    assert right[-2:] == ["holds", "holds"], right


def test_a_loss_written_again_after_words_that_set_it_apart_is_a_new_meaning() -> None:
    text = BCE.replace("{words}", "Now consider a different loss:").replace("{rewrite}", "yz")
    found = check_document(text.replace("{grad}", "y - \\sigma(-z)")).steps
    assert "a new meaning" in found[-2].summary and found[-1].status == "holds"
    assert statuses(text.replace("{grad}", "\\sigma(z) - y"))[-1] != "holds"


def test_a_loss_written_again_after_other_words_is_read_neither_way() -> None:
    # "The loss:" says neither: a new meaning or a restatement that fails, and neither is read
    text = BCE.replace("{words}", "The loss:").replace("{rewrite}", "yz")
    for grad in ("y - \\sigma(-z)", "\\sigma(z) - y"):
        last = check_document(text.replace("{grad}", grad)).steps[-1]
        assert last.status == "not checked", last.summary


SHEET = (
    "Let $f(x) = \\frac{1}{1+e^{-x}}$.\n\n$$f'(x) = f(x)(1-f(x))$$\n\n{mark} "
    "$f(x) = \\frac{1}{1+e^{-2x}}$.\n\n$$f'(x) = {derivative}$$\n"
)


@pytest.mark.parametrize(
    "mark",
    [
        "Finally,",
        "Secondly,",
        "Also,",
        "Moving on,",
        "In part (b),",
        "Next we look at",
        "The second function is",
        "Exercise 2 uses",
        "For the scaled sigmoid",
        "What if",
        "Part two:",
        "Übung 2: Sei",
        "Moving on, let",
        "---\n\n",
    ],
)
def test_review_83a_part_marks_before_a_function_written_again(mark: str) -> None:
    # the new f is judged neither against the first (a right derivative of it flagged) nor
    # the first's wrong derivative held for it
    text = SHEET.replace("{mark}", mark)
    assert "fails" not in statuses(text.replace("{derivative}", "2f(x)(1-f(x))"))
    assert statuses(text.replace("{derivative}", "f(x)(1-f(x))"))[-1] != "holds"


def test_a_function_written_again_as_a_consequence_is_still_a_step() -> None:
    # without a part mark the second value in a display is a step: a wrong one is flagged
    text = SHEET.replace("{mark} $f(x) = ", "So\n\n$$f(x) = ").replace("2x}}$.", "2x}}$$")
    assert "fails" in statuses(text.replace("{derivative}", "f(x)(1-f(x))"))
    # (in a sentence, "So $f(x) = …$." is no step and changes nothing: the first f stays, as
    # for an aside "Some authors let $g(x) = x^3$; we do not." (session 74); left)


@pytest.mark.parametrize(
    "words",
    [
        "Another way to write the same loss is",
        "Let us plug in the sigmoid:",
        "Now, expanding the logs, the loss is",
        "Consider what happens when we substitute",
    ],
)
def test_review_83c_rewrites_whose_words_also_set_things_apart(words: str) -> None:
    # "another", "let", "now", "consider" beside words that say the value follows: a step
    text = BCE.replace("{words}", words)
    wrong = statuses(text.replace("{rewrite}", "yz").replace("{grad}", "y - \\sigma(-z)"))
    assert wrong[-2:] == ["fails", "fails"], wrong
    right = statuses(text.replace("{rewrite}", "(1-y)z").replace("{grad}", "\\sigma(z) - y"))
    assert right[-2:] == ["holds", "holds"], right


def test_an_output_unit_written_through_the_weights_differentiated_by_is_a_definition() -> None:
    # review 83c: no ∂a_2/∂w_4 written, but ∂L/∂w_4 and ∂L/∂b_2: a_2's row was flagged
    text = (
        "The output of the network is\n\n$$a_2 = w_4 a_0 + w_5 a_1 + b_2$$\n\n"
        "and the loss is $L = \\frac{1}{2}(y - a_2)^2$.\n\n"
        "$$\\frac{\\partial L}{\\partial w_4} = -(y - a_2) a_0$$\n\n"
        "$$\\frac{\\partial L}{\\partial b_2} = -(y - a_2)$$\n"
    )
    assert statuses(text)[0] == "definition"
    # without the derivatives by w and b the row is no definition the text differentiates
    alone = text.split("$$\\frac")[0]
    assert statuses(alone)[0] != "definition"


@pytest.mark.parametrize("lead", ["The softplus:", "Next up is softplus.", "Then the softplus:"])
def test_a_function_named_before_its_new_value_is_a_new_part(lead: str) -> None:
    # review 83c: f = the sigmoid, then "The softplus:" f(x) = log(1 + e^x) was refuted
    text = (
        "The sigmoid is $f(x) = \\frac{1}{1+e^{-x}}$, with $f'(x) = f(x)(1 - f(x))$.\n\n"
        f"{lead}\n\n$$f(x) = \\log(1 + e^{{x}})$$\n\n$$f'(x) = {{derivative}}$$\n"
    )
    assert "fails" not in statuses(text.replace("{derivative}", "\\frac{e^{x}}{1+e^{x}}"))
    assert statuses(text.replace("{derivative}", "f(x)(1 - f(x))"))[-1] != "holds"
