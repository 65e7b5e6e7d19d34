"""Session 69: logistic regression as course notes write it.  The data matrix with one column per
sample (``X = [x^{(1)}, …, x^{(m)}]`` of shape ``(n_x, m)``, ``Z = w^T X + b``, ``A = \\sigma(Z)``,
``\\frac{\\partial J}{\\partial w} = \\frac{1}{m} X (A - Y)^T``); the loss of one sample written
as a function of its prediction and label (``\\mathcal{L}(a^{(i)}, y^{(i)})``, ``J = \\frac{1}{m}
\\sum_i \\mathcal{L}(a^{(i)}, y^{(i)})``); a derivative by a numbered weight (``\\partial w_1``,
``x_1``).  Every "holds" has a twin that fails, or is not checked where the text does not say
what the reading needs."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import filled, judged, summaries

COLUMNS = r"""# Vectorized logistic regression

For one example $x^{(i)}$:

$$z^{(i)} = w^T x^{(i)} + b$$

$$\hat{y}^{(i)} = a^{(i)} = \sigma(z^{(i)})$$

$$\mathcal{L}(a^{(i)}, y^{(i)}) = - y^{(i)} \log(a^{(i)}) - (1-y^{(i)} ) \log(1-a^{(i)})$$

The cost averages the losses:

$$J = \frac{1}{m} \sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})$$

LAYOUT

$$Z = w^T X + b$$

$$A = \sigma(Z)$$

and the gradients are

$$\frac{\partial J}{\partial w} = GRADIENT$$

$$\frac{\partial J}{\partial b} = BIAS$$
"""
GIVEN = {
    "LAYOUT": r"The examples are the columns of $X = [x^{(1)}, x^{(2)}, \dots, x^{(m)}]$, "
    r"a matrix of shape $(n_x, m)$, so that",
    "GRADIENT": r"\frac{1}{m}X(A-Y)^T",
    "BIAS": r"\frac{1}{m} \sum_{i=1}^m (a^{(i)}-y^{(i)})",
}


def _columns(**values: str) -> list[tuple[str, str]]:
    return judged(filled(COLUMNS, GIVEN, values))


def test_the_gradient_with_one_column_per_sample_holds() -> None:
    steps = _columns()
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    assert "(m, d) = (2, 2), (2, 3), (3, 3)" in steps[0][1]


def test_the_gradient_with_the_labels_first_fails_at_a_named_entry() -> None:
    steps = _columns(GRADIENT=r"\frac{1}{m}X(Y-A)^T")
    assert steps[0][0] == "fails", steps
    # the counterexample shows X as the text lays it out (features down, samples across)
    assert "entry 1 at m = 2, d = 2" in steps[0][1] and "X = [1, 3; 2, -1]" in steps[0][1]
    assert "e^{w^T X}" in steps[0][1]


def test_the_gradient_without_the_mean_fails() -> None:
    steps = _columns(GRADIENT=r"X(A-Y)^T")
    assert steps[0][0] == "fails", steps


def test_a_bias_gradient_summing_the_wrong_difference_fails() -> None:
    steps = _columns(BIAS=r"\frac{1}{m} \sum_{i=1}^m (y^{(i)}-a^{(i)})")
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_the_layout_not_said_leaves_the_row_of_scores_unread() -> None:
    # w^T X with X of one row per sample has no reading: not checked, never flagged
    steps = _columns(LAYOUT="With the data matrix $X$,")
    assert steps[0][0] == "not checked", steps
    assert _columns(LAYOUT="With the data matrix $X$,", GRADIENT=r"X(Y-A)^T")[0][0] == (
        "not checked"
    )


def test_a_text_that_says_rows_and_columns_is_not_read_as_either() -> None:
    layout = GIVEN["LAYOUT"] + r" (the rows of $X$ are features)"
    steps = _columns(LAYOUT=layout, GRADIENT=r"\frac{1}{m}X(Y-A)^T")
    assert steps[0][0] == "not checked", steps


def test_the_loss_of_one_sample_as_a_function_of_its_prediction_and_label() -> None:
    # J sums \mathcal{L}(a^{(i)}, y^{(i)}): the loss of sample i, defined above it
    text = filled(COLUMNS, GIVEN, {}).split("LAYOUT")[0]
    text = text.split("The examples")[0]
    derivative = r"$$\frac{\partial J}{\partial w_j} = RIGHT$$"
    right = r"\frac{1}{m} \sum_{i=1}^m (a^{(i)} - y^{(i)}) x_j^{(i)}"
    assert judged(text + "\n" + derivative.replace("RIGHT", right))[-1][0] == "holds"
    wrong = r"\frac{1}{m} \sum_{i=1}^m (a^{(i)} - y^{(i)}) x_j^{(i)} a^{(i)}"
    assert judged(text + "\n" + derivative.replace("RIGHT", wrong))[-1][0] == "fails"


def test_a_call_with_two_sample_letters_is_not_the_loss_of_a_sample() -> None:
    text = filled(COLUMNS, GIVEN, {}).replace(
        r"\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})", r"\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(k)})"
    )
    assert text != filled(COLUMNS, GIVEN, {})
    statuses = [status for status, _ in judged(text)]
    assert "holds" not in statuses and "fails" not in statuses, statuses


ONE_EXAMPLE = r"""# Gradient descent for one example

