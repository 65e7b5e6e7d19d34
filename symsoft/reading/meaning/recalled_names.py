"""A name the text recalls as the value of a function: "Recall that $\\sigma(z) = a$" (the
function on the left, the name on the right) defines ``a = \\sigma(z)``."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# "Recall that $\sigma(z) = a$": a name the text recalls as the value of σ or tanh at a letter
_RECALLED = lazy(r"(?i)\b(?:recall|remember|note|notice)\s+that\s*$")
_CALLED = lazy(r"\s*\\(?:sigma|tanh)\s*(?:\(\s*[a-z]\s*\)|\\left\s*\(\s*[a-z]\s*\\right\s*\))\s*")
_NAME = lazy(r"\s*[a-hoqt-z]\s*[.,]?\s*")


def recalled_name(lhs: str, rhs: str, before: str, after: str = "") -> bool:
    """Whether ``lhs = rhs`` recalls a name for a function's value: "Recall that $\\sigma(z) =
    a$" (then ``a = \\sigma(z)`` is the definition: a letter, the logistic function or tanh of
    one letter, said after "recall that", "note that")."""
    rest = re.split(r"[.!?](?:\s|$)", after, maxsplit=1)[0]  # the sentence after the math
    if _DENIED.search(rest):
        return False  # "… $\\sigma(z) = a$ only when the unit is logistic" (review 61b)
    return bool(_RECALLED.search(before) and _CALLED.fullmatch(lhs) and _NAME.fullmatch(rhs))


_DENIED = lazy(
    r"(?i)\b(?:only|if|when|whenever|unless|would|could|might|false|wrong|not|no|never|instead"
    r"|but|whereas|except|however|though|although|suppos\w*|assum\w*|were|rather)\b|n't|\?"
)
