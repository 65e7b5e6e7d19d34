"""A case the text states with an index the step only sums over: "When $i = j$", then
``-\\sum_j y_j \\frac{1}{\\hat{y}_j} \\frac{\\partial \\hat{y}_j}{\\partial \\theta_i} = -y_i (1 -
\\hat{y}_i)``. The author means the term j = i of the sum, a reading this reader does not make:
judged as written the step would be refuted for what the author never claimed."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.documents.spans import Relation


def _sums_over(text: str, letter: str, every: bool) -> int:
    letter = re.escape(letter)
    # \sum_j, \sum_{j}, \sum_{j=1}^n: every term (\sum_{j \neq i} has left the term out)
    term = r"(?:=[^{}]*)?\}" if every else ""
    # (unbraced, the subscript is one letter: \sum_ky_k sums over k)
    plain = rf"(?:{letter}|\{{\s*{letter}(?![a-zA-Z])\s*{term})"
    return len(re.findall(rf"\\sum\s*(?:\\limits\s*)?_\s*{plain}", text))


def summed_in_case(
    condition: Relation | None, texts: tuple[str, str], lhs: sympy.Expr, rhs: sympy.Expr
) -> str:
    """The letter of an equality ``condition`` that one side of the step, as written, sums over
    (every term) and the other does not at all, while neither uses it free (the step keeps one term
    of the sum), or of an inequality that a side writes as a sum's condition and neither uses
    free (``\\sum_{k \\neq i}``: the step keeps the other terms), else "".

    >>> i, j = sympy.symbols("i j", integer=True)
    >>> y = sympy.IndexedBase("y")
    >>> case = Relation("i", True, "j")
    >>> summed_in_case(case, (r"\\sum_j y_j", "y_i"), sympy.Sum(y[j], (j, 1, 3)), y[i])
    'j'
    >>> summed_in_case(case, (r"\\sum_j y_j", r"\\sum_j y_j"), sympy.Sum(y[j], (j, 1, 3)), y[i])
    ''
    """
    if condition is None:
        return ""
    free = {s.name for side in (lhs, rhs) for s in side.free_symbols}
    for letter in (condition.left, condition.right):
        if letter in free:
            continue
        if not condition.equal:  # k ≠ i beside \sum_{k \neq i} …: the other terms, not a case
            other = re.escape(condition.right if letter == condition.left else condition.left)
            unequal = (
                rf"\\sum\s*_\s*\{{\s*{re.escape(letter)}\s*(?:\\neq?|\\not\s*=|≠)\s*{other}\s*\}}"
            )
            if any(re.search(unequal, text) for text in texts):
                return letter
            continue
        for summed, other in (texts, texts[::-1]):
            # one sum, one term kept (-\sum_k t_k 1\{k = i\} + \sum_k y_i is no such step)
            if _sums_over(summed, letter, True) == 1 and not _sums_over(other, letter, False):
                return letter
    return ""
