"""Session 34: what the fourth red team of round 33 found. Each reading that proves a step has a
wrong twin that is refuted (or, where the reading only withholds a flag, a twin outside its
premise that is still flagged)."""

from __future__ import annotations

import pytest

from symsoft.reading.meaning.own_lse import defines_softmax_otherwise
from tests.steps import judged as _steps

BLOCK = (
    "Let $\\mathbf{p} = \\mathrm{softmax}(\\mathbf{z})$ with $\\mathbf{z} \\in \\mathbb{R}^K$ and "
    "$K \\geq 3$ classes. The top-left $2 \\times 2$ block of the Jacobian is\n\n"
    "$$\\begin{pmatrix} \\frac{\\partial p_1}{\\partial z_1} & \\frac{\\partial p_1}{\\partial z_2}"
    " \\\\ \\frac{\\partial p_2}{\\partial z_1} & \\frac{\\partial p_2}{\\partial z_2} "
    "\\end{pmatrix} = \\begin{pmatrix} RIGHT \\end{pmatrix}$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        # the block of any K: holds at N = 2 and as a block at N = 3
        ("p_1 (1 - p_1) & -p_1 p_2 \\\\ -p_2 p_1 & p_2 (1 - p_2)", "holds"),
        # p_1 (1 - p_1) = p_1 p_2 only when p_1 + p_2 = 1: the whole Jacobian at N = 2, not a
        # block of a larger one; the text says K ≥ 3, which no reading of words decides
        ("p_1 p_2 & -p_1 p_2 \\\\ -p_1 p_2 & p_1 p_2", "unknown"),
        # a sign slip off the diagonal: wrong at every size
        ("p_1 (1 - p_1) & p_1 p_2 \\\\ -p_2 p_1 & p_2 (1 - p_2)", "fails"),
        # a dropped delta: wrong at every size
        ("-p_1 p_1 & -p_1 p_2 \\\\ -p_2 p_1 & -p_2 p_2", "fails"),
    ],
)
def test_two_written_out_matrices_may_be_a_block_of_a_larger_one(right, status):
    ((found, summary),) = _steps(BLOCK.replace("RIGHT", right))
    assert found == status, summary
    if status == "holds":
        assert "N = 3 (a block of it)" in summary
    if status == "unknown":
        assert "at N = 2 (the whole Jacobian) it holds" in summary
        assert "at N = 3 (a block of a larger one) it fails" in summary
    if status == "fails":
        assert "entry (1, 2)" in summary or "entry (1, 1)" in summary


def test_a_whole_jacobian_written_beside_a_matrix_is_judged_at_its_size():
    # \frac{\partial \mathbf{p}}{\partial \mathbf{z}} is the whole Jacobian: a 2×2 matrix says
    # N = 2 in the step itself, and the binary Jacobian holds there
    text = (
        "Let $\\mathbf{p} = \\mathrm{softmax}(\\mathbf{z})$.\n\n$$\\frac{\\partial \\mathbf{p}}"
        "{\\partial \\mathbf{z}} = \\begin{pmatrix} p_1 p_2 & -p_1 p_2 \\\\ -p_1 p_2 & SIGN "
        "\\end{pmatrix}$$\n"
    )
    ((found, summary),) = _steps(text.replace("SIGN", "p_1 p_2"))
    assert found == "holds" and "N = 2" in summary and "block" not in summary
    ((found, _),) = _steps(text.replace("SIGN", "-p_1 p_2"))
    assert found == "fails"


TEMPERATURE = (
    "Throughout, the softmax has temperature $T = 2$:\n\n"
    "$$\\text{softmax}(z)_i = \\frac{e^{z_i/2}}{\\sum_k e^{z_k/2}}$$\n\n"
    "Let $m = \\max_k z_k$. Subtracting the maximum does not change it:\n\n"
    "$$\\text{softmax}(z)_i = SHIFTED$$\n"
)


