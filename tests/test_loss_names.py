"""``\\ell`` (and ``\\mathcal{L}``) defined in a sentence is the loss the displays write as
``\\ell``: both read as ``L``. Before, the displays' ``\\ell`` was renamed ``L`` and the
sentence's definition was kept under the name ``ell``, so the steps were judged with the
default cross-entropy (flagged when the text names the cross-entropy)."""

from __future__ import annotations

from symsoft.reading.document import check_document

SQUARED = r"""
The network outputs $p_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$. The cross-entropy is the usual loss
for this, but here we train with the squared error $\ell = \frac{1}{2}\sum_k (p_k - y_k)^2$.

$$\frac{\partial \ell}{\partial p_i} = p_i - y_i$$
"""


def test_a_loss_ell_defined_in_a_sentence_is_the_displays_ell() -> None:
    (step,) = check_document(SQUARED).steps
    assert step.status == "holds"


def test_a_wrong_step_with_the_sentences_ell_is_flagged() -> None:
    (step,) = check_document(SQUARED.replace("= p_i - y_i$$", "= y_i - p_i$$")).steps
    assert step.status == "fails" and step.flagged


def test_a_sentence_that_also_writes_a_plain_l_keeps_the_names_apart() -> None:
    """$L$ and $\\ell$ both written: two losses, ``\\ell`` is not renamed."""
    text = SQUARED.replace("The cross-entropy is", "The cross-entropy $L$ is")
    (step,) = check_document(text).steps
    assert not step.flagged
