"""Session 62: names with a layer's label in brackets and no index, as Andrew Ng's course writes
one example (``a^{[2]}``, ``z^{[1]}``, the d-names ``da^{[2]}``): each a name of its own, never
merged with the same letter under another label or without one. Each reading that lets a step
hold has a twin that fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.steps import judged as _steps

ONE_EXAMPLE = (
    "For one example the loss is\n\n"
    "$$\\mathcal{L}(a^{[2]}, y) = "
    "-\\left( y \\log a^{[2]} + (1 - y) \\log(1 - a^{[2]}) \\right)$$\n\n"
    "and `da2` is its derivative by the output:\n\n"
    "$$da^{[2]} = \\frac{\\partial \\mathcal{L}}{\\partial a^{[2]}} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("-\\frac{y}{a^{[2]}} + \\frac{1 - y}{1 - a^{[2]}}", "holds"),
        ("\\frac{y}{a^{[2]}} - \\frac{1 - y}{1 - a^{[2]}}", "fails"),  # the sign slipped
        ("-\\frac{y}{a^{[2]}} + \\frac{1 - y}{a^{[2]}}", "fails"),  # a factor's 1 - dropped
    ],
)
def test_a_d_name_of_a_labelled_output(right: str, status: str) -> None:
    steps = _steps(ONE_EXAMPLE.replace("RIGHT", right))
    assert [s for s, _ in steps] == [status], steps


TWO_LAYERS = (
    "Layer 1 is $a^{[1]} = \\tanh(z^{[1]})$ and the output unit is\n\n"
    "$$z^{[2]} = w a^{[1]} + b, \\qquad a^{[2]} = \\sigma(z^{[2]})$$\n\n"
    "$$\\frac{\\partial a^{[2]}}{\\partial z^{[2]}} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("a^{[2]}(1 - a^{[2]})", "holds"),
        ("a^{[1]}(1 - a^{[1]})", "fails"),  # the other layer's activation: two names
        ("a^{[2]}(1 + a^{[2]})", "fails"),
    ],
)
def test_two_labels_of_one_letter_are_two_names(right: str, status: str) -> None:
    steps = _steps(TWO_LAYERS.replace("RIGHT", right))
    assert [s for s, _ in steps] == [status], steps


def test_a_chain_by_a_labelled_name_through_the_layer_below() -> None:
    chain = "$$\\frac{\\partial a^{[2]}}{\\partial a^{[1]}} = RIGHT$$\n"
    text = TWO_LAYERS.split("$$\\frac")[0] + chain
    good = _steps(text.replace("RIGHT", "a^{[2]}(1 - a^{[2]}) w"))
    bad = _steps(text.replace("RIGHT", "a^{[2]}(1 - a^{[2]})"))  # the layer's weight dropped
    assert [s for s, _ in good] == ["holds"], good
    assert [s for s, _ in bad] == ["fails"], bad


def test_messages_show_the_labelled_name_as_written() -> None:
    text = TWO_LAYERS.replace("\\partial a^{[2]}}", "\\partial a^{[1]}}")
    steps = _steps(text.replace("RIGHT", "0"))
    assert steps[0][0] == "not checked", steps  # a^{[1]} does not depend on z^{[2]}
    assert "a^{[1]}" in steps[0][1] and "\ue001" not in steps[0][1], steps


def test_a_transposed_label_in_brackets_is_no_power() -> None:
    # w^{[2]T} had been read as w to the power 2T (T the temperature): a false flag
    text = "$$z^{[2]} = w^{[2]T} a^{[1]}$$\n\n"
    text += "$$\\frac{\\partial z^{[2]}}{\\partial a^{[1]}} = w$$\n"
    assert {s for s, _ in _steps(text)} == {"not checked"}, _steps(text)


@pytest.mark.parametrize(
    "text",
    [
        # capitals are a batch's or a layer's matrices: a name of one number would commute them
        "$$Z^{[2]} = W^{[2]} A^{[1]}$$\n\n$$dZ^{[2]} = A^{[2]} - Y$$\n",
        # the same letter and label with an index: the vector, whose entries the text uses
        "$$a^{[2]}_j = \\sigma(z^{[2]}_j)$$\n\n"
        "$$\\frac{\\partial a^{[2]}}{\\partial z^{[2]}} = 1$$\n",
        # transposed: a vector
        "$$z^{[2]} = w^{[2]T} a^{[1]}$$\n\n$$\\frac{\\partial z^{[2]}}{\\partial a^{[1]}} = w$$\n",
    ],
)
def test_matrices_entries_and_transposes_are_not_read_as_one_number(text: str) -> None:
    assert all(status not in ("holds", "fails") for status, _ in _steps(text)), _steps(text)


# review of red team 72: three correct steps flagged, each under a reading the text excludes

SIGMOID_PRIME = (
    "For one example $\\mathbf{x}^{(i)}$:\n\n$$z^{(i)} = \\mathbf{w}^T \\mathbf{x}^{(i)} + b$$\n"
    "$$\\hat{y}^{(i)} = a^{(i)} = \\sigma(z^{(i)})$$\n\nDrop the superscript.\n\n$$RIGHT$$\n"
)


def test_a_plain_a_the_text_never_defines_is_not_the_default_logits() -> None:
    # a = σ(z) said only in a line not read: a is the text's own, no free default to refute
    steps = _steps(SIGMOID_PRIME.replace("RIGHT", "\\sigma'(z) = a(1-a)"))
    assert steps[-1][0] == "not checked" and "a is not defined" in steps[-1][1], steps
    # a slope set to a number ("$a = 1$ gives the usual sigmoid") stays a free parameter
    slope = "With $a = 1$ it is the usual one.\n\n$$\\frac{d}{dx} e^{a x} = a e^{a x}$$\n"
    assert [s for s, _ in _steps(slope)] == ["holds"], _steps(slope)
    # its twin: a defined, a wrong factor is flagged
    wrong = "$$a = \\sigma(z)$$\n\n$$\\sigma'(z) = a(1+a)$$\n"
    assert [s for s, _ in _steps(wrong)] == ["fails"], _steps(wrong)
    right = "$$a = \\sigma(z)$$\n\n$$\\sigma'(z) = a(1-a)$$\n"
    assert [s for s, _ in _steps(right)] == ["holds"], _steps(right)


SOFTMAX_Y = "With $$y_k = \\frac{e^{a_k}}{\\sum_{j=1}^{K} e^{a_j}}$$\n\n"


@pytest.mark.parametrize(
    "said", ["with $K = 2$ and inputs $a_1 = u$, $a_2 = v$:", "with $u = a_1$ and $v = a_2$:"]
)
def test_a_letter_set_equal_to_an_entry_is_not_an_independent_variable(said: str) -> None:
    text = (
        SOFTMAX_Y + f"A check {said}\n\n$$y_1 = \\frac{{e^u}}{{e^u + e^v}}$$\n\n"
        "$$\\frac{\\partial y_1}{\\partial u} = y_1(1 - y_1)$$\n\n"
        "$$\\frac{\\partial y_1}{\\partial v} = -y_1 y_2$$\n"
    )
    first = _steps(text)[0]
    assert first[0] != "fails", first  # not checked (u = a_1 said), or undecided in N


def test_a_letter_never_set_equal_to_an_entry_still_refutes() -> None:
    text = "Let $$s = \\frac{1}{1 + e^{-u}}$$\n\n$$\\frac{\\partial s}{\\partial u} = s(1 + s)$$\n"
    assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


ONE_HOT_C = (
    "Let $p_c = \\frac{e^{z_c}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$ with $y$ "
    "one-hot.\n\nLEAD\n\n$$\\frac{\\partial L}{\\partial z_c} = RIGHT$$\n"
)


def test_a_step_under_a_true_class_other_than_its_own_is_no_flag() -> None:
    # "if the true class is some t ≠ c": the step is about c ≠ t; the one-hot label read at c
    # (or a counterexample at N = 1) puts the 1 at c, the case the sentence excludes
    lead = "If the true class is some $t \\neq c$, the surviving term is $k = t$ and"
    text = ONE_HOT_C.replace("LEAD", lead).replace("RIGHT", "p_c - 0 = p_c - y_c")
    assert all(s != "fails" for s, _ in _steps(text)), _steps(text)
    assert "t ≠ c" in _steps(text)[0][1]


def test_without_the_class_case_the_same_step_is_flagged() -> None:
    text = ONE_HOT_C.replace("LEAD", "The surviving term is").replace("RIGHT", "p_c - 0")
    assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


SOFTMAX_P = "Let $$p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"


@pytest.mark.parametrize(
    ("sentence", "right", "wrong"),
    [
        (
            "So in general $D = RIGHT$, and the rest follows.",
            "p_j(1 - p_j)",
            "p_j(1 + p_j)",
        ),
        ("Note $D = RIGHT$.", "p_j - p_j^2", "p_j^2 - p_j"),
        ("In vector form, $D = RIGHT$.", "p_j(1 - p_j)", "1 - p_j"),
    ],
)
def test_an_equation_after_an_asserting_lead_is_a_step(
    sentence: str, right: str, wrong: str
) -> None:
    sentence = sentence.replace("D", "\\frac{\\partial p_j}{\\partial z_j}")
    holds = _steps(SOFTMAX_P + sentence.replace("RIGHT", right) + "\n")
    fails = _steps(SOFTMAX_P + sentence.replace("RIGHT", wrong) + "\n")
    assert [s for s, _ in holds] == ["holds"], holds
    assert [s for s, _ in fails] == ["fails"], fails


def test_both_cases_together_is_a_claim_for_every_case() -> None:
    sentence = "Both cases together: $\\frac{\\partial p_i}{\\partial z_k} = RIGHT$.\n"
    holds = _steps(SOFTMAX_P + sentence.replace("RIGHT", "p_i(\\delta_{ik} - p_k)"))
    wrong = _steps(SOFTMAX_P + sentence.replace("RIGHT", "p_i(1 - p_k)"))  # the delta dropped
    assert [s for s, _ in holds] == ["holds"], holds
    assert wrong and wrong[0][0] != "holds", wrong


NEURONS = (
    "Say we have three output neurons for the classes $a, b, c$, with "
    "$$o_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n$$STEP$$\n"
)
STEP = "\\frac{\\partial o_a}{\\partial z_b} = \\frac{-e^{z_a}e^{z_b}}{(e^{z_a}+e^{z_b}+e^{z_c})^2}"


def test_classes_named_with_their_count_stay_undecided_and_a_slip_still_fails() -> None:
    # "three output neurons for the classes a, b, c" said nothing that review 62c could not
    # fool ("ten digits", "$n = 3$ images", "For instance"): no "holds" at N = 3 from it
    right = _steps(NEURONS.replace("STEP", STEP))
    assert [s for s, _ in right] == ["unknown"], right
    wrong = _steps(NEURONS.replace("STEP", STEP.replace("{-e", "{e")))  # the sign dropped
    assert [s for s, _ in wrong] == ["fails"], wrong


# review 62: cases that made false verdicts or lost flags before they landed
REVIEW = {
    # g(z^{[1]}) read as the product g·z^{[1]} once z^{[1]} was a name of its own: a false "holds"
    "product": (
        "$$z^{[1]} = w^{[1]} x + b^{[1]}, \\qquad a^{[1]} = g(z^{[1]})$$\n\n"
        "$$z^{[2]} = w^{[2]} a^{[1]} + b^{[2]}$$\n\n"
        "$$\\frac{\\partial z^{[2]}}{\\partial z^{[1]}} = w^{[2]} g$$\n"
    ),
    # z^{[2]} beside its entries z^{[2]}_j (the letter with two labels): one number apart
    "entries": (
        "Hidden layer $a^{[1]} = \\tanh(z^{[1]})$, output layer a softmax:\n\n"
        "$$a^{[2]} = \\frac{e^{z^{[2]}}}{\\sum_j e^{z^{[2]}_j}}$$\n\n"
        "$$\\frac{\\partial a^{[2]}}{\\partial z^{[2]}} = RIGHT$$\n"
    ),
    # L and \mathcal{L} are one loss to the reader: dz of the first taken for the second's
    "two losses": (
        "For one example $a = \\sigma(z)$ and\n\n"
        "$$L(a, y) = -\\left(y\\log a + (1-y)\\log(1-a)\\right)$$\n\n"
        "$$dz = \\frac{\\partial L}{\\partial z} = a - y$$\n\n"
        "With the squared error instead,\n\n$$\\mathcal{L} = \\frac{1}{2}(a - y)^2$$\n\n"
        "$$dz = (a - y)\\, a (1 - a)$$\n"
    ),
}


@pytest.mark.parametrize("right", ["a^{[2]}(1 - a^{[2]})", "a^{[2]}"])
def test_review_labelled_names_keep_their_vectors_and_functions(right: str) -> None:
    for text in (REVIEW["product"], REVIEW["entries"].replace("RIGHT", right)):
        assert all(s not in ("holds", "fails") for s, _ in _steps(text)), _steps(text)


def test_review_a_second_loss_keeps_d_names_unread() -> None:
    assert all(s != "fails" for s, _ in _steps(REVIEW["two losses"])), _steps(REVIEW["two losses"])


def test_review_a_letter_alone_or_a_step_without_labels_is_still_flagged() -> None:
    alone = (
        "Let $$s = \\frac{1}{1+e^{-u}}$$ where $u = x_1$ is the first input.\n\n"
        "$$\\frac{\\partial s}{\\partial u} = s(1 + s)$$\n"
    )
    no_labels = ONE_HOT_C.replace(
        "LEAD", "Suppose the true class is some $t \\neq c$. Then"
    ).replace(
        "\\frac{\\partial L}{\\partial z_c} = RIGHT",
        "\\frac{\\partial p_c}{\\partial z_c} = p_c(1 + p_c)",
    )
    for text in (alone, no_labels):
        assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


def test_a_name_described_in_words_after_an_empty_equation_is_no_definition() -> None:
    # "- $y = $ true label (0 or 1)": a glossary line, not a value of y that is not read
    text = "where\n\n- $p = $ predicted probability\n\n$$\\frac{d}{dp}\\log p = RIGHT$$\n"
    assert [s for s, _ in _steps(text.replace("RIGHT", "\\frac{1}{p}"))] == ["holds"]
    assert [s for s, _ in _steps(text.replace("RIGHT", "-\\frac{1}{p}"))] == ["fails"]


# review 62b: each made a false "holds" (wrong at the author's size) or a false flag
WRONG_IF_HELD = ["c1a", "c1c", "c1f", "c2a", "c2b", "c2c"]  # sizes and classes not the text's
RIGHT_IF_FLAGGED = ["c1g", "c3d", "c3l", "c3y", "c3o", "c1e_base"]  # another setting, or size
REVIEWED = Path(__file__).parent / "data" / "review62"


@pytest.mark.parametrize("name", WRONG_IF_HELD)
def test_review_a_size_the_text_does_not_fix_holds_nothing(name: str) -> None:
    steps = _steps((REVIEWED / f"{name}.md").read_text())
    assert steps and all(s != "holds" for s, _ in steps[-1:]), steps


@pytest.mark.parametrize("name", RIGHT_IF_FLAGGED)
def test_review_a_claim_in_another_setting_is_not_flagged(name: str) -> None:
    steps = _steps((REVIEWED / f"{name}.md").read_text())
    assert all(s != "fails" for s, _ in steps), steps


def test_review_the_intended_class_size_holds_and_its_slip_fails() -> None:
    text = (REVIEWED / "c1_pos.md").read_text()
    assert [s for s, _ in _steps(text)] == ["holds", "holds"], _steps(text)
    wrong = text.replace("p_1 (p_2 + p_3)", "p_1 (p_2 - p_3)")
    assert wrong != text and _steps(wrong)[0][0] == "fails", _steps(wrong)


def test_a_flag_at_the_stated_size_stands() -> None:
    # c1e_base: "only two classes" and five inputs; p_1 p_2 (right at N = 2) is no longer
    # flagged at N = 5, while a slip that fails at N = 2 still is
    text = (REVIEWED / "c1e_base.md").read_text().replace("p_1 p_2", "p_1 (1 + p_1)")
    text = text.replace(", $z_k = \\sum_{i=1}^{5} w_{ik} x_i$", "")  # (sums to 5: N ≥ 5)
    assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


# review 62c: the loss changed in words after the cross-entropy's definition ("Now use the
# quadratic cost.", "### Quadratic cost", "independent outputs with BCE"): false "holds" and
# false flags in the base, judged under the cross-entropy the author had left
CHANGED_IN_WORDS = ["r62c_c1", "r62c_c2", "r62c_c3", "r62c_c7", "r62c_d1", "r62c_d5", "r62c_d6"]


@pytest.mark.parametrize("name", CHANGED_IN_WORDS)
def test_review_a_loss_changed_in_words_is_judged_under_neither(name: str) -> None:
    steps = _steps((REVIEWED / f"{name}.md").read_text())
    # (since session 78 words that switch the setting say so first: "change the setting")
    reason = steps[-1][1]
    assert steps[-1][0] == "not checked", steps
    assert "which loss" in reason or "change the setting" in reason, steps


def test_without_the_words_the_cross_entropy_step_is_judged() -> None:
    text = (REVIEWED / "r62c_c1.md").read_text().replace("Now use the quadratic cost.\n\n", "")
    assert "quadratic" not in text
    assert [s for s, _ in _steps(text)][-1] in ("fails", "holds only"), _steps(text)
    right = text.replace("= p_k - y_k", "= -\\frac{y_k}{p_k}")
    assert [s for s, _ in _steps(right)][-1] == "holds", _steps(right)
