"""A vector defined by its entries written out: ``\\mathbf{p} = \\begin{bmatrix}
\\frac{e^{z_1}}{\\sum_k e^{z_k}} \\\\ \\vdots \\\\ \\frac{e^{z_K}}{\\sum_k e^{z_k}}
\\end{bmatrix}``,
or with the left side written out too and a number before the right one
(``\\begin{pmatrix} y_1 \\\\ \\vdots \\\\ y_n \\end{pmatrix} = \\frac{1}{\\sum_j e^{x_j}}
\\begin{pmatrix} e^{x_1} \\\\ \\vdots \\\\ e^{x_n} \\end{pmatrix}``).

When every entry written is one formula at its own index (1, 2, …, the last one a letter: n, K)
with dots between, the definition says exactly that formula at every index: it is spelled
``p_{i} = (\\frac{e^{z_{i}}}{\\sum_k e^{z_k}})``, in place: the relation sign keeps its line and
column.  Entries that follow no one formula, a row of dots that is not next to last, or an index
letter the entries already use: left as written (not read).
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.coefficients import closed_fraction
from symsoft.reading.notation.written_out import TRANSPOSED

_ENVIRONMENT = r"\\begin\s*\{\s*(?P<env>[bpvBV]?matrix)\s*\}"
_DOTS = lazy(r"\s*(?:\\[vcl]?dots|\.\.\.|\\ldots|⋮|…)\s*")
_TRANSPOSED = lazy(TRANSPOSED)
_TRANSPOSED_END = lazy(TRANSPOSED + "$")
# an index written as a subscript: _1, _{2}, _n, _{K}
_SUBSCRIPT = r"_\s*(?:\{{\s*{t}\s*\}}|{t}(?![a-zA-Z0-9]))"
_LETTERS = "ikjrsqm"


def _environment(body: str, start: int) -> tuple[int, list[str]] | None:
    """The end of the matrix environment that opens at ``start`` and its entries (rows, or the
    cells of its one row), or None."""
    opened = re.compile(_ENVIRONMENT).match(body, start)
    if opened is None:
        return None
    closing = re.compile(rf"\\end\s*\{{\s*{opened.group('env')}\s*\}}")
    end = closing.search(body, opened.end(), opened.end() + 4000)  # a vector, not a chapter
    if end is None or re.search(r"\\begin(?![a-zA-Z])", body[opened.end() : end.start()]):
        return None
    inside = body[opened.end() : end.start()]
    rows = [row for row in re.split(r"\\\\", inside) if row.strip()]
    cells = [cell for row in rows for cell in row.split("&")]
    if len(rows) > 1 and len(cells) != len(rows):
        return None  # a matrix, not a vector
    return end.end(), [cell.strip() for cell in cells]


def _pattern(entries: list[str]) -> tuple[str, str] | None:
    """The formula every entry follows, with ``\\ue002`` for the index, and the last index
    (a letter), or None."""
    if len(entries) < 3 or not _DOTS.fullmatch(entries[-2]):
        return None
    written = entries[:-2] + entries[-1:]
    if any(_DOTS.fullmatch(entry) for entry in written):
        return None
    last = re.search(_SUBSCRIPT.format(t="([a-zA-Z])"), written[-1])
    first = re.search(_SUBSCRIPT.format(t="([01])"), written[0])
    if last is None or first is None:
        return None
    size = next(g for g in last.groups() if g)
    start = int(next(g for g in first.groups() if g))
    tokens = [str(start + n) for n in range(len(written) - 1)] + [size]
    found, kept = set(), ""
    for entry, token in zip(written, tokens, strict=True):
        marked = re.sub(_SUBSCRIPT.format(t=re.escape(token)), "_{\ue002}", entry)
        if "\ue002" not in marked:
            return None
        found.add(re.sub(r"\s+", "", marked))  # compared without spaces, written with them
        kept = kept or re.sub(r"\s+", " ", marked)
    if len(found) != 1:
        return None
    return kept, f"{start}…{size}"


def _letter(used: str) -> str | None:
    return next(
        (c for c in _LETTERS if not re.search(rf"(?<![\\a-zA-Z]){c}(?![a-zA-Z])", used)), None
    )


def spell_written_vectors(text: Text) -> None:
    """Spell each vector defined by its entries written out as the definition of its entry
    (see the module).  Same length: columns stay the file's."""
    source = text.slice(0, len(text.chars))
    for opening in _OPENING.finditer(source):
        relation = _relation_before(source, opening.start())
        if relation is None:
            continue
        before = source[max(0, relation.start() - 600) : relation.start()]
        left = _left_side(before)
        right = _right_side(source, relation.end(), opening.start())
        if left is None or right is None:
            continue
        start, name, left_entries = left
        start += relation.start() - len(before)
        coefficient, end, entries = right
        found = _pattern(entries)
        if found is None:
            continue
        pattern, size = found
        if left_entries is not None and _pattern(left_entries) != (f"{name}_{{\ue002}}", size):
            continue  # y_1 … y_n beside e^{x_0} … e^{x_n}: not entry by entry
        letter = _letter(pattern + coefficient + size.split("…")[-1])
        if letter is None or re.search(rf"(?<![\\a-zA-Z]){name}(?![a-zA-Z])", pattern):
            continue  # \mathbf{p} = [p_1 … p_K]: the vector of its entries, no definition
        _write(text, start, relation.start(), f"{name}_{{{letter}}}")
        _write(text, opening.start(), end, "(" + pattern.replace("\ue002", letter) + ")")


