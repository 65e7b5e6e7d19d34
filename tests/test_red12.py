"""False verdicts found by the twelfth red team, each with its twin that keeps a real mistake
flagged: a worked example's value said in words ("the first output is 0.7", then
``L = -\\log(0.7)``), a step refuted only at labels the text says are one-hot, the letter e
given a meaning of its own, a table whose columns are index cases, "let $x$ be the input and
$w$ the weight", and "now let $y$ denote the label instead"."""

from __future__ import annotations

from symsoft.reading.document import check_document


def _verdicts(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


WORDS = r"""
The softmax outputs are
$$p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$$
and the loss for a one-hot target $y$ is
$$L = -\sum_i y_i \log p_i$$

Suppose the true class is the first one and the first output is 0.7. Then

$$L = VALUE$$

In general the gradient is

$$\frac{\partial L}{\partial z_j} = GRADIENT$$
"""


def test_a_value_said_in_words_is_not_refuted() -> None:
    """L = -\\log(0.7) was refuted at random logits: the text gives p_1 = 0.7 in words."""
    text = WORDS.replace("VALUE", r"-\log(0.7)").replace("GRADIENT", "p_j - y_j")
    steps = check_document(text).steps
    assert [s.status for s in steps] == ["definition", "definition", "not checked", "holds"]
    assert "one side is numbers alone" in steps[2].summary


def test_twin_a_wrong_gradient_beside_the_value_is_flagged() -> None:
    text = WORDS.replace("VALUE", r"-\log(0.7)").replace("GRADIENT", "p_j + y_j")
    assert _verdicts(text) == ["definition", "definition", "not checked", "fails"]


def test_twin_an_integer_for_every_value_is_flagged() -> None:
    """\\sum_i p_i = 2 claims a value for every logit: an integer side is no worked example."""
    text = WORDS.replace("VALUE", r"-\log(0.7)").replace(
        r"\frac{\partial L}{\partial z_j} = GRADIENT", r"\sum_i p_i = 2"
    )
    assert _verdicts(text)[-1] == "fails"


FIRST = r"""
The softmax outputs are
$$p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$$
and the loss for a one-hot target $y$ is
$$L = -\sum_i y_i \log p_i$$

Suppose the true class is the first one. The gradient with respect to the first logit is
$$\frac{\partial L}{\partial z_1} = RIGHT$$
"""


def test_a_step_refuted_only_at_labels_not_one_hot_is_not_flagged() -> None:
    """p_1 - 1 was refuted at y = (7/2, -5/2) in a text that says y is one-hot (with the
    true class first it holds)."""
    steps = check_document(FIRST.replace("RIGHT", "p_1 - 1")).steps
    assert steps[2].status == "not checked"
    assert "the text says y is one-hot" in steps[2].summary


def test_twin_a_step_refuted_at_one_hot_labels_is_flagged() -> None:
    steps = check_document(FIRST.replace("z_1} = RIGHT", "z_2} = p_2 - 1")).steps
    assert steps[2].status == "fails"
    assert "y_k = δ_kc" in steps[2].summary


ERROR = r"""
Let $e$ denote the error of the model, $e = y - \hat{y}$, and let the loss be
$$L = \frac{1}{2} e^2$$

Then
$$\frac{\partial L}{\partial \hat{y}} = -e = \hat{y} - y$$

The prediction is a sigmoid, $\hat{y} = \frac{1}{1 + e^{-z}}$, so
$$\frac{d\hat{y}}{dz} = DERIVATIVE$$
"""


def test_e_the_text_names_is_not_read_as_euler_number() -> None:
    """-e = \\hat{y} - y was refuted with e = 2.718…: the text calls the error e."""
    steps = check_document(ERROR.replace("DERIVATIVE", r"\hat{y}(1 - \hat{y})")).steps
    assert [s.status for s in steps] == ["not checked", "not checked", "not checked", "holds"]
    assert "e may be Euler's number or the name the text defines" in steps[2].summary


def test_twin_a_wrong_exponential_step_beside_the_named_e_is_flagged() -> None:
    """e^{-z} stays the exponential: a sign slip in the sigmoid's derivative is flagged."""
    steps = check_document(ERROR.replace("DERIVATIVE", r"\hat{y}(1 + \hat{y})")).steps
    assert steps[-1].status == "fails"


def test_twin_e_alone_is_euler_number_when_the_text_names_no_e() -> None:
    assert _verdicts("$$e - 1 = 2$$\n") == ["fails"]
    said = "Here $e$ is the mathematical constant.\n\n$$e - 1 = 2$$\n"
    assert _verdicts(said) == ["fails"]


_CELL = r"$\frac{\partial s_i}{\partial a_j} = RIGHT$"
TABLE = (
    "$$s_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n| HEADER |\n|---|---|---|\n"
    f"| derivative | {_CELL.replace('RIGHT', 's_i(1 - s_i)')} "
    f"| {_CELL.replace('RIGHT', '-s_i s_j')} |\n"
)


def test_cells_under_headers_that_name_index_cases_are_no_steps() -> None:
    """-s_i s_j under the header $i \\neq j$ was 'holds only when i ≠ j'."""
    text = TABLE.replace("HEADER", r" | $i = j$ | $i \neq j$")
    assert _verdicts(text) == ["definition"]


def test_twin_cells_under_plain_headers_are_judged() -> None:
    text = TABLE.replace("HEADER", " | first | second")
    assert _verdicts(text) == ["definition", "holds only", "holds only"]


LIST = r"""
Let $x$ be the input and $w$ the weight, $z = wx$, $y = \sigma(z)$ with
$\sigma(z) = \frac{1}{1+e^{-z}}$.

$$\frac{\partial y}{\partial w} = RIGHT$$
"""


def test_a_name_listed_after_and_is_no_value() -> None:
    """'Let $x$ be the input and $w$ the weight' defined x = w: y(1 - y)x was refuted."""
    assert _verdicts(LIST.replace("RIGHT", "y(1 - y) x")) == ["holds"]


def test_twin_a_wrong_derivative_after_the_list_is_flagged() -> None:
    assert _verdicts(LIST.replace("RIGHT", "y(1 - y) w")) == ["fails"]


AGAIN = r"""
Let $x$ be the input, $z = wx$ and $y = \sigma(z)$ with $\sigma(z) = \frac{1}{1+e^{-z}}$.

Now let $y$ denote the label instead and $p = \sigma(z)$ the prediction. The loss is
$L = -y\log p - (1-y)\log(1-p)$ and

$$\frac{\partial L}{\partial w} = (p - y) x$$

$$\frac{\partial p}{\partial z} = DERIVATIVE$$
"""


def test_a_name_given_another_meaning_in_words_is_not_read_with_the_old_one() -> None:
    """(p - y) x was refuted with y still σ(z): the text says y is now the label."""
    steps = check_document(AGAIN.replace("DERIVATIVE", "p(1 - p)")).steps
    assert [s.status for s in steps] == ["not checked", "holds"]
    assert "a sentence that changes its meaning" in steps[0].summary


def test_twin_a_wrong_step_not_about_the_renamed_letter_is_flagged() -> None:
    assert _verdicts(AGAIN.replace("DERIVATIVE", "p(1 + p)")) == ["not checked", "fails"]
