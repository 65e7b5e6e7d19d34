"""A name the text recalls as the value of a function: "Recall that $\\sigma(z) = a$" (the
function on the left, the name on the right) defines ``a = \\sigma(z)``; so does "Let
$\\sigma(x) = s$ for brevity"."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# "Recall that $\sigma(z) = a$": a name the text recalls as the value of σ or tanh at a letter
_RECALLED = lazy(r"(?i)\b(?:recall|remember|note|notice)\s+that\s*$")
_CALLED = lazy(r"\s*\\(?:sigma|tanh)\s*(?:\(\s*[a-z]\s*\)|\\left\s*\(\s*[a-z]\s*\\right\s*\))\s*")
_NAME = lazy(r"\s*[a-hoqt-z]\s*[.,]?\s*")
# "Let $\sigma(x) = s$": a name the text gives the value (any letter but e and the indices)
_LET = lazy(r"(?i)\b(?:let|set|put)\s*$")
_LET_NAME = lazy(r"\s*[a-dfgho-z]\s*[.,]?\s*")
SHORTHAND = lazy(
    r"\s*\(?(?:for\s+(?:brevity|short|simplicity|convenience)|to\s+(?:simplify|shorten)"
    r"|as\s+(?:a\s+)?shorthand)",
    re.IGNORECASE,
)
_BARE_NAME = lazy(r"\s*(?:[A-Za-z]|\\[a-zA-Z]+)\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*")  # "let a = b"


def recalled_name(lhs: str, rhs: str, before: str, after: str = "", earlier: str = "") -> bool:
    """Whether ``lhs = rhs`` recalls a name for a function's value: "Recall that $\\sigma(z) =
    a$" (then ``a = \\sigma(z)`` is the definition: a letter, the logistic function or tanh of
    one letter, said after "recall that", "note that")."""
    rest = re.split(r"[.!?](?:\s|$)", after, maxsplit=1)[0]  # the sentence after the math
    if _DENIED.search(rest):
        return False  # "… $\\sigma(z) = a$ only when the unit is logistic" (review 61b)
    if _LET.search(before) and _LET_NAME.fullmatch(rhs) and not _BARE_NAME.fullmatch(lhs):
        # "Let $\sigma(x) = s$ for brevity": s is σ(x); "Let $\sigma(z) = y$" of a label y the
        # text already writes alone: an equation (a perfect fit), unless said a shorthand
        letter = rhs.strip(" .,")
        written = re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z_])", earlier)
        return not written or bool(SHORTHAND.match(rest))
    return bool(_RECALLED.search(before) and _CALLED.fullmatch(lhs) and _NAME.fullmatch(rhs))


def named_sum(lhs: str, rhs: str, before: str) -> bool:
    """Whether ``lhs = rhs`` names a sum on its right: "where we write $\\sum_k e^{a_k} =
    \\Sigma$" (then Σ is that sum; ``lhs`` and ``rhs`` the two sides at the top level)."""
    return bool(_NAMING.search(before) and _SUM_VALUE.fullmatch(lhs) and _SHORT.fullmatch(rhs))


_NAMING = lazy(r"(?i)\b(?:where|we\s+write|write|denote|call)\s*$")
_SUM_VALUE = lazy(r"\s*\\sum(?![a-zA-Z]).*", re.DOTALL)
_SHORT = lazy(r"\s*(?:\\(?:Sigma|Gamma|Omega|Lambda)|[A-Z])\s*[.,]?\s*")  # Σ, Z, S, N


_DENIED = lazy(
    r"(?i)\b(?:only|if|when|whenever|unless|would|could|might|false|wrong|not|no|never|instead"
    r"|but|whereas|except|however|though|although|suppos\w*|assum\w*|were|rather)\b|n't|\?"
)
