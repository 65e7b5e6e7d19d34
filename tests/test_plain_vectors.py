"""Plain letters a document makes vectors: ``w \\in \\mathbb{R}^d`` said, or ``z = w^T x + b``."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.vectors import declared_vectors

_LOGISTIC = (
    "The linear part is $z = w^T x + b$ and $\\hat{y} = \\sigma(z)$.\n\n"
    "$$L = -[y \\log(\\hat{y}) + (1-y) \\log(1-\\hat{y})]$$\n\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial L}{\partial w} = (\hat{y} - y) x", "holds"),
        (r"\frac{\partial L}{\partial w} = (y - \hat{y}) x", "fails"),  # the sign dropped
        (r"\nabla_w L = (\hat{y} - y) x", "holds"),
        (r"\nabla_w L = (\hat{y} - y) w", "fails"),  # the weights for the inputs
        (r"\nabla_{w} L = (\hat{y} - y) x", "holds"),
        (r"\nabla_{w} L = (\hat{y} - y) w", "fails"),
        (r"\frac{\partial z}{\partial w} = x", "holds"),
        (r"\frac{\partial z}{\partial x} = x", "fails"),  # the inputs for the weights
        (r"\frac{\partial L}{\partial b} = \hat{y} - y", "holds"),
        (r"\frac{\partial L}{\partial b} = y - \hat{y}", "fails"),
    ],
)
def test_w_transposed_times_x_makes_both_vectors(step: str, status: str) -> None:
    result = check_document(_LOGISTIC + f"$${step}$$\n")
    assert [s.status for s in result.steps] == ["definition", status]


def test_a_vector_said_to_lie_in_r_d() -> None:
    text = (
        "Let $w \\in \\mathbb{R}^d$ be the weights, $x \\in \\mathbb{R}^d$ one example, and\n"
        "$z = w^\\top x + b$, $p = \\sigma(z)$, $J = -y \\log p - (1 - y) \\log(1 - p)$.\n\n"
        "$$\\nabla_w J = (p - y) x$$\n\n$$\\nabla_w J = (p - y) w$$\n"
    )
    statuses = [s.status for s in check_document(text).steps if s.status != "definition"]
    assert statuses == ["holds", "fails"]


@pytest.mark.parametrize(
    ("math", "letters"),
    [
        (r"$w \in \mathbb{R}^d$", ["w"]),
        (r"$w, x \in \mathbb R^{n}$", ["w", "x"]),
        (r"$b \in \mathbb{R}$", []),  # a number
        (r"$X \in \mathbb{R}^{n \times d}$", []),  # a matrix: not read as a vector
        (r"$z = w^T x + b$", ["w", "x"]),
        (r"$z = w^T x_i + b$", []),  # x_i: an example, or an entry?
        (r"$z_i = w^\top x_i$ and $x_i \in \mathbb{R}^d$", []),
        (r"$q = e^{x/T}$ and $z = w^T x$", []),  # w^T beside a temperature: a power?
        (r"$q = e^{x/T}$ and $z = w^\top x$", ["w", "x"]),
    ],
)
def test_which_plain_letters_are_vectors(math: str, letters: list[str]) -> None:
    indexed = frozenset("x") if "x_i" in math else frozenset()
    assert sorted(declared_vectors(math, indexed)) == letters


_DECLARED = (
    "Let $w \\in \\mathbb{R}^d$, $x \\in \\mathbb{R}^d$ and $y \\in \\{0, 1\\}$.\n\n"
    "$$z = w^\\top x + b, \\qquad p = \\sigma(z)$$\n\n"
    "$$J = -y \\log p - (1 - y) \\log(1 - p)$$\n\n"
)


@pytest.mark.parametrize(
    ("step", "status"),
    [
        # numbers the document defines (p, J) beside a vector: coefficients, not matrices
        (r"\nabla_w J = \frac{\partial J}{\partial p}\, p(1 - p)\, x", "holds"),
        (r"\nabla_w J = \frac{\partial J}{\partial p}\, p(1 + p)\, x", "fails"),
        (r"\nabla_w J = p(1 - p)\, x", "fails"),  # the loss's factor forgotten
        (r"\nabla_w J = (p - y)\, x", "holds"),
    ],
)
def test_a_number_the_document_defines_multiplies_a_vector(step: str, status: str) -> None:
    assert check_document(_DECLARED + f"$${step}$$\n").steps[-1].status == status


def test_an_undefined_letter_beside_a_vector_is_still_not_read() -> None:
    # q has no meaning: a number, or a matrix? not read
    step = check_document(_DECLARED + "$$\\nabla_w J = q\\, x$$\n").steps[-1]
    assert step.status == "not checked"


@pytest.mark.parametrize(
    ("step", "status"),
    [
        (r"\frac{\partial L}{\partial o_i} = p_i \sum_k y_k - y_i", "holds"),
        (r"\frac{\partial L}{\partial o_i} = p_i \sum_k y_k + y_i", "fails"),
    ],
)
def test_a_vector_written_out_as_its_own_entries_is_a_variable(step: str, status: str) -> None:
    # y written as a row of its entries (a blog's \ \, separators and dots) defines nothing
    text = (
        "Let $p_i = \\frac{e^{o_i}}{\\sum_k e^{o_k}}$ and\n\n"
        "$$\\mathbf y = \\begin{bmatrix} y_1 \\ \\, y_2 \\ \\, ... \\ \\, y_n \\end{bmatrix}$$\n\n"
        "$$L = -\\sum_k y_k \\log p_k$$\n\n"
        f"$${step}$$\n"
    )
    assert check_document(text).steps[-1].status == status
