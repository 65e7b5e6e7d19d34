"""Session 31: what real posts of round 31 wrote that the reader did not read: mathematical
italic and bold letters with combining accents (``𝑦̂_i``, a Korean post), a row break typed
inside a brace group (``{e^{z_i} \\sum_j e^{z_j} \\\\ - (e^{z_i})^2 \\over …}``), σ defined
through a hatted name (``\\hat{p}_i = \\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}``), and a step
that writes a concrete index (``\\sum_{k \\neq 1}`` beside ``\\sum_{k \\neq i}``).  Each
reading that proves a step has a wrong twin that is refuted."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.group_breaks import blank_group_breaks
from symsoft.reading.documents.spans import Text
from symsoft.reading.grammar.characters import spelled_out
from tests.steps import all_summaries, summaries

SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("𝑦̂_i = x", "\\hat{y}_i = x"),  # mathematical italic y, combining circumflex
        ("ŷ_i", "\\hat{y}_i"),  # precomposed
        ("y\u0302_i", "\\hat{y}_i"),  # a plain letter, combining circumflex
        ("x\u0304 + a\u20d7", "\\bar{x} + \\vec{a}"),
        ("𝐩 − 𝐲", "𝐩 - 𝐲"),  # bold, a vector the text's other readings do not see: unread
        ("𝜎x", "\\sigma x"),
        ("𝝈(z)", "𝝈(z)"),
        ("même résumé", "même résumé"),  # accents of words stay
    ],
)
def test_mathematical_letters_and_accents_are_spelled_as_latex(written, spelled):
    assert spelled_out(written).text == spelled


def test_a_spelled_letter_keeps_the_column_of_the_letter_written():
    spelled = spelled_out("a = 𝑦̂_i")
    assert spelled.written(spelled.text.index("\\hat")) == 4
    assert spelled.written(spelled.text.index("_")) == 6


@pytest.mark.parametrize(
    ("right", "status"),
    [("𝑦̂_i*(1-𝑦̂_i)", "holds"), ("𝑦̂_i*(1+𝑦̂_i)", "fails"), ("𝑦̂_i^2", "fails")],
)
def test_a_korean_posts_italic_letters_are_read(right, status):
    text = (
        "$$𝑦̂_i={e^{z_i} \\over \\sum\\limits_{j=1}^n e^{z_j}}$$\n\n"
        f"$${{∂𝑦̂_i \\over ∂z_i}}={right}$$\n"
    )
    assert summaries(text)[3].split(":")[0].split(" when")[0] == status


@pytest.mark.parametrize(
    ("written", "blanked"),
    [
        ("{a \\\\ - b \\over c}", "{a    - b \\over c}"),
        ("\\frac{a \\\\ b}{c}", "\\frac{a    b}{c}"),
        ("\\displaylines{a \\\\ b}", None),  # rows of their own
        ("\\sum_{\\substack{j \\\\ k}}", None),
        ("\\frac{1}{\\begin{matrix} a \\\\ b \\end{matrix}}", None),
        ("a \\\\ b", None),  # a row break of the display
        ("\\left\\{ a \\\\ b \\right.", None),
        ("{a\n\n} b \\\\ c", None),  # a blank line ends every group
        ("{a $$ b \\\\ c", None),
    ],
)
def test_a_row_break_inside_a_brace_group_is_a_space(written, blanked):
    text = Text.of(written)
    blank_group_breaks(text)
    assert "".join(text.chars) == (blanked or written)


@pytest.mark.parametrize(
    ("numerator", "status"),
    [
        ("e^{z_i}\\sum_k e^{z_k} \\\\ - e^{2z_i}", "holds"),
        ("e^{z_i}\\sum_k e^{z_k} \\\\ + e^{2z_i}", "fails"),
    ],
)
def test_a_wrapped_numerator_is_read(numerator, status):
    text = SOFTMAX + (
        f"$${{\\partial p_i \\over \\partial z_i}}={{{numerator} \\over (\\sum_k e^{{z_k}})^2}}$$\n"
    )
    assert summaries(text)[3].startswith(status)


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\sigma(z)(1 - \\sigma(z))", "holds"), ("\\sigma(z)(1 + \\sigma(z))", "fails")],
)
def test_sigma_defined_through_a_hatted_name(right, status):
    text = (
        "Substitute $\\hat{p}_i = \\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}$.\n\n"
        f"$$\\frac{{d}}{{dz}} \\sigma(z) = {right}$$\n"
    )
    assert summaries(text)[3].startswith(status)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\sum_{k \\neq i} y_k p_i", "holds"),
        ("\\sum_{k} y_k p_i", "fails"),  # the condition dropped
        ("\\sum_{k \\neq 1} y_k p_i", "undecided"),  # at i = 1 they agree: no flag
    ],
)
def test_a_concrete_index_beside_a_free_one(right, status):
    text = SOFTMAX + f"$$\\sum_{{k\\neq i}} y_k \\frac{{1}}{{p_k}} p_k p_i = {right}$$\n"
    (step,) = check_document(text).steps
    assert step.summary.startswith(status), step.summary


@pytest.mark.parametrize(
    ("lead", "flagged"),
    [
        ("For the worked example with $i = 2$:", False),  # the step is meant at i = 2
        ("Fix $j = 1$ and $i = 2$. Then", False),
        ("For every $i$:", True),
    ],
)
def test_an_index_the_text_sets_before_a_step(lead, flagged):
    text = SOFTMAX + f"{lead}\n\n$$\\frac{{\\partial p_2}}{{\\partial z_i}} = p_i(1 - p_2)$$\n"
    (step,) = [s for s in check_document(text).steps if s.line == 5]
    assert step.flagged == flagged, step.summary
    assert flagged or "the text sets i = 2 before it" in step.summary


@pytest.mark.parametrize(
    ("right", "status"),
    [("\\frac{1}{1 + e^{z_{3-i}-z_i}}", "undecided"), ("\\frac{1}{1 + e^{z_i-z_{3-i}}}", "fails")],
)
def test_a_step_read_at_the_size_the_text_states(right, status):
    # "with K = 2 classes": z_{3-i} is the other class; at N = 3 the step means nothing, and
    # at N = 1 there is no z_2 (no counterexample there)
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$ with $K = 2$ classes. Then\n\n"
        f"$$p_i = {right}$$\n"
    )
    (step,) = check_document(text).steps
    assert step.summary.startswith(status), step.summary
    assert "N = 1" not in step.summary


DOCSTRING = """For brevity, let `x = logits`, `z = labels`.  With labels $z$, the logistic loss is

      z * -log(sigmoid(x)) + (1 - z) * -log(1 - sigmoid(x))
    = z * -log(1 / (1 + exp(-x))) + (1 - z) * -log(exp(-x) / (1 + exp(-x)))
    = RIGHT
