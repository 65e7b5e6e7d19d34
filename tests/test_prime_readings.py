"""Primes on names, calls and groups as posts write them. Every reading that holds has a twin
with a slip that does not, and a case the text leaves unclear stays not checked."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from tests.steps import all_summaries as summaries

# a forum answer pasted without its MathJax: definitions said in a sentence, bare LaTeX lines
TANH = (
    "Let y = \\tanh(x). So, we take the derivative.\n"
    "\n"
    "y = \\frac{e^x - e^{-x}}{e^x + e^{-x}}\n"
    "\n"
    "Now, denote u = e^x and v = e^{-x}. Thus,\n"
    "y = \\frac{u - v}{u + v}\n"
    "\n"
    "\\frac{dy}{dx} = \\frac{2(v \\cdot u' - u \\cdot v')}{(v + u)^2}\n"
    "\n"
    "u' = e^x\n"
    "v' = -e^{-x}\n"
)


def test_definitions_said_in_plain_words_give_the_primes_of_their_names():
    found = summaries(TANH)
    assert found[3] == ["holds"], found
    assert found[6] == ["holds"], found
    assert found[8] == ["holds"], found
    assert found[10] == ["holds"] and found[11] == ["holds"], found


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("\\frac{2(v \\cdot u' - u \\cdot v')}", "\\frac{(v \\cdot u' - u \\cdot v')}", 8),
        ("\\frac{2(v \\cdot u' - u \\cdot v')}", "\\frac{2(u \\cdot u' - v \\cdot v')}", 8),
        ("v' = -e^{-x}", "v' = e^{-x}", 11),
        ("u' = e^x\n", "u' = -e^x\n", 10),
    ],
)
def test_a_slip_in_the_primes_of_plain_names_fails(old, new, line):
    assert summaries(TANH.replace(old, new))[line][0].startswith("fails")


def test_a_name_said_with_more_words_after_its_value_is_no_definition():
    # "let u = e^x be …" goes on: the sentence says more than the equation; u stays undefined
    text = TANH.replace("denote u = e^x and v = e^{-x}. Thus,", "let u = e^x be the top one.")
    assert not summaries(text)[10][0].startswith(("holds", "fails"))


def test_a_name_of_two_variables_stays_unread_when_primed():
    text = TANH.replace("denote u = e^x and", "denote u = e^{wx} and")
    assert not summaries(text)[10][0].startswith(("holds", "fails"))


SIGMOID = (
    "The derivative of the sigmoid $f(x) = \\frac{1}{1+e^{-x}}$ is\n$$f(x)’ = f(x)(1−f(x))$$\n"
)


@pytest.mark.parametrize("prime", ["'", "’", "''"[:1]])
def test_a_prime_after_the_argument_is_the_derivative(prime):
    assert summaries(SIGMOID.replace("’", prime))[2] == ["holds"]


@pytest.mark.parametrize("wrong", ["f(x)(1+f(x))", "1−f(x)", "f(x)^2(1−f(x))"])
def test_a_wrong_derivative_with_the_prime_after_the_argument_fails(wrong):
    assert summaries(SIGMOID.replace("f(x)(1−f(x))", wrong))[2][0].startswith("fails")


def test_a_prime_after_a_product_in_parentheses_is_no_call():
    # p(1 - p)': the prime of a group of two letters, by which? (not a call of p)
    text = "Let $p = \\frac{1}{1+e^{-x}}$.\n$$p(1 - p)' = p(1-p)(1-2p)$$\n"
    assert not summaries(text)[2][0].startswith(("holds", "fails"))


SCALED = (
    "For a constant $a$, the scaled sigmoid is\n"
    "$$ f(x) = \\frac{1}{1+e^{-ax}} $$\n"
    "and its derivative is\n"
    "$$f(x)' = af(x)(1-f(x))$$\n"
)


def test_a_parameter_written_beside_the_variable_is_a_product_in_a_definition():
    assert summaries(SCALED)[4] == ["holds"]
    assert summaries(SCALED.replace("= af(x)", "= f(x)"))[4][0].startswith("fails")
    assert summaries(SCALED.replace("= af(x)", "= -af(x)"))[4][0].startswith("fails")


def test_two_letters_together_stay_one_name_or_a_product_when_one_is_never_alone():
    # a is never written alone: ax may be a name of its own
    text = SCALED.replace("For a constant $a$, the", "The").replace("= af(x)", "= f(x)")
    assert not summaries(text)[4][0].startswith(("holds", "fails"))


GROUP_OF_A_NAME = "Let $p = \\frac{1}{1+e^{-x}}$.\n$$(1 - p)' = -p(1-p)$$\n"


def test_a_prime_on_a_group_of_a_defined_name_is_by_its_variable():
    # p is a function of x: (1 - p)' is d/dx (1 - p) = -p', never d/dp (1 - p) = -1
    assert summaries(GROUP_OF_A_NAME)[2] == ["holds"]
    for wrong in ("p(1-p)", "-1", "-p^2(1-p)"):
        slipped = GROUP_OF_A_NAME.replace("-p(1-p)$$", wrong + "$$")
        assert summaries(slipped)[2][0].startswith("fails"), wrong


def test_a_prime_on_a_group_of_a_name_of_two_variables_is_not_read():
    text = "Let $u = wx$.\n$$(1 + u)' = w$$\n"
    assert summaries(text)[2][0].startswith("not checked")


def test_a_prime_on_a_group_written_against_a_letter_is_not_read():
    # p(1 - p)': the prime of (1 - p), or of p(1 - p)? (the right side is the second's)
    text = "Let $p = \\frac{1}{1+e^{-x}}$.\n$$p(1 - p)' = p(1-p)(1-2p)$$\n"
    assert summaries(text)[2][0].startswith("not checked")
    # a group after a group is a factor times a prime: the chain rule as posts write it
    chain = "$$(e^{-x})(-x)' = -e^{-x}$$\n"
    assert summaries(chain)[1] == ["holds"]
    assert summaries(chain.replace("= -e", "= e"))[1][0].startswith("fails")


# a Japanese blog's scaled sigmoid: a condition on the parameter beside the definition, primes on
# groups of the parameter and the variable, the typographic apostrophe
SCALED_GROUPS = (
    "シグモイド関数は $f(x) = \\frac{1}{1+e^{-ax}} (a > 0) $ の形をしている関数です。\n"
    "$$\n"
    "(\\frac{1}{1+e^{-ax}})’ = \\\\\n"
    "\\frac{-1} {(1+e^{-ax})^2} (1+e^{-ax})’ = \\\\\n"
    "\\frac{-1} {(1+e^{-ax})^2} (e^{-ax})(-ax)’ = \\\\\n"
    "\\frac{ae^{-ax}} {(1+e^{-ax})^2} = \\\\\n"
    "af(x)(1-f(x))\n"
    "$$\n"
)


def test_primes_on_groups_of_a_parameter_and_the_variable_are_by_the_variable():
    found = summaries(SCALED_GROUPS)
    assert all(found[line] == ["holds"] for line in (3, 4, 5, 6)), found


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("(1+e^{-ax})’ = \\\\", "(1+e^{-ax}) = \\\\", 4),  # the prime dropped
        ("(-ax)’ = \\\\", "(ax)’ = \\\\", 5),
        ("\\frac{ae^{-ax}}", "\\frac{-ae^{-ax}}", 6),
        ("af(x)(1-f(x))\n", "f(x)(1-f(x))\n", 6),
    ],
)
def test_a_slip_in_primes_of_groups_with_a_parameter_fails(old, new, line):
    assert summaries(SCALED_GROUPS.replace(old, new))[line][0].startswith("fails")


def test_a_group_of_two_letters_of_no_function_stays_unread():
    # nothing says which of w and x varies: (wx)' is by which?
    text = "$$(wx)' = w$$\n"
    assert summaries(text)[1][0].startswith("not checked")
    # a and x with no function of x defined: a is not known to be a parameter
    text = SCALED_GROUPS.replace("$f(x) = \\frac{1}{1+e^{-ax}} (a > 0) $", "$a > 0$")
    assert summaries(text)[5][0].startswith("not checked")


QUOTIENT = (
    "For any differentiable functions, the quotient rule:\n"
    "$$\\frac{d}{dx}\\frac{f(x)}{g(x)} = \\frac{f'(x)g(x) - f(x)g'(x)}{g(x)^2}$$\n"
)
PRODUCT = "Let $h(x) = f(x) z(x)$. By the product rule\n$$h'(x) = f'(x)z(x) + f(x)z'(x)$$\n"


def test_rules_of_functions_the_text_leaves_unknown_hold_for_every_function():
    assert summaries(QUOTIENT)[2] == ["holds"]
    assert summaries(PRODUCT)[2] == ["holds"]


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (QUOTIENT, "f'(x)g(x) - f(x)g'(x)", "f'(x)g(x) + f(x)g'(x)"),
        (QUOTIENT, "f'(x)g(x) - f(x)g'(x)", "f(x)g'(x) - f'(x)g(x)"),
        (QUOTIENT, "{g(x)^2}", "{g(x)}"),
        (PRODUCT, "+ f(x)z'(x)", "- f(x)z'(x)"),
        (PRODUCT, "+ f(x)z'(x)", ""),
    ],
)
def test_a_slip_in_a_rule_of_unknown_functions_fails_with_a_witness(text, old, new):
    (step,) = [s for s in check_document(text.replace(old, new)).steps if s.line == 2]
    assert step.summary.startswith("fails")
    assert any(case.verdict.counterexample is not None for case in step.cases)


def test_a_rule_for_a_function_the_text_never_defines_stays_not_checked():
    # h is nowhere said to be f·z: h'(x) = … is no identity for every h
    text = "By the product rule\n$$h'(x) = f'(x)z(x) + f(x)z'(x)$$\n"
    assert summaries(text)[2][0].startswith("not checked")


NAMED_ON_THE_RIGHT = (
    "$$\n"
    "h(x) = \\frac{f(x)}{g(x)}  \\\\\n"
    "令：\\frac{1}{g(x)} = z(x)，则：\n"
    "h(x) = f(x) z(x) \\\\\n"
    "h'(x) = f'(x)z(x) + f(x)z'(x) \\\\\n"
    "= \\frac{f'(x)g(x) - g'(x)f(x)}{g(x)^2}\n"
    "$$\n"
)


def test_a_function_named_on_the_right_after_let_is_defined_by_the_left_side():
    found = summaries(NAMED_ON_THE_RIGHT)
    assert found[3] == ["definition of z(x)"], found
    assert found[4] == ["holds"] and found[5] == ["holds"] and found[6] == ["holds"], found
    slipped = NAMED_ON_THE_RIGHT.replace("- g'(x)f(x)}", "+ g'(x)f(x)}")
    assert summaries(slipped)[6][0].startswith("fails")
    swapped = NAMED_ON_THE_RIGHT.replace("+ f(x)z'(x) \\\\", "+ f'(x)z'(x) \\\\")
    assert summaries(swapped)[5][0].startswith("fails")


def test_a_function_named_on_the_right_without_a_defining_word_is_no_definition():
    text = NAMED_ON_THE_RIGHT.replace("令：", "")
    assert summaries(text)[3] != ["definition of z(x)"]
    assert not summaries(text)[5][0].startswith(("holds", "fails"))
