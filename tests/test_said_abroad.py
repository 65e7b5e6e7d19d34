"""Equations said inside sentences as real notes write them: two index cases in one sentence
("when $i = k$, we have $…$ and when $i \\not= k$, we have $…$"), a lead that a colon ends
("We get: $…$"), and sentences in Russian, Chinese, Japanese, Korean, Spanish, French and
German ("Итак, $…$", "所以 $…$", "$…$ となる。"); each wrong twin is flagged, and words that
make the equation a case, a supposition or a slip leave it unread in every language."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

DEFINED = r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ be the softmax of the logits $z$."
DIAGONAL = r"\frac{\partial p_i}{\partial z_i} = p_i(1 - p_i)"
DIAGONAL_WRONG = r"\frac{\partial p_i}{\partial z_i} = p_i(1 + p_i)"


def steps(sentence: str):  # noqa: ANN201 - the StepResults
    return check_document(f"{DEFINED}\n\n{sentence}\n").steps


def test_two_cases_in_one_sentence_are_two_steps_each_in_its_case() -> None:
    sentence = (
        r"When $i = k$, we have $\frac{\partial p_i}{\partial z_k} = p_i(1-p_k)$ and when "
        r"$i \not= k$, we have $\frac{\partial p_i}{\partial z_k} = -p_i p_k$."
    )
    first, second = steps(sentence)
    assert (first.status, first.summary) == ("holds", "holds when i = k")
    assert (second.status, second.summary) == ("holds", "holds when i ≠ k")


@pytest.mark.parametrize(
    "sentence",
    [
        r"When $i = k$, we have $\frac{\partial p_i}{\partial z_k} = p_i(1-p_k)$ and when "
        r"$i \not= k$, we have $\frac{\partial p_i}{\partial z_k} = p_i p_k$.",
        r"When $i = k$, we have $\frac{\partial p_i}{\partial z_k} = p_i(1-p_k)$, but if "
        r"$i \neq k$ we get $\frac{\partial p_i}{\partial z_k} = -p_i(1 - p_k)$.",
    ],
)
def test_a_wrong_second_case_in_the_sentence_is_flagged_in_its_case(sentence: str) -> None:
    first, second = steps(sentence)
    assert first.status == "holds" and not first.flagged
    assert second.status == "fails" and second.flagged and "i ≠ k" in second.summary


@pytest.mark.parametrize(
    "lead",
    [
        "We get:",
        "Получим:",
        "Итак,",
        "Тогда",
        "所以",
        "因此可得：",
        "すると",
        "따라서",
        "Por lo tanto, tenemos",
        "Entonces",
        "On obtient donc",
        "Somit gilt",
    ],
)
def test_an_equation_a_sentence_states_is_a_step(lead: str) -> None:
    (step,) = steps(f"{lead} ${DIAGONAL}$.")
    assert step.status == "holds"
    (wrong,) = steps(f"{lead} ${DIAGONAL_WRONG}$.")
    assert wrong.status == "fails" and wrong.flagged


@pytest.mark.parametrize("tail", ["となる。", "が得られる。", "より、対角成分が求まる。", "이다."])
def test_an_equation_stated_by_the_words_after_it_is_a_step(tail: str) -> None:
    (step,) = steps(f"${DIAGONAL}$ {tail}")
    assert step.status == "holds"
    (wrong,) = steps(f"${DIAGONAL_WRONG}$ {tail}")
    assert wrong.status == "fails" and wrong.flagged


@pytest.mark.parametrize(
    "sentence",
    [
        f"Если бы мы забыли правило частного, то получим: ${DIAGONAL_WRONG}$.",
        f"Ошибочно считать, что ${DIAGONAL_WRONG}$.",
        f"如果忘记商的求导法则，则有 ${DIAGONAL_WRONG}$。",
        f"错误的写法：${DIAGONAL_WRONG}$。",
        f"${DIAGONAL_WRONG}$ となるのは間違いである。",
        f"${DIAGONAL_WRONG}$ となる場合がある。",
        f"Si olvidamos la regla del cociente, tenemos ${DIAGONAL_WRONG}$.",
        f"Ce serait faux : donc ${DIAGONAL_WRONG}$.",
        f"Wenn man die Kettenregel vergisst, gilt ${DIAGONAL_WRONG}$.",
        f"We get: ${DIAGONAL_WRONG}$ if we forget the quotient rule.",
        f"The wrong answer is: ${DIAGONAL_WRONG}$.",
    ],
)
def test_an_equation_marked_as_a_slip_or_a_supposition_is_not_flagged(sentence: str) -> None:
    assert not any(step.flagged for step in steps(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Sa dérivée est égale à $${EQ}$$. Par produit on obtient :",  # kramdown's $$x$$ inline
        "La derivada es igual a ${EQ}$.",
        "Die Ableitung ist ${EQ}$.",
        "Производная равна ${EQ}$.",
    ],
)
def test_an_equation_said_to_be_equal_in_other_languages(sentence: str) -> None:
    (step,) = steps(sentence.replace("{EQ}", DIAGONAL))
    assert step.status == "holds"
    (wrong,) = steps(sentence.replace("{EQ}", DIAGONAL_WRONG))
    assert wrong.status == "fails" and wrong.flagged


def test_a_chain_of_names_in_inline_math_defines_each_name() -> None:
    text = (
        "- $$ \\hat y = a = \\sigma(z)$$ : the prediction.\n\n"
        "Its derivative is $$\\frac{da}{dz} = a(1-a)$$. And so on.\n\n"
        "Its derivative is $$\\frac{da}{dz} = a(1+a)$$. And so on.\n"
    )
    first, second = check_document(text).steps
    assert first.status == "holds"
    assert second.status == "fails" and second.flagged


def test_a_japanese_sentence_ended_by_its_verb_is_a_step_when_the_text_goes_on() -> None:
    text = f"{DEFINED}\n\nまず微分すると ${DIAGONAL_WRONG}$ となる。\n次の行に文章が続く。\n"
    (step,) = check_document(text).steps
    assert step.status == "fails" and step.flagged
