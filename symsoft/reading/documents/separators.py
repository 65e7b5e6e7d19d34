"""Where a row of a display is cut into two equations: ``\\quad``, ``\\text{and}``,
``\\because``, a comma with TeX spacing after it (the separators), and the TeX spacing that
ends the equation before one (``p - 1 \\ \\text{or}``: the equation is ``p - 1``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from symsoft.reading.lazy_regex import lazy

# "\quad \text{when } …", "{when}": a condition after a step (also judge/totals.py)
CONDITIONAL_WORD = (
    r"(?:\\text\s*\{\s*(?:when|if|given|assuming|provided)\s*\}|\{\s*(?:when|if)\s*\})"
)
# "&& \text{using } A = B", "\text{as } …": the words that give a reason beside a row (its
# equation judged on its own; the chain goes on from the row: chains._ASIDE); and the words
# that draw a consequence (the next row may go on from either equation: chains._CONSEQUENCE);
# after a comma, a dash or a size command inside the braces too ("\text{, using }")
REASON_WORDS = (
    r"(?i:because|using|use|as|applying|substituting|plugging\s+in|via|recall(?:ing)?(?:\s+that)?"
    r"|noting(?:\s+that)?|note\s+that|since|by|from|with|where|given|here"
    # … in other languages: 其中 (where), wobei, où, donde, onde, 여기서, ここで, ただし, где
    r"|其中|这里|此处|由于|因为|wobei|où|avec|puisque|donde|ya\s+que|onde|여기서|ここで|ただし|где)"
)
CONSEQUENCE_WORDS = r"(?i:so|thus|hence|therefore|i\.\s*e\.|then|and|giving|which\s+gives)"
WORD_WRAPPERS = r"\\(?:text|textrm|textit|textsf|textnormal|textup|textsl|emph|mathrm|mbox)"
_LEAD_IN = (  # inside the braces, before the words: "\text{, using }", "\text{\small since }"
    r"\s*+(?:[,;:\u2014\u2013-]\s*+|\\(?:small|footnotesize|scriptsize|tiny|normalsize)"
    r"(?![a-zA-Z])\s*+)*+"
)
_WORD = (
    rf"{WORD_WRAPPERS}\s*\{{{_LEAD_IN}(?:(?:or|let)\s*|{CONSEQUENCE_WORDS},?\s*"
    rf"|{REASON_WORDS}(?:\s++[a-zA-Z']++){{0,4}}\s*+)\}}(?:\\\s)?"
)
# \because: "since", the reason given for the step before it; ", \; …", "\;,\; …": a comma with
# TeX spacing after it. Every run of white space is possessive (*+): it gives nothing back that
# could match, and one pass over a long run of it (a blanked environment) stays linear
_SEPARATOR = lazy(
    r"(?:,\s*+)?(?:\\qquad|\\quad|\\because(?![a-zA-Z])|~{3,}+"  # ~~~~: a wide gap
    r"|(?:\\[,;:! ]|~|\s)*+(?<!\\),\s*+(?:\\[,;:! ]|~)(?:\\[,;:! ]|~|\s)*"
    rf"|{_WORD})"
    rf"(?:\s*(?:{_WORD}"
    # after \quad or a comma only: "\quad \text{when } \sum_k y_k = 1" states a hypothesis
    # (an index case after it, "\quad \text{if } i = j", is read and blanked before)
    r"|" + CONDITIONAL_WORD + r"(?=\s*\\sum(?![a-zA-Z]))"
    r"|\\because(?![a-zA-Z])))?\s*"
)


_ASIDE = lazy(
    rf"{WORD_WRAPPERS}\s*\{{{_LEAD_IN}{REASON_WORDS}(?:\s++[a-zA-Z']++){{0,4}}\s*+\}}"
    r"|\\because(?![a-zA-Z])"
)
_CONSEQUENCE = lazy(
    rf"{WORD_WRAPPERS}\s*\{{{_LEAD_IN}{CONSEQUENCE_WORDS},?\s*\}}"
    # "\implies", "\therefore" after a row's equation: the next row goes on from which one?
    r"|\\(?:implies|Rightarrow|Longrightarrow|therefore|iff|Leftrightarrow|Longleftrightarrow)"
    r"(?![a-zA-Z])"
)
# "\quad \text{because } A = B", "\qquad \text{applying } s'(u) = σ(u)": a reason's words lead
# the segment after a row's chain, an equation beside it (judged), from which no row goes on
_LED_ASIDE = lazy(
    rf"\s*+(?:{WORD_WRAPPERS}\s*+\{{{_LEAD_IN}{REASON_WORDS}\b[^{{}}]{{0,40}}\}}"
    r"|\\because(?![a-zA-Z]))"
)
# words left in a step (no separator cut there): "\mathrm{Using}\ A = B", not \text{CE}(…)
_WORDS_LEFT = lazy(
    rf"{WORD_WRAPPERS}\s*+\{{(?:[\s,;:\u2014\u2013-]|\\[a-zA-Z]+)*+[A-Za-z]{{2}}[^{{}}]*+\}}"
    r"(?!\s*+[(_^{\[])"
)


def separators(body: str) -> Iterator[re.Match[str]]:
    """``_SEPARATOR.finditer(body)`` in one pass: the pattern is tried only where one of its
    alternatives can begin (``\\quad``, ``\\because``, ``\\text``, a run of TeX spacing that ends
    in a comma with TeX spacing after it, ", \\;", or a comma before one of these), so a long run
    of spacing (a blanked environment, ``\\,\\,\\,…``) is not scanned again from each character."""
    ends, blank_ends = _spacing_ends(body)

    def opens(pos: int) -> bool:
        return body.startswith(_SEPARATOR_WORDS, pos) or _spaced_comma(body, ends[pos], blank_ends)

    pos = 0
    while pos < len(body):
        if opens(pos) or (body[pos] == "," and opens(blank_ends[pos + 1])):
            match = _SEPARATOR.match(body, pos)
            if match:
                yield match
                pos = match.end()
                continue
        pos += 1


_SEPARATOR_WORDS = ("\\qquad", "\\quad", "\\because", "\\text", "\\mathrm", "\\mbox", "~~~")
_TEX_SPACES = (",", ";", ":", "!", " ")  # \, \; \: \! and "\ " (one backslash before each)


def _spaced_comma(body: str, pos: int, blank_ends: list[int]) -> bool:
    """Whether a comma, not escaped, stands at ``pos`` with TeX spacing (``~``, ``\\;``) after
    the white space that follows it."""
    if body[pos : pos + 1] != "," or body[pos - 1 : pos] == "\\":
        return False
    after = blank_ends[pos + 1]
    return body[after : after + 1] == "~" or (
        body[after : after + 1] == "\\" and body[after + 1 : after + 2] in _TEX_SPACES
    )


def _spacing_ends(body: str) -> tuple[list[int], list[int]]:
    """For each position, where the run of TeX spacing (white space, ``~``, ``\\,`` ``\\;``
    ``\\:`` ``\\!`` ``\\ ``) that starts there ends, and where its run of white space ends;
    the position itself where none starts."""
    ends, blank_ends = list(range(len(body) + 1)), list(range(len(body) + 1))
    for pos in range(len(body) - 1, -1, -1):
        if body[pos].isspace():
            ends[pos], blank_ends[pos] = ends[pos + 1], blank_ends[pos + 1]
        elif body[pos] == "~":
            ends[pos] = ends[pos + 1]
        elif body[pos] == "\\" and body[pos + 1 : pos + 2] in _TEX_SPACES:
            ends[pos] = ends[pos + 2]
    return ends, blank_ends


def before_spacing(body: str, start: int, end: int) -> int:
    """Where the TeX spacing (``\\ ``, ``\\,``, ``~``, white space) that ends
    ``body[start:end]`` begins: ``p - 1 \\ \\text{or}`` is cut after ``p - 1``."""
    while end > start:
        if end - 2 >= start and body[end - 2] == "\\" and body[end - 1] in _TEX_SPACES:
            if end - 3 >= start and body[end - 3] == "\\":
                break  # \\, a row break, then a comma
            end -= 2
        elif body[end - 1].isspace() or body[end - 1] == "~":
            end -= 1
        else:
            break
    return end
