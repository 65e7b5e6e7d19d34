"""Session 61: an equation a sentence asserts after naming what it differentiates ("Differentiating
$L$ with respect to $z_i$ gives $…$"): judged, its flags withheld (a wrong one is "not checked:
ambiguous" with its counterexample); words that may give a mentioned name a meaning of the
sentence's own keep the claim unread. Each reading that lets a step hold has a twin that fails."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

SOFTMAX_CE = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$ with $y$ "
    "one-hot.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Differentiating $L$ with respect to $z_i$ gives $DERIVATIVE = RIGHT$.",
        "Taking the gradient of $L$ w.r.t. $z_i$, we get $DERIVATIVE = RIGHT$.",
        "The derivative of $L$ with respect to $z_i$ is $DERIVATIVE = RIGHT$.",
        "Differentiating $L$ by $z_i$ yields $DERIVATIVE = RIGHT$, as expected.",
    ],
)
def test_a_claim_after_mentioned_names_is_judged(sentence: str) -> None:
    sentence = sentence.replace("DERIVATIVE", "\\frac{\\partial L}{\\partial z_i}")
    holds = _steps(SOFTMAX_CE + sentence.replace("RIGHT", "p_i - y_i"))
    assert [s for s, _ in holds] == ["holds"], holds
    wrong = _steps(SOFTMAX_CE + sentence.replace("RIGHT", "y_i - p_i"))  # the sign flipped
    assert [s for s, _ in wrong] == ["not checked"], wrong
    assert "ambiguous: fails" in wrong[0][1], wrong


@pytest.mark.parametrize(
    "sentence",
    [
        # a meaning of the sentence's own: the squared loss, soft targets, a supposition
        "For the squared loss $L$, differentiating by $z_i$ gives "
        "$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.",
        "With soft targets $y$, the derivative of $L$ by $z_i$ is "
        "$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.",
        "If we differentiate $L$ with respect to $z_i$ we get "
        "$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.",
        # other math that is more than a name: a formula of the sentence's own
        "Differentiating $\\frac{1}{2}\\sum_k (p_k - y_k)^2$ with respect to $z_i$ gives "
        "$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.",
        # no word of differentiating: the names are not what the claim is about
        "Comparing $p$ with $y$ gives $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.",
    ],
)
def test_a_claim_after_mentions_with_words_of_its_own_is_not_read(sentence: str) -> None:
    assert _steps(SOFTMAX_CE + sentence) == []


@pytest.mark.parametrize(
    ("lead", "read"),
    [
        ("We now differentiate.\nDifferentiating $L$ with respect to\n", True),
        ("Suppose we differentiate $L$\nwith respect to\n", False),  # the supposition above
        ("One\ntwo\nthree and differentiating $L$ with respect to\n", False),  # starts unseen
    ],
)
def test_a_sentence_wrapped_over_lines_is_read_from_its_start(lead: str, read: bool) -> None:
    text = SOFTMAX_CE + lead + "$z_i$ gives $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.\n"
    assert [s for s, _ in _steps(text)] == (["holds"] if read else []), _steps(text)


JACOBIAN = (
    "Let $s_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and let the Jacobian be "
    "$J_{ij} = \\frac{\\partial s_i}{\\partial x_j}$.\n\n$$J_{ij} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("s_i(\\delta_{ij} - s_j)", "holds"),
        ("s_i(\\delta_{ij} + s_j)", "fails"),  # the sign of the outer product flipped
        ("s_i(1 - s_j)", "holds only"),  # the diagonal entry written for every entry
        ("s_j(\\delta_{ij} - s_i)", "holds"),  # the same entries (δ_ij s_i = δ_ij s_j)
    ],
)
def test_a_name_with_two_indices_defined_as_a_derivative(right: str, status: str) -> None:
    found = _steps(JACOBIAN.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


@pytest.mark.parametrize(
    ("entry", "right", "status"),
    [
        ("J_{12}", "-s_1 s_2", "holds"),
        ("J_{21}", "s_2 s_1", "fails"),
        ("J_{2,2}", "s_2(1 - s_2)", "holds"),
    ],
)
def test_concrete_entries_of_a_two_index_name(entry: str, right: str, status: str) -> None:
    text = JACOBIAN.replace("J_{ij} = RIGHT", f"{entry} = {right}")
    assert [s for s, _ in _steps(text)] == [status], _steps(text)


NAMED_CLASSES = (
    "Each output is a softmax of the net inputs:\n\n$$o_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"
    "and the net input of neuron $j$ is $z_j = \\sum_i w_{ij} h_i + BIAS_j$.\n\n"
    "Say we have three output neurons for the classes $a, b, c$. Then\n\n"
    "$$\\frac{e^{z_b}}{\\sum_k e^{z_k}} = \\frac{e^{z_b}}{RIGHT}$$\n"
)


@pytest.mark.parametrize(
    ("bias", "right", "status"),
    [
        # a, b, c are three distinct classes: never a = b (the sum is written term by term)
        ("\\beta", "e^{z_a} + e^{z_b} + e^{z_c}", "unknown"),
        ("\\beta", "e^{z_a} + e^{z_c}", "fails"),  # the term of b dropped: wrong at N = 3
        # b the class and b the bias: which reading fails is not the author's to say
        ("b", "e^{z_a} + e^{z_b} + e^{z_c}", "unknown"),
        ("b", "e^{z_a} + e^{z_c}", "not checked"),
    ],
)
def test_classes_named_by_letters_are_distinct(bias: str, right: str, status: str) -> None:
    found = _steps(NAMED_CLASSES.replace("BIAS", bias).replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found
    if status == "not checked":
        assert "b is an index here and a vector elsewhere" in found[0][1], found


NETWORK = (
    "Input $x$, weights $W_{kj}$, logits $DEFINITION$, output $p = \\mathrm{softmax}(z)$ and loss "
    "$L = -\\sum_k y_k \\log p_k$ with $y$ one-hot.\n\n$$\\frac{\\partial L}{\\partial z_k} = "
    "p_k - y_k$$\n\n$$STEP$$\n"
)


@pytest.mark.parametrize(
    ("definition", "step", "status"),
    [
        ("z = W x + b", "\\frac{\\partial L}{\\partial W_{kj}} = (p_k - y_k) x_j", "holds"),
        ("z = Wx + b", "\\frac{\\partial L}{\\partial W_{kj}} = (p_j - y_j) x_k", "holds only"),
        ("z = W x + b", "\\frac{\\partial L}{\\partial W_{kj}} = (p_j - y_j) x_k", "holds only"),
        ("z = W x + b", "\\frac{\\partial L}{\\partial b_k} = p_k - y_k", "holds"),
        ("z = W x + b", "\\frac{\\partial L}{\\partial b_k} = y_k - p_k", "fails"),
        ("z = W x + b", "\\frac{\\partial L}{\\partial x_j} = \\sum_k (p_k - y_k) W_{kj}", "holds"),
        ("z = W x + b", "\\frac{\\partial L}{\\partial x_j} = \\sum_k (p_k - y_k) W_{jk}", "fails"),
        # W^T x sums W's rows: the index of x is W's first
        ("z = W^T x + b", "\\frac{\\partial L}{\\partial W_{jk}} = (p_k - y_k) x_j", "holds"),
        ("z = W^T x + b", "\\frac{\\partial L}{\\partial W_{kj}} = (p_k - y_k) x_j", "holds only"),
        # a row vector times the matrix
        (
            "\\mathbf{z} = \\mathbf{x} W + \\mathbf{b}",
            "\\frac{\\partial L}{\\partial W_{jk}} = (p_k - y_k) x_j",
            "holds",
        ),
    ],
)
def test_a_layer_written_with_a_matrix(definition: str, step: str, status: str) -> None:
    text = NETWORK.replace("DEFINITION", definition).replace("STEP", step)
    found = _steps(text)
    assert [s for s, _ in found] == ["holds", status], found


@pytest.mark.parametrize("right", ["p_k - y_k", "y_k - p_k"])
def test_a_capital_never_written_with_two_indices_is_no_matrix(right: str) -> None:
    # W x + b with nothing that makes W a matrix: W is not read, and no step through it is
    text = NETWORK.replace("weights $W_{kj}$", "a weight $W$").replace("DEFINITION", "z = W x + b")
    text = text.replace("STEP", f"\\frac{{\\partial L}}{{\\partial b_k}} = {right}")
    assert _steps(text)[-1][0] == "not checked", _steps(text)


RECALLED = (
    "The loss is $L = -(y \\log(a) + (1 - y)\\log(1 - a))$.\n\n"
    "$$\\frac{dL}{da} = \\frac{a - y}{a(1 - a)}$$\n\n"
    "Recall that $\\sigma(z) = a$, because $a$ is the activation. Then\n\n"
    "$$\\frac{da}{dz} = RIGHT$$\n"
)


@pytest.mark.parametrize(("right", "status"), [("a(1 - a)", "holds"), ("a(1 + a)", "fails")])
def test_a_name_recalled_as_the_value_of_sigma(right: str, status: str) -> None:
    found = _steps(RECALLED.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found


TRANSPOSED_LAYER = (
    "With the weights $W^{(2)}_{kj}$ the output logits are\n"
    "$$z^{(2)} = W^{(2)T} x + b^{(2)},$$\n"
    "and the outputs are $p_j = \\frac{e^{z^{(2)}_j}}{\\sum_m e^{z^{(2)}_m}}$. The loss is "
    "$L = -\\sum_j y_j \\log p_j$ with $\\sum_j y_j = 1$.\n\n$$STEP$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        # z = W^T x + b: z_j = Σ_k W_{kj} x_k (review 61a: the T of W^{(2)T} was dropped)
        ("\\frac{\\partial L}{\\partial W^{(2)}_{kj}} = x_k (p_j - y_j)", "holds"),
        ("\\frac{\\partial L}{\\partial W^{(2)}_{kj}} = x_j (p_k - y_k)", "holds only"),
        ("\\frac{\\partial L}{\\partial x_k} = \\sum_j W^{(2)}_{kj} (p_j - y_j)", "holds"),
        ("\\frac{\\partial L}{\\partial x_k} = \\sum_j W^{(2)}_{jk} (p_j - y_j)", "fails"),
    ],
)
def test_a_transposed_layer_weight_keeps_its_transpose(step: str, status: str) -> None:
    found = _steps(TRANSPOSED_LAYER.replace("STEP", step))
    assert [s for s, _ in found][-1] == status, found


def test_a_two_index_name_defined_twice_is_not_read() -> None:
    # J the softmax's Jacobian, then the log-softmax's: which one a step means is not read
    text = (
        "Let $s_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$.\n\n$$J_{ij} = \\frac{\\partial s_i}"
        "{\\partial x_j}$$\n\n$$J_{ij} = s_i(\\delta_{ij} - s_j)$$\n\n## Log-softmax\n\n"
        "Now redefine the Jacobian as\n\n$$J_{ij} = \\frac{\\partial \\log s_i}"
        "{\\partial x_j}$$\n\n$$J_{ij} = \\delta_{ij} - s_j$$\n"
    )
    assert not [s for s, _ in _steps(text) if s in ("fails", "holds only")], _steps(text)


@pytest.mark.parametrize(
    "lead",
    [
        "Differentiating the Brier score $L$ with respect to $z_i$ gives",
        "Doubling the logits before the softmax, differentiating $L$ with respect to $z_i$ yields",
        "Adding an L2 penalty on the logits, differentiating $L$ with respect to $z_i$ gives",
        "The gradient of the L2 loss $L$ with respect to $z_i$ is",
    ],
)
def test_a_sentence_that_names_another_loss_is_not_read(lead: str) -> None:
    text = SOFTMAX_CE + lead + " $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.\n"
    assert _steps(text) == [], _steps(text)


def test_two_indices_not_said_to_differ_may_be_one() -> None:
    text = (
        "Let $z_r = \\sum_q W_{rq} x_q + b_r$ for every index $r$. For any two indices $r$ and "
        "$s$, not necessarily different,\n\n$$\\frac{\\partial}{\\partial b_s} \\log\\left(e^{z_r} "
        "+ e^{z_s}\\right) = \\frac{e^{z_s}}{e^{z_r} + e^{z_s}}$$\n"
    )
    assert [s for s, _ in _steps(text)] != ["holds"], _steps(text)  # false when r = s


@pytest.mark.parametrize(
    "words",
    [
        "where $W_{jk}$ is the weight connecting input $j$ to output $k$",
        "where $W_{jk}$ is the weight from input $j$ to class $k$",
        "and, entry by entry, $z_k = \\sum_j W_{jk} x_j + b_k$",
    ],
)
@pytest.mark.parametrize(
    "step",
    [
        "\\frac{\\partial L}{\\partial W_{jk}} = x_j (p_k - y_k)",  # right under the words
        "\\frac{\\partial L}{\\partial W_{jk}} = x_k (p_j - y_j)",  # right under W x
    ],
)
def test_a_layer_whose_indices_the_words_describe_is_not_read_from_the_product(
    words: str, step: str
) -> None:
    # review 61b: the product's order said one thing, the words another: neither is judged
    text = (
        f"The scores are $z = W x + b$, {words}. The probabilities are $p_k = \\frac{{e^{{z_k}}}}"
        f"{{\\sum_m e^{{z_m}}}}$ and $L = -\\sum_m y_m \\log p_m$ with $\\sum_m y_m = 1$.\n\n"
        f"$${step}$$\n"
    )
    assert [s for s, _ in _steps(text)][-1] in ("not checked", "unknown"), _steps(text)


@pytest.mark.parametrize(
    "rest",
    [
        "only when the output unit is logistic; in this network $a = \\tanh(z)$",
        "would hold only for a logistic unit, but ours is $a = \\tanh(z)$",
        "is false for the tanh unit used below, $a = \\tanh(z)$",
    ],
)
def test_a_recalled_value_the_sentence_denies_is_no_definition(rest: str) -> None:
    text = f"Note that $\\sigma(z) = a$ {rest}.\n\n$$\\frac{{da}}{{dz}} = a(1 - a)$$\n"
    assert [s for s, _ in _steps(text)][-1] != "holds", _steps(text)  # a = tanh(z): wrong
