"""A primed index, ``\\sum_{k'} e^{z_{k'}}``, ``z_{ic'}``: an index letter of its own, read under a
letter the document's math does not write; a prime outside a subscript stays a derivative."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.displays import find_displays
from symsoft.reading.documents.renaming import rename_primed_indices
from symsoft.reading.documents.spans import Text

SOFTMAX = "$$p_k = \\frac{e^{z_k}}{\\sum_{k'} e^{z_{k'}}}$$\n\n$$STEP$$\n"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial p_k}{\partial z_j} = p_k (\delta_{kj} - p_j)", "holds"),
        (r"\frac{\partial p_k}{\partial z_j} = p_k (\delta_{kj} + p_j)", "fails"),
        (r"\frac{\partial p_k}{\partial z_j} = p_k (1 - p_j)", "holds only"),
        (
            r"\frac{\partial}{\partial z_j} \log \sum_{k'=1}^{K} e^{z_{k'}} = "
            r"\frac{e^{z_j}}{\sum_{k'} e^{z_{k'}}}",
            "holds",
        ),
        (  # the bound k' used free outside its sum
            r"\frac{\partial}{\partial z_j} \log \sum_{k'=1}^{K} e^{z_{k'}} = "
            r"\frac{e^{z_{k'}}}{\sum_{k'} e^{z_{k'}}}",
            "holds only",
        ),
        (r"\frac{\partial p_k}{\partial z_k} = \frac{e^{z_k}}{\sum_{k'} e^{z_{k'}}}", "fails"),
    ],
)
def test_a_primed_sum_index(step: str, status: str) -> None:
    result = check_document(SOFTMAX.replace("STEP", step)).steps[-1]
    assert result.status == status, result.summary


def test_primed_indices_written_together_with_another() -> None:
    text = (
        "$$J = -\\sum_c y_{ic} z_{ic} + \\log \\sum_{c'} e^{z_{ic'}}$$\n\n"
        "$$\\frac{\\partial J}{\\partial z_{ic}} = "
        "-y_{ic} + \\frac{e^{z_{ic}}}{\\sum_{c'} e^{z_{ic'}}}$$\n"
    )
    assert "unexpected" not in check_document(text).steps[-1].summary


@pytest.mark.parametrize(
    ("math", "read"),
    [
        (r"$$\sum_{k'} e^{z_{k'}} + z_k$$", r"$$\sum_{m } e^{z_{m }} + z_k$$"),
        (r"$$\sum_{k'} e^{z_{k'}} + k' + z_k$$", None),  # k' outside a subscript too
        (r"$$\sum_{k'} e^{z_{k'}}$$", None),  # k never an index: what k' is, is not said
        (r"$$f'(x) + z_{k'} + z_k$$", r"$$f'(x) + z_{m } + z_k$$"),  # f' a derivative
        (
            r"$$m_k + l_j + \sum_{k'} e^{z_{k'}}$$",
            r"$$m_k + l_j + \sum_{q } e^{z_{q }}$$",
        ),  # m, l taken
    ],
)
def test_what_is_renamed(math: str, read: str | None) -> None:
    text = Text.of(math)
    rename_primed_indices(text, find_displays(text))
    assert text.slice(0, len(text.chars)) == (read if read is not None else math)
