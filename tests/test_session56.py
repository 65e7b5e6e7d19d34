"""Session 56: functions of a Greek variable (``b(\\theta)``, ``\\mathcal{L}(\\beta)``), a
calligraphic loss written primed, and equations said after "then", "note that", "it follows
that". Each reading that lets a step hold has a wrong twin that is flagged."""

from __future__ import annotations

import pytest

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
    "$$\\frac{d\\mathcal{L}}{d\\beta} = LEIBNIZ$$\n\n"
    "$$\\mathcal{L}'(\\beta) = PRIMED$$\n"
)


@pytest.mark.parametrize(
    ("leibniz", "primed", "statuses"),
    [
        ("2(\\beta - y)", "-2(y - \\beta)", ["holds", "holds"]),
        ("2(y - \\beta)", "2(y - \\beta)", ["fails", "fails"]),
    ],
)
def test_a_calligraphic_loss_of_a_greek_variable_in_both_notations(leibniz, primed, statuses):
    text = CALLIGRAPHIC_OF_BETA.replace("LEIBNIZ", leibniz).replace("PRIMED", primed)
    assert [s for s, _ in _steps(text)] == statuses


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


@pytest.mark.parametrize(("right", "status"), [("1", "holds"), ("\\frac{N}{C}", "fails")])
def test_a_batch_count_n_is_not_the_number_of_classes(right, status):
    # C counts the classes (read as symsoft's N); the text's N counts examples: N/C held before
    found = _steps(BATCH_OF_N.replace("RIGHT", right))
    assert [s for s, _ in found][-1] == status, found
