"""Session 36: readings of real posts met in rounds 35 to 36b. Each reading that proves a step
has a wrong twin that is refuted (or, where the reading only withholds a flag, a twin outside its
premise that is still flagged)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.called_quantities import blank_called_quantities
from symsoft.reading.documents.spans import Text
from symsoft.reading.notation.sample_vectors import sample_letters
from tests.steps import judged as _steps

NLL = (
    "Let $\\mathcal{L}$ be the negative log-likelihood of logistic regression:\n\n"
    "$$\\mathcal{L} = -\\sum_{i=1}^{n} \\left[ y_i \\log \\sigma(\\mathbf{w}^T \\mathbf{x}_i)"
    " + (1 - y_i) \\log(1 - \\sigma(\\mathbf{w}^T \\mathbf{x}_i)) \\right]$$\n\n"
    "where $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and $\\mathbf{x}_i$ is the feature vector of "
    "sample $i$.\n\n$$\\nabla_{\\mathbf{w}} \\mathcal{L} = RIGHT$$\n"
)


def test_a_transposed_vector_times_a_bold_letter_with_an_index_makes_it_a_sample_vector():
    # σ(w^T x_i) inside a loss: as a number w^T x_i is a dot product, x_i the i-th sample
    assert sample_letters(NLL) == {"x"}
    powers = "$\\mathbf{w}^T \\mathbf{x}_i^2$ and $\\mathbf{w}^T \\mathbf{x}_{ij}$"
    assert sample_letters(powers) == set()  # a square or two indices: no sample vector
    right = "\\sum_{i=1}^{n} (\\sigma(\\mathbf{w}^T \\mathbf{x}_i) - y_i) \\mathbf{x}_i"
    assert _steps(NLL.replace("RIGHT", right))[0][0] == "holds"
    # the sign slip of the residual is refuted at a named entry
    wrong = "\\sum_{i=1}^{n} (y_i - \\sigma(\\mathbf{w}^T \\mathbf{x}_i)) \\mathbf{x}_i"
    ((status, summary),) = _steps(NLL.replace("RIGHT", wrong))
    assert status == "fails", summary
    # an extra factor σ(1 - σ) (the sigmoid's derivative kept) is refuted too
    extra = (
        "\\sum_{i=1}^{n} \\sigma(\\mathbf{w}^T \\mathbf{x}_i)(1 - \\sigma(\\mathbf{w}^T "
        "\\mathbf{x}_i))(\\sigma(\\mathbf{w}^T \\mathbf{x}_i) - y_i) \\mathbf{x}_i"
    )
    assert _steps(NLL.replace("RIGHT", extra))[0][0] == "fails"


SUBSTITUTED = (
    "$$p_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}$$\n\n"
    "$$L = -\\sum_{i=1}^{n} y_i \\log \\hat{y}_i$$\n\n"
    "where $\\hat{y}_i$ is the predicted probability.\n\n"
    "$$L = -\\sum_{i=1}^{n} y_i \\log \\hat{y}_i = RIGHT$$\n"
)


def test_a_prediction_put_in_for_its_name_is_not_refuted_as_a_free_variable():
    # ŷ never defined: the step puts its meaning in (the softmax); it fails only if ŷ is free
    softmax = "-\\sum_{i=1}^{n} y_i \\log \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}"
    (_, (status, summary)) = _steps(SUBSTITUTED.replace("RIGHT", softmax))
    assert status == "not checked" and "yhat is a free variable" in summary
    # a slip that keeps ŷ on both sides is wrong whatever ŷ means
    (_, (status, _)) = _steps(SUBSTITUTED.replace("RIGHT", "\\sum_{i=1}^{n} y_i \\log \\hat{y}_i"))
    assert status == "fails"


PRIMED = (
    "First, the reciprocal rule.\n\n"
    "$$s’(x) = \\frac{d}{dx} \\left( \\frac{1}{e^{-x}+1} \\right) = "
    "\\frac{e^{-x}}{(e^{-x}+1)^2}$$\n\nSo\n\n$$s’(x) = RIGHT$$\n"
)


def test_a_primed_function_opening_a_chain_is_the_derivative_of_its_operand():
    assert _steps(PRIMED.replace("RIGHT", "s(x)(1 - s(x))")) == [
        ("holds", "holds"),
        ("holds", "holds"),
    ]
    (_, (status, _)) = _steps(PRIMED.replace("RIGHT", "s(x)(1 + s(x))"))
    assert status == "fails"
    (_, (status, _)) = _steps(PRIMED.replace("RIGHT", "s(x)(s(x) - 1)"))
    assert status == "fails"


def test_a_primed_function_the_text_writes_otherwise_is_not_defined_by_its_operand():
    # s alone in a sentence: s may mean something else, the chain's first step is not read
    text = PRIMED.replace("First,", "Here $s$ is the score. First,")
    steps = check_document(text.replace("RIGHT", "s(x)(1 - s(x))")).steps
    assert [s.status for s in steps] == ["not checked", "holds", "not checked"]
    # s defined as the identity: the first step is judged under that meaning, and is wrong
    text = PRIMED.replace("First,", "Note $s(t) = t$. First,")
    steps = check_document(text.replace("RIGHT", "s(x)(1 - s(x))")).steps
    assert [s.status for s in steps][-3:] == ["fails", "holds", "fails"]


RULE = "By the quotient rule $\\left(\\frac{f}{g}\\right)' = RIGHT$ we get the derivative.\n"


def test_a_rule_stated_inline_in_a_sentence_is_a_step():
    assert _steps(RULE.replace("RIGHT", "\\frac{f'g - fg'}{g^2}")) == [("holds", "holds")]
    # the wrong-signed quotient rule of the post behind this project is refuted
    ((status, _),) = _steps(RULE.replace("RIGHT", "\\frac{f'g + fg'}{g^2}"))
    assert status == "fails"
    ((status, _),) = _steps(RULE.replace("RIGHT", "\\frac{fg' - f'g}{g^2}"))
    assert status == "fails"
    # the product rule, written (uv)'
    product = "Recall $(uv)' = RIGHT$ from calculus.\n"
    assert _steps(product.replace("RIGHT", "u'v + uv'")) == [("holds", "holds")]
    ((status, _),) = _steps(product.replace("RIGHT", "u'v - uv'"))
    assert status == "fails"
    # one product on the right may be a transpose's rule, (uv)' = v'u': no step
    assert _steps(product.replace("RIGHT", "v'u'")) == []


def test_a_rule_in_a_sentence_that_disowns_it_is_no_step():
    text = "A common mistake is to write $(f/g)' = \\frac{f'g + fg'}{g^2}$ here.\n"
    assert _steps(text) == []
    # a rule with a third letter on the right is not a rule of the two functions
    assert _steps("Thus $(f/g)' = \\frac{f'g - fg'}{h^2}$ holds.\n") == []


WRAPPED = (
    "Let's denote the sigmoid as follows.\n"
    "$\\sigma(x)=\\frac{1}{1+e^{-x}}$\n"
    "$\\frac{1}{1+e^{-x}}=\n\\frac{1}{1+e^{-x}} \\frac{e^{x}}{e^{x}}\n=RIGHT\n$\n"
    "So we are multiplying by one.\n"
)


def test_inline_math_over_several_lines_closed_alone_is_one_formula():
    # σ's convention restated, then the two steps of the formula over four lines
    steps = _steps(WRAPPED.replace("RIGHT", "\\frac{e^{x}}{e^{x}+1}"))
    assert steps == [("holds", "holds")] * 3
    steps = _steps(WRAPPED.replace("RIGHT", "\\frac{e^{x}}{e^{x}-1}"))
    assert steps[-1][0] == "fails"


def test_dollars_over_several_lines_of_a_list_or_of_code_are_no_formula():
    items = "- costs $5=\n- and \\frac{1}{2}\n- $ more\n"
    fenced = "```\necho $HOME=\nx^2\n$\n```\n"
    for text in (items, fenced):
        assert _steps(text) == []


NOTATION = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and let the labels $y$ be one-hot.\n\n"
    "$$\\mathcal{R} = -\\sum_k y_k \\log p_k$$\n\n$$STEP$$\n"
)


def test_a_calligraphic_capital_defined_or_differentiated_is_its_plain_letter():
    step = "\\frac{\\partial \\mathcal{R}}{\\partial z_i} = RIGHT"
    text = NOTATION.replace("STEP", step)
    assert _steps(text.replace("RIGHT", "p_i - y_i")) == [("holds", "holds given Σ_j y_j = 1")]
    ((status, _),) = _steps(text.replace("RIGHT", "y_i - p_i"))
    assert status == "fails"
    # a plain R beside it: two names, not read as one
    two = text.replace("one-hot.", "one-hot, and $R = 2$.").replace("RIGHT", "p_i - y_i")
    assert [status for status, _ in _steps(two)] == ["not checked", "not checked"]


def test_plain_tex_roman_groups_and_poor_mans_bold_are_read():
    for step, wrong in (
        ("\\frac{{\\rm d} p_i}{{\\rm d} z_i} = p_i(1 - p_i)", "p_i(1 + p_i)"),
        ("{\\rm softmax}(\\pmb z)_i = p_i", "p_{i+1}"),
        (
            "\\frac{\\partial \\mathcal{R}}{\\partial \\pmb z} = \\pmb p - \\pmb y",
            "\\pmb y - \\pmb p",
        ),
    ):
        ((status, _),) = _steps(NOTATION.replace("STEP", step))
        assert status == "holds"
        left = step.split(" = ")[0]
        ((status, _),) = _steps(NOTATION.replace("STEP", f"{left} = {wrong}"))
        assert status == "fails", step


MEMBERSHIP = (
    "Each label is a one-hot vector:\n\n$$y \\in SET$$\n\n"
    "$$p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}, \\qquad L = -\\sum_k y_k \\log p_k$$\n\n"
    "$$\\frac{\\partial L}{\\partial z_i} = RIGHT$$\n"
)


def test_a_membership_is_no_definition():
    # y \in {0, 1}, or the set of one-hot vectors written out: y keeps its meaning (the labels)
    for members in ("\\{0, 1\\}", "\\{(1,0,0),\\ (0,1,0),\\ (0,0,1)\\}"):
        text = MEMBERSHIP.replace("SET", members)
        *_, (status, summary) = _steps(text.replace("RIGHT", "p_i - y_i"))
        assert (status, summary) == ("holds", "holds given Σ_j y_j = 1")
        *_, (status, _) = _steps(text.replace("RIGHT", "y_i - p_i"))
        assert status == "fails"


LAYER = (
    "$$\\mathbf{o} = \\mathbf{W}\\mathbf{x} + \\mathbf{b}$$\n\n"
    "$$\\hat{y}_j = \\frac{\\exp(o_j)}{\\sum_k \\exp(o_k)}, \\qquad "
    "\\ell = \\log \\sum_k \\exp(o_k) - \\sum_j y_j o_j$$\n\n"
    "Taking the derivative with respect to $o_j$:\n\n$$\\partial_{o_j} \\ell = RIGHT$$\n"
)


def test_a_variable_defined_in_a_way_not_read_is_free_in_a_derivative_by_it():
    # o = Wx + b (a matrix product, not read): ∂l/∂o_j needs no value of o
    assert _steps(LAYER.replace("RIGHT", "\\hat{y}_j - y_j"))[-1] == ("holds", "holds")
    ((status, _),) = _steps(LAYER.replace("RIGHT", "y_j - \\hat{y}_j"))[-1:]
    assert status == "fails"
    # a step without a derivative by o (the layer in index form) is not judged with o free
    text = LAYER.replace("$$\\partial_{o_j} \\ell = RIGHT$$", "$$o_j = \\sum_k W_{jk} x_k$$")
    assert all(status != "fails" for status, _ in _steps(text))


# the red team's texts: each gave a false verdict with this session's first readings
RED_TEAM = {
    "softplus said in words": (
        "Throughout, s(x) denotes the softplus log(1+e^x).\n\n"
        "$$s'(x) = \\frac{d}{dx}\\left(\\frac{1}{1+e^{-x}}\\right) = "
        "\\frac{e^{-x}}{(1+e^{-x})^2} = s(x)(1-s(x))$$\n"
    ),
    "s redefined in words": (
        "**Exercise 1.** $$s'(x) = \\frac{d}{dx}\\left(\\frac{1}{1+e^{-x}}\\right) = "
        "\\frac{e^{-x}}{(1+e^{-x})^2}$$\n\n"
        "**Exercise 2.** Now s(x) is the cubic x^3 + 2x. Its derivative is\n\n"
        "$$s'(x) = 3x^2 + 2$$\n"
    ),
    "feature-major data": (
        "Our data matrix $X$ has one column per example: $x_{ji}$ is feature $j$ of example $i$. "
        "The loss is $L = -\\sum_{i=1}^{N} \\left[ y_i \\log \\sigma(\\mathbf{w}^T \\mathbf{x}_i) "
        "+ (1-y_i) \\log(1-\\sigma(\\mathbf{w}^T \\mathbf{x}_i)) \\right]$.\n\n"
        "$$\\frac{\\partial L}{\\partial w_j} = \\sum_{i=1}^{N} \\left(\\sigma(\\mathbf{w}^T "
        "\\mathbf{x}_i) - y_i\\right) x_{ji}$$\n"
    ),
    "two script families": (
        "Let $\\mathcal{E}(x) = x^2$ be the energy and $\\mathscr{E}(x) = \\log x$ the entropy.\n\n"
        "$$\\frac{d\\mathscr{E}}{dx} = \\frac{1}{x}$$\n\n$$\\frac{d\\mathcal{E}}{dx} = 2x$$\n"
    ),
    "a prime as transpose": (
        "In these notes a prime denotes the transpose. Recall that $(ab)' = b'a'$ and "
        "$(a + b)' = a' + b'$ for conformable matrices.\n\n$$e'e = (y - Xb)'(y - Xb)$$\n"
    ),
    "a matlab transpose": "As in MATLAB, `'` is the transpose. For columns, $(uv)' = v'u'$.\n",
}


@pytest.mark.parametrize("name", sorted(RED_TEAM))
def test_the_red_teams_texts_get_no_false_verdict(name):
    steps = _steps(RED_TEAM[name])
    assert all(status != "fails" for status, _ in steps), steps
    if name == "softplus said in words":  # s(1 - s) is false for the softplus
        assert steps[-1][0] != "holds"


KOREAN = (
    "원-핫 인코딩된 정답 레이블 $y$에 대해:\n\n$$L = -\\sum_{k=1}^{K} y_k \\log(\\hat{y}_k)$$\n\n"
    "원-핫 벡터의 특성상 정답 클래스 $c$에서만 $y_c = 1$이므로:\n\n$$L = RIGHT$$\n"
)


def test_the_correct_class_named_in_korean_makes_the_labels_one_hot_there():
    # "only at the correct class c, y_c = 1, by the one-hot property": y_k = δ_kc
    assert _steps(KOREAN.replace("RIGHT", "-\\log(\\hat{y}_c)")) == [("holds", "holds")]
    ((status, _),) = _steps(KOREAN.replace("RIGHT", "\\log(\\hat{y}_c)"))
    assert status == "fails"
    # y_c = 1 at a letter is no worked example's value: without the class named, y is free
    english = KOREAN.replace(
        "원-핫 벡터의 특성상 정답 클래스 $c$에서만 $y_c = 1$이므로:", "So $y_c = 1$:"
    )
    ((status, summary),) = _steps(english.replace("RIGHT", "-\\log(\\hat{y}_c)"))
    assert status == "not checked" and "worked example" not in summary


def test_a_bare_word_differentiated_without_a_space_is_the_word():
    text = "$$Loss = -y\\log p - (1-y)\\log(1-p)$$\n\n$$\\frac{dLoss}{dp} = RIGHT$$\n"
    assert _steps(text.replace("RIGHT", "-\\frac{y}{p} + \\frac{1-y}{1-p}")) == [("holds", "holds")]
    ((status, _),) = _steps(text.replace("RIGHT", "-\\frac{y}{p} - \\frac{1-y}{1-p}"))
    assert status == "fails"


SLASHED = (
    "Let $p_k = e^{z_k}/\\sum_j e^{z_j}$ the softmax.\n\n"
    "Compactly, $\\partial \\mathbf{p}/\\partial \\mathbf{z} = RIGHT$.\n"
)


def test_a_jacobian_written_with_a_slash_is_read_as_the_fraction():
    right = "\\mathrm{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^\\top"
    ((status, _),) = _steps(SLASHED.replace("RIGHT", right))
    assert status == "holds"
    for wrong in (
        "\\mathrm{diag}(\\mathbf{p}) + \\mathbf{p}\\mathbf{p}^\\top",
        "\\mathbf{p}\\mathbf{p}^\\top - \\mathrm{diag}(\\mathbf{p})",
    ):
        ((status, _),) = _steps(SLASHED.replace("RIGHT", wrong))
        assert status == "fails"


CASE_CHAIN = (
    "Let $p_k = e^{z_k}/\\sum_j e^{z_j}$ the softmax and $L = -\\log p_y$.\n\n"
    "$$\\frac{\\partial L}{\\partial z_k} = -\\frac{1}{p_y}\\frac{\\partial p_y}{\\partial z_k} = "
    "\\begin{cases} -\\frac{1}{p_y} \\cdot p_y(1-p_y) = FIRST & k = y \\\\ "
    "-\\frac{1}{p_y}\\cdot(-p_y p_k) = SECOND & k \\ne y \\end{cases}$$\n"
)


def test_rows_of_a_cases_block_that_go_on_are_chains_in_their_case():
    steps = _steps(CASE_CHAIN.replace("FIRST", "p_y - 1").replace("SECOND", "p_k"))
    assert [status for status, _ in steps][-4:] == ["holds"] * 4
    steps = _steps(CASE_CHAIN.replace("FIRST", "1 - p_y").replace("SECOND", "p_k"))
    assert [status for status, _ in steps][-4:] == ["holds", "fails", "holds", "holds"]
    steps = _steps(CASE_CHAIN.replace("FIRST", "p_y - 1").replace("SECOND", "-p_k"))
    assert [status for status, _ in steps][-4:] == ["holds", "holds", "holds", "fails"]


def test_a_rows_own_equation_is_reported_at_its_own_sign():
    text = CASE_CHAIN.replace("FIRST", "p_y - 1").replace("SECOND", "p_k")
    steps = check_document(text).steps
    line = text.split("\n")[2]
    signs = [s.column for s in steps if s.line == 3]
    # each row against the side before the block at the block's sign, each row's own step at its
    assert len(signs) == 5 and len(set(signs)) == 4
    assert all(line[column - 1] == "=" for column in signs)


DATA = (
    "Logistic regression with data matrix $X$ (one row per sample), labels $y_i \\in \\{0, 1\\}$ "
    "and weights $w$:\n\n$$J(w) = -\\sum_{i=1}^{m} \\left[ y_i \\log \\sigma(w^T x_i) + (1 - y_i) "
    "\\log(1 - \\sigma(w^T x_i)) \\right]$$\n\n$$\\nabla_w J = RIGHT$$\n"
)


def test_a_transposed_weight_times_a_subscripted_x_makes_a_data_matrix_model():
    # σ(w^T x_i) summed over the samples: x_i is row i of X, judged entry by entry
    ((status, summary),) = _steps(DATA.replace("RIGHT", "X^T (\\sigma(X w) - y)"))
    assert status == "holds" and "m samples, d features" in summary
    ((status, _),) = _steps(DATA.replace("RIGHT", "X^T (\\sigma(X w) + y)"))
    assert status == "fails"
    ((status, _),) = _steps(DATA.replace("RIGHT", "\\frac{1}{m} X^T (\\sigma(X w) - y)"))
    assert status == "fails"


def test_unicode_superscripts_in_plain_math_are_powers():
    text = "We need the derivative:\n\n*   `σ'(z) = RIGHT` (using chain rule)\n"
    for right, status in (
        ("e⁻ᶻ / (1 + e⁻ᶻ)²", "holds"),
        ("-1 * (1 + e⁻ᶻ)⁻² * (-e⁻ᶻ)", "holds"),
        ("e⁻ᶻ / (1 + e⁻ᶻ)³", "fails"),
        ("-1 * (1 + e⁻ᶻ)⁻² * e⁻ᶻ", "fails"),
    ):
        assert [s for s, _ in _steps(text.replace("RIGHT", right))] == [status], right


NAMED_Z = (
    "The normalization effect matters.\n\n"
    "$$a_i = \\frac{e^{s_i}}{\\sum_k e^{s_k}} = \\frac{e^{s_i}}{Z}$$\n\n"
    "$$\\frac{\\partial a_i}{\\partial s_i} = \\frac{e^{s_i} \\cdot Z - e^{s_i} \\cdot e^{s_i}}"
    "{Z^2} = RIGHT$$\n"
)


def test_a_letter_put_under_the_same_numerator_in_a_chain_names_the_denominator():
    # \frac{e^{s_i}}{\sum_k e^{s_k}} = \frac{e^{s_i}}{Z}: Z is the sum (36/37's false flags)
    steps = _steps(NAMED_Z.replace("RIGHT", "a_i(1 - a_i)"))
    assert [status for status, _ in steps] == ["holds", "holds"]
    *_, (status, _) = _steps(NAMED_Z.replace("RIGHT", "a_i(1 + a_i)"))
    assert status == "fails"


def test_words_of_normalization_do_not_state_the_default_z_over_a_defined_a():
    # Z's default is Σ_k e^{a_k}; a is the text's softmax output: no flag rests on that Z
    text = (
        "The normalization effect matters.\n\n$$a_i = \\frac{e^{s_i}}{\\sum_k e^{s_k}}$$\n\n"
        "$$\\frac{\\partial a_i}{\\partial s_i} = \\frac{e^{s_i} \\cdot Z - e^{s_i} \\cdot "
        "e^{s_i}}{Z^2}$$\n"
    )
    ((status, summary),) = _steps(text)
    assert status == "not checked" and "Z = \\sum_k e^{a_k}" in summary
    # with Z said to be the sum of the e^{s_k}, the same step holds, and a slip fails
    said = text.replace("matters.", "matters: $Z = \\sum_k e^{s_k}$.")
    assert _steps(said) == [("holds", "holds")]
    ((status, _),) = _steps(said.replace("e^{s_i} \\cdot Z -", "e^{s_i} \\cdot Z +"))
    assert status == "fails"


def test_a_log_of_an_over_fraction_and_roman_words_are_read():
    text = (
        "$${\\rm Loss} = -\\sum_i y_i \\log p_i, \\qquad p_i = {e^{o_i} \\over \\sum_k e^{o_k}}$$"
        "\n\n$${\\rm Loss} = -\\sum_i y_i \\log {e^{o_i} \\over \\sum_k e^{o_k}} = RIGHT$$\n"
    )
    right = "-\\sum_i y_i \\left(o_i - \\log \\sum_k e^{o_k}\\right)"
    assert _steps(text.replace("RIGHT", right))[-2:] == [("holds", "holds")] * 2
    wrong = "-\\sum_i y_i \\left(o_i + \\log \\sum_k e^{o_k}\\right)"
    assert _steps(text.replace("RIGHT", wrong))[-1][0] == "fails"


# the second red team's texts
RED_TEAM_2 = {
    "x_i a column of X": (
        "Logistic regression with data matrix $X$ (shape $d \\times m$; sample $x_i$ is its $i$-th "
        "column), labels $y_i \\in \\{0, 1\\}$ and weights $w$:\n\n$$J(w) = -\\sum_{i=1}^{m} "
        "\\left[ y_i \\log \\sigma(w^T x_i) + (1 - y_i) \\log(1 - \\sigma(w^T x_i)) \\right]$$"
        "\n\n$$\\nabla_w J = X^T (\\sigma(X w) - y)$$\n"
    ),
    "Z defined by equiv": (
        "Let $Z \\equiv \\sum_k s_k$.\n\n$$a_i = \\frac{e^{s_i}}{\\sum_k e^{s_k}} = "
        "\\frac{e^{s_i}}{Z}$$\n\n$$\\frac{\\partial Z}{\\partial s_i} = e^{s_i}$$\n"
    ),
    "Z said in words": (
        "Write $Z$ for the sum of the raw scores.\n\n$$a_i = \\frac{e^{s_i}}{\\sum_k e^{s_k}} = "
        "\\frac{e^{s_i}}{Z}$$\n\n$$\\frac{\\partial Z}{\\partial s_i} = e^{s_i}$$\n"
    ),
    "Z a function": (
        "Let $Z(\\beta) = 1 + \\sum_k e^{-\\beta E_k}$.\n\n$$p_i = \\frac{e^{-\\beta E_i}}{\\sum_k "
        "e^{-\\beta E_k}} = \\frac{e^{-\\beta E_i}}{Z}$$\n\n"
        "$$\\sum_i \\frac{e^{-\\beta E_i}}{Z} = 1$$\n"
    ),
    "sample superscripts": (
        "Examples are written x⁽ⁱ⁾ (not a power).\n\n*   `f(w) = (w x⁽¹⁾)²`\n"
        "*   `f'(w) = 2 w x⁽²⁾` (using chain rule)\n"
    ),
    "a positive variable": (
        "Let $\\mathbf{o} = \\exp(\\mathbf{W}\\mathbf{x} + \\mathbf{b})$, so each $o_j$ is "
        "positive.\n\n$$\\frac{\\partial \\sqrt{o_j^2}}{\\partial o_j} = 1$$\n"
    ),
}


@pytest.mark.parametrize("name", sorted(RED_TEAM_2))
def test_the_second_red_teams_texts_get_no_false_verdict(name):
    steps = _steps(RED_TEAM_2[name])
    assert all(status != "fails" for status, _ in steps), steps
    assert all(status != "holds" for status, _ in steps[-1:]), steps


CALLED = (
    "Let $h(x) = \\sigma(z)$ with $z = w x + b$.\n\n"
    "$$L = -[y \\log h(x) + (1-y) \\log(1 - h(x))]$$\n\n"
    "$$\\frac{\\partial L}{\\partial h} = RIGHT$$\n"
)


def test_a_quantity_written_as_a_call_and_differentiated_by_is_the_quantity():
    right = "-\\frac{y}{h} + \\frac{1-y}{1-h}"
    assert _steps(CALLED.replace("RIGHT", right)) == [("holds", "holds")]
    ((status, _),) = _steps(CALLED.replace("RIGHT", "-\\frac{y}{h} - \\frac{1-y}{1-h}"))
    assert status == "fails"
    # h applied at another argument too, or h'(x) written: h is a function, its calls kept
    for other in ("Note $h(t) = t$.", "And $h'(x) = h(x)(1 - h(x))$."):
        text = Text.of(CALLED.replace("$z = w x + b$.", "$z = w x + b$. " + other))
        blank_called_quantities(text)
        assert "h(x)" in text.slice(0, len(text.chars))
    text = Text.of(CALLED)
    blank_called_quantities(text)
    assert "h(x)" not in text.slice(0, len(text.chars)) and len(text.chars) == len(CALLED)


def test_a_line_of_inline_code_after_a_bold_label_is_plain_math():
    text = "*   **Derivative of the sigmoid:** `σ'(z) = RIGHT`\n"
    assert _steps(text.replace("RIGHT", "σ(z) * (1 - σ(z))")) == [("holds", "holds")]
    ((status, _),) = _steps(text.replace("RIGHT", "σ(z) * (1 + σ(z))"))
    assert status == "fails"
    assert _steps("*   **Note:** `x = 1` is not math here, but words follow it.\n") == []


def test_two_equations_apart_by_tildes_and_an_equation_number_are_read_apart():
    # "A = B ~~~~~~ C = D" (a Vietnamese post): two equations; "~~~~ (5)" an equation's number
    text = (
        "$$L = -y_1 \\log q_1 - y_2 \\log q_2$$\n\n$$\\frac{\\partial L}{\\partial q_1} = LEFT "
        "~~~~~~ \\frac{\\partial L}{\\partial q_2} = RIGHT ~~~~ (5)$$\n"
    )
    good = text.replace("LEFT", "-\\frac{y_1}{q_1}").replace("RIGHT", "-\\frac{y_2}{q_2}")
    assert _steps(good) == [("holds", "holds"), ("holds", "holds")]
    bad = text.replace("LEFT", "-\\frac{y_1}{q_1}").replace("RIGHT", "\\frac{y_2}{q_2}")
    assert [status for status, _ in _steps(bad)] == ["holds", "fails"]


def test_a_sum_to_one_said_through_a_chain_states_the_hypothesis():
    text = (
        "Since $\\sum_j y_j = y_i + \\sum_{j \\neq i} y_j = 1$ we have:\n\n"
        "$$L = -\\sum_k y_k \\log p_k, \\quad p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = p_i \\sum_k y_k - y_i = RIGHT$$\n"
    )
    assert _steps(text.replace("RIGHT", "p_i - y_i"))[-1] == ("holds", "holds given Σ_j y_j = 1")
    assert _steps(text.replace("RIGHT", "y_i - p_i"))[-1][0] == "fails"


def test_a_mean_of_rounded_losses_holds_to_the_digits_written():
    text = "$$L = \\frac{0.744396 + 0.115520 + 1.103187 + 1.701411}{4} = RIGHT$$\n"
    ((status, summary),) = _steps(text.replace("RIGHT", "0.91612888"))
    assert status == "holds" and "rounding of its decimals" in summary
    ((status, _),) = _steps(text.replace("RIGHT", "0.91612999"))
    assert status == "fails"
    ((status, _),) = _steps("$$x = 0.5 \\times 0.3 = 0.16$$\n")
    assert status == "fails"


# the review's texts
def test_a_value_at_a_letter_index_is_still_a_worked_examples_value():
    text = "Let $w_j = 0$.\n\n$$z = \\sum_j w_j x_j = 0$$\n"
    assert all(status != "fails" for status, _ in _steps(text))


def test_a_call_at_another_argument_keeps_the_function():
    text = (
        "$$h(x) = x^2$$\n\n$$\\frac{\\partial L}{\\partial h} = 1$$\n\n"
        "$$h\\left(x+1\\right) = x^2 + 2x + 1$$\n"
    )
    assert all(status != "fails" for status, _ in _steps(text))


def test_a_trademark_sign_in_plain_math_is_no_crash():
    result = check_document("The value:\n\n`x™ = 2`\n\n$$z = 1 + 1 = 2$$\n")
    assert [s.status for s in result.steps][-1] == "holds"
    result = check_document("The value:\n\n`x™ = 2`\n\n$$z = 1 + 1 = 3$$\n")
    assert [s.status for s in result.steps][-1] == "fails"


def test_a_number_given_to_every_entry_is_no_free_variable_a_flag_rests_on():
    # "All biases are zero, $b_j = 0$": b_j is 0 for every j; w x + b_j = w x is not refuted
    text = "All biases are zero, $b_j = 0$.\n\n$$z_j = w_j x + b_j = w_j x$$\n"
    ((status, summary),) = _steps(text)
    assert status == "not checked" and "b is a free variable" in summary, summary
    # outside the premise (b never given a value) the same step is flagged
    ((status, _),) = _steps(text.replace("All biases are zero, $b_j = 0$.", "Let $b$ be the bias."))
    assert status == "fails"
