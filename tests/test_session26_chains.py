"""Chains of equations worked inside a sentence are steps; never where the words around them
disown them, ask for them or make them a case. Every reading that holds has a wrong twin."""

from __future__ import annotations

from symsoft.reading.document import check_document
from tests.steps import all_summaries

SIGMOID = "The sigmoid is $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\n"
RIGHT = "\\frac{e^{-x}}{(1 + e^{-x})^2}"
WRONG = "\\frac{e^{x}}{(1 + e^{-x})^2}"
# a wrong chain said in a sentence: its flag is withheld (the words around it may give it a
# hypothesis or a value in words that is not read), but the verdict is shown
WITHHELD = "not checked: ambiguous: fails"


def chain(lead: str, rhs: str, tail: str = "for every x.", after: str = "") -> list[str]:
    line = f"{lead} $\\dfrac{{d\\sigma}}{{dx}} = \\sigma(x)(1 - \\sigma(x)) = {rhs}$ {tail}\n"
    return all_summaries(SIGMOID + line + after).get(3, [])


def test_a_chain_said_inside_a_sentence_is_a_derivation_whatever_plain_words_lead_into_it():
    assert chain("By the power rule,", RIGHT) == ["holds", "holds"]
    assert chain("**Step 1.**", RIGHT) == ["holds", "holds"]
    wrong = chain("By the power rule,", WRONG)
    assert wrong[0] == "holds" and wrong[1].startswith(WITHHELD)
    assert chain("**Step 1.**", WRONG)[1].startswith(WITHHELD)


def test_a_worked_number_in_a_sentence_that_goes_on_is_judged():
    numbers = SIGMOID + "So $\\sigma(0) = \\frac{1}{1 + e^{0}} = \\frac{1}{1+1} = RHS$. Hence.\n"
    assert all_summaries(numbers.replace("RHS", "0.5"))[3] == ["holds"] * 3
    assert all_summaries(numbers.replace("RHS", "0.25"))[3][2].startswith(WITHHELD)


def test_a_chain_the_sentence_makes_a_case_a_supposition_or_a_slip_is_no_step():
    assert chain("A common mistake is", WRONG) == []
    assert chain("Suppose that", WRONG) == []
    assert chain("When $x = 0$,", WRONG) == []
    assert chain("By the power rule,", WRONG, "is wrong.") == []
    assert chain("By the power rule,", WRONG, "only if $x > 0$.") == []
    assert chain("Is it true that", WRONG, "for every x?") == []
    assert chain("A slip:", WRONG) == []
    assert chain("Show that", WRONG) == []
    # the same chains stated plainly are judged (the guards are what keeps them out)
    assert chain("So", WRONG)[1].startswith(WITHHELD)


def test_a_chain_the_next_sentence_disowns_or_asks_about_is_no_step():
    assert chain("My first attempt read", WRONG, ".") == []
    assert chain("So", WRONG, ".", "That sign is off: the inner derivative is -1.\n") == []
    assert chain("So", WRONG, ". Find the error.") == []
    assert chain("Then", WRONG, ".", "But this is not right.\n") == []
    # a next sentence that goes on with the derivation leaves it a step
    assert chain("So", WRONG, ".", "The rest follows.\n")[1].startswith(WITHHELD)
    assert chain("So", RIGHT, ".", "The rest follows.\n") == ["holds", "holds"]


def test_a_chain_with_another_relation_or_set_to_zero_is_no_step():
    text = SIGMOID + "So $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x)) = RHS$ for every x.\n"
    assert all_summaries(text.replace("RHS", "1 \\leq 2")).get(3, []) == []
    assert all_summaries(text.replace("RHS", "0")).get(3, []) == []
    assert len(all_summaries(text.replace("RHS", "\\sigma(x)\\sigma(-x)"))[3]) == 2


SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ be the softmax.\n\n"


