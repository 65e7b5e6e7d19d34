"""A regression over a data matrix written as real posts write it: ``\\mathbf{w}^T\\mathbf{x}``
glued, σ defined on ``z^{(i)}`` itself, ``\\frac{d}{d\\mathbf{w}}``, a loss with a label
(``J_{MCE}``), the augmented ``\\tilde{\\mathbf{w}}``, a per-sample loss ``L^{(i)}`` after
``\\text{Let }``.  Every step that holds has a twin that must fail at a named entry."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.notation.data_parse import normalized, parse

SETTING = r"""Assume the number of samples is $n$.

$$z^{(i)} = \mathbf{w}^{T}\mathbf{x}^{(i)}$$

$$p^{(i)} = \sigma(z^{(i)}) = \frac{1}{1 + e^{-z^{(i)}}}$$

$$J = -\frac{1}{n}\sum_{i=1}^{n}[y^{(i)}\ln(p^{(i)}) + (1 - y^{(i)})\ln(1 - p^{(i)})]$$

"""

TILDE = SETTING.replace(r"\mathbf{w}", r"\tilde{\mathbf{w}}").replace(
    r"\mathbf{x}", r"\tilde{\mathbf{x}}"
)
LABELLED = SETTING.replace("$$J =", "$$J_{MCE} =")


def _last(text: str):
    return check_document(text).steps[-1]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (r"\mathbf{w}^{T}\mathbf{x}^{(i)}", "w'x^{(i)}"),
        (r"\mathbf{w}^T\mathbf{x}", "w'x"),
        (r"\sum_{t=1}^{T} x_t", r"\sum_{t=1}^{T}x_t"),  # an upper limit, no transpose
        (r"\dfrac{dJ_{MCE}}{d\tilde{\mathbf{w}}}", r"\frac{dJ}{dw}"),
        (r"J_{\text{CE}}", "J"),
        (r"\text{Let } L^{(i)}", "L^{(i)}"),
    ],
)
def test_the_notation_is_normalized(written: str, read: str) -> None:
    assert normalized(written) == read


def test_d_over_d_w_is_a_derivative_and_d_over_m_a_fraction() -> None:
    assert parse(normalized(r"\frac{d}{dw}(w'x)")).kind == "diff"
    assert parse(normalized(r"\frac{dJ}{dw}")).kind == "diff"
    assert parse(normalized(r"\frac{d}{m}")).kind == "frac"
    assert parse(normalized(r"\frac{d+1}{2}")).kind == "frac"


@pytest.mark.parametrize("setting", [SETTING, TILDE, LABELLED])
@pytest.mark.parametrize(
    ("holds", "fails", "where"),
    [
        (  # the mean's minus sign kept; the twin drops it (a real post's slip)
            r"\frac{dJ}{d\mathbf{w}} = -\frac{1}{n}\frac{d}{d\mathbf{w}}\sum_{i=1}^{n}"
            r"[y^{(i)}\ln(p^{(i)}) + (1 - y^{(i)})\ln(1 - p^{(i)})]",
            r"\frac{dJ}{d\mathbf{w}} = \frac{1}{n}\frac{d}{d\mathbf{w}}\sum_{i=1}^{n}"
            r"[y^{(i)}\ln(p^{(i)}) + (1 - y^{(i)})\ln(1 - p^{(i)})]",
            "entry 1 at m = 2, d = 2: left side -19/24, right side 19/24",
        ),
        (  # one weight; the twin swaps the residual
            r"\frac{\partial J}{\partial w_j} = \frac{1}{n}\sum_{i=1}^{n}"
            r"(p^{(i)} - y^{(i)}) x_j^{(i)}",
            r"\frac{\partial J}{\partial w_j} = \frac{1}{n}\sum_{i=1}^{n}"
            r"(y^{(i)} - p^{(i)}) x_j^{(i)}",
            "at m = 2, d = 2",
        ),
        (  # per sample, summed; the twin forgets the 1/n
            r"\frac{\partial J}{\partial \mathbf{w}} = \frac{1}{n}\sum_{i=1}^{n}"
            r"(p^{(i)} - y^{(i)}) \mathbf{x}^{(i)}",
            r"\frac{\partial J}{\partial \mathbf{w}} = \sum_{i=1}^{n}"
            r"(p^{(i)} - y^{(i)}) \mathbf{x}^{(i)}",
            "entry 1 at m = 2, d = 2",
        ),
    ],
)
def test_a_gradient_by_the_weight_vector(setting: str, holds: str, fails: str, where: str) -> None:
    if setting is TILDE:
        holds = holds.replace(r"\mathbf{w}", r"\tilde{\mathbf{w}}").replace(
            r"\mathbf{x}", r"\tilde{\mathbf{x}}"
        )
        fails = fails.replace(r"\mathbf{w}", r"\tilde{\mathbf{w}}").replace(
            r"\mathbf{x}", r"\tilde{\mathbf{x}}"
        )
    if setting is LABELLED:
        holds, fails = holds.replace("J =", "J_{MCE} ="), fails.replace("J =", "J_{MCE} =")
        holds, fails = holds.replace("dJ}", "dJ_{MCE}}"), fails.replace("dJ}", "dJ_{MCE}}")
    good = _last(setting + f"$${holds}$$\n")
    if setting is TILDE and "w_j" in holds:
        # a plain w_j beside \tilde{\mathbf{w}}: another letter, so nothing is read this way
        assert good.status == "not checked"
        assert _last(setting + f"$${fails}$$\n").status == "not checked"
        return
    assert good.status == "holds", good.summary
    assert "entry by entry" in good.summary
    bad = _last(setting + f"$${fails}$$\n")
    assert bad.status == "fails", bad.summary
    assert where in bad.summary


def test_a_per_sample_loss_let_in_an_align_is_read() -> None:
    text = SETTING + (
        "$$\n\\begin{align*}\n"
        r"\text{Let } L^{(i)} &= -[y^{(i)}\ln(p^{(i)}) + (1 - y^{(i)})\ln(1 - p^{(i)})] \\"
        "\n"
        r"\frac{dJ}{d\mathbf{w}} &= \frac{1}{n}\sum_{i=1}^{n}\frac{dL^{(i)}}{d\mathbf{w}}"
        "\n\\end{align*}\n$$\n"
    )
    steps = check_document(text).steps
    assert steps[-2].status == "definition"
    assert steps[-1].status == "holds", steps[-1].summary
    twin = check_document(text.replace(r"&= \frac{1}{n}\sum", r"&= -\frac{1}{n}\sum")).steps
    assert twin[-1].status == "fails", twin[-1].summary
    assert "entry 1 at m = 2, d = 2" in twin[-1].summary


def test_the_vectorised_gradient_holds_and_its_twin_is_ambiguous_by_layout() -> None:
    good = _last(
        SETTING + r"$$\nabla_{\mathbf{w}} J = \frac{1}{n}\mathbf{X}^{T}(\mathbf{p} - \mathbf{y})$$"
    )
    assert good.status == "holds", good.summary
    bad = _last(
        SETTING + r"$$\nabla_{\mathbf{w}} J = \frac{1}{n}\mathbf{X}^{T}(\mathbf{y} - \mathbf{p})$$"
    )
    assert bad.status == "not checked"
    assert bad.summary.startswith("not checked: ambiguous: fails: entry 1 at m = 2, d = 2")


def test_a_tilde_vector_beside_the_plain_one_is_not_read_as_it() -> None:
    text = TILDE + (
        r"The plain $\mathbf{w}$ is another vector." + "\n\n"
        r"$$\frac{dJ}{d\tilde{\mathbf{w}}} = \frac{1}{n}\frac{d}{d\tilde{\mathbf{w}}}"
        r"\sum_{i=1}^{n}[y^{(i)}\ln(p^{(i)}) + (1 - y^{(i)})\ln(1 - p^{(i)})]$$" + "\n"
    )
    assert _last(text).status == "not checked"


@pytest.mark.parametrize(
    ("rhs", "status"),
    [
        (r"\frac{-1}{(1 + e^{-z^{(i)}})^2}\cdot -e^{-z^{(i)}}", "holds"),  # times minus
        (r"\frac{-1}{(1 + e^{-z^{(i)}})^2}\cdot e^{-z^{(i)}}", "fails"),  # the sign lost
    ],
)
def test_a_dot_before_a_minus_sign_multiplies(rhs: str, status: str) -> None:
    step = _last(SETTING + r"$$\frac{e^{-z^{(i)}}}{(1 + e^{-z^{(i)}})^2} = " + rhs + "$$\n")
    assert step.status == status, step.summary


def test_two_labels_of_the_loss_are_two_losses() -> None:
    step = (
        r"$$\frac{dJ_{MCE}}{d\mathbf{w}} = \frac{1}{n}\sum_{i=1}^{n}"
        r"(p^{(i)} - y^{(i)}) \mathbf{x}^{(i)}$$"
    )
    assert _last(LABELLED + step + "\n").status == "holds"
    other = LABELLED + "Compare $J_{MSE}$, the squared error.\n\n" + step + "\n"
    assert _last(other).status == "not checked"


def test_a_plain_w_beside_the_tilde_one_is_another_letter() -> None:
    step = (
        r"$$\frac{dJ}{d\tilde{\mathbf{w}}} = \frac{1}{n}\sum_{i=1}^{n}"
        r"(p^{(i)} - y^{(i)}) \tilde{\mathbf{x}}^{(i)}$$"
    )
    assert _last(TILDE + step + "\n").status == "holds"
    other = TILDE + r"Here $w$ is the slope of a line." + "\n\n" + step + "\n"
    assert _last(other).status == "not checked"
