"""The maximum of the log-sum-exp shift under any name a post gives it: ``m``, ``\\bar{x}``,
``x^*``; a softmax σ defined with ``\\exp`` and ``\\equiv``, then written again with the shift,
is the same function (the restatement holds)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        (r"\bar{x}", r"\bar{x}"),
        (r"\bar{x}", r"\bar x"),
        (r"\hat{x}", r"\hat{x}"),
        ("x^*", "x^*"),
        ("x^*", "x^{*}"),
        ("M", "M"),
    ],
)
def test_the_maximum_under_its_name(name: str, written: str) -> None:
    text = (
        f"Let ${name} = \\max_i x_i$.\n\n"
        f"$$\\log \\sum_j e^{{x_j}} = {written} + \\log \\sum_j e^{{x_j - {written}}}$$\n\n"
        f"$$\\log \\sum_j e^{{x_j}} = {written} - \\log \\sum_j e^{{x_j - {written}}}$$\n"
    )
    steps = [s for s in check_document(text).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["holds", "fails"]
    assert "\x08" not in steps[0].summary  # the name as written, no escape read into it


SOFTMAX = r"""
The softmax is defined as

$$\sigma(x)_i \equiv \frac{\exp(x_i)}{\sum_j \exp(x_j)}.$$

First, let $\bar{x} = \max_i x_i$ and note that

$$\sigma(x)_{i}=\frac{\exp(x_{i}-\bar{x})}{\sum_{j}\exp(x_{j}-\bar{x})}.$$

Taking logarithms,

$$\log(\sigma(x)_{i})=x_{i}-\bar{x}-\log\biggl(\sum_{j}\exp(x_{j}-\bar{x})\biggr).$$
"""


def test_a_softmax_written_again_with_the_shift_holds() -> None:
    assert _statuses(SOFTMAX) == ["holds", "holds"]


def test_a_slip_in_the_shifted_log_is_flagged() -> None:
    wrong = SOFTMAX.replace(r"=x_{i}-\bar{x}-\log", r"=x_{i}+\bar{x}-\log")
    assert _statuses(wrong) == ["holds", "fails"]


def test_a_restatement_that_disagrees_stays_a_definition() -> None:
    other = SOFTMAX.replace(
        r"{\sum_{j}\exp(x_{j}-\bar{x})}.$$", r"{\sum_{j}\exp(x_{j}+\bar{x})}.$$"
    )
    steps = check_document(other).steps
    assert steps[1].status == "definition"  # a new meaning, perhaps: never "holds"
