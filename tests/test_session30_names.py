"""Session 30: names a text gives only in passing: a loss defined by the derivative that opens
its chain (``\\frac{\\partial J}{\\partial z_i} = \\frac{\\partial}{\\partial z_i}(…)``), a sum's
bound with a label (``n_{o}``), σ defined with its range (``\\in (0, 1)``).  Each reading that
proves a step keeps a wrong twin refuted; each guard leaves a step unread."""

from __future__ import annotations

import pytest

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripted_bounds import spell_subscripted_bounds
from tests.steps import all_summaries, summaries

SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{K} e^{z_k}}$, where $y$ is one-hot.\n\n"
HEAD = (
    "$$\\frac{\\partial NAME}{\\partial z_i} = \\frac{\\partial}{\\partial z_i}"
    "\\left(-\\sum_{j=1}^{K} y_j \\log p_j\\right)$$\n\nThen\n\n$$LATER$$\n"
)


def _passes(summary: str) -> bool:
    return summary == "holds" or summary.startswith(("holds when", "holds given"))


def _named(name: str, later: str) -> dict[int, str]:
    return summaries(SOFTMAX + HEAD.replace("NAME", name).replace("LATER", later))


@pytest.mark.parametrize("name", ["J", "\\text{CE}", "\\ell", "\\mathcal{L}"])
def test_a_loss_defined_by_the_derivative_that_opens_its_chain(name):
    found = _named(name, f"\\frac{{\\partial {name}}}{{\\partial z_i}} = p_i - y_i")
    assert found[3].startswith("definition of"), found
    assert _passes(found[7]), found
    wrong = _named(name, f"\\frac{{\\partial {name}}}{{\\partial z_i}} = y_i - p_i")
    assert wrong[7].startswith("fails"), wrong


def test_a_later_derivative_by_another_entry_of_the_same_vector_is_read():
    found = _named("J", "\\frac{\\partial J}{\\partial z_k} = p_k - y_k")
    assert _passes(found[7]), found
    wrong = _named("J", "\\frac{\\partial J}{\\partial z_k} = p_k - y_i")
    assert not _passes(wrong[7]), wrong


def test_a_name_differentiated_by_another_letter_is_not_defined_by_one_derivative():
    # J's operand may drop terms that are constants of z but not of w
    found = _named("J", "\\frac{\\partial J}{\\partial w} = 0")
    assert not found[3].startswith("definition"), found
    assert found[7].startswith("not checked"), found


def test_a_name_the_text_writes_otherwise_or_an_operand_with_a_free_index_is_not_defined():
    used = SOFTMAX + "The cost $J(z)$ is used below.\n\n" + HEAD.replace("NAME", "J")
    used = used.replace("LATER", "\\frac{\\partial J}{\\partial z_i} = y_i - p_i")
    assert not summaries(used)[9].startswith("fails")
    free = (
        SOFTMAX + "$$\\frac{\\partial J}{\\partial z_i} = \\frac{\\partial}{\\partial z_i}"
        "\\left(-y_i \\log p_i\\right)$$\n\n$$\\frac{\\partial J}{\\partial z_i} = y_i - p_i$$\n"
    )
    found = summaries(free)
    assert not found[3].startswith("definition"), found
    assert not found[5].startswith("fails"), found
    unwrapped = (
        SOFTMAX + "$$\\frac{\\partial J}{\\partial z_i} = \\frac{\\partial}{\\partial z_i}"
        "-\\sum_{j=1}^{K} y_j \\log p_j$$\n\n$$\\frac{\\partial J}{\\partial z_i} = y_i - p_i$$\n"
    )
    assert not summaries(unwrapped)[5].startswith("fails")


BOUND = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{COUNT} e^{z_k}}$ and "
    "$L = -\\sum_{j=1}^{COUNT} y_j \\log p_j$ where $y$ is one-hot.\n\n$$STEP$$\n"
)


@pytest.mark.parametrize("count", ["n_{o}", "n_o", "N_{c}", "n_{out}"])
def test_a_sum_bound_with_a_label_is_one_count(count):
    step = "\\frac{\\partial L}{\\partial z_i} = -\\sum_{j=1}^{COUNT} \\frac{y_j}{p_j}"
    step += " \\frac{\\partial p_j}{\\partial z_i} = p_i - y_i"
    found = all_summaries(BOUND.replace("STEP", step).replace("COUNT", count))[3]
    assert [_passes(s) for s in found] == [True, True], found
    wrong = step.replace("p_i - y_i", "y_i - p_i")
    found = all_summaries(BOUND.replace("STEP", wrong).replace("COUNT", count))[3]
    assert found[1].startswith("fails"), found


def test_a_bound_that_counts_per_sample_is_not_a_constant():
    def spelled(written: str) -> str:
        text = Text.of(written)
        spell_subscripted_bounds(text)
        return text.slice(0, len(text.chars))

    per_sample = "p_{ij} = \\frac{e^{z_{ij}}}{\\sum_{k=1}^{n_i} e^{z_{ik}}}"
    assert spelled(per_sample) == per_sample
    summed = "\\sum_{i=1}^{m} \\sum_{k=1}^{n_i} e^{z_k}"
    assert spelled(summed) == summed
    assert spelled("\\sum_{k=1}^{n_{o}} e^{z_k}, n_o") == "\\sum_{k=1}^{N    } e^{z_k}, N  "
    assert spelled("N, \\sum_{k=1}^{n_{o}} e^{z_k}").startswith("N, \\sum_{k=1}^{K    }")
    two = "\\sum_{k=1}^{n_{in}} x_k + \\sum_{k=1}^{n_{out}} z_k"
    assert spelled(two) == two
    cells = "\\sum_{i=1}^{3} \\sum_{k=1}^{n_{ij}} x_i = n_{ij} (x_1 + x_2 + x_3)"
    assert spelled(cells) == cells  # i is an index: a count per cell
    rows = "z_{i,k}, \\sum_{k=1}^{n_i} z_{i,k}"
    assert spelled(rows) == rows


def test_sigma_defined_with_its_range_is_the_logistic_function():
    text = (
        "Bounded: $\\sigma(a)=\\frac{1}{1+\\exp (-a)} \\in(0,1)$\n\n"
        "$$\\sigma'(a) = \\sigma(a)(1-\\sigma(a))$$\n\n$$\\sigma'(a) = \\sigma(a)(1+\\sigma(a))$$\n"
    )
    found = summaries(text)
    assert found[3] == "holds", found
    assert found[5].startswith("fails"), found


@pytest.mark.parametrize(
    "words",
    [
        # a sentence that changes the loss: averaged over a batch, a penalty added
        "The objective $J$ is then averaged over a batch of $N$ examples.\n\n",
        "After adding the entropy penalty $\\beta \\sum_j p_j \\log p_j$ to $J$,\n\n",
        # written dJ elsewhere: the same name, differentiated by another letter
        "With weight decay, $\\frac{dJ}{dw} = \\lambda w$ as well.\n\n",
    ],
)
def test_a_loss_the_text_speaks_of_otherwise_is_not_defined_by_one_derivative(words):
    text = SOFTMAX + HEAD.replace("NAME", "J").replace("\n\nThen\n\n$$LATER$$\n", "\n\n")
    text += words + "$$\\frac{\\partial J}{\\partial z_i} = \\frac{1}{N}(p_i - y_i)$$\n"
    found = all_summaries(text)
    assert not any(s.startswith(("holds", "fails")) for s in found[max(found)]), found
    assert not found[3][0].startswith("definition"), found
