"""Unicode mathematics spelled as LaTeX commands, every position traced back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from symsoft.reading.grammar.characters import COMMANDS, spelled_out

ALPHABET = "".join(COMMANDS) + "√ᵢⱼₖ₀₁₂ ()_{}^+-=abxyz\\12"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_every_spelled_character_comes_from_a_written_one(written):
    spelled = spelled_out(written)
    assert len(spelled.origins) == len(spelled.text) + 1
    assert list(spelled.origins) == sorted(spelled.origins)
    assert spelled.origins[-1] == len(written)
    for pos, char in enumerate(spelled.text):
        source = written[spelled.written(pos)]
        if source.isascii() and source not in "()":  # ( ) of √( … ) become braces
            assert char == source


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("∂p_j/∂z_i", r"\partial p_j/\partial z_i"),
        ("∑_{j≠i} y_j", r"\sum_{j\neq i} y_j"),
        ("σ′(z)", r"\sigma'(z)"),
        ("√(1 + x) √x √x_i", r"\sqrt{1 + x} \sqrt{x} \sqrt x_i"),
        ("δᵢⱼ x₁₂", r"\delta_{ij} x_{12}"),
        ("plain \\LaTeX", "plain \\LaTeX"),
    ],
)
def test_spelled_out(written, spelled):
    assert spelled_out(written).text == spelled
