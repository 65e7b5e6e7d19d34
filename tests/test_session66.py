"""Session 66: a worked example's approximations (``\\approx`` to a decimal or a list of
decimals) judged at the example's values, in displays and in sentences; a vector defined by
listing its entries (``P = [\\frac{e^{y_1}}{S}, …]``) read entry by entry; a loss written out
class by class read as a definition; ``[y_1, y_2, y_3]`` fixing the size where nothing else
does; a hard-wrapped sentence's words read with its math; flags withheld from a step that writes
a name whose definition is not read beside the letters that definition is written in.  Every
"holds" has a twin that fails, or (where the reading withholds flags) is not checked."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import filled, judged

EXAMPLE = r"""# Softmax by hand

The softmax is $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$.

A tiny example helps. With three scores $a = (2, 1, 0.1)$ the denominator is
$\sum_k e^{a_k} \approx DENOMINATOR$, and dividing through gives
$S \approx VALUES$. The largest score wins most of the mass.

$$S_1 \approx FIRST$$
"""


def _example(**values: str) -> list[tuple[str, str]]:
    given = {"DENOMINATOR": "11.21", "VALUES": "(0.659, 0.242, 0.099)", "FIRST": "0.659"}
    return judged(filled(EXAMPLE, given, values))


def test_approximations_at_a_worked_example() -> None:
    steps = _example()
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps
    assert all("at the worked example (N = 3, a = (2, 1, 1/10))" in s for _, s in steps), steps
    assert "0.659 is 0.659001 rounded" in steps[2][1]


def test_an_approximation_far_off_fails_at_the_example() -> None:
    (denominator, _, first) = _example(DENOMINATOR="12.21", FIRST="0.559")
    assert denominator[0] == "fails" and "not even approximately" in denominator[1], denominator
    assert first[0] == "fails" and "not even approximately" in first[1], first


def test_a_list_entry_of_the_wrong_sign_fails_at_that_entry() -> None:
    steps = _example(VALUES="(0.659, -0.242, 0.099)")
    assert steps[1][0] == "fails" and "(entry 2)" in steps[1][1], steps


def test_a_rough_approximation_is_not_decided() -> None:
    steps = _example(FIRST="0.5")  # (0.7 is 0.659 rounded, 0.6 cut off: they hold)
    assert steps[2][0] == "not checked" and "coarser" in steps[2][1], steps


def test_an_approximation_with_no_example_is_not_judged() -> None:
    text = EXAMPLE.replace("With three scores $a = (2, 1, 0.1)$ the", "The")
    text = text.replace("DENOMINATOR", "11.21").replace("VALUES", "(0.659, 0.242, 0.099)")
    steps = judged(text.replace("FIRST", "0.559"))
    assert all(status != "fails" for status, _ in steps), steps


def test_an_approximation_said_as_a_slip_is_no_claim() -> None:
    text = EXAMPLE.replace("the denominator is\n", "a wrong denominator is\n")
    steps = judged(
        text.replace("DENOMINATOR", "99.9")
        .replace("VALUES", "(0.659, 0.242, 0.099)")
        .replace("FIRST", "0.659")
    )
    assert [status for status, _ in steps] == ["holds"], steps  # (S ≈ … in the same sentence)


LISTED = r"""# Three classes, every term written out

The last layer gives three logits $Y = [y_1, y_2, y_3]$. Put
$S = e^{y_1} + e^{y_2} + e^{y_3}$; the probabilities are

$$P = \left[\frac{e^{y_1}}{S}, \frac{e^{y_2}}{S}, \frac{e^{y_3}}{S}\right]$$

The target $T = [T_1, T_2, T_3]$ is one-hot, so $T_1 + T_2 + T_3 = 1$, and

$$L = -\left(T_1 \ln P_1 + T_2 \ln P_2 + T_3 \ln P_3\right)$$

The loss by one probability:

$$\frac{\partial L}{\partial P_1} = FIRST$$

The product rule on $P_1 = e^{y_1} \cdot \frac{1}{S}$:

$$\frac{\partial P_1}{\partial y_1} = \frac{1}{S} \cdot e^{y_1} + e^{y_1} \cdot \frac{-1}{S^2}
\cdot e^{y_1} = SECOND$$

All together:

$$\frac{\partial L}{\partial y_1} = P_1 (T_1 + T_2 + T_3) - T_1 = THIRD$$
"""
LISTED_RIGHT = {"FIRST": r"-\frac{T_1}{P_1}", "SECOND": "P_1 - P_1^2", "THIRD": "P_1 - T_1"}
LISTED_WRONG = {"FIRST": r"\frac{T_1}{P_1}", "SECOND": "P_1 + P_1^2", "THIRD": "T_1 - P_1"}


def _listed(wrong: str = "", text: str = LISTED) -> list[tuple[str, str]]:
    for key, right in LISTED_RIGHT.items():
        text = text.replace(key, LISTED_WRONG[key] if key == wrong else right)
    return judged(text)


def test_a_vector_listed_entry_by_entry_is_read() -> None:
    steps = _listed()
    assert [status for status, _ in steps] == ["holds"] * 5, steps
    assert all(summary.startswith("holds at N = 3") for _, summary in steps), steps


def test_a_listed_vector_with_a_wrong_step_fails() -> None:
    for key in LISTED_RIGHT:
        steps = _listed(key)
        assert [status for status, _ in steps].count("fails") == 1, (key, steps)


def test_a_listed_vector_whose_entries_differ_is_not_read() -> None:
    text = LISTED.replace(
        r"\frac{e^{y_2}}{S}, \frac{e^{y_3}}{S}", r"\frac{e^{y_3}}{S}, \frac{e^{y_2}}{S}"
    )
    for wrong in ("", "SECOND"):
        steps = _listed(wrong, text)
        assert all(status != "fails" for status, _ in steps), steps


def test_a_step_beside_a_definition_not_read_is_not_flagged() -> None:
    # P set equal to a list that is not read: a step relating P_1 to y and S rests on it
    text = LISTED.replace(
        r"\left[\frac{e^{y_1}}{S}, \frac{e^{y_2}}{S}, \frac{e^{y_3}}{S}\right]",
        r"\left[\frac{e^{y_1}}{S}; \frac{e^{y_2}}{S}; \frac{e^{y_3}}{S}\right]",
    )
    steps = _listed(text=text)
    assert all(status != "fails" for status, _ in steps), steps
    assert any("which the step writes beside P" in summary for _, summary in steps), steps


SMOOTHED = r"""# Label smoothing

## 1. Targets

With $K$ classes and smoothing $\epsilon$, the target is
$y_j^{\text{LS}} = (1 - \epsilon) y_j + \frac{\epsilon}{K}$. In the weather example we take
$K = 4$ and $\epsilon = 0.1$.

## 2. Where the gradient vanishes

At the optimum the gap between the true logit and any other one is finite:

$$z_c - z_j = \log \frac{1 - \epsilon + \epsilon / K}{\epsilon / K} = \log 37$$

and a constant check: $$\log \frac{\epsilon / K}{\epsilon / K} = CONSTANT$$
"""


def test_a_number_equal_to_an_expression_of_parameters_is_no_identity() -> None:
    steps = judged(SMOOTHED.replace("CONSTANT", "0"))
    gap = [s for s in steps if "varies with its names" in s[1]]
    assert len(gap) == 1 and gap[0][0] == "not checked", steps
    assert steps[-1][0] == "holds", steps


def test_a_constant_set_equal_to_the_wrong_number_fails() -> None:
    steps = judged(SMOOTHED.replace("CONSTANT", r"\log 37"))
    assert steps[-1][0] == "fails", steps


MENTIONED = r"""# Softmax

The softmax is $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$.

Take $a = (2, 1, 0.1)$. A common wrong answer for the first output is
$S_1 \approx 0.300$, which forgets the other exponentials.

Take $a = (2, 1, 0.1)$. Students often write
$S_1 \approx 0.300$.

Take $a = (2, 1, 0.1)$. The first output is
$S_1 \approx VALUE$.
"""


def test_an_approximation_mentioned_on_the_line_above_is_no_claim() -> None:
    assert [s for s, _ in judged(MENTIONED.replace("VALUE", "0.659"))] == ["holds"]
    assert [s for s, _ in judged(MENTIONED.replace("VALUE", "0.300"))] == ["fails"]


DIAGONAL = r"""# The Jacobian