@pytest.mark.parametrize(
    "shifted",
    [
        "\\frac{e^{\\frac{z_i - m}{2}}}{\\sum_k e^{\\frac{z_k - m}{2}}}",  # right for T = 2
        "\\frac{e^{z_i - m}}{\\sum_k e^{z_k - m}}",  # right for T = 1 only
    ],
)
def test_a_text_with_its_own_softmax_is_not_judged_by_the_convention(shifted):
    # the text's softmax has a temperature: neither its definition nor the shift is judged as
    # the plain softmax (both were flagged); symsoft does not read the text's own softmax yet,
    # so both are "not checked", never a verdict under a meaning the author did not give
    steps = _steps(TEMPERATURE.replace("SHIFTED", shifted))
    assert [found for found, _ in steps] == ["not checked", "not checked"], steps
    assert all("defines its own" in summary for _, summary in steps)


def test_the_plain_softmax_is_still_judged_where_the_text_defines_it_so():
    standard = TEMPERATURE.replace("temperature $T = 2$", "no temperature").replace("/2}", "}")
    steps = _steps(standard.replace("SHIFTED", "\\frac{e^{z_i - m}}{\\sum_k e^{z_k - m}}"))
    assert steps[-1][0] == "holds", steps
    steps = _steps(standard.replace("SHIFTED", "\\frac{e^{z_i - m}}{\\sum_k e^{z_k + m}}"))
    assert steps[-1][0] == "fails", steps


@pytest.mark.parametrize(
    ("definition", "own"),
    [
        ("$$\\text{softmax}(z)_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$$", True),
        ("$$\\mathrm{softmax}(\\mathbf{z})_j = \\frac{e^{-z_j}}{\\sum_k e^{-z_k}}$$", True),
        ("$\\operatorname{softmax}(x)_{i} := \\frac{e^{2 x_i}}{\\sum_k e^{2 x_k}}$", True),
        ("$$\\text{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$", False),
        # an index slip: the free index is not the entry's, a wrong softmax, judged as one
        ("$$\\text{softmax}(z)_i = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$", False),
        # any other value is the text's own (a definition is no claim): a null class, a sign
        ("$$\\text{softmax}(z)_i = \\frac{e^{z_i}}{1 + \\sum_k e^{z_k}}$$", True),
        ("$$\\text{softmax}(z)_i = \\frac{e^{-z_i}}{\\sum_k e^{z_k}}$$", True),
    ],
)
def test_which_texts_define_their_own_softmax(definition, own):
    assert defines_softmax_otherwise("The model uses\n\n" + definition + "\n") is own


def test_an_index_slip_in_the_softmax_definition_is_read_as_the_softmax():
    # the slip keeps the convention: the step is judged as the softmax (not "its own"); z free
    # in a definition leaves it unchecked, as before
    text = "The softmax is\n\n$$\\text{softmax}(z)_i = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n"
    ((found, summary),) = _steps(text)
    assert "defines its own" not in summary and "z is not defined" in summary
    right = text.replace("z_j", "z_i")
    assert _steps(right) == [("holds", "holds")]


LSE = (
    "We use the sharpened log-sum-exp\n\n$$\\text{LSE}(x) = \\frac{1}{2} \\log \\sum_k e^{2 x_k}$$"
    "\n\nLet $m = \\max_k x_k$. Then\n\n$$\\text{LSE}(x) = SHIFTED$$\n"
)


def test_a_text_with_its_own_lse_is_not_judged_by_the_max_shift_convention():
    right = "m + \\frac{1}{2}\\log \\sum_k e^{2(x_k - m)}"
    steps = _steps(LSE.replace("SHIFTED", right))
    assert [found for found, _ in steps] == ["not checked", "not checked"], steps
    # with the conventional lse the same shift written for it holds, and a slip fails
    plain = LSE.replace("\\frac{1}{2} \\log \\sum_k e^{2 x_k}", "\\log \\sum_k e^{x_k}")
    assert _steps(plain.replace("SHIFTED", "m + \\log \\sum_k e^{x_k - m}"))[-1][0] == "holds"
    assert _steps(plain.replace("SHIFTED", "m + \\log \\sum_k e^{x_k + m}"))[-1][0] == "fails"


