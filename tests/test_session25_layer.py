"""Layer labels written as superscripts, Nielsen's ``a_i^L``, ``z^L_j``, ``w^L_{jk}`` and the
bracketed ``z^{[L]}_i``: read as the name when every use carries the one label, as names of
their own when two layers appear. Every reading that holds has a twin with a slip that does
not, and a label that may be a power stays unread."""

from __future__ import annotations

import pytest

from tests.steps import summaries

OUTPUT_LAYER = (
    "The network has $L$ layers. In the output layer the activation of the $i^{th}$ neuron "
    "is the softmax of the weighted inputs:\n\n"
    "$$a_i^L = \\frac{e^{z_i^L}}{\\sum_j e^{z_j^L}}$$\n\n"
    "and the cost is $C = -\\sum_j y_j \\ln a_j^L$, where $y$ is a one-hot vector.\n\n"
    "$$\\frac{\\partial a_i^L}{\\partial z_i^L} = a_i^L (1 - a_i^L)$$\n\n"
    "$$\\frac{\\partial C}{\\partial z_j^L} = a_j^L - y_j$$\n"
)


def _spelled(text: str, order: str) -> str:
    """The same text with the label written after the index (Nielsen), before it, or in
    brackets before it (other courses)."""
    for letter in "az":
        for index in "ij":
            written = {
                "after": f"{letter}_{index}^L",
                "before": f"{letter}^L_{index}",
                "braced": f"{letter}^{{L}}_{{{index}}}",
                "bracket": f"{letter}^{{[L]}}_{index}",
            }[order]
            text = text.replace(f"{letter}_{index}^L", written)
    return text


@pytest.mark.parametrize("order", ["after", "before", "braced", "bracket"])
def test_the_output_layers_label_is_read_as_the_name(order):
    text = _spelled(OUTPUT_LAYER, order)
    found = summaries(text)
    assert found[7] == "holds", found[7]
    assert found[9].startswith("holds"), found[9]
    # a missing factor and a sign slip fail
    dropped = summaries(
        text.replace("(1 - a_i^L)$$".replace("a_i^L", _label(order, "a", "i")), "$$")
    )
    assert dropped[7].startswith("fails"), dropped[7]
    slipped = _spelled(OUTPUT_LAYER.replace("= a_j^L - y_j$$", "= y_j - a_j^L$$"), order)
    assert summaries(slipped)[9].startswith("fails"), summaries(slipped)[9]


def _label(order: str, letter: str, index: str) -> str:
    return _spelled(f"{letter}_{index}^L", order)


def test_a_square_of_a_labelled_entry_stays_a_square():
    text = OUTPUT_LAYER + (
        "\n$$\\frac{\\partial (a_i^L)^2}{\\partial z_i^L} = 2 (a_i^L)^2 (1 - a_i^L)$$\n"
    )
    assert summaries(text)[11] == "holds", summaries(text)[11]
    slipped = text.replace("= 2 (a_i^L)^2 (1", "= 2 a_i^L (1")
    assert summaries(slipped)[11].startswith("fails"), summaries(slipped)[11]


TWO_LAYERS = (
    "The hidden layer $L-1$ is sigmoid, $a^{L-1}_k = \\frac{1}{1 + e^{-z^{L-1}_k}}$, and "
    "$z^L_j = \\sum_k w^L_{jk} a^{L-1}_k + b^L_j$ feeds the softmax output\n\n"
    "$$a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$$\n\n"
    "with the cost $C = -\\sum_j y_j \\ln a^L_j$, $y$ one-hot.\n\n"
    "$$\\frac{\\partial a^{L-1}_k}{\\partial z^{L-1}_k} = a^{L-1}_k (1 - a^{L-1}_k)$$\n\n"
    "$$\\frac{\\partial C}{\\partial z^L_j} = a^L_j - y_j$$\n"
)


def test_two_layers_of_one_letter_are_two_names():
    found = summaries(TWO_LAYERS)
    assert found[7] == "holds", found[7]
    assert found[9].startswith("holds"), found[9]
    dropped = TWO_LAYERS.replace("= a^{L-1}_k (1 - a^{L-1}_k)$$", "= a^{L-1}_k$$")
    assert summaries(dropped)[7].startswith("fails"), summaries(dropped)[7]


def test_the_layer_below_is_not_the_layer_above():
    # z^{L-1} swapped for z^L: its own name, on which the cost depends otherwise
    swapped = TWO_LAYERS.replace(
        "\\partial z^L_j} = a^L_j - y_j", "\\partial z^{L-1}_j} = a^L_j - y_j"
    )
    assert summaries(swapped)[9].startswith("fails"), summaries(swapped)[9]
    # the activation of the layer below taken for the output's: the weight's gradient fails
    text = _without_hidden(TWO_LAYERS) + (
        "\n$$\\frac{\\partial C}{\\partial w^L_{jk}} = (a^L_j - y_j) a^L_k$$\n"
    )
    assert summaries(text)[11].startswith("fails"), summaries(text)[11]


def _without_hidden(text: str) -> str:
    """The text without the hidden layer's definition: a^{L-1} is free."""
    return text.replace(
        "The hidden layer $L-1$ is sigmoid, $a^{L-1}_k = \\frac{1}{1 + e^{-z^{L-1}_k}}$, and ",
        "The hidden layer feeds ",
    )


