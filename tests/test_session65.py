"""Session 65: softmax regression on a batch written with entries and logarithms (issue 11):
``\\mathbf{1}_N b^\\top`` in the logits, ``\\log P_{nk} = Z_{nk} - \\log\\sum_j \\exp(Z_{nj})``,
the loss written again in the logits (a step, not a new meaning, when it holds), and
``\\frac{\\partial L}{\\partial Z_{nk}}`` worked out with exponentials.  Every "holds" has a twin
that fails with a counterexample."""

from __future__ import annotations

from tests.steps import judged as _steps

BATCH = r"""\documentclass{article}
\begin{document}
A mini-batch of $N$ inputs forms the rows of $X \in \mathbb{R}^{N\times d}$, with one-hot
targets $Y \in \{0,1\}^{N\times K}$ and parameters $W \in \mathbb{R}^{d\times K}$, $b$.
\begin{align}
  Z &= XW + \mathbf{1}_N b^\top, \\
  P_{nk} &= \frac{\exp(Z_{nk})}{\sum_{j=1}^{K}\exp(Z_{nj})},
\end{align}
and the loss is the mean cross-entropy
\begin{equation}
  L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{K} Y_{nk}\log P_{nk}.
\end{equation}
Each row of $Y$ sums to one.
\begin{equation}
  \log P_{nk} = FIRST
\end{equation}
so that
\begin{align}
  L &= SECOND \\
    &= \frac{1}{N}\sum_{n}\Big(\log\sum_{j}\exp(Z_{nj}) - \sum_{k} Y_{nk} Z_{nk}\Big).
\end{align}
One logit at a time,
\begin{equation}
  \frac{\partial L}{\partial Z_{nk}} = THIRD
\end{equation}
and in matrix form $\frac{\partial L}{\partial W} = FOURTH$.
\end{document}
"""
RIGHT = {
    "FIRST": r"Z_{nk} - \log\sum_{j} \exp(Z_{nj})",
    "SECOND": r"-\frac{1}{N}\sum_{n}\sum_{k} Y_{nk}\Big(Z_{nk} - \log\sum_{j}\exp(Z_{nj})\Big)",
    "THIRD": r"\frac{1}{N}\left(\frac{\exp(Z_{nk})}{\sum_j \exp(Z_{nj})} - Y_{nk}\right)",
    "FOURTH": r"\frac{1}{N} X^\top (P - Y)",
}
WRONG = {
    "FIRST": r"Z_{nk} + \log\sum_{j} \exp(Z_{nj})",
    "SECOND": r"-\frac{1}{N}\sum_{n}\sum_{k} Y_{nk}\Big(Z_{nk} + \log\sum_{j}\exp(Z_{nj})\Big)",
    "THIRD": r"\frac{1}{N}\left(\frac{\exp(Z_{nk})}{\sum_j \exp(Z_{nj})} + Y_{nk}\right)",
    "FOURTH": r"\frac{1}{N} X^\top (Y - P)",
}


def _batch(wrong: str = "") -> list[tuple[str, str]]:
    text = BATCH
    for key, right in RIGHT.items():
        text = text.replace(key, WRONG[key] if key == wrong else right)
    return _steps(text)


def test_a_batch_written_in_entries_and_logarithms() -> None:
    steps = _batch()
    assert [s for s, _ in steps] == ["holds"] * 5, steps
    assert all("sizes (N, D, K)" in summary for _, summary in steps), steps


def test_a_wrong_logarithm_of_an_entry_is_refuted_and_withheld() -> None:
    # a step in the logits is refuted at a point, its flag withheld (the words may set values)
    steps = _batch("FIRST")
    assert [s for s, _ in steps] == ["not checked", "holds", "holds", "holds", "holds"], steps
    assert "ambiguous: fails: entry k = 1, n = 1" in steps[0][1], steps


def test_a_wrong_rewrite_of_the_loss_is_not_a_step_that_holds() -> None:
    steps = _batch("SECOND")
    # a rewrite of L that does not hold may be a new loss: a definition (not listed by
    # judged), never "holds"; the row after it, equal to the right loss, fails; which L the
    # gradients after it mean is then not read
    assert [s for s, _ in steps] == ["holds", "not checked", "not checked", "not checked"], steps
    assert steps[1][1].startswith("not checked: ambiguous: fails: at N = 2"), steps


