"""Worked examples with numbers for plain letters, found by the tenth red team: a value given in
a sentence ("take $x = 3$"), a case announced for a label ("When $y = 1$ the loss is"), a name
given a number after its definition, decimals rounded before they are multiplied."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def verdicts(text: str) -> list[tuple[str, str]]:
    return [(s.status, s.summary) for s in check_document(text).steps]


SQUARE = r"""
Let $x$ be the input and $y = x^2$. For the example take $x = 3$. Then

$$y = VALUE$$

$$\frac{dy}{dx} = 2x = SLOPE$$
"""


def test_a_letter_given_a_number_in_a_sentence_is_the_example_of_its_section() -> None:
    """'take $x = 3$. Then $$y = 9$$' was refuted at x = 7/2, a value the text never meant."""
    steps = verdicts(SQUARE.replace("VALUE", "9").replace("SLOPE", "6"))
    assert steps == [
        ("holds", "holds at the worked example (x = 3)"),
        ("holds", "holds"),
        ("holds", "holds at the worked example (x = 3)"),
    ]
    wrong = verdicts(SQUARE.replace("VALUE", "8").replace("SLOPE", "7"))
    assert [s for s, _ in wrong] == ["fails", "holds", "fails"]
    assert wrong[0][1] == "fails at the worked example (x = 3)"


def test_a_rule_that_holds_only_at_the_example_is_not_checked() -> None:
    """dy/dx = x + 3 is true at x = 3 and false as a rule: which one the author states is not
    said, so neither verdict is given; dy/dx = x + 4 is false both ways."""
    text = SQUARE.replace("$$y = VALUE$$", "").replace("= 2x = SLOPE", "= RULE")
    (step,) = check_document(text.replace("RULE", "x + 3")).steps
    assert step.status == "not checked"
    assert "holds at the worked example (x = 3), and a derivative may state the rule" in (
        step.summary
    )
    (wrong,) = check_document(text.replace("RULE", "x + 4")).steps
    assert wrong.status == "fails"


BCE = r"""
For one example with $y \in \{0, 1\}$ and $\hat{y} = \sigma(z)$:

$$L = -[y \log(\hat{y}) + (1-y) \log(1-\hat{y})]$$

CASE the loss is

$$L = LOSS$$
"""


@pytest.mark.parametrize(
    ("case", "right", "wrong"),
    [
        ("When $y = 1$", r"-\log(\hat{y})", r"-\log(1 - \hat{y})"),
        ("If $y = 0$,", r"-\log(1 - \hat{y})", r"-\log(\hat{y})"),
    ],
)
def test_a_case_announced_for_a_label_is_the_step_s_case(case: str, right: str, wrong: str) -> None:
    """'When $y = 1$ the loss is $$L = -\\log p$$' was 'fails at y = 0'."""
    text = BCE.replace("CASE", case)
    (_, step) = check_document(text.replace("LOSS", right)).steps
    assert step.status == "holds" and step.summary.startswith("holds at the worked example")
    (_, slip) = check_document(text.replace("LOSS", wrong)).steps
    assert slip.status == "fails"


NUMBERS = r"""
For one example with $y \in \{0, 1\}$ and $\hat{y} = \sigma(z)$, the loss is
$L = -y \log \hat{y} - (1 - y) \log(1 - \hat{y})$ and

$$\frac{\partial L}{\partial z} = \hat{y} - y$$

A quick check: take $z = 0$, so $\hat{y} = 0.5$, and $y = 1$. Then

$$\frac{\partial L}{\partial z} = VALUE$$
"""


def test_a_defined_name_given_its_own_value_is_no_new_meaning() -> None:
    """ŷ = 0.5 at z = 0 is what ŷ = σ(z) gives: the step at the example is judged, and a
    slip in its arithmetic is flagged (it was withheld as a name used anew)."""
    (_, right) = check_document(NUMBERS.replace("VALUE", "0.5 - 1")).steps
    assert right.summary == "holds at the worked example (y = 1, z = 0)"
    (_, slip) = check_document(NUMBERS.replace("VALUE", "1 - 0.5")).steps
    assert slip.status == "fails" and "at the worked example (y = 1, z = 0)" in slip.summary


RENAMED = r"""
Let $x$ be the input and $y = x^2$, so $\frac{dy}{dx} = 2x$.

Now let $y$ denote the label instead, with $y = 1$, and $q = 0.8$:

$$L = -y \log q = RHS$$
"""


def test_a_defined_name_given_another_number_may_be_used_anew() -> None:
    """'Now let $y$ denote the label instead, with $y = 1$': the step was refuted with y = x²."""
    steps = check_document(RENAMED.replace("RHS", r"-\log 0.8")).steps
    assert steps[-1].status == "not checked"
    assert "the text gives y = 1 at line 4, which its definition at line 2 does not fit" in (
        steps[-1].summary
    )
    steps = check_document(RENAMED.replace("RHS", r"y \log q")).steps
    assert steps[-1].status == "fails"  # wrong with y = 1 as with y = x²


ROUNDED = r"""
The sigmoid is $\sigma(z) = \frac{1}{1+e^{-z}}$. At $z = 2$ we get $\sigma(2) \approx 0.8808$,
so

$$\sigma'(2) = PRODUCT = 0.105$$
"""


def test_decimals_rounded_before_they_are_multiplied_are_no_flag() -> None:
    """σ'(2) = 0.8808 × 0.1192 (0.104991…, σ'(2) = 0.104994…) was flagged: each decimal is
    written to four digits, and the exact value lies within their rounding."""
    # (session 66: the sentence's $\sigma(2) \approx 0.8808$ is a step too, and holds)
    steps = verdicts(ROUNDED.replace("PRODUCT", r"0.8808 \times 0.1192"))
    assert [s for s, _ in steps] == ["holds", "holds", "holds"]
    assert "holds to the digits written" in steps[1][1]
    assert "up to the rounding of its decimals" in steps[1][1]
    slip = verdicts(ROUNDED.replace("PRODUCT", r"0.8808 \times 0.1292"))
    assert [s for s, _ in slip] == ["holds", "fails", "fails"]


def test_arithmetic_between_decimals_is_judged_as_written() -> None:
    """0.5 × 0.3 = 0.16 is arithmetic, not a value rounded: the rounding of 0.5 and 0.3 does
    not excuse it (only an exact side may be the value decimals approximate)."""
    text = "Then\n\n$$0.5 \\times 0.3 = RESULT$$\n"
    assert [s for s, _ in verdicts(text.replace("RESULT", "0.16"))] == ["fails"]
    assert [s for s, _ in verdicts(text.replace("RESULT", "0.15"))] == ["holds"]


OUTPUT_IN_WORDS = r"""
Let $\hat{y} = \sigma(z)$ and $L = -y \log \hat{y} - (1 - y)\log(1 - \hat{y})$.

Take $y = 1$ and a model output of 0.7. Then

$$L = RHS$$
"""


def test_a_value_for_names_the_example_leaves_open_is_not_flagged() -> None:
    """'a model output of 0.7' gives ŷ in words: L = -log(0.7) at y = 1 was refuted at z = 7/2."""
    (step,) = check_document(OUTPUT_IN_WORDS.replace("RHS", r"-\log(0.7)")).steps
    assert step.status == "not checked"
    assert "one side is numbers alone, the other's names have no values read here" in (step.summary)
    (slip,) = check_document(OUTPUT_IN_WORDS.replace("RHS", r"-\log(1 - \hat{y})")).steps
    assert slip.status == "fails" and slip.summary.startswith("fails at the worked example")
