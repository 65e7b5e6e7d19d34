"""A step that writes no entry at all, ``\\sigma(-z) = 1 - \\sigma(z)`` proved on the way in a
text whose z has entries ``z_i`` (one per sample), reads its plain letters as numbers (a vector
reading, entrywise, says the same): it is judged, and a wrong twin flagged. A step that writes
entries beside the plain letter stays unread (a vector in plain letters?)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

TEXT = (
    "$$z_i = w x_i + b$$\n\n$$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$\n\n"
    "$$\\text{Proof } \\sigma(-z) = \\frac{1}{1 + e^{z}} = RHS$$\n"
)


@pytest.mark.parametrize(
    ("rhs", "status"), [("1 - \\sigma(z)", "holds"), ("\\sigma(z) - 1", "fails")]
)
def test_a_scalar_identity_beside_entries_is_judged(rhs: str, status: str) -> None:
    step = check_document(TEXT.replace("RHS", rhs)).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")


def test_a_plain_letter_beside_entries_in_one_step_stays_unread() -> None:
    text = TEXT.replace("RHS", "1 - \\sigma(z_i)")
    step = check_document(text).steps[-1]
    assert step.status == "not checked" and "without an index" in step.summary
