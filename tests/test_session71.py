"""Session 71: the softmax written as a function of its vector with an index (``\\sigma_i(z)``,
right after ``\\partial``), a partition function of the vector (``N(z) = \\sum_k e^{z_k}``), and
the numerically stable softmax defined with the max shift in its exponents.  Every "holds" has a
twin that fails, or is not checked where the reading is not the text's."""

from __future__ import annotations

from tests.steps import filled, judged

PARTITION = r"""\section{Definition}
Given an $n$-dimensional input vector $z$, the softmax function has the output:
\begin{equation}
\sigma_i(z)=\frac{e^{z_i}}{\sum_{k=1}^n e^{z_k}}
\end{equation}
It will be convenient to give a shorthand for the normalization constant, so we set:
\begin{equation}
N(z)=\sum_{k=1}^n e^{z_k}
\end{equation}
The two derivatives are:
\begin{equation}
\frac{\partial}{\partial z_j}e^{z_i}=\delta_{ij}e^{z_i},\quad
\frac{\partial}{\partial z_j}N(z)=PARTIAL
\end{equation}
so that
\begin{equation}
\frac{\partial\sigma_i(z)}{\partial z_j}=\frac{e^{z_i}}{N(z)}
\left(\delta_{ij}-\frac{e^{z_j}}{N(z)}\right)
=JACOBIAN
\end{equation}
"""
GIVEN = {"PARTIAL": "e^{z_j}", "JACOBIAN": r"\sigma_i(z)\left(\delta_{ij}-\sigma_j(z)\right)"}


def _partition(**values: str) -> list[tuple[str, str]]:
    return judged(_joined(filled(PARTITION, GIVEN, values)))


def _joined(text: str) -> str:
    return text.replace("\n=", " =").replace("}\n\\left", "} \\left")


def test_a_softmax_entry_written_with_its_vector_and_a_partition_function_hold() -> None:
    steps = _partition()
    assert [status for status, _ in steps] == ["holds"] * 4, steps


def test_a_partition_function_with_a_dropped_delta_fails() -> None:
    steps = _partition(PARTIAL="e^{z_k}")
    assert steps[1][0] != "holds", steps
    steps = _partition(JACOBIAN=r"\sigma_i(z)\left(1-\sigma_j(z)\right)")
    assert steps[3][0] == "holds only" and "fails when i ≠ j" in steps[3][1], steps


def test_the_entry_written_with_its_vector_right_after_the_partial_sign_fails_when_wrong() -> None:
    steps = _partition(JACOBIAN=r"\sigma_i(z)\left(\delta_{ij}+\sigma_j(z)\right)")
    assert [status for status, _ in steps] == ["holds"] * 3 + ["fails"], steps


def test_a_capital_also_written_alone_is_no_function_of_the_vector() -> None:
    # N(z) beside N alone (a count the text writes): not one name, never read as the sum
    text = filled(PARTITION, GIVEN, {}).replace("$n$-dimensional", "$N$-dimensional")
    steps = judged(_joined(text))
    assert all(status != "fails" for status, _ in steps), steps
    wrong = _joined(text.replace(r"\delta_{ij}-\sigma_j(z)", r"1-\sigma_j(z)"))
    assert all(status != "holds" for status, _ in judged(wrong)[3:]), judged(wrong)


STABLE = r"""The softmax is

$$\sigma(\mathbf{z})_j = \frac{e^{z_j}}{\sum_{k=1}^K e^{z_k}}$$

The numerically stable softmax function can thus be reformulated as:

$$
\sigma(\mathbf{z})_j = \frac{e^{z_j - SHIFT}}{\sum_{k=1}^K e^{z_k -
BELOW}} \quad \text{for } j = 1, \ldots, K
$$

Its diagonal derivative:

$$\frac{\partial \sigma(\mathbf{z})_j}{\partial z_j} = DIAGONAL$$
"""
SHIFTED = {
    "SHIFT": r"\max_i z_i",
    "BELOW": r"\max_i z_i",
    "DIAGONAL": r"\sigma(\mathbf{z})_j (1 - \sigma(\mathbf{z})_j)",
}


