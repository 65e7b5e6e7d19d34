"""Index notation as real posts write it: two indices without a comma (``x_{i1}``, a design
matrix's row i and column 1; ``x_{2k}`` may be twice k and is not read); the derivative of a
number, ``\\dfrac{d}{dz_i}(1)``, written out as a step."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.grammar.latex import parse_expression

LINEAR = (
    "Each sample has two features, $x_{i1}$ and $x_{i2}$.\n\n"
    "$$z_i = w_1x_{i1} + w_2x_{i2} + b$$\n\n"
    "$$\\frac{\\partial}{\\partial w_1} \\ln(1 + e^{-z_i}) = "
    "-\\frac{e^{-z_i}}{1 + e^{-z_i}} x_{i1} = RESULT$$\n"
)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("x_{i1}", "x[i, 1]"),
        ("x_{i 1}", "x[i, 1]"),
        ("w_2x_{i2}", "w[2]*x[i, 2]"),
    ],
)
def test_two_indices_written_without_a_comma(written: str, read: str) -> None:
    assert str(parse_expression(written, open_names=True)) == read


def test_two_indices_and_a_number_of_several_digits_are_not_read() -> None:
    with pytest.raises(ValueError, match="ambiguous indices"):
        parse_expression("x_{i12}", open_names=True)
    with pytest.raises(ValueError, match="unexpected 'k'"):  # 2k, twice k, or 2 and k?
        parse_expression("x_{2k}", open_names=True)


def test_a_design_matrix_entry_differentiated_through_a_linear_score() -> None:
    steps = check_document(LINEAR.replace("RESULT", r"(\sigma(z_i) - 1) x_{i1}")).steps
    assert [step.status for step in steps] == ["definition", "holds", "holds"]
    swapped = check_document(LINEAR.replace("RESULT", r"(\sigma(z_i) - 1) x_{i2}")).steps
    assert swapped[-1].status == "fails"


CONSTANT = (
    "$$\n\\begin{align*}\n"
    "\\dfrac{d}{dz_i}(1 + e^{-z_i}) &= \\dfrac{d}{dz_i}(1) + \\dfrac{d}{dz_i}(e^{-z_i}) \\\\\n"
    "&= RESULT\n"
    "\\end{align*}\n$$\n"
)


@pytest.mark.parametrize(
    ("result", "status"),
    [("0 - e^{-z_i}", "holds"), ("1 - e^{-z_i}", "fails"), ("0 + e^{-z_i}", "fails")],
)
def test_the_derivative_of_a_number_is_zero(result: str, status: str) -> None:
    first, second = check_document(CONSTANT.replace("RESULT", result)).steps
    assert first.status == "holds" and second.status == status


@pytest.mark.parametrize("rhs", [r"-y_k + y_i \hat{y}_k", r"-y_i + y_i \hat{y}_k"])
def test_a_delta_that_lost_its_subscript_is_not_read(rhs: str) -> None:
    text = (
        "Let $\\hat{y}_k = \\frac{e^{\\theta_k}}{\\sum_m e^{\\theta_m}}$.\n\n"
        f"$$-y_i \\delta{{ik}} + y_i \\hat{{y}}_k = {rhs}$$\n"
    )
    (step,) = check_document(text).steps
    assert step.status == "not checked" and "δ with its subscript lost" in step.summary


ENTRY_OF_VECTOR = (
    "The softmax turns the vector $z$ into probabilities:\n\n"
    "$$\\sigma_i(z) = \\frac{e^{z_{i}}}{\\sum^K_{j=1} e^{z_{j}}}$$\n\n"
    "$$\\frac{\\partial \\sigma_i(z)}{\\partial z_s} = RESULT$$\n"
)


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (r"\sigma_i(z) (\delta_{is} - \sigma_s(z))", "holds"),
        (r"\sigma_i(z) (\delta_{is} + \sigma_s(z))", "fails"),
        (r"\sigma_s(z) (\delta_{is} - \sigma_i(z))", "holds"),
        (r"\sigma_i(z) (1 - \sigma_s(z))", "holds only"),
    ],
)
def test_an_entry_written_with_its_vector_is_the_entry(result: str, status: str) -> None:
    definition, step = check_document(ENTRY_OF_VECTOR.replace("RESULT", result)).steps
    assert definition.status == "definition" and step.status == status


@pytest.mark.parametrize(
    "text",
    [
        # no definition of the entry as a function of the vector: h_m(i), an index as argument
        "$$y_m = \\frac{e^{h_m}}{\\sum_i e^{h_m(i)}}$$\n\n$$y_m(a) = y_m(b)$$\n",
        # two arguments: which vector?
        "$$\\sigma_i(x) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$\n\n$$\\sigma_i(z) = \\sigma_i(x)$$\n",
    ],
)
def test_an_entry_with_an_argument_and_no_such_definition_is_left_as_written(text: str) -> None:
    assert all(step.status != "holds" for step in check_document(text).steps)


def test_a_case_announced_with_any_letters_is_read_when_both_are_subscripts() -> None:
    text = ENTRY_OF_VECTOR.replace("$$\\frac", "If $s = i$:\n\n$$\\frac", 1).replace(
        "RESULT", r"\sigma_i(z) (1 - \sigma_i(z))"
    )
    step = check_document(text).steps[-1]
    assert not step.flagged and step.summary == "holds when i = s"
    # a letter written as no subscript (q) makes no case: the step is not read in one
    other = check_document(text.replace("If $s = i$", "If $q = i$")).steps[-1]
    assert not other.flagged and "speaks of index cases" in other.summary
    wrong = text.replace(r"(1 - \sigma_i(z))", r"(1 + \sigma_i(z))")
    assert check_document(wrong).steps[-1].status == "fails"


def test_the_constant_e_is_no_number_to_differentiate() -> None:
    # the quotient rule with bare operators: applied to the factor e^{z_j} alone it holds, so
    # the operand is open; e (a letter, Euler's number) must not become a derivative of 0
    text = (
        "$$S_j = \\frac{e^{z_j}}{\\sum_{l=1}^{L} e^{z_l}}$$\n\n"
        "$$\\frac{\\partial S_j}{\\partial z_k} = \\frac{\\frac{\\partial}{\\partial z_k} e^{z_j} "
        "\\cdot \\sum_{l=1}^{L} e^{z_l} - e^{z_j} \\cdot \\frac{\\partial}{\\partial z_k} "
        "\\sum_{l=1}^{L} e^{z_l}}{\\left[ \\sum_{l=1}^{L} e^{z_l} \\right]^2}$$\n"
    )
    assert not check_document(text).steps[-1].flagged
