"""A standard function written out as a definition where the text first names it:
``\\sinh(x) = \\frac{1}{2(e^x - e^{-x})}`` as the first formula of a Q&A page, ``f(x_i) =
softmax(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_i}}`` naming f. The author says what the name means;
read as the standard function the formula is refuted, read as the author's own it is a
definition. Which one the text means (a slip in a definition, or a function of its own under a
standard name) the words do not say, so the step is not flagged: the reason says how it differs.

Only where the text shows it defines: the formula is the document's first mathematics, or its
chain starts by naming the function (``f(x_i) = softmax(x_i) = …``); the function is applied to a
plain variable (not ``\\tanh(-x)``, ``softmax(z/T)``) and the right side writes no other standard
function (``\\tanh(x) = 2\\sigma(x) - 1`` is an identity to judge); never in a claim, which keeps
symsoft's conventions."""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.lazy_regex import lazy

DEFINING: ContextVar[bool] = ContextVar("DEFINING", default=True)  # a document, not a claim

_VARIABLE = (
    r"\s*(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[a-zA-Z]\s*\}|[a-zA-Z]"
    r"(?:\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?)\s*(?:\\right\s*)?\)"
)
_APPLIED = lazy(
    r"[\s&]*(?P<name>\\(?:sinh|cosh|tanh|sech|coth|csch)(?![a-zA-Z])"
    r"|(?:\\(?:mathrm|operatorname|text|textrm)\s*\{\s*)?softmax(?![a-zA-Z])\s*\}?)"
    + _VARIABLE
    + r"\s*(?:_\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z]))?\s*"
)
_STANDARD = lazy(r"\\(?:sigma|sinh|cosh|tanh|sech|coth|csch|exp\s*\()|softmax|sigmoid|logsumexp")
_NAMED_BEFORE = lazy(r"^[\s&]*[A-Za-z]\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*" + _VARIABLE + r"?\s*=\s*$")
_MATH = lazy(
    r"\$\$[\s\S]*?\$\$|\$[^$\n]+\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)"
    r"|\\begin\{(equation|align|eqnarray|gather|multline)\*?\}[\s\S]*?\\end\{\1\*?\}"
)
_OPEN_DISPLAY = lazy(r"(?:\$\$|\\\[|\\begin\{[a-z]+\*?\})(?![\s\S]*(?:\$\$|\\\]|\\end\{))")


def standard_defined(lhs: str, rhs: str, before: str) -> str:
    """Why a flag on ``lhs = rhs`` may be a definition's (``before``: the document up to it): see
    the module; or ""."""
    written = _APPLIED.fullmatch(lhs)
    if written is None or not DEFINING.get() or _STANDARD.search(rhs):
        return ""
    name = re.sub(r"\\(?:mathrm|operatorname|text|textrm)|[\\{}\s]", "", written.group("name"))
    opened = _OPEN_DISPLAY.search(before)  # the display the step is in, up to its left side
    earlier = before[: opened.start()] if opened else before
    math = " ".join(m.group() for m in _MATH.finditer(earlier))
    in_display = before[opened.end() :] if opened else ""
    if re.search(rf"(?<![a-zA-Z]){name}(?![a-zA-Z])", math + in_display):
        return ""  # written before: a step about the function the text already uses
    first = not re.sub(r"\\begingroup|\\endgroup|\$", "", math).strip()
    if not (first or _NAMED_BEFORE.fullmatch(in_display)):
        return ""  # said among other formulas, with no name it defines: a claim to judge
    return (
        f"the text writes {name} here for the first time, as a definition: read as the standard "
        f"{name} it is refuted, read as the text's own {name} it defines it (a slip in the "
        "definition, or a function of its own under that name? the words do not say)"
    )