Recap:

$$z = w^T x + b$$

$$\hat{y} = a = \sigma(z)$$

$$\mathcal{L}(a, y) = -(y\log(a) + (1-y)\log(1-a))$$

With two features $x_1$ and $x_2$ we go backwards:

$$\frac{d\mathcal{L}(a,y)}{da} = -\frac{y}{a} + \frac{1-y}{1-a}$$

$$\frac{d\mathcal{L}}{dz} = \left(-\frac{y}{a} + \frac{1-y}{1-a}\right) a(1-a) = a - y$$

$$\frac{\partial \mathcal{L}}{\partial w_1} = FIRST$$

$$\frac{\partial \mathcal{L}}{\partial b} = a - y$$

## On m examples

$$J(w, b) = \frac{1}{m}\sum_{i=1}^m \mathcal{L}(a^{(i)}, y^{(i)})$$

$$\frac{\partial}{\partial w_1} J(w,b) = MEAN \sum_{i=1}^m DERIVATIVE$$
"""
GIVEN_ONE = {
    "FIRST": r"x_1 (a - y)",
    "MEAN": r"\frac{1}{m}",
    "DERIVATIVE": r"\frac{\partial}{\partial w_1}\mathcal{L}(a^{(i)}, y^{(i)})",
}


def _one(**values: str) -> list[tuple[str, str]]:
    return judged(filled(ONE_EXAMPLE, GIVEN_ONE, values))


def test_a_numbered_weight_and_the_mean_of_the_sample_losses_hold() -> None:
    steps = _one()
    statuses = [status for status, _ in steps]
    assert statuses == ["holds"] * len(statuses), steps
    assert len(statuses) == 6


def test_the_wrong_feature_for_a_numbered_weight_fails() -> None:
    steps = _one(FIRST=r"x_2 (a - y)")
    assert steps[3][0] == "fails" and "sample = 1" in steps[3][1], steps


def test_the_sum_of_the_sample_losses_without_the_mean_fails() -> None:
    steps = _one(MEAN="")
    assert steps[-1][0] == "fails", steps
    assert [status for status, _ in steps[:-1]] == ["holds"] * 5, steps


def test_the_loss_of_one_example_beside_the_mean_is_not_the_mean() -> None:
    # dL/dz = a - y is the loss of the example, not J: judged (it holds), not withheld as
    # "the loss over all samples beside a free sample index"
    steps = _one()
    assert steps[1][0] == "holds" and "ambiguous" not in steps[1][1], steps
    wrong = judged(filled(ONE_EXAMPLE, GIVEN_ONE, {}).replace("a(1-a) = a - y", "a(1-a) = y - a"))
    assert wrong[2][0] == "fails", wrong  # the same chain's last side with its sign flipped


ONE_HOT_CLASS = r"""# Loss for one example