def test_a_chain_in_a_case_announced_before_it_is_judged_in_that_case():
    line = (
        "When $i = j$, we have $\\frac{\\partial p_i}{\\partial z_j} = "
        "\\frac{e^{z_i}\\sum_k e^{z_k} - e^{z_i} e^{z_j}}{(\\sum_k e^{z_k})^2} = RHS$.\n"
    )
    right = all_summaries(SOFTMAX + line.replace("RHS", "p_i(1 - p_j)"))[3]
    assert right == ["holds when i = j", "holds when i = j"]
    wrong = all_summaries(SOFTMAX + line.replace("RHS", "p_i(1 + p_j)"))[3]
    # ("we have" and a derivative: a step said in a sentence before chains were read, judged so)
    assert wrong[0] == "holds when i = j" and wrong[1].startswith("fails when i = j")
    other = line.replace("RHS", "p_i(1 - p_j)").replace("i = j", "i \\neq j")
    assert "fails when i ≠ j" in all_summaries(SOFTMAX + other)[3][0]


def test_a_probability_named_by_an_entry_gives_that_entry_a_new_meaning():
    text = (
        "The prediction is $y_n = \\sigma(a_n)$ for one sample.\n\n## Multiclass\n\n"
        "$$p(\\mathcal{C}_k\\vert \\phi) = y_k(\\phi) = "
        "\\frac{\\exp(a_k)}{\\sum_j \\exp(a_j)}$$\n\n"
        "$$\\frac{\\partial y_k}{\\partial a_j} = y_k(\\delta_{kj} - y_j)$$\n"
    )
    found = all_summaries(text)
    assert found[5][1].startswith("definition of y_k (a new meaning")
    assert found[7] == ["holds"]
    assert all_summaries(text.replace("(\\delta_{kj} - y_j)", "(\\delta_{kj} + y_j)"))[7][
        0
    ].startswith("fails")
    # a chain that names no probability first is no definition of the entry
    plain = text.replace("p(\\mathcal{C}_k\\vert \\phi)", "\\frac{1}{1}")
    assert not all_summaries(plain)[5][1].startswith("definition")


def test_a_control_space_before_an_aligned_equals_sign_is_a_space():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        "$$\\begin{align} \\frac{\\partial p_i}{\\partial z_i} &\\ = \\frac{e^{z_i}\\sum_k e^{z_k}"
        " - e^{z_i}e^{z_i}}{(\\sum_k e^{z_k})^2}\\\\ &\\ = RHS \\end{align}$$\n"
    )
    assert all_summaries(text.replace("RHS", "p_i(1-p_i)"))[3] == ["holds", "holds"]
    assert all_summaries(text.replace("RHS", "p_i(1+p_i)"))[3][1].startswith("fails")


def test_a_capital_sigma_with_its_upper_bound_first_is_the_sum_sign():
    text = (
        "Let $p_j = \\frac{e^{z_j}}{\\Sigma^k_{n=1} e^{z_n}}$.\n\n"
        "$$\\frac{\\partial}{\\partial z_j} \\log \\Sigma^k_{n=1} e^{z_n} = "
        "\\frac{e^{z_j}}{\\Sigma^k_{n=1} e^{z_n}} = RHS$$\n"
    )
    assert all_summaries(text.replace("RHS", "p_j"))[3] == ["holds", "holds"]
    assert all_summaries(text.replace("RHS", "1 - p_j"))[3][1].startswith("fails")


def test_a_value_said_in_words_withholds_the_flag_it_would_mend():
    text = (
        "In this whole section the rate is WORDS.\n\n"
        "$$\\frac{d}{dx} e^{ax} = a e^{ax} = 2 e^{2x}$$\n"
    )
    said = all_summaries(
        text.replace("WORDS", "fixed at two, so every $a$ below is the number two")
    )[3]
    assert said[0] == "holds" and said[1].startswith("not checked: fails unless a = 2")
    unsaid = all_summaries(text.replace("WORDS", "positive, and $a$ is a positive number"))[3]
    assert unsaid[0] == "holds" and unsaid[1].startswith("fails")
    # a value that does not mend the step leaves the flag
    wrong = text.replace("WORDS", "fixed at two, so every $a$ below is the number two").replace(
        "= 2 e^{2x}", "= 2 e^{-2x}"
    )
    assert all_summaries(wrong)[3][1].startswith("fails")