def _stable(**values: str) -> list[tuple[str, str]]:
    return judged(filled(STABLE, SHIFTED, values))


def test_the_max_shifted_softmax_is_the_softmax() -> None:
    steps = _stable()
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    steps = _stable(SHIFT=r"\max_{i} z_i", BELOW=r"\max_{i} z_i")
    assert [status for status, _ in steps] == ["holds", "holds"], steps


def test_a_wrong_derivative_after_the_max_shifted_softmax_fails() -> None:
    steps = _stable(DIAGONAL=r"\sigma(\mathbf{z})_j (1 + \sigma(\mathbf{z})_j)")
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_a_shift_in_one_place_only_is_no_softmax() -> None:
    # the maximum subtracted in the numerator alone: e^{-max} times the softmax
    text = (
        filled(STABLE, SHIFTED, {})
        .replace("e^{z_k -\nBELOW}", "e^{z_k}")
        .replace("e^{z_k -\n\\max_i z_i}", "e^{z_k}")
    )
    assert "e^{z_k}}" in text
    steps = judged(text)  # a restatement of σ that is wrong: the shift does not cancel
    assert steps[0][0] == "fails" and "m = max = 1" in steps[0][1], steps
    # the same number subtracted above and in every term below cancels, whatever it is (the
    # maximum of another vector too); a maximum this reader does not know is left as written
    steps = _stable(SHIFT=r"\max_i x_i", BELOW=r"\max_i x_i")
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    steps = _stable(SHIFT=r"\max_i z_j", BELOW=r"\max_i z_j")
    assert steps[0][0] == "not checked", steps
    steps = _stable(SHIFT=r"\max_i z_i", BELOW=r"\max_k z_k")  # one maximum, two spellings
    assert steps[0][0] == "holds" and "for every m" in steps[0][1], steps


SHORTHAND = r"""The softmax is $S_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}$.

For the $i=j$ case, using the quotient rule we have:

$$\frac{\partial S_i}{\partial a_j} = \frac{e^{a_i}.\sum-e^{a_j}.e^{a_i}}{\sum^2}$$
$$= \frac{e^{a_i}}{\sum}.\frac{\sum-e^{a_j}}{\sum}$$
$$= SHORT$$
"""


def test_a_bare_sum_before_a_minus_beside_the_bare_sum_alone_is_the_partition_sum() -> None:
    # \frac{\sum - e^{a_j}}{\sum}: the text's sum minus e^{a_j}, as {\sum} and \sum^2 beside it
    steps = judged(SHORTHAND.replace("SHORT", r"S_i(1-S_j)"))
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps
    steps = judged(SHORTHAND.replace("SHORT", r"S_i(1+S_j)"))
    assert [status for status, _ in steps] == ["holds", "holds", "fails"], steps
    wrong = SHORTHAND.replace(r"\frac{\sum-e^{a_j}}{\sum}", r"\frac{\sum+e^{a_j}}{\sum}")
    steps = judged(wrong.replace("SHORT", r"S_i(1-S_j)"))
    assert steps[1][0] == "fails", steps


def test_a_bare_sum_before_a_minus_with_no_shorthand_beside_it_is_not_read() -> None:
    text = SHORTHAND.replace(r"\frac{e^{a_i}}{\sum}.", r"e^{a_i}.").replace(
        r"\frac{\sum-e^{a_j}}{\sum}", r"\frac{\sum-e^{a_j}}{(\sum_k e^{a_k})^2}"
    )
    steps = judged(text.replace("SHORT", r"S_i(1-S_j)"))
    assert steps[1][0] == "not checked" and "\\sum followed by a sign" in steps[1][1], steps