The loss is

$$\ell(t, \sigma(v)) = -\sum_{m=1}^{BOUND} t_m \log(\sigma(v)_m)$$

where $\sigma$ turns the scores $v$ into probabilities. Since $t$ is one-hot, only one term
survives. If the true class is $c$, then:

$$\ell(t, \sigma(v)) = REDUCED$$

## Batches

Each row of $T$ holds the one-hot targets of a sample; since $T_{ij}$ is 1 only for the true
class, the sum reduces.

$$\sigma(V) = \frac{\exp(V)}{\sum_{j=1}^{C} \exp(V_{ij})}$$
"""
GIVEN_HOT = {"BOUND": "k", "REDUCED": r"-\log(\sigma(v)_c)"}


def _reduced(**values: str) -> tuple[str, str]:
    return judged(filled(ONE_HOT_CLASS, GIVEN_HOT, values))[0]


def test_a_loss_reduced_for_one_hot_labels_is_not_refuted_at_labels_that_are_not() -> None:
    # the one-hot reading cannot place the class c among the k classes: undecided there, so a
    # counterexample at t = (4/3, -1/3) (labels the text excludes) is no flag; nor is the
    # one-hot reading of the batch's T (another letter) taken for the labels of this step
    status, summary = _reduced()
    assert status == "not checked" and "read one-hot (t_k = δ_kc)" in summary, summary
    assert "one-hot T" not in summary


def test_a_loss_reduced_with_the_wrong_sign_fails_where_the_one_hot_reading_decides() -> None:
    # the class count written as a letter the text gives no other role: one-hot labels decide
    text = filled(ONE_HOT_CLASS, GIVEN_HOT, {"BOUND": "r"}).split("## Batches")[0]
    assert judged(text)[0][0] == "not checked"  # the correct reduction: held back, not flagged
    wrong = text.replace(r"= -\log(\sigma(v)_c)", r"= \log(\sigma(v)_c)")
    assert judged(wrong)[0][0] == "fails", judged(wrong)


IMPLIED_SUM = r"""# The gradient of the loss

With $s = \mathrm{softmax}(x)$ and $c = -\log s_k$ for the target class $k$:

$$\frac{\partial c}{\partial s_i} = -\frac{1}{s_k} \delta_{ik}$$

$$\frac{\partial s_i}{\partial x_n} = s_i \delta_{in} - s_i s_n$$

$$
\begin{aligned}
\frac{\partial c}{\partial x_n} &= CHAIN \\
&= \left(-\frac{1}{s_k} \delta_{ik}\right)\left(s_i \delta_{in} - s_i s_n\right) \\
&= EXPANDED \\
&= LAST
\end{aligned}
$$
"""
GIVEN_SUM = {
    "CHAIN": r"\frac{\partial c}{\partial s_i} \frac{\partial s_i}{\partial x_n}",
    "EXPANDED": r"-\frac{1}{s_k}\left(s_k \delta_{kn} - s_k s_n\right)",
    "LAST": r"s_n - \delta_{kn}",
}


def _implied(**values: str) -> list[tuple[str, str]]:
    return judged(filled(IMPLIED_SUM, GIVEN_SUM, values))


def test_a_product_after_a_chain_rule_with_its_sum_implied_is_not_flagged() -> None:
    # read free, i makes the row after the product fail; summed over i (as the chain rule
    # above it means) it holds: neither reading is the text's alone
    steps = _implied()
    assert steps[-2][0] == "not checked" and "summed without a written sum" in steps[-2][1]
    assert steps[-1][0] == "holds", steps


def test_the_product_row_wrong_under_both_readings_fails() -> None:
    steps = _implied(EXPANDED=r"-\frac{1}{s_k}\left(s_k \delta_{kn} + s_k s_n\right)")
    assert steps[-2] == ("fails", "fails"), steps


def test_the_last_row_with_its_sign_flipped_still_fails() -> None:
    steps = _implied(LAST=r"\delta_{kn} - s_n")
    assert steps[-1][0] == "fails", steps


def test_a_target_class_the_summed_reading_cannot_place_leaves_the_row_unflagged() -> None:
    # T (a capital) is not known to be among the N classes: the summed reading is not decided,
    # and the flag of the free reading is withheld
    text = filled(IMPLIED_SUM, GIVEN_SUM, {}).replace("_k", "_T").replace("class $k$", "class $T$")
    text = text.replace("{ik}", "{iT}").replace("{kn}", "{Tn}")
    steps = judged(text)
    reasons = ("summed without a written sum", "read as an index and in a name")
    assert steps[-2][0] == "not checked" and any(r in steps[-2][1] for r in reasons), steps


SIGMA_ROWS = r"""# Softmax loss on a batch

