"""Mathematics written without delimiters (plain-text lines, code comments, bare split)."""

from symsoft.reading.document import check_document

BCE = """The chain:

BCE = - [y·log(ŷ) + (1-y)·log(1-ŷ)]

ŷ = σ(z) (where σ is the sigmoid function)

Piece 3: the derivative by ŷ:
∂/∂ŷ [ - (y·log(ŷ) + (1-y)·log(1-ŷ)) ]
= - [ y/ŷ {sign} (1-y)/(1-ŷ) ]
Now, a common denominator:
= (ŷ - y) / (ŷ(1-ŷ))
"""


def _statuses(text: str) -> list[tuple[int, int, str]]:
    return [(s.line, s.column, s.status) for s in check_document(text).steps]


def test_a_unicode_chain_holds_step_by_step_at_the_columns_of_its_signs():
    assert _statuses(BCE.format(sign="-")) == [
        (3, 5, "definition"),
        (5, 3, "definition"),
        (9, 1, "holds"),
        (11, 1, "holds"),
    ]


def test_a_sign_slip_in_the_unicode_chain_is_flagged():
    statuses = _statuses(BCE.format(sign="+"))
    assert statuses[2] == (9, 1, "fails")


SIGMOID = """The sigmoid is σ(z) = 1/(1 + exp(-z)) and the loss is

L = -(y*log(σ(z)) + (1-y)*log(1-σ(z)))

dL/dz = {rhs}
"""


def test_a_derivative_written_dl_dz_holds():
    assert _statuses(SIGMOID.format(rhs="σ(z) - y"))[-1] == (5, 7, "holds")


def test_a_derivative_written_dl_dz_with_the_sign_slipped_fails():
    assert _statuses(SIGMOID.format(rhs="y - σ(z)"))[-1] == (5, 7, "fails")


def test_prose_with_an_equals_sign_is_no_step():
    text = "Binary cross entropy = One of the most beautiful formulas.\n\nLet s = sigmoid(x).\n"
    assert check_document(text).steps == ()


CODE = """Softmax and its loss:

p_i = exp(z_i) / sum_k exp(z_k)

L = - sum_i y_i * log(p_i)

The labels y are one-hot.

```python
# dL/dz_i = p_i {sign} y_i
grad = p - y
x = y + 1
```
"""


def test_a_comment_in_code_is_read_and_the_code_is_not():
    assert _statuses(CODE.format(sign="-")) == [
        (3, 5, "definition"),
        (5, 3, "definition"),
        (10, 11, "holds"),
    ]


def test_a_comment_in_code_with_the_sign_slipped_is_flagged():
    assert _statuses(CODE.format(sign="+"))[-1] == (10, 11, "fails")


def test_two_readings_of_plain_text_that_differ_are_not_checked():
    text = "L = z^2 / 4\n\ndL/dz = 1/2z\n"
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    assert step.status == "not checked"
    assert "ambiguous" in step.summary and "'/'" in step.summary


def test_one_reading_of_a_fraction_holds():
    text = "L = z^2 / 4\n\ndL/dz = z/2\n"
    assert _statuses(text)[-1] == (3, 7, "holds")


def test_one_reading_of_a_fraction_with_a_wrong_factor_fails():
    text = "L = z^2 / 4\n\ndL/dz = z/4\n"
    assert _statuses(text)[-1] == (3, 7, "fails")


SPLIT = (  # a math.SE answer's bare split, on one line as MathJax renders it
    r"""Softmax $p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$, loss $L = -\sum_j y_j \log p_j$.

\begin{split} \frac{\partial L}{\partial z_i} & = -\sum_j y_j \frac{\partial \log p_j}{\partial z_i} \\ & = -\sum_j y_j (\delta_{ij} - p_i) \\ & = p_i \sum_j y_j - y_i \end{split}
"""  # noqa: E501
)


def test_a_bare_split_in_markdown_is_a_display():
    assert [s for _, _, s in _statuses(SPLIT)] == ["holds", "holds", "holds"]


def test_a_bare_split_with_a_dropped_delta_is_flagged():
    statuses = _statuses(SPLIT.replace(r"(\delta_{ij} - p_i)", "(1 - p_i)"))
    assert statuses[1][2] in ("fails", "holds only")


INDENTED = """A docstring, pasted as it is:

    Assume a loss::

        L = - sum_i y_i * log(p_i) .

    and the code:

        floor = s / (n - 1)
        return p * floor + s

    The labels y are one-hot and the softmax is::

        p_i = exp(z_i) / sum_k exp(z_k)

    so the gradient is::

        dL/dz_j = p_j {sign} y_j
"""


def test_an_indented_docstring_block_is_read_and_an_indented_code_block_is_not():
    assert _statuses(INDENTED.format(sign="-")) == [
        (5, 11, "definition"),
        (14, 13, "definition"),
        (18, 17, "holds"),
    ]


def test_an_indented_docstring_block_with_the_sign_slipped_is_flagged():
    assert _statuses(INDENTED.format(sign="+"))[-1] == (18, 17, "fails")


def test_an_update_written_as_code_is_no_step():
    text = "The training loop does\n\n    w = w - lr * g\n\nand then\n\nx = x + 1\n"
    assert check_document(text).steps == ()


def test_two_letters_after_a_slash_are_read_both_ways():
    text = "Let the loss be\n\nL = a * a * b / 2\n\ndL/da = a*a*b*b/ab\n"
    (step,) = [s for s in check_document(text).steps if s.status != "definition"]
    assert step.status == "not checked"
    assert "ambiguous" in step.summary
