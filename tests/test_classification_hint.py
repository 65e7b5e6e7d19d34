"""A text that speaks of a classification (in any language) has class labels for targets, most
likely one-hot, though no sentence says so: a step that uses the unstated Σ_j y_j = 1 there is
`not checked: ambiguous`, naming the words, not flagged; the same step in a text that says
nothing of classes keeps its flag, and a real slip in the classification text is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

BODY = r"""SENTENCE $p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and the loss $L = -\sum_k y_k \log p_k$.

$$\frac{\partial L}{\partial z_i} = p_i \sum_k y_k - y_i = RESULT$$
"""


def _last(sentence: str, result: str = "p_i - y_i"):
    text = BODY.replace("SENTENCE", sentence).replace("RESULT", result)
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    "sentence",
    [
        "For $K$-class classification we use",
        "A multiclass model outputs",
        "損失関数を交差エントロピー誤差(kクラス分類)とした場合、",
        "Para la clasificación usamos",
    ],
)
def test_a_classification_withholds_the_unstated_sum(sentence):
    step = _last(sentence)
    assert step.status == "not checked"
    assert "classification" in step.summary and "Σ_j y_j = 1" in step.summary


def test_without_classes_the_unstated_sum_is_flagged():
    step = _last("We use")
    assert step.flagged and "does not state" in step.summary


def test_a_sign_slip_in_a_classification_is_flagged():
    step = _last("For $K$-class classification we use", "y_i - p_i")
    assert step.status == "fails"


BATCH = r"""SENTENCE the error of example $n$ is $E_n = -\sum_k t_{n,k} \ln y_{n,k}$.

$$\delta_j = \sum_k t_{n,k} y_{n,j} - t_{n,j} = y_{n,j} - t_{n,j}$$
"""


def test_two_index_targets_of_a_classification_withhold_the_flag():
    step = check_document(BATCH.replace("SENTENCE", "For $K$-class classification")).steps[-1]
    assert step.status == "not checked"
    assert "classification" in step.summary and "t sum to one" in step.summary


def test_two_index_targets_without_classes_are_flagged():
    step = check_document(BATCH.replace("SENTENCE", "Here")).steps[-1]
    assert step.status == "fails"


TWO_INDICES = r"""SENTENCE

\[
E_n = -\sum_k t_{n,k} \ln y_{n,k}
\]

\[
\delta_j = \sum_k t_{n,k} y_{n,j} - t_{n,j} = y_{n,j} - t_{n,j}
\]
"""


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("損失関数を交差エントロピー誤差(kクラス分類)とした場合、", "not checked"),
        ("損失関数を交差エントロピー誤差とした場合、", "fails"),
    ],
)
def test_targets_with_a_sample_index_in_a_classification(sentence, status):
    step = check_document(TWO_INDICES.replace("SENTENCE", sentence)).steps[-1]
    assert step.status == status, step.summary
    if status == "not checked":
        assert "class labels" in step.summary and "two indices" in step.summary