The first part looks at a single example with scores $z$ and label $y$, where $y$ is one-hot:

$$L(y, \sigma(z)) = -\sum_{j=1}^{K} y_j \log(\sigma(z)_j)$$

## Batch form

Row $n$ of $Z$ holds the scores of example $n$; $\sigma(Z)$ applies the softmax to each row:

$$\sigma(Z) = \frac{\exp(Z)}{\sum_{k=1}^{K} \exp(Z_{nk})}$$

### Gradient

For a score $Z_{nj}$ the softmax is

$$\sigma(Z_{nj}) = \frac{e^{Z_{nj}}}{\sum_{k=1}^{K} e^{Z_{nk}}}$$

and the loss of example $n$ is

$$L_n = -\sum_{j=1}^{K} Y_{nj} \log(\sigma(Z_{nj}))$$

#### The derivative of the log

When $m = j$:

$$\frac{\partial \log(\sigma(Z_{nm}))}{\partial Z_{nj}} = DIAG$$

When $m \neq j$, the derivative of $\log(\sigma(Z_{nm}))$ is

$$\frac{\partial \log(\sigma(Z_{nm}))}{\partial Z_{nj}} = -\sigma(Z_{nj})$$

#### Putting it together

$$TOGETHER$$

where the last step uses that each row of $Y$ sums to one.

$$FIRST$$
"""
GIVEN_ROWS = {
    "DIAG": r"1 - \sigma(Z_{nj})",
    "TOGETHER": r"\frac{\partial L_n}{\partial Z_{nj}} = -\sum_{m=1}^{K} Y_{nm} "
    r"\frac{\partial \log(\sigma(Z_{nm}))}{\partial Z_{nj}} = \sigma(Z_{nj}) "
    r"\sum_{m=1}^{K} Y_{nm} - Y_{nj} = \sigma(Z_{nj}) - Y_{nj}",
    "FIRST": r"\frac{\partial L_n}{\partial Z_{n1}} = -Y_{n1}(1 - \sigma(Z_{n1})) "
    r"- Y_{n2}(-\sigma(Z_{n1})) - Y_{n3}(-\sigma(Z_{n1}))",
}


def _rows(**values: str) -> dict[int, str]:
    return summaries(filled(SIGMA_ROWS, GIVEN_ROWS, values))


def test_sigma_defined_on_an_entry_of_a_batch_row_is_read_in_the_sections_under_it() -> None:
    # σ(Z) of the whole matrix is defined too (not read); σ(Z_{nj}) read as entry j of row n's
    # softmax in the "### Gradient" section and the "####" sections under it, also σ(Z_{n1})
    steps = _rows()
    assert steps[17].startswith("definition of"), steps
    assert steps[27] == "holds when j = m" and steps[31] == "holds when j ≠ m", steps
    assert steps[35] == "holds", steps
    assert steps[11].startswith("not checked"), steps


def test_the_diagonal_case_with_its_sign_flipped_fails() -> None:
    steps = _rows(DIAG=r"\sigma(Z_{nj}) - 1")
    assert steps[27].startswith("fails when j = m"), steps


def test_a_section_that_speaks_of_a_sigmoid_keeps_its_sigma_unread() -> None:
    text = filled(SIGMA_ROWS, GIVEN_ROWS, {}).replace(
        "#### The derivative of the log", "#### The derivative of the log (no sigmoid here)"
    )
    steps = summaries(text)
    assert steps[27].startswith("not checked") and steps[31].startswith("not checked"), steps


SCOPE = r"""# The derivative of the mean loss

