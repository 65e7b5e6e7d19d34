"""Flags withheld when the step may rest on values the text does not write: one free name put
for another (``-y \\log p = -y \\log \\sigma(x)``, p = σ(x) never written), and free names set
equal to decimals (a worked example's values given in a table).  Each has a twin that is still
flagged."""

from symsoft.reading.document import check_document


def _statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


BCE = (
    "The logistic loss is\n\n"
    "$$\\begin{aligned} \\mathcal{L} &= - y \\log(p) - (1 - y) \\log(1-p) \\\\\n"
    "&= - y \\log(\\sigma(x)) - (1 - y) \\log(1-\\sigma(x)) \\\\\n"
    "&= y \\log(1+e^{-x}) + (1 - y)(x + \\log(1+e^{-x})) \\end{aligned}$$\n"
)


def test_a_name_put_for_another_unwritten_is_not_flagged():
    steps = check_document(BCE).steps
    assert [s.status for s in steps] == ["definition", "not checked", "holds"]
    assert "it holds if p stands for 1/(1 + exp(-x))" in steps[1].summary


def test_twin_the_same_names_on_both_sides_are_still_flagged():
    wrong = BCE.replace("- (1 - y) \\log(1-\\sigma(x)) \\\\", "- (1 - y) \\log(\\sigma(x)) \\\\")
    wrong = wrong.replace("-y \\log(p) - (1 - y) \\log(1-p)", "-y \\log(p) - (1 - y) \\log(1-p)")
    text = wrong.replace("The logistic loss is", "With $p = \\sigma(x)$, the logistic loss is")
    statuses = _statuses(text)
    assert statuses[1] == "fails", statuses


def test_twin_a_slip_no_value_put_for_the_name_mends_is_flagged():
    text = BCE.replace("\\log(1-\\sigma(x)) \\\\", "\\log(\\sigma(x)) \\\\", 1)
    assert _statuses(text)[1] == "fails"


def test_twin_a_slip_between_the_same_free_names_is_flagged():
    text = (
        "$$\\mathcal{L} = y p + (1 - y)(1 - p)$$\n\n"
        "$$y p + (1 - y)(1 - p) = 1 - y - p$$\n"  # 2yp dropped
    )
    assert _statuses(text) == ["definition", "fails"]


TABLE = (
    "$$P_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n"
    "| z | e^z |\n|---|---|\n| 2.0 | 7.389 |\n| 1.0 | 2.718 |\n| -1.0 | 0.368 |\n\n"
    "$$\\sum_j e^{z_j} = 7.389 + 2.718 + 0.368 = 10.475$$\n"
)


def test_free_names_set_equal_to_decimals_are_not_flagged():
    steps = check_document(TABLE).steps[1:]
    assert steps[0].status == "not checked" and "decimals alone" in steps[0].summary
    assert steps[1].status == "holds"  # 7.389 + 2.718 + 0.368 = 10.475


def test_twin_decimals_that_do_not_add_up_are_flagged():
    text = TABLE.replace("= 10.475", "= 10.575")
    assert _statuses(text)[2] == "fails"


def test_twin_a_number_without_free_names_is_flagged():
    assert _statuses("$$e^{0} + \\frac{1}{2} = 2.5$$\n") == ["fails"]