def test_a_wrong_entry_of_the_logit_gradient_fails() -> None:
    steps = _batch("THIRD")
    assert [s for s, _ in steps][3] == "not checked", steps
    assert "ambiguous: fails: entry k = 1, n = 1" in steps[3][1], steps
    steps = _batch("FOURTH")
    assert [s for s, _ in steps][4] == "fails", steps


CASES = (
    "# Softmax Jacobian\n\n"
    "With $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$, for $i = j$ we get "
    "$\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_i)$, and off the diagonal, for "
    "$i \\neq j$, $\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$.\n"
    "Both cases fit in a single line with a Kronecker delta, "
    "$\\frac{\\partial p_i}{\\partial z_j} = UNIFIED$.\n"
)


def test_both_cases_in_one_line_after_a_case_said_above() -> None:
    good = _steps(CASES.replace("UNIFIED", "p_i(\\delta_{ij} - p_j)"))
    assert good[-1][0] == "holds", good
    bad = _steps(CASES.replace("UNIFIED", "p_i(\\delta_{ij} + p_j)"))  # (a sign)
    assert bad[-1][0] == "not checked" and "fails" in bad[-1][1], bad


SHIFTED = (
    "# Log-softmax per example\n\n"
    "A batch has $N$ examples; example $n$ has logits $z^{(n)}$ and probabilities "
    "$p^{(n)}_k = \\frac{e^{z^{(n)}_k}}{\\sum_{j} e^{z^{(n)}_j}}$, and the loss is\n\n"
    "$$L = -\\frac{1}{N}\\sum_{n=1}^{N}\\sum_{k=1}^{K} y^{(n)}_k \\log p^{(n)}_k .$$\n\n"
    "Examples do not interact: $p^{(n)}$ does not depend on $z^{(m)}$ for $m \\neq n$. "
    "Frameworks use the max trick: with $m^{(n)} = \\max_j z^{(n)}_j$,\n\n"
    "$$\\log p^{(n)}_k = RIGHT .$$\n"
)


def test_log_softmax_with_the_max_shift_of_one_example() -> None:
    good = _steps(
        SHIFTED.replace("RIGHT", "z^{(n)}_k - m^{(n)} - \\log\\sum_{j} e^{z^{(n)}_j - m^{(n)}}")
    )
    assert good[-1][0] == "holds" and "for every m" in good[-1][1], good
    bad = _steps(
        SHIFTED.replace("RIGHT", "z^{(n)}_k + m^{(n)} - \\log\\sum_{j} e^{z^{(n)}_j - m^{(n)}}")
    )
    assert bad[-1][0] == "fails", bad


AT_ONCE = (
    "# dy/dx\n\n"
    "With $y_i = \\frac{e^{x_i}}{\\sum_d e^{x_d}}$, the two cases are worked out above.\n\n"
    "Both cases at once: $\\frac{dy_i}{dx_j} = RIGHT$.\n"
)


def test_both_cases_at_once_with_d_written_against_its_letter() -> None:
    good = _steps(AT_ONCE.replace("RIGHT", "y_i(\\delta_{ij} - y_j)"))
    assert [s for s, _ in good] == ["holds"], good
    bad = _steps(AT_ONCE.replace("RIGHT", "y_j(\\delta_{ij} - y_j)"))  # (i and j swapped)
    assert [s for s, _ in bad] == ["not checked"] and "fails" in bad[0][1], bad


WELL_KNOWN = (
    "# Cross-entropy\n\n"
    "Let $p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$ and $L = -\\sum_j y_j \\log p_j$.\n\n"
    "Your labels are one-hot, so exactly one $y_j$ is 1 and the others are 0; the remaining "
    "sum is therefore 1 and you get the well-known $\\frac{\\partial L}{\\partial o_i} = RIGHT$.\n"
)


def test_the_well_known_result_after_a_semicolon() -> None:
    good = _steps(WELL_KNOWN.replace("RIGHT", "p_i - y_i"))
    assert [s for s, _ in good] == ["holds"], good
    bad = _steps(WELL_KNOWN.replace("RIGHT", "y_i - p_i"))
    assert [s for s, _ in bad] == ["fails"], bad


READS = (
    "# Gradient\n\n"
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$ with one-hot "
    "targets $y$.\n\n"
    "Collected over the outputs this reads $\\frac{\\partial L}{\\partial z_i} = RIGHT$.\n"
)


def test_this_reads_leads_a_claim() -> None:
    good = _steps(READS.replace("RIGHT", "p_i - y_i"))
    assert [s for s, _ in good] == ["holds"], good
    bad = _steps(READS.replace("RIGHT", "y_i - p_i"))
    assert [s for s, _ in bad] == ["fails"], bad