Let $y_k = \dfrac{e^{a_k}}{\sum_{j} e^{a_j}}$ and write $\Sigma = \sum_{j} e^{a_j}$ for
brevity. For the diagonal,
$\dfrac{\partial y_k}{\partial a_k} = \dfrac{e^{a_k}\Sigma - e^{a_k}e^{a_k}}{\Sigma^2} = VALUE$.
"""


def test_a_wrapped_sentence_led_by_the_diagonal() -> None:
    assert [s for s, _ in judged(DIAGONAL.replace("VALUE", "y_k - y_k^2"))] == ["holds", "holds"]
    assert [s for s, _ in judged(DIAGONAL.replace("VALUE", "y_k + y_k^2"))] == ["holds", "fails"]


NUMBERS = r"""# Three classes by hand

Three logits $Y = [y_1, y_2, y_3]$ give $P_k = \frac{e^{y_k}}{\sum_j e^{y_j}}$, and with a
one-hot label $T$ the loss is $L = -\sum_k T_k \ln P_k$, so that
$\frac{\partial L}{\partial y_k} = P_k - T_k$.

## Numbers

With logits $Y = [0.5, 1.5, -1]$ and the CLASS class correct, the softmax
gives $P \approx [0.254, 0.690, 0.057]$ and the gradient is
$\nabla_Y L \approx GRADIENT$. Only the correct class gets a negative entry.
"""


def _numbers(cls: str = "second", gradient: str = "[0.254, -0.310, 0.057]") -> list:
    return judged(NUMBERS.replace("CLASS", cls).replace("GRADIENT", gradient))


def test_a_class_named_in_words_gives_the_example_its_labels() -> None:
    steps = _numbers()
    assert [status for status, _ in steps[-2:]] == ["holds", "holds"], steps
    assert "T = (0, 1, 0)" in steps[-1][1] and "y = (1/2, 3/2, -1)" in steps[-1][1], steps


def test_the_gradient_at_another_class_fails() -> None:
    steps = _numbers(gradient="[-0.746, 0.690, 0.057]")
    assert steps[-1][0] == "fails" and "(entry 1)" in steps[-1][1], steps


def test_a_class_said_twice_gives_no_labels() -> None:
    text = NUMBERS.replace("CLASS", "second").replace("GRADIENT", "[-0.746, 0.690, 0.057]")
    text = text.replace(
        "Only the",
        "(Had the first class been correct, the first entry would be negative.) Only the",
    )
    steps = judged(
        text.replace(
            "the second class correct", "the second class correct, not the first class correct"
        )
    )
    assert all(status != "fails" for status, _ in steps), steps


def test_a_closed_number_approximated() -> None:
    text = "Let $\\hat{y} = \\sigma(z)$.\n\nTake $z = 0.5$. Then "
    text += "$\\hat{y} = \\sigma(0.5) \\approx VALUE$.\n"
    assert [s for s, _ in judged(text.replace("VALUE", "0.622"))] == ["holds", "holds"]
    assert [s for s, _ in judged(text.replace("VALUE", "0.522"))][-1] == "fails"


ONE_EXAMPLE = r"""# Logistic regression

The hypothesis is $h_\theta(x) = \sigma(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}$ and the
log-likelihood of the parameters is

$$\ell(\theta) = \sum_{i=1}^{m} y^{(i)}\log h_\theta(x^{(i)})
+ (1-y^{(i)})\log(1-h_\theta(x^{(i)}))$$

WORDS

$$\frac{\partial \ell}{\partial \theta_j} = GRADIENT$$
"""


def _one(words: str, gradient: str) -> list[tuple[str, str]]:
    return judged(ONE_EXAMPLE.replace("WORDS", words).replace("GRADIENT", gradient))


def test_a_derivative_for_one_training_example() -> None:
    (_, step) = _one("For one training example $(x, y)$ the derivative is", r"(y - h_\theta(x))x_j")
    assert step[0] == "holds" and "one sample (m = 1)" in step[1], step


def test_a_wrong_derivative_for_one_example_fails() -> None:
    (_, step) = _one("For one training example $(x, y)$ the derivative is", r"(h_\theta(x) - y)x_j")
    assert step[0] == "fails" and "m = 1" in step[1], step
    # (review 66b: without those words, or after words of every example, it is not judged so)
    for words in ("The derivative is", "For one training example; summing over all of them,"):
        (_, step) = _one(words, r"(h_\theta(x) - y)x_j")
        assert step[0] == "not checked", (words, step)


def test_one_example_not_said_is_not_judged_for_it() -> None:
    (_, step) = _one("The derivative is", r"(y - h_\theta(x))x_j")
    assert step[0] == "not checked" and "a single sample's loss may be meant" in step[1], step


def test_the_gradient_over_every_sample() -> None:
    text = ONE_EXAMPLE.replace("WORDS", "Summed over the samples,")
    right = r"\sum_{i=1}^{m}\left(y^{(i)} - h_\theta(x^{(i)})\right)x_j^{(i)}"
    wrong = r"\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x_j^{(i)}"
    assert [s for s, _ in judged(text.replace("GRADIENT", right))] == ["holds", "holds"]
    assert [s for s, _ in judged(text.replace("GRADIENT", wrong))] == ["holds", "fails"]


MOVED = r"""# Softmax by hand

