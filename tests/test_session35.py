"""Session 35: false verdicts the red teams of session 34 left open. Each reading that proves a
step has a wrong twin that is refuted (or, where the reading only withholds a flag, a twin
outside its premise that is still flagged)."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.own_lse import defines_softmax_otherwise
from symsoft.reading.meaning.prose import hedged_normalized, stated_normalized
from tests.steps import judged as _steps

GRADIENT = (
    "HEADING\n\nLet $p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$ and $L = -\\sum_k y_k \\log p_k$. "
    "SENTENCE\n\n$$\\frac{\\partial L}{\\partial z_j} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Note that we do not require $y_1 + y_2 = 1$.",
        "Unlike the case with one-hot labels, here the targets are arbitrary counts.",
    ],
)
def test_a_heading_is_no_hypothesis_in_a_text_that_denies_it(sentence):
    # "# Soft labels" read as Σ y = 1 made p_j - y_j "holds given Σ_j y_j = 1" where the text
    # says the labels need not sum to one; the heading may still mean it: no verdict
    text = GRADIENT.replace("HEADING", "# Soft labels").replace("SENTENCE", sentence)
    ((status, summary),) = _steps(text.replace("RIGHT", "p_j - y_j"))
    assert status == "not checked", summary
    assert "the heading '# Soft labels' may state it" in summary
    # the gradient for any labels holds whatever they sum to
    right = "p_j \\sum_k y_k - y_j"
    assert _steps(text.replace("RIGHT", right)) == [("holds", "holds")]
    # a sign slip is wrong for every labels
    ((status, _),) = _steps(text.replace("RIGHT", "y_j - p_j"))
    assert status == "fails"


def test_a_heading_alone_states_no_hypothesis():
    # the second red team: "# Soft labels" over votes, counts, or "scaled so that Σ y = 2"
    text = GRADIENT.replace("HEADING", "# Soft labels").replace("SENTENCE", "")
    assert "y" not in stated_normalized(text)
    assert hedged_normalized(text).startswith("the heading '# Soft labels' may state it")
    ((status, summary),) = _steps(text.replace("RIGHT", "p_j - y_j"))
    assert status == "not checked" and "the heading '# Soft labels' may state it" in summary
    ((status, _),) = _steps(text.replace("RIGHT", "y_j - p_j"))
    assert status == "fails"
    # said in a sentence, the hypothesis is stated
    said = GRADIENT.replace("HEADING", "# Soft labels").replace(
        "SENTENCE", "The targets sum to one."
    )
    assert _steps(said.replace("RIGHT", "p_j - y_j")) == [("holds", "holds given Σ_j y_j = 1")]


def test_the_entropy_of_soft_labels_is_not_zero():
    # "unlike one-hot labels, here $y$ is a soft target distribution" says Σ y = 1
    text = (
        "# Soft labels\n\nLet $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. Unlike training with "
        "one-hot labels, here $y$ is a soft target distribution.\n\n"
        "$$-\\sum_k y_k \\log y_k = 0$$\n"
    )
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    assert step.status == "fails"  # wrong for every distribution y too: y = (5/6, 1/6)


LABELS_NAMED_P = (
    "Let $q_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ be the prediction and $p$ the label vector, "
    "with one-hot labels.\n\n$$-\\sum_k p_k \\log p_k = RIGHT$$\n"
)


def test_labels_named_before_the_word_are_the_ones_said_one_hot():
    assert "p" in stated_normalized(LABELS_NAMED_P)
    # the entropy of one-hot labels is 0: p is not a softmax's output here
    ((status, summary),) = _steps(LABELS_NAMED_P.replace("RIGHT", "0"))
    assert status == "not checked", summary
    assert "at a probability vector" not in summary
    # p the softmax's output, the labels another name: the entropy of p is not 0
    text = LABELS_NAMED_P.replace(" and $p$ the label vector", ", $p_i = q_i$")
    assert "p" not in stated_normalized(text)
    ((status, summary),) = _steps(text.replace("RIGHT", "0"))
    assert status == "fails", summary


TEMPERED = (
    "Let $p_i = \\frac{e^{a_i}}{S}$ with $S = \\sum_k e^{a_k}$.\n\nFor the tempered version we "
    "instead let $S = \\sum_k e^{a_k / 2}$ and $p_i = \\frac{e^{a_i/2}}{S}$.\n\n"
    "$$\\frac{\\partial p_i}{\\partial a_i} = FACTOR p_i (1 - p_i)$$\n"
)


def test_a_name_redefined_beside_the_one_the_step_writes_is_in_force_too():
    # p_i is defined again through S, defined again in the same sentence: the step is judged
    # under both new meanings (it was judged with the new p and the old S: a false flag)
    assert _steps(TEMPERED.replace("FACTOR", "\\frac{1}{2}")) == [("holds", "holds")]
    for wrong in ("", "\\frac{1}{3}"):  # the untempered formula, a wrong factor
        ((status, summary),) = _steps(TEMPERED.replace("FACTOR", wrong))
        assert status == "not checked", summary  # another combination of meanings may be meant
        assert "fails; S, p are each defined more than once" in summary


JACOBIAN = (
    "$$\\frac{\\partial\\, \\text{softmax}(z)_i}{\\partial z_j} = \\text{softmax}(z)_i "
    "\\left(\\delta_{ij} SIGN \\text{softmax}(z)_j\\right)$$\n"
)


@pytest.mark.parametrize(
    "definition",
    [
        # a later row of the display that first uses the softmax
        "$$\\begin{aligned} L &= -\\log \\text{softmax}(z)_y \\\\ \\text{softmax}(z)_i &= "
        "\\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}} \\end{aligned}$$",
        # proportional to a tempered exponential
        "$$\\text{softmax}(z)_i \\propto e^{z_i/T}$$",
    ],
)
def test_a_softmax_defined_after_a_use_or_by_proportion_is_the_texts_own(definition):
    text = definition + "\n\n" + JACOBIAN
    assert defines_softmax_otherwise(text)
    steps = _steps(text.replace("SIGN", "-"))
    assert steps and all(status != "holds" for status, _ in steps), steps


def test_a_softmax_proportional_to_its_exponential_is_the_convention():
    text = "$$\\text{softmax}(z)_i \\propto e^{z_i}$$\n\n" + JACOBIAN
    assert not defines_softmax_otherwise(text)
    assert _steps(text.replace("SIGN", "-"))[-1] == ("holds", "holds")
    assert _steps(text.replace("SIGN", "+"))[-1][0] == "fails"


def test_a_definition_by_diag_of_a_number_is_no_endless_reading():
    # held-out round 35b: the entry-by-entry reading of diag(σ(1 - σ)) gave back a side in
    # vector notation, read entry by entry again without end (a RecursionError)
    text = (
        "Let $B = \\operatorname{diag}(\\sigma^{(i)}(1-\\sigma^{(i)}))$ and "
        "$\\sigma(z) = \\frac{1}{1 + e^{-z}}$.\n\n"
        "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n\n"
        "$$\\sigma'(z) = \\sigma(z)(1 + \\sigma(z))$$\n"
    )
    steps = _steps(text)
    assert [status for status, _ in steps] == ["holds", "fails"], steps


SILENT_SIGMOID = (
    "Let $L = -y \\log a - (1 - y) \\log (1 - a)$ and DEFINITION.\n\n"
    "$$\\begin{align}\n\\frac{\\partial L}{\\partial z} & = \\frac{\\partial L}{\\partial a} "
    "\\frac{\\partial a}{\\partial z} \\\\\n& = \\left(-\\frac{y}{a} + \\frac{1 - y}{1 - a} "
    "\\right) \\left( \\frac{1}{1 + e^{-z}} \\right)' \\\\\n& = \\left(-\\frac{y}{a} + "
    "\\frac{1 - y}{1 - a} \\right) (a (SIGN a))\n\\end{align}$$\n"
)


def test_a_chain_that_differentiates_a_name_by_what_its_definition_lacks_means_another():
    # held-out round 35b/06: a = wx + b a section before, then ∂a/∂z with a = σ(z) unsaid
    text = SILENT_SIGMOID.replace("DEFINITION", "$a = wx + b$")
    steps = _steps(text.replace("SIGN", "1 -"))
    assert steps[-1][0] == "not checked", steps
    assert "may mean something else in it" in steps[-1][1]
    # the sigmoid said: the same chain is judged, its slip flagged
    said = SILENT_SIGMOID.replace("DEFINITION", "$a = \\frac{1}{1 + e^{-z}}$")
    assert _steps(said.replace("SIGN", "1 -"))[-1][0] == "holds"
    assert _steps(said.replace("SIGN", "1 +"))[-1][0] == "fails"


CODE_LINES = (
    "Definition:\n\n`sigma(z) = 1 / (1 + exp(-z))`\n\nDerivative (result to remember):\n\n"
    "`sigma'(z) = RIGHT`\n"
)


def test_a_line_that_is_one_span_of_inline_code_is_plain_math():
    # held-out round 35b/04: a Docusaurus note writes its equations as lines of inline code
    assert _steps(CODE_LINES.replace("RIGHT", "sigma(z) * [ 1 - sigma(z) ]"))[-1] == (
        "holds",
        "holds",
    )
    assert _steps(CODE_LINES.replace("RIGHT", "sigma(z) * [ 1 + sigma(z) ]"))[-1][0] == "fails"
    # inline code inside a sentence stays words: no step
    said = "We write `sigma'(z) = sigma(z) * [ 1 + sigma(z) ]` in the code below.\n"
    assert _steps(said) == []


QUOTIENT_S = (
    "$\\hat{y}_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$\n\n"
    "$$\\frac{\\partial \\hat{y}_k}{\\partial z_k} = \\frac{e^{z_k} \\cdot S - e^{z_k} \\cdot "
    "e^{z_k}}{S^2} = RIGHT$$\n"
)


def test_an_unindexed_s_in_a_quotient_rule_is_the_sum_by_default():
    # held-out round 35/06: S, never defined nor indexed, is Σ_j e^{z_j}
    # a verdict that rests on that reading names it
    reading = "holds, reading S = \\sum_k e^{z_k} (the sum written beside it)"
    assert _steps(QUOTIENT_S.replace("RIGHT", "\\hat{y}_k(1 - \\hat{y}_k)")) == [
        ("holds", reading),
        ("holds", reading),
    ]
    # a sign slip: a flag would rest on the default S, so it is reported, not asserted
    (_, (status, summary)) = _steps(QUOTIENT_S.replace("RIGHT", "\\hat{y}_k(1 + \\hat{y}_k)"))
    assert status == "not checked", summary
    assert "fails if S = \\sum_k e^{z_k}" in summary
    # S written with an index elsewhere is no sum: not read as one
    indexed = QUOTIENT_S + "\n$$S_k = \\hat{y}_k$$\n"
    assert _steps(indexed.replace("RIGHT", "\\hat{y}_k(1 - \\hat{y}_k)"))[0][0] != "holds"


LISTED = (
    "The softmax is\n$$\nP_i = \\frac{e^{z_i}}{\\sum_{j} e^{z_j}}\n$$\nTake the logits\n$$\n"
    "z = [2.0, 1.0, 0.1]\n$$\nThen\n$$\nP = [\\frac{e^{2}}{e^{2} + e^{1} + e^{0.1}}, "
    "\\frac{e^{1}}{e^{2} + e^{1} + e^{0.1}}, \\frac{e^{0.1}}{e^{2} + e^{1} + e^{0.1}}]\n$$\n"
    "After calculations:\n$$\nP = [VALUES]\n$$\n"
)


def test_a_list_at_a_worked_example_is_judged_entry_by_entry():
    # held-out round 35b/08: z = [2.0, 1.0, 0.1], then P = [0.71, 0.23, 0.06] (rounded)
    steps = _steps(LISTED.replace("VALUES", "0.66, 0.24, 0.10"))
    assert [status for status, _ in steps] == ["definition", "holds", "holds"] or [
        status for status, _ in steps
    ] == ["holds", "holds"], steps
    assert "0.24 is 0.24243 rounded" in steps[-1][1]
    assert steps[-1][1].endswith("at the worked example (N = 3, z = (2, 1, 1/10))")
    # two entries swapped: refuted at the entry that is wrong
    ((status, summary),) = _steps(LISTED.replace("VALUES", "0.66, 0.10, 0.24"))[-1:]
    assert status == "fails" and "(entry 2)" in summary, summary
    # the exact entries with an index slip (e^{0.1} for the second): refuted
    slipped = LISTED.replace("\\frac{e^{1}}{e^{2}", "\\frac{e^{0.1}}{e^{2}", 1)
    assert _steps(slipped.replace("VALUES", "0.66, 0.24, 0.10"))[-2][0] == "fails"


def test_the_values_of_a_worked_example_are_no_step():
    results = check_document(LISTED.replace("VALUES", "0.66, 0.24, 0.10")).steps
    assert results[1].summary == "the values of a worked example: z"


def test_a_list_given_to_a_defined_name_without_an_example_is_not_judged():
    # "the network outputs P = [0.7, 0.2, 0.1]": values given, not computed from logits
    text = (
        "The softmax is $P_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$. Suppose the network outputs\n\n"
        "$$P = [0.7, 0.2, 0.1]$$\n"
    )
    ((status, summary),) = _steps(text)
    assert status == "not checked", summary


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ("0.66, 0.24", "the list has 2 entries, the worked example 3"),  # the second red team
        ("0.10, 0.24, 0.66", "may reorder its entries"),
    ],
)
def test_a_list_that_may_not_be_the_entries_in_order_is_not_judged(values, why):
    text = LISTED.replace("VALUES", values)
    if "reorder" in why:
        text = text.replace("After calculations:", "Sorting the probabilities in increasing order:")
    (status, summary) = _steps(text)[-1]
    assert status == "not checked" and why in summary, summary


def test_a_list_after_values_given_to_another_vector_is_not_judged_at_the_first():
    # "for a second input the logits are $x = …$": P = [0.24, 0.66, 0.10] is softmax(x)
    text = LISTED.replace("VALUES", "0.24, 0.66, 0.10").replace(
        "After calculations:", "For a second input the logits are $x = [1.0, 2.0, 0.1]$ and"
    )
    (status, summary) = _steps(text)[-1]
    assert status == "not checked" and "the values given last (x)" in summary, summary


@pytest.mark.parametrize(
    "sentence",
    [
        "Let $S$ denote the validation score.",
        "Write $S$ for the sum of squares $\\sum_j z_j^2$.",
        "The score $S$ of the classifier is $\\max_j z_j$.",
    ],
)
def test_an_s_the_text_speaks_of_is_not_the_sum_by_default(sentence):
    text = sentence + "\n\n" + QUOTIENT_S
    steps = _steps(text.replace("RIGHT", "\\hat{y}_k(1 - \\hat{y}_k)"))
    assert all(status != "holds" for status, _ in steps), steps


PROPORTIONAL = (
    "The probabilities satisfy $p_i \\propto VALUE$. Then\n\n"
    "$$\\frac{\\partial p_i}{\\partial z_i} = RIGHT$$\n"
)


@pytest.mark.parametrize("value", ["e^{-z_i}", "e^{2 z_i}", "e^{z_i / T}"])
def test_a_name_defined_by_proportion_to_another_exponential_is_not_the_softmax(value):
    text = PROPORTIONAL.replace("VALUE", value).replace("RIGHT", "p_i (1 - p_i)")
    ((status, _),) = _steps(text)
    assert status == "not checked"


def test_a_name_proportional_to_its_exponential_is_the_softmax():
    text = PROPORTIONAL.replace("VALUE", "e^{z_i}")
    assert _steps(text.replace("RIGHT", "p_i (1 - p_i)")) == [("holds", "holds")]
    assert _steps(text.replace("RIGHT", "p_i (1 + p_i)"))[0][0] == "fails"


SECTIONS = (
    "# Soft labels\n\nLet $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k "
    "\\log p_k$.\n\n$$\\frac{\\partial L}{\\partial z_k} = p_k - y_k$$\n\nSECOND"
)


def test_a_heading_of_one_section_is_no_hypothesis_of_another():
    # the first red team: "# Soft labels", then "# Weighted targets" with arbitrary weights
    second = (
        "# Weighted targets\n\nNow the $y_i$ are arbitrary nonnegative class weights.\n\n"
        "$$\\frac{\\partial L}{\\partial z_k} = p_k - y_k$$\n"
    )
    steps = _steps(SECTIONS.replace("SECOND", second))
    assert [status for status, _ in steps] == ["not checked", "not checked"], steps
    assert all("the heading '# Soft labels' may state it" in summary for _, summary in steps)
    # a heading that says its labels are not normalised hedges nothing: the flag stands
    unnormalised = SECTIONS.replace("# Soft labels", "# Soft labels (unnormalised)")
    ((status, summary),) = _steps(unnormalised.replace("SECOND", ""))
    assert status == "holds" and "which the document does not state" in summary, summary


def test_labels_said_replaced_are_not_one_hot():
    text = LABELS_NAMED_P.replace("with one-hot labels", "with one-hot labels replaced by counts")
    assert "p" not in stated_normalized(text)


def test_a_name_with_a_dash_before_one_hot_is_said_one_hot():
    # held-out round 35/08 (Russian): "($\mathbf{y}$ — one-hot)"
    text = (
        "$\\mathbf{p} = \\mathrm{softmax}(\\mathbf{z})$, $L = -\\sum_k y_k \\log p_k$ "
        "($\\mathbf{y}$ — one-hot).\n\n$$\\frac{\\partial L}{\\partial z_j} = RIGHT$$\n"
    )
    assert "y" in stated_normalized(text)
    assert _steps(text.replace("RIGHT", "p_j - y_j")) == [("holds", "holds given Σ_j y_j = 1")]
    assert _steps(text.replace("RIGHT", "y_j - p_j"))[0][0] == "fails"


FOLDED = (
    "Let $\\hat{y} = \\sigma(\\mathbf{w}^\\top\\mathbf{x})$ and $L = -[y\\log\\hat{y} + "
    "(1-y)\\log(1-\\hat{y})]$, with $z = \\mathbf{w}^\\top\\mathbf{x}$:\n\n"
    "$$\\frac{\\partial \\hat{y}}{\\partial z} = RIGHT$$\n"
)


def test_a_name_given_to_part_of_a_definition_is_differentiated_through():
    # held-out round 35/08: ŷ = σ(w^T x) "with z = w^T x" means ŷ = σ(z)
    assert _steps(FOLDED.replace("RIGHT", "\\hat{y}(1-\\hat{y})")) == [("holds", "holds")]
    assert _steps(FOLDED.replace("RIGHT", "\\hat{y}(1+\\hat{y})"))[0][0] == "fails"


WRAPPED = (
    "For the softmax, $s_i = e^{z_i}/Z$ with\n$Z = \\sum_k e^{z_k}$. By the quotient rule, "
    "$\\partial s_i/\\partial z_j = \\delta_{ij} e^{z_i}/Z - e^{z_i}\ne^{z_j}/Z^2 = "
    "\\delta_{ij} s_i - s_i s_j = RIGHT$, which in matrix form is\n$J = \\operatorname{diag}(s)"
    " - s s^\\top$.\n"
)


def test_inline_math_broken_over_two_lines_is_one_formula():
    # held-out round 35/09: a hard-wrapped paragraph, no display at all
    result = check_document(WRAPPED.replace("RIGHT", "s_i(\\delta_{ij} - s_j)"))
    assert [s.status for s in result.steps] == ["holds", "holds", "holds"]
    assert [s.line for s in result.steps] == [2, 3, 3]  # the file's lines
    # a sign slip in the last step: a chain said in a sentence is never flagged, nor "holds"
    slipped = [
        s.status for s in check_document(WRAPPED.replace("RIGHT", "s_i(s_j - \\delta_{ij})")).steps
    ]
    assert slipped[:2] == ["holds", "holds"] and slipped[2] != "holds", slipped


def test_dollars_of_money_over_two_lines_are_no_formula():
    text = "The course costs $5 and the book\n$10 more, so $x = 2$ here.\n"
    assert _steps(text) == []
