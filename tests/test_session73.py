"""Session 73's readings: each step that holds has a twin with one change that is flagged."""

from __future__ import annotations

from symsoft.reading.document import check_document

SOFTMAX_CE = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_k y_k \log p_k$,"
    " where $y$ is one-hot.\n\n"
)


def last(text: str):
    return check_document(text).steps[-1]


def test_a_vector_under_a_braced_partial_is_read() -> None:
    # \partial{\mathbf{z}} is typeset as \partial \mathbf{z}
    lhs = r"\frac{\partial{L}}{\partial{\mathbf{z}}}"
    held = last(SOFTMAX_CE + rf"$${lhs} = \mathbf{{p}} - \mathbf{{y}}$$" + "\n")
    assert held.status == "holds", held.summary
    wrong = last(SOFTMAX_CE + rf"$${lhs} = \mathbf{{y}} - \mathbf{{p}}$$" + "\n")
    assert wrong.status == "fails", wrong.summary
    arrow = r"\frac{\partial{L}}{\partial{\vec{z}}}"
    held = last(SOFTMAX_CE + rf"$${arrow} = \vec{{p}} - \vec{{y}}$$" + "\n")
    assert held.status == "holds", held.summary


def test_a_braced_group_longer_than_a_name_keeps_its_braces() -> None:
    from symsoft.reading.documents.braced_partials import blank_braced_partials
    from symsoft.reading.documents.spans import Text

    for written, expected in [
        (r"\partial{\mathbf{z}}", r"\partial \mathbf{z} "),
        (r"\partial{z_i}", r"\partial z_i "),
        (r"\partial{(w^T x)}", r"\partial{(w^T x)}"),
        (r"\partial{z_i z_j}", r"\partial{z_i z_j}"),
    ]:
        text = Text.of(written)
        blank_braced_partials(text)
        assert "".join(text.chars) == expected


LSE_STEP = (
    r"Let $q_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $J = -\sum_j p_j \log q_j$."
    "\n\n$$J = -\\sum_{j=1}^n p_j z_j + \\sum_{j=1}^n p_j \\log\\left(\\sum_{k=1}^n e^{z_k}\\right)"
    " = -\\sum_{j=1}^n p_j z_j + \\log\\left(\\sum_{k=1}^n e^{z_k}\\right)$$\n\n"
)


def test_the_sum_of_the_probabilities_said_equal_to_one_is_a_hypothesis() -> None:
    said = "In the last line we use that the sum of the probabilities $p_j$ is equal to $1$.\n"
    held = last(LSE_STEP + said)
    assert held.status == "holds" and held.hypothesis_stated, held.summary
    for other in (
        "",
        "The sum of the probabilities $p_j$ is not equal to $1$ here.\n",
        "The sum of the probabilities $p_j$ is equal to $2$.\n",
    ):
        unsaid = last(LSE_STEP + other)
        assert unsaid.flagged, (other, unsaid.summary)
    # the same step with its last term doubled: refuted even with Σ_j p_j = 1 said
    wrong = last(LSE_STEP.replace(r" + \log\left(", r" + 2\log\left(") + said)
    assert wrong.status == "fails", wrong.summary


SIGMOID_LAYER = (
    r"Let $\sigma$ be the sigmoid function, $\mathbf{a} = \sigma(\mathbf{z})$, and"
    r" $L = \frac{1}{2}\|\mathbf{a} - \mathbf{y}\|^2$."
    "\n\n"
)
GRADIENT = r"\frac{\partial L}{\partial \mathbf{z}}"


