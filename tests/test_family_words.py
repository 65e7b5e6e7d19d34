"""The family as real posts write it: parameters named by a capital (``z = W \\cdot x``, then
``\\frac{\\partial L}{\\partial W}``), function names written as plain words."""

from __future__ import annotations

from symsoft.reading.document import check_document

BCE_BY_W = r"""
The binary cross entropy loss is given by:

\[ L = - (y \log(\hat{y}) + (1 - y) \log(1 - \hat{y})) \]

where \( y \) is the observed class, \( \hat{y} \) is the prediction, and \( W \) are the
model's parameters. Predictions are given by:

\[ \hat{y} = \sigma(z) = \frac{1}{1 + e^{-z}} \]

where \( z \) is equal to:

\[ z = W \cdot x \]

\[ \frac{\partial z}{\partial W} = x \]

\[ \frac{\partial L}{\partial W} = (\hat{y} - y) x \]
"""


def _judged(text: str) -> list[tuple[str, bool]]:
    return [(s.status, s.flagged) for s in check_document(text).steps if s.status != "definition"]


def test_a_capital_parameter_a_definition_is_written_in_is_a_variable() -> None:
    assert _judged(BCE_BY_W) == [("holds", False), ("holds", False), ("holds", False)]


def test_the_bce_gradient_by_a_capital_with_its_sign_flipped_is_flagged() -> None:
    text = BCE_BY_W.replace(r"= (\hat{y} - y) x \]", r"= (y - \hat{y}) x \]")
    assert _judged(text)[-1] == ("fails", True)


def test_a_capital_derivative_of_z_by_w_written_wrong_is_flagged() -> None:
    text = BCE_BY_W.replace(r"{\partial W} = x \]", r"{\partial W} = W \]")
    assert _judged(text)[1] == ("fails", True)


def test_a_capital_the_text_declares_a_matrix_is_not_read_as_a_scalar() -> None:
    # W \in R^{K x d} or "the weight matrix $W$": (\hat y - y) x must not "hold" as scalars
    declared = BCE_BY_W.replace(
        r"\[ z = W \cdot x \]", r"\[ z = W \cdot x, \quad W \in \mathbb{R}^{K \times d} \]"
    )
    in_words = BCE_BY_W.replace("are the\nmodel's parameters", "is the\nweight matrix")
    for text in (declared, in_words):
        steps = [s for s in check_document(text).steps if "partial L" in s.lhs]
        assert [s.status for s in steps] == ["not checked"]
        assert "W is a matrix or a vector (the text says so)" in steps[0].summary


def test_a_capital_the_text_calls_a_scalar_weight_still_flags_the_sign_slip() -> None:
    text = BCE_BY_W.replace("are the\nmodel's parameters", "is the\nweight (a number)")
    text = text.replace(r"= (\hat{y} - y) x \]", r"= (y - \hat{y}) x \]")
    assert _judged(text)[-1] == ("fails", True)


def test_a_capital_no_definition_is_written_in_stays_unread() -> None:
    text = BCE_BY_W.replace(r"\[ z = W \cdot x \]", r"\[ z = w \cdot x \]")
    status, flagged = _judged(text)[-1]
    assert status == "not checked" and not flagged


SUMS_TO_ONE = r"""
We collect the scores in a column
$\mathbf{z} = \begin{bmatrix} z_1 & z_2 & \cdots & z_K \end{bmatrix}^{\top} \in \mathbb{R}^{K}$.

$$
\sigma(\mathbf{z})_j=\frac{e^{z_j}}{\sum_{k=1}^K e^{z_k}} \text { for } j=1, \ldots, K
$$

$$
\begin{aligned}
\sum_{j=1}^{K} \sigma(\mathbf{z})_j & = \sum_{j=1}^{K} \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}} \\
& = \frac{\sum_{j=1}^{K} e^{z_j}}{\sum_{k=1}^{K} e^{z_k}} \\
& = 1
\end{aligned}
$$
"""


def test_a_range_in_words_after_a_definition_and_a_vector_of_its_own_entries_are_read() -> None:
    """``\\text { for } j=1, \\ldots, K`` straight after the row is the range of j; a column of
    z's own entries, transposed and placed in R^K, is notation, not a definition of z."""
    assert [s.status for s in check_document(SUMS_TO_ONE).steps] == [
        "definition",
        "holds",
        "holds",
        "holds",
    ]


def test_a_softmax_that_sums_to_k_is_flagged() -> None:
    text = SUMS_TO_ONE.replace("& = 1\n", "& = K\n")
    assert _judged(text)[-1] == ("fails", True)


