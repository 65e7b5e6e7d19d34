"""Session 67: equations of one sentence joined by "and" or commas read together (the words
before the first lead all of them, the words after the last end them); "similarly", "likewise",
"by symmetry", "in the same way" and "here" as leads of a claim; a clause after ", so" read
alone when the words before it name nothing but a name; the quotient rule stated with letters,
``f(x) = \\frac{g(x)}{h(x)}``, beside the text's own ``f(x_j) = \\frac{A}{B}``: g and h its
numerator and denominator at the same entry; "When i = j:" on a line of its own, in plain
text, as a case that holds on for the displays below it.  Every "holds" has a twin that fails,
or (where the reading withholds flags) is not checked."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import filled, judged

JOINED = r"""Let $P_k = \frac{e^{y_k}}{\sum_j e^{y_j}}$ for every $k$.

LEAD $\partial P_2 / \partial y_1 = -P_2 P_1$ and $\partial P_3 / \partial y_1 = SECOND$.
"""


def _joined(lead: str, second: str = "-P_3 P_1") -> list[tuple[str, str]]:
    return judged(JOINED.replace("LEAD", lead).replace("SECOND", second))


def test_equations_joined_by_and_are_claimed_together() -> None:
    steps = _joined("We get")
    assert [status for status, _ in steps] == ["holds", "holds"], steps


def test_the_second_of_two_joined_equations_fails_when_wrong() -> None:
    steps = _joined("We get", "P_3 P_1")
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_joined_equations_after_a_supposition_are_no_claims() -> None:
    for lead in ("If we forgot the numerator we would get", "Let"):
        assert _joined(lead, "P_3 P_1") == [], lead


def test_joined_equations_that_the_sentence_calls_wrong_are_no_claims() -> None:
    text = JOINED.replace("LEAD", "So").replace("SECOND", "P_3 P_1")
    text = text.replace("P_3 P_1$.", "P_3 P_1$ would be wrong.")
    assert judged(text) == []


def test_symmetry_and_similarity_lead_a_claim() -> None:
    for lead in ("Similarly,", "Likewise,", "By symmetry,", "In exactly the same way"):
        steps = _joined(lead)
        assert [status for status, _ in steps] == ["holds", "holds"], (lead, steps)
        steps = _joined(lead, "P_3 P_1")
        assert [status for status, _ in steps] == ["holds", "fails"], (lead, steps)


def test_a_clause_after_so_is_read_alone_past_a_name() -> None:
    lead = "Nothing here was special to $y_1$, so by symmetry"
    assert [status for status, _ in _joined(lead)] == ["holds", "holds"]
    assert [status for status, _ in _joined(lead, "P_3 P_1")] == ["holds", "fails"]
    # (past an equation the clause is not read alone: "at $y_1 = 0$" may set a value)
    assert _joined("At $y_1 = 0$ things simplify, so by symmetry", "P_3 P_1") == []


QUOTIENT = r"""# Deriving softmax

$$ f(x_j) = softmax(x_j) = \frac{ e^{x_j} }{ \sum_{k} e^{x_k} } $$

Using the quotient rule where:

$$ f(x) = \frac{g(x)}{h(x)} $$

$$ f'(x) = \frac{ g'(x)h(x) - g(x)h'(x) }{ h(x)^2 } $$

When i = j:

$$ \frac {\partial g(x_j)}{\partial x_i} = NUMERATOR $$

$$ \frac {\partial h(x_j)}{\partial x_i} = DENOMINATOR $$

So:

