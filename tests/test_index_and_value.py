"""One letter, one meaning in a step.  A document that defines ``\\sigma_i`` entry by entry and
later writes the temperature softmax as ``\\sigma_T`` uses T as an index and as a value in one
derivative: read with two symbols, the derivative by the value passes the index by (0), and a
correct step would "fail".  Such a step is not read; the same step about a name that is not
indexed by T is judged, and its sign slip is flagged."""

from symsoft.reading.document import check_document

GRADIENT = (
    "-\\frac{1}{T^2} \\left( \\frac{z_i e^{z_i/T}}{\\sum_j e^{z_j/T}}"
    " - \\frac{e^{z_i/T} \\sum_j z_j e^{z_j/T}}{(\\sum_j e^{z_j/T})^2} \\right)"
)

INDEXED = (
    "The softmax:\n\n$$\\sigma_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\n"
    "With a temperature, its derivative with respect to T is\n\n"
    f"$$\\frac{{\\partial \\sigma_T}}{{\\partial T}} = {GRADIENT}$$\n"
)

NAMED = (
    "With a temperature:\n\n$$p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$$\n\n"
    "Its derivative with respect to T is\n\n"
    f"$$\\frac{{\\partial p_i}}{{\\partial T}} = {GRADIENT}$$\n"
)


def _last(text: str):
    return check_document(text).steps[-1]


def test_a_letter_written_as_an_index_and_as_the_variable_is_not_read():
    step = _last(INDEXED)
    assert step.status == "not checked"
    assert "'T' is written both as an index and as a value in this derivative" in step.summary


def test_a_letter_written_as_an_index_and_as_a_value_across_the_sides_is_not_read():
    text = "Let $p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$. Then\n\n$$p_T = \\frac{1}{T}$$\n"
    step = _last(text)
    assert step.status == "not checked"
    assert "'T' is written both as an index and as a value" in step.summary


def test_twin_the_temperature_derivative_of_a_named_softmax_is_judged():
    assert _last(NAMED).status == "holds"
    wrong = NAMED.replace("= -\\frac{1}{T^2}", "= \\frac{1}{T^2}")
    step = _last(wrong)
    assert step.status == "fails"
    assert ("T", "7/2") in step.cases[0].verdict.counterexample.point


def test_a_function_written_with_a_script_is_not_read_and_says_so() -> None:
    text = "With a temperature:\n\n$$\\sigma_T(z_i) = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$$\n"
    step = check_document(text).steps[0]
    assert step.status == "not checked"
    assert "a function written with a script, applied to z_i" in step.summary
    assert "ambiguous" in step.summary
    assert "\ue000" not in step.summary