The softmax is $S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$. With three scores $a = (2, 1, 0.1)$ we
get $S \approx (0.659, 0.242, 0.099)$. WORDS

$$S_1 \approx VALUE$$
"""


def test_words_that_move_the_example_keep_an_approximation_from_a_flag() -> None:
    # review 66: doubled scores, a temperature, an update, another computation
    for words, value in (
        ("Doubling every score sharpens it:", "0.864"),
        ("At temperature two the output is flatter:", "0.502"),
        ("After one update step the first output is", "0.768"),
        ("Dividing by the raw scores instead gives", "0.645"),
        ("Dropping the third score gives", "0.731"),
    ):
        steps = judged(MOVED.replace("WORDS", words).replace("VALUE", value))
        assert steps[0][0] == "holds" and steps[1][0] == "not checked", (words, steps)
    steps = judged(MOVED.replace("WORDS", "So the first output is").replace("VALUE", "0.559"))
    assert steps[1][0] == "fails", steps


CAT_DOG = r"""# Three classes

Three logits $Y = [y_1, y_2, y_3]$ give $P_k = \frac{e^{y_k}}{\sum_j e^{y_j}}$, and with a
one-hot label $T$ the loss is $L = -\sum_k T_k \ln P_k$.

## Numbers

Take logits $Y = [0.5, 1.5, -1]$. WORDS the gradient is
$\nabla_Y L \approx GRADIENT$.
"""


def test_a_class_named_in_a_contrasted_or_smoothed_sentence_gives_no_labels() -> None:
    dog = "[0.254, -0.310, 0.057]"  # the gradient for the second class
    cat = "[-0.746, 0.690, 0.057]"  # for the first
    words = "For a cat picture the first class is the correct one; our picture shows a dog, and"
    for gradient in (dog, cat):
        (step,) = judged(CAT_DOG.replace("WORDS", words).replace("GRADIENT", gradient))
        assert step[0] not in ("holds", "fails"), step
    smoothed = "We smooth the labels by 0.1, and with the second class correct"
    (step,) = judged(CAT_DOG.replace("WORDS", smoothed).replace("GRADIENT", dog))
    assert step[0] not in ("holds", "fails"), step
    plain = "With the first class correct,"
    assert judged(CAT_DOG.replace("WORDS", plain).replace("GRADIENT", cat))[0][0] == "holds"
    assert judged(CAT_DOG.replace("WORDS", plain).replace("GRADIENT", dog))[0][0] == "fails"


DISOWNED = r"""# The softmax Jacobian

Let $y_k = \dfrac{e^{a_k}}{\sum_{j} e^{a_j}}$.

