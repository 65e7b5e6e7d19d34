"""Session 56: functions of a Greek variable (``b(\\theta)``, ``\\mathcal{L}(\\beta)``), a
calligraphic loss written primed, and equations said after "then", "note that", "it follows
that". Each reading that lets a step hold has a wrong twin that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import judged as _steps

GREEK_VARIABLE = (
    "The log-partition function is $b(\\theta) = \\log(1 + e^{\\theta})$, so\n\n"
    "$$b'(\\theta) = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{e^{\\theta}}{1 + e^{\\theta}}", "holds"),
        ("\\frac{e^{\\theta}}{1 - e^{\\theta}}", "fails"),
        ("\\frac{1}{1 + e^{\\theta}}", "fails"),
    ],
)
def test_a_function_of_a_greek_variable_is_differentiated(right, status):
    assert [s for s, _ in _steps(GREEK_VARIABLE.replace("RIGHT", right))] == [status]


CALLIGRAPHIC_OF_BETA = (
    "Let $\\mathcal{L}(\\beta) = (y - \\beta)^2$. Then\n\n"
    "$$\\frac{d\\mathcal{L}}{d\\beta} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("2(\\beta - y)", "holds"), ("2(y - \\beta)", "fails")]
)
def test_a_calligraphic_loss_of_a_greek_variable_is_differentiated(right, status):
    assert [s for s, _ in _steps(CALLIGRAPHIC_OF_BETA.replace("RIGHT", right))] == [status]


def test_a_primed_calligraphic_loss_may_name_another_loss():
    # "the regularised loss $\\mathcal{L}'(w)$": a name of its own, or the derivative? not read
    text = (
        "Let $\\mathcal{L}(w) = (w - 3)^2$. The regularised loss is "
        "$\\mathcal{L}'(w) = \\mathcal{L}(w) + \\lambda w^2$, and\n\n"
        "$$\\frac{d\\mathcal{L}'}{dw} = 2(w - 3) + 2\\lambda w$$\n"
    )
    assert all(s != "fails" for s, _ in _steps(text)), _steps(text)


@pytest.mark.parametrize("lead", ["Then", "Note that", "It follows that", "That is,"])
@pytest.mark.parametrize(
    ("right", "status"), [("2\\alpha + 3", "holds"), ("2\\alpha - 3", "fails")]
)
def test_a_derivative_said_after_then_is_a_claim(lead, right, status):
    text = f"Let $f(\\alpha) = \\alpha^2 + 3\\alpha$. {lead} $f'(\\alpha) = {right}$.\n"
    assert [s for s, _ in _steps(text)] == [status]


@pytest.mark.parametrize("lead", ["If $\\alpha > 0$, then", "Suppose we then had"])
def test_then_after_a_condition_is_no_claim(lead):
    text = f"Let $f(\\alpha) = \\alpha^2 + 3\\alpha$. {lead} $f'(\\alpha) = 2\\alpha - 3$.\n"
    assert _steps(text) == []


CASE_THEN = (
    "Let $a_i = e^{z_i}/\\sum_k e^{z_k}$ be the softmax.\n\n"
    "If $i = j$ then $\\frac{\\partial a_i}{\\partial z_j} = RIGHT$.\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("a_i(1 - a_j)", "holds"), ("a_i(1 + a_j)", "fails")]
)
def test_if_an_index_case_then_a_derivative_is_a_claim_in_that_case(right, status):
    found = _steps(CASE_THEN.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found
    assert "when i = j" in found[0][1], found


ENTRYWISE = (
    "Let $\\mathbf{h} = FUNCTION(\\mathbf{u})$ entrywise and $E = \\sum_{k=1}^{K} h_k$.\n\n"
    "$$\\frac{\\partial E}{\\partial u_j} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("function", "right", "status"),
    [
        ("\\tanh", "1 - h_j^2", "holds"),
        ("\\tanh", "1 + h_j^2", "fails"),
    ],
)
def test_tanh_of_a_bold_vector_is_read_entry_by_entry(function, right, status):
    # once read as one function of a plain u, h_j was an 'entry' of a number: ∂E/∂u_j was 0
    text = ENTRYWISE.replace("FUNCTION", function).replace("RIGHT", right)
    assert [s for s, _ in _steps(text)] == [status]


@pytest.mark.parametrize("right", ["h_j(1 - h_j)", "h_j(1 + h_j)"])
def test_sigma_of_a_bold_vector_read_as_one_number_is_not_differentiated_by_an_entry(right):
    # σ(u) of a bold u is no entry-by-entry reading here: h_j is not read, never 0
    text = ENTRYWISE.replace("FUNCTION", "\\sigma").replace("RIGHT", right)
    found = _steps(text)
    assert [s for s, _ in found] == ["not checked"], found
    assert "defined without an index" in found[0][1], found


def test_entries_of_a_name_defined_without_an_index_are_not_differentiated():
    # ℓ_n of a loss ℓ defined for one example: its derivative by z_n is not read (was 0: a flag)
    text = (
        "Writing $\\hat{y} = \\sigma(z)$,\n\n"
        "$$\\ell = -\\left[ y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y}) \\right]$$\n\n"
        "and with the mean, $J = \\frac{1}{N}\\sum_{n=1}^{N} \\ell_n$, each logit gets\n\n"
        "$$\\frac{\\partial J}{\\partial z_n} = \\frac{1}{N}\\left(\\sigma(z_n) - y_n\\right)$$\n"
    )
    found = _steps(text)
    assert [s for s, _ in found] == ["not checked"], found


INTERTEXT_CASES = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Let $s_i = \\frac{e^{a_i}}{\\sum_{k=1}^{K} e^{a_k}}$ and $Z = \\sum_{k=1}^{K} e^{a_k}$.\n"
    "\\begin{align*}\n\\intertext{When $i = j$,}\n"
    "\\frac{\\partial s_i}{\\partial a_j} &= \\frac{e^{a_i}Z - e^{a_i}e^{a_j}}{Z^2} = s_i(1 - s_j),"
    " \\\\\n\\intertext{and if $i \\neq j$ the first term vanishes:}\n"
    "\\frac{\\partial s_i}{\\partial a_j} &= \\frac{-e^{a_i}e^{a_j}}{Z^2} = RIGHT.\n"
    "\\end{align*}\n\\end{document}\n"
)


@pytest.mark.parametrize(("right", "last"), [("-s_i s_j", "holds"), ("s_i s_j", "fails")])
def test_an_index_case_said_in_intertext_holds_for_the_rows_after_it(right, last):
    found = _steps(INTERTEXT_CASES.replace("RIGHT", right))
    assert [s for s, _ in found] == ["holds", "holds", "holds", last], found
    assert [w.split(":")[0].split(" when ")[-1] for _, w in found] == ["i = j"] * 2 + ["i ≠ j"] * 2


@pytest.mark.parametrize(
    ("announce", "status"),
    [
        ("We follow one running example throughout: $T = 1$.", "not checked"),
        ("We assume throughout that the targets sum to one.", "fails"),
    ],
)
def test_only_the_paragraph_that_announces_a_running_example_gives_its_values(announce, status):
    # "the same code path as $T = 1$" said pages later is a comparison, not the example's value
    text = (
        f"{announce}\n\nThe kernel is the same code path as $T = 1$ with an extra scale.\n\n"
        "$$T^2 \\cdot \\frac{1}{T}(p_j - y_j) = \\frac{p_j - y_j}{T}$$\n"
    )
    found = _steps(text)
    assert [s for s, _ in found] == [status], found


D_INDEX = (
    "Let $q_k = e^{o_k}/\\sum_m e^{o_m}$ and $L = -\\log q_y$.\n\n"
    "$$\\frac{\\partial L}{\\partial o_d} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("q_d - \\delta_{dy}", "holds"), ("q_d + \\delta_{dy}", "holds only")]
)
def test_the_index_letter_d_after_an_underscore_is_no_differential(right, status):
    found = _steps(D_INDEX.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


BATCH_OF_N = (
    "For a batch of $N$ examples and $C$ classes, let "
    "$p_{nc} = \\frac{e^{z_{nc}}}{\\sum_{k=1}^{C} e^{z_{nk}}}$ and\n\n"
    "$$L = -\\frac{1}{N}\\sum_{n=1}^{N}\\sum_{c=1}^{C} t_{nc}\\log p_{nc}$$\n\n"
    "where each row $t_n$ is one-hot. Then\n\n"
    "$$\\sum_{c=1}^{C} p_{nc} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("1", "holds"), ("\\frac{N}{C}", "not checked"), ("\\frac{1}{N}", "not checked")],
)
def test_a_batch_count_n_is_not_the_number_of_classes(right, status):
    # C counts the classes (read as symsoft's N); the text's N counts examples: N/C held before
    # (a step with the text's N is not read: it was taken as the classes' count, 1/N held too)
    found = _steps(BATCH_OF_N.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found
    assert status == "holds" or "the text's N" in found[-1][1], found


TWO_ARGUMENT_LOSS = (
    "Let $\\sigma(x) = \\frac{1}{1 + e^{-x}}$. The loss is\n\n"
    "$$\\ell(x, y) = -\\Big[y \\log \\sigma(x) "
    "+ (1 - y) \\log\\big(1 - \\sigma(x)\\big)\\Big].$$\n\n"
    "so\n\n$$\\frac{\\partial \\ell}{\\partial x} = RIGHT .$$\n\n"
    "For a batch, $L = \\frac{1}{N}\\sum_{n} \\ell(x_n, y_n)$ with mean reduction.\n"
)


@pytest.mark.parametrize(
    ("right", "status"), [("\\sigma(x) - y", "holds"), ("y - \\sigma(x)", "fails")]
)
def test_a_loss_of_two_parameters_named_on_the_left_is_a_definition(right, status):
    # \ell(x, y) = … beside a plain L: a definition of ℓ, never a step judged with ℓ free
    found = _steps(TWO_ARGUMENT_LOSS.replace("RIGHT", right))
    assert [s for s, _ in found] == [status], found


SMOOTHED_TARGETS = (
    "Label smoothing replaces the one-hot target $\\mathbf{y}$ by "
    "$q_k = (1 - \\varepsilon)\\, y_k + \\frac{\\varepsilon}{K}$ over the $K$ classes.\n\n"
    "Since $\\mathbf{y}$ is one-hot we have $\\sum_k y_k = 1$, and the smoothed target "
    "sums to one:\n\n"
    "$$\\sum_{k=1}^{K} q_k = (1-\\varepsilon)\\sum_{k=1}^{K} y_k + \\varepsilon = RIGHT .$$\n\n"
    "With $p_k = e^{z_k} / \\sum_j e^{z_j}$ the loss is "
    "$\\mathcal{L} = -\\sum_{k} q_k \\log p_k$.\n\n"
    "The loss is minimised when $\\mathbf{p} = \\mathbf{q}$.\n"
)


@pytest.mark.parametrize(("right", "status"), [("1", "holds"), ("1 - \\varepsilon", "fails")])
def test_targets_made_from_one_hot_labels_keep_the_labels_hypothesis(right, status):
    # q weighs the logarithms, but q is made from y: what the text says of y still holds
    found = _steps(SMOOTHED_TARGETS.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found


@pytest.mark.parametrize(
    ("right", "status"), [("p_k(1 - p_k)", "holds"), ("p_k(1 + p_k)", "fails")]
)
def test_a_mathjax_configuration_script_is_no_mathematics(tmp_path, right, status):
    text = (
        "<html><head>\n<script>\n  window.MathJax = { tex: { inlineMath: [['\\\\(', '\\\\)']], "
        "displayMath: [['\\\\[', '\\\\]'], ['$$', '$$']] } };\n</script>\n</head><body>\n"
        "<p>Let \\(p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}\\).</p>\n"
        f"\\[ \\frac{{\\partial p_k}}{{\\partial z_k}} = {right} \\]\n</body></html>\n"
    )
    page = tmp_path / "page.html"
    page.write_text(text, encoding="utf-8")
    found = check_document(page).steps
    assert [r.status for r in found] == [status], found


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\frac{1}{N}(\\sigma(x_n) - y_n)", "holds"),
        ("0", "fails"),
        ("\\frac{\\partial L}{\\partial y_n}", "fails"),
        ("(\\sigma(x_n) - y_n)", "fails"),
    ],
)
def test_a_two_argument_loss_at_other_arguments_is_not_read_as_itself(right, status):
    # \ell(x_n, y_n) beside \ell(x, y) = …: never the value at x, y (its derivative by x_n 0);
    # since session 75 the value at x_n, y_n (meaning/other_arguments.py)
    text = (
        "Let $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ and\n\n"
        "$$\\ell(x, y) = -\\left[y \\log \\sigma(x) + (1 - y) \\log(1 - \\sigma(x))\\right]$$\n\n"
        "$$L = \\frac{1}{N}\\sum_{n=1}^{N} \\ell(x_n, y_n)$$\n\n"
        f"$$\\frac{{\\partial L}}{{\\partial x_n}} = {right}$$\n"
    )
    assert [s for s, _ in _steps(text)][-1] == status, _steps(text)


INTERTEXT_MENTION = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\\begin{align*}\n"
    "\\intertext{Unlike the case $i = j$ treated above, here the first term vanishes:}\n"
    "\\frac{\\partial p_i}{\\partial z_j} &= RIGHT\n\\end{align*}\n\\end{document}\n"
)


@pytest.mark.parametrize("right", ["-p_i p_j", "p_i(1 - p_j)"])
def test_a_case_only_mentioned_in_intertext_is_no_case_of_the_rows(right):
    # "Unlike the case $i = j$ …" names no case of the rows: never "holds when i = j"
    # (the rows are judged for every i and j, as before the session)
    found = _steps(INTERTEXT_MENTION.replace("RIGHT", right))
    assert found[0][0] != "holds" and found[0][1].startswith("holds only"), found


@pytest.mark.parametrize(
    "values",
    [
        "Take $x = 2$, $w = 1$ and $y = 1$; we keep these values throughout the post.\n\n",
        "We follow a single running example through the whole post. Its values are:\n\n"
        "- $x = 2$\n- $w = 1$\n- $y = 1$\n\n",
    ],
)
def test_running_example_values_before_the_word_or_in_the_list_after_it(values):
    text = (
        values + "With $\\hat{y} = \\sigma(w x)$ and $L = \\frac{1}{2}(\\hat{y} - y)^2$,\n\n"
        "$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y)\\hat{y}(1 - \\hat{y})x "
        "= 2(\\sigma(2) - 1)\\sigma(2)(1 - \\sigma(2))$$\n"
    )
    found = _steps(text)  # (the second step holds exactly at the example's values)
    assert [s for s, _ in found] == ["holds", "holds"], found
    assert "example (w = 1, x = 2, y = 1)" in found[1][1], found


def test_a_step_wrong_at_the_running_examples_values_is_still_flagged():
    text = (
        "Take $x = 2$, $w = 1$ and $y = 1$; we keep these values throughout the post.\n\n"
        "With $\\hat{y} = \\sigma(w x)$ and $L = \\frac{1}{2}(\\hat{y} - y)^2$,\n\n"
        "$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y)\\hat{y}(1 - \\hat{y})x "
        "= 2(\\sigma(2) + 1)\\sigma(2)(1 - \\sigma(2))$$\n"
    )
    found = _steps(text)
    assert found[0][0] == "holds" and found[1][0] == "fails", found


@pytest.mark.parametrize(("right", "status"), [("\\exp(a_j)", "holds"), ("-\\exp(a_j)", "fails")])
def test_a_claim_after_a_definition_that_leads_its_sentence(right, status):
    text = f"Let $Z = \\sum_i \\exp(a_i)$, so that $\\partial Z / \\partial a_j = {right}$.\n"
    assert [s for s, _ in _steps(text)] == [status]


def test_an_index_case_leading_the_sentence_is_no_definition_before_a_claim():
    text = "Let $i = j$, so that $\\partial Z / \\partial a_j = -\\exp(a_j)$.\n"
    assert _steps(text) == []


NESTED_PRODUCT = (
    "For $K$ classes, $$p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$$\n\n"
    "$$\\prod_{n=1}^{3} \\prod_{k=1}^{K} p_k^{y_k} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\prod_{k=1}^{K} p_k^{3 y_k}", "holds"), ("\\prod_{k=1}^{K} p_k^{y_k}", "fails")],
)
def test_a_product_of_a_product_that_does_not_use_its_index_is_its_power(right, status):
    # ∏_{n=1}^{3} ∏_k X is X^3: it was read as (∏_n 1)(∏_k X), so X^3 = X held
    assert [s for s, _ in _steps(NESTED_PRODUCT.replace("RIGHT", right))] == [status]


@pytest.mark.parametrize("lead", ["Both cases fit in one line,", "Combining the two cases,"])
@pytest.mark.parametrize(
    ("right", "status"),
    [("s_i(\\delta_{ij} - s_j)", "holds"), ("s_i(\\delta_{ij} + s_j)", "fails")],
)
def test_the_cases_put_together_in_a_sentence_are_a_claim(lead, right, status):
    text = (
        "Let $s_i = e^{a_i}/\\sum_k e^{a_k}$. "
        f"{lead} $\\partial s_i/\\partial a_j = {right}$.\n"
    )
    assert [s for s, _ in _steps(text)] == [status]