QUOTIENT = "Let $f(x) = \\frac{g(x)}{h(x)}$ where $g(x) = G$ and $h(x) = 1 + e^{-x}$.\n\n$$STEP$$\n"


@pytest.mark.parametrize(
    ("numerator", "step", "status"),
    [
        # f is g / h with g and h the text's own functions: every step is about x / (1 + e^{-x})
        ("x", "f'(x) = \\frac{g'(x)h(x) - g(x)h'(x)}{h(x)^2}", "holds"),
        ("x", "f'(x) = \\frac{g'(x)h(x) + g(x)h'(x)}{h(x)^2}", "fails"),
        ("x", "f'(x) = \\frac{1 + e^{-x} + x e^{-x}}{(1 + e^{-x})^2}", "holds"),
        ("x", "f'(x) = \\frac{1 + e^{-x} - x e^{-x}}{(1 + e^{-x})^2}", "fails"),
        ("x", "f(x) = \\frac{x}{1 + e^{-x}}", "holds"),
        ("x", "f(x) = \\frac{x}{1 - e^{-x}}", "fails"),
        # g(x) = 1 listed with h(x), a function of x: a constant function (the sigmoid's
        # quotient rule), g'(x) = 0
        ("1", "f'(x) = -\\frac{h'(x)}{h(x)^2}", "holds"),
        ("1", "f'(x) = \\frac{h'(x)}{h(x)^2}", "fails"),
        ("1", "f'(x) = \\frac{e^{-x}}{(1 + e^{-x})^2}", "holds"),
        ("1", "f'(x) = -\\frac{e^{-x}}{(1 + e^{-x})^2}", "fails"),
        ("1", "f'(x) = f(x)(1 - f(x))", "holds"),
        ("1", "f'(x) = f(x)(1 + f(x))", "fails"),
    ],
)
def test_functions_defined_together_are_one_function(numerator, step, status):
    steps = _steps(QUOTIENT.replace("G", numerator).replace("STEP", step))
    assert steps[-1][0] == status, steps


@pytest.mark.parametrize(
    "lead",
    [
        "At $x = 0$, $g(x) = 1$ and $h(x) = 1 + e^{-x}$.",  # values at a point
        "Let $g(x) = 1$. Let $h(x) = 1 + e^{-x}$.",  # alone: a constant function, or a value?
        "Here $g(x) = 1$ at $x = 0$ and $h(x) = 1 + e^{-x}$.",  # a value at a point, after it
    ],
)
def test_a_constant_not_listed_with_a_function_stays_ambiguous(lead):
    # with f = g / h, a step that fails only because g is free is ambiguous, never flagged
    text = "Let $f(x) = \\frac{g(x)}{h(x)}$. " + lead + "\n\n$$f'(x) = -\\frac{h'(x)}{h(x)^2}$$\n"
    ((found, summary),) = _steps(text)
    assert found == "not checked" and "ambiguous" in summary, summary


TWO = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ LEAD.\n\n$$STEP$$\n"
BINARY = "-y_1 \\log p_1 - y_2 \\log p_2 = -y_1 \\log p_1 - (1 - y_1)\\log(1 - p_1)"


@pytest.mark.parametrize(
    "lead",
    [
        "with one-hot labels",  # the labels are one-hot, not p
        "for two classes, with one-hot labels",
        "for two classes, with $y_1 + y_2 = 1$",  # the total written out
    ],
)
def test_a_step_true_at_two_classes_with_the_stated_labels_is_not_flagged(lead):
    # true at N = 2 with y_1 + y_2 = 1 (p_2 = 1 - p_1), false at N = 3: undecided or
    # ambiguous, never a flag resting on labels the text rules out or a size it may mean
    ((found, summary),) = _steps(TWO.replace("LEAD", lead).replace("STEP", BINARY))
    assert found in ("unknown", "not checked"), summary