$$ \frac {\partial f(x_j)}{\partial x_i}
= \frac{ e^{x_i} \sum_k e^{x_k} - e^{x_j} e^{x_i} }{ (\sum_k e^{x_k})^{2} } = f(x_j) (1 - LAST) $$
"""


def _quotient(**values: str) -> list[tuple[str, str]]:
    given = {"NUMERATOR": "e^{x_i}", "DENOMINATOR": "e^{x_i}", "LAST": "f(x_j)"}
    return judged(filled(QUOTIENT, given, values))


def test_the_quotient_rules_letters_are_the_fractions_parts() -> None:
    steps = _quotient()
    assert steps[1] == ("holds", "holds"), steps  # the rule itself, as calculus
    assert steps[2] == ("holds", "holds when i = j"), steps  # ∂g_j/∂x_i = e^{x_i}
    assert steps[3] == ("holds", "holds"), steps  # ∂h_j/∂x_i = e^{x_i}, every i
    assert steps[4:] == [("holds", "holds when i = j")] * 2, steps


def test_a_wrong_derivative_of_a_part_fails() -> None:
    steps = _quotient(NUMERATOR="e^{x_j} - 1", DENOMINATOR="\\sum_k e^{x_k}")
    assert steps[2] == ("fails", "fails when i = j") and steps[3][0] == "fails", steps


def test_a_wrong_sign_of_the_rule_is_refuted_as_calculus() -> None:
    text = QUOTIENT.replace("g'(x)h(x) - g(x)h'(x)", "g'(x)h(x) + g(x)h'(x)")
    text = text.replace("NUMERATOR", "e^{x_i}").replace("DENOMINATOR", "e^{x_i}")
    steps = judged(text.replace("LAST", "f(x_j)"))
    assert steps[1][0] == "fails", steps


def test_the_case_said_in_plain_words_holds_past_so() -> None:
    steps = _quotient(LAST="f(x_i)")  # (1 - S_i): right in the case i = j
    assert steps[-1] == ("holds", "holds when i = j"), steps
    steps = _quotient(LAST="(-f(x_j))")  # 1 + S_j: wrong in that case
    assert steps[-1][0] == "fails" and steps[-1][1].startswith("fails when i = j"), steps


def test_the_parts_are_not_read_where_the_text_gives_them_values() -> None:
    text = QUOTIENT.replace("Using", "With $g(x) = x^2$, using")
    text = text.replace("NUMERATOR", "e^{x_j} - 1").replace("DENOMINATOR", "e^{x_i}")
    steps = judged(text.replace("LAST", "f(x_j)"))
    assert [status for status, _ in steps[2:4]] == ["not checked"] * 2, steps


SUMMED_CASES = r"""The softmax is $y_i = \frac{e^{x_i}}{\sum_k e^{x_k}}$ and the loss
$L = -\sum_i t_i \log y_i$.

$\frac{dL}{dx_j} = -\sum_i t_i \frac{1}{y_i} \frac{dy_i}{dx_j} = \sum\limits_i
\begin{cases} DIAGONAL & i=j \\ OTHER & i \ne j \end{cases}$
"""


def _summed(diagonal: str = "t_i (y_i - 1)", other: str = "t_i y_j") -> list[tuple[str, str]]:
    return judged(SUMMED_CASES.replace("DIAGONAL", diagonal).replace("OTHER", other))


def test_a_sum_of_two_index_cases_is_read_with_a_kronecker_delta() -> None:
    assert [status for status, _ in _summed()] == ["holds", "holds"]
    assert [status for status, _ in _summed(other="t_i y_i")] == ["holds", "fails"]
    assert [status for status, _ in _summed(diagonal="t_i (y_i + 1)")] == ["holds", "fails"]


def test_a_sum_of_cases_that_are_not_the_index_pair_is_not_read() -> None:
    text = SUMMED_CASES.replace("i \\ne j", "i > j")
    steps = judged(text.replace("DIAGONAL", "t_i (y_i + 1)").replace("OTHER", "t_i y_j"))
    assert steps[1][0] == "not checked", steps


DELTA = r"""The softmax is $P_k = \frac{e^{y_k}}{\sum_j e^{y_j}}$ and the loss
$L = -\sum_k T_k \log P_k$, with one-hot $T$.

$$\frac{\delta P_2}{\delta y_1} = -P_2 P_1$$

and in exactly the same way $\frac{\delta P_3}{\delta y_1} = RIGHT$.
"""


def test_an_inline_claim_with_delta_as_the_partial_sign() -> None:
    steps = judged(DELTA.replace("RIGHT", "-P_3 P_1"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    steps = judged(DELTA.replace("RIGHT", "-P_3 P_3"))
    assert [status for status, _ in steps] == ["holds", "fails"], steps


def test_a_claim_said_for_every_index_in_words() -> None:
    text = r"""Let $h_i = \sum_{k=1}^{N} e^{a_k}$ for every $i$.

Only one term reacts, so $\frac{\partial h_i}{\partial a_j} = RIGHT$ no matter what $j$ is.
"""
    assert [status for status, _ in judged(text.replace("RIGHT", "e^{a_j}"))] == ["holds"]
    assert [status for status, _ in judged(text.replace("RIGHT", "e^{a_i}"))] == ["holds only"]


SECTIONS = r"""# Derivation

The softmax is $$\sigma(A_i) = \frac{e^{A_i}}{\sum_{j=1}^{C} e^{A_j}}$$
and the loss $$H(Y, \sigma(A)) = - \sum_{i=1}^{C} Y_i \log(\sigma(A_i))$$

$$\frac{\partial \log(\sigma(A_k))}{\partial A_i} = RIGHT$$

# The batch

