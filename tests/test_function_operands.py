"""What a derivative operator applies to when a function call ends its term: ``ln(…)`` and
``log(…)`` written without a backslash, a call of a function the document defines
(``\\frac{\\partial}{\\partial w} g(a)``); and a derivative by a name the expression writes only
with an index (``\\frac{\\partial p_i}{\\partial z}``), which is not read."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

LOGITS = "$$\\hat{y}_i = \\frac{e^{Z_i}}{\\sum_{k=1}^C e^{Z_k}}$$\n\nIf $i \\neq j$:\n\n$$STEP$$\n"

SIGMOID = "Let $g(x) = \\frac{1}{1 + e^{-x}}$ and $a_i = w_i x_i$.\n\n$$STEP$$\n"  # one function g


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial \hat{y}_i}{\partial Z_j} = -\hat{y}_i \hat{y}_j", "holds"),
        (r"\frac{\partial \hat{y}_i}{\partial Z_j} = \hat{y}_i \hat{y}_j", "fails"),
        (r"\frac{\partial}{\partial Z_j} ln(\sum_{k=1}^C e^{Z_k}) = \hat{y}_j", "holds"),
        (r"\frac{\partial}{\partial Z_j} ln(\sum_{k=1}^C e^{Z_k}) = 1 - \hat{y}_j", "fails"),
        (r"\frac{\partial}{\partial Z_i} log(\hat{y}_i) = 1 - \hat{y}_i", "holds"),
        (r"\frac{\partial}{\partial Z_i} log(\hat{y}_i) = 1 + \hat{y}_i", "fails"),
        (r"\frac{\partial}{\partial Z_i} ln\left(\hat{y}_i\right) = 1 - \hat{y}_i", "holds"),
        (r"\frac{\partial}{\partial Z_i} \log\left(\hat{y}_i\right) = 1 + \hat{y}_i", "fails"),
        # the operand goes on after the call: fails however much the operator applies to
        (r"\frac{\partial}{\partial Z_i} ln(\hat{y}_i) \hat{y}_i = 1 - \hat{y}_i", "fails"),
    ],
)
def test_a_plain_log_after_a_derivative_operator(step: str, status: str) -> None:
    result = check_document(LOGITS.replace("STEP", step)).steps[-1]
    assert result.status == status, result.summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial}{\partial w_i} g(a_i) = g(a_i)(1 - g(a_i)) x_i", "holds"),
        (r"\frac{\partial}{\partial w_i} g(a_i) = g(a_i)(1 + g(a_i)) x_i", "fails"),
        (r"\frac{\partial}{\partial w_i} g(a_i) = g(a_i)(1 - g(a_i))", "fails"),  # dropped x_i
        (r"\frac{\partial}{\partial w_i} g( a_i ) + 1 = g(a_i)(1 - g(a_i)) x_i + 1", "holds"),
    ],
)
def test_a_call_of_the_documents_function_is_the_operand(step: str, status: str) -> None:
    result = check_document(SIGMOID.replace("STEP", step)).steps[-1]
    assert result.status == status, result.summary


@pytest.mark.parametrize(
    "step",
    [
        # a product after the call: applied to g alone, or to g(a)(1 - g(a))?
        r"\frac{\partial}{\partial w_i} g(a_i)(1 - g(a_i)) = g(a_i)(1 - g(a_i))^2 x_i",
        # q is no function of the document: a product q·(a_i), or a call?
        r"\frac{\partial}{\partial w_i} q(a_i) = q(a_i) x_i",
    ],
)
def test_what_stays_unread(step: str) -> None:
    result = check_document(SIGMOID.replace("STEP", step)).steps[-1]
    assert result.status == "not checked", result.summary


SOFTMAX = "$$p_i = \\frac{e^{z_i}}{\\sum_{k=1}^C e^{z_k}}$$\n\nIf $i \\neq j$:\n\n$$STEP$$\n"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial p_i}{\partial z} = -p_i p_j", "not checked"),  # by the vector z?
        (r"\frac{\partial p_i}{\partial z} = 0", "not checked"),
        (r"\frac{\partial p_i}{\partial z_j} = -p_i p_j", "holds"),
        (r"\frac{\partial p_i}{\partial z_j} = p_i p_j", "fails"),
    ],
)
def test_a_derivative_by_a_name_written_only_with_an_index(step: str, status: str) -> None:
    result = check_document(SOFTMAX.replace("STEP", step)).steps[-1]
    assert result.status == status, result.summary
