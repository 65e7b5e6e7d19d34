"""Softmax regression on a batch, judged as matrices: every step that holds has a twin that fails
at a named entry."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.batch_definitions import batch_of

SETTING = r"""Each row of $X$ is one example and each row of $Y$ is a one-hot label.

$$Z = XW + \mathbf{1}\mathbf{b}^\top$$

$$P = \mathrm{softmax}(Z)$$

$$L = -\frac{1}{M} \sum_{m=1}^{M} \sum_{k=1}^{K} Y_{mk} \log P_{mk}$$

"""


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("holds", "fails"),
    [
        (  # the gradient by the weights; X instead of X^T
            r"\frac{\partial L}{\partial W} = \frac{1}{M} X^\top (P - Y)",
            r"\frac{\partial L}{\partial W} = \frac{1}{M} X (P - Y)",
        ),
        (  # the 1/M of the mean dropped
            r"\frac{\partial L}{\partial W} = \frac{X^T (P - Y)}{M}",
            r"\frac{\partial L}{\partial W} = X^T (P - Y)",
        ),
        (  # P - Y with its sign flipped
            r"\nabla_W L = \frac{1}{M} X^\top \left(P - Y\right)",
            r"\nabla_W L = \frac{1}{M} X^\top \left(Y - P\right)",
        ),
        (
            r"\frac{\partial L}{\partial Z} = \frac{1}{M}(P - Y)",
            r"\frac{\partial L}{\partial Z} = P - Y",
        ),
        (
            r"\frac{\partial L}{\partial \mathbf{b}} = \frac{1}{M} (P - Y)^\top \mathbf{1}",
            r"\frac{\partial L}{\partial \mathbf{b}} = \frac{1}{M} (P + Y)^\top \mathbf{1}",
        ),
        (  # the chain rule through the logits, written with the gradient by Z
            r"\frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Z}",
            r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial Z} X^\top",
        ),
    ],
)
def test_a_batch_step_holds_and_its_twin_fails_at_an_entry(holds: str, fails: str) -> None:
    good = _last(SETTING + f"$${holds}$$\n")
    assert good.status == "holds", good.summary
    assert "(M, D, K) = (2, 2, 2)" in good.summary
    bad = _last(SETTING + f"$${fails}$$\n")
    assert bad.status == "fails", bad.summary
    assert "entry (1, 1) at M = 2" in bad.summary or "entry 1 at M = 2" in bad.summary
    assert "logits Z = [[log" in bad.summary


def test_the_definitions_are_the_model() -> None:
    result = check_document(
        SETTING + "$$\\frac{\\partial L}{\\partial Z} = \\frac{1}{M}(P - Y)$$\n"
    )
    assert [s.status for s in result.steps] == ["definition"] * 3 + ["holds"]


def test_the_gradient_laid_out_as_the_transpose_is_not_flagged() -> None:
    step = _last(SETTING + r"$$\frac{\partial L}{\partial W} = \frac{1}{M} (P - Y)^\top X$$" "\n")
    assert step.status == "holds" and "transpose" in step.summary
    twin = _last(SETTING + r"$$\frac{\partial L}{\partial W} = \frac{1}{M} (P - Y)^\top X^\top$$")
    assert twin.status == "fails", twin.summary


def test_a_loss_not_written_out_is_read_as_the_mean_and_as_the_sum() -> None:
    setting = (
        "The loss is the cross-entropy of the batch; each row of $Y$ is one-hot.\n\n"
        "$$Z = XW$$\n\n$$P = \\operatorname{softmax}(Z)$$\n\n"
    )
    mean = _last(setting + r"$$\frac{\partial L}{\partial W} = \frac{1}{M} X^T (P - Y)$$")
    total = _last(setting + r"$$\frac{\partial L}{\partial W} = X^T (P - Y)$$")
    assert mean.status == total.status == "holds"
    assert "batch mean" in mean.summary and "batch sum" in total.summary
    wrong = _last(setting + r"$$\frac{\partial L}{\partial W} = X^T (Y - P)$$")
    assert wrong.status == "fails", wrong.summary


def test_targets_not_said_to_sum_to_one_are_not_assumed() -> None:
    setting = SETTING.replace(" and each row of $Y$ is a one-hot label", "")
    step = _last(setting + r"$$\frac{\partial L}{\partial Z} = \frac{1}{M}(P - Y)$$")
    assert step.status == "not checked" and "sums to 1" in step.summary


def test_the_softmax_written_entry_by_entry_defines_the_probabilities() -> None:
    setting = SETTING.replace(
        r"P = \mathrm{softmax}(Z)", r"P_{mk} = \frac{e^{Z_{mk}}}{\sum_{j=1}^{K} e^{Z_{mj}}}"
    )
    assert _last(setting + r"$$\nabla_{W} L = \frac{1}{M} X^T (P - Y)$$").status == "holds"
    assert _last(setting + r"$$\nabla_{W} L = \frac{1}{M} X^T (P - 2Y)$$").status == "fails"


@pytest.mark.parametrize(
    "setting",
    [
        "$$Z = XW$$\n",  # no softmax
        "$$Z = XW$$\n\n$$P = \\mathrm{softmax}(W)$$\n",  # the softmax of something else
        "$$Z = XX$$\n\n$$P = \\mathrm{softmax}(Z)$$\n",  # not a model
        "$$Z = XW$$\n\n$$P = \\mathrm{softmax}(Z)$$\n",  # no loss, no word of cross-entropy
    ],
)
def test_no_model_without_its_definitions(setting: str) -> None:
    steps = [((0, 0), *step.split("=", 1)) for step in setting.replace("$", "").split("\n") if step]
    assert batch_of(steps, setting) is None


def test_a_side_that_is_not_read_falls_through() -> None:
    step = _last(SETTING + r"$$\frac{\partial L}{\partial W} = \frac{1}{M} X^\top (P - Q)$$")
    assert step.status == "not checked"


def test_a_loss_whose_batch_is_not_m_is_not_read() -> None:
    setting = SETTING.replace(r"\sum_{m=1}^{M}", r"\sum_{m=1}^{N}")
    step = _last(setting + r"$$\frac{\partial L}{\partial Z} = P - Y$$")
    assert not step.flagged


@pytest.mark.parametrize(
    ("holds", "fails"),
    [
        (
            r"\frac{\partial L}{\partial W_{dk}}"
            r" = \frac{1}{M}\sum_{m=1}^{M} X_{md}\left(P_{mk} - Y_{mk}\right)",
            r"\frac{\partial L}{\partial W_{dk}}"
            r" = \frac{1}{M}\sum_{m=1}^{M} X_{md}\left(Y_{mk} - P_{mk}\right)",
        ),
        (
            r"\frac{\partial L}{\partial Z_{mk}} = \frac{1}{M}(P_{mk} - Y_{mk})",
            r"\frac{\partial L}{\partial Z_{mk}} = P_{mk} - Y_{mk}",
        ),
        (
            r"\frac{\partial L}{\partial b_k} = \sum_{m} \frac{\partial L}{\partial Z_{mk}}",
            r"\frac{\partial L}{\partial b_k} = \sum_{m} P_{mk}",
        ),
    ],
)
def test_an_entry_step_holds_and_its_twin_fails_at_named_indices(holds: str, fails: str) -> None:
    good = _last(SETTING + f"$${holds}$$\n")
    assert good.status == "holds", good.summary
    bad = _last(SETTING + f"$${fails}$$\n")
    assert bad.status == "fails", bad.summary
    assert "entry d = 1, k = 1" in bad.summary or "entry k = 1" in bad.summary


@pytest.mark.parametrize(
    "step",
    [
        r"\frac{\partial L}{\partial W_{dk}} = \frac{1}{M}\sum_{m=1}^{K} X_{md} P_{mk}",  # m to K
        r"\frac{\partial L}{\partial W_{dk}} = X_{mk}",  # k indexes classes and features
        r"\frac{\partial L}{\partial W_{dk}} = \sum_{m} P_{mk} + P_{mk}",  # m free and summed
    ],
)
def test_an_index_with_two_ranges_is_not_read(step: str) -> None:
    assert not _last(SETTING + f"$${step}$$\n").flagged


BY_LETTER = r"""We stack the examples as the rows of $X$; each row of $Y$ is one-hot.