def test_a_row_of_other_letters_stays_a_definition_not_read() -> None:
    """``\\mathbf{z} = [a_1 \\cdots a_K]^\\top`` gives z a value: not skipped as notation. Its
    entries, their value not read, are free: a step that holds for every z holds (Σ_j σ(z)_j =
    1), one that does not is not judged."""
    text = SUMS_TO_ONE.replace(r"z_1 & z_2 & \cdots & z_K", r"a_1 & a_2 & \cdots & a_K")
    assert all(not s.flagged for s in check_document(text).steps)
    assert check_document(text).steps[1].status == "holds"
    wrong = text.replace("& = 1\n", "& = 2\n")
    assert check_document(wrong).steps[-1].status == "not checked"


LOG_SOFTMAX = r"""
Our layer receives the logits $\mathbf{x} = (x_1, \ldots, x_n)^T \in \mathbb{R}^n$.

$$ y_i = x_i - \log \sum_{j=1}^{n} e^{x_j} \text{ for } i = 1, \ldots, n $$

$$ \frac{\partial y_i}{\partial x_k} = \delta_{ik} - \frac{e^{x_k}}{\sum_{j=1}^{n} e^{x_j}} $$
"""


def test_log_softmax_after_a_tuple_of_its_entries_in_r_n_holds() -> None:
    assert _judged(LOG_SOFTMAX) == [("holds", False)]


def test_log_softmax_with_the_delta_replaced_by_one_is_flagged_off_the_diagonal() -> None:
    (step,) = [s for s in check_document(LOG_SOFTMAX.replace(r"\delta_{ik}", "1")).steps][1:]
    assert step.status == "holds only" and step.flagged


SIGMA_IS_SOFTMAX = r"""
For a vector $\mathbf{z}$ of $K$ scores, the softmax is

$$
\sigma(\mathbf{z})_j=\frac{e^{z_j}}{\sum_{k=1}^K e^{z_k}}
$$

The stable form subtracts the largest score:

$$
\sigma(\mathbf{z})_j = \frac{e^{z_j - \max_i z_i}}{\sum_{k=1}^K e^{z_k - \max_i z_i}}
$$

With a temperature $T$ the input is $\frac{\mathbf{z}}{T}$:

$$
\sigma\left(\frac{\mathbf{z}}{T}\right)_j = \frac{e^{z_j / T}}{\sum_{k=1}^K e^{z_k / T}}
$$
"""


def test_sigma_defined_as_the_softmax_reads_the_max_shift_and_the_temperature() -> None:
    assert _judged(SIGMA_IS_SOFTMAX) == [("holds", False), ("holds", False)]


def test_a_max_shift_added_instead_of_subtracted_is_flagged() -> None:
    text = SIGMA_IS_SOFTMAX.replace(r"e^{z_j - \max_i z_i}", r"e^{z_j + \max_i z_i}")
    assert _judged(text)[0] == ("fails", True)


def test_a_temperature_that_multiplies_is_flagged() -> None:
    text = SIGMA_IS_SOFTMAX.replace(
        "e^{z_j / T}}{\\sum_{k=1}^K e^{z_k / T}}", "e^{z_j T}}{\\sum_{k=1}^K e^{z_k T}}"
    )
    assert _judged(text)[1] == ("fails", True)


def test_sigma_of_a_vector_is_not_read_where_the_text_also_writes_the_logistic_sigma() -> None:
    text = SIGMA_IS_SOFTMAX.replace(
        "For a vector", r"The logistic function is $\sigma(x) = \frac{1}{1 + e^{-x}}$. For a vector"
    )
    # the stable form restates the text's own definition of σ(z)_j (the shift cancels: session
    # 71), as the plain form restated does; σ of the tempered vector is not read
    assert [status for status, _ in _judged(text)] == ["holds", "not checked"]


def test_the_softmax_word_of_a_vector_expression_at_an_entry() -> None:
    text = r"""
Let $\mathbf{p} = \mathrm{softmax}(\mathbf{z})$ for scores $\mathbf{z}$ and a number $T$.

$$
\mathrm{softmax}\left(\frac{\mathbf{z}}{T}\right)_j = \frac{e^{z_j / T}}{\sum_{k=1}^K e^{z_k / T}}
$$
"""
    assert _judged(text) == [("holds", False)]
    assert _judged(text.replace("e^{z_k / T}}", "e^{z_k}}"))[0] == ("fails", True)


SUMMED_CASE = r"""
$L = - \sum_j y_j \log(\hat{y}_j)$  where  $\hat{y} = softmax(\theta)$  and  $y$ is a one-hot
vector.

When $i = j$

$$-\sum_j y_j \frac{1}{\hat{y}_j} \frac{\partial \hat{y}_j}{\partial \theta_i}
= - y_i (1 - \hat{y}_i)$$
"""


