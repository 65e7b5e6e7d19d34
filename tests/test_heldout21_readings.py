"""Readings added in the twenty-first round of real posts. Every reading that holds has a twin
with a slip that does not."""

from __future__ import annotations

from symsoft.reading.claim.claims import check_claim
from symsoft.reading.document import check_document


def statuses(text: str) -> dict[int, str]:
    return {s.line: s.summary.split(":")[0] for s in check_document(text).steps}


SCORES = (
    "The weights are a softmax of the scores:\n\n"
    "$$P_{j} = \\frac{e^{S_{j}}}{\\sum_k e^{S_{k}}}$$\n\n"
    "Then\n\n"
    "$$\\frac{\\partial P_{j}}{\\partial S_{l}} = P_{j}(\\delta_{jl} - P_{l})$$\n"
)


def test_scores_a_definition_exponentiates_are_free_not_symsofts_softmax_s():
    # S is symsoft's default name of a softmax, but here the document's own P exponentiates
    # S: S holds the scores, a free vector
    assert statuses(SCORES)[7] == "holds"
    assert statuses(SCORES.replace("- P_{l})", "- P_{j})"))[7].startswith("holds only when j = l")
    assert statuses(SCORES.replace("(\\delta_{jl} - P_{l})", "(P_{l} - \\delta_{jl})"))[
        7
    ].startswith("fails")


def test_s_written_as_a_probability_keeps_its_default():
    # L = -Σ y log S: S is the softmax output (symsoft's default, stated nowhere)
    text = "$$L = -\\sum_k y_k \\log S_k$$\n\n$$\\frac{\\partial L}{\\partial a_j} = S_j - y_j$$\n"
    found = check_document(text).steps[1].summary
    assert "uses Σ_j y_j = 1" in found and "S_m = \\frac{e^{a_m}}" in found
    wrong = check_document(text.replace("S_j - y_j", "y_j - S_j")).steps[1].summary
    assert "fails" in wrong and "S_m = \\frac{e^{a_m}}" in wrong


UV = (
    "Let $u = e^x$ and $v = e^{-x}$, so that $y = \\frac{u - v}{u + v}$.\n\n"
    "$$u' = e^x, \\quad v' = -e^{-x}$$\n\n"
    "$$\\frac{dy}{dx} = \\frac{(u' - v')(u + v) - (u - v)(u' + v')}{(u + v)^2}$$\n"
)


def test_a_defined_letter_written_primed_is_its_derivative_by_its_one_variable():
    found = check_document(UV).steps
    assert [s.summary for s in found] == ["holds", "holds", "holds"]
    slipped = check_document(UV.replace("v' = -e^{-x}", "v' = e^{-x}")).steps
    assert slipped[1].summary.startswith("fails")
    # the quotient rule with the numerator's terms swapped (a sign slip)
    swapped = UV.replace(
        "(u' - v')(u + v) - (u - v)(u' + v')", "(u - v)(u' + v') - (u' - v')(u + v)"
    )
    assert check_document(swapped).steps[2].summary.startswith("fails")


def test_a_primed_letter_of_two_variables_is_not_read():
    text = "Let $u = wx$.\n\n$$u' = w$$\n"
    assert check_document(text).steps[0].summary.startswith("not checked")


ROWS = "$$\n\\frac{d}{dx} x^3 = \\\\\n3 x^2 = \\\\\n3 x x\n$$\n"


def test_a_row_that_ends_with_its_equals_sign_goes_on_in_the_next():
    assert statuses(ROWS) == {2: "holds", 3: "holds"}
    assert statuses(ROWS.replace("3 x^2", "2 x^2"))[2].startswith("fails")


def test_a_backslash_at_the_end_of_a_line_is_a_space():
    text = "$$\n\\frac{d}{dx} x^3 = \\\n3 x^2 = \\\n3 x x\n$$\n"
    assert statuses(text) == {2: "holds", 3: "holds"}
    assert statuses(text.replace("3 x x", "3 x"))[3].startswith("fails")


def test_a_factor_one_after_a_parenthesis_is_read_and_another_number_is_not():
    text = (
        "Let $z = w \\cdot x + b$ and $L = \\frac{1}{2}(z - y)^2$.\n\n"
        "$$\\frac{\\partial L}{\\partial b} = (z - y)1$$\n"
    )
    assert statuses(text)[3] == "holds"
    assert statuses(text.replace("(z - y)1", "(y - z)1"))[3].startswith("fails")
    # (z - y)2 may be a square whose ^ was lost: not read
    assert (
        "a number after a factor"
        in check_document(text.replace("(z - y)1", "(z - y)2")).steps[-1].summary
    )


ZEROS = (
    "$$\\frac{\\partial}{\\partial z_{k}} \\sum_{l=1}^{L} e^{z_{l}} = "
    "0 + 0 + \\cdots + e^{z_{k}} + \\cdots + 0 + 0 = e^{z_{k}}$$\n"
)