def test_sigma_of_a_vector_is_entrywise_where_the_text_says_sigma_is_the_sigmoid() -> None:
    for holds, twin in [
        (
            r"(\mathbf{a} - \mathbf{y}) \odot \sigma'(\mathbf{z})",
            r"(\mathbf{y} - \mathbf{a}) \odot \sigma'(\mathbf{z})",
        ),
        (
            r"(\mathbf{a} - \mathbf{y}) \odot \mathbf{a} \odot (1 - \mathbf{a})",
            r"(\mathbf{a} - \mathbf{y}) \odot \mathbf{a} \odot (1 + \mathbf{a})",
        ),
        (
            r"(\sigma(\mathbf{z}) - \mathbf{y}) \odot \sigma(\mathbf{z}) \odot \sigma(-\mathbf{z})",
            r"(\sigma(\mathbf{z}) - \mathbf{y}) \odot \sigma(\mathbf{z})",
        ),
    ]:
        held = last(SIGMOID_LAYER + f"$${GRADIENT} = {holds}$$\n")
        assert held.status == "holds", held.summary
        wrong = last(SIGMOID_LAYER + f"$${GRADIENT} = {twin}$$\n")
        assert wrong.status == "fails", wrong.summary
    defined = SIGMOID_LAYER.replace(
        r"$\sigma$ be the sigmoid function", r"$\sigma(x) = \frac{1}{1 + e^{-x}}$"
    )
    held = last(
        defined
        + f"$${GRADIENT} = (\\mathbf{{a}} - \\mathbf{{y}}) \\odot \\sigma'(\\mathbf{{z}})$$\n"
    )
    assert held.status == "holds", held.summary


def test_sigma_of_a_vector_is_not_read_without_words_or_where_sigma_is_the_softmax() -> None:
    step = f"$${GRADIENT} = (\\mathbf{{a}} - \\mathbf{{y}}) \\odot \\sigma'(\\mathbf{{z}})$$\n"
    for prose in (
        SIGMOID_LAYER.replace(r"Let $\sigma$ be the sigmoid function, ", "Let "),
        SIGMOID_LAYER.replace("the sigmoid function", "the softmax"),
        SIGMOID_LAYER.replace("be the sigmoid function", "not be the sigmoid function"),
    ):
        result = last(prose + step)
        assert result.status == "not checked", (prose, result.summary)


MACRO_SOFTMAX = (
    r"\[ \newcommand{\softmax}{\mathop{\rm softmax}\nolimits} \]" "\n\nLet $x$ be a vector.\n\n"
)


def test_a_macro_naming_an_operator_with_mathop_and_a_style_mark_are_read() -> None:
    lhs = r"\frac{\partial \softmax(x)_i}{\partial x_i}"
    for mark in ("", r"\cssId{show-line-5}", r"\class{highlight}", r"\style{color:red}"):
        held = last(MACRO_SOFTMAX + rf"$${mark}{lhs} = \softmax(x)_i (1 - \softmax(x)_i)$$")
        assert held.status == "holds", (mark, held.summary)
        wrong = last(MACRO_SOFTMAX + rf"$${mark}{lhs} = \softmax(x)_i (1 + \softmax(x)_i)$$")
        assert wrong.status == "fails", (mark, wrong.summary)


SLASHED = "Let $g(x) = e^{2x} - e^{-2x}$.\n\n"


def test_d_over_dx_written_with_a_slash_applies_to_the_group_after_it() -> None:
    for operator in ("(d/dx)", "d/dx ", r"d / dx \left"):
        close = r"\right)" if operator.endswith("left") else ")"
        held = last(SLASHED + f"$$g'(x) = {operator}(e^{{2x}} - e^{{-2x}}{close}$$\n")
        assert held.status == "holds", (operator, held.summary)
        wrong = last(SLASHED + f"$$g'(x) = {operator}(e^{{2x}} + e^{{-2x}}{close}$$\n")
        assert wrong.status == "fails", (operator, wrong.summary)


def test_the_slashed_operator_is_never_read_in_a_ratio_dy_over_dx() -> None:
    from symsoft.reading.notation.physics import _SLASHED_D

    assert _SLASHED_D.search("d/dx (x)") and _SLASHED_D.search("(d/dz)(z)")
    assert not _SLASHED_D.search("dy/dx (x)") and not _SLASHED_D.search("ad/dx(x)")


FLATTENED = (
    r"Let $f(x) = \frac{1}{1 + e^{-x}}$. Differentiating, we get $$f'(x) = {RHS}$$ Now, "
    r"$f(x)$ is the sigmoid, as before."
    "\n"
)


