"""A standard function written out as a definition where the text first names it:
``\\sinh(x) = \\frac{1}{2(e^x - e^{-x})}``, ``f(x_i) = softmax(x_i) = \\frac{e^{x_i}}{\\sum_j
e^{x_i}}``. The author says what the name means; read as the standard function the formula is
refuted, read as the author's own it is a definition. Which one the text means (a slip in a
definition, or a function of its own under a standard name) the words do not say, so the step is
not flagged: the reason says how it differs."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# the function applied to its arguments, and at most an entry index: \sinh(x), softmax(x_i),
# \mathrm{softmax}(\mathbf{z})_j, \tanh\left(x\right)
_APPLIED = lazy(
    r"[\s&]*(?P<name>\\(?:sinh|cosh|tanh|sech|coth|csch)(?![a-zA-Z])"
    r"|(?:\\(?:mathrm|operatorname|text|textrm)\s*\{\s*)?softmax(?![a-zA-Z])\s*\}?)"
    r"\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\)){1,40}(?:\\right\s*)?\)"
    r"\s*(?:_\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z]))?\s*"
)

_MATH = lazy(
    r"\$\$[\s\S]*?\$\$|\$[^$\n]+\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)"
    r"|\\begin\{(equation|align|eqnarray|gather|multline)\*?\}[\s\S]*?\\end\{\1\*?\}"
)


def standard_defined(lhs: str, before: str) -> str:
    """Why a flag on ``lhs = …`` may be a definition's (``before``: the document up to it): the
    left side applies a standard function the text has not written before; or ""."""
    written = _APPLIED.fullmatch(lhs)
    if written is None:
        return ""
    name = re.sub(r"\\(?:mathrm|operatorname|text|textrm)|[\\{}\s]", "", written.group("name"))
    math = " ".join(m.group() for m in _MATH.finditer(before))  # (a heading's word is no use)
    if re.search(rf"(?<![a-zA-Z]){name}(?![a-zA-Z])", math):
        return ""  # written before: a step about the function the text already uses
    return (
        f"the text writes {name} here for the first time, as a definition: read as the standard "
        f"{name} it is refuted, read as the text's own {name} it defines it (a slip in the "
        "definition, or a function of its own under that name? the words do not say)"
    )
