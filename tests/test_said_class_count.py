"""The class count said in words, "one-hot labels over $K$ classes": the sums that run over
the classes run to K, so label smoothing's ``\\epsilon / K`` is read."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.counts import said_count

SMOOTHING = r"""
Softmax outputs $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and one-hot labels $y$ over $K$ classes.
Label smoothing uses

$$\tilde{y}_k = (1-\epsilon) y_k + \frac{\epsilon}{K}$$

and the loss $L = -\sum_k \tilde{y}_k \log p_k$.

$$\sum_k \tilde{y}_k = 1$$

$$\frac{\partial L}{\partial z_k} = p_k - \tilde{y}_k = p_k - (1-\epsilon) y_k - \epsilon / K$$
"""


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


def test_smoothed_labels_over_k_classes_are_read() -> None:
    assert _statuses(SMOOTHING) == ["holds", "holds", "holds"]


def test_a_wrong_sign_on_the_uniform_part_is_flagged() -> None:
    wrong = SMOOTHING.replace(r"y_k - \epsilon / K$$", r"y_k + \epsilon / K$$")
    assert wrong != SMOOTHING
    assert _statuses(wrong) == ["holds", "holds", "fails"]


def test_without_the_words_k_has_no_meaning() -> None:
    unsaid = SMOOTHING.replace(" over $K$ classes", "")
    assert "fails" not in _statuses(unsaid)
    assert _statuses(unsaid)[0] == "not checked"


@pytest.mark.parametrize(
    ("prose", "letter"),
    [
        ("a $K$-class problem", "K"),
        ("the number of classes $C$ is fixed", "C"),
        ("one of $C$ categories", "C"),
        ("$K$ classes, here $K = 3$", None),  # a worked example's number
        ("$K$ classes and $C$ classes", None),  # two counts: which one?
    ],
)
def test_the_count_said_in_words(prose: str, letter: str | None) -> None:
    assert said_count(prose) == letter