With $a_q = \sigma(z_q)$ for all $q = 1, \ldots, m$, where $\sigma(z) = \frac{1}{1+e^{-z}}$:

$$\frac{\partial}{\partial a_q} LEFT = RIGHT$$

$$\frac{\partial a_q}{\partial z_q} = a_q(1 - a_q)$$
"""
GIVEN_SCOPE = {
    "LEFT": r"\left( - \frac{1}{m} \sum_{r=1}^{m} y_r \log(a_r) + (1 - y_r) \log(1 - a_r) \right)",
    "RIGHT": r"- \frac{1}{m} \sum_{r=1}^{m} \frac{\partial}{\partial a_q} \left( y_r \log(a_r) "
    r"+ (1 - y_r) \log(1 - a_r) \right)",
}


def _scope(**values: str) -> list[tuple[str, str]]:
    return judged(filled(SCOPE, GIVEN_SCOPE, values))


def test_a_sum_written_without_parentheses_is_no_flag_where_its_scope_decides() -> None:
    # read as written, r is free in the second term and the step fails; with the sum over both
    # terms (as the author means) it holds: not checked, never flagged
    steps = _scope()
    assert steps[0][0] == "not checked" and "written without parentheses" in steps[0][1], steps


def test_a_sum_written_without_parentheses_fails_when_it_fails_either_way() -> None:
    steps = _scope(RIGHT=GIVEN_SCOPE["RIGHT"].replace("- \\frac{1}{m}", "\\frac{1}{m}", 1))
    assert steps[0] == ("fails", "fails"), steps


def test_the_range_of_an_index_in_a_sentence_is_no_definition() -> None:
    # "for all $q = 1, \ldots, m$" says where q runs, not what q is: the next step reads
    steps = _scope()
    assert steps[1] == ("holds", "holds"), steps
    wrong = judged(filled(SCOPE, GIVEN_SCOPE, {}).replace("a_q(1 - a_q)$$", "a_q(1 + a_q)$$"))
    assert wrong[1][0] == "fails", wrong


BARE_SIGMA = r"""The logistic function is $\sigma(u) = \frac{1}{1 + e^{-u}}$, so that

$(1 + e^{-u})\sigma = 1$

Differentiating both sides with the product rule:

$-e^{-u}\sigma + (1 + e^{-u})\frac{d\sigma}{du} = 0$

$\frac{d\sigma}{du} = \sigma \cdot \frac{e^{-u}}{1 + e^{-u}} = RESULT$
"""


def test_sigma_without_its_argument_is_its_value_at_the_one_variable() -> None:
    steps = judged(BARE_SIGMA.replace("RESULT", r"\sigma \cdot (1 - \sigma)"))
    assert [status for status, _ in steps] == ["holds"] * 4, steps


def test_sigma_without_its_argument_and_a_wrong_sign_fails() -> None:
    steps = judged(BARE_SIGMA.replace("RESULT", r"\sigma \cdot (1 + \sigma)"))
    assert [status for status, _ in steps] == ["holds"] * 3 + ["fails"], steps


def test_sigma_before_parentheses_is_a_call_not_a_product() -> None:
    # σ(1 - σ): σ applied to 1 - σ, or σ times (1 - σ)? not read either way
    statuses = [status for status, _ in judged(BARE_SIGMA.replace("RESULT", r"\sigma(1 - \sigma)"))]
    assert "holds" not in statuses and "fails" not in statuses, statuses


def test_sigma_with_an_index_elsewhere_is_not_given_the_variable() -> None:
    # σ_i written too: σ is not one function of u alone, the bare σ stays unread
    text = BARE_SIGMA.replace("RESULT", r"\sigma \cdot (1 - \sigma)") + "\n$\\sigma_i = 2$\n"
    statuses = [status for status, _ in judged(text)]
    assert "fails" not in statuses and statuses.count("holds") < 4, statuses


ARRAY = r"""From the definition, $$\tanh(u) = \dfrac{\sinh(u)}{\cosh(u)},$$ and so
$$\begin{array}{ll} \dfrac{\mathrm{d}}{\mathrm{d}u} \tanh(u) &= \dfrac{\cosh^2(u)-\sinh^2(u)}{\cosh^2(u)} \\ &= LAST, \end{array}$$
"""  # noqa: E501 - one line, as a wiki writes it


def test_an_array_whose_cells_hold_the_relation_is_an_alignment() -> None:
    steps = judged(ARRAY.replace("LAST", r"\dfrac{1}{\cosh^2(u)}"))
    assert [status for status, _ in steps][-2:] == ["holds", "holds"], steps
    wrong = judged(ARRAY.replace("LAST", r"\dfrac{-1}{\cosh^2(u)}"))
    assert [status for status, _ in wrong][-2:] == ["holds", "fails"], wrong


def test_an_array_of_entries_stays_a_matrix() -> None:
    text = r"""$$\left[\begin{array}{cc} 1 & 0 \\ 0 & 1 \end{array}\right] = I$$"""
    assert all(status != "holds" or "at N" in summary for status, summary in judged(text))


INLINE_DISPLAYS = r"""Write $\sigma(v) = \frac{1}{1+e^{-v}}$.