def test_two_equations_a_comma_separates_are_no_chain():
    text = (
        "- The output is a vector "
        "$a=[a_1,a_2,\\cdots,a_n],a_i=\\frac{e^{z_i}}{\\sum_{k=1}^ne^{z_k}}$, of size n.\n\n"
        "$$\\frac{\\partial a_i}{\\partial z_j} = -a_i a_j$$\n"
    )
    found = all_summaries(text)
    assert 1 not in found  # no step "a = [a_1, …]" read as a chain into a_i's value
    assert not found[3][0].startswith("fails")
    # the same values said as a chain are steps
    chain = "So $\\frac{d}{dx} e^{2x} = 2e^{2x} = 2 e^{x} e^{x}$, which we use below.\n"
    assert all_summaries(chain)[1] == ["holds", "holds"]
    # (since session 57 the words after it are read — ", which we use below" makes it no
    # case, slip or premise — so the claim's flag stands; words that may, withhold it)
    assert all_summaries(chain.replace("= 2 e^{x} e^{x}", "= e^{x} e^{x}"))[1][1] == "fails"
    hedged = chain.replace("which we use below", "which we use for positive x")
    assert all_summaries(hedged.replace("= 2 e^{x} e^{x}", "= e^{x} e^{x}"))[1][1].startswith(
        WITHHELD
    )


def test_a_temperature_said_to_be_one_in_words_withholds_the_flag_of_a_dropped_factor():
    text = (
        "With a temperature $T$, the tempered softmax is "
        "$q_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$.\n\nWORDS\n\n"
        "$$\\frac{\\partial q_i}{\\partial z_i} = \\frac{1}{T} q_i(1 - q_i) = q_i(1 - q_i)$$\n"
    )
    said = all_summaries(text.replace("WORDS", "In what follows we fix the temperature at one."))
    assert said[5][0] == "holds" and said[5][1].startswith("not checked: fails unless T = 1")
    unsaid = all_summaries(text.replace("WORDS", "In what follows the temperature is large."))
    assert unsaid[5][0] == "holds" and unsaid[5][1].startswith("fails")
    # at one, a step that stays wrong is flagged
    wrong = text.replace("WORDS", "We fix the temperature at one.").replace(
        "= q_i(1 - q_i)$$", "= q_i(1 + q_i)$$"
    )
    assert all_summaries(wrong)[5][1].startswith("fails")


def test_whole_numbers_rounded_from_powers_of_e_in_the_middle_of_a_worked_example():
    line = "Far out, $\\sigma(-5) = \\frac{1}{1 + e^{5}} = \\frac{1}{RHS}$ which is small.\n"
    right = all_summaries(SIGMOID + line.replace("RHS", "149"))[3]
    assert right[0] == "holds" and right[1].startswith("holds to the digits written")
    assert all_summaries(SIGMOID + line.replace("RHS", "151"))[3][1].startswith(WITHHELD)
    top = "$$\\frac{e^{5}}{e^{5} + e^{0} + e^{0}} = \\frac{148}{RHS}$$\n"
    assert all_summaries(top.replace("RHS", "150"))[1][0].startswith("holds to the digits")
    assert all_summaries(top.replace("RHS", "152"))[1][0].startswith("fails")
    # whole-number arithmetic is judged as written: 2^{10} + 1 is 1025
    exact = "$$\\frac{1}{1 + 2^{10}} = \\frac{1}{RHS}$$\n"
    assert all_summaries(exact.replace("RHS", "1025"))[1] == ["holds"]
    assert all_summaries(exact.replace("RHS", "1024"))[1][0].startswith("fails")


