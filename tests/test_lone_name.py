"""A step that sets a name with no meaning read here equal to an expression says what the name
stands for (a definition not read as one): its flag is withheld.  A defined name restated
wrongly, and a slip in the chain after such a step, are still flagged."""

from symsoft.reading.document import check_document

BATCH = (
    "Example $m$ has the scores $z_{m1}, \\dots, z_{mK}$ and the probabilities\n\n"
    "$$\\hat{Y}_{mk} = \\frac{e^{z_{mk}}}{\\sum_{j=1}^{K} e^{z_{mj}}}$$\n\n"
    "and the loss is\n\n"
    "$$J = -\\frac{1}{M}\\sum_{m=1}^{M}\\sum_{k=1}^{K} Y_{mk}\\log \\hat{Y}_{mk}$$\n\n"
    "With two classes only the gap $s_m = z_{m1} - z_{m2}$ matters:\n\n"
    "$$\\hat{Y}_{m2} = \\frac{e^{z_{m2}}}{e^{z_{m1}} + e^{z_{m2}}}"
    " = \\frac{1}{1 + e^{z_{m1} - z_{m2}}}$$\n"
)


def _steps(text: str):
    line = text[: text.index("\\hat{Y}_{m2}")].count("\n") + 1
    return [s for s in check_document(text).steps if s.line == line]


def test_a_name_with_no_meaning_read_set_equal_to_its_value_is_not_flagged():
    first, second = _steps(BATCH)
    # the definition is about the one row m (its softmax sums over the second index), read as
    # \hat{Y}_k; \hat{Y}_{m2} (no comma, a digit) is entry 2 of that row (session 28): with
    # the two classes the text names it holds, but a stated size never decides a step (session
    # 33): undecided, and never flagged
    assert first.status == "unknown" and "holds at N = 2" in first.summary
    assert second.status == "holds"
    unsized = _steps(BATCH.replace("With two classes only the gap", "Only the gap"))
    assert unsized[0].summary.startswith("undecided (always): holds at N = 2")


def test_twin_a_slip_after_it_in_the_chain_is_flagged():
    wrong = BATCH.replace("e^{z_{m1} - z_{m2}}}$$", "e^{z_{m2} - z_{m1}}}$$")
    first, second = _steps(wrong)
    assert first.status == "unknown"  # true at the two classes only (see above)
    assert second.status == "fails"
    swapped = BATCH.replace("= \\frac{e^{z_{m2}}}{e^{z_{m1}}", "= \\frac{e^{z_{m1}}}{e^{z_{m1}}")
    assert _steps(swapped)[0].status == "fails"


RESTATED = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. For the first class,\n\n"
    "$$p_1 = \\frac{e^{z_1}}{\\sum_k e^{z_k}}$$\n"
)


def test_twin_a_defined_name_restated_with_an_index_slip_is_flagged():
    assert [s.status for s in check_document(RESTATED).steps][-1] == "holds"
    wrong = RESTATED.replace("$$p_1 = \\frac{e^{z_1}}", "$$p_1 = \\frac{e^{z_2}}")
    assert [s.status for s in check_document(wrong).steps][-1] == "fails"


AUXILIARY = (
    "Define the auxiliary variables:\n\n"
    "\\[\n\\begin{align*}\no &= Wx + b \\\\\ne &= \\exp(o)\n\\end{align*}\n\\]\n\n"
    "so that $\\frac{\\partial o}{\\partial b} = 1$ and $\\frac{\\partial o}{\\partial W} = x$.\n"
)


def test_e_alone_defined_as_a_value_is_not_taken_for_eulers_number():
    steps = [s for s in check_document(AUXILIARY).steps if s.line == 6]
    assert [s.status for s in steps] == ["not checked"]
    assert "not Euler's number" in steps[0].summary


def test_twin_eulers_number_in_a_wrong_step_is_still_flagged():
    wrong = AUXILIARY.replace("e &= \\exp(o)", "e^{0} &= 0")
    assert [s.status for s in check_document(wrong).steps if s.line == 6] == ["fails"]
