"""Readings added in the twenty-fourth session's rounds of real posts. Every reading that holds
has a twin with a slip that does not."""

from __future__ import annotations

from tests.steps import all_summaries

WORKED_LOSS = (
    "The network gives $\\hat y = (0.228, 0.619, 0.153)$ and the target is $y = (0, 1, 0)$.\n\n"
    "$$H = - (0.0*log(0.228) + 1.0*log(0.619) + 0.0*log(0.153)) = RHS$$\n"
)


def loss_step(rhs: str) -> str:
    """What the second step of the worked loss says (the first defines H)."""
    return all_summaries(WORKED_LOSS.replace("RHS", rhs))[3][1]


def test_a_worked_loss_with_rounded_probabilities_holds_to_their_digits():
    # -log(0.619) = 0.47965…: 0.479 lies within the rounding of 0.619 (1.0 and 0.0 are exact)
    held = loss_step("0.479")
    assert held.startswith("holds to the digits written") and "rounding of its decimals" in held
    assert loss_step("0.480").startswith("holds to the digits")
    assert loss_step("0.497").startswith("fails")  # digits swapped
    assert loss_step("0.52").startswith("fails")
    assert "base 10" in loss_step("0.208")  # right with log10 only: not the flag, not a proof


def test_a_one_written_as_1_0_is_exact_and_excuses_no_wide_range():
    # 1.0 and 0.0 are whole numbers: they do not widen the range (1.0 ± 0.05 would excuse 0.47)
    assert loss_step("0.47").startswith("fails")
