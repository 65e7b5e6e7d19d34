"""False verdicts found by the eighth red team, each with its twin: a formula mentioned as a
slip ("Naively, $…$."), one-hot labels said with their values, a softmax defined again with a
temperature, a macro with arguments, and the labels' one-hotness stated or not."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SIGMOID = r"""
Let $\sigma(x) = \frac{1}{1 + e^{-x}}$.

LEAD $\sigma'(x) = RIGHT$.
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Naively,",
        "Naively we get",
        "At first glance we get",
        "Forgetting the inner derivative, we get",
        "Wrongly,",
        "Mistakenly:",
        "Myth:",
        "Pitfall:",
        "It is tempting to write",
        "Without the chain rule this is",
        "- Naive:",
    ],
)
def test_a_formula_mentioned_as_a_slip_is_no_step(lead: str) -> None:
    """'Naively, $\\sigma'(x) = -\\frac{1}{(1 + e^{-x})^2}$.' was flagged as the author's step."""
    text = SIGMOID.replace("LEAD", lead).replace("RIGHT", r"-\frac{1}{(1 + e^{-x})^2}")
    assert check_document(text).steps == ()


@pytest.mark.parametrize("lead", ["Hence", "We get", "- Correct:", "Therefore,"])
def test_a_formula_asserted_is_still_a_step(lead: str) -> None:
    """The twin: asserted, the slip is flagged and the right derivative holds."""
    wrong = SIGMOID.replace("LEAD", lead).replace("RIGHT", r"\sigma(x)(1 + \sigma(x))")
    right = SIGMOID.replace("LEAD", lead).replace("RIGHT", r"\sigma(x)(1 - \sigma(x))")
    ((flagged,), (held,)) = check_document(wrong).steps, check_document(right).steps
    assert flagged.status == "fails" and held.status == "holds"


TARGETS = r"""
The outputs are $y_k = \frac{e^{a_k}}{\sum_j e^{a_j}}$ and the error is

$$E = -\sum_k t_k \log y_k$$

WORDS

$$\frac{\partial E}{\partial a_j} = -t_j + y_j \sum_k t_k = RIGHT$$
"""


@pytest.mark.parametrize(
    "words",
    [
        "The target $t_k$ is 1 for the correct class and 0 for every other class.",
        "Here $t$ is a vector of zeros with a single 1 at the correct class.",
        "The target $t$ is all zeros except for a 1 at the true class.",
    ],
)
def test_one_hot_said_with_its_values(words: str) -> None:
    """'$t_k$ is 1 for the correct class and 0 for every other class' says t is one-hot: the
    last step was refuted at t = (7/2)."""
    text = TARGETS.replace("WORDS", words)
    *_, right = check_document(text.replace("RIGHT", "y_j - t_j")).steps
    *_, wrong = check_document(text.replace("RIGHT", "t_j - y_j")).steps
    assert right.status == "holds"
    assert wrong.flagged


def test_values_in_words_of_something_else_state_nothing() -> None:
    """The twin: without such a sentence the step needs an unstated Σ_k t_k = 1 (refuted at
    t = (7/2), N = 1: never withheld as true only for one-hot t, it needs their sum alone)."""
    text = TARGETS.replace("WORDS", "The targets are given.").replace("RIGHT", "y_j - t_j")
    *_, step = check_document(text).steps
    assert step.flagged