RECIPROCAL = r"""For the 2nd part of the derivative chain, we'll use the reciprocal derivative rule:

$$(\frac{1}{f(x)})'=RULE$$
"""


def test_a_function_squared_before_its_argument_is_the_square_of_its_value() -> None:
    steps = judged(RECIPROCAL.replace("RULE", r"-\frac{f'(x)}{f^2(x)}"))
    assert steps == [("holds", "holds")], steps
    steps = judged(RECIPROCAL.replace("RULE", r"\frac{f'(x)}{f^2(x)}"))
    assert steps[0][0] == "fails", steps
    steps = judged(RECIPROCAL.replace("RULE", r"-\frac{f'(x)}{f^{2}(x)}"))
    assert steps == [("holds", "holds")], steps


def test_a_letter_squared_before_a_group_is_left_where_the_text_never_applies_it() -> None:
    from symsoft.reading.documents.power_calls import spell_power_calls
    from symsoft.reading.documents.spans import Text

    for source, read in (
        ("$$c^2(x) = 9x$$", "$$c^2(x) = 9x$$"),  # c never applied to x: a product
        ("$f(x)$ and $$f^2(x) = g^2(x)$$", "$f(x)$ and $$f(x)^2 = g^2(x)$$"),
        ("$f'(y)$ and $$f^{2}(y) = 1$$", "$f'(y)$ and $$f(y)^2   = 1$$"),
    ):
        text = Text.of(source)
        spell_power_calls(text)
        assert text.slice(0, len(source)) == read, source


WORDS = r"""And the actual per-element formula is:

$$softmax_j = \frac{e^{a_j}}{\sum_{k=1}^{N} e^{a_k}}$$

Let's compute $$D_jsoftmax_i$$ for arbitrary i and j:

$$D_jsoftmax_i=\Large \:\:\frac{\partial softmax_i}{\partial a_j}\:\:= JACOBIAN$$

Using the quotient rule $$\Large f(x) = \frac{g(x)}{h(x)}$$
&nbsp;$$\Large f'(x) = QUOTIENT$$
"""
SAID = {
    "JACOBIAN": r"softmax_i(\delta_{ij}-softmax_j)",
    "QUOTIENT": r"\frac{g'(x)h(x) - h'(x)g(x)}{h(x)^2}",
}


def test_the_word_softmax_with_an_index_is_the_entry_the_text_defines() -> None:
    steps = judged(filled(WORDS, SAID, {}))
    # D_j softmax_i = ∂softmax_i/∂a_j (D_j: by a_j), then the Jacobian, then the quotient rule
    assert [status for status, _ in steps] == ["holds", "holds", "holds"], steps


def test_a_wrong_entry_or_rule_beside_the_softmax_word_and_sizes_fails() -> None:
    steps = judged(filled(WORDS, SAID, {"JACOBIAN": r"softmax_i(1-softmax_j)"}))
    assert steps[1][0] == "holds only" and "fails when i ≠ j" in steps[1][1], steps
    steps = judged(filled(WORDS, SAID, {"QUOTIENT": r"\frac{g'(x)h(x) + h'(x)g(x)}{h(x)^2}"}))
    assert steps[2][0] == "fails", steps


def test_the_softmax_word_also_applied_with_an_entry_is_left_as_written() -> None:
    text = filled(WORDS, SAID, {}) + "\n$$softmax(a)_i = softmax_i$$\n"
    steps = judged(text)
    assert all(status == "not checked" for status, _ in steps[:2]), steps


def test_a_space_before_an_equals_sign_is_no_definition_sign() -> None:
    # \:\:= is two medium spaces and =, not \: and :=
    text = (
        r"$$S_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$$" + "\n\n"
        r"$$\frac{\partial S_i}{\partial a_j}\:\:= S_i(\delta_{ij} - S_j)$$" + "\n\n"
        r"$$\frac{\partial S_i}{\partial a_j}\:\:= S_i(\delta_{ij} + S_j)$$" + "\n"
    )
    assert [status for status, _ in judged(text)] == ["holds", "fails"], judged(text)


