"""Markdown that escapes its TeX delimiters (Hugo, Jekyll): ``\\\\[ … \\\\]``, ``\\\\( … \\\\)``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.escaped import unescape_delimiters
from symsoft.reading.documents.spans import Text

_SOFTMAX = "Let \\\\(S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}\\\\).\n\n"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial S_i}{\partial a_i} = S_i(1 - S_i)", "holds"),
        (r"\frac{\partial S_i}{\partial a_i} = S_i(1 + S_i)", "fails"),
    ],
)
def test_an_escaped_display_is_a_display(step: str, status: str) -> None:
    result = check_document(_SOFTMAX + f"\\\\[\n    {step}\n\\\\]\n")
    assert [(s.line, s.column, s.status) for s in result.steps] == [(4, 39, status)]


def test_a_rows_spacing_is_not_an_opening() -> None:
    text = (
        _SOFTMAX + "$$\\begin{aligned}\n\\frac{\\partial S_i}{\\partial a_i} &= S_i - S_i^2"
        " \\\\[1.6em]\n&= S_i(1 + S_i)\n\\end{aligned}$$\n"
    )
    assert [s.status for s in check_document(text).steps] == ["holds", "fails"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("\\\\[ a = b \\\\]", " \\[ a = b  \\]"),
        ("so \\\\(a = b\\\\) here", "so  \\(a = b \\) here"),
        # inside $$ … $$: a row break, then a bracket; a row's spacing
        ("$$a \\\\(b) = c \\\\)$$", "$$a \\\\(b) = c \\\\)$$"),
        ("$$a = b \\\\[2pt] c = d$$", "$$a = b \\\\[2pt] c = d$$"),
        ("\\\\[ a = b\n\n c = d \\\\]", "\\\\[ a = b\n\n c = d \\\\]"),  # across paragraphs
    ],
)
def test_which_escaped_delimiters_are_read(written: str, read: str) -> None:
    text = Text.of(written)
    unescape_delimiters(text)
    assert text.slice(0, len(text.chars)) == read
