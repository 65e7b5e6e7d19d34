"""Punctuation inside the mathematics that is no punctuation: a period written as a product.

Some posts write a product with a period between its factors, ``e^{a_i}.\\sum - e^{a_j}.e^{a_i}``,
``y_i.p_i``, ``df_{ij} . (…)`` (typeset, it is a raised or a low dot between two factors).  A
period between two factors of one term is read as ``*``; one that ends a sentence, a decimal
point, dots, the delimiter of ``\\left.`` / ``\\right.`` and text in ``\\text{…}`` are left alone.
Dots straight after a decimal that ends a side, ``= 10.107...``, ``0.2689\\dots``, say its
digits go on: they are blanked (the judge reads them from the original text).
Same length: columns stay the file's.
"""

from __future__ import annotations

from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.lazy_regex import lazy

# a factor's last character, the period, the next factor's first character
_PERIOD = lazy(r"(?<![.\\])(?P<left>[})\]a-zA-Z0-9])[ \t]*(?P<dot>\.)[ \t]*(?=[\\{(a-zA-Z])")
# what may follow a period that ends something: a row break, an environment's end, words
_NOT_A_FACTOR = lazy(
    r"\\(?:\\|end|text|mbox|hbox|quad|qquad|right|tag|label|nonumber|notag|,|;|!)(?![a-zA-Z])"
    r"|[A-Z][a-z]|[a-z]{3,}[ \t]"
)
# a decimal's digits going on: dots after it, then the end of its side
# dots after a decimal's digits: they go on (10.107..., 0.2689\dots); judge/rounding.py reads them
GOING_ON_DOTS = r"\.{2,3}|…|\\[lc]?dots(?![a-zA-Z])"
_GOING_ON = lazy(
    rf"(?<=\d\.\d)(\d*)({GOING_ON_DOTS})"
    r"(?=\s*(?:$|=|\\approx(?![a-zA-Z])|\\\\|&|\\\]|\$|\\end(?![a-zA-Z])))"
)
_COMMAND_END = lazy(r"\\[a-zA-Z]+$")
_TEXT_GROUP = lazy(r"\\(?:text\w*|mbox|hbox|mathrm|operatorname)\s*\{")


def _text_groups(body: str) -> list[tuple[int, int]]:
    """Where ``\\text{…}`` and its kind hold words: their braces' spans in ``body``."""
    spans = []
    for match in _TEXT_GROUP.finditer(body):
        depth, at = 1, match.end()
        while at < len(body) and depth:
            depth += {"{": 1, "}": -1}.get(body[at], 0)
            at += 1
        spans.append((match.start(), at))
    return spans


def spell_period_products(text: Text, displays: list[Display]) -> None:
    """``e^{a_i}.\\sum`` is ``e^{a_i}*\\sum`` in every display of ``text``: a period between
    two factors (not after a digit before a digit, not after ``\\left`` or ``\\right``, not
    in text, not before a row break or a word) is a product."""
    for display in displays:
        if display.problem:
            continue
        start = display.body.start
        body = text.slice(start, display.body.end)
        words = _text_groups(body)
        for match in _GOING_ON.finditer(body):
            text.blank(start + match.start(2), start + match.end(2))  # 10.107...: digits go on
        for match in _PERIOD.finditer(body):
            at = match.start("dot")
            if any(a <= at < b for a, b in words):
                continue
            if _COMMAND_END.search(body[: match.end("left")]):
                continue  # \left. and \right.: a delimiter
            if _NOT_A_FACTOR.match(body, match.end()):
                continue
            text.chars[start + at] = "*"
