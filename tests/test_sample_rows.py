"""Entries with two indices, a sample and a class (``y_{nk}``, ``\\hat{y}_{c,i}``,
``Y_{\\text{pred},ik}``): a step about one sample is read as that row, decided step by step; the
softmax's sum says which index is the class.  Every step that holds has a twin that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def _statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


# the sample first, no comma, a primed class index; the batch loss sums over n elsewhere
SAMPLE_FIRST = r"""For sample $n$ and class $k$,

$$y_{nk} = \frac{e^{z_{nk}}}{\sum_{j=1}^K e^{z_{nj}}}$$

The loss of the batch is

$$J = -\sum_{n=1}^N \sum_{k=1}^K t_{nk} \log y_{nk}$$

$$\frac{\partial y_{nk'}}{\partial z_{nk}} = RHS$$
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"y_{nk'}(\delta_{kk'} - y_{nk})", "holds"),
        (r"y_{nk'}(\delta_{kk'} + y_{nk})", "fails"),  # a sign flipped
        (r"y_{nk}(\delta_{kk'} - y_{nk})", "holds only"),  # k for k' in front: only k = k'
        (r"y_{nk'}(1 - y_{nk})", "holds only"),  # the delta dropped: only k = k'
    ],
)
def test_a_step_about_one_sample_is_read_as_that_row(rhs: str, status: str) -> None:
    assert _statuses(SAMPLE_FIRST.replace("RHS", rhs)) == ["definition", "definition", status]


def test_a_step_that_mixes_two_rows_is_not_read() -> None:
    mixed = SAMPLE_FIRST.replace("RHS", r"y_{nk'}(\delta_{kk'} - y_{mk})")
    assert _statuses(mixed)[-1] == "not checked"
    right = mixed.replace(r"\partial z_{nk}", r"\partial z_{mk}")
    assert _statuses(right)[-1] == "not checked"  # z_{mk}: another row, not read as one


def test_a_quantity_summed_over_the_samples_keeps_its_step_unread() -> None:
    text = SAMPLE_FIRST.replace(r"\frac{\partial y_{nk'}}{\partial z_{nk}} = RHS", "STEP")
    good = text.replace("STEP", r"\frac{\partial J}{\partial z_{nk}} = y_{nk} - t_{nk}")
    bad = text.replace("STEP", r"\frac{\partial J}{\partial z_{nk}} = y_{nk} + t_{nk}")
    assert _statuses(good)[-1] == _statuses(bad)[-1] == "not checked"


# the class first, the sample last (the softmax sums over the first index)
CLASS_FIRST = r"""For example $i$ and class $c$:

$$\hat{y}_{c,i} = \frac{\exp(s_{c,i})}{\sum_{c'=1}^K \exp(s_{c',i})}$$

$$\frac{\partial \hat{y}_{c,i}}{\partial s_{j,i}} = RHS$$
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"\hat{y}_{c,i}(\delta_{cj} - \hat{y}_{j,i})", "holds"),
        (r"-\hat{y}_{c,i}(\delta_{cj} - \hat{y}_{j,i})", "fails"),
        (r"\hat{y}_{j,i}(\delta_{cj} - \hat{y}_{j,i})", "holds only"),  # c and j swapped
    ],
)
def test_the_sample_written_last_is_read_as_the_row(rhs: str, status: str) -> None:
    assert _statuses(CLASS_FIRST.replace("RHS", rhs)) == ["definition", status]


def test_a_class_index_never_makes_a_row() -> None:
    # the same entries, but the softmax sums over the second index: i is the class, c the row;
    # the step's c then also stands in \delta_{cj}: not one row's
    text = CLASS_FIRST.replace(r"\sum_{c'=1}^K \exp(s_{c',i})", r"\sum_{m=1}^K \exp(s_{c,m})")
    assert _statuses(text.replace("RHS", r"\hat{y}_{c,i}(\delta_{cj} - \hat{y}_{j,i})")) == [
        "definition",
        "not checked",
    ]


# a word label before the two indices: the predictions beside the targets Y_{ik}
LABELLED = r"""Let $Y$ be the targets and $Y_{\text{pred}}$ the predicted probabilities.

$$Y_{\text{pred},ik} = \frac{e^{Z_{ik}}}{\sum_{j} e^{Z_{ij}}}$$

$$L_i = -\sum_{k} Y_{ik} \log(Y_{\text{pred},ik})$$

$$\frac{\partial Y_{\text{pred},ik}}{\partial Z_{il}} = RHS$$
"""


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"Y_{\text{pred},ik}(\delta_{kl} - Y_{\text{pred},il})", "holds"),
        (r"Y_{\text{pred},ik}(\delta_{kl} + Y_{\text{pred},il})", "fails"),
        (r"-Y_{\text{pred},ik} Y_{\text{pred},il}", "holds only"),  # the off-diagonal only
    ],
)
def test_a_labelled_name_with_two_indices_is_a_name_of_its_own(rhs: str, status: str) -> None:
    assert _statuses(LABELLED.replace("RHS", rhs)) == ["definition", "definition", status]


def test_the_per_sample_loss_is_read_on_its_row() -> None:
    text = LABELLED.replace("Let $Y$ be the targets", "Let $Y$ be the one-hot targets")
    good = text.replace(
        r"\frac{\partial Y_{\text{pred},ik}}{\partial Z_{il}} = RHS",
        r"\frac{\partial L_i}{\partial Z_{ik}} = Y_{\text{pred},ik} - Y_{ik}",
    )
    assert _statuses(good)[-1] == "holds"
    assert _statuses(good.replace(r"- Y_{ik}", r"+ Y_{ik}"))[-1] == "fails"