# ---------------------------------------------------------------- review 65's false verdicts

PENALTY = (
    "# Weight decay\n\n"
    "Stack the $M$ examples as rows of $X$ and the one-hot labels as rows of $Y$.\n\n"
    "$$Z = XW + \\mathbf{1} b^T$$\n\n$$P_{mk} = \\frac{e^{Z_{mk}}}{\\sum_{j} e^{Z_{mj}}}$$\n\n"
    "The objective is the mean cross-entropy plus a penalty:\n\n"
    "$$L = -\\frac{1}{M}\\sum_{m=1}^{M}\\sum_{k=1}^{K} Y_{mk}\\log P_{mk} + PENALTY$$\n\n"
    "In the logits,\n\n"
    "$$L = \\frac{1}{M}\\sum_{m}\\Big(\\log\\sum_{j} e^{Z_{mj}} - \\sum_{k} Y_{mk} Z_{mk}\\Big)$$\n"
)


def test_a_loss_not_read_is_never_assumed_to_be_the_cross_entropy() -> None:
    # L with a penalty is not read: its rewrite without the penalty must not "hold"
    steps = _steps(PENALTY.replace("PENALTY", "\\frac{\\lambda}{2}\\sum_{d}\\sum_{k} W_{dk}^2"))
    assert "holds" not in [s for s, _ in steps], steps
    # the twin: the same rewrite of the plain mean holds
    steps = _steps(PENALTY.replace(" + PENALTY", ""))
    assert [s for s, _ in steps] == ["holds"], steps


NOT_ONE_HOT = (
    "# Targets\n\n"
    "Stack the $M$ examples as rows of $X$; the targets are WORDS, and each row of $P$ sums to "
    "one.\n\n"
    "$$Z = XW + \\mathbf{1} b^T$$\n\n$$P = \\mathrm{softmax}(Z)$$\n\n"
    "$$L = -\\frac{1}{M}\\sum_{m=1}^{M}\\sum_{k=1}^{K} Y_{mk}\\log P_{mk}$$\n\n"
    "$$\\frac{\\partial L}{\\partial Z} = \\frac{1}{M}(P - Y)$$\n"
)


def test_targets_said_not_to_be_one_hot_are_not_taken_to_sum_to_one() -> None:
    steps = _steps(NOT_ONE_HOT.replace("WORDS", "not one-hot (a row of $Y$ may hold several ones)"))
    assert [s for s, _ in steps] == ["not checked"], steps
    steps = _steps(NOT_ONE_HOT.replace("WORDS", "one-hot labels"))
    assert [s for s, _ in steps] == ["holds"] and "sums to 1" in steps[0][1], steps


REDEFINED = (
    "# Mean versus sum\n\n"
    "Stack the $N$ examples as rows of $X$, one-hot labels as rows of $Y$.\n\n"
    "$$Z = XW + \\mathbf{1}_N b^T$$\n\n$$P_{nk} = \\frac{e^{Z_{nk}}}{\\sum_{j} e^{Z_{nj}}}$$\n\n"
    "$$L = -\\frac{1}{N}\\sum_{n=1}^{N}\\sum_{k=1}^{K} Y_{nk}\\log P_{nk}$$\n\n"
    "## The summed loss\n\nRedefine\n\n"
    "$$L = \\sum_{n}\\Big(\\log\\sum_{j} e^{Z_{nj}} - \\sum_{k} Y_{nk} Z_{nk}\\Big)$$\n\n"
    "Then the $\\frac{1}{N}$ disappears:\n\n"
    "$$\\frac{\\partial L}{\\partial Z_{nk}} = RIGHT$$\n"
)


def test_a_loss_defined_again_is_not_judged_against_the_first() -> None:
    right = "\\frac{e^{Z_{nk}}}{\\sum_j e^{Z_{nj}}} - Y_{nk}"
    assert "fails" not in [s for s, _ in _steps(REDEFINED.replace("RIGHT", right))]


COLUMNS = (
    "# Examples as columns\n\n"
    "The $N$ examples are the columns of $X$ and the one-hot labels the columns of $Y$.\n\n"
    "$$Z = WX$$\n\n$$P = \\mathrm{softmax}(Z)$$\n\n"
    "where the softmax acts on each column of $Z$.\n\n"
    "$$L = -\\frac{1}{N}\\sum_{k}\\sum_{n} Y_{kn}\\log P_{kn}$$\n\n"
    "$$\\log P_{kn} = Z_{kn} - \\log\\sum_{j} e^{Z_{jn}}$$\n"
)


