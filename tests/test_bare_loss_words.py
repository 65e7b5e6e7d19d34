"""A loss named by a bare word (``Loss = -\\log(q_y)``, ``MSE = \\frac{1}{N} …``, ``CE = …``) is
one name once the text defines it, never a product of letters: the steps about it are judged,
and a wrong twin is flagged. A word the text never defines stays as it was (not read)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = r"The softmax output is $q_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$ and $y$ is the true class."


def statuses(text: str) -> list[tuple[str, bool]]:
    return [(step.status, step.flagged) for step in check_document(text).steps]


@pytest.mark.parametrize(
    ("rhs", "status", "flagged"),
    [("q_i - [i = y]", "holds", False), ("q_i + [i = y]", "holds only", True)],
)
def test_a_loss_named_loss_is_one_name(rhs: str, status: str, flagged: bool) -> None:
    text = (
        f"{SOFTMAX}\n\n$$Loss = -\\log(q_y) = -z_y + \\log \\sum_j e^{{z_j}}$$\n\n"
        f"$$\\frac{{\\partial Loss}}{{\\partial z_i}} = {rhs}$$\n"
    )
    steps = check_document(text).steps
    assert [s.status for s in steps[:2]] == ["definition", "holds"]
    assert (steps[-1].status, steps[-1].flagged) == (status, flagged)
    assert steps[0].summary == "definition of Loss"


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("", "fails")])
def test_an_acronym_the_text_defines_is_one_name(sign: str, status: str) -> None:
    text = (
        "Let $p_k = \\frac{e^{a_k}}{\\sum_j e^{a_j}}$ and let $y$ be one-hot.\n\n"
        "$$CE = -\\sum_k y_k \\log p_k$$\n\n"
        f"$$\\frac{{\\partial CE}}{{\\partial p_k}} = {sign}\\frac{{y_k}}{{p_k}}$$\n"
    )
    steps = check_document(text).steps
    assert steps[-1].status == status
    assert steps[-1].flagged == (status == "fails")


def test_a_function_named_by_an_acronym_is_read_with_its_arguments() -> None:
    text = (
        "$$MSE(y, p)=\\frac{1}{N}\\sum_{i=1}^{N}(y_i-p_i)^2$$\n\n"
        "$$\\frac{\\partial MSE(y, p)}{\\partial p_i}=\\frac{2}{N}(p_i-y_i)$$\n\n"
        "$$\\frac{\\partial MSE(y, p)}{\\partial p_i}=\\frac{2}{N}(y_i-p_i)$$\n"
    )
    assert statuses(text)[-2:] == [("holds", False), ("fails", True)]


def test_a_word_the_text_never_defines_is_not_made_a_name() -> None:
    # CE here is C times E, both defined: a step about the product, judged as before
    text = "$$C = 2$$\n\n$$E = 3$$\n\n$$CE = 6$$\n\n$$CE = 7$$\n"
    steps = check_document(text).steps
    assert not any(step.flagged and step.status != "fails" for step in steps)
    assert all("CE" not in step.summary or "definition" not in step.summary for step in steps)


def test_the_reader_s_own_marks_written_by_an_author_are_never_read_as_a_name() -> None:
    text = "$$\ue14coss = 2$$\n\n$$\ue14coss = 3$$\n"
    assert not any(step.flagged for step in check_document(text).steps)
