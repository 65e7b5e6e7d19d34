"""The argument of σ's own definition is a dummy: ``\\sigma(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_j
e^{z_j}}``, then ``\\frac{\\partial [\\sigma(\\mathbf{a})]_i}{\\partial a_j}`` is the same
function at a.  When every other call of σ in the document is at one other letter, the
definition's letter is read as that one inside the definition's display, so the definition and
the steps speak of one vector.  The rewrite keeps the text's length: columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# \sigma(\mathbf{z}), \sigma(\mathbf z), \sigma(\boldsymbol{z}), \sigma(z), \sigma\left(z\right)
# (or S, s, \phi…: any one-letter function whose entry the text defines so, S(\mathbf{x})_i = …)
_CALL = lazy(
    r"(?P<fn>\\sigma|\\phi|\\varphi|(?<![\\A-Za-z])[A-Za-z])\s*(?:\\left\s*)?\(\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-zA-Z])\s*\}"
    r"|([a-zA-Z])(?![a-zA-Z]))|([a-zA-Z])(?![a-zA-Z]))\s*(?:\\right\s*)?\)"
)
_DEFINED = lazy(r"\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*(?::=|=|\\coloneqq)")


def rename_sigma_argument(text: Text) -> None:
    """On the one line that defines ``\\sigma(\\mathbf{z})_i`` (or ``S(\\mathbf{x})_i``) by a value
    in z, z is read as the one other letter that every other call of σ (of S) takes."""
    everything = text.slice(0, len(text.chars))
    found = [(m, next(g for g in m.groups()[1:] if g)) for m in _CALL.finditer(everything)]
    for function in sorted({m["fn"] for m, _ in found}):
        _rename(text, everything, [(m, x) for m, x in found if m["fn"] == function])


def _rename(text: Text, everything: str, calls: list[tuple[re.Match[str], str]]) -> None:
    """The definition's letter read as the one other letter of the function's other calls."""
    defining = [
        (m, letter) for m, letter in calls if _DEFINED.match(everything, m.end()) is not None
    ]
    if len(defining) != 1:
        return
    match, letter = defining[0]
    others = {other for m, other in calls if m is not match}
    if len(others) != 1 or letter in others:
        return
    (other,) = others
    start = everything.rfind("\n", 0, match.start()) + 1
    end = everything.find("\n", match.end())
    line = everything[start : len(everything) if end < 0 else end]
    if re.sub(r"\{[^{}]*\}", "", line).count("=") != 1 or re.search(
        rf"(?<![\\a-zA-Z]){other}(?![a-zA-Z])", line
    ):
        return  # more than the definition, or the other letter already in it
    for use in re.finditer(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", line):
        text.chars[start + use.start()] = other