def test_its_wrong_twin_is_flagged():
    # the sign of the first term on the right flipped: wrong at N = 2 with one-hot labels too
    wrong = BINARY.replace("= -y_1", "= y_1")
    ((found, summary),) = _steps(TWO.replace("LEAD", "with one-hot labels").replace("STEP", wrong))
    assert found == "fails", summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        # true at N = 2 only; a logarithm of it is not proved at N = 2 by the exact prover, but
        # it is not refuted there either: never flagged on a failure at N = 3
        ("\\log(1 - p_1) = \\log p_2", "unknown"),
        ("\\log p_1 + \\log p_2 = \\log p_1 + \\log(1 - p_1)", "unknown"),
        # wrong at N = 2 too
        ("\\log(1 - p_1) = \\log p_1", "fails"),
        ("\\log(1 + p_1) = \\log p_2", "fails"),
    ],
)
def test_a_step_not_refuted_at_the_largest_index_written_is_undecided(step, status):
    text = TWO.replace("LEAD", "with $N = 2$ classes").replace("STEP", step)
    ((found, summary),) = _steps(text)
    assert found == status, summary


SPANISH = (
    "Sea $a_i = \\frac{e^{z_i}}{S}$ con $S = \\sum_{k=1}^{n} e^{z_k}$.\n\n"
    "Aplicamos la regla del cociente, considerando que la derivada del denominador respecto a "
    "$z_j$ es $CLAIM$, y seguimos.\n"
)


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        # one derivative said in a sentence, worked out on the right: a claim, judged
        ("\\frac{\\partial S}{\\partial z_j} = e^{z_j}", "holds"),
        # its wrong twin is judged too, but a flag inside a sentence is withheld (the words
        # around it may state a hypothesis not read): never "holds"
        ("\\frac{\\partial S}{\\partial z_j} = -e^{z_j}", "not checked"),
    ],
)
def test_one_derivative_said_in_a_sentence_is_judged(claim, status):
    steps = _steps(SPANISH.replace("CLAIM", claim))
    assert steps[-1][0] == status, steps


@pytest.mark.parametrize(
    "sentence",
    [
        # a derivative named, not worked out: a definition of δ_i, no claim
        "We write $\\frac{\\partial L}{\\partial z_i} = \\delta_i$ from now on.",
        # a case in words before it, and no word that asserts it: not a claim of its own
        "If $i = j$, perhaps $\\frac{\\partial a_i}{\\partial z_j} = a_i(1 - a_j)$.",
        # one equation that is no derivative: a definition, perhaps
        "Here $S = \\sum_k e^{z_k}$ is the sum.",
    ],
)
def test_other_single_equations_in_sentences_are_not_steps(sentence):
    text = (
        "Let $a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\log a_1$.\n\n" + sentence + "\n"
    )
    assert [found for found, _ in _steps(text) if found != "hypothesis"] == []


HYPOTHESIS_TAIL = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = -y_i(1-p_i)+\\sum_{k\\neq i}y_k p_i = RIGHT TAIL$$\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        "\\quad \\text{when } \\sum_k y_k = 1",
        "\\quad \\text{if } \\sum_k y_k = 1",
        "\\quad{when}\\sum_{y_k}=1",  # a Chinese note's spelling (codecogs image titles)
    ],
)
def test_a_hypothesis_written_after_the_step_is_stated(tail):
    steps = _steps(HYPOTHESIS_TAIL.replace("RIGHT", "p_i - y_i").replace("TAIL", tail))
    assert ("holds", "holds given Σ_j y_j = 1") in steps, steps
    # the wrong twin (the sign of the result flipped) is flagged under the hypothesis
    steps = _steps(HYPOTHESIS_TAIL.replace("RIGHT", "y_i - p_i").replace("TAIL", tail))
    assert any(found == "fails" for found, _ in steps), steps