def test_dollar_pairs_in_a_sentence_that_writes_single_dollar_math_are_displays() -> None:
    # a Q&A page whose line breaks were lost: $…$ inline, $$…$$ a display, on one line
    held = last(FLATTENED.replace("{RHS}", r"\frac{e^{-x}}{(1 + e^{-x})^2}"))
    assert held.status == "holds", held.summary
    wrong = last(FLATTENED.replace("{RHS}", r"\frac{-e^{-x}}{(1 + e^{-x})^2}"))
    assert wrong.status == "fails", wrong.summary
    # without single-dollar math on its line, $$…$$ in a sentence stays kramdown's inline math
    kramdown = FLATTENED.replace("$f(x)$ is", "f is").replace("Let $f(x) = ", "Let $$f(x) = ")
    kramdown = kramdown.replace("}$. Diff", "}$$. Diff")
    steps = check_document(kramdown.replace("{RHS}", r"\frac{-e^{-x}}{(1 + e^{-x})^2}")).steps
    assert not any(step.flagged for step in steps), [s.summary for s in steps]


def test_definitions_side_by_side_apart_by_a_quad_are_two_definitions() -> None:
    lead = r"Using the short-hands $t_i=s\cdot e^{x_i}\qquad s=\left(\sum_je^{x_j}\right)^{-1}$."
    held = last(lead + "\n\nBy construction,\n\n$$\\sum_it_i=1$$\n")
    assert held.status == "holds", held.summary
    wrong = last(lead + "\n\nBy construction,\n\n$$\\sum_it_i=2$$\n")
    assert wrong.status == "fails", wrong.summary


def test_a_function_defined_again_with_instead_after_it_is_an_alternative_not_judged() -> None:
    # "For $f(x) = …$ instead,": the steps after it are not judged under either f (the text may
    # go back to the first, review 73b); "Now let" gives the new meaning
    first = r"Let $f(x) = \frac{1}{1+e^{x}}$." "\n\n"
    for words in ("For $f(x) = \\frac{1}{1+e^{-x}}$ instead,", "For $f(x) = \\tanh(x)$ instead,"):
        for step in ("f(x)(1-f(x))", "f(x)(1+f(x))", "1 - f(x)^2"):
            result = last(first + words + f"\n\n$$f'(x) = {step}$$\n")
            assert result.status == "not checked", (words, step, result.summary)
    now = "Now let $f(x) = \\frac{1}{1+e^{-x}}$."
    held = last(first + now + "\n\n$$f'(x) = f(x)(1-f(x))$$\n")
    assert held.status == "holds", held.summary
    wrong = last(first + now + "\n\n$$f'(x) = f(x)(1+f(x))$$\n")
    assert wrong.status == "fails", wrong.summary
    aside = r"(For $f(x) = \tanh(x)$ instead, one would have $f'(x) = 1 - f(x)^2$.)"
    text = r"Let $f(x) = \frac{1}{1+e^{-x}}$. " + aside + "\n\n$$f'(x) = {S}$$\n"
    assert last(text.replace("{S}", "f(x)(1-f(x))")).status == "holds"
    assert last(text.replace("{S}", "f(x)(1+f(x))")).status == "fails"


CASES_AFTER = (
    r"With $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$,"
    "\n\n"
    r"$$\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)$$"
    "\n\nwhere $i = j$ and\n\n"
    r"$$\frac{\partial p_i}{\partial z_j} = {B}$$"
    "\n\nwhere $i \\neq j$. So\n\n"
    r"$$\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)$$"
    "\n"
)


def test_a_case_said_after_each_display_is_not_the_next_display_s_case() -> None:
    # "A where $i = j$ and ⏎ B where $i \neq j$": B's case is the one after it (review 73)
    steps = check_document(CASES_AFTER.replace("{B}", "-p_i p_j")).steps
    assert not any(step.flagged for step in steps), [s.summary for s in steps]
    wrong = check_document(CASES_AFTER.replace("{B}", "p_i p_j")).steps[1]
    assert wrong.status == "fails", wrong.summary


