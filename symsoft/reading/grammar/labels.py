"""Superscripts in parentheses over a name: labels, never powers.

``x^{(i)}`` (a sample), ``a^{(2)}`` (a layer or a unit), ``w^{(\\tau+1)}`` (an iterate) and
``y^{(2)}(0)`` (a derivative's order) are how texts label a name; none is a power, so the grammar
reads none of them as one (a digit label the document reader has spelled as a name of its own,
``labelled_names.py``, never reaches it).  A group in brackets keeps its power:
``(1 - y)^{(1 - t)}``.  Braces around one name print nothing, so ``{y_n}^{t_n}`` is
``y_n^{t_n}``; ``{w_1}^{(\\tau)}`` is Bishop's iterate, a label.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

import sympy

from symsoft.reading.documents.brackets import matching

# a name (no bracket before its caret) whose superscript opens with a parenthesis
_NAME_LABEL = re.compile(
    r"\s*(?![(\[]|\\(?:left|[bB]igg?l?)(?![a-zA-Z]))[^\^]*\^\s*(?:\{\s*\(|\(\s*[a-z]\s*\))"
)  # (and y^(i): a sample's label, y^{i} in a text that writes y^{(i)} respelled so)
# the script of a braced name that opens with a parenthesis: {w}^{(\tau + 1)}, {w}^{(2)}
_BRACED_LABEL = re.compile(r"\}\s*\^\s*\{?\s*\(")


def labelled(text: str, start: int, end: int) -> str:
    """The power ``text[start:end]`` as written when it is a name with a label in parentheses
    for its superscript (not a power), else ""."""
    return " ".join(text[start:end].split()) if _NAME_LABEL.match(text, start, end) else ""


def braced_label(written: str) -> bool:
    """Whether the braced name's script in ``written`` is a label in parentheses."""
    return _BRACED_LABEL.search(written) is not None


def braced_parentheses(written: str) -> bool:
    """Whether the brace group scripted in ``written`` holds one group in parentheses and
    nothing else (``{(\\frac{1}{S})}^2``, ``{\\left(1 - p\\right)}^2``): the parentheses print,
    so the script is on what they enclose."""
    end = matching(written, 0) if written.startswith("{") else -1  # (past its closing brace)
    inner = written[1 : end - 1].strip() if end > 0 else ""
    if not re.fullmatch(r"(?:\\left\s*)?\(.*(?:\\right\s*)?\)", inner, re.DOTALL):
        return False
    group = inner[inner.index("(") :]
    depth = 0  # the parenthesis that opens it closes last
    for at, char in enumerate(group):
        depth += (char == "(") - (char == ")")
        if depth == 0 and at < len(group) - 1:
            return False
    return depth == 0


def label_problem(written: str) -> str:
    """Why ``written`` (a name with a label in parentheses) is not read."""
    return (
        f"'{written}': parentheses in a name's superscript label a layer, a sample, a unit or an "
        "iterate (or give a derivative's order), not a power: not read here"
    )


# the superscripts the document numbers iterates with (``b^1 = b^0 - \\alpha …``): 0 and 1
# where a name with a superscript 0 is given a value, and those of an update rule
ITERATES: ContextVar[frozenset[int]] = ContextVar("iterates", default=frozenset())
_SCRIPT = r"(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
_NAME = (  # w, \theta, \hat{w}, \hat\theta, \mathbf{w}
    r"(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec)\s*(?:\{\s*(?:\\[a-zA-Z]+|[A-Za-z])\s*\}|\\[a-zA-Z]+"
    r"|[A-Za-z])|\\[a-zA-Z]+|(?<![A-Za-z\\])[A-Za-z])"
)
# a name with a superscript 0 on the left of '=', alone or in a tuple: b^0 =, (b^0, w_1^0) =
_ITERATE = re.compile(
    rf"{_NAME}{_SCRIPT}\s*\^\s*(?:\{{\s*0\s*\}}|0){_SCRIPT}\s*(?:&\s*)?(?:\)\s*)?(?:=|:=)(?!=)"
)
# an update rule, w^{2} = w^{1} - …, or a first iterate given a number, \theta^1 = 4
_UPDATE = re.compile(
    rf"({_NAME}{_SCRIPT})\s*\^\s*(?:\{{\s*(\d)\s*\}}|(\d)){_SCRIPT}\s*(?:&\s*)?(?::=|=)(?!=)"
    r"([^=$\n]*)"
)


def numbers_iterates(text: str) -> frozenset[int]:
    """The superscripts ``text`` numbers iterates with: 0 and 1 where it gives a name with a
    superscript 0 a value (``\\theta^0 = …``, ``(b^0, w_1^0) = (4, 5)``, ``b^0 &= …``), and
    both of an update rule ``w^2 = w^1 - …`` (the same name one lower on its right) or of a
    first iterate given a number (``\\theta^1 = 4``); ``s^1 = \\frac{…}{…}`` alone may be an
    entry written with its index up."""
    found = {0, 1} if _ITERATE.search(text) else set()
    for rule in _UPDATE.finditer(text):
        digit = int(rule.group(2) or rule.group(3))
        name = re.escape(rule.group(1))
        lower = rf"{name}\s*\^\s*(?:\{{\s*{digit - 1}\s*\}}|{digit - 1})(?!\d)"
        if digit and re.search(lower, rule.group(4)):
            found |= {digit, digit - 1}
        elif digit == 1 and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*[.,]?\s*", rule.group(4)):
            found |= {0, 1}
    return frozenset(found)


def iterate_problem(base: sympy.Basic, exponent: sympy.Basic) -> str:
    """Why a name to a power the text numbers iterates with is not read (``\\theta^0 = (b^0,
    w_1^0)``, ``w^2 = w^1 - …``); "" for any other power."""
    named = isinstance(base, sympy.Symbol | sympy.Indexed)
    if named and exponent.is_Integer and int(exponent) in ITERATES.get():
        return (
            f"ambiguous: a name to the power {exponent} may be a label (an iterate, b^0 the "
            "starting value), not a power"
        )
    return ""


def power_problem(text: str, start: int, end: int, base: sympy.Basic, exponent: sympy.Basic) -> str:
    """Why the power ``text[start:end]`` is not read as one: ``w^T x`` (a transpose), ``x^{(i)}``
    (a label), ``b^0`` in a text that numbers iterates; "" when it is a power."""
    if isinstance(exponent, sympy.Symbol) and exponent.name == "T" and not base.is_number:
        # w^T x: a transpose, never w to the power of a temperature T
        return (
            "'^T' is a transpose here, of something the text does not say is a vector"
            " (not read as a power)"
        )
    if written := labelled(text, start, end):
        return label_problem(written)
    return iterate_problem(base, exponent)


__all__ = [
    "ITERATES",
    "braced_label",
    "braced_parentheses",
    "iterate_problem",
    "label_problem",
    "labelled",
    "numbers_iterates",
    "power_problem",
]
