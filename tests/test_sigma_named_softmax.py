"""σ that a sentence calls the softmax, in the ways posts say it, is not the logistic function:
``\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 - \\sigma(z))`` is then only the
diagonal of its Jacobian and must not hold."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

STEP = "\n\n$$\n\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 - \\sigma(z))\n$$\n"


@pytest.mark.parametrize(
    "sentence",
    [
        r"We write $\sigma$ for the softmax function.",
        r"Below, $\sigma(z)$ is the softmax of the vector $z$.",
        r"The softmax, written $\sigma$, maps scores to probabilities.",
        r"$\sigma$: the softmax activation.",
    ],
)
def test_sigma_a_sentence_calls_the_softmax_is_not_the_logistic_function(sentence: str) -> None:
    (step,) = check_document(sentence + STEP).steps
    assert step.status == "not checked" and "softmax" in step.summary


@pytest.mark.parametrize(
    "sentence",
    [
        r"Here $\sigma$ is the logistic sigmoid; the softmax comes later.",
        r"The softmax is not $\sigma$.",
        r"Let $\sigma$ be the activation of the hidden layer.",
    ],
)
def test_sigma_a_sentence_does_not_call_the_softmax_is_still_the_logistic(sentence: str) -> None:
    (step,) = check_document(sentence + STEP).steps
    assert step.status == "holds"


def test_its_wrong_twin_under_the_logistic_reading_is_flagged() -> None:
    wrong = "\n\n$$\n\\frac{\\partial \\sigma(z)}{\\partial z} = \\sigma(z)(1 + \\sigma(z))\n$$\n"
    (step,) = check_document(r"Here $\sigma$ is the logistic sigmoid." + wrong).steps
    assert step.status == "fails" and step.flagged


LOGISTIC_AT_AN_ENTRY = (
    "The model is $\\sigma(z_i) = DEFINED$ for each example $i$.\n\n"
    "$$\n\\frac{d}{dz_i}\\ln(1 + e^{-z_i}) = -\\frac{1}{e^{z_i} + 1} = STEP\n$$\n"
)


@pytest.mark.parametrize(
    ("defined", "step", "status"),
    [
        ("\\frac{1}{1 + e^{-z_i}}", "\\sigma(z_i) - 1", "holds"),
        ("P_i = \\frac{1}{1 + e^{-z_i}}", "\\sigma(z_i) - 1", "holds"),
        ("\\frac{e^{z_i}}{1 + e^{z_i}}", "\\sigma(z_i) - 1", "holds"),
        ("\\frac{1}{1 + e^{-z_i}}", "1 - \\sigma(z_i)", "fails"),  # the sign slipped
        ("P_i = \\frac{1}{1 + e^{-z_i}}", "\\sigma(-z_i) - 1", "fails"),
        # σ(z_i) defined as something else: the document's own σ_i, and σ(z) is not read
        ("\\frac{1}{1 + e^{z_i}}", "\\sigma(z_i) - 1", "fails"),
        ("\\frac{e^{z_i}}{\\sum_k e^{z_k}}", "\\sigma(z_i) - 1", "fails"),
        ("\\frac{1}{1 + e^{z_i}}", "\\sigma(z) - 1", "not checked"),
        ("\\frac{e^{z_i}}{\\sum_k e^{z_k}}", "\\sigma(z) - 1", "not checked"),
    ],
)
def test_a_sigma_defined_at_an_entry_as_the_logistic_function_is_read(defined, step, status):
    """σ(z_i) = 1/(1 + e^{-z_i}) (a logistic-regression post) is the logistic function σ already
    reads, so σ(z) is read too; any other value is the document's own σ_i, and σ(z) stays
    unread."""
    text = LOGISTIC_AT_AN_ENTRY.replace("DEFINED", defined).replace("STEP", step)
    result = check_document(text).steps[-1]
    assert result.status == status
    assert status != "not checked" or "σ is defined by the document" in result.summary


LOGISTIC_ROW = (
    "$$\n\\begin{align*}\n"
    "J &= \\sum_{i=1}^{N} \\ln(1 + e^{-z_i}) \\\\\n"
    "\\because \\sigma(z_i) &= P_i = DEFINITION \\\\\n"
    "\\frac{d}{dz_i} \\ln(1 + e^{-z_i}) &= \\frac{-e^{-z_i}}{1 + e^{-z_i}} \\\\\n"
    "&= RESULT\n"
    "\\end{align*}\n$$\n"
)


@pytest.mark.parametrize(
    "definition",
    [r"\frac{1}{1 + e^{-z_i}}", r"\frac{e^{z_i}}{1 + e^{z_i}}", r"(1+\exp(-z_i))^{-1}"],
)
def test_a_sigma_defined_at_an_entry_as_the_logistic_function_is_the_logistic_function(
    definition: str,
) -> None:
    text = LOGISTIC_ROW.replace("DEFINITION", definition)
    last = check_document(text.replace("RESULT", r"\sigma(z_i) - 1")).steps[-1]
    assert last.status == "holds"
    slip = check_document(text.replace("RESULT", r"1 - \sigma(z_i)")).steps[-1]
    assert slip.status == "fails"


@pytest.mark.parametrize(
    "definition",
    [r"\frac{1}{1 + e^{z_i}}", r"\frac{e^{z_i}}{\sum_k e^{z_k}}", r"\frac{1}{1 + e^{-z_i / T}}"],
)
def test_a_sigma_defined_at_an_entry_otherwise_is_the_documents_own(definition: str) -> None:
    text = LOGISTIC_ROW.replace("DEFINITION", definition)
    for result in (r"\sigma(z_i) - 1", r"1 - \sigma(z_i)"):
        last = check_document(text.replace("RESULT", result)).steps[-1]
        assert last.status == "not checked" and "σ is defined by the document" in last.summary


@pytest.mark.parametrize(
    ("definition", "status"),
    [
        # a name set equal to σ at an entry first, then the logistic function: symsoft's σ
        (r"p_i = \sigma(z_i) = \frac{1}{1 + e^{-z_i}}", "holds"),
        # the same chain with the softmax: the text's own σ, the logistic identity not read
        (r"p_i = \sigma(z_i) = \frac{e^{z_i}}{\sum_k e^{z_k}}", "not checked"),
        (r"p_i = \sigma(z_i) = \frac{1}{1 + e^{z_i}}", "not checked"),  # a sign dropped
    ],
)
def test_sigma_defined_after_a_name_at_an_entry(definition: str, status: str) -> None:
    text = f"Define\n\n$$\n{definition}.\n$$\n" + STEP
    steps = [s for s in check_document(text).steps if s.line > 4]
    assert [s.status for s in steps] == [status]