def test_d_over_dx_before_two_groups_is_not_read() -> None:
    # the operator on the first group, or on the product? (review 73)
    result = last("Let $f(x) = x^2 (x + 1)$.\n\n$$f'(x) = d/dx (x^2)(x+1)$$\n")
    assert result.status == "not checked", result.summary
    held = last("Let $f(x) = x^2 (x + 1)$.\n\n$$f'(x) = d/dx (x^2 (x+1))$$\n")
    assert held.status == "holds", held.summary
    wrong = last("Let $f(x) = x^2 (x + 1)$.\n\n$$f'(x) = d/dx (x^2 (x-1))$$\n")
    assert wrong.status == "fails", wrong.summary


def test_a_where_clause_inside_a_display_in_other_languages_defines_its_name() -> None:
    for word in ("其中", "wobei", "où", "donde"):
        lead = (
            r"$$s_i = \frac{e^{x_i}}{\sum_{k=1}^n e^{x_k}} = \frac{e^{x_i}}{S}, \quad \text{"
            + word
            + r" } S = \sum_{k=1}^n e^{x_k}$$"
            "\n\n"
        )
        held = last(
            lead + r"$$\frac{\partial s_i}{\partial x_i} = \frac{e^{x_i} S - e^{2x_i}}{S^2}$$"
        )
        assert held.status == "holds", (word, held.summary)
        wrong = last(
            lead + r"$$\frac{\partial s_i}{\partial x_i} = \frac{e^{x_i} S + e^{2x_i}}{S^2}$$"
        )
        assert wrong.status == "fails", (word, wrong.summary)


PLAIN = (
    "Let:\n"
    "g(x) = e^(2x) – 1\n"
    "h(x) = e^(2x) + 1\n"
    "g'(x) = (d/dx)(e^(2x) – 1)\n"
    "= {G}\n"
    "(tanh(x))’ = {Q}\n"
)


def test_plain_text_d_over_dx_and_a_typed_prime_are_read() -> None:
    good_q = "(g'(x) * h(x) – g(x) * h'(x)) / (h(x))^2"
    bad_q = "(g'(x) * h(x) + g(x) * h'(x)) / (h(x))^2"
    steps = check_document(PLAIN.replace("{G}", "2e^(2x)").replace("{Q}", good_q)).steps
    judged = [s for s in steps if s.status != "definition"]
    assert [s.status for s in judged] == ["holds"] * 3, [s.summary for s in judged]
    steps = check_document(PLAIN.replace("{G}", "e^(2x)").replace("{Q}", bad_q)).steps
    judged = [s for s in steps if s.status != "definition"]
    assert [s.status for s in judged] == ["holds", "fails", "fails"], [s.summary for s in judged]


def test_a_display_whose_own_case_follows_it_is_not_held_in_the_case_before_it() -> None:
    # "$$A$$ where $i = j$ and $$B$$ where $i \neq j$": B = s_i(1 - s_i) holds when i = j, the
    # case read before it, but its own case is i ≠ j (review 73b: "holds when i = j")
    text = (
        r"With $s_i = \frac{e^{a_i}}{\sum_k e^{a_k}}$ one gets"
        "\n\n"
        r"$$\frac{\partial s_i}{\partial a_j} = s_i(1 - s_j)$$"
        "\n\nwhere $i = j$ and\n\n"
        r"$$\frac{\partial s_i}{\partial a_j} = {B}$$"
        "\n\nwhere $i \\neq j$.\n"
    )
    first, second = check_document(text.replace("{B}", "s_i(1 - s_i)")).steps
    assert first.status == "holds", first.summary
    assert second.status == "not checked" and not second.flagged, second.summary
    wrong = check_document(text.replace("{B}", "s_i s_j")).steps[1]
    assert wrong.status == "fails", wrong.summary


