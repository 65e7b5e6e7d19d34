"""Session 41: GitLab's and GitHub's ``$`…`$`` math in Markdown, and a row of an aligned display
that names its case in words (``\\text{If } k = i \\text{:}``). Each reading that lets a step hold
has a wrong twin that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

SOFTMAX = "Let $`y_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}`$ be the softmax of $`x`$.\n\n"


@pytest.mark.parametrize(
    ("right", "holds"),
    [("y_i(1 - y_i)", True), ("y_i(1 + y_i)", False), ("-y_i y_i", False)],
)
def test_dollar_backtick_display_on_its_own_lines_is_read(right, holds):
    text = (
        SOFTMAX + "For $`k = i`$:\n\n$`\n\\begin{aligned}\n\\frac{\\partial y_i}{\\partial x_i} &= "
        "\\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}} - "
        "\\left(\\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}\\right)^2\n"
        f"\\\\&= {right}\n\\end{{aligned}}\n`$\n"
    )
    found = _steps(text)
    assert found[0][0] == "holds", found
    if holds:
        assert found[1][0] == "holds", found
    else:
        assert found[1][0] == "fails", found


@pytest.mark.parametrize(("sign", "holds"), [("-", True), ("", False)])
def test_dollar_backtick_inline_claim_is_read(sign, holds):
    text = (
        SOFTMAX
        + "When $`k \\neq i`$, we have "
        + f"$`\\frac{{\\partial y_i}}{{\\partial x_k}} = {sign}y_i y_k`$.\n"
    )
    ((status, summary),) = _steps(text)
    if holds:
        assert status == "holds", summary
    else:
        assert status == "fails", summary


@pytest.mark.parametrize(
    "text",
    [
        # plain code spans stay code: no $ around the backticks, or only on one side
        "Run `$x = 1$` in the shell, then $`x` and `y`$ are code.\n",
        "The variable `\\frac{d}{dx} x^2 = 3x` is a string in the code.\n",
    ],
)
def test_code_spans_without_dollar_backticks_stay_code(text):
    assert _steps(text) == []


@pytest.mark.parametrize(
    ("case", "right", "holds"),
    [
        ("k = i", "y_i - y_i^2", True),
        ("k = i", "-y_i y_k", False),  # the other case's formula
        ("k \\ne i", "-y_i y_k", True),
        ("k \\ne i", "y_i - y_i^2", False),
    ],
)
def test_a_row_that_names_its_case_in_words_with_text_colon(case, right, holds):
    text = (
        SOFTMAX
        + "$$\\begin{aligned}\n"
        + f"\\text{{If }} {case} \\text{{:}}\n\\\\\n"
        + f"\\frac{{\\partial y_i}}{{\\partial x_k}} &= {right}\n\\end{{aligned}}$$\n"
    )
    ((status, summary),) = _steps(text)
    if holds:
        assert status == "holds", summary
        assert ("≠" in summary) == ("ne" in case), summary
    else:
        assert status == "fails", summary


LOGITS = "The logits $z \\in \\mathbb{R}^K$ and any constant $c$.\n\n"


@pytest.mark.parametrize(
    ("step", "verdict"),
    [
        # translation invariance, in every spelling: each entry of the two vectors is equal
        ("\\text{softmax}(z + c) = \\text{softmax}(z)", "holds"),
        ("\\mathrm{softmax}(\\mathbf{z}) = \\mathrm{softmax}(\\mathbf{z} - c\\mathbf{1})", "holds"),
        ("\\operatorname{softmax}(z) = \\operatorname{softmax}(z - \\max_k z_k)", "holds"),
        ("softmax(z) = softmax(z - \\max(z))", "holds"),
        # wrong twins: a scale is no shift; the max shift applied twice over to one side
        ("\\text{softmax}(z) = \\text{softmax}(2z)", "fails"),
        ("softmax(z) = softmax(2z - \\max(z))", "fails"),
        # fails for some c (c = 0 makes it hold): the text may give c that value
        ("\\text{softmax}(z + c) = \\text{softmax}(2z)", "not checked"),
    ],
)
def test_a_step_between_softmax_vectors_is_judged_entry_by_entry(step, verdict):
    ((status, summary),) = _steps(LOGITS + f"$${step}$$\n")
    assert status == verdict, summary
    if verdict == "fails":
        assert "entry k = " in summary, summary


@pytest.mark.parametrize(
    "step",
    [
        # c a vector: softmax(z + c) = softmax(z) is false in general, never read with c a number
        "\\text{softmax}(\\mathbf{z} + \\mathbf{c}) = \\text{softmax}(\\mathbf{z})",
        # an entry on one side, a vector on the other
        "\\text{softmax}(z + c)_i = \\text{softmax}(z)",
        # two letters in every argument: which is the vector? (z c is no shift of z)
        "\\text{softmax}(z c) = \\text{softmax}(c z)",
    ],
)
def test_softmax_steps_not_read_as_vectors_of_one_letter(step):
    ((status, summary),) = _steps(LOGITS + f"$${step}$$\n")
    assert status == "not checked", summary


def test_softmax_vector_shift_with_a_vector_said_in_words_is_not_read():
    text = "Let $c$ be a vector of offsets.\n\n$$\\text{softmax}(z + c) = \\text{softmax}(z)$$\n"
    ((status, summary),) = _steps(text)
    assert status == "not checked", summary


def test_a_text_with_its_own_softmax_keeps_it():
    text = (
        "Here $\\text{softmax}(z)_i = \\frac{e^{z_i / T}}{\\sum_k e^{z_k / T}}$ at temperature "
        "$T$.\n\n$$\\text{softmax}(z) = \\text{softmax}(2z)$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(text))


SIGMOID = "Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n"


@pytest.mark.parametrize(
    "lead",
    [
        "&& \\text{using }",
        "\\quad \\text{because }",
        "&& \\text{as }",
        "&& \\text{Using }",
        "\\quad \\text{Since }",
        "\\quad \\mathrm{using}\\ ",
        "\\quad \\textit{using }",
        "\\qquad \\text{Recall that }",
        "\\qquad \\text{Note that }",
    ],
)
@pytest.mark.parametrize(("last", "holds"), [("1 - \\sigma(z)", True), ("\\sigma(z)", False)])
def test_a_reason_beside_a_row_does_not_carry_the_chain(lead, last, holds):
    # the row after a reason goes on from the row, never from the reason's own equation
    text = (
        SIGMOID
        + "$$\\begin{aligned}\n"
        + "1 - \\sigma(z) &= \\frac{e^{-z}}{1+e^{-z}} "
        + f"{lead} 1 = \\frac{{1+e^{{-z}}}}{{1+e^{{-z}}}} \\\\\n"
        + f"&= {last}\n\\end{{aligned}}$$\n"
    )
    found = _steps(text)
    assert [status for status, _ in found][:2] == ["holds", "holds"], found
    assert found[2][0] == ("holds" if holds else "fails"), found


def test_a_case_flag_on_a_reason_beside_a_row_is_withheld():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$, $y$ one-hot, and "
        "$L = -\\sum_k y_k \\log p_k$.\n\n$$\\begin{aligned}\n"
        "\\frac{\\partial L}{\\partial z_i} &= -y_i(1-p_i) + \\sum_{k \\ne i} y_k p_i "
        "&& \\text{using } \\partial p_k/\\partial z_i = -p_kp_i \\\\\n"
        "&= p_i - y_i\n\\end{aligned}$$\n"
    )
    (main, reason, last) = _steps(text)
    assert main[0] == last[0] == "holds", (main, last)
    assert reason[0] == "not checked" and "a reason beside the chain" in reason[1], reason


@pytest.mark.parametrize(
    ("hidden", "shown"),
    [
        ("\\iffalse\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\fi", 0),
        ("\\begin{comment}\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\end{comment}", 0),
        ("\\[ \\sigma'(z) = \\sigma(z)^2 \\]", 1),  # the twin: typeset, so judged (and wrong)
    ],
)
def test_what_latex_never_typesets_is_not_judged(hidden, shown, tmp_path):
    path = tmp_path / "notes.tex"
    path.write_text(f"Let $\\sigma(z) = \\frac{{1}}{{1+e^{{-z}}}}$.\n{hidden}\n", encoding="utf-8")
    flagged = [s for s in check_document(path).steps if s.flagged]
    assert len(flagged) == shown, flagged


@pytest.mark.parametrize(
    ("right", "status"), [("\\sigma(z)(1-\\sigma(z))", "holds"), ("\\sigma(z)^2", "fails")]
)
def test_an_alignat_environment_is_read_without_its_column_count(right, status, tmp_path):
    text = (
        "Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\\begin{alignat*}{2}\n"
        f"\\sigma'(z) &= {right} &\\qquad& \\text{{(the derivative)}}\n\\end{{alignat*}}\n"
    )
    path = tmp_path / "notes.tex"
    path.write_text(text, encoding="utf-8")
    (step,) = [s for s in check_document(path).steps if s.status != "definition"]
    assert step.status == status, step.summary


@pytest.mark.parametrize(
    ("right", "status"), [("p_i(1 - p_i)", "holds"), ("p_i(1 + p_i)", "fails")]
)
def test_math_inside_an_rst_note_is_read(right, status, tmp_path):
    path = tmp_path / "notes.rst"
    path.write_text(
        "Let :math:`p_i = e^{z_i}/\\sum_k e^{z_k}`.\n\n.. note::\n   :class: tip\n\n"
        "   The diagonal entries are\n\n   .. math::\n\n"
        f"      \\frac{{\\partial p_i}}{{\\partial z_i}} = {right}\n",
        encoding="utf-8",
    )
    (step,) = [s for s in check_document(path).steps if s.status != "definition"]
    assert step.status == status, step.summary


JACOBIAN_ROWS = (
    "$$\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{z}} = "
    "\\mathrm{diag}(\\mathbf{p}) - \\mathbf{p}^T\\mathbf{p}$$\n"
)
SOFTMAX_P = (
    "Let $p_i = e^{z_i}/\\sum_k e^{z_k}$ and $\\mathbf{p} = \\mathrm{softmax}(\\mathbf{z})$.\n\n"
)


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("", "holds"),  # no layout said: p^T p is the outer product of rows
        ("We use row vectors.", "holds"),
        ("A single example is a **row vector** in $\\mathbb{R}^{1 \\times n}$.", "holds"),
        # columns said: p^T p is a number, and diag(p) minus a number is no Jacobian
        ("All vectors are column vectors.", "not checked"),
        ("Here $\\mathbf{p} \\in \\mathbb{R}^{n \\times 1}$.", "not checked"),
        ("所有向量都是列向量。", "not checked"),
    ],
)
def test_the_layout_the_text_says_decides_a_row_only_step(words, status):
    found = _steps(words + "\n\n" + SOFTMAX_P + JACOBIAN_ROWS)
    assert found[-1][0] == status, found


def test_a_step_that_holds_only_as_columns_in_a_text_of_row_vectors_is_not_taken():
    text = (
        "A single example is a row vector, $\\mathbf{z} \\in \\mathbb{R}^{1 \\times n}$.\n\n"
        + SOFTMAX_P
        + "$$\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{z}} = "
        "\\mathrm{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^T$$\n"
    )
    status, summary = _steps(text)[-1]
    assert status == "not checked" and "the text says its vectors are rows" in summary, summary


@pytest.mark.parametrize(
    ("layout", "right", "status"),
    [
        (
            "",
            "I - \\mathbf{1}\\mathbf{p}^T",
            "holds",
        ),  # numerator layout: entry (i, j) is ∂s_i/∂z_j
        ("We use the denominator layout.", "I - \\mathbf{1}\\mathbf{p}^T", "not checked"),
    ],
)
def test_a_jacobian_in_a_text_that_says_it_uses_the_denominator_layout(layout, right, status):
    text = (
        f"{layout}\n\nLet $p_i = \\frac{{e^{{z_i}}}}{{\\sum_k e^{{z_k}}}}$ and "
        "$s_i = z_i - \\log\\sum_k e^{z_k}$.\n\n"
        f"$$\\frac{{\\partial \\mathbf{{s}}}}{{\\partial \\mathbf{{z}}}} = {right}$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


DISTIL = (
    "$q_i = \\frac{{e^{{v_i/T}}}}{{\\sum_j e^{{v_j/T}}}}$, $p_i = \\frac{{e^{{z_i/T}}}}{{\\sum_j "
    "e^{{z_j/T}}}}$, and $C = -\\sum_i q_i\\log p_i$ (the teacher's $q$ sums to one).\n\n"
    "$$\\frac{{\\partial C}}{{\\partial z_i}} = \\frac{{p_i - q_i}}{{{value}}}$$\n"
)


@pytest.mark.parametrize(
    ("lead", "value", "status"),
    [
        ("Let $T = 4$. Then ", "4", "not checked"),  # right at T = 4: no flag at T = 7/2
        ("We distil at temperature $T = 4$: ", "4", "not checked"),
        ("Let $T = 4$. Then ", "2", "fails"),  # wrong at T = 4 too: flagged
        ("Then ", "4", "fails"),  # T never set: 1/T is no 1/4
    ],
)
def test_a_temperature_the_text_sets_with_let_or_at(lead, value, status):
    assert _steps(lead + DISTIL.format(value=value))[-1][0] == status


@pytest.mark.parametrize(
    ("total", "status"),
    [("so $\\sum_k y_k = 2$", "not checked"), ("so $\\sum_k y_k = 1$", "fails")],
)
def test_a_total_other_than_one_the_text_states_withholds_a_flag(total, status):
    text = (
        f"The target is a vector of tags, {total}. With $p_k = \\frac{{e^{{z_k}}}}"
        "{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k\\log p_k$,\n\n"
        "$$\\frac{\\partial L}{\\partial z_k} = -y_k + p_k\\sum_j y_j = 2p_k - y_k$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("setting", "status"), [("Suppose the true class is $c = 2$.", "not checked"), ("", "fails")]
)
def test_an_index_set_a_display_before_holds_on_in_its_section(setting, status):
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\log p_c$ where $c$ is the "
        f"true class.\n\n{setting} Then\n\n$$\\frac{{\\partial L}}{{\\partial z_c}} = p_c - 1$$\n\n"
        "and for the first logit,\n\n$$\\frac{\\partial L}{\\partial z_1} = p_1$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("said", "status"),
    [("with $\\mathbf{1}^\\top\\mathbf{q} = 1$", "holds"), ("with $\\mathbf{q} \\ge 0$", "uses Σ")],
)
def test_a_distribution_said_with_the_ones_vector(said, status):
    text = (
        "Let $T > 0$ and $p_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$. For the distillation loss "
        f"$C = -\\sum_i q_i\\log p_i$ {said}:\n\n"
        "$$\\frac{\\partial C}{\\partial z_i} = \\frac{1}{T}(p_i - q_i)$$\n"
    )
    found, summary = _steps(text)[-1]
    if status == "holds":
        assert found == "holds" and "given" not in summary, summary
    else:
        assert summary.startswith("uses Σ"), summary


@pytest.mark.parametrize("word", ["hence", "i.e.", "if", "and"])
def test_a_consequence_beside_a_row_leaves_the_next_row_unread(word):
    # "&= A \\text{hence } B = C \\\\ &= D": D may go on from A or from C; neither is taken
    text = (
        SIGMOID
        + "$$\\begin{aligned}\n"
        + "1 - \\sigma(z) &= \\frac{e^{-z}}{1+e^{-z}} "
        + f"\\quad \\text{{{word} }} 1 = \\frac{{1+e^{{-z}}}}{{1+e^{{-z}}}} \\\\\n"
        + "&= \\sigma(z)\n\\end{aligned}$$\n"
    )
    found = _steps(text)
    assert found[0][0] == "holds", found
    assert found[-1][0] == "not checked", found


SOFTMAX_K = "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$.\n\n$$\n\\begin{aligned}\n"


@pytest.mark.parametrize(
    ("words", "right", "status"),
    [
        ("\\text{Otherwise:}", "-p_k p_i", "holds"),  # the other case
        ("\\text{Otherwise:}", "p_k(1 - p_i)", "fails"),  # the first case's formula again
        ("\\text{Similarly, for } k \\neq i\\text{:}", "p_k(1 - p_i)", "fails"),
        ("\\text{In general, for any } k \\text{ and } i\\text{:}", "p_k(1 - p_i)", "holds only"),
    ],
)
def test_a_row_of_words_ends_the_case_a_row_named(words, right, status):
    text = (
        SOFTMAX_K
        + "&\\text{If } k = i\\text{:} \\\\\n"
        + "\\frac{\\partial p_k}{\\partial z_i} &= p_i(1 - p_i) \\\\\n"
        + f"&{words} \\\\\n"
        + f"\\frac{{\\partial p_k}}{{\\partial z_i}} &= {right}\n\\end{{aligned}}\n$$\n"
    )
    found = _steps(text)
    assert found[0][0] == "holds", found
    assert found[-1][0] == status, found


@pytest.mark.parametrize(("right", "status"), [("-p_k p_i", "holds"), ("p_k p_i", "fails")])
def test_otherwise_at_the_end_of_a_row_is_the_other_case(right, status):
    text = (
        SOFTMAX_K
        + "\\frac{\\partial p_k}{\\partial z_i} &= p_k(1 - p_i) && \\text{if } k = i \\\\\n"
        + f"&= {right} && \\text{{otherwise}}\n\\end{{aligned}}\n$$\n"
    )
    found = _steps(text)
    assert [s for s, _ in found] == ["holds", status], found
    assert "≠" in found[1][1] or status == "fails", found


@pytest.mark.parametrize(
    ("hidden", "shown"),
    [
        ("\\iffalse\n\\ifdraft\n\\[ a = 1 \\]\n\\fi\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\fi", 0),
        ("\\iftrue\n\\[ 1 = 1 \\]\n\\else\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\fi", 0),
        ("\\begin{verbatim}\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\end{verbatim}", 0),
        ("\\ifdraft\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\fi", 1),  # its value unknown here
        ("\\iftrue\n\\[ \\sigma'(z) = \\sigma(z)^2 \\]\n\\else\n\\[ 1 = 1 \\]\n\\fi", 1),
    ],
)
def test_what_latex_never_typesets_is_not_judged_nested_and_verbatim(hidden, shown, tmp_path):
    path = tmp_path / "notes.tex"
    path.write_text(f"Let $\\sigma(z) = \\frac{{1}}{{1+e^{{-z}}}}$.\n{hidden}\n", encoding="utf-8")
    flagged = [s for s in check_document(path).steps if s.flagged]
    assert len(flagged) == shown, flagged


@pytest.mark.parametrize(
    "said",
    ["let $c$ be a vector of per-class log-priors", "with $c_k = \\tau \\log \\pi_k$"],
)
def test_a_shift_the_text_makes_a_vector_is_no_constant(said):
    text = (
        f"Let $\\mathbf{{z}} \\in \\mathbb{{R}}^n$ be the logits and {said}.\n\n"
        "$$\\text{softmax}(\\mathbf{z} - c) = \\text{softmax}(\\mathbf{z})$$\n"
    )
    assert _steps(text)[-1][0] == "not checked", _steps(text)


SOFTPLUS = (
    "Let $\\sigma(x) = \\frac{1}{1+e^{-x}}$ and $f(x) = \\log(1 + e^x)$.\n\n$$\n\\begin{aligned}\n"
    "f'(x) &= \\frac{e^{x}}{1+e^{x}} \\\\\n"
    "&= 1 - \\sigma(-x) WORDS \\sigma(-x) = 1 - \\sigma(x) \\\\\n"
    "&= ROW\n\\end{aligned}\n$$\n"
)


@pytest.mark.parametrize(
    ("words", "verdicts"),
    [
        # reasons: the last row goes on from the row ("1 - σ(-x) = σ(x)" holds, "= 1 - σ(x)" fails)
        ("\\quad \\text{, using }", ("holds", "fails")),
        ("\\quad \\text{\\small since }", ("holds", "fails")),
        ("\\quad \\textsf{using }", ("holds", "fails")),
        # consequences: the last row goes on from which equation? not read
        ("\\implies", ("not checked", "not checked")),
        ("\\quad \\therefore", ("not checked", "not checked")),
        ("\\quad \\text{, hence }", ("not checked", "not checked")),
    ],
)
def test_words_and_connectives_beside_a_row_with_punctuation(words, verdicts):
    for row, verdict in zip(("\\sigma(x)", "1 - \\sigma(x)"), verdicts, strict=True):
        found = _steps(SOFTPLUS.replace("WORDS", words).replace("ROW", row))
        assert found[-1][0] == verdict, (row, found)


@pytest.mark.parametrize(
    "heading",
    [
        "&\\text{Else:}",
        "&\\text{Off-diagonal } (k \\neq i)\\text{:}",
        "&\\text{For } k \\in \\{1,\\dots,N\\}\\setminus\\{i\\}\\text{:}",
        "&\\text{When } k \\text{ is not } i\\text{:}",
    ],
)
@pytest.mark.parametrize(("right", "status"), [("-p_k p_i", "holds"), ("p_k(1 - p_i)", "fails")])
def test_rows_that_name_the_other_case(heading, right, status):
    text = (
        SOFTMAX_K
        + "&\\text{If } k = i\\text{:} \\\\\n"
        + "\\frac{\\partial p_k}{\\partial z_i} &= p_i(1 - p_i) \\\\\n"
        + f"{heading} \\\\\n"
        + f"\\frac{{\\partial p_k}}{{\\partial z_i}} &= {right}\n\\end{{aligned}}\n$$\n"
    )
    status_found, summary = _steps(text)[-1]
    assert status_found == status, summary
    assert "≠" in summary, summary


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("&& \\text{if } k = i", "&& \\text{o.w.}"),
        ("&& \\text{if } k = i", "&& \\text{if not}"),
        ("&& \\text{(diagonal)}", "&& \\text{(off-diagonal)}"),
    ],
)
@pytest.mark.parametrize(("right", "status"), [("-p_k p_i", "holds"), ("p_k p_i", "fails")])
def test_right_column_words_for_the_other_case(first, second, right, status):
    text = (
        SOFTMAX_K
        + f"\\frac{{\\partial p_k}}{{\\partial z_i}} &= p_k(1 - p_i) {first} \\\\\n"
        + f"&= {right} {second}\n\\end{{aligned}}\n$$\n"
    )
    found = _steps(text)
    assert [s for s, _ in found] == ["holds", status], found


@pytest.mark.parametrize(("value", "status"), [("2", "not checked"), ("", "fails")])
def test_a_value_set_beside_the_row_withholds_its_flags(value, status):
    beside = f" && \\text{{where }} T = {value}" if value else ""
    text = (
        "Let $s = \\sigma(z / T)$ with $\\sigma(u) = \\frac{1}{1+e^{-u}}$.\n\n"
        "$$\n\\begin{aligned}\n"
        "\\frac{ds}{dz} &= \\frac{1}{T}s(1-s) \\\\\n"
        f"&= \\frac{{1}}{{2}} s(1-s){beside}\n\\end{{aligned}}\n$$\n"
    )
    assert _steps(text)[1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("wrapper", "shown"),
    [
        ("\\newif\\ifdraft\n\\draftfalse\n\\ifdraft\nBODY\n\\fi", 0),
        ("\\newif\\ifdraft\n\\drafttrue\n\\ifdraft\nBODY\n\\fi", 1),  # the twin: typeset
        ("\\begin{BVerbatim}\nBODY\n\\end{BVerbatim}", 0),
        ("\\excludecomment{solution}\n\\begin{solution}\nBODY\n\\end{solution}", 0),
    ],
)
def test_more_latex_that_is_never_typeset(wrapper, shown, tmp_path):
    path = tmp_path / "notes.tex"
    body = "\\[ \\sigma'(z) = \\sigma(z)^2 \\]"
    path.write_text(
        f"Let $\\sigma(z) = \\frac{{1}}{{1+e^{{-z}}}}$.\n{wrapper.replace('BODY', body)}\n",
        encoding="utf-8",
    )
    assert len([s for s in check_document(path).steps if s.flagged]) == shown


@pytest.mark.parametrize(
    ("wrapper", "shown"),
    [("<pre>\nBODY\n</pre>", 0), ("{% comment %}\nBODY\n{% endcomment %}", 0), ("BODY", 1)],
)
def test_markdown_pre_and_liquid_comments_are_not_judged(wrapper, shown):
    body = "$$\\sigma'(z) = \\sigma(z)^2$$"
    text = f"Let $\\sigma(z) = \\frac{{1}}{{1+e^{{-z}}}}$.\n\n{wrapper.replace('BODY', body)}\n"
    assert len([s for s in check_document(text).steps if s.flagged]) == shown


@pytest.mark.parametrize(("last", "status"), [("p_k - y_k", "holds"), ("y_k - p_k", "fails")])
def test_the_rows_after_a_reasons_row_go_on_as_a_chain(last, status):
    # the reason's words sit between the row before and the next one: they break nothing later
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$, $L = -\\sum_j y_j \\log p_j$ and "
        "$\\sum_j y_j = 1$.\n\n$$\n\\begin{aligned}\n"
        "\\frac{\\partial L}{\\partial z_k} &= -\\sum_j y_j (\\delta_{jk} - p_k) && \\text{since } "
        "\\frac{\\partial \\log p_j}{\\partial z_k} = \\delta_{jk} - p_k \\\\\n"
        "&= p_k \\sum_j y_j - y_k \\\\\n"
        f"&= {last}\n\\end{{aligned}}\n$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("the target $\\mathbf{y}$ is multi-hot with two entries equal to 1", "not checked"),
        ("the target $\\mathbf{y}$ is one-hot", "fails"),
        ("the target $\\mathbf{y}$ is unnormalised (say, a multi-hot tag vector)", "fails"),
    ],
)
def test_multi_hot_targets_said_in_words_withhold_a_flag(said, status):
    text = (
        f"Each image has two tags: {said}. With $p_k = \\frac{{e^{{z_k}}}}{{\\sum_j e^{{z_j}}}}$ "
        "and $L = -\\sum_k y_k\\log p_k$,\n\n$$\\frac{\\partial L}{\\partial z_k} = 2p_k - y_k$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("said", "status"),
    [("and any constant $b$", "holds"), ("and $b$ the logits of a second head", "not checked")],
)
def test_a_softmax_shift_holds_only_for_a_letter_the_text_calls_a_number(said, status):
    step = "$$\\mathrm{softmax}(a) = \\mathrm{softmax}(a + b)$$\n"
    text = f"Let $a$ be the logits {said}.\n\n" + step
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(("right", "status"), [("-y_i y_k", "holds"), ("y_i y_k", "fails")])
def test_the_else_branch_of_iffalse_is_typeset(right, status, tmp_path):
    path = tmp_path / "notes.tex"
    path.write_text(
        "Let $y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\\iffalse\n\\[ 1 = 2 \\]\n\\else\n"
        f"When $k \\neq i$:\n\\[ \\frac{{\\partial y_i}}{{\\partial x_k}} = {right} \\]\n\\fi\n",
        encoding="utf-8",
    )
    (step,) = [s for s in check_document(path).steps if s.status != "definition"]
    assert step.status == status, step.summary


@pytest.mark.parametrize(("right", "status"), [("y_i(1 - y_i)", "holds"), ("-y_i y_k", "fails")])
def test_a_remark_row_keeps_the_case_named_above(right, status):
    text = (
        "Let $y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\n$$\n\\begin{aligned}\n"
        "&\\text{If } k = i \\text{:} \\\\\n"
        "\\frac{\\partial y_i}{\\partial x_k} &= y_i - y_i^2 \\\\\n"
        "&\\text{Simplifying further:} \\\\\n"
        f"\\frac{{\\partial y_i}}{{\\partial x_k}} &= {right}\n\\end{{aligned}}\n$$\n"
    )
    assert _steps(text)[-1][0] == status, _steps(text)


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("Softmax is invariant to constant offsets in the input.", "holds"),
        ("It is invariant to adding a scalar to each of the inputs.", "holds"),
        ("Adding the scores $c$ of a second head changes nothing.", "not checked"),
    ],
)
def test_a_shift_said_to_be_a_constant_without_naming_it(words, status):
    text = f"{words}\n\n$$\\text{{softmax}}(x) = \\text{{softmax}}(x + c)$$\n"
    assert _steps(text)[-1][0] == status, _steps(text)
