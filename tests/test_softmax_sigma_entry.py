"""σ the text defines as the softmax of a vector, ``\\sigma(\\mathbf{z})_i = …``: σ of one entry,
``\\sigma(z_i)``, is not the logistic function (its off-diagonal derivative 0 "held")."""

from __future__ import annotations

from symsoft.reading.document import check_document

SOFTMAX_SIGMA = r"""
# Softmax as sigma

For a vector $\mathbf{z} \in \mathbb{R}^K$ let
$\sigma(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$.

For $i \neq j$,

$$ \frac{\partial \sigma(z_i)}{\partial z_j} = 0 $$

$$ \frac{\partial \sigma(\mathbf{z})_i}{\partial z_j}
   = -\sigma(\mathbf{z})_i \sigma(\mathbf{z})_j $$
"""


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


def test_sigma_of_one_entry_is_not_the_logistic_function_where_sigma_is_the_softmax() -> None:
    steps = [s for s in check_document(SOFTMAX_SIGMA).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["not checked", "holds"]
    assert "softmax of a vector" in steps[0].summary


def test_the_softmax_entries_beside_it_are_still_flagged() -> None:
    wrong = SOFTMAX_SIGMA.replace(r"= -\sigma(\mathbf{z})_i", r"= \sigma(\mathbf{z})_i")
    assert _statuses(wrong) == ["not checked", "fails"]


def test_sigma_defined_as_the_logistic_function_keeps_its_entries_read() -> None:
    logistic = SOFTMAX_SIGMA.replace(
        r"$\sigma(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$",
        r"$\sigma(x) = \frac{1}{1 + e^{-x}}$ act on each entry",
    ).split("$$ \\frac{\\partial \\sigma(\\mathbf")[0]
    assert _statuses(logistic) == ["holds"]
    assert _statuses(logistic.replace("= 0 $$", "= 1 $$")) == ["fails"]


ENTRIES_TOO = r"""
# Softmax as sigma, entries named too

For a vector $\mathbf{z}$ let $\sigma(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{k} e^{z_k}}$, and
write $\sigma_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ for short.

$$ \frac{\partial \sigma_i}{\partial z_i} = \sigma_i (1 - \sigma_i) $$

$$ \frac{\partial \sigma(z_i)}{\partial z_j} = 0 $$
"""


def test_entries_the_text_names_apart_stay_read_beside_a_softmax_sigma() -> None:
    steps = [s for s in check_document(ENTRIES_TOO).steps if s.status != "definition"]
    assert [s.status for s in steps] == ["holds", "not checked"]
    assert "softmax of a vector" in steps[1].summary


def test_twin_a_slip_in_those_entries_is_flagged() -> None:
    wrong = ENTRIES_TOO.replace(r"\sigma_i (1 - \sigma_i)", r"\sigma_i (1 + \sigma_i)")
    assert _statuses(wrong)[0] == "fails"