BEFORE For the diagonal,
$\dfrac{\partial y_k}{\partial a_k} = y_k$.AFTER
"""


def test_a_wrapped_claim_disowned_before_or_after_is_no_claim() -> None:
    for before, after in (
        ("Here is the wrong version first.", ""),
        ("My first attempt went like this.", ""),
        ("Write it out.", "\nThis is wrong, because the sum depends on $a_k$ too."),
    ):
        steps = judged(DISOWNED.replace("BEFORE", before).replace("AFTER", after))
        assert all(status != "fails" for status, _ in steps), (before, steps)
    steps = judged(DISOWNED.replace("BEFORE", "Write it out.").replace("AFTER", ""))
    assert [status for status, _ in steps] == ["fails"], steps


def test_review_66b_moved_points_and_contrasted_classes() -> None:
    for words, value in (
        ("Squaring the scores sharpens it:", "0.936"),
        ("Our second input has a logit of $2$, and", "0.881"),
        ("The cat image scores $3$, and", "0.953"),
    ):
        steps = judged(MOVED.replace("WORDS", words).replace("VALUE", value))
        assert steps[-1][0] == "not checked", (words, steps)
    dog = "[0.254, -0.310, 0.057]"
    cat = "[-0.746, 0.690, 0.057]"
    words = "In the cat picture the first class is the correct one. Our picture shows a dog, so"
    for gradient in (dog, cat):
        (step,) = judged(CAT_DOG.replace("WORDS", words).replace("GRADIENT", gradient))
        assert step[0] not in ("holds", "fails"), step
    numbers = "The target puts 0.9 on the second class and 0.05 on each other class, and"
    (step,) = judged(CAT_DOG.replace("WORDS", numbers).replace("GRADIENT", dog))
    assert step[0] not in ("holds", "fails"), step


def test_review_66b_one_example_said_then_every_example() -> None:
    text = ONE_EXAMPLE.replace(
        "WORDS",
        "For each example the contribution is known; adding the contributions of all m "
        "examples gives the full gradient",
    )
    (_, step) = judged(text.replace("GRADIENT", r"(y - h_\theta(x))x_j"))
    assert step[0] != "holds", step


def test_review_66b_a_value_said_with_is_defines_no_hypothesis() -> None:
    text = (
        "## Initialisation\n\nWe start from $\\theta = 0$, so every prediction is "
        "$h_\\theta(x) = \\sigma(0) = 0.5$.\n\n## The update\n\n"
        + ONE_EXAMPLE.replace("WORDS", "For one training example $(x, y)$ the derivative is")
    )
    steps = judged(text.replace("GRADIENT", r"(y - h_\theta(x))x_j"))
    assert steps[-1][0] == "holds", steps


def test_review_66b_more_ways_to_disown_a_claim() -> None:
    for before, after in (
        ("Write it out.", "\nNot quite: the sum depends on $a_k$ too."),
        ("Write it out.", "\nThat's wrong, the sum depends on $a_k$ too."),
        ("Here is the classic trap.", ""),
        ("A tempting shortcut:", ""),
    ):
        steps = judged(DISOWNED.replace("BEFORE", before).replace("AFTER", after))
        assert all(status != "fails" for status, _ in steps), (before, after, steps)


def test_a_worked_examples_loss_with_numeric_targets_stays_a_value() -> None:
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$ with "
        "one-hot $y$.\n\nFor an example of the second class, smoothed,\n\n"
        "$$L = -(WEIGHTS)$$\n\nIn general,\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    )
    smoothed = r"0.05 \log p_1 + 0.9 \log p_2 + 0.05 \log p_3"
    steps = check_document(text.replace("WEIGHTS", smoothed)).steps
    assert steps[0].status == "definition" and "worked example" in steps[0].summary, steps[0]
    assert not any(step.flagged for step in steps), [s.summary for s in steps]


KRONECKER = r"""# The Jacobian

Let $p_i = \frac{e^{o_i}}{\sum_k e^{o_k}}$. Summarising the two cases,
or, with a Kronecker delta, $\frac{\partial p_i}{\partial o_k} = VALUE$.
"""


def test_a_claim_led_by_with_a_kronecker_delta() -> None:
    assert [s for s, _ in judged(KRONECKER.replace("VALUE", r"p_i (\delta_{ik} - p_k)"))] == [
        "holds"
    ]
    wrong = judged(KRONECKER.replace("VALUE", r"p_i (\delta_{ik} + p_k)"))
    assert [s for s, _ in wrong] in (["fails"], ["not checked"]), wrong
    assert "fails" in wrong[0][1], wrong


SAMPLE_ONE_HOT = r"""# Per-example gradient

For example $n$ the outputs are $p^{(n)}_k = \frac{e^{z^{(n)}_k}}{\sum_j e^{z^{(n)}_j}}$
and the loss is $E^{(n)} = -\sum_{k} y^{(n)}_k \log p^{(n)}_k$ with one-hot $y^{(n)}$.

$$\frac{\partial E^{(n)}}{\partial z^{(n)}_j} = -\sum_k \frac{y^{(n)}_k}{p^{(n)}_k}
\frac{\partial p^{(n)}_k}{\partial z^{(n)}_j} = VALUE$$
"""


def test_one_hot_said_of_a_samples_labels() -> None:
    steps = judged(SAMPLE_ONE_HOT.replace("VALUE", "p^{(n)}_j - y^{(n)}_j"))
    assert [s for s, _ in steps] == ["holds", "holds"], steps
    assert "unstated" not in steps[1][1] and "does not state" not in steps[1][1], steps
    wrong = judged(SAMPLE_ONE_HOT.replace("VALUE", "y^{(n)}_j - p^{(n)}_j"))
    assert wrong[1][0] == "fails", wrong