$$Z = XW$$

$$\hat{Y} = \text{softmax}(Z)$$

$$J = -\frac{1}{n} \sum_{i=1}^{n} \sum_{j=1}^{K} Y_{ij} \log \hat{Y}_{ij}$$

"""


@pytest.mark.parametrize("count", ["m", "n", "N", "B"])
@pytest.mark.parametrize("hat", [r"\hat{Y}", r"\hat Y", r"\hat{\mathbf{Y}}", r"\widehat{Y}"])
@pytest.mark.parametrize(
    ("holds", "fails"),
    [
        (
            r"\frac{\partial J}{\partial Z} = \frac{1}{n}(HAT - Y)",
            r"\frac{\partial J}{\partial Z} = HAT - Y",
        ),
        (
            r"\nabla_W J = \frac{1}{n} X^\top (HAT - Y)",
            r"\nabla_W J = \frac{1}{n} X^\top (Y - HAT)",
        ),
    ],
)
def test_the_batch_size_may_be_any_count_letter(count, hat, holds, fails) -> None:
    setting = BY_LETTER.replace("{n}", "{" + count + "}").replace(r"\hat{Y}_", hat + "_")
    good = _last(
        setting + "$$" + holds.replace("HAT", hat).replace("{n}", "{" + count + "}") + "$$"
    )
    assert good.status == "holds", good.summary
    assert f"sizes ({count}, D, K)" in good.summary
    bad = _last(setting + "$$" + fails.replace("HAT", hat).replace("{n}", "{" + count + "}") + "$$")
    assert bad.status == "fails", bad.summary


@pytest.mark.parametrize(
    "other",
    [
        r"$$x_n = X_{n1}$$",  # n is also an index
        r"$$M = 2$$",  # M a name of its own
    ],
)
def test_a_count_letter_that_is_also_an_index_is_not_the_batch_size(other: str) -> None:
    step = _last(BY_LETTER + other + "\n\n" + r"$$\frac{\partial J}{\partial Z} = \hat{Y} - Y$$")
    assert step.status == "not checked", step.summary


SAID = r"""Each row of $Y$ is one-hot. Let $Z = XW$ and