LET_IN_DISPLAY = (
    "$$y_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}} \\qquad\\text{let } S = \\sum_k e^{a_k}.$$\n\n"
    "$$\\frac{\\partial y_i}{\\partial a_j} = \\frac{e^{a_i}}{S^2}(S\\delta_{ij} - e^{a_j})"
    " = y_i(\\delta_{ij} SIGN y_j)$$\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_a_definition_after_let_in_a_display_defines_its_name(sign, status):
    # "\qquad \text{let } S = …" in the softmax's display: S is the partition sum (the steps
    # with S were "S is written here without an index": not read)
    steps = _steps(LET_IN_DISPLAY.replace("SIGN", sign))
    assert steps[0] == ("holds", "holds"), steps
    assert steps[-1][0] == status, steps


TEACHER = (
    "The student is $p_v = \\frac{e^{z_v}}{\\sum_k e^{z_k}}$ and the teacher distribution is\n\n"
    "$$q_j = \\pi_{\\text{teacher}}(a_j \\mid s_t).$$\n\nThen\n\n$$STEP$$\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        # q's definition is not read, but it names nothing the text differentiates: q is a
        # free variable to the student's derivatives
        (
            "\\frac{\\partial}{\\partial p_v}\\left(p_v \\log \\frac{p_v}{q_v}\\right) = "
            "\\log \\frac{p_v}{q_v} + 1",
            "holds",
        ),
        # wrong for every q: the flag does not rest on q's value
        (
            "\\frac{\\partial}{\\partial p_v}\\left(p_v \\log \\frac{p_v}{q_v}\\right) = "
            "\\log \\frac{p_v}{q_v}",
            "fails",
        ),
        # true only where the q sum to one (a distribution, which its unread definition may
        # say): never flagged
        ("\\sum_v (p_v - q_v) = 0", "not checked"),
    ],
)
def test_a_name_defined_unread_by_names_no_step_differentiates_is_free(step, status):
    found, summary = _steps(TEACHER.replace("STEP", step))[-1]
    assert found == status, summary


def test_a_name_defined_unread_by_the_differentiated_names_stays_unread():
    # q_j written with z, which the text differentiates by: q may depend on z, not read
    text = TEACHER.replace("\\pi_{\\text{teacher}}(a_j \\mid s_t)", "\\pi(z_j \\mid s_t)")
    text = text.replace("STEP", "\\frac{\\partial q_v}{\\partial z_v} = 0")
    found, summary = _steps(text)[-1]
    assert found == "not checked" and "not read" in summary, summary


@pytest.mark.parametrize(
    ("right", "status"), [("e^{x}-e^{-x}", "holds"), ("e^{x}+e^{-x}", "fails")]
)
def test_a_cancelled_factor_stays_in_the_formula(right, status):
    # \cancel 2 and \cancel{2} mark the factors the author strikes out: the value is unchanged
    text = (
        "For every real $x$,\n\n"
        "$$\\frac{\\cancel 2(e^{x}-e^{-x})}{\\cancel{2}(e^{x}+e^{-x})} = "
        f"\\frac{{{right}}}{{e^{{x}}+e^{{-x}}}}$$\n"
    )
    ((found, summary),) = _steps(text)
    assert found == status, summary


def test_a_hypothesis_in_a_displays_tail_holds_for_that_display_only():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$.\n\n"
        "$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j \\quad \\text{when } "
        "\\sum_k y_k = 1$$\n\nFor general nonnegative weights $y$:\n\n"
        "$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j$$\n"
    )
    steps = _steps(text)
    assert steps[0] == ("holds", "holds given Σ_j y_j = 1"), steps
    assert steps[-1][1].startswith("uses Σ_j y_j = 1, which the document does not state"), steps


SWISH = "Let $f(x) = \\frac{g(x)}{h(x)}$ with $g(x) = G$ and $h(x) = 1 + e^{-x}$.\n\n$$STEP$$\n"
SWISH_PRIME = "f'(x) = \\frac{1 + e^{-x} SIGN x e^{-x}}{(1 + e^{-x})^2}"