"""


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("z * log(1 + exp(-x)) + (1 - z) * (x + log(1 + exp(-x)))", "holds"),
        ("z * log(1 + exp(-x)) + (1 - z) * (-x + log(1 + exp(-x)))", "fails"),
        ("z * -log(1 + exp(-x)) + (1 - z) * (x + log(1 + exp(-x)))", "fails"),
    ],
)
def test_a_plain_text_minus_after_a_times_sign(right, status):
    # TensorFlow's docstring of sigmoid_cross_entropy_with_logits writes z * -log(…)
    found = summaries(DOCSTRING.replace("RIGHT", right))
    assert found[4] == "holds"
    assert found[5].startswith(status), found


RULE = (
    "From quotient rule we know that for $$f(x) = \\frac{g(x)}{h(x)}$$ , we have "
    "$$f^\\prime(x) = \\frac{ g\\prime(x)h(x) SIGN h\\prime(x)g(x)}{h(x)^2} $$  .\n\n"
    "In our case $$g(x) = e^{a_i}$$ and $$h(x) = \\sum_{k=1}^N e^{a_k}$$.\n"
)


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
@pytest.mark.parametrize("dollars", ["$$", "$"])
def test_a_rule_stated_in_a_sentence_after_its_premise(sign, status, dollars):
    # a kramdown post (deepnotes): the premise f = g/h, then the rule, in one sentence; the
    # rule is judged with g and h any functions, whatever the text later calls g and h
    text = RULE.replace("SIGN", sign).replace("$$", dollars)
    assert summaries(text)[1].startswith(status)


@pytest.mark.parametrize(
    "lead",
    [
        "If we want, for $f(x) = \\frac{g(x)}{h(x)}$, to have",  # a wish
        "Suppose that for $f(x) = \\frac{g(x)}{h(x)}$ we have",  # a supposition
        "A common mistake: for $f(x) = \\frac{g(x)}{h(x)}$ we have",  # a slip
    ],
)
def test_a_rule_in_a_sentence_that_does_not_assert_it_is_no_step(lead):
    text = lead + " $f'(x) = \\frac{g'(x)h(x) + h'(x)g(x)}{h(x)^2}$.\n"
    assert 1 not in summaries(text)


RENAMED = (
    "### Softmax\n\n$$p_j = \\frac{e^{a_j}}{\\sum_{k=1}^N e^{a_k}}$$\n\n"
    "$$\\frac{\\partial p_j}{\\partial a_j} = p_j(1 - p_j)$$\n\n"
    "### Cross entropy with softmax\n\n"
    "$$\n\\begin{align}\nL &= - \\sum_i y_i \\log(p_i) \\\\\n"
    "\\frac{\\partial L}{\\partial o_i} &= "
    "- \\sum_k y_k \\frac{\\partial \\log(p_k)}{\\partial o_i} \\\\\n"
    "&= RIGHT\n\\end{align}\n$$\n"
)


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("- \\sum_k y_k \\frac{1}{p_k} \\frac{\\partial p_k}{\\partial o_i}", "holds"),
        ("- \\sum_k y_k \\frac{1}{p_k} \\frac{\\partial p_i}{\\partial o_k}", "holds"),  # symmetric
        ("- \\sum_k y_k p_k \\frac{\\partial p_k}{\\partial o_i}", "not checked: ambiguous"),
    ],
)
def test_logits_renamed_in_a_later_section(right, status):
    # deepnotes: p of a in the softmax section, differentiated by o in the loss's section
    found = all_summaries(RENAMED.replace("RIGHT", right))
    assert found[5] == ["holds"]  # the softmax section keeps p of a
    assert found[12][0] == "holds", found
    assert found[13][0].startswith(status), found


def test_a_probability_identity_fails_whatever_the_logits_are_called():
    text = RENAMED.replace(
        "RIGHT", "- \\sum_k y_k \\frac{1}{p_k} \\frac{\\partial p_k}{\\partial o_i}"
    )
    text += "\n$$\\sum_{k \\neq i} y_k p_i = \\sum_{k} y_k p_i$$\n"
    assert all_summaries(text)[17][0].startswith("fails")  # (with one-hot y or not)


@pytest.mark.parametrize(
    "change",
    [
        ("### Cross entropy", "$a_1$ stays.\n\n### Cross entropy"),  # a written before: fine
        ("o_i}\n\\end", "o_i} + 0 a_1\n\\end"),  # a still written in o's section: two letters
        ("\\frac{\\partial L}{\\partial o_i}", "\\frac{\\partial L}{\\partial o_i} + o_1"),
    ],
)
def test_logits_are_renamed_only_where_the_old_letter_is_gone(change):
    text = RENAMED.replace(
        "RIGHT", "- \\sum_k y_k \\frac{1}{p_k} \\frac{\\partial p_k}{\\partial o_i}"
    )
    text = text.replace(*change)
    assert change[1] in text
    found = all_summaries(text)
    renamed = change[0].startswith("###")
    line = text[: text.index("&= - \\sum_k")].count("\n") + 1  # the step by o
    assert found[line][0].startswith("holds") == renamed, found


@pytest.mark.parametrize(
    "said",
    [
        "The logits are a linear function of the hidden activations $o_i$.",
        "Each logit is the sigmoid of a pre-activation $o_i$.",
    ],
)
def test_logits_are_not_renamed_to_a_letter_the_prose_speaks_of(said):
    text = RENAMED.replace("RIGHT", "p_i - y_i").replace(
        "### Cross entropy", said + "\n\n### Cross"
    )
    found = all_summaries(text)
    line = text[: text.index("&= - \\sum_k")].count("\n") + 1
    assert found[line][0].startswith("not checked"), found
    assert not found[line + 1][0].startswith("holds"), found


@pytest.mark.parametrize(
    ("lead", "flagged"), [("In particular, for $h(x) = 1$ we have", False), ("So", True)]
)
def test_a_function_given_a_value_before_a_display(lead, flagged):
    text = f"Let $f(x) = \\frac{{g(x)}}{{h(x)}}$ throughout.\n\n{lead}\n\n$$f'(x) = g'(x)$$\n"
    (step,) = check_document(text).steps
    assert step.flagged == flagged, step.summary


def test_a_premise_of_a_function_the_text_defines_twice_keeps_the_claim_out():
    # each sentence gives f its own value: judged under one f for both, the second would fail
    text = (
        "For $f(x) = x^3$, we have $f'(x) = 3x^2$.\n\nFor $f(x) = x^4$, we have $f'(x) = 4x^3$.\n"
    )
    assert not any(step.flagged for step in check_document(text).steps)


def test_script_and_fraktur_letters_are_not_plain_letters():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ be the model and $𝔭_i = \\frac{1}{N}$ "
        "the uniform prior.\n\n$$\\sum_k 𝔭_k \\log p_k = -\\log N$$\n"
    )
    assert not any(s.summary.startswith("holds") for s in check_document(text).steps)


def test_a_plain_text_minus_after_a_slash_keeps_the_products_ambiguity():
    text = "For brevity, let `x = logits`. The value is\n\n      x / -2 y\n    = -x / (2 y)\n"
    (step,) = check_document(text).steps
    assert step.summary.startswith("not checked: ambiguous")


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("Its gradient vanishes when $$\\sigma(z) = p$$.", "holds"),  # a condition, no value
        ("Here $$\\sigma(z) = \\frac{1}{1 + e^{-2z}}$$.", "not checked"),  # the text's own σ
        ("Here $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$.", "holds"),
    ],
)
def test_sigma_of_a_plain_letter_set_equal_to_a_value(said, status):
    text = f"{said}\n\n$$\\frac{{d}}{{dz}}\\sigma(z) = \\sigma(z)(1 - \\sigma(z))$$\n"
    steps = [s for s in check_document(text).steps if s.line == 3]
    assert steps[0].summary.startswith(status), steps[0].summary


@pytest.mark.parametrize(
    ("right", "status"),
    [
        ("\\sum_{\\substack{j=1 \\\\ j \\neq i}}^{N} p_j", "holds"),
        ("\\sum_{\\substack{j=1 \\\\ j \\neq i}}^{N} p_i", "fails"),  # the index swapped
        ("\\sum_{\\substack{j \\neq i}} p_j", "holds"),
    ],
)
def test_a_sums_stacked_conditions(right, status):
    text = SOFTMAX + f"$$\\sum_k p_k - p_i = {right}$$\n"
    (step,) = check_document(text).steps
    assert step.summary.startswith(status), step.summary


@pytest.mark.parametrize("said", ["Its gradient vanishes when $$\\sigma(z) = p$$.", ""])
def test_sigma_beside_a_condition_still_refutes_a_wrong_derivative(said):
    # the twin of the condition above: σ stays the logistic function, and a sign slip fails
    text = f"{said}\n\n$$\\frac{{d}}{{dz}}\\sigma(z) = \\sigma(z)(1 + \\sigma(z))$$\n"
    (step,) = [s for s in check_document(text).steps if s.line == 3]
    assert step.summary.startswith("fails"), step.summary
