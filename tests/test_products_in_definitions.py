"""Two letters written together in a definition (``\\hat{y} = wx + b``) are a product when the
document writes each of them alone, as they are in a step; otherwise the definition is not
read.  Each reading has a twin with a slip that is flagged."""

from symsoft.reading.document import check_document

TEXT = (
    "The loss of one example is\n\n"
    "$$L = -y \\log \\hat{y} - (1 - y) \\log (1 - \\hat{y})$$\n\n"
    "Let $\\hat{y} = wx + b$. Then\n\n"
    "$$\\frac{\\partial \\hat{y}}{\\partial w} = x$$\n\n"
    "and\n\n"
    "$$\\frac{\\partial L}{\\partial w} = \\left( - \\frac{y}{\\hat{y}}"
    " + \\frac{1 - y}{1 - \\hat{y}} \\right) x$$\n"
)


def _statuses(text: str) -> list[str]:
    return [s.status for s in check_document(text).steps if s.status != "definition"]


def test_a_definition_with_letters_written_together_is_read_as_a_product():
    assert _statuses(TEXT) == ["holds", "holds"]


def test_twin_a_slip_in_the_derivative_by_w_is_flagged():
    assert _statuses(TEXT.replace("\\partial w} = x$$", "\\partial w} = w$$")) == ["fails", "holds"]


def test_twin_a_sign_slip_in_the_chain_rule_is_flagged():
    wrong = TEXT.replace("+ \\frac{1 - y}{1 - \\hat{y}}", "- \\frac{1 - y}{1 - \\hat{y}}")
    assert _statuses(wrong) == ["holds", "fails"]


GLUED = (
    "The loss is\n\n$$L = \\frac{1}{2}(\\hat{y} - y)^2$$\n\n"
    "Let $\\hat{y} = wx + b$. Then\n\n$$\\frac{\\partial L}{\\partial b} = \\hat{y} - y$$\n"
)


def test_letters_not_written_alone_stay_one_name_or_a_product():
    (step,) = [s for s in check_document(GLUED).steps if s.status != "definition"]
    assert step.status == "not checked" and "definition of yhat" in step.summary
    wrong = GLUED.replace("= \\hat{y} - y$$", "= \\hat{y} + y$$")
    (step,) = [s for s in check_document(wrong).steps if s.status != "definition"]
    assert step.status == "not checked"