@pytest.mark.parametrize(("sign", "status"), [("+", "holds"), ("-", "fails")])
def test_functions_defined_after_with_are_definitions(sign, status):
    # "with $g(x) = x$": g's value, not a special case (the step was flagged with g free)
    text = SWISH.replace("G", "x").replace("STEP", SWISH_PRIME.replace("SIGN", sign))
    assert _steps(text)[-1][0] == status


@pytest.mark.parametrize(("sign", "status"), [("+", "holds"), ("-", "fails")])
def test_functions_defined_again_in_words_are_put_into_the_function_they_make(sign, status):
    # g = 1 (the sigmoid), then "Later we take $g(x) = x$": the swish, f = g / h with the new g
    text = SWISH.replace("G", "1").replace(
        "$$STEP$$",
        "$$f'(x) = \\frac{e^{-x}}{(1 + e^{-x})^2}$$\n\nLater we take $g(x) = x$ and "
        "$h(x) = 1 + e^{-x}$.\n\n$$" + SWISH_PRIME.replace("SIGN", sign) + "$$",
    )
    steps = _steps(text)
    assert steps[0][0] == "holds" and steps[-1][0] == status, steps


def test_a_softmax_with_a_temperature_said_in_words_is_not_the_convention():
    text = (
        "In this note softmax is taken at temperature $T$, that is, each logit is divided by $T$."
        "\n\n$$\\frac{\\partial \\text{softmax}(z)_i}{\\partial z_j} = \\text{softmax}(z)_i "
        "\\left(\\delta_{ij} - \\text{softmax}(z)_j\\right)$$\n"
    )
    ((found, summary),) = _steps(text)
    assert found == "not checked" and "defines its own" in summary, summary
    # said without one, the convention stands
    plain = text.replace(
        "is taken at temperature $T$, that is, each logit is divided by $T$", "has no temperature"
    )
    assert _steps(plain) == [("holds", "holds")]


@pytest.mark.parametrize(
    ("right", "status"), [("x_d", "holds"), ("-x_d", "fails"), ("x_k", "holds only")]
)
def test_d_as_the_second_index_of_a_weight(right, status):
    # w_{kd}: row k, column d (d right after a letter in a subscript is an index, never d of a
    # differential); it was "unexpected 'd'"
    text = (
        "Since $z_k = \\sum_d w_{kd} x_d + b_k$:\n\n"
        f"$$\\frac{{\\partial z_k}}{{\\partial w_{{kd}}}} = {right}$$\n"
    )
    found, summary = _steps(text)[-1]
    assert found == status, summary


@pytest.mark.parametrize(
    "right",
    [
        # the same matrix transposed (it is symmetric), or with a zero matrix added: still two
        # matrices written out, a block of a larger one as much as the whole Jacobian
        "\\begin{pmatrix} p_1 p_2 & -p_1 p_2 \\\\ -p_1 p_2 & p_1 p_2 \\end{pmatrix}^\\top",
        "\\begin{pmatrix} p_1 p_2 & -p_1 p_2 \\\\ -p_1 p_2 & p_1 p_2 \\end{pmatrix} + "
        "\\begin{pmatrix} 0 & 0 \\\\ 0 & 0 \\end{pmatrix}",
    ],
)
def test_matrices_written_out_in_any_form_may_be_a_block(right):
    text = BLOCK.replace("\\begin{pmatrix} RIGHT \\end{pmatrix}", right)
    ((found, summary),) = _steps(text)
    assert found == "unknown", summary


def test_a_total_of_written_entries_other_than_one_states_nothing():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$, "
        "with $y_1 + y_2 = 1 - \\epsilon$.\n\n$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    )
    ((found, summary),) = _steps(text)
    assert summary.startswith("uses Σ_j y_j = 1, which the document does not state"), summary