def test_a_layer_with_nothing_depending_on_it_stays_not_checked():
    # nothing defines a^{L-1}: the cost is no function of z^{L-1} the text states
    text = _without_hidden(TWO_LAYERS).replace(
        "\\partial z^L_j} = a^L_j - y_j", "\\partial z^{L-1}_j} = a^L_j - y_j"
    )
    assert summaries(text)[9].startswith("not checked"), summaries(text)[9]


SIGMOID_AND_SOFTMAX = (
    "In the hidden layers $a_i^l = \\frac{1}{1 + e^{-z_i^l}}$, and\n\n"
    "$$\\frac{d a_i^l}{d z_i^l} = a_i^l (1 - a_i^l)$$\n\n"
    "In the output layer $a_i^L = \\frac{e^{z_i^L}}{\\sum_j e^{z_j^L}}$, and\n\n"
    "$$\\frac{\\partial a_i^L}{\\partial z_i^L} = a_i^L (1 - a_i^L)$$\n"
)


def test_a_hidden_layer_l_and_the_output_layer_L_are_two_names():
    found = summaries(SIGMOID_AND_SOFTMAX)
    assert found[3] == "holds", found[3]
    assert found[7] == "holds", found[7]
    slipped = SIGMOID_AND_SOFTMAX.replace("= a_i^l (1 - a_i^l)$$", "= a_i^l (1 + a_i^l)$$")
    assert summaries(slipped)[3].startswith("fails"), summaries(slipped)[3]


@pytest.mark.parametrize(
    "text",
    [
        # L is the loss: p_i^L may be a power
        "Let $p_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $L = -\\log p_c$.\n\n"
        "$$\\frac{\\partial q_i^L}{\\partial x_i} = q_i^L (1 - q_i^L)$$\n",
        # l is summed over: x_i^l may be a power
        "Let $q_i = \\sum_l c_l x_i^l$.\n\n"
        "$$\\frac{\\partial x_i^l}{\\partial x_i} = x_i^l (1 - x_i^l)$$\n",
        # a_i is also written without the label: a_i^L may be a power
        "Let $a_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$.\n\n"
        "$$\\frac{\\partial a_i^L}{\\partial z_i} = a_i^L (1 - a_i^L)$$\n",
    ],
)
def test_a_superscript_that_may_be_a_power_stays_unread(text):
    found = summaries(text)
    step = found[3]
    assert step.startswith("not checked"), step


LOSS_AND_LAYER = (
    "The loss is\n\n"
    "$$L = - \\sum_j y_j \\log a_j^{(L)}$$\n\n"
    "with the softmax $a_j^{(L)} = \\frac{e^{z_j^{(L)}}}{\\sum_k e^{z_k^{(L)}}}$, $y$ one-hot.\n\n"
    "$$\\frac{\\partial L}{\\partial z_j^{(L)}} = a_j^{(L)} - y_j$$\n"
)


def test_a_label_in_parentheses_is_read_beside_the_loss_L():
    # ^{(L)} is never a power, though L names the loss
    assert summaries(LOSS_AND_LAYER)[7].startswith("holds"), summaries(LOSS_AND_LAYER)[7]
    slipped = LOSS_AND_LAYER.replace("= a_j^{(L)} - y_j$$", "= y_j - a_j^{(L)}$$")
    assert summaries(slipped)[7].startswith("fails"), summaries(slipped)[7]
    # written ^L, the label may be a power of the loss: not read
    plain = LOSS_AND_LAYER.replace("^{(L)}", "^L")
    assert summaries(plain)[7].startswith("not checked"), summaries(plain)[7]


ERROR_OF_THE_OUTPUT = (
    "The output layer is the softmax $a^L_j = \\frac{e^{z^L_j}}{\\sum_k e^{z^L_k}}$ of $z^L_j$, "
    "the cost is $C = -\\sum_j y_j \\ln a^L_j$ where $y$ is one-hot, and the error of the output "
    "layer is defined as $\\delta^L_j = \\frac{\\partial C}{\\partial z^L_j}$.\n\n"
    "$$\\delta^L_j = a^L_j - y_j$$\n"
)


def test_the_error_of_the_output_layer_is_read_with_its_label():
    assert summaries(ERROR_OF_THE_OUTPUT)[3].startswith("holds"), summaries(ERROR_OF_THE_OUTPUT)
    # alone, a slip would define δ anew; after the step, it is judged
    slipped = ERROR_OF_THE_OUTPUT + "\n$$\\delta^L_j = y_j - a^L_j$$\n"
    assert summaries(slipped)[5].startswith("fails"), summaries(slipped)[5]


def test_a_labelled_capital_the_grammar_keeps_is_not_read_alone():
    # Z^{[L]} read as Z would be the partition sum
    text = (
        "In the last layer, $A^{[L]} = \\text{softmax}(Z^{[L]})$ and\n\n"
        "$$\\frac{\\partial a^{[L]}_i}{\\partial Z^{[L]}} = Z^{[L]}$$\n"
    )
    assert summaries(text)[3].startswith("not checked"), summaries(text)[3]
