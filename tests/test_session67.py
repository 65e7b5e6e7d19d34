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
from tests.steps import judged

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
    for lead in ("Similarly,", "Likewise,", "By symmetry,", "In exactly the same way", "Here"):
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
    text = QUOTIENT
    given = {"NUMERATOR": "e^{x_i}", "DENOMINATOR": "e^{x_i}", "LAST": "f(x_j)"}
    for key, value in (given | values).items():
        text = text.replace(key, value)
    return judged(text)


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


def test_a_claim_after_an_identity_it_comes_from() -> None:
    text = r"""Let $s_i = \frac{e^{z_i}}{Z}$ with $Z = \sum_k e^{z_k}$.

From $\log s_i = z_i - \log Z$ you get $\dfrac{\partial \log s_i}{\partial z_j} = RIGHT$.
"""
    assert [status for status, _ in judged(text.replace("RIGHT", "\\delta_{ij} - s_j"))] == [
        "holds",
        "holds",
    ]
    steps = judged(text.replace("RIGHT", "\\delta_{ij} - s_i"))
    assert [status for status, _ in steps] == ["holds", "holds only"], steps
    wrong = text.replace("you get", "we would get").replace("RIGHT", "\\delta_{ij} + s_j")
    assert judged(wrong) == []  # (a supposition: neither is claimed)


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