Consider $$ g(v)=\dfrac{1}{\sigma(v)} = 1+e^{-v} . $$ Then, on the one hand, the chain rule gives $$ g'(v) = -\frac{\sigma'(v)}{\sigma(v)^2} , $$ and on the other hand, $$ g'(v) = -e^{-v} = OTHER . $$ Equate the two.
"""  # noqa: E501 - one paragraph, as a Q&A page stores it


def test_display_dollars_inside_a_sentence_are_read_as_its_math() -> None:
    steps = judged(INLINE_DISPLAYS.replace("OTHER", "1 - g(v)"))
    assert [status for status, _ in steps] == ["holds"] * 4, steps
    # a wrong one is refuted, and (said in a sentence, as all such math) its flag withheld
    wrong = judged(INLINE_DISPLAYS.replace("OTHER", "g(v) - 1"))
    assert [status for status, _ in wrong][:3] == ["holds"] * 3, wrong
    assert wrong[3][0] == "not checked" and "fails; an equation said in a sentence" in wrong[3][1]


BIAS_APART = r"""# A logistic unit with its bias as weight zero

For an input $u$ with $M$ features the unit computes

$$q = \sigma(r), \quad r = v_0 + \sum_{d=1}^{M} v_d u_d$$

with $\sigma(r) = \frac{1}{1 + e^{-r}}$. For a label $s \in \{0, 1\}$ the error is

$$E = -s \ln q - (1 - s) \ln (1 - q)$$

$$\frac{\partial E}{\partial v_d} = (q - s) u_d$$

$$\frac{\partial E}{\partial v_0} = BIAS$$

$$\frac{\partial r}{\partial v_d} = \sum_{k=1}^{M} \delta_{dk} u_k = u_d$$
"""


def _apart(**values: str) -> list[tuple[str, str]]:
    return judged(filled(BIAS_APART, {"BIAS": "q - s"}, values))


def test_weight_zero_written_apart_from_a_sum_from_one_is_read() -> None:
    # v_0 beside \sum_{d=1}^{D} v_d u_d: the sum from 1 is the text's own, entry 0 outside it
    assert [status for status, _ in _apart()] == ["holds"] * 4, _apart()


def test_weight_zero_written_apart_with_a_wrong_gradient_fails() -> None:
    steps = _apart(BIAS="s - q")
    assert [status for status, _ in steps] == ["holds", "fails", "holds", "holds"], steps


def test_a_sum_whose_range_the_text_leaves_open_keeps_weight_zero_unread() -> None:
    # \sum_k v_k^2 (no bounds): whether it counts v_0 is not said
    text = filled(BIAS_APART, {"BIAS": "q - s"}, {}).replace(
        r"E = -s \ln q", r"E = \frac{1}{2}\sum_k v_k^2 - s \ln q"
    )
    steps = judged(text)
    assert steps[1][0] == "not checked", steps


def test_sigma_named_in_a_sentence_keeps_its_own_role() -> None:
    # "the scale $\sigma$": σ without its argument may be that scale, not σ(u)
    text = BARE_SIGMA.replace("RESULT", r"\sigma \cdot (1 - \sigma)").replace(
        "so that", r"and the noise has scale $\sigma$, so that"
    )
    statuses = [status for status, _ in judged(text)]
    assert "holds" not in statuses and "fails" not in statuses, statuses


INDICATOR = r"""# The softmax classifier's gradient