def test_a_loss_defined_through_other_names_is_never_the_standard_loss() -> None:
    # ℓ(β) = Σ[…] written with p_i: its value is not read; the words "log-likelihood" must not
    # make it the standard cross-entropy (review 73b: a false "fails" and a false "holds")
    lead = (
        r"For one feature, $p_i = \frac{1}{1+e^{-\beta x_i}}$ and the log-likelihood is"
        r" $\ell(\beta) = \sum_{i=1}^n [y_i \log p_i + (1-y_i)\log(1-p_i)]$."
        "\n\n"
    )
    for rhs in (r"\sum_{i=1}^n (y_i - p_i) x_i", r"-\sum_{i=1}^n y_i (1 - p_i) x_i"):
        result = last(lead + rf"$$\frac{{d\ell}}{{d\beta}} = {rhs}$$" + "\n")
        assert result.status == "not checked", (rhs, result.summary)
    plain = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_k y_k \log p_k$." "\n\n"
    held = last(plain + r"$$\frac{\partial L}{\partial z_i} = p_i \sum_k y_k - y_i$$" + "\n")
    assert held.status == "holds", held.summary
    wrong = last(plain + r"$$\frac{\partial L}{\partial z_i} = y_i - p_i \sum_k y_k$$" + "\n")
    assert wrong.status == "fails", wrong.summary


def test_a_worked_sum_whose_values_the_text_gives_after_it_is_not_flagged() -> None:
    # "$$\sum_j e^{z_j} = e^1 + e^2 + e^3$$ where $z = (1, 2, 3)$." (review 73b: fails at z = 7/2)
    lead = r"Let $p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$." "\n\n"
    for right in ("e^1 + e^2 + e^3", "e^1 + e^2 + e^4"):
        result = last(lead + f"$$\\sum_j e^{{z_j}} = {right}$$\n\nwhere $z = (1, 2, 3)$.\n")
        assert result.status == "not checked", (right, result.summary)
    # with no values anywhere and no example, the sum is claimed for every z: flagged
    wrong = last(lead + "$$\\sum_j e^{z_j} = e^1 + e^2 + e^3$$\n")
    assert wrong.status == "fails", wrong.summary
    held = last(lead + "$$\\sum_j p_j = 1$$\n")
    assert held.status == "holds", held.summary
    assert last(lead + "$$\\sum_j p_j = 2$$\n").status == "fails"


def test_a_step_worked_under_a_counterfactual_supposition_is_not_called_a_slip() -> None:
    lead = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $L = -\sum_j t_j \log p_j$. "
    step = r"$$\frac{\partial L}{\partial z_i} = 2p_i - t_i$$ instead." "\n"
    supposed = last(lead + r"If the sum of the $t_j$ were $2$ we would get " + step)
    assert supposed.status == "not checked", supposed.summary
    # a slip the words quote stays one ("one would get", with no supposition)
    slip = last(lead + r"Treating the sum as a constant, one would get " + step)
    assert slip.status == "fails" and "as the text says" in slip.summary, slip.summary


def test_a_wish_in_words_is_no_definition() -> None:
    # "A perfect model would give $\hat{y} = y$": not ŷ's meaning (review 73c: false holds)
    lead = r"Let $\hat{y}_k = \frac{e^{z_k}}{\sum_j e^{z_j}}$ and $y$ one-hot. "
    for wish in ("A perfect model would give $\\hat{y} = y$.", "Ideally we want $\\hat{y} = y$."):
        result = last(lead + wish + " In general\n\n$$\\hat{y}_1 = y_1$$\n")
        assert result.status != "holds", (wish, result.summary)
    held = last(lead + "\n\n$$\\sum_k \\hat{y}_k = 1$$\n")
    assert held.status == "holds", held.summary
    assert last(lead + "\n\n$$\\sum_k \\hat{y}_k = 2$$\n").status == "fails"


def test_cases_said_after_displays_in_other_languages_and_otherwise() -> None:
    lead = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$: "
    a, b = (
        r"$$\frac{\partial p_i}{\partial z_j} = p_i(1 - p_i)$$",
        r"$$\frac{\partial p_i}{\partial z_j} = {B}$$",
    )
    for first, second in (
        (" si $i = j$, et ", " si $i \\neq j$.\n"),
        (" wenn $i = j$, und ", " wenn $i \\neq j$.\n"),
        (" if $i = j$, and ", " otherwise.\n"),
    ):
        text = lead + a + first + b + second
        steps = check_document(text.replace("{B}", "p_i(1 - p_j)")).steps
        assert not steps[0].flagged, steps[0].summary
        assert steps[1].status == "not checked", (first, steps[1].summary)
        right = check_document(text.replace("{B}", "-p_i p_j")).steps[1]
        assert not right.flagged, (first, right.summary)