def test_a_run_of_zeros_with_dots_and_one_term_is_that_term():
    assert [s.summary for s in check_document(ZEROS).steps] == ["holds", "holds"]
    doubled = check_document(ZEROS.replace("\\cdots + e^{z_{k}}", "\\cdots + 2e^{z_{k}}")).steps
    assert doubled[0].summary.startswith("fails") and doubled[1].summary.startswith("fails")


def test_a_run_of_zeros_after_a_minus_or_at_a_summed_letter_is_not_read():
    after_minus = ZEROS.replace("= 0 + 0 +", "= 1 - 0 + 0 +")
    assert check_document(after_minus).steps[0].summary.startswith("not checked")
    summed = ZEROS.replace("\\cdots + e^{z_{k}}", "\\cdots + e^{z_{l}}")
    assert check_document(summed).steps[0].summary.startswith("not checked")


def test_a_letter_of_the_index_range_differentiated_by_and_never_an_index_is_a_variable():
    text = "$$\n\\frac{d}{dn} e^n = e^n \\cdot \\frac{d}{dn} n = e^n \\cdot 1 = e^n\n$$\n"
    assert [s.summary for s in check_document(text).steps] == ["holds"] * 3
    slipped = check_document(text.replace("= e^n \\cdot 1", "= n e^n \\cdot 1")).steps
    assert slipped[1].summary.startswith("fails")
    # n written as an index too (x_n): which is it? not read
    indexed = check_document(text + "\n$$x_n = 1$$\n").steps
    assert "index 'n' used as a value" in indexed[0].summary


JACOBIAN = (
    "$$\\frac{\\partial \\text{softmax}(\\mathbf{z})}{\\partial \\mathbf{z}} = "
    "\\operatorname{diag}(\\text{softmax}(\\mathbf{z})) - "
    "\\text{softmax}(\\mathbf{z})\\text{softmax}(\\mathbf{z})^T$$\n"
)


def test_the_jacobian_of_the_softmax_of_a_vector_written_as_a_call():
    assert statuses(JACOBIAN) == {1: "holds"}
    # the outer product added: wrong whichever convention (as rows, p p^T is a number, and a
    # number added to a matrix is no reading)
    assert statuses(JACOBIAN.replace(")) - ", ")) + "))[1].startswith("fails")


SIGMA_JACOBIAN = (
    "We will write $\\text{softmax}$ as $\\sigma$.\n"
    "$$\n\\sigma(\\mathbf{z})_{j} = "
    "\\frac{\\exp (\\mathbf{z})_{j}}{\\sum_{k=1}^{Q} \\exp (z_{k})}\n$$\n"
    "where $Q$ is the number of classes.\n\n"
    "$$\n\\frac{\\partial \\sigma(\\mathbf{z})}{\\partial \\mathbf{z}} =\n"
    "\\text{diag}(\\sigma(\\mathbf{z})) - \\sigma(\\mathbf{z}) \\sigma(\\mathbf{z})^T\n$$\n\n"
    "$$\n\\frac{\\partial \\sigma(\\mathbf{z})}{\\partial \\mathbf{z}} =\n\\begin{bmatrix}\n"
    "\\sigma(\\mathbf{z})_{1} (1 - \\sigma(\\mathbf{z})_1) & \\cdots & "
    "-\\sigma(\\mathbf{z})_{1} \\sigma(\\mathbf{z})_{Q} \\\\\n"
    "\\vdots & \\ddots & \\vdots \\\\\n"
    "-\\sigma(\\mathbf{z})_{Q} \\sigma(\\mathbf{z})_{1} & \\cdots & "
    "\\sigma(\\mathbf{z})_{Q} (1 - \\sigma(\\mathbf{z})_Q)\n\\end{bmatrix}\n$$\n"
)


def test_sigma_defined_as_the_softmax_of_a_bold_vector_and_its_jacobian():
    found = statuses(SIGMA_JACOBIAN)
    assert found[3] == "definition of \\sigma(\\mathbf{z})_{j}"
    assert found[8] == "holds" and found[13].startswith("holds at N = 2, 3, 4")
    flipped = statuses(
        SIGMA_JACOBIAN.replace("(\\sigma(\\mathbf{z})) -", "(\\sigma(\\mathbf{z})) +")
    )
    assert flipped[8].startswith("fails")
    corner = SIGMA_JACOBIAN.replace(
        "-\\sigma(\\mathbf{z})_{1} \\sigma(\\mathbf{z})_{Q} \\\\",
        "\\sigma(\\mathbf{z})_{1} \\sigma(\\mathbf{z})_{Q} \\\\",
    )
    assert statuses(corner)[13].startswith("fails")


def test_e_to_a_vector_is_read_entry_by_entry():
    claim = "\\text{softmax}(\\mathbf{z}) = \\frac{e^{\\mathbf{z}}}{\\sum_k e^{z_k}}"
    assert check_claim(claim).status == "proved"
    assert check_claim(claim.replace("e^{\\mathbf{z}}", "e^{-\\mathbf{z}}")).status == "refuted"


QUOTIENT_RULE = (
    "$\\frac {\\partial \\frac{ f(x)}{ g(x)}} {\\partial x} = \\frac{\\frac {\\partial f(x)}"
    "{\\partial x} . g(x) \\ - f(x) . \\frac {\\partial g(x)}{\\partial x}} {g(x)^2}$\n"
)


