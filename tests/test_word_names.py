"""Names with a word as their label (``\\mathcal{L}_{BCE}``, ``L_{\\text{CE}}``,
``\\ell_{\\rm smooth}``, ``y_{\\text{smooth}, k}``, ``y^{\\text{LS}}_k``) are one name each, with
the document's own definition; ``L_{CE}`` was read as entry (C, E) of ``L``. A group of letters
the document uses as indices (``w_{kj}``) stays indices."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.word_names import WORD_MARK, spell_word_names

BCE = r"""
The prediction is $p = \sigma(z)$ and the binary cross-entropy is

$$L_{BCE} = -\left[y \log p + (1 - y)\log(1 - p)\right]$$

$$\frac{\partial L_{BCE}}{\partial z} = p - y$$
"""


@pytest.mark.parametrize(
    "name",
    [r"L_{BCE}", r"\mathcal{L}_{BCE}", r"L_{\text{BCE}}", r"\ell_{\rm bce}", r"L^{\text{bce}}"],
)
def test_a_loss_named_with_a_word_is_its_own_definition(name: str) -> None:
    steps = check_document(BCE.replace("L_{BCE}", name)).steps
    assert [s.status for s in steps] == ["definition", "holds"]


@pytest.mark.parametrize("name", [r"L_{BCE}", r"\mathcal{L}_{\text{BCE}}"])
def test_a_wrong_gradient_of_a_word_named_loss_is_flagged(name: str) -> None:
    text = BCE.replace("L_{BCE}", name).replace("= p - y$$", "= y - p$$")
    definition, gradient = check_document(text).steps
    assert gradient.status == "fails" and gradient.flagged


SMOOTH = r"""
The labels are one-hot. Let $p_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}}$.

$$y_{\text{smooth}, k} = (1 - \epsilon) y_k + \frac{\epsilon}{K}$$

$$\mathcal{L}_{\text{LS}} = -\sum_{k=1}^K y_{\text{smooth}, k} \log p_k$$

$$\frac{\partial \mathcal{L}_{\text{LS}}}{\partial z_i}
= p_i - (1 - \epsilon) y_i - \frac{\epsilon}{K}$$
"""


def test_a_word_label_before_an_index_keeps_the_index() -> None:
    steps = check_document(SMOOTH).steps
    assert [s.status for s in steps] == ["definition", "definition", "holds"]


def test_a_dropped_smoothing_term_is_flagged() -> None:
    text = SMOOTH.replace(r"- \frac{\epsilon}{K}$$", "$$")
    assert check_document(text).steps[-1].flagged


def test_messages_never_show_the_readers_mark() -> None:
    text = r"$$\nabla_z \mathcal{L}_{\text{LS}} = p - y^{\text{LS}}$$"
    (step,) = check_document(text).steps
    assert WORD_MARK not in step.summary and "ue001" not in step.summary


@pytest.mark.parametrize(
    ("source", "spelled"),
    [
        (r"$$L_{CE} = 1$$", [("L_{CE}", "L_CE")]),
        (r"$$\mathcal{L}_{KD} = 1$$", [(r"\mathcal{L}_{KD}", "L_KD")]),
        (r"$$p^{\text{soft}}_i = 1$$", [(r"p^{\text{soft}}", "p_soft")]),
        (r"$$z_{\text{S}, i} = 1$$", [(r"z_{\text{S},i}", "z_S")]),
        # indices the document uses, and short lowercase groups, are not words
        (r"$$\sum_k \sum_j w_{kj} x_j = 1$$", []),
        (r"$$x_{ij} = 1$$", []),
        (r"$$\sum_{c=1}^{C} \sum_{e} A_{CE} = 1$$", [("A_{CE}", "A_CE")]),
    ],
)
def test_which_scripts_are_words(source: str, spelled: list[tuple[str, str]]) -> None:
    assert spell_word_names(Text.of(source)) == spelled


def test_a_mark_the_author_wrote_is_not_the_readers() -> None:
    text = Text.of("$$L" + WORD_MARK + "CE = 1$$")
    spell_word_names(text)
    assert WORD_MARK not in text.chars


KD = r"""
The teacher's probabilities satisfy $\sum_{k=1}^{K} p_k = 1$. The labels $y$ are one-hot.

$$q_i = \frac{e^{z_i / T}}{\sum_{k=1}^{K} e^{z_k / T}}$$

$$s_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$$

$$\mathcal{L}_{KD} = -T^2 \sum_{k=1}^{K} p_k \log q_k$$

$$\mathcal{L}_{total} = \alpha \mathcal{L}_{CE} + (1 - \alpha) \mathcal{L}_{KD}$$

$$\mathcal{L}_{CE} = -\sum_{k=1}^{K} y_k \log s_k$$

$$\frac{\partial \mathcal{L}_{total}}{\partial z_i}
= \alpha (s_i - y_i) + (1 - \alpha) T (q_i - p_i)$$
"""


def test_a_total_of_word_named_losses_holds() -> None:
    assert check_document(KD).steps[-1].status == "holds"


def test_a_total_with_the_temperature_on_the_wrong_side_is_flagged() -> None:
    """Judged again with one-hot labels beside a free teacher p: that reading once failed with
    KeyError 'p' (the teacher's p has no meaning of its own) and left the step unchecked."""
    text = KD.replace("(1 - \\alpha) T (q_i", "\\frac{1 - \\alpha}{T} (q_i")
    last = check_document(text).steps[-1]
    assert last.status == "fails" and last.flagged