TEMPERATURE = r"""
# Softmax, then with a temperature

$$p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$$

and its derivative is

$$\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)$$

LEAD

$$p_i = NEW$$

and the derivative picks up a factor:

$$\frac{\partial p_i}{\partial z_j} = JACOBIAN$$
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Distillation softens it with a temperature $T$, so the probabilities become",
        "Distillation divides the logits by a temperature $T$:",
    ],
)
def test_a_softmax_defined_again_with_a_temperature(lead: str) -> None:
    """The words after the display ('and the derivative picks up a factor:') hid the words
    before it, and a new value with a new variable T was judged as a restatement: both the
    new definition and the tempered Jacobian were flagged."""
    text = TEMPERATURE.replace("LEAD", lead)
    text = text.replace("NEW", r"\frac{e^{z_i / T}}{\sum_k e^{z_k / T}}")
    right = check_document(text.replace("JACOBIAN", r"\frac{1}{T} p_i(\delta_{ij} - p_j)"))
    wrong = check_document(text.replace("JACOBIAN", r"T p_i(\delta_{ij} - p_j)"))
    assert [s.status for s in right.steps] == ["definition", "holds", "definition", "holds"]
    assert wrong.steps[-1].status == "fails"


def test_a_restatement_with_a_slip_is_still_judged() -> None:
    """The twin: the same letters, an index slip (Σ_k e^{z_i}), is a step, and fails."""
    text = TEMPERATURE.replace("LEAD", "Recall the probabilities:")
    text = text.replace("NEW", r"\frac{e^{z_i}}{\sum_k e^{z_i}}")
    text = text.replace("JACOBIAN", r"p_i(\delta_{ij} - p_j)")
    statuses = [s.status for s in check_document(text).steps]
    assert statuses == ["definition", "holds", "fails", "holds"]


MACRO = r"""
\documentclass{article}
\renewcommand{\exp}[1]{e^{2 #1}}
\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}
\begin{document}
For any real $x$:
\[ \exp{x} = RIGHT \]
\[ \pd{}{x} \left( \exp{x} \right) = DERIVATIVE \]
\end{document}
"""


def test_a_macro_with_arguments_is_expanded() -> None:
    """'\\renewcommand{\\exp}[1]{e^{2 #1}}': \\exp{x} was read as e^x and flagged."""
    text = MACRO.replace("RIGHT", "e^{2x}").replace("DERIVATIVE", "2 e^{2x}")
    assert [s.status for s in check_document(text).steps] == ["holds", "holds"]
    text = MACRO.replace("RIGHT", "e^{x}").replace("DERIVATIVE", "e^{2x}")
    assert [s.status for s in check_document(text).steps] == ["fails", "fails"]


def test_a_macro_whose_arguments_are_missing_is_not_read() -> None:
    text = MACRO.replace(r"\exp{x} = RIGHT", r"\exp = e").replace("DERIVATIVE", "2 e^{2x}")
    first = check_document(text).steps[0]
    assert first.status == "not checked" and "arguments not found" in first.summary


ONE_HOT = r"""
The network outputs $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and the loss is

$$L = -\sum_k y_k \log p_k$$

WORDS

$$STEP$$
"""


@pytest.mark.parametrize(
    "step", [r"y_i^2 = y_i", r"\sum_k y_k \log y_k = 0", r"\sum_k y_k^2 = \sum_k y_k"]
)
def test_a_step_true_for_one_hot_labels_never_stated_is_ambiguous(step: str) -> None:
    """Nothing says y is one-hot: refuted at y = (7/2) it was 'fails'; it names the
    hypothesis and is not checked, never 'holds'."""
    text = ONE_HOT.replace("WORDS", "").replace("STEP", step)
    *_, result = check_document(text).steps
    assert result.status == "not checked"
    assert "it holds if y is one-hot (y_k = δ_kc), which the document does not state" in (
        result.summary
    )


@pytest.mark.parametrize(
    "words", ["", "The labels $y$ are a probability distribution.", "Here y is not one-hot."]
)
def test_a_step_wrong_for_one_hot_labels_too_is_flagged(words: str) -> None:
    """The twins: wrong for one-hot labels too (y_i^2 = 2 y_i), or the labels said to be soft
    (a distribution, not one-hot): flagged."""
    text = ONE_HOT.replace("WORDS", words)
    *_, wrong = check_document(text.replace("STEP", r"y_i^2 = 2 y_i")).steps
    assert wrong.flagged
    if words:
        *_, soft = check_document(text.replace("STEP", r"y_i^2 = y_i")).steps
        assert soft.flagged


def test_a_flag_under_stated_one_hot_labels_shows_one_hot_labels() -> None:
    """'where y is one-hot': a wrong gradient was refuted at y = (7/2, -5/2), labels the text
    excludes; it is refuted with y_k = δ_kc, at a class c."""
    text = ONE_HOT.replace("WORDS", "where y is one-hot.")
    text = text.replace("STEP", r"\frac{\partial L}{\partial z_i} = p_i - y_i^2 + y_i - 1")
    *_, wrong = check_document(text).steps
    assert wrong.flagged and "y_k = δ_kc" in wrong.summary
    (refuted,) = [case.verdict for case in wrong.cases if case.verdict.counterexample]
    assert not any(name.startswith("y_") for name, _ in refuted.counterexample.point)
    right = text.replace("p_i - y_i^2 + y_i - 1", "p_i - y_i")
    *_, held = check_document(right).steps
    assert held.status == "holds"


CHAIN = r"""
# Chain rule practice

* $g(x) = 1 + e^{-x}$
* $f(u) = u^{-1}$

so that $\sigma(x) = f(g(x))$ and

$$\sigma'(x) = f'(g(x)) \cdot g'(x) = -\frac{1}{(1 + e^{-x})^2} \cdot (-e^{-x})$$

LEAD

* $g(x) = x^2 \implies g'(x) = DG$
* $f(u) = \log u \implies f'(u) = \frac{1}{u}$

so $\frac{d}{dx} \log(x^2) = f'(g(x)) \cdot g'(x) = \frac{2}{x}$.
"""


def test_functions_defined_again_after_words_that_reuse_the_letters() -> None:
    """'Another exercise, reusing the letters:' then g and f defined again in \\implies items:
    six steps were judged under the first g and f and flagged."""
    text = CHAIN.replace("LEAD", "Another exercise, reusing the letters:")
    statuses = [s.status for s in check_document(text.replace("DG", "2x")).steps]
    assert "fails" not in statuses and statuses.count("definition") == 2
    wrong = [s.status for s in check_document(text.replace("DG", "x")).steps]
    assert wrong.count("fails") == 1  # g'(x) = x; the chain rule uses g' of the new g


def test_a_function_written_again_without_such_words_is_a_step() -> None:
    """The twin: with nothing said, g(x) = x^2 under g(x) = 1 + e^{-x} is a step that fails."""
    text = CHAIN.replace("LEAD", "Next:").replace("DG", "2x")
    assert check_document(text).steps[2].status == "fails"


def test_a_macro_that_copies_its_argument_is_bounded() -> None:
    """A hostile macro: each expansion copies the argument fifty times, nested four deep."""
    body = "#1" * 50
    text = rf"\newcommand{{\x}}[1]{{{body}}}" + "\n\\[ \\x{\\x{\\x{\\x{\\x{y}}}}} = y \\]\n"
    (step,) = check_document(text).steps
    assert step.status == "not checked"
