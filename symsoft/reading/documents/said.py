"""Equations said in a sentence that are steps by their shape: a list item led by a bold label
(``- **Numerator derivative**: $f' = \\frac{\\partial}{\\partial z_i} e^{z_i} = e^{z_i}$. The
exponential …``) and arithmetic between numbers (``since $-\\log(1) = 0$.``, ``the rate is
$-0.18 \\times 0.45 = -0.081$.``)."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy

# a list item or a bold label ending in a colon, and nothing else before the math
_LABELLED = lazy(
    r"[ \t]*(?P<item>(?:[-*+]|\d+[.)])[ \t]+)?(?P<bold>\*\*|__)?"
    r"(?P<label>[A-Za-z][A-Za-z0-9 '’-]{0,40}?)[ \t]*(?:(?P=bold)[ \t]*:|:[ \t]*(?P=bold))[ \t]*"
)
_LABELLED_PLAIN = lazy(
    r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?P<label>[A-Za-z][A-Za-z0-9 '’-]{0,40}?)[ \t]*:[ \t]*"
)


def labelled_lead(before: str) -> str | None:
    """The label when ``before`` (the line up to the math) is a list item or a bold label that
    ends in a colon and holds nothing else: ``- **Numerator derivative**: ``, ``**Step 2:** ``.

    >>> labelled_lead("- **Numerator derivative**: ")
    'Numerator derivative'
    >>> labelled_lead("We know that the derivative is: ") is None
    True
    """
    match = _LABELLED.fullmatch(before)
    if match is not None and match.group("bold"):
        return match.group("label")
    match = _LABELLED_PLAIN.fullmatch(before) or STATEMENT.fullmatch(before)
    return None if match is None else match.group("label")


# a statement's bold label with a full stop: "**Claim.** ", "**Lemma 2.** ", "**Answer.** "
STATEMENT = lazy(
    r"[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)(?P<label>(?:Claim|Lemma|Result|Answer|Fact|Identity"
    r"|Proposition|Theorem|Corollary)(?:[ \t]+\d+(?:\.\d+)?)?)[ \t]*\.[ \t]*(?:\*\*|__)[ \t]*"
)


# numbers, + - × · /, fractions, logarithms and powers of e: nothing to read but the arithmetic
_ALLOWED_COMMANDS = lazy(
    r"\\(?:d|t)?frac(?![a-zA-Z])|\\(?:log|ln|exp|times|cdot|left|right|approx)(?![a-zA-Z])"
    r"|\\[,;!]|(?<![A-Za-z\\])e(?=\s*\^)"
)
_ARITHMETIC = lazy(r"[0-9.\s+\-−=(){}^/*]*")
_NUMBER = lazy(r"\d")
# what makes an equation between numbers a mention, a slip shown on purpose or a question
_SLIP = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|error|typo|false|not|"
    r"instead|claim|claims|na[iï]ve\w*|tempt\w*|guess\w*|myth|pitfall|fallacy|bogus|bad|bug|"
    r"buggy|careless\w*|misconception|flawed|oops|forget\w*|forgot\w*|without|glance|seem\w*|"
    r"imagine|pretend|want|should|would|could|float\w*|overflow\w*|underflow\w*|precision|"
    r"round\w*|truncat\w*)\b|\?|n't"
)
_SENTENCE_START = lazy(r"[.!?。](?:[ \t]+|$)")


def said_arithmetic(math: str, before: str) -> bool:
    """``math`` is an equation between numbers (``-\\log(1) = 0``, ``\\frac{-1}{0.01} = -100``)
    in a sentence that does not show it as a slip, a question or a mention: its truth does not
    depend on any reading of the document, so the sentence states it.

    >>> said_arithmetic("-0.18 \\\\times 0.45 = -0.081", "the rate is ")
    True
    >>> said_arithmetic("-\\\\log(1) = 0", "a common mistake is ")
    False
    """
    if not ("=" in math or "\\approx" in math) or "$" in math:
        return False  # (≈ is found, and reported as no equality)
    bare = _ALLOWED_COMMANDS.sub(" ", math)
    if not _ARITHMETIC.fullmatch(bare):
        return False
    sides = re.split(r"(?<![<>!:\\])=|\\approx", math)
    if any(_NUMBER.search(side) is None for side in sides):
        return False
    sentence = _SENTENCE_START.split(before)[-1]
    return _SLIP.search(re.sub(r"\$[^$]*\$", " ", sentence)) is None


# an expression, then \approx and a decimal (or a list of decimals) that ends the math
_APPROXIMATED = lazy(
    r"(?P<left>[^$]*?)\\approx(?![a-zA-Z])\s*(?P<value>-?\s*\d*\.\d+|(?:\\left\s*)?[(\[]\s*"
    r"-?\d*\.\d+(?:\s*,\s*-?\d*\.\d+)+\s*(?:\\right\s*)?[)\]])\s*[.,;]?\s*"
)
# what makes a value a mention, a slip or a question (rounding and floats are a worked
# example's words, and no sign of a slip)
_NOT_STATED = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|error|typo|false|not|instead|claim|claims|na[iï]ve\w*|"
    r"guess\w*|myth|pitfall|bogus|bad|bug|buggy|oops|forget\w*|forgot\w*|without|seem\w*|"
    r"imagine|pretend|want|should|would|could|suppose\w*|if|writes?|wrote|writing|often|might|"
    r"may|students?|people|beginners?|common\w*|typical\w*|tempt\w*)\b|\?|n't"
)


def said_approximation(math: str, before: str) -> bool:
    """``math`` is an expression approximated by a decimal or a list of decimals (``\\sum_k
    e^{a_k} \\approx 11.21``, ``S \\approx (0.659, 0.242, 0.099)``), in a sentence that does
    not show it as a slip, a supposition or a question: the value of a worked example, judged
    at the example's values only.

    >>> said_approximation("L = -\\\\log S_1 \\\\approx 0.417", "The loss is ")
    True
    >>> said_approximation("S_1 \\\\approx 0.3", "A wrong answer is ")
    False
    """
    found = _APPROXIMATED.fullmatch(math)
    if found is None or not found["left"].strip() or "$" in math:
        return False
    sentence = _SENTENCE_START.split(before)[-1]
    return _NOT_STATED.search(re.sub(r"\$[^$]*\$", " ", sentence)) is None


def value_goes_on(after: str) -> bool:
    """The words after a worked example's value go on with its sentence and make it no slip,
    supposition or question (``$…\\approx 0.417$, and the gradient is``).

    >>> value_goes_on(", and the gradient is just"), value_goes_on(", which would be wrong.")
    (True, False)
    """
    rest = _SENTENCE_START.split(after)[0]
    return re.match(r"\s*(?:[,;:.!]|and\b|so\b|$)", after) is not None and not _NOT_STATED.search(
        re.sub(r"\$[^$]*\$", " ", rest)
    )


def said_value(math: str) -> bool:
    """``math`` is arithmetic between numbers or a value approximated, in no sentence."""
    return said_arithmetic(math, "") or said_approximation(math, "")


_SINCE = lazy(r"(?i)(?:^|[\s(])(?:since|because|as)[ \t]*$")


def stated_premise(before: str, after: str) -> bool:
    """The math is the premise of a sentence that goes on after it: ``Since $-\\log(1) = 0$, a
    perfect prediction costs nothing.`` (a clause led by since, because or as states it; the
    rest of the sentence does not show it as a slip).

    >>> stated_premise("Since ", ", the loss vanishes.")
    True
    >>> stated_premise("Since ", ", we would get nonsense.")
    False
    """
    if _SINCE.search(before) is None or not after.lstrip().startswith(","):
        return False
    rest = _SENTENCE_START.split(after)[0]
    return _SLIP.search(re.sub(r"\$[^$]*\$", " ", rest)) is None


# "When $i = j$, we have $…$.": a sentence led by the index case its claim is made in (the
# claim is then read in that case, as after "If $i = j$," before a display)
CASE_FIRST = lazy(
    r"(?i)\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:[^$,.:;]{1,40},\s*)?(?:(?:and|but|so|now),?\s+)?"
    r"(?:(?:when|if|for|in\s+the\s+case)\s+|(?:如果|若|当|當)\s*)"
    r"(?:\$\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠)\s*[a-z]\s*\$"
    r"|\\\(\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠)\s*[a-z]\s*\\\)"
    # … or by the class in words: "For the correct class $k$:", "For incorrect classes $j \neq k$:"
    r"|(?:the\s+)?(?:(?:in)?correct|true|target|wrong|all\s+other|other)\s+class(?:es)?\s*"
    r"(?:\$\s*[a-z]\s*(?:(?:\\neq?|\\not\s*=|≠)\s*[a-z]\s*)?\$)?(?=\s*(?::|$)))"
    r"\s*[,:]?\s*(?P<rest>[^$]*)"
)