$$\text{softmax}(A) = \sigma(A) = \frac{\exp(A)}{\sum_j \exp(A_{ij})}$$

$$\text{loss} = \frac{\sigma(A) - Y}{N}$$
"""


def test_sigma_on_entries_is_read_in_its_own_section() -> None:
    steps = judged(SECTIONS.replace("RIGHT", "\\delta_{ik} - \\sigma(A_i)"))
    assert steps[1] == ("holds", "holds"), steps
    steps = judged(SECTIONS.replace("RIGHT", "\\delta_{ik} - \\sigma(A_k)"))
    assert steps[1][0] == "holds only", steps
    # (σ of the matrix in the batch section stays the text's own σ, not read)
    assert all(status == "not checked" for status, _ in steps[2:]), steps


def test_sigma_in_a_section_about_the_sigmoid_is_not_read_as_the_softmax() -> None:
    text = SECTIONS.replace("# The batch", "# The sigmoid\n\n$$\\sigma(A_k)(1 - \\sigma(A_k))$$")
    steps = judged(text.replace("RIGHT", "\\delta_{ik} - \\sigma(A_i)"))
    assert steps[1] == ("holds", "holds"), steps
    steps = judged(text.replace("RIGHT", "\\delta_{ik} - \\sigma(A_k)"))
    assert steps[1][0] == "holds only", steps  # (the softmax section's σ still read)


def test_a_definition_restated_right_after_with_another_value_is_no_step() -> None:
    text = r"""Three classes:
$$
    a_k = w_{k0} x_0 + w_{k1} x_1 + w_{k2}
$$
$$
    a_k = w_{k0} x_0 + w_{k1} x_1 + RIGHT
$$
"""
    assert judged(text.replace("RIGHT", "w_{k2}")) == [("holds", "holds")]
    steps = check_document(text.replace("RIGHT", "w_{k2} x_2")).steps
    assert [step.status for step in steps] == ["definition", "definition"], steps
    assert "a restatement of line 3 that does not hold?" in steps[1].summary


def test_a_clause_after_so_keeps_the_point_its_sentence_sets() -> None:
    # review 67: the words before ", so" set the point (logits at zero), where the claim is true
    text = r"""Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{N} e^{z_k}}$.

We start with all the logits $z_k$ at zero, so $\frac{\partial p_2}{\partial z_1} = -\frac{1}{N^2}$.
"""
    assert all(status != "fails" for status, _ in judged(text))
    for joint in (", therefore", ", thus", ", hence"):
        said = text.replace(", so", joint)
        assert all(status != "fails" for status, _ in judged(said)), joint


def test_a_claim_after_a_paragraph_that_sets_the_point_is_not_flagged() -> None:
    # review 67: "With zero weights, every logit starts at zero." then claims true at z = 0
    text = r"""Let $p_i = \frac{e^{z_i}}{\sum_{k=1}^{N} e^{z_k}}$.

With zero weights, every logit starts at zero.

LEAD $\partial p_1 / \partial z_1 = \frac{N - 1}{N^2}$ and $\partial p_1 / \partial z_2 = -1/N^2$.
"""
    for lead in ("Then", "Here", "Similarly,", "The Jacobian is simple. Then"):
        steps = judged(text.replace("LEAD", lead))
        assert all(status != "fails" for status, _ in steps), (lead, steps)
    # (without the paragraph that sets the point, the same claim fails)
    plain = text.replace("With zero weights, every logit starts at zero.", "Now the Jacobian.")
    assert judged(plain.replace("LEAD", "Then"))[0][0] == "fails"


def test_the_quotient_parts_are_not_read_when_f_is_defined_twice() -> None:
    # review 67: f(x_j) the sigmoid in one section, the softmax in the next
    text = r"""For $f(x) = \frac{g(x)}{h(x)}$ we use the quotient rule.

## Sigmoid

$$ f(x_j) = \frac{ e^{x_j} }{ 1 + e^{x_j} } $$

## Softmax

$$ f(x_j) = \frac{ e^{x_j} }{ \sum_{k} e^{x_k} } $$

For every i,

$$ \frac {\partial h(x_j)}{\partial x_i} = e^{x_i} $$
"""
    assert all(not status.startswith(("fails", "holds only")) for status, _ in judged(text))


CHEAT_SHEET = r"""simple likelihood model
$$
    P(t=1|x)=w
$$

linear regression
$$
    y = w_0 x + w_1
$$

logistic regression
$$
    y = \sigma (w_0 x + w_1) = \frac{1}{1 + exp\{-(w_0 x + w_1)\}}
$$
$$
    y = \sigma (w_0 x + w_1) = P(t=1|x)
