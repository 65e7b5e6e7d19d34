"""Logarithms whose base the text never names, found by the tenth red team: 'since $\\log 1000
= 3$' was flagged (it is true to base 10), as was a derivative written with \\ln 10 beside
\\log."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


@pytest.mark.parametrize(
    ("said", "base"),
    [
        (r"since $\log 1000 = 3$.", 10),
        (r"so $\log 2 = 0.301$.", 10),
        (r"so $\log 8 = 3$.", 2),
    ],
)
def test_a_logarithm_true_to_base_2_or_10_is_no_flag(said: str, base: int) -> None:
    (step,) = check_document(f"A remark on magnitudes, {said}\n").steps
    assert step.status == "not checked"
    assert f"it holds with \\log to base {base}, which the text's logarithm may be" in (
        step.summary
    )


@pytest.mark.parametrize(
    "said", [r"since $\log 1000 = 4$.", r"so $\log 2 = 0.5$.", r"so $\log 8 = 2$."]
)
def test_a_logarithm_false_to_every_base_is_flagged(said: str) -> None:
    (step,) = check_document(f"A remark on magnitudes, {said}\n").steps
    assert step.status == "fails"


def test_natural_logarithm_values_are_still_judged() -> None:
    """0.693 is log 2 rounded (natural): it holds to the digits written, never as another
    base."""
    (step,) = check_document("A remark, so $\\log 2 = 0.693$.\n").steps
    assert step.summary.startswith("holds to the digits written: 0.693 is 0.693147 rounded")


def test_log_beside_ln_of_a_base_is_not_the_natural_logarithm() -> None:
    text = "Let $x > 0$.\n\n$$\\frac{d}{dx}\\log x = RHS$$\n"
    (step,) = check_document(text.replace("RHS", "\\frac{1}{x \\ln 10}")).steps
    assert step.status == "not checked" and "\\log beside \\ln of a base" in step.summary
    (natural,) = check_document(text.replace("RHS", "\\frac{1}{x}")).steps
    assert natural.status == "holds"
    (slip,) = check_document(text.replace("RHS", "\\frac{2}{x}")).steps
    assert slip.status == "fails"
