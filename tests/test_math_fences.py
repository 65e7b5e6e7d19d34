"""GitHub's and GitLab's fenced ```math blocks are displays; other fenced code stays blank."""

from symsoft.reading.document import check_document

TEXT = (
    "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$. Then\n"
    "\n"
    "```math\n"
    "\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j)\n"
    "```\n"
    "\n"
    "```python\n"
    "grad = s * (1 == 2)\n"
    "```\n"
)


def test_a_math_fence_is_a_display_on_its_own_lines():
    (step,) = [s for s in check_document(TEXT).steps if s.status != "definition"]
    assert (step.line, step.status) == (4, "holds")


def test_twin_a_dropped_delta_in_a_math_fence_is_flagged():
    wrong = TEXT.replace("S_i(\\delta_{ij} - S_j)", "S_i(1 - S_j)")
    (step,) = [s for s in check_document(wrong).steps if s.status != "definition"]
    assert step.status == "holds only" and "i = j" in step.summary


def test_other_fences_and_an_unclosed_math_fence_are_not_read():
    code = TEXT.replace("```math", "```latex")
    assert [s.line for s in check_document(code).steps if s.status != "definition"] == []
    unclosed = TEXT.split("```python")[0]
    unclosed = unclosed[: unclosed.rindex("```")]
    assert [s.line for s in check_document(unclosed).steps if s.status != "definition"] == []
