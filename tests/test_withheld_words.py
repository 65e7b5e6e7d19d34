"""Words that leave a reading open, found by the seventh red team: a teacher's outputs called
scores (probabilities or logits?), one-hot labels said as "exactly one of the $y_k$ is 1"."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFT = r"""
With temperature $T$, $q_i = \frac{e^{z_i/T}}{\sum_k e^{z_k/T}}$ and the soft loss
$C = -\sum_i p_i \log q_i$, where the WORDS $p$ are fixed.

$$\frac{\partial C}{\partial z_i} = GRADIENT$$
"""


@pytest.mark.parametrize(
    "words",
    ["teacher scores", "teacher outputs", "teacher's predictions", "teacher's softened outputs"],
)
def test_teacher_scores_are_neither_softmax_nor_refuted(words: str) -> None:
    """'teacher scores $p$' held under the default p = softmax(o) (the text never says so), and
    with p free the distillation gradient is right only if p sums to one: ambiguous."""
    text = SOFT.replace("WORDS", words)
    (right,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(q_i - p_i)")).steps
    assert right.status == "not checked" and "teacher's p sum to one" in right.summary
    for slip in (r"\frac{1}{T}(p_i - q_i)", r"q_i - p_i", r"\frac{1}{T}(q_i + p_i)"):
        (wrong,) = check_document(text.replace("GRADIENT", slip)).steps
        assert wrong.status == "fails", slip


@pytest.mark.parametrize(
    "words",
    ["soft targets", "teacher's soft labels", "teacher's softened probabilities", "soft labels"],
)
def test_soft_targets_sum_to_one(words: str) -> None:
    """'the soft targets $p$' (Hinton's word) are a distribution: the distillation gradient was
    refuted at p = (-1/2); 'the teacher's softened probabilities $p$' held only under the default
    p = softmax(o), and its sign slip was not flagged."""
    text = SOFT.replace("WORDS", words)
    (right,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(q_i - p_i)")).steps
    (wrong,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(p_i - q_i)")).steps
    assert right.status == "holds" and wrong.status == "fails"


def test_teacher_logits_are_free() -> None:
    """Logits are no probabilities: nothing to withhold, the step needs Σ p = 1."""
    text = SOFT.replace("WORDS", "teacher logits")
    (result,) = check_document(text.replace("GRADIENT", r"\frac{1}{T}(q_i - p_i)")).steps
    assert result.flagged
    assert result.summary == "uses Σ_j p_j = 1, which the document does not state"


ENTROPY = r"""
Let $p = \mathrm{softmax}(z)$. WORDS

$$
\sum_k y_k \log y_k = STEP
$$
"""


@pytest.mark.parametrize(
    "words",
    ["Exactly one of the $y_k$ is 1.", "The label $y$ has exactly one nonzero entry, a 1."],
)
def test_entropy_of_one_hot_labels_said_in_words(words: str) -> None:
    """Σ_k y_k log y_k = 0 holds for one-hot y (0 log 0 = 0): it was refuted at y = (5/6, 1/6)
    after 'exactly one of the $y_k$ is 1'."""
    text = ENTROPY.replace("WORDS", words)
    (right,) = check_document(text.replace("STEP", "0")).steps
    assert right.status == "not checked" and "one-hot" in right.summary
    for slip in ("1", r"\log 2"):
        (wrong,) = check_document(text.replace("STEP", slip)).steps
        assert wrong.flagged, slip


def test_entropy_of_labels_said_to_be_a_distribution() -> None:
    text = ENTROPY.replace("WORDS", "The labels $y$ form a probability distribution.")
    (result,) = check_document(text.replace("STEP", "0")).steps
    assert result.status == "fails"


SQUARED = r"""
Each output is $y_i = \frac{1}{1 + e^{-z_i}}$ and the cost is $E = \frac{1}{2}\sum_i (y_i - t_i)^2$.

$$
\frac{\partial E}{\partial z_i} = (y_i - t_i) y_i (1 - y_i)
$$

WORDS

- First: $\frac{\partial E}{\partial z_i} = (y_i - 1) y_i (1 - y_i)$
- Then: $\frac{\partial E}{\partial z_i} = STEP$
"""


@pytest.mark.parametrize("words", ["For a target $t_i = 1$,", "When $t_i = 1$:", "With $t_i = 1$,"])
def test_a_label_value_said_before_a_list(words: str) -> None:
    """'For a target $t_i = 1$' puts the items after it at that value: -y_i(1 - y_i)^2 was
    refuted at t = (7/2); a sign slip stays flagged there."""
    text = SQUARED.replace("WORDS", words)
    first, right = check_document(text.replace("STEP", r"-y_i(1 - y_i)^2")).steps[1:]
    assert first.status == right.status == "not checked"
    assert "t_i = 1" in right.summary
    (*_, wrong) = check_document(text.replace("STEP", r"y_i(1 - y_i)^2")).steps
    assert wrong.status == "fails"


def test_a_label_value_said_elsewhere_is_no_remark() -> None:
    """Without the words the step is at no value of t: flagged."""
    text = SQUARED.replace("WORDS", "Two more lines:")
    (*_, result) = check_document(text.replace("STEP", r"-y_i(1 - y_i)^2")).steps
    assert result.status == "fails"


DELTA = r"""
Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$.

$$
STEP
$$
"""


def test_a_bare_sum_over_a_kronecker_delta_is_not_guessed() -> None:
    """\\sum p_i \\delta_{ij} uses i and j (δ's two-letter subscript was skipped): it was read
    as a sum over i and flagged 'holds only when i = j', where the author sums over j."""
    for step in (r"\sum p_i \delta_{ij} = p_i", r"\sum p_i \delta_{ij} = p_j"):
        (result,) = check_document(DELTA.replace("STEP", step)).steps
        assert result.status == "not checked" and "its terms use i, j" in result.summary
    (right,) = check_document(DELTA.replace("STEP", r"\sum_j p_i \delta_{ij} = p_i")).steps
    (wrong,) = check_document(DELTA.replace("STEP", r"\sum_i p_i \delta_{ij} = p_i")).steps
    assert right.status == "holds" and wrong.flagged
    (one,) = check_document(DELTA.replace("STEP", r"\sum e^{z_k} \delta_{kk} = 1")).steps
    assert one.status == "fails"  # δ_{kk}: one letter, the sum over k still reads


REDUCED = r"""
The target $t$ is one hot encoded, and $\hat{y}_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$.

$$
E = -\sum_k t_k \log \hat{y}_k = ROW
$$

$$
\frac{\partial E}{\partial z_i} = \hat{y}_i - t_i = GRADIENT
$$
"""


def test_a_loss_written_out_then_reduced_for_one_hot_labels() -> None:
    """-\\sum_k t_k \\log \\hat{y}_k = -\\log \\hat{y}_j (j the hot class, as the text means)
    and \\hat{y}_i - t_i = \\hat{y}_i - \\delta_{ij} (j written on one side only) were refuted
    at t = (7/2, -5/2)."""
    text = REDUCED.replace("ROW", r"-\log \hat{y}_j").replace(
        "GRADIENT", r"\hat{y}_i - \delta_{ij}"
    )
    _, row, gradient, delta = check_document(text).steps
    assert gradient.status == "holds"
    for result in (row, delta):
        assert result.status == "not checked" and "t_k = δ_kj" in result.summary
    slips = REDUCED.replace("ROW", r"\log \hat{y}_j").replace(
        "GRADIENT", r"\hat{y}_j - \delta_{ij}"
    )
    _, row, _, delta = check_document(slips).steps
    assert row.flagged and delta.flagged  # (refuted with t one-hot at a class c: 'holds only')


def test_the_classic_slip_stays_flagged() -> None:
    """p_i - 1 for every i writes no letter on one side only: no class to read it at."""
    text = REDUCED.replace("ROW", r"-\log \hat{y}_j").replace("GRADIENT", r"\hat{y}_i - 1")
    *_, slip = check_document(text).steps
    assert slip.flagged  # holds only when c = i, with the one-hot t the text states