MYST = r"""The softmax is $S_i = \frac{e^{z_i}}{\sum_{k=1}^K e^{z_k}}$.

```{admonition} Some Derivatives Tips So Far...
:class: note

$$
\frac{\partial S_i}{\partial z_j} = DIRECTIVE
$$
```

```python
# code stays code: $S_i = 1$
x = 1
```

````{prf:proof}
:label: jacobian

$$
\frac{\partial S_i}{\partial z_i} = PROOF
$$
````
"""


def test_myst_directives_of_prose_are_read_and_code_stays_code() -> None:
    steps = judged(
        MYST.replace("DIRECTIVE", r"S_i(\delta_{ij} - S_j)").replace("PROOF", "S_i(1-S_i)")
    )
    assert [status for status, _ in steps] == ["holds", "holds"], steps


def test_a_wrong_step_inside_a_myst_directive_is_flagged() -> None:
    steps = judged(MYST.replace("DIRECTIVE", r"S_i(1 - S_j)").replace("PROOF", "S_i(1+S_i)"))
    assert steps[0][0] == "holds only" and steps[1][0] == "fails", steps
    code = MYST.replace("```python", "```{code-cell} python").replace("x = 1", "$$S_i = 2$$")
    steps = judged(
        code.replace("DIRECTIVE", r"S_i(\delta_{ij} - S_j)").replace("PROOF", "S_i(1-S_i)")
    )
    assert len(steps) == 2, steps  # a code cell's text is no step


def test_a_worked_example_with_a_signed_number_after_a_sign_and_escaped_stars() -> None:
    text = "The logit is\n\n$$logit =  -1.5 + 3\\*1 + -0.5\\*5 = RESULT$$\n"
    steps = judged(text.replace("RESULT", "-1"))
    assert steps == [("holds", "holds")], steps
    steps = judged(text.replace("RESULT", "-6"))
    assert steps[0][0] == "fails", steps
    steps = judged("$$3 - -2 = 5$$\n\n$$3 - -2 = 1$$\n")
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_the_odds_and_the_probability_as_words_of_a_worked_example() -> None:
    text = (
        "The odds are $odds = \\frac{p}{1-p}$, so\n\n"
        "$$probability = \\frac{odds}{1+odds} = RESULT$$\n"
    )
    steps = judged(text.replace("RESULT", "p"))
    assert steps == [("holds", "holds")], steps
    steps = judged(text.replace("RESULT", "1 - p"))
    assert steps[0][0] == "fails", steps


# review 71: documents written to break this session's readings, each labelled by a numeric check


def test_a_count_letter_applied_to_the_vector_is_not_read() -> None:
    text = r"""Given an input vector $z \in \mathbb{R}^N$, the softmax is
$$\sigma_i(z)=\frac{e^{z_i}}{\sum_{k=1}^N e^{z_k}}$$
and we abbreviate the normaliser as
$$N(z)=\sum_{k=1}^N e^{z_k}$$
Then
$$\frac{\partial\sigma_i(z)}{\partial z_j}=
\frac{\delta_{ij}e^{z_i}}{N(z)}-\frac{e^{z_i}e^{z_j}}{N(z)^2}$$
"""
    # N is the count (\sum_{k=1}^N) and N(z) the sum: never the count in place of N(z)
    steps = judged(text)
    assert [status for status, _ in steps] == ["not checked", "not checked"], steps
    assert "the count N" in steps[1][1], steps


def test_a_power_of_a_function_in_a_text_that_composes_functions_is_not_its_square() -> None:
    base = r"""In this note $f^2$ means $f \circ f$, the second iterate, not the square of $f$.

$$f(x) = 2x + 1$$

$$f^2(x) = RESULT$$
"""
    for result in ("4x + 3", "4x^2 + 4x + 1"):  # the iterate (true), the square (false here)
        steps = judged(base.replace("RESULT", result))
        assert [status for status, _ in steps] == ["not checked"], (result, steps)


