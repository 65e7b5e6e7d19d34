"""σ defined on an entry of one vector (``\\sigma(A_i) = \\frac{e^{A_i}}{\\sum_j e^{A_j}}``):
its calls on entries of that vector, ``\\sigma(A_k)``, are the entries ``\\sigma_{k}`` of the
text's own σ, in the whole text or section by section.  Same length: columns stay the file's."""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

SIGMA_CALLS_LEFT: ContextVar[bool] = ContextVar("sigma_calls_left", default=False)


_SIGMA_OF_ENTRY = lazy(
    r"\\sigma\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*_\s*(?:\{\s*([a-zA-Z0-9])\s*\}|([a-zA-Z0-9]))"
    r"\s*(?:\\right\s*)?\)"
)


_SIGMA_CALL = lazy(r"\\sigma\s*(?:\\left\s*)?\(")


def spell_sigma_entries(text: Text, rows: bool = False) -> bool:
    """``\\sigma(A_k)`` is the entry ``\\sigma_{k}`` when the document defines σ on an entry
    (``\\sigma(A_i) = \\frac{e^{A_i}}{\\sum_j e^{A_j}}``) and applies it to nothing but entries of
    that one vector: the definition then reads as any ``\\sigma_i = …``, and every use is that
    definition at another index (the σ of the text, never the logistic one). Returns whether a
    call on a longer subscript is left (σ(A_{12}), a worked example: the text's own σ, not read).
    Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    calls = list(_SIGMA_CALL.finditer(everything))
    entries = list(_SIGMA_OF_ENTRY.finditer(everything))
    if not entries or len({match.group(1) for match in entries}) != 1:
        # σ(A_i) and σ(z_j): two vectors, two readings of σ (unless apart, section by section)
        return spell_sigma_sections(text, everything) if not rows else False
    vector = entries[0].group(1)
    call = rf"\\sigma\s*(?:\\left\s*)?\(\s*{vector}\s*"
    whole = re.compile(rf"(?<=[(,])\s*{call}(?:\\right\s*)?\)")  # an argument: H(Y, σ(A))
    at = rf"{call}_\s*\{{\s*\w\s*,?\s*\w\s*\}}\s*(?:\\right\s*)?\)"  # σ(A_{12})
    argument = len(whole.findall(everything))
    # read as rows (σ(A_{ic}) defined, read as σ(A_c)), σ(A) alone is the matrix σ gives
    # (\frac{\sigma(A) - Y}{N}): left unread as σ(A_{12}); not where σ(A) = … defines it
    itself = len(re.findall(rf"{call}(?:\\right\s*)?\)", everything)) if rows else argument
    if itself > argument and re.search(rf"{call}(?:\\right\s*)?\)\s*(?::=|=)", everything):
        return spell_sigma_sections(text, everything, rows)
    left = len(re.findall(at, everything)) + itself - argument
    if len(calls) != len(entries) + argument + left:
        # σ(z), σ(A_i + b): not only entries of the one vector (unless apart, in sections; of
        # the rows read, σ(z) of one example in a section of its own)
        return spell_sigma_sections(text, everything, rows)
    defined = re.compile(
        r"\\sigma\s*(?:\\left\s*)?\(\s*[A-Za-z]\s*_\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z])\s*"
        r"(?:\\right\s*)?\)\s*(?::=|=|\\coloneqq)"
    )
    if not defined.search(everything):
        return False  # no definition of the text's own: σ stays what it is (not read)
    _spell_sigma_at(text, entries)
    return left > 0


def _spell_sigma_at(text: Text, entries: list[re.Match[str]], offset: int = 0) -> None:
    """Each ``\\sigma(A_k)`` matched (in text from ``offset``) as ``\\sigma_{k}``, same length."""
    for match in entries:
        spelled = f"\\sigma_{{{match.group(2) or match.group(3)}}}"
        at, until = offset + match.start(), offset + match.end()
        text.chars[at:until] = list(spelled.ljust(until - at))


# a heading (Markdown or LaTeX) starts a section; a section about the logistic function
_SECTION = lazy(r"^[ \t]{0,3}#{1,6}[ \t]|^\s*\\(?:sub)*section\*?\s*\{", re.MULTILINE)
_LOGISTIC_WORDS = lazy(r"(?i)\b(?:sigmoid|logistic)\b")
_SOFTMAX_WORD = lazy(r"(?i)softmax|soft-max")
_SIGMA_DEFINED = lazy(  # (at the start of its math: a definition, not a side of a chain)
    r"(?:^|\$\$?|\\\[)[ \t]*+\\sigma\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*_\s*"
    r"(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z])\s*"
    r"(?:\\right\s*)?\)\s*(?::=|=|\\coloneqq)"
)


def spell_sigma_sections(text: Text, everything: str, rows: bool = False) -> bool:
    """``\\sigma(A_k)`` as ``\\sigma_{k}`` section by section, where the whole text does not
    qualify (a batch section writes ``\\sigma(A)`` of a matrix, ``\\sigma(A_1)`` of a row): the
    text defines σ on entries of one vector once (``\\sigma(A_i) = \\frac{e^{A_i}}{…}``), and a
    section (from a heading to the next) applies σ to nothing but entries of that vector, or
    that vector whole as an argument (``H(Y, \\sigma(A))``), never speaks of a sigmoid, and holds
    the definition or says "softmax".
    Returns whether σ is applied otherwise elsewhere (the calls left are not read)."""
    defined = list(_SIGMA_DEFINED.finditer(everything))
    if len(defined) != 1:
        return False
    vector = defined[0].group(1)
    bounds = [0, *(m.start() for m in _SECTION.finditer(everything)), len(everything)]
    spelled = left = False
    for start, end in zip(bounds, bounds[1:], strict=False):
        section = everything[start:end]
        # (a mention in a sentence, no step: "the derivative of $\\log(\\sigma(A_{ik}))$")
        mentions = [m.span() for m in _MENTION.finditer(section)]
        calls = [
            m
            for m in _SIGMA_CALL.finditer(section)
            if not any(a <= m.start() < b for a, b in mentions)
        ]
        entries = [
            m
            for m in _SIGMA_OF_ENTRY.finditer(section)
            if m.group(1) == vector and not any(a <= m.start() < b for a, b in mentions)
        ]
        whole = re.findall(
            rf"(?<=[(,])\s*\\sigma\s*(?:\\left\s*)?\(\s*{vector}\s*(?:\\right\s*)?\)", section
        )
        if not calls:
            continue
        # σ(A_1): of a batch's row 1, perhaps; where the rows are read (σ(A_{i1}) read as
        # σ(A_1)), entry 1 of the row
        letters = rows or all((m.group(2) or m.group(3)).isalpha() for m in entries)
        softmax = _SOFTMAX_WORD.search(section) or _under(everything, defined[0].start(), start)
        if (
            len(calls) != len(entries) + len(whole)
            or not letters
            or _LOGISTIC_WORDS.search(section)
            or not softmax  # (σ of each unit, "an independent squashing": review 67b)
        ):
            left = True  # σ(A), σ(A_1) of a batch's rows: the text's own σ, not read here
            continue
        _spell_sigma_at(text, entries, start)
        spelled = spelled or bool(entries)
    return spelled and left


def _under(everything: str, definition: int, start: int) -> bool:
    """Whether the section from ``start`` holds the definition at ``definition`` or lies
    within the section of it (a Markdown heading deeper than the definition's own, with no
    heading as high as that one between them: "#### Step 3" under "### Derivation")."""
    headings = [(m.start(), _level(m.group())) for m in _SECTION.finditer(everything)]
    own = max((h for h in headings if h[0] <= definition), default=(0, 0))
    if start == own[0]:
        return True
    if start < own[0] or not own[1]:
        return False
    here = max(level for at, level in headings if at == start)
    between = [level for at, level in headings if own[0] < at <= start]
    return here > own[1] and all(level > own[1] for level in between)


def _level(heading: str) -> int:
    """The level of a Markdown heading (``###``: 3); 0 for a LaTeX section."""
    return heading.strip().count("#")


_MENTION = lazy(r"(?<![\\$])\$(?!\$)[^$=\n]+\$")  # inline math with no relation in it