$$\hat{Y} = \text{softmax}(Z), \quad \hat{Y}_{ij} = \frac{e^{Z_{ij}}}{\sum_{k} e^{Z_{ik}}}$$

$$L = -\frac{1}{m}\sum_{i=1}^m \sum_{j} Y_{ij} \log \hat{Y}_{ij}$$

"""


def test_logits_said_in_a_sentence_define_the_batch() -> None:
    steps = check_document(
        SAID + r"$$\frac{\partial L}{\partial Z} = \frac{1}{m}(\hat Y - Y)$$"
    ).steps
    assert [s.status for s in steps[:3]] == ["definition"] * 3
    assert steps[-1].status == "holds", steps[-1].summary
    twin = _last(SAID + r"$$\frac{\partial L}{\partial Z} = \frac{1}{m}(Y - \hat Y)$$")
    assert twin.status == "fails", twin.summary
    assert "entry (1, 1) at m = 2" in twin.summary


def test_logits_said_in_a_sentence_of_another_softmax_define_nothing() -> None:
    text = SAID.replace(r"\text{softmax}(Z)", r"\text{softmax}(A)").replace("e^{Z_", "e^{A_")
    step = _last(text + r"$$\frac{\partial L}{\partial Z} = \frac{1}{m}(Y - \hat Y)$$")
    assert step.status == "not checked", step.summary
