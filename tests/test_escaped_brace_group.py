"""A set of parameters in escaped braces, ``\\boldsymbol{\\theta} = \\{\\mathbf{W}, \\mathbf{b}\\}``
(a softmax-regression page), is a definition not read: it ended an assertion (a traceback) once
the reader looked inside brace groups with vectors in them."""

from __future__ import annotations

from symsoft.reading.document import check_document

PAGE = r"""With inputs $\mathbf{x} \in \mathbb{R}^D$ and $K$ classes:

$$z_k = \mathbf{w}_k^T \mathbf{x} + b_k$$

$$p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$$

The parameters are $\boldsymbol{\theta} = \{\mathbf{W}, \mathbf{b}\}$ with
$\mathbf{W} \in \mathbb{R}^{K \times D}$.

$$\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)$$
"""


def test_a_parameter_set_in_escaped_braces_is_read_without_a_traceback():
    steps = {s.line: s for s in check_document(PAGE).steps}
    assert steps[10].status == "holds", steps[10].summary
    wrong = PAGE.replace(r"p_i(\delta_{ij} - p_j)", r"p_i(\delta_{ij} + p_j)")  # the sign
    steps = {s.line: s for s in check_document(wrong).steps}
    assert steps[10].status == "fails", steps[10].summary
