"""Vectors and matrices written out entry by entry (bmatrix, pmatrix, with dots): the pattern of
their entries read as a formula in the indices, or the entries themselves taken at a size.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from symsoft.reading.documents.brackets import matching
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.sample_vectors import marks_a_sample

# a bold letter or digit, or a bold Greek letter in braces (\boldsymbol{\pi}: the vector of π_k)
_BOLD = (
    r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-zA-Z0-9]|\\(?:pi|sigma|theta|mu|alpha|beta"
    r"|gamma|phi|psi|eta|xi|zeta|lambda|omega|rho|tau|nu)(?![a-zA-Z]))\s*\}|([a-zA-Z0-9]))"
)


_MARKS = lazy(
    r"\\nabla(?![a-zA-Z])(?!\s*_\s*\{\s*(?:\\[a-zA-Z]+|[A-Za-z])\s*_)|"
    + _BOLD
    + r"(?!\s*_)|\\odot|\\oslash|diag(?![a-zA-Z])"
    r"|\\begin\s*\{\s*(?:[bpvBV]?matrix|array)"
)


_ARGUMENT = (  # \mathbf{o}, y, \hat{\mathbf{y}}, \hat{y}: what a function is written of
    r"(?:\\(?:hat|tilde|bar)\s*\{\s*(?:" + _BOLD + r"|[a-zA-Z])\s*\}|" + _BOLD + r"|[a-zA-Z])"
)
_CALL_AFTER = lazy(  # L(\mathbf{o}), \mathrm{softmax}(\mathbf{o}): a function's argument
    r"(?:\\left\s*)?\(\s*" + _ARGUMENT + r"(?:\s*,\s*" + _ARGUMENT + r")*"
    r"\s*(?:\\right\s*)?\)"
)


_DOTS = lazy(r"\\[cvdl]?dots(?![a-zA-Z])|(?<![.\d])\.\.\.(?!\.)")


# softmax(…) and log-sum-exp(…) of a vector: functions of vectors with a single reading
VECTOR_FUNCTION = lazy(
    r"(?:\\(?:text|textrm|mathrm|operatorname|textsf|mathsf)\s*\{\s*"
    r"([sS]oftmax|LSE|lse|logsumexp|LogSumExp)\s*\}|(?<![a-zA-Z\\])([sS]oftmax|logsumexp))"
    r"\s*(?=\\left\s*\(|\()"
)


TRANSPOSED = r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)(?![a-zA-Z])"
_T = lazy(TRANSPOSED)
# σ is the softmax where the document defines \sigma(\mathbf{z})_j so (judge/shifts.py)
SOFTMAX_SIGMA: ContextVar[bool] = ContextVar("softmax_sigma", default=False)
# σ the text calls the logistic function: σ of a vector is σ entry by entry
LOGISTIC_SIGMA: ContextVar[bool] = ContextVar("logistic_sigma", default=False)
_SIGMA_CALL = lazy(r"\\sigma\s*(?=\\left\s*\(|\()")


_BARE = lazy(r"(?:\\left\s*)?\(\s*" + _BOLD + r"\s*(?:\\right\s*)?\)")


def vector_call(text: str, pos: int, end: int) -> tuple[str, int, int] | None:
    """``softmax(…)`` or ``logsumexp(…)`` at ``pos`` with vector notation in its argument and no
    index after it: (the function, where its group opens, where it closes), else None."""
    call = VECTOR_FUNCTION.match(text, pos, end)
    if call is None:
        return None
    close = matching(text, call.end())
    after = text[close:end]
    if not call.end() < close <= end or re.match(r"\s*[_\[^]", after) and not _T.match(after):
        return None  # softmax(z)_i, softmax(z)^2: a number; softmax(z)^T a row
    if not _MARKS.search(text, call.end(), close):
        return None
    name = (call.group(1) or call.group(2)).lower()
    return ("softmax" if name == "softmax" else "lse"), call.end(), close


def _marked(text: str) -> bool:
    """Whether ``text`` has vector notation outside function arguments (``L(\\mathbf{o})`` is
    the loss, a number), or is the softmax of a vector (``\\mathrm{softmax}(\\mathbf{x})``)."""
    if SOFTMAX_SIGMA.get():  # \sigma(\mathbf{z}), the document's softmax: a vector
        for found in _SIGMA_CALL.finditer(text):
            close = matching(text, found.end())
            if (
                close > 0
                and not re.match(r"\s*[_\[]", text[close:])
                and _MARKS.search(text, found.end(), close)
            ):
                return True
    for found in VECTOR_FUNCTION.finditer(text):
        call = vector_call(text, found.start(), len(text))
        # lse(\mathbf{x}) alone is a number the grammar reads (in ∂ lse(\mathbf{x}) / ∂x_j)
        if call and (call[0] == "softmax" or not _BARE.fullmatch(text, call[1], call[2])):
            return True
    logistic = r"(?<!\\sigma)" if LOGISTIC_SIGMA.get() else ""  # σ the text's logistic function
    plain = re.sub(
        r"(?<=[a-zA-Z}])(?<!\\exp)(?<!\\log)(?<!\\ln)(?<!\\tanh)"
        + logistic
        + r"\s*"
        + _CALL_AFTER.pattern,
        " ",
        text,
    )
    return bool(_MARKS.search(plain)) or marks_a_sample(plain)


@dataclass(frozen=True)
class _Value:
    """A scalar, a column (``n×1``), a row (``1×n``) or a matrix (``n×n``), as its entry at
    (row, column) written in index notation."""

    rows: bool  # n rows (else 1)
    columns: bool  # n columns (else 1)
    entry: Callable[[str, str], str]
    size: int | None = None  # written out with this many entries a side

    @property
    def shape(self) -> str:
        return {
            (False, False): "scalar",
            (True, False): "vector",
            (False, True): "row vector",
            (True, True): "matrix",
        }[(self.rows, self.columns)]


class _Hidden(Unreadable):
    """An entry that a matrix written with dots does not show."""


_DOTTED = lazy(r"(?:\\(?:[cvdl]?dots[cbmio]?)(?![a-zA-Z])|\.\.\.)\s*")


_SUBSCRIPT = lazy(
    r"(\\(?:sum|prod|max|min|lim|arg\s*max|argmax|argmin)\s*)?_\s*(?:\{([^{}]*)\}|(\\[a-zA-Z]+|[a-zA-Z0-9]))"
)


_SIZE_LETTERS = "nmd"  # lowercase letters written for a size (and any capital); i, j, k: indices


_INDEX = lazy(r"[A-Za-z]-\d+|[A-Za-z]|\d|\\[a-zA-Z]+")


def _dotted(cell: str) -> bool:
    """Whether a cell is only dots (or empty, beside dots)."""
    return not cell or _DOTTED.fullmatch(cell) is not None


def _indices(cell: str, name: str, at: int) -> list[tuple[str, str]]:
    """The indices a cell writes in its subscripts (a sum's own subscript is not one), each as
    (letter, offset) or ("", digit): ``S_{N-1}`` gives ("N", "1"), ``W_{12}`` ("", "1"),
    ("", "2")."""
    out = []
    if cell.count("_") != len(_SUBSCRIPT.findall(cell)):
        raise Unreadable(f"a subscript in a {name} that is not read", at)
    for match in _SUBSCRIPT.finditer(cell):
        if match.group(1):
            continue
        content = re.sub(r"\s+|\\[,;:!]", "", match.group(2) or match.group(3) or "")
        for part in content.split(","):
            tokens = _INDEX.findall(part)
            if "".join(tokens) != part:
                raise Unreadable(f"an index {part!r} in a {name} that is not read", at)
            for token in tokens:
                if token.startswith("\\"):
                    continue
                if token.isdigit():
                    out.append(("", token))
                else:
                    out.append((token[0], token[2:] or "0"))
    return out


def _size_letter(
    table: list[list[str]], axes: list[tuple[int, int] | None], name: str, at: int
) -> str | None:
    """The letter for the size (the ``N`` of ``p_N``): the one index letter the rows and columns
    after the dots write and those before it do not."""
    after, before = set(), set()
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            late = any(
                shape is not None and position > shape[0]
                for shape, position in zip(axes, (r, c), strict=True)
            )
            letters = {letter for letter, _ in _indices(cell, name, at) if letter}
            (after if late else before).update(letters)
    candidates = after - before
    if len(candidates) > 1 or not all(c in _SIZE_LETTERS or c.isupper() for c in candidates):
        raise Unreadable(f"a {name} with dots: is {', '.join(sorted(candidates))} the size?", at)
    return candidates.pop() if candidates else None


def _written(cell: str, letter: str | None, n: int, name: str, at: int) -> set[int]:
    """The indices a cell writes at size ``n`` (its size letter as ``n``)."""
    return {
        int(value) if not index_letter else n - int(value)
        for index_letter, value in _indices(cell, name, at)
        if not index_letter or index_letter == letter
    }


def _slips(
    table: list[list[str]],
    axes: list[tuple[int, int] | None],
    letter: str | None,
    n: int,
    name: str,
    at: int,
) -> set[tuple[int, int]]:
    """The cells of a matrix written with dots whose indices are not their row's and column's
    labels, when they are one or two slips of an author who counted from 1: counted from 0
    (every label one less, or only those before the dots), more cells would not fit.  Else
    the empty set (every cell fits, or the counting is not clear: :func:`_at_size` refuses)."""

    def labels(r: int, c: int, shift: int, late: int) -> set[int]:
        out = set()
        for axis, position in ((0, r), (1, c)):
            shape = axes[axis]
            if shape is None:
                continue
            before, after = shape
            if position < before:
                out.add(position + 1 - shift)
            else:
                out.add(n - (len(table) if axis == 0 else len(table[0])) + 1 + position - late)
        return out

    def misfits(shift: int, late: int) -> set[tuple[int, int]]:
        return {
            (r, c)
            for r, row in enumerate(table)
            for c, cell in enumerate(row)
            if not _dotted(cell)
            and not _written(cell, letter, n, name, at) <= labels(r, c, shift, late)
        }

    slips = misfits(0, 0)
    if not slips or len(slips) > 2:
        return set()
    if any(len(misfits(1, late)) <= len(slips) for late in (0, 1)):
        return set()
    return slips


def _at_size(
    cell: str, letter: str | None, n: int, labels: set[int], name: str, at: int, slip: bool = False
) -> str:
    """A cell of a matrix written with dots at size ``n``: its size letter written as ``n``; each
    index it writes must be one of ``labels``, its row's and its column's, unless the cell is a
    slip (:func:`_slips`): then it is judged as written."""
    for index_letter, value in _indices(cell, name, at):
        if index_letter and index_letter != letter:
            continue
        number = int(value) if not index_letter else n - int(value)
        if number not in labels and not slip:
            raise Unreadable(
                f"a cell of a {name} in row or column {', '.join(map(str, sorted(labels)))} "
                f"writes index {number} (at N = {n}): counted from 0, or not from row 1?",
                at,
            )
    if letter is None:
        return cell

    def subscript(match: re.Match[str]) -> str:
        if match.group(1) or not re.search(rf"(?<![\\a-zA-Z]){letter}", match.group()):
            return re.sub(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", f"{{{n}}}", match.group())
        content = match.group(2) or match.group(3)
        content = re.sub(
            rf"(?<![\\a-zA-Z]){letter}\s*(?:-\s*(\d+))?",
            lambda m: str(n - int(m.group(1) or 0)),
            content,
        )
        return f"_{{{content}}}"

    pieces, pos = [], 0
    for match in _SUBSCRIPT.finditer(cell):
        pieces.append(
            re.sub(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", f"{{{n}}}", cell[pos : match.start()])
        )
        pieces.append(subscript(match))
        pos = match.end()
    pieces.append(re.sub(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", f"{{{n}}}", cell[pos:]))
    return "".join(pieces)


class _WrittenOut:
    """Part of :class:`_Translation`."""

    def _literal(self, begin: re.Match[str], end: int) -> tuple[_Value, int]:
        """``\\begin{bmatrix} … \\end{bmatrix}`` with its entries written out (``matrix`` inside
        ``\\left[ … \\right]`` too), or written with dots: see :meth:`_pattern`."""
        name = begin.group(2)
        close = re.compile(r"\\end\s*\{\s*" + name + r"\s*\}").search(self.text, begin.end(), end)
        if close is None:
            raise Unreadable(f"a {name} that is not closed", begin.start())
        after = close.end()
        if begin.group(1):
            right = re.compile(r"\s*\\right\s*[\])]").match(self.text, after, end)
            if right is None:
                raise Unreadable(f"a {name} opened by \\left and not closed", begin.start())
            after = right.end()
        body = self.text[begin.end() : close.start()]
        rows = [row for row in re.split(r"\\\\(?:\[[^\]]*\])?", body) if row.strip()]
        table = [[cell.strip() for cell in row.split("&")] for row in rows]
        dotted = any(_DOTS.search(cell) for row in table for cell in row)
        if dotted:  # a row of dots written short (``\vdots & \ddots``) is a whole row of dots
            width = max(len(row) for row in table)
            table = [
                row + [""] * (width - len(row)) if all(map(_dotted, row)) else row for row in table
            ]
        widths = {len(row) for row in table}
        if len(widths) != 1 or any(not cell for row in table for cell in row if not dotted):
            raise Unreadable(f"a {name} with rows of different lengths", begin.start())
        (width,) = widths
        for row in table:
            for cell in row:
                if _marked(cell) or "\\begin" in cell:
                    raise Unreadable("vector notation inside a written-out matrix", begin.start())
        if dotted:
            return self._pattern(table, name, begin.start()), after
        height = len(table)
        if height > 1 and width > 1 and height != width:
            raise Unreadable(f"a {height}×{width} matrix: only square ones are read", begin.start())
        size = max(height, width)
        if size < 2:
            raise Unreadable(f"a {name} with one entry", begin.start())

        def entry(a: str, b: str) -> str:
            if not (a.isdigit() and (b.isdigit() or width == 1)):
                raise Unreadable("a written-out matrix read at a symbolic entry", begin.start())
            row = int(a) - 1 if height > 1 else 0
            column = int(b) - 1 if width > 1 else 0
            return table[row][column]

        if height == 1:
            value = _Value(False, True, lambda a, b: entry("1", b), size)
        else:
            value = _Value(True, width > 1, entry, size)
        return value, after

    def _pattern(self, table: list[list[str]], name: str, at: int) -> _Value:
        """A matrix (or vector) written with ``\\cdots``, ``\\vdots``, ``\\ddots``: the rows
        before the dots are rows 1, 2, …, those after it N−1, N (columns likewise), and only
        those cells are read, at each size where the labels are distinct; a cell the dots hide
        raises :class:`_Hidden`.  Every index a cell writes must be its row's or its column's
        label, so that a matrix counted from 0, or not from its first row, is not read."""
        height, width = len(table), len(table[0])
        dot_rows = [r for r in range(height) if all(_dotted(cell) for cell in table[r])]
        dot_columns = [c for c in range(width) if all(_dotted(row[c]) for row in table)]
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                if r not in dot_rows and c not in dot_columns and (_DOTS.search(cell) or not cell):
                    raise Unreadable(
                        f"dots in a {name} that do not fill a row or a column: which entries "
                        "do they stand for?",
                        at,
                    )
        if len(dot_rows) > 1 or len(dot_columns) > 1:
            raise Unreadable(f"a {name} with dots in more than one row or column", at)
        axes = []
        for length, dots in ((height, dot_rows), (width, dot_columns)):
            if dots and not 0 < dots[0] < length - 1:
                raise Unreadable(f"a {name} whose dots start or end it: which entries?", at)
            axes.append((dots[0], length - dots[0] - 1) if dots else None)
        if height > 1 and width > 1 and (axes[0] is None or axes[1] is None):
            raise Unreadable(f"a {name} with dots one way only: only square ones are read", at)
        smallest = max(2, *(before + after for before, after in filter(None, axes)))
        sizes = tuple(range(smallest, max(4, smallest + 1) + 1))
        n = self.n if self.n is not None else sizes[0]
        self.sizes = sizes
        letter = _size_letter(table, axes, name, at)

        def position(axis: int, label: str) -> int:
            shape = axes[axis]
            if shape is None:
                return 0
            value, (before, after) = int(label), shape
            if value <= before:
                return value - 1
            if value > n - after:
                return before + 1 + value - (n - after) - 1
            raise _Hidden(f"entry {label} is hidden by the dots", at)

        slips = _slips(table, axes, letter, n, name, at)

        def entry(a: str, b: str) -> str:
            if not (a.isdigit() and b.isdigit()):
                raise Unreadable("a matrix written with dots read at a symbolic entry", at)
            r, c = position(0, a), position(1, b)
            labels = {int(a) if height > 1 else None, int(b) if width > 1 else None} - {None}
            return _at_size(table[r][c], letter, n, labels, name, at, (r, c) in slips)

        if height == 1:
            return _Value(False, True, lambda a, b: entry("1", b), n)
        return _Value(True, width > 1, entry, n)