def test_signed_terms_with_their_own_index_after_a_bare_sum_are_not_read() -> None:
    text = r"""The softmax is $S_k = \frac{e^{a_k}}{\sum_{j=1}^{N} e^{a_j}}$, writing $\sum$ alone
for the normaliser $\sum_j e^{a_j}$. The expected negative logit is a sum of negative terms:

$$-\sum_k S_k a_k = \frac{\sum -a_k e^{a_k}}{\sum}$$

$$-\sum_k y_k S_k = \frac{1}{\sum}\sum -y_k e^{a_k}$$
"""
    steps = judged(text)
    assert [status for status, _ in steps] == ["not checked", "not checked"], steps
    assert all("signed terms with an index of their own" in summary for _, summary in steps)


def test_d_j_of_a_softmax_of_z_beside_activations_named_a_is_not_flagged() -> None:
    # D_j is ∂/∂a_j; the text's S is a softmax of z and a_i = S_i names the activations: the
    # derivative by a is not the text's (was: 0, a false flag through a_i = S_i)
    text = r"""$$S_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$$

$$D_j S_i = S_i(\delta_{ij} - S_j)$$

With $a_i = S_i$ the activations:

$$\frac{\partial S_i}{\partial z_j} = S_i(\delta_{ij} - S_j)$$

$$\frac{\partial S_i}{\partial z_j} = S_i(1 - S_j)$$
"""
    steps = judged(text)
    assert [status for status, _ in steps][:2] == ["not checked", "holds"], steps
    assert steps[2][0] == "not checked" and "holds only when i = j" in steps[2][1], steps


def test_a_power_of_a_function_applied_in_a_text_that_composes_is_not_read() -> None:
    # the words "decomposing it" are no composition of functions: f^2(x) is still f(x)^2 there
    text = (
        "Let's prepare the loss for derivation by decomposing it.\n\n"
        "$$(\\frac{1}{f(x)})'=-\\frac{f'(x)}{f^2(x)}$$\n"
    )
    assert judged(text) == [("holds", "holds")], judged(text)
    text = text.replace("decomposing it.", "decomposing it; $f \\circ f$ is $f$ applied twice.")
    steps = judged(text)
    assert [status for status, _ in steps] == ["not checked"], steps


def test_a_label_case_leading_a_display_is_its_case_not_a_factor() -> None:
    text = r"""The prediction is $\hat{y} = \sigma(z)$ with $\sigma(z) = \frac{1}{1+e^{-z}}$, and
the loss of one example is

$$L = -\big(y \log \hat{y} + (1-y)\log(1-\hat{y})\big)$$

$$\mathrm{If}\; y=1,\; L = CASE$$
"""
    # read as "If $y=1$, $$L = …$$": never judged for every y (was: fails at y = 0)
    for case in (r"-\log \hat{y}", r"-\log(1 - \hat{y})"):
        steps = judged(text.replace("CASE", case))
        assert all(status in ("not checked", "holds") for status, _ in steps), steps
    from symsoft.reading.documents.leading_cases import spell_leading_cases
    from symsoft.reading.documents.spans import Text

    written = Text.of(r"$$\text{if } y = 0, \quad L = x$$")
    spell_leading_cases(written)
    assert written.slice(0, len(written.chars)) == "if $y = 0$" + " " * 14 + "\\[L = x\\]"