_OPENING = lazy(_ENVIRONMENT)
# a left side alone: where the math, its row or its line starts before it
_MATH_STARTS = lazy(r"(?:^|\$|\\\[|\n|&|\\\\)[ \t]*$")
_NAMED = lazy(
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-zA-Z])\s*\}|(?<![\\a-zA-Z_^{])([a-zA-Z]))$"
)
_RELATION = lazy(r"(?<![<>!:=])(?::=|=)(?!=)")


def _relation_before(source: str, at: int) -> re.Match[str] | None:
    """The relation sign nearest before ``at`` outside braces (not the = of \\sum_{j=1}),
    with no ``$`` between them."""
    window = max(0, at - 300)
    for relation in reversed(list(_RELATION.finditer(source, window, at))):
        between = source[relation.end() : at]
        if "$" in between:
            return None
        if between.count("{") == between.count("}"):
            return relation
    return None


def _write(text: Text, start: int, end: int, written: str) -> None:
    """``written`` in place of ``text[start:end]`` (a shorter text, the rest blanked), or
    nothing when it is longer."""
    if len(written) > end - start:
        return
    text.blank(start, end)
    text.chars[start : start + len(written)] = list(written)


def _left_side(before: str) -> tuple[int, str, list[str] | None] | None:
    """Where the left side that ends ``before`` starts, the vector's letter, and its entries
    when it is written out; None when it is neither a vector's name nor its entries."""
    tail = before.rstrip().removesuffix("&").rstrip()  # \mathbf{p} &= …
    if transposed := _TRANSPOSED_END.search(tail):
        tail = tail[: transposed.start()].rstrip()
    closing = re.search(r"\\end\s*\{\s*[bpvBV]?matrix\s*\}$", tail)
    if closing:
        openings = list(_OPENING.finditer(tail, 0, closing.start()))
        if not openings or not _MATH_STARTS.search(tail, 0, openings[-1].start()):
            return None
        environment = _environment(tail, openings[-1].start())
        if environment is None or environment[0] != len(tail):
            return None
        names = {m.group(1) for e in environment[1] for m in re.finditer(r"^([a-zA-Z])\s*_", e)}
        if len(names) != 1:
            return None
        return openings[-1].start(), names.pop(), environment[1]
    named = _NAMED.search(tail)
    if named is None or not _MATH_STARTS.search(tail, 0, named.start()):
        return None
    return named.start(), named.group(1) or named.group(2), None


def _right_side(source: str, at: int, begin: int) -> tuple[str, int, list[str]] | None:
    """The number before the written-out vector that opens at ``begin`` (maybe none), where the
    vector ends, and its entries; None unless the right side is just that."""
    coefficient = source[at:begin]
    if re.search(r"\\(?:begin|end)(?![a-zA-Z])|&|\\\\", coefficient):
        return None
    if coefficient.strip() and not closed_fraction(coefficient.strip()):
        return None
    environment = _environment(source, begin)
    if environment is None:
        return None
    end, entries = environment
    after = _TRANSPOSED.match(source, end)
    end = after.end() if after else end
    if not _CLOSED.match(source, end):
        return None
    return coefficient, end, entries


# what may follow the right side: the end of the math or of its row
_CLOSED = lazy(r"\s*(?:$|\$|\\\]|\\end\s*\{\s*(?:equation|align|aligned|gather)\*?\s*\}|\\\\|[.,])")