def test_a_softmax_defined_with_colon_equals_is_the_texts_own_whatever_its_total():
    # a softmax with an extra zero logit: entries that sum to less than one, defined by :=
    text = (
        "We use $\\text{softmax}(x)_i := \\frac{e^{x_i}}{1 + \\sum_j e^{x_j}}$.\n\n"
        "$$\\text{softmax}(x)_1 = \\frac{e^{x_1}}{1 + \\sum_j e^{x_j}}$$\n"
    )
    assert defines_softmax_otherwise(text)
    assert all(found != "fails" for found, _ in _steps(text))


def test_a_vector_softmax_in_a_text_with_its_own_softmax_is_not_the_convention():
    text = TEMPERATURE.replace(
        "Let $m = \\max_k z_k$. Subtracting the maximum does not change it:\n\n"
        "$$\\text{softmax}(z)_i = SHIFTED$$",
        "Let $\\mathbf{p} = \\text{softmax}(\\mathbf{z})$.\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 - p_i)$$",
    )
    found, summary = _steps(text)[-1]
    assert found == "not checked", summary


@pytest.mark.parametrize(
    "words",
    ["the tempered softmax: its logits are divided by $T$", "a softmax sharpened by a factor"],
)
def test_a_temperature_said_in_other_words_drops_the_convention(words):
    text = (
        f"We use {words}.\n\n$$\\frac{{\\partial \\text{{softmax}}(z)_i}}{{\\partial z_j}} = "
        "\\text{softmax}(z)_i \\left(\\delta_{ij} - \\text{softmax}(z)_j\\right)$$\n"
    )
    ((found, _),) = _steps(text)
    assert found == "not checked"


@pytest.mark.parametrize(
    ("right", "status"), [("\\frac{1}{(1+x)^2}", "holds"), ("\\frac{2}{(1+x)^2}", "fails")]
)
def test_a_function_built_on_one_defined_again_takes_its_new_meaning(right, status):
    # f = g / h read with g as first given (x^2) was flagged after "Later we take $g(x) = x$"
    text = (
        "Let $g(x) = x^2$ and $h(x) = 1 + x$, and $f(x) = \\frac{g(x)}{h(x)}$.\n\n"
        "$$f'(x) = \\frac{x^2 + 2x}{(1+x)^2}$$\n\nLater we take $g(x) = x$.\n\n"
        f"$$f'(x) = {right}$$\n"
    )
    steps = _steps(text)
    assert steps[0][0] == "holds" and steps[-1][0] == status, steps


def test_a_softmax_named_in_a_sentence_before_its_own_definition_is_still_its_own():
    text = (
        "Here $\\text{softmax}(z)_i$ is the probability of class $i$. We set\n\n"
        "$$\\text{softmax}(z)_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$$\n\n"
        "$$\\frac{\\partial\\, \\text{softmax}(z)_i}{\\partial z_j} = \\text{softmax}(z)_i "
        "\\left(\\delta_{ij} - \\text{softmax}(z)_j\\right)$$\n"
    )
    assert [found for found, _ in _steps(text)] == ["not checked", "not checked"]
    # the plain softmax so defined: its Jacobian holds, and a sign slip in it fails
    plain = text.replace("/T}", "}")
    assert _steps(plain)[-1][0] == "holds"
    assert _steps(plain.replace("\\delta_{ij} -", "\\delta_{ij} +"))[-1][0] == "fails"


@pytest.mark.parametrize(("power", "status"), [("/T", "not checked"), ("", "holds")])
def test_a_softmax_defined_with_its_index_first(power, status):
    # \text{softmax}_i(z) = \frac{e^{z_i/T}}{…}: the text's own softmax, written index first
    text = (
        f"$$\\text{{softmax}}_i(z) = \\frac{{e^{{z_i{power}}}}}{{\\sum_k e^{{z_k{power}}}}}$$\n\n"
        "$$\\frac{\\partial\\, \\text{softmax}(z)_i}{\\partial z_j} = \\text{softmax}(z)_i "
        "\\left(\\delta_{ij} - \\text{softmax}(z)_j\\right)$$\n"
    )
    assert _steps(text)[-1][0] == status