$$
$$
    y_n = \sigma(a_n) = \frac{1}{1 + exp(-a_n)}
$$
$$
    \frac{\partial y_n}{\partial a_n} = \sigma(a_n)\{1-\sigma(a_n)\} = RIGHT
$$
"""


def test_a_cheat_sheets_sigma_is_the_logistic_function() -> None:
    # real post 68-02: σ's value named a probability no longer makes σ the text's own
    steps = judged(CHEAT_SHEET.replace("RIGHT", "y_n(1 - y_n)"))
    assert steps[-2:] == [("holds", "holds"), ("holds", "holds")], steps
    steps = judged(CHEAT_SHEET.replace("RIGHT", "y_n(1 + y_n)"))
    assert steps[-1][0] == "fails", steps


def test_a_probability_named_on_the_right_is_not_flagged() -> None:
    # real post 68-02: P(t=1|x) = w in the simple model; σ(…) = P(t=1|x) in the logistic one
    steps = check_document(CHEAT_SHEET.replace("RIGHT", "y_n(1 - y_n)")).steps
    (named,) = [s for s in steps if s.line == 16 and s.step == 2]
    assert named.status == "not checked", named
    text = "Let $z$ be the logit.\n\n$$P(y=1|z) = \\frac{1}{2}$$\n\n$$\\sigma(z) = P(y=1|z)$$\n"
    (named,) = [s for s in check_document(text).steps if s.status != "definition"]
    assert named.status == "not checked" and "a probability, may be named here" in named.summary


def test_sigma_of_each_unit_in_a_section_without_the_softmax_is_not_read() -> None:
    # review 67b: "Multi-label outputs" applies σ to each unit, the sigmoid, never named
    text = r"""## Softmax
$$\sigma(A_i) = \frac{e^{A_i}}{\sum_{j} e^{A_j}}$$
## Batches
For a batch, $P = \sigma(A)$ row by row.
## Multi-label outputs
Here the labels are not exclusive, so each unit gets an independent squashing:
$$L = -\sum_{k} \left[ Y_k \log \sigma(A_k) + (1 - Y_k) \log(1 - \sigma(A_k)) \right]$$
$$\frac{\partial L}{\partial A_j} = \sigma(A_j) - Y_j$$
$$\frac{\partial \sigma(A_k)}{\partial A_j} = -\sigma(A_k)\sigma(A_j) \quad (j \neq k)$$
"""
    assert all(status == "not checked" for status, _ in judged(text))


def test_claims_after_words_that_set_the_point_in_their_section_are_not_flagged() -> None:
    # review 67b: "At the start of training we get $A$ and $B$", "the scores are uniform. By
    # symmetry $…$", a point set two paragraphs up
    head = "Let $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{N} e^{z_j}}$ for every $k$.\n\n"
    claim = "$\\frac{\\partial p_3}{\\partial z_1} = -\\frac{1}{N^2}$"
    for said in (
        f"At the start of training we get {claim} and {claim.replace('p_3', 'p_2')}.",
        f"For a fresh network the scores are uniform. By symmetry {claim}.",
        f"The logits coincide at initialisation.\n\nSimilarly, {claim}.\n\nBy symmetry {claim}.",
    ):
        steps = judged(head + said + "\n")
        assert steps and all(status == "not checked" for status, _ in steps), (said, steps)
    # (with no such words the claim fails)
    assert [status for status, _ in judged(head + f"We get {claim}.\n")] == ["fails"]


def test_the_loss_of_one_observation_under_a_calligraphic_name() -> None:
    # real post 67-12 (CS231n): \mathcal{L}_i at every use, the loss of the i-th observation
    text = r"""The loss at the $i$th observation, with $p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}$:

$$\mathcal{L}_i = -\sum_{k=1}^K y_k \log p_k$$

$$\frac{\partial\mathcal{L}_i}{\partial f_k} = RIGHT$$
"""
    ((_, said),) = judged(text.replace("RIGHT", "p_k - y_k"))
    assert said.startswith("uses Σ_j y_j = 1, which the document does not state"), said
    assert [status for status, _ in judged(text.replace("RIGHT", "y_k - p_k"))] == ["fails"]
    # (beside the total \mathcal{L} = \sum_i \mathcal{L}_i too: the sample's loss)
    both = text.replace(
        "$$\\mathcal{L}_i = ", "$$\\mathcal{L} = \\sum_i \\mathcal{L}_i$$\n\n$$\\mathcal{L}_i = "
    )
    assert [status for status, _ in judged(both.replace("RIGHT", "y_k - p_k"))] == ["fails"]
