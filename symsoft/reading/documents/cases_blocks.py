"""The rows of a right side written as a ``cases`` block, each with its condition (``i = j``, or
the class the text writes as a subscript, ``\\text{if } j = c`` beside ``p_c``)."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import _top_level
from symsoft.reading.documents.conditions import as_worded, parse_relation
from symsoft.reading.documents.spans import Relation, Span, Text
from symsoft.reading.documents.trimming import trimmed
from symsoft.reading.lazy_regex import lazy

_ROW_BREAK = lazy(r"\\\\(?:\s*\[[^\]]*\])?")
_CONDITION_WORD = lazy(r"\s*(?:\\text\s*\{\s*)?(?:if|for|when|where)\s*\}?\s*")
# the words and marks around a condition: \text{if }, \quad, a closing comma or period
# the words that start a row's condition when no '&' sets it apart
_ROW_WORD = lazy(r"(?:\\[ ,;]\s*)*\\text\s*\{\s*[,;]?\s*(?:if|where|when|for|otherwise|else)\b")
_WORDS = lazy(r"\\text\s*\{[^{}]*\}|\\q?quad(?![a-zA-Z])|\\[,;:! ]|[,.;]")


def cases_block(
    text: Text, span: Span, classes: bool = False
) -> list[tuple[Span, Relation | None]] | None:
    """The rows of a right side that is a ``cases`` block, each with its condition."""
    body = text.slice(span.start, span.end)
    match = re.fullmatch(
        r"\s*(?:\\left\s*\\\{\s*)?\\begin\s*\{\s*(cases|dcases|matrix|array)\s*\}(?:\{[lcr]*\})?"
        r"(.*)\\end\s*\{\s*\1\s*\}(?:\s*\\right\s*\.)?\s*",
        body,
        re.DOTALL,
    )
    if match is None:
        return None
    if match.group(1) in ("matrix", "array") and not body.lstrip().startswith("\\left"):
        return None  # a matrix is a case distinction only inside \left\{ … \right.
    inner_start = span.start + match.start(2)
    inner = match.group(2)
    levels = _top_level(inner)
    rows, start = [], 0
    breaks = [m for m in _ROW_BREAK.finditer(inner) if levels[m.start()] == 0]
    for piece in [*breaks, None]:
        end = piece.start() if piece else len(inner)
        if inner[start:end].strip():
            rows.append((start, end))
        start = piece.end() if piece else end
    out: list[tuple[Span, Relation | None]] = []
    conditions: list[Relation | None] = []
    for start, end in rows:
        row = inner[start:end]
        amp = [p for p, c in enumerate(row) if c == "&" and levels[start + p] == 0]
        if len(amp) == 2 and _CONDITION_WORD.fullmatch(row[amp[0] + 1 : amp[1]]):
            amp = amp[:1]  # "p_i(1-p_i) & if & i=j": the word "if" in a column of its own
        cut = amp[0] + 1 if len(amp) == 1 else -1
        if not amp:  # "S_i(1-S_j) \text{ where } i = j \\ -S_i S_j \text{ otherwise}": no '&'
            words = [m for m in _ROW_WORD.finditer(row) if levels[start + m.start()] == 0]
            amp, cut = ([words[-1].start()], words[-1].start()) if words else ([], -1)
        if cut < 0:
            return None
        condition_text = row[cut:]
        relation = parse_relation(condition_text, inner)  # k = y with p_y, z_k: indices
        if relation is None and classes:  # "\text{if } j = c," with c the class of p_c
            plain = _WORDS.sub(" ", condition_text)
            relation = parse_relation(plain, f"{inner} {text.original}")
        if relation is not None:
            relation = as_worded(relation, condition_text)  # "& \text{unless } i = k"
        otherwise = relation is None and re.search(r"otherwise|else", condition_text)
        if relation is None and not (otherwise and len(rows) == 2):
            return None
        conditions.append(relation)  # (None: the other row's case, "otherwise", read below)
        expression = trimmed(text, Span(inner_start + start, inner_start + start + amp[0]))
        out.append((expression, relation))
    known = [c for c in conditions if c is not None]
    if len(known) == len(conditions):
        return out
    if len(known) != 1:
        return None  # (two rows "otherwise")
    other = Relation(known[0].left, not known[0].equal, known[0].right)
    return [(expression, relation or other) for expression, relation in out]