def test_a_label_value_said_in_words_leaves_a_step_on_its_entry_unjudged():
    text = (
        "The model gives $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$, the label $y$ is one-hot, "
        "and the loss is $\\ell = -\\sum_k y_k \\log p_k$.\n\n## One logit\n\nWORDS\n\n"
        "$$\\frac{\\partial \\ell}{\\partial z_k} = p_k - y_k = p_k - 1$$\n"
    )
    said = all_summaries(text.replace("WORDS", "For this logit the target is one."))[7]
    assert (
        said[1]
        == "not checked: ambiguous: fails; it holds at y_k = 1, which the words of its section say"
    )
    unsaid = all_summaries(text.replace("WORDS", "For this logit we differentiate."))[7]
    assert unsaid[1].startswith("holds only when c = k (fails when c ≠ k)")  # read one-hot
    # a step that fails at that value too stays flagged
    worse = text.replace("WORDS", "For this logit the target is one.").replace(
        "p_k - 1$", "p_k + 1$"
    )
    assert all_summaries(worse)[7][1].startswith("fails")


def test_a_wrong_chain_said_in_a_sentence_shows_its_verdict_but_is_no_flag():
    # the words around a sentence may carry what makes it true ("if the input is zero"): the
    # verdict is shown, the flag withheld; the same chain as a display is flagged
    said = "If the input is zero, it simplifies. Then $\\sigma(x) = \\frac{1}{1 + e^{-x}} = "
    step = check_document(SIGMOID + said + "\\frac{1}{2}$ there.\n").steps[-1]
    assert not step.flagged and step.summary.startswith(WITHHELD)
    assert "said in a sentence" in step.summary
    shown = "$$\\sigma(x) = \\frac{1}{1 + e^{-x}} = \\frac{1}{2}$$\n"
    assert check_document(SIGMOID + shown).steps[-1].flagged


def test_a_korean_as_below_is_no_case_word_and_keeps_the_announced_case():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$.\n\n2. $i \\neq k$인 경우\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_k} = "
        "\\frac{- e^{z_i} e^{z_k}}{(\\sum_j e^{z_j})^2}$$\n\n"
        "Softmax 함수의 미분은 아래와 같이 정리된다.\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_k} = RHS$$\n"
    )
    assert all_summaries(text.replace("RHS", "- p_i p_k"))[9] == ["holds when i ≠ k"]
    assert "fails when i ≠ k" in all_summaries(text.replace("RHS", "p_i(1 - p_k)"))[9][0]


def test_a_hypothesis_said_before_a_sentence_in_another_language_withholds_its_flag():
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ over $N$ classes.\n\nLEAD于是 "
        "$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 - p_i) = \\frac{N - 1}{N^2}$。\n"
    )
    said = all_summaries(text.replace("LEAD", "假设所有 logit 都相等。"))[3]
    assert said[0] == "holds" and said[1].startswith(WITHHELD)
    unsaid = all_summaries(text.replace("LEAD", "下面求导。"))[3]
    assert unsaid[0] == "holds" and unsaid[1].startswith("fails")


def test_the_temperature_said_to_be_one_in_japanese_withholds_the_flag():
    text = (
        "温度付きソフトマックスは $q_i = \\frac{e^{z_i/T}}{\\sum_k e^{z_k/T}}$ である。\n\n"
        "WORDS\n\n"
        "$$\\frac{\\partial q_i}{\\partial z_i} = \\frac{1}{T} q_i(1 - q_i) = q_i(1 - q_i)$$\n"
    )
    said = all_summaries(text.replace("WORDS", "以下では温度を1とする。"))[5]
    assert said[1].startswith("not checked: fails unless T = 1")
    assert all_summaries(text.replace("WORDS", "以下では微分する。"))[5][1].startswith("fails")