NG = r"""# Logistic regression as a neural network

For one example, $z = w^T x + b$, $a = \sigma(z)$ and the loss is
$\mathcal{L}(a, y) = -(y\log a + (1-y)\log(1-a))$.

For $m$ examples, $J = \frac{1}{m}\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})$ and

$$\frac{\partial J}{\partial w_1} = WEIGHT$$

$$\frac{\partial J}{\partial b} = BIAS$$
"""
NG_GIVEN = {
    "WEIGHT": r"\frac{1}{m}\sum_{i=1}^m x_1^{(i)} (a^{(i)} - y^{(i)})",
    "BIAS": r"\frac{1}{m}\sum_{i=1}^m (a^{(i)} - y^{(i)})",
}


def test_ng_one_example_loss_averaged_over_the_samples_holds() -> None:
    # the loss of one example said in a sentence, J its mean at the samples, a feature by number
    steps = judged(filled(NG, NG_GIVEN, {}))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    assert "(m, d) = (2, 2)" in steps[0][1], steps


def test_ng_gradient_with_a_sign_flip_a_lost_mean_or_another_feature_fails() -> None:
    flipped = judged(filled(NG, NG_GIVEN, {"BIAS": r"\frac{1}{m}\sum_{i=1}^m (y^{(i)} - a^{(i)})"}))
    assert flipped[1][0] == "fails" and "m = 2, d = 2" in flipped[1][1], flipped
    lost = judged(filled(NG, NG_GIVEN, {"WEIGHT": r"\sum_{i=1}^m x_1^{(i)} (a^{(i)} - y^{(i)})"}))
    assert lost[0][0] == "fails", lost
    other = r"\frac{1}{m}\sum_{i=1}^m x_2^{(i)} (a^{(i)} - y^{(i)})"
    swapped = judged(filled(NG, NG_GIVEN, {"WEIGHT": other}))
    assert swapped[0][0] == "fails", swapped


# review 71b: worked numbers and a one-hot target said with its single 1


def test_decimals_given_to_a_function_are_exact_inputs_its_value_rounded() -> None:
    text = r"""$$\sigma(0.56)(1 - \sigma(0.56)) = 0.636 \times ROUNDED$$

$$\frac{1}{1 + e^{-0.5}} = \frac{1}{1 + EXP}$$

$$\frac{-\log 0.7 - \log 0.3}{2} = \frac{0.357 + LOG}{2}$$
"""
    right = {"ROUNDED": "0.364", "EXP": "0.607", "LOG": "1.204"}
    steps = judged(filled(text, right, {}))
    assert [status for status, _ in steps] == ["holds"] * 3, steps
    assert all("to the digits written" in summary for _, summary in steps), steps
    wrong = judged(filled(text, right, {"ROUNDED": "0.464", "EXP": "0.670", "LOG": "1.240"}))
    assert [status for status, _ in wrong] == ["fails"] * 3, wrong
    # arithmetic between decimals alone is still judged as written
    assert judged("$$0.5 \\times 0.3 = 0.16$$\n")[0][0] == "fails"


def test_a_target_said_to_have_a_single_one_is_one_hot() -> None:
    text = r"""$p = \mathrm{softmax}(z)$ and $L = -\sum_k y_k\log p_k$.

$$\frac{\partial L}{\partial z_i} = p_i\sum_k y_k - y_i = p_i - y_i$$

Here each example belongs to exactly one class, so $y$ has a single 1.
"""
    steps = judged(text)
    assert steps[1] == ("holds", "holds given Σ_j y_j = 1"), steps
    counts = text.replace("so $y$ has a single 1", "and $y$ counts its words")
    assert judged(counts)[1][1].startswith("uses Σ_j y_j = 1, which"), judged(counts)


DENSE = r"""# Backprop through one dense layer

$z = Wx + b$, $a = \sigma(z)$ elementwise, $L = \frac{1}{2}\sum_i (a_i - y_i)^2$.

$$\frac{\partial L}{\partial z_i} = (a_i - y_i)\,a_i(1 - a_i)$$

$$\frac{\partial L}{\partial W_{ij}} = WEIGHT$$

$$\frac{\partial L}{\partial x_j} = INPUT$$
"""
DENSE_GIVEN = {
    "WEIGHT": r"(a_i - y_i)\,a_i(1 - a_i)\,x_j",
    "INPUT": r"\sum_i W_{ij}(a_i - y_i)a_i(1 - a_i)",
}