def test_a_softmax_of_theta_defines_the_prediction() -> None:
    text = (
        SUMMED_CASE.replace("When $i = j$", "Then")
        + r"""
$$ \frac{\partial L}{\partial \theta_i} = \hat{y}_i - y_i $$
"""
    )
    assert _judged(text)[-1] == ("holds", False)
    assert _judged(text.replace(r"= \hat{y}_i - y_i $$", r"= y_i - \hat{y}_i $$"))[-1] == (
        "fails",
        True,
    )


def test_a_case_that_names_the_summed_index_is_ambiguous_not_flagged() -> None:
    """ "When i = j" before a sum over j: the author means the term j = i of the sum."""
    ((status, flagged),) = _judged(SUMMED_CASE)
    assert status == "not checked" and not flagged
    (step,) = check_document(SUMMED_CASE).steps[-1:]
    assert "names j, an index the step sums over" in step.summary


def test_a_case_on_free_indices_still_flags_a_wrong_step() -> None:
    text = SUMMED_CASE.replace(
        r"-\sum_j y_j \frac{1}{\hat{y}_j} \frac{\partial \hat{y}_j}{\partial \theta_i}",
        r"\frac{\partial \hat{y}_j}{\partial \theta_i}",
    ).replace(r"- y_i (1 - \hat{y}_i)", r"\hat{y}_i (1 + \hat{y}_i)")
    assert _judged(text)[-1] == ("fails", True)


BARE_LSE = r"""
For logits $a_1, \dots, a_C$ the log-softmax is the logit minus the log-sum-exp.

$$\frac{\partial\, lse(a)}{\partial a_j} = \frac{e^{a_j}}{\sum_{c=1}^{C} e^{a_c}}$$

$$\log \frac{e^{a_j}}{\sum_{c=1}^{C} e^{a_c}} = a_j - logsumexp(a)$$
"""


def test_logsumexp_and_lse_written_as_words_before_parentheses_are_log_sum_exp() -> None:
    assert _judged(BARE_LSE) == [("holds", False), ("holds", False)]


def test_a_log_softmax_with_the_log_sum_exp_added_is_flagged() -> None:
    assert _judged(BARE_LSE.replace("= a_j - logsumexp(a)", "= a_j + logsumexp(a)"))[1] == (
        "fails",
        True,
    )


def test_a_word_that_only_starts_like_lse_stays_a_product_question() -> None:
    (step,) = check_document(r"$$lsex(a) = a$$").steps
    assert step.status == "not checked" and not step.flagged


TEMPERED = r"""
Softmax with temperature $T$:

$$\sigma_T(z)_i = \frac{\exp(z_i / T)}{\sum_j \exp(z_j / T)}$$

$$\frac{\partial \sigma_T(z)_i}{\partial z_j}
= \frac{1}{T}\sigma_T(z)_i(\delta_{ij} - \sigma_T(z)_j)$$
"""


def test_sigma_with_a_temperature_subscript_is_the_name_the_document_defines() -> None:
    assert _judged(TEMPERED) == [("holds", False)]


def test_the_tempered_jacobian_without_its_one_over_t_is_flagged() -> None:
    assert _judged(TEMPERED.replace(r"= \frac{1}{T}\sigma_T", r"= \sigma_T"))[0] == (
        "fails",
        True,
    )


def test_sigma_with_a_subscript_the_document_never_defines_is_not_read() -> None:
    text = TEMPERED.replace(r"$$\sigma_T(z)_i = \frac{\exp(z_i / T)}{\sum_j \exp(z_j / T)}$$", "")
    ((status, flagged),) = _judged(text)
    assert status == "not checked" and not flagged


def test_a_sum_split_into_its_k_equal_i_term_and_the_rest_stays_flagged() -> None:
    """The case k = i names the term taken out, but the other side keeps ``\\sum_{k \\neq i}``:
    a split, judged as written (here with a sign slip in the rest)."""
    text = r"""
Let $\hat{y}_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$ and
$\mathcal{L} = -\sum_{k=1}^{K} y_k \log \hat{y}_k$. Separating the $k = i$ term from the rest:

$$\frac{\partial \mathcal{L}}{\partial z_i} = -\frac{y_i}{\hat{y}_i}\hat{y}_i(1 - \hat{y}_i)
- \sum_{k \neq i} \frac{y_k}{\hat{y}_k}\hat{y}_k\hat{y}_i$$
"""
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    assert step.flagged


def test_sigma_with_a_subscript_applied_without_an_entry_index_stays_ambiguous() -> None:
    """``\\sigma_j(z)`` with nothing after it: σ_j times z, or σ_j a function of z?"""
    (step,) = check_document("Let $p = 2$.\n\n$$\\sigma_j(z) = \\sigma_j z$$\n").steps[-1:]
    assert step.status == "not checked" and "ambiguous" in step.summary