def test_a_rule_in_leibniz_notation_has_unknown_functions():
    assert statuses(QUOTIENT_RULE) == {1: "holds"}
    wrong = check_document(QUOTIENT_RULE.replace("\\ - f(x)", "\\ + f(x)")).steps[0].summary
    assert wrong.startswith("fails")
    product = "$$\\frac{d}{dx} (f(x) g(x)) = \\frac{d f(x)}{dx} g(x) + f(x) \\frac{d g(x)}{dx}$$\n"
    assert statuses(product) == {1: "holds"}
    assert statuses(product.replace("+ f(x)", "- f(x)"))[1].startswith("fails")


def test_functions_with_a_stated_derivative_are_particular_not_a_rule():
    text = "$$\\frac{d f(x)}{dx} = e^x, \\quad \\frac{d g(x)}{dx} = 1$$\n"
    assert all(s.summary.startswith("not checked") for s in check_document(text).steps)


def test_sides_read_as_one_row_and_as_two_indices_are_never_put_together():
    from symsoft.reading.documents.batch_rows import rows_apart
    from symsoft.reading.documents.spans import Span, Text

    text = Text.of("$$e^{z_{n,k}}$$ $$= e^{z_{n,k}}$$")
    left, right = Span(2, 13), Span(19, 30)
    assert not rows_apart(text, left, right)  # both as written
    text.chars[2:13] = list("e^{z_{k}}  ")  # the first display read as row n
    assert rows_apart(text, left, right) and rows_apart(text, right, left)
    text.chars[19:30] = list("e^{z_{k}}  ")  # both read as the row
    assert not rows_apart(text, left, right)


CASE_LED = (
    "Let $y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$.\n\n"
    "For softmax function, when $i = k$, we have $\\partial y_i / \\partial x_k = y_i \\cdot "
    "(1 - y_i)$ and when $i \\not= k$, we have $\\partial y_i / \\partial x_k = - y_i y_k$\n"
)


def test_a_case_led_claim_after_a_short_phrase_in_a_sentence():
    found = [s.summary for s in check_document(CASE_LED).steps]
    assert found == ["holds when i = k", "holds when i ≠ k"]
    slipped = [s.summary for s in check_document(CASE_LED.replace("(1 - y_i)", "(1 + y_i)")).steps]
    assert slipped[0].startswith("fails")


INTERMEDIATE = (
    "$$L = -\\sum_k y_k \\log \\text{softmax}(\\mathbf{z})_k$$\n\n"
    "Multiplying by $\\partial L / \\partial s_k = -y_k / s_k$, one entry of the gradient is\n\n"
    "$$\\frac{\\partial L}{\\partial z_j} = -\\sum_k y_k (\\delta_{kj} - s_j)$$\n"
)


def test_a_letter_differentiated_by_in_prose_but_absent_from_the_loss_is_no_free_input():
    # ∂L/∂s_k said, L defined without s: s is a step between (the softmax), not a free input;
    # read free, the correct step fails, so the flag is withheld
    found = check_document(INTERMEDIATE).steps[-1].summary
    assert found.startswith("not checked: ambiguous") and "s is a free variable" in found
    # a slip written without s is still flagged
    slip = INTERMEDIATE.replace("- s_j)", "+ \\text{softmax}(\\mathbf{z})_j)")
    assert check_document(slip).steps[-1].summary.startswith("fails")


def test_plain_tex_bold_letters():
    text = (
        "Let ${\\bf p} = \\text{softmax}({\\bf z})$ and $L = -\\sum_k y_k \\log p_k$, "
        "with $\\sum_k y_k = 1$.\n\n"
        "$$\\nabla_{\\bf z} L = {\\bf p} - {\\bf y}$$\n"
    )
    assert statuses(text)[3].startswith("holds")
    assert statuses(text.replace("{\\bf p} - {\\bf y}$$", "{\\bf y} - {\\bf p}$$"))[3].startswith(
        "fails"
    )


def test_a_prime_is_no_derivative_in_a_text_that_never_speaks_of_one():
    shifted = (
        "Let $y = 2x + 1$. If we shift the input by one, the new output is\n\n"
        "$$y' = 2(x + 1) + 1 = 2x + 3$$\n"
    )
    assert not any(s.flagged for s in check_document(shifted).steps)
    # where the text speaks of derivatives, y' is one: 2 holds, 3 fails
    said = shifted.replace("If we shift the input by one, the new output is", "Its derivative:")
    said = said.replace("2(x + 1) + 1 = 2x + 3", "2")
    assert statuses(said)[3] == "holds"
    assert statuses(said.replace("y' = 2", "y' = 3"))[3].startswith("fails")


def test_a_relation_inside_an_indicator_in_the_lead_in_is_no_case():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. Using the indicator $1_{i=j}$,\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_j} = p_i(1_{i=j} - p_i)$$\n"
    )
    found = check_document(text).steps[0]
    assert found.status != "holds"  # wrong when i ≠ j: never "holds when i = j"
    assert statuses(text.replace("- p_i)$$", "- p_j)$$"))[3] == "holds"