def test_a_dense_layer_with_an_elementwise_sigmoid_is_read_entry_by_entry() -> None:
    steps = judged(filled(DENSE, DENSE_GIVEN, {}))
    assert [status for status, _ in steps] == ["holds"] * 3, steps


def test_a_dense_layer_with_swapped_indices_is_flagged() -> None:
    steps = judged(filled(DENSE, DENSE_GIVEN, {"WEIGHT": r"(a_i - y_i)\,a_i(1 - a_i)\,x_i"}))
    assert steps[1][0] == "holds only" and "i = j" in steps[1][1], steps
    steps = judged(filled(DENSE, DENSE_GIVEN, {"INPUT": r"\sum_i W_{ji}(a_i - y_i)a_i(1 - a_i)"}))
    assert steps[2][0] == "fails", steps


def test_sigma_of_a_single_logit_beside_a_softmax_vector_is_no_entry() -> None:
    # p = σ(z) "for a single logit z" (z no vector the text defines), then p_i a softmax
    text = r"""**Binary.** $p = \sigma(z)$ for a single logit $z$:

$$\frac{dp}{dz} = p(1 - p)$$

**Multiclass.** Now $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ is a vector:

$$\frac{\partial p_i}{\partial z_j} = -p_i p_j \quad (j \neq i)$$
"""
    assert [status for status, _ in judged(text)] == ["holds", "holds"], judged(text)
    wrong = text.replace("p(1 - p)", "p(1 + p)").replace("= -p_i p_j", "= p_i p_j")
    assert [status for status, _ in judged(wrong)] == ["fails", "fails"], judged(wrong)


def test_a_feature_numbered_zero_is_not_read_as_the_last_column() -> None:
    # x_0^{(i)} (a text's own numbering, x_0 = 1 for the intercept): never X's last column
    text = filled(
        NG, NG_GIVEN, {"WEIGHT": r"\frac{1}{m}\sum_{i=1}^m x_0^{(i)} (a^{(i)} - y^{(i)})"}
    )
    steps = judged(text)
    assert steps[0][0] == "not checked", steps


# review 71c: worked numbers that cancel, weights kept exact, hedged one-hot words, a second
# loss in Ng's notation, a sign said before a step


def test_decimals_that_round_no_value_of_the_exact_side_are_no_rounding() -> None:
    # σ(0.1) ≈ 0.525 written 0.520, 1 − σ(0.1) ≈ 0.475 written 0.480: the product is close, yet
    # each factor is wrong; −log 0.9 ≈ 0.105 written 0.100 beside −log 0.6 ≈ 0.511 written 0.516
    for step in (
        r"\sigma(0.1)(1-\sigma(0.1)) = 0.520 \times 0.480",
        r"-(\log 0.9 + \log 0.6) = 0.100 + 0.516",
    ):
        steps = judged(f"$${step}$$\n")
        assert steps[0][0] == "not checked" and "not each a value" in steps[0][1], steps
    # a value halved on the written side (cosh(0.5) = 1.128): close, no verdict either way
    steps = judged("$$e^{-0.5} + e^{0.5} = 2 \\times 1.128$$\n")
    assert steps[0][0] == "not checked", steps
    steps = judged("$$e^{-0.5} + e^{0.5} = 2 \\times 1.182$$\n")
    assert steps[0][0] == "fails", steps
    # exact weights beside rounded logarithms: the weights stay exact
    steps = judged("$$-(0.7\\log 0.8 + 0.3\\log 0.2) = 0.7 \\times 0.223 + 0.3 \\times 1.609$$\n")
    assert steps[0][0] == "holds" and "to the digits written" in steps[0][1], steps
    steps = judged("$$-(0.7\\log 0.8 + 0.3\\log 0.2) = 0.7 \\times 0.223 + 0.3 \\times 1.690$$\n")
    assert steps[0][0] == "fails", steps
    steps = judged("$$1 - \\tanh^2(0.56) = 1 - 0.508^2$$\n")
    assert steps[0][0] == "holds", steps


