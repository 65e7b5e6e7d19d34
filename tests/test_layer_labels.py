"""Layer labels before an index, ``w^1_{i,j}``, ``a^{2}_{s,1}``: names of their own where the
document writes every use of the letter so and numbers a layer 0 or 1; elsewhere ``x^2_i``
(typeset as x_i², a square to most readers) is ambiguous and not read."""

from __future__ import annotations

import functools

import pytest

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document
from symsoft.reading.grammar.forms import ClaimSyntaxError

NETWORK = r"""
$$a^1_j = \sum_i x^0_i w^{1}_{i,j} + b^1_j$$

$$x^1_j = \sigma(a^1_j)$$

$$a^2_k = \sum_j x^1_j w^2_{j,k} + b^2_k$$

$$\frac{\partial a^2_k}{\partial w^1_{i,j}} = STEP$$
"""


@functools.cache
def last(step: str, text: str = NETWORK) -> tuple[str, str]:
    result = check_document(text.replace("STEP", step)).steps[-1]
    return result.status, result.summary


@pytest.mark.parametrize(
    "step",
    [
        r"w^2_{j,k} \sigma(a^1_j) (1 - \sigma(a^1_j)) x^0_i",
        r"w^{2}_{j,k} x^1_j (1 - x^1_j) x^{0}_i",
    ],
)
def test_a_weight_of_layer_one_through_layer_two_holds(step: str) -> None:
    assert last(step)[0] == "holds"


@pytest.mark.parametrize(
    "step",
    [
        r"w^1_{i,j} \sigma(a^1_j) (1 - \sigma(a^1_j)) x^0_i",  # the layer-1 weight for w^2
        r"w^2_{j,k} \sigma(a^1_j) (1 - \sigma(a^1_j)) x^0_j",  # swapped index
        r"w^2_{j,k} x^0_i",  # the activation's derivative dropped
        r"w^2_{k,j} \sigma(a^1_j) (1 - \sigma(a^1_j)) x^0_i",  # transposed weight
    ],
)
def test_its_wrong_twins_are_flagged(step: str) -> None:
    assert last(step)[0] in ("fails", "holds only")  # holds only when i = j: flagged


def test_the_layers_are_different_names() -> None:
    text = NETWORK.replace("STEP", "0").replace(
        r"\frac{\partial a^2_k}{\partial w^1_{i,j}} = 0",
        r"\frac{\partial a^1_j}{\partial w^2_{i,j}} = 0",
    )
    # a^1 does not depend on w^2: never flagged (a derivative that is 0 is not claimed lightly)
    assert check_document(text).steps[-1].status in ("holds", "not checked")
    wrong = text.replace(r"w^2_{i,j}} = 0", r"w^2_{i,j}} = x^0_i")
    assert check_document(wrong).steps[-1].status != "holds"


def test_a_superscript_before_an_index_is_a_power_or_a_label_elsewhere() -> None:
    # no layer 0 or 1 in the document: x^2_i may be x_i squared
    status, summary = last(r"x^2_i", "$$\\frac{\\partial L}{\\partial x_i} = STEP$$")
    assert status == "not checked"
    text = "$$L = \\sum_i x^2_i$$\n\n$$\\frac{\\partial L}{\\partial x_i} = STEP$$"
    assert last("2 x_i", text)[0] == "not checked"
    assert last("x_i", text)[0] == "not checked"  # not flagged either: L is not read


def test_a_letter_also_written_plainly_is_no_layer() -> None:
    text = r"""
$$a^1_j = w^1_j x_j$$

$$L = \sum_j x^2_j$$

$$\frac{\partial L}{\partial x_j} = 2 x_j$$
"""
    for step in ("2 x_j", "x_j"):
        assert check_document(text.replace("2 x_j", step)).steps[-1].status == "not checked"


def test_a_claim_does_not_read_a_label() -> None:
    with pytest.raises(ClaimSyntaxError, match="a layer's label or a power"):
        check_claim(r"\frac{\partial}{\partial x_i} x^2_i = 2 x_i")


@pytest.mark.parametrize(
    ("math", "letters"),
    [
        (r"$$a^1_j = w^{1}_{j} x^0_j$$", "awx"),
        (r"$$a^2_j = w^2_{j} h^2_j + a^1_j$$", "ahw"),  # h, w: the layer 2 that a numbers
        (r"$$a^2_j = w^2_{j} h^2_j + x^1_j$$", "x"),  # 2 numbers no layer of x: maybe squares
        (r"$$L = \sum_i x^2_i$$", ""),  # no layer 0 or 1: a square
        (r"$$a^1_j = w^1_j x_j + v^2_j$$", "aw"),  # x also plain; v's 2 no layer of a or w
        (r"$$a^1_j = w^1_j + e^2_j$$", "aw"),  # e: the exponential's base
    ],
)
def test_the_letters_labelled_with_a_layer(math: str, letters: str) -> None:
    from symsoft.reading.documents.displays import find_displays
    from symsoft.reading.documents.layers import spell_layers
    from symsoft.reading.documents.spans import Text

    text = Text.of(math)
    assert "".join(sorted(spell_layers(text, find_displays(text)))) == letters
    assert len(text.chars) == len(math)  # columns stay the file's
