"""Readings added in the twenty-first round of real posts. Every reading that holds has a twin
with a slip that does not."""

from __future__ import annotations

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