For example $i$ with scores $f_j$ the loss is

$$L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)$$

Let $p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}$. Then

$$\frac{\partial L_i}{\partial f_k} = RIGHT$$
"""


def _indicator(right: str) -> str:
    return judged(INDICATOR.replace("RIGHT", right))[-1][0]


def test_the_label_compared_first_in_an_indicator_is_the_class_index() -> None:
    # y_i only as a subscript and in \mathbb{1}(y_i = k): the class of example i, no words needed
    assert _indicator(r"p_k - \mathbb{1}(y_i = k)") == "holds"
    assert _indicator(r"\mathbb{1}(y_i = k) - p_k") == "fails"


def test_a_one_against_a_comparison_is_an_indicator_not_the_rows_condition() -> None:
    # 1(k = y_i) at the end of a row: CS231n's indicator; read as the row's condition "k = y_i"
    # the wrong (p_k - 1) 1(k = y_i) held in that case alone
    assert _indicator(r"p_k - 1(k = y_i)") == "holds"
    wrong = judged(INDICATOR.replace("RIGHT", r"(p_k - 1) 1(k = y_i)"))[-1]
    assert wrong == ("holds only", "holds only when k = m (fails when k ≠ m)"), wrong
    assert _indicator(r"1(y_i = k) - p_k") == "fails"


def test_a_row_still_carrying_the_implied_index_is_not_flagged() -> None:
    # review 69: -\delta_{ik}(\delta_{in} - s_n) two rows after the product, i still free
    text = filled(IMPLIED_SUM, GIVEN_SUM, {"EXPANDED": r"-\delta_{ik}(\delta_{in} - s_n)"})
    steps = judged(text)
    assert steps[-1][0] == "not checked" and "free on one side only" in steps[-1][1], steps
    wrong = judged(filled(IMPLIED_SUM, GIVEN_SUM, {"EXPANDED": r"\delta_{ik}(\delta_{in} - s_n)"}))
    assert [status for status, _ in wrong[-2:]] == ["holds only", "fails"], wrong


def test_a_value_at_the_origin_said_in_words_is_no_identity() -> None:
    # "At the origin $$\sigma = \frac{1}{2}$$": σ(0), not σ(x) for every x (review 69)
    text = BARE_SIGMA.replace("RESULT", r"\sigma \cdot (1 - \sigma)") + (
        "\nso at the origin\n\n$$\\frac{d\\sigma}{du} = \\frac{1}{4}$$\n"
    )
    last = judged(text)[-1]
    assert last[0] == "not checked" and "a value at values the text gives" in last[1], last


def test_a_function_at_two_numbers_is_no_product() -> None:
    # "g(1) = y and g(0) = 1 - y": values at points; read as g times 0 it failed (real72)
    text = "The reference distribution is\n\n$$g(1) = y \\text{ and } g(0) = 1 - y$$\n"
    statuses = [s.status for s in check_document(text).steps]
    assert "fails" not in statuses and "holds" not in statuses, statuses


REFRESHER = r"""## The chain rule

If $y = f(u)$ and $u = g(x)$, then

$$\frac{dy}{dx} = \frac{dy}{du} \frac{du}{dx}$$

## Cross-entropy

With $\hat{y} = \mathrm{softmax}(z)$ and the loss $L = -\sum_k y_k \log \hat{y}_k$, where the labels sum to one,