def test_a_single_one_said_with_a_hedge_or_of_another_y_states_nothing() -> None:
    base = r"""$p = \mathrm{softmax}(z)$ and $L = -\sum_k y_k\log p_k$.

$$\frac{\partial L}{\partial z_i} = p_i\sum_k y_k - y_i = p_i - y_i$$

SENTENCE
"""
    for sentence in (
        "A post carries many tags at once, so $y$ seldom has a single 1.",
        "A typical $y$ has a single 1 in MNIST but many in COCO, which is what we train on.",
        "Only a $y$ that has a single 1 gives it, and our $y$ has three.",
        "The old code assumed $y$ has a single 1.",
    ):
        steps = judged(base.replace("SENTENCE", sentence))
        assert steps[1][1].startswith("uses Σ_j y_j = 1, which"), (sentence, steps)


def test_a_sign_said_before_a_step_keeps_its_flag_from_standing() -> None:
    text = "Let $f(z) = \\max(0, z)$.\n\nIf $z>0$,\n\n$$f(z) = z$$\n"
    steps = judged(text)
    assert steps[0][0] == "not checked" and "z>0" in steps[0][1], steps
    leading = judged("Let $f(z) = \\max(0, z)$.\n\n$$\\mathrm{If}\\; z>0,\\; f(z) = z$$\n")
    assert [status for status, _ in leading] == ["not checked"], leading
    wrong = judged("Let $f(z) = \\max(0, z)$.\n\n$$f(z) = z$$\n")
    assert wrong[0][0] == "fails", wrong


def test_a_calligraphic_loss_given_one_value_per_label_keeps_a_flag_from_standing() -> None:
    text = r"""For one example, $z = w^T x + b$ and $a = \sigma(z)$. If $y = 1$ the loss is
$\mathcal{L} = -\log a$, and if $y = 0$ it is $\mathcal{L} = -\log(1 - a)$.

With $y = 0$:

$$\frac{\partial \mathcal{L}}{\partial z} = a$$
"""
    steps = judged(text)
    assert steps[0][0] == "not checked" and "another value" in steps[0][1], steps


TRAILING = r"""Let $s_i = e^{x_i} / \sum_k e^{x_k}$. The off-diagonal entries of the Jacobian are

$$\frac{\partial s_i}{\partial x_j} = OFF$$

AFTER the diagonal ones are

$$\frac{\partial s_i}{\partial x_i} = s_i(1 - s_i)$$
"""


def test_a_case_said_right_after_a_display_is_the_case_its_step_holds_in() -> None:
    steps = judged(TRAILING.replace("OFF", "-s_i s_j").replace("AFTER", "for $i \\neq j$, and"))
    assert steps[0] == ("holds", "holds when i ≠ j"), steps
    # a sign slip fails in every case: flagged as before
    wrong = judged(TRAILING.replace("OFF", "s_i s_j").replace("AFTER", "for $i \\neq j$, and"))
    assert wrong[0][0] == "fails", wrong


def test_a_case_that_may_lead_the_next_display_is_not_read_after_it() -> None:
    # "for $i \neq j$ we get": the words may lead the display after them
    steps = judged(TRAILING.replace("OFF", "-s_i s_j").replace("AFTER", "for $i \\neq j$ we get"))
    assert steps[0][0] == "not checked", steps
    # the other case said after it: the step holds only in the case not said, never "holds"
    other = judged(TRAILING.replace("OFF", "-s_i s_j").replace("AFTER", "for $i = j$, and"))
    assert other[0][0] != "holds", other
