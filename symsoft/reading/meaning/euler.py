"""The letter e given a meaning of its own ("let $e$ denote the error, $e = y - \\hat{y}$"): then a
bare ``e``, or ``e^2``, may be that name and not Euler's number, and a side that writes it so is
not read. ``e^{-z}`` and ``e^{z_i}`` stay the exponential: no text raises its error to a logit.
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import NEGATION, sentences

# e = y - \hat{y} opening an inline formula, a display or a row of one; not e = 2.718…, nor
# e = \lim … or e = \sum … (Euler's number defined), nor \log e = 1 (e not first)
_E_EQUALS = lazy(
    r"(?:^|\$|\\\[|\\\(|&|\\\\|\n|\\begin\{(?:aligned|align\*?|equation\*?)\})\s*"
    r"e\s*(?:&\s*)?(?::=|=|\\coloneqq|\\equiv)\s*(?P<rhs>[^$=\n&\\]*(?:\\[A-Za-z]+[^$=\n&\\]*)*)"
)
_EULER_WORDS = lazy(
    r"euler|napier|natural|exponential|constant|number|base|2\.71|\\lim|\\sum|!|\\exp\b", re.I
)
# "let $e$ be the error", "$e$ denotes the residual", "where $e$ is the prediction error"
_E_SAID = lazy(
    r"(?:\blet\s+\$\s*e\s*\$\s+(?:be|denote)|\$\s*e\s*\$\s+(?:is|denotes|stands\s+for|be)"
    r"\s+(?:the|a|an|our)\b)",
    re.IGNORECASE,
)
# a bare e: alone, or raised to a number (e^2 is the error squared when e is the error)
_BARE_E = lazy(
    r"(?<![\\A-Za-z])e(?![A-Za-z])(?!\s*\^\s*(?:\{[^{}]*[A-Za-z\\][^{}]*\}|[A-Za-z\\(]))"
)


def euler_named(text: str) -> str:
    """How the text gives the letter e a meaning of its own (``e = y - \\hat{y}``, "let $e$
    denote the error"), or "" when it never does (e is then Euler's number only)."""
    for found in _E_EQUALS.finditer(text):
        rhs = re.split(r"\\end\b|\\\\", found.group("rhs"))[0].strip()
        if re.search(r"[A-Za-z]", rhs) and not _EULER_WORDS.search(rhs):
            return f"e = {rhs[:40].strip()}"
    for sentence in sentences(text):
        said = _E_SAID.search(sentence)
        if said and not _EULER_WORDS.search(sentence) and not NEGATION.search(sentence):
            return said.group(0)
    return ""


def writes_bare_e(text: str) -> bool:
    """Whether ``text`` writes e alone or raised to a number (``-e``, ``\\frac{1}{2} e^2``),
    the forms that may be a name the text defines; ``e^{-z}`` and ``e^x`` are not."""
    return bool(_BARE_E.search(text))