$$\frac{\partial L}{\partial z_i} = RIGHT$$
"""  # noqa: E501 - one sentence


def test_the_chain_rules_notation_gives_the_labels_no_meaning() -> None:
    # y = f(u) with f never defined: how the rule is written, not what y is in the next section
    assert judged(REFRESHER.replace("RIGHT", r"\hat{y}_i - y_i"))[-1][0] == "holds"
    assert judged(REFRESHER.replace("RIGHT", r"y_i - \hat{y}_i"))[-1][0] == "fails"


def test_a_penalty_summed_from_zero_keeps_weight_zero_unread() -> None:
    # review 69b: \sum_{d=0}^{M} v_d^2 counts v_0; read from 1 its derivative lost λ v_0
    text = filled(BIAS_APART, {"BIAS": r"q - s + \lambda v_0"}, {}).replace(
        r"E = -s \ln q", r"E = \frac{\lambda}{2}\sum_{d=0}^{M} v_d^2 - s \ln q"
    )
    assert judged(text)[1][0] == "not checked", judged(text)
    assert judged(text.replace(r"+ \lambda v_0$$", "$$"))[1][0] == "not checked"


def test_a_value_at_a_number_in_sized_parentheses_is_no_product() -> None:
    text = "$$g\\left(1\\right) = y$$\n\n$$g\\left(0\\right) = 1 - y$$\n"
    statuses = [s.status for s in check_document(text).steps]
    assert "fails" not in statuses and "holds" not in statuses, statuses


def test_a_hypothesis_applied_to_the_columns_of_x_and_its_wrong_twin() -> None:
    # X n × m (examples as columns), h_θ(X) the column of predictions, y the column of labels
    from tests.test_data_matrix_conventions import COLUMNS, LAYOUT

    text = COLUMNS.replace(
        LAYOUT, "Put them as columns of the matrix $X$, so $X$ is $n \\times m$."
    )
    right = check_document(text + r"$$\nabla_\theta J = \frac{1}{m} X (h_\theta(X) - y)$$" "\n")
    wrong = check_document(text + r"$$\nabla_\theta J = \frac{1}{m} X (y - h_\theta(X))$$" "\n")
    assert right.steps[-1].status == "holds" and wrong.steps[-1].status == "fails"


def test_a_counterexample_with_an_index_letter_inside_a_name_is_withheld() -> None:
    # review 69b: T = 1 with x_T = 3 and x_1 = 11/4 is no point of the text (T both an index
    # of \delta_{iT} and a name's label), so no flag rests on it
    text = (
        "Let $s_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $c = -\\log s_T$.\n\n"
        "$$\\frac{\\partial c}{\\partial s_i} = -\\frac{1}{s_i}\\delta_{iT}$$\n"
    )
    step = judged(text)[-1]
    assert step[0] == "not checked" and "read as an index and in a name" in step[1], step


D_NAMES_SAID = r"""# Backprop for one logistic unit

For one example, $z = w^T x + b$, $a = \sigma(z)$ and

$$\mathcal{L}(a, y) = -(y \log a + (1 - y)\log(1 - a))$$

LEAD we write $da$ for $\frac{\partial \mathcal{L}}{\partial a}$ and $dz$ for $\frac{\partial \mathcal{L}}{\partial z}$.

$$da = -\frac{y}{a} + \frac{1-y}{1-a}$$

$$dz = FIRST$$

$$dz = da \cdot a(1 - a)$$
"""  # noqa: E501 - one sentence


def _said(lead: str = "Following the course,", first: str = "a - y") -> list[str]:
    text = D_NAMES_SAID.replace("LEAD", lead).replace("FIRST", first)
    return [status for status, _ in judged(text)]


def test_d_names_said_in_a_sentence_are_the_derivatives_it_names() -> None:
    # "we write $dz$ for $\frac{∂L}{∂z}$": the sentence defines dz; every display is a step
    assert _said() == ["holds", "holds", "holds"]
    assert _said(first="y - a") == ["holds", "fails", "holds"]


def test_d_names_a_sentence_disowns_are_not_read() -> None:
    assert "holds" not in _said(lead="Unlike the course, we never")