def test_examples_as_columns_are_not_read_as_rows() -> None:
    assert "fails" not in [s for s, _ in _steps(COLUMNS)], _steps(COLUMNS)


MATRIX_FORM = "and in matrix form $\\frac{\\partial L}{\\partial W} = FOURTH$."


def _in_matrix_form(words: str) -> list[tuple[str, str]]:
    display = "\\begin{equation}\n\\frac{\\partial L}{\\partial W} = FOURTH\n\\end{equation}"
    text = BATCH.replace(MATRIX_FORM, f"{words}\n{display}")
    for key, right in RIGHT.items():
        text = text.replace(key, WRONG[key] if key == "FOURTH" else right)
    return _steps(text)


def test_a_supposition_before_a_batch_display_keeps_its_flag_from_standing() -> None:
    steps = _in_matrix_form("Suppose every logit is zero.")
    assert steps[-1][0] == "not checked" and "suppose" in steps[-1][1], steps
    steps = _in_matrix_form("In matrix form,")
    assert steps[-1][0] == "fails", steps  # (without the supposition: a flag)


ASSUMED = (
    "# At equal logits\n\n"
    "Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{N} e^{z_k}}$.\n\n"
    "The diagonal entry is $\\frac{\\partial p_i}{\\partial z_i} = p_i(1 - p_i) = "
    "\\frac{N - 1}{N^2}$.AFTER\n"
)


def test_a_supposition_in_the_next_sentence_keeps_the_flag_from_standing() -> None:
    steps = _steps(ASSUMED.replace("AFTER", " Here all logits are assumed equal."))
    assert [s for s, _ in steps] == ["holds", "not checked"], steps
    steps = _steps(ASSUMED.replace("AFTER", " This is the diagonal."))
    assert [s for s, _ in steps] == ["holds", "fails"], steps


CLASS = (
    "# One class\n\n"
    "Let $p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$ and $L = -\\sum_j y_j \\log p_j$ with one-hot "
    "$y$.\n\n"
    "Here class $3$ is the correct one; we get $\\frac{\\partial L}{\\partial o_3} = p_3 - 1$.\n"
)


def test_a_clause_with_a_number_before_a_semicolon_is_kept() -> None:
    assert "fails" not in [s for s, _ in _steps(CLASS)], _steps(CLASS)


def test_an_item_that_asks_is_no_claim() -> None:
    math = "$\\frac{d}{dx} \\tanh(x) = 1 + \\tanh^2(x)$"
    text = f"# Exercises\n\n1. Decide whether {math}.\n"
    assert "fails" not in [s for s, _ in _steps(text)], _steps(text)
    text = f"# Facts\n\n1. {math}\n"
    assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


QUOTED = (
    "# Log-sigmoid\n\nLet $\\sigma(a) = \\frac{1}{1+e^{-a}}$.\n\n"
    "LEAD $\\frac{d}{da} e^{-a} = e^{-a}$TAIL\n"
)


def test_a_textbook_derivative_quoted_asked_or_disowned_is_no_claim() -> None:
    for lead, tail in (
        ("Students often write", " and forget the chain rule."),
        ("Is it true that", "? No."),
        ("A frequent slip is", "."),
        ("The slides had", ". That sign is off."),
    ):
        text = QUOTED.replace("LEAD", lead).replace("TAIL", tail)
        assert "fails" not in [s for s, _ in _steps(text)], (lead, _steps(text))
    text = QUOTED.replace("LEAD", "Using the derivative of the exponential").replace(
        "TAIL", ", the gradient follows."
    )
    assert [s for s, _ in _steps(text)] == ["fails"], _steps(text)


TWO_P = (
    "# Two uses of p\n\n"
    "The model's probabilities are $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$.\n\n"
    "From here on $p$ denotes the smoothed target, $p_k = (1 - \\epsilon) y_k + "
    "\\frac{\\epsilon}{K}$. With $m = \\max_j z_j$,\n\n"
    "$$\\log p_k = z_k - m - \\log\\sum_j e^{z_j - m}$$\n"
)


def test_a_softmax_name_given_another_meaning_is_not_read_as_the_softmax() -> None:
    assert "holds" not in [s for s, _ in _steps(TWO_P)], _steps(TWO_P)
