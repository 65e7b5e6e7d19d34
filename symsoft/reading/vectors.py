"""Vector and matrix notation translated to index notation before a side is parsed.

A vector equation holds iff it holds entry by entry, so a side written with vectors is read at a
fresh entry: row ``r`` (and column ``c`` for a matrix). ``\\nabla_{\\mathbf{o}} L`` becomes
``\\frac{\\partial L}{\\partial o_{r}}``, ``\\mathbf{p}`` becomes ``p_{r}``,
``\\mathbf{p}\\mathbf{p}^T`` becomes ``p_{r} p_{c}``, ``\\operatorname{diag}(\\mathbf{p})`` becomes
``\\delta_{rc} p_{r}``, a product of a row by a column becomes a sum. Only what has a single
reading is translated; the rest raises :class:`~symsoft.reading.steps.Unreadable`, never a guess.
The Jacobian
``\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{o}}`` is read in its usual (numerator) layout:
row r, column c is ``\\partial p_r / \\partial o_c``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from symsoft.reading.steps import Unreadable

ROW, COLUMN = "r", "c"  # the entry a vector (matrix) side is read at
_SUM_LETTERS = "ghkmnuvwxz"
SHAPES = "sizes do not match"  # in every message about a reading whose shapes do not fit
READINGS = ("numerator", "denominator", "numerator row", "denominator row")
"""Jacobian layout, and the column- (default) or row-vector convention."""

_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([a-zA-Z0-9])\s*\}|([a-zA-Z0-9]))"
_LETTER = rf"(?:{_BOLD}|([a-zA-Z]))"
_SCALAR = r"(\\mathcal\s*\{\s*L\s*\}|\\ell(?![a-zA-Z])|[A-Za-z])"
_CALL = r"(?:\s*(?:\\left\s*)?\([^()]*(?:\\right\s*)?\))?"
_ATOMS = [
    (  # [\nabla_{v} L]_i: one entry, a scalar
        "entry_gradient",
        re.compile(
            r"\[\s*\\nabla\s*_\s*\{?\s*"
            + _LETTER
            + r"\s*\}?\s*"
            + _SCALAR
            + _CALL
            + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"
        ),
    ),
    (  # [\mathbf{v}]_i
        "entry",
        re.compile(r"\[\s*" + _BOLD + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"),
    ),
    (  # \nabla^2_{v} L, \nabla_{v} L
        "gradient",
        re.compile(
            r"\\nabla\s*(\^\s*\{?\s*2\s*\}?)?\s*_\s*\{?\s*"
            + _LETTER
            + r"\s*\}?\s*"
            + r"(\^\s*\{?\s*2\s*\}?)?\s*"
            + _SCALAR
            + _CALL
        ),
    ),
    (  # \frac{\partial L}{\partial \mathbf{o}}, \frac{\partial \mathbf{p}}{\partial \mathbf{o}}
        "fraction",
        re.compile(
            r"\\[dt]?frac\s*\{\s*\\partial\s*(?:" + _BOLD + r"|" + _SCALAR + r")\s*\}\s*"
            r"\{\s*\\partial\s*" + _BOLD + r"\s*\}"
        ),
    ),
    (
        "diag",
        re.compile(
            r"(?:\\operatorname\s*\{\s*diag\s*\}|\\(?:text|mathrm|textrm)\s*\{\s*diag\s*\}"
            r"|\\diag(?![a-zA-Z]))\s*(?:\\left\s*)?\(\s*" + _BOLD + r"\s*(?:\\right\s*)?\)"
        ),
    ),
    (  # \hat{\mathbf{y}}: the vector ŷ
        "accented",
        re.compile(r"\\(hat|tilde|bar)\s*\{\s*" + _BOLD + r"\s*\}(?!\s*_)"),
    ),
    ("bold", re.compile(_BOLD + r"(?!\s*_)")),
    ("identity", re.compile(r"(?<![\\a-zA-Z])I(?![a-zA-Z_])")),
]
_APPLIED_GRADIENT = re.compile(
    r"\\nabla\s*_\s*\{?\s*" + _LETTER + r"\s*\}?\s*(?=\\left\s*\(|\\[bB]igg?l?\s*\(|\()"
)
_TRANSPOSE = re.compile(
    r"\^\s*(?:\{\s*(?:\\top|T|\\intercal|\\mathsf\s*\{\s*T\s*\})\s*\}"
    r"|\\top|T|\\intercal)(?![a-zA-Z])"
)
_ENTRYWISE = re.compile(r"\\(odot|oslash|circ)(?![a-zA-Z])")
_OPEN = re.compile(r"\\left\s*\(|\\[bB]igg?l?\s*\(|\(")
_SPACE = re.compile(r"\s+|\\[,;:!](?![a-zA-Z])|\\q?quad(?![a-zA-Z])|\\cdot(?![a-zA-Z])")
_MARKS = re.compile(
    r"\\nabla(?![a-zA-Z])|" + _BOLD + r"(?!\s*_)|\\odot|\\oslash|diag(?![a-zA-Z])"
    r"|\\begin\s*\{\s*[bp]matrix"
)
_CALL_AFTER = re.compile(  # L(\mathbf{o}), \mathrm{softmax}(\mathbf{o}): a function's argument
    r"(?:\\left\s*)?\(\s*(?:" + _BOLD + r"|[a-zA-Z])(?:\s*,\s*(?:" + _BOLD + r"|[a-zA-Z]))*"
    r"\s*(?:\\right\s*)?\)"
)
# a number, a size or a parameter beside a vector; any other letter may be a matrix (J, W, X)
_PLAIN_COEFFICIENT = re.compile(
    r"(?:\s|[\d.{}/*+-]|\\[dt]?frac(?![a-zA-Z])|[NMTKB](?![a-zA-Z])"
    r"|\\(?:eta|lambda|tau|alpha|beta|gamma|epsilon|varepsilon)(?![a-zA-Z]))*"
)
_WRITTEN_OUT = re.compile(r"\\begin\s*\{\s*([vBV]?matrix|array)\s*\}")
_LITERAL = re.compile(r"\\begin\s*\{\s*([bp]matrix)\s*\}")
_DOTS = re.compile(r"\\[cvdl]?dots(?![a-zA-Z])")
_FUNCTION_WORDS = re.compile(
    r"\\(?:sum|prod|log|ln|exp|sigma|tanh|max|min|operatorname|text|mathrm)(?![a-zA-Z])|[_^(]"
)


def _marked(text: str) -> bool:
    """Whether ``text`` has vector notation outside function arguments (``L(\\mathbf{o})`` is
    the loss, a number)."""
    plain = re.sub(r"(?<=[a-zA-Z}])\s*" + _CALL_AFTER.pattern, " ", text)
    return bool(_MARKS.search(plain))


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


def _size(*values: _Value) -> int | None:
    """The size of the matrices written out among ``values`` (None: none is)."""
    sizes = {v.size for v in values if v.size is not None}
    if len(sizes) > 1:
        raise Unreadable(f"matrices written out at different sizes {sorted(sizes)}")
    return sizes.pop() if sizes else None


def _delta(a: str, b: str) -> str:
    if a.isdigit() and b.isdigit():
        return "1" if a == b else "0"
    return rf"\delta_{{{a}{b}}}"


def _scalar(text: str) -> _Value:
    return _Value(False, False, lambda a, b: text)


def _name(match: re.Match[str], first: int) -> str:
    return match.group(first) or match.group(first + 1)


@dataclass(frozen=True)
class Entrywise:
    """A side translated: its ``text`` in index notation at entry (r, c), its ``shape``; a side
    with a matrix written out (``size`` entries a side) is read at concrete entries by ``at``."""

    text: str
    shape: str
    size: int | None = None
    at: Callable[[str, str], str] | None = None


@functools.cache
def entrywise(text: str, layout: str = "numerator") -> Entrywise | None:
    """The side ``text`` read entry by entry, or None when it has no vector notation.

    >>> entrywise(r"\\operatorname{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^\\top").text
    '(\\\\delta_{rc} p_{r}) - ((p_{r}) (p_{c}))'
    """
    if not _marked(text):
        return None
    written = _WRITTEN_OUT.search(text)
    if written:
        raise Unreadable(f"a {written.group(1)} is not read as a matrix", written.start())
    dots = _DOTS.search(text)
    if dots:
        raise Unreadable(f"a matrix with {dots.group()} (a pattern) is not read yet", dots.start())
    for letter in (ROW, COLUMN):
        used = re.search(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", text)
        if used:
            raise Unreadable(
                f"the letter {letter!r} is used here and symsoft reads vectors at entry "
                f"{ROW}, {COLUMN}",
                used.start(),
            )
    letters = [x for x in _SUM_LETTERS if not re.search(rf"(?<![\\a-zA-Z]){x}(?![a-zA-Z])", text)]
    value = _Translation(text, letters, layout).sum(0, len(text))
    if value.size is not None:
        return Entrywise("", value.shape, value.size, value.entry)
    return Entrywise(value.entry(ROW, COLUMN), value.shape)


def entries(
    lhs: str, rhs: str, layout: str = "numerator"
) -> tuple[int, list[tuple[str, str, str]]] | None:
    """A step with a matrix written out, as one step per entry: (size, [(entry, left side,
    right side), …]) in index notation at concrete indices; None when nothing is written out."""
    sides = [entrywise(side, layout) for side in (lhs, rhs)]
    sizes = {s.size for s in sides if s is not None and s.size is not None}
    if not sizes:
        return None
    if len(sizes) > 1:
        raise Unreadable(f"matrices written out at different sizes {sorted(sizes)}")
    (size,) = sizes
    shape = next(s.shape for s in sides if s is not None)
    rows = range(1, size + 1) if shape in ("vector", "matrix") else [1]
    columns = range(1, size + 1) if shape in ("row vector", "matrix") else [1]
    out = []
    for a in map(str, rows):
        for b in map(str, columns):
            texts = []
            for side, written in zip(sides, (lhs, rhs), strict=True):
                if side is None:
                    texts.append(written)  # 0
                elif side.at is not None:
                    texts.append(side.at(a, b))
                else:
                    texts.append(_Translation(written, list(_SUM_LETTERS), layout).at(a, b))
            name = {"vector": a, "row vector": b}.get(shape, f"({a}, {b})")
            out.append((f"entry {name}", texts[0], texts[1]))
    return size, out


def readings(lhs: str, rhs: str) -> tuple[str, ...]:
    """The readings a step may have: both Jacobian layouts when it writes a Jacobian, both
    vector conventions when it transposes."""
    jacobian = has_jacobian(lhs) or has_jacobian(rhs)
    transposed = any(_marked(side) and _TRANSPOSE.search(side) for side in (lhs, rhs))
    return tuple(
        r
        for r in READINGS
        if (jacobian or not r.startswith("denominator")) and (transposed or not r.endswith("row"))
    )


def has_jacobian(text: str) -> bool:
    """Whether ``text`` writes a Jacobian ``\\frac{\\partial \\mathbf{u}}{\\partial \\mathbf{v}}``,
    whose layout (numerator or denominator) the document may not say."""
    return any(m.group(1) or m.group(2) for m in dict(_ATOMS)["fraction"].finditer(text))


def mismatch(lhs: str, rhs: str) -> str | None:
    """Why the two sides of a step cannot be compared entry by entry (a vector on one side,
    index notation or a scalar on the other), or None."""
    try:
        shapes = [entrywise(side) for side in (lhs, rhs)]
    except Unreadable:
        return None  # the side itself reports why it is not read
    if shapes[0] is None and shapes[1] is None:
        return None
    if any(s is None and side.strip() == "0" for s, side in zip(shapes, (lhs, rhs), strict=True)):
        return None  # a vector, or a matrix, of zeros
    left, right = (f"a {s.shape}" if s else "index notation" for s in shapes)
    if left == right or {left, right} == {"a scalar", "index notation"}:
        return None
    return f"{left} on the left, {right} on the right: {SHAPES}, which entry is meant?"


class _Translation:
    def __init__(self, text: str, letters: list[str], layout: str = "numerator") -> None:
        self.text, self.letters, self.layout = text, letters, layout
        self.coefficients: list[tuple[str, int]] = []

    def at(self, a: str, b: str) -> str:
        """The whole side at the concrete entry (a, b)."""
        return self.sum(0, len(self.text)).entry(a, b)

    def fresh(self) -> str:
        if not self.letters:
            raise Unreadable("too many products of vectors in one side")
        return self.letters.pop(0)

    def sum(self, start: int, end: int) -> _Value:
        """The terms of ``text[start:end]``, split at ``+`` and ``-`` outside groups."""
        terms: list[tuple[str, int, int]] = []
        sign, pos, depth, begin = "+", start, 0, start
        while pos < end:
            char = self.text[pos]
            if char == "\\":
                command = re.match(r"\\(?:[a-zA-Z]+|.)", self.text[pos:end])
                assert command is not None
                word = command.group()
                pos += len(word)
                if word in ("\\begin", "\\end"):
                    depth += 1 if word == "\\begin" else -1
                elif word == "\\left" or re.fullmatch(r"\\[bB]igg?l", word):
                    depth += 1
                    pos += 1  # the bracket it opens
                elif word == "\\right" or re.fullmatch(r"\\[bB]igg?r", word):
                    depth -= 1
                    pos += 1
                continue
            if char in "{([":
                depth += 1
            elif char in "})]":
                depth -= 1
            elif char in "+-\u2212" and depth == 0:
                if self.text[begin:pos].strip():
                    terms.append((sign, begin, pos))
                    sign = "-" if char != "+" else "+"
                elif char != "+":
                    sign = "-" if sign == "+" else "+"
                begin = pos + 1
            pos += 1
        if self.text[begin:end].strip():
            terms.append((sign, begin, end))
        if not terms:
            raise Unreadable("an empty group", start)
        values = [(s, self.product(b, e)) for s, b, e in terms]
        shape = values[0][1]
        for _, value in values:
            if (value.rows, value.columns) != (shape.rows, shape.columns):
                raise Unreadable(f"a {value.shape} added to a {shape.shape}: {SHAPES}", start)
        parts = values

        def entry(a: str, b: str) -> str:
            return " ".join(f"{s} ({v.entry(a, b)})" for s, v in parts).removeprefix("+ ")

        return _Value(shape.rows, shape.columns, entry, _size(*(v for _, v in values)))

    def product(self, start: int, end: int) -> _Value:
        """The factors of one term, multiplied left to right."""
        factors: list[_Value | str] = []
        pos = start
        scalar = ""
        scalar_at = start
        while pos < end:
            space = _SPACE.match(self.text, pos)
            if space and space.end() > pos:
                scalar += " "
                pos = space.end()
                continue
            atom = self._atom(pos, end)
            opener = _OPEN.match(self.text, pos)
            call = (
                _CALL_AFTER.match(self.text, pos)
                if scalar.rstrip()[-1:].isalpha() or (scalar.rstrip().endswith("}"))
                else None
            )
            if call is not None and atom is None:
                scalar += call.group()
                pos = call.end()
                continue
            entrywise_op = _ENTRYWISE.match(self.text, pos)
            if atom is None and opener is None and entrywise_op is None:
                if self.text[pos] == "{":
                    close = _matching(self.text, pos)
                    if close < 0 or close > end:
                        raise Unreadable("unbalanced braces", pos)
                    if _marked(self.text[pos:close]):
                        raise Unreadable("vector notation inside a group that is not read", pos)
                    scalar += self.text[pos:close]
                    pos = close
                    continue
                if _TRANSPOSE.match(self.text, pos):
                    raise Unreadable("a transpose of something that is not a vector", pos)
                if not scalar.strip():
                    scalar_at = pos
                scalar += self.text[pos]
                pos += 1
                continue
            if scalar.strip():
                factors.append(self._coefficient(scalar, scalar_at))
            before, scalar = scalar, ""
            if entrywise_op is not None:
                factors.append(entrywise_op.group(1))
                pos = entrywise_op.end()
                continue
            if atom is not None:
                value, pos = atom
            else:
                assert opener is not None
                close = _matching(self.text, pos)
                if close < 0 or close > end:
                    raise Unreadable("unbalanced brackets", pos)
                inner_start = opener.end()
                closer = re.search(r"(\\right\s*\)|\\[bB]igg?r?\s*\)|\))$", self.text[pos:close])
                if closer is None:
                    raise Unreadable("unbalanced brackets", pos)
                inner_end = pos + closer.start()
                if re.search(r"(?:\\[a-zA-Z]+|[a-zA-Z}])$", before) and _marked(
                    self.text[inner_start:inner_end]
                ):
                    raise Unreadable(
                        f"{before.split()[-1]!r} applied to vectors, or a product?", scalar_at
                    )
                if _marked(self.text[inner_start:inner_end]):
                    value = self.sum(inner_start, inner_end)
                else:
                    value = _scalar(self.text[pos:close])
                pos = close
            transpose = _TRANSPOSE.match(self.text, pos)
            if transpose:
                value = _Value(
                    value.columns, value.rows, lambda a, b, v=value: v.entry(b, a), value.size
                )
                pos = transpose.end()
            elif re.match(r"\s*[_^]", self.text[pos:end]):
                raise Unreadable("a script on a vector is not read", pos)
            factors.append(value)
        if scalar.strip():
            factors.append(self._coefficient(scalar, scalar_at))
        if any(isinstance(f, _Value) and f.shape != "scalar" for f in factors):
            for text, at in self.coefficients:
                if _FUNCTION_WORDS.search(text) or not _PLAIN_COEFFICIENT.fullmatch(text):
                    raise Unreadable(
                        f"{text.strip()!r} beside a vector: which part does it apply to?", at
                    )
        self.coefficients.clear()
        return self._multiply(factors, start)

    def _coefficient(self, text: str, at: int) -> _Value:
        self.coefficients.append((text, at))
        return _scalar(text.strip())

    def _multiply(self, factors: list[_Value | str], at: int) -> _Value:
        result: _Value | None = None
        operator = None
        for factor in factors:
            if isinstance(factor, str):
                if result is None or operator is not None:
                    raise Unreadable(f"\\{factor} needs two operands", at)
                operator = factor
                continue
            if result is None:
                result = factor
            elif operator is not None:
                result = self._entrywise(result, factor, operator, at)
                operator = None
            else:
                result = self._times(result, factor, at)
        if result is None or operator is not None:
            raise Unreadable("an incomplete product", at)
        return result

    def _entrywise(self, x: _Value, y: _Value, operator: str, at: int) -> _Value:
        if (x.rows, x.columns) != (y.rows, y.columns):
            raise Unreadable(f"\\{operator} of a {x.shape} and a {y.shape}: {SHAPES}", at)
        size = _size(x, y)
        if operator == "oslash":
            return _Value(
                x.rows,
                x.columns,
                lambda a, b: rf"\frac{{{x.entry(a, b)}}}{{{y.entry(a, b)}}}",
                size,
            )
        if operator == "circ":
            raise Unreadable("\\circ: composition or entrywise product?", at)
        return _Value(x.rows, x.columns, lambda a, b: f"({x.entry(a, b)}) ({y.entry(a, b)})", size)

    def _times(self, x: _Value, y: _Value, at: int) -> _Value:
        size = _size(x, y)
        if x.shape == "scalar" or y.shape == "scalar":
            return _Value(
                x.rows or y.rows,
                x.columns or y.columns,
                lambda a, b: f"({x.entry(a, b)}) ({y.entry(a, b)})",
                size,
            )
        if x.columns and y.rows and size is not None:  # written out: the sum written out
            return _Value(
                x.rows,
                y.columns,
                lambda a, b: (
                    "("
                    + " + ".join(
                        f"({x.entry(a, str(k))}) ({y.entry(str(k), b)})" for k in range(1, size + 1)
                    )
                    + ")"
                ),
                size,
            )
        if x.columns and y.rows:  # contraction over the shared index
            k = self.fresh()
            return _Value(
                x.rows,
                y.columns,
                lambda a, b: rf"\left(\sum_{{{k}}} ({x.entry(a, k)}) ({y.entry(k, b)})\right)",
            )
        if not x.columns and not y.rows:  # a column times a row: the outer product
            return _Value(True, True, lambda a, b: f"({x.entry(a, b)}) ({y.entry(a, b)})", size)
        raise Unreadable(f"a {x.shape} times a {y.shape}: {SHAPES}", at)

    def _atom(self, pos: int, end: int) -> tuple[_Value, int] | None:
        literal = _LITERAL.match(self.text, pos, end)
        if literal:
            return self._literal(literal, end)
        applied = _APPLIED_GRADIENT.match(self.text, pos, end)
        if applied:  # \nabla_{\mathbf{z}} \left( … \right): the gradient of what is in the group
            close = _matching(self.text, applied.end())
            if 0 < close <= end and not _marked(self.text[applied.end() : close]):
                variable = _name(applied, 1) or applied.group(3)
                group = self.text[applied.end() : close]
                return self._oriented(
                    _Value(
                        True,
                        False,
                        lambda a, b: rf"\frac{{\partial}}{{\partial {variable}_{{{a}}}}} {group}",
                    )
                ), close
        for kind, pattern in _ATOMS:
            match = pattern.match(self.text, pos, end)
            if match is None:
                continue
            if kind == "identity" and not _marked(self.text):
                continue
            return self._oriented(self._value(kind, match)), match.end()
        return None

    def _oriented(self, value: _Value) -> _Value:
        """In the row-vector convention every vector (a gradient too) is a row."""
        if not self.layout.endswith("row") or value.shape != "vector" or value.size is not None:
            return value
        return _Value(False, True, lambda a, b: value.entry(b, a))

    def _literal(self, begin: re.Match[str], end: int) -> tuple[_Value, int]:
        """``\\begin{bmatrix} … \\end{bmatrix}`` with its entries written out."""
        close = re.compile(r"\\end\s*\{\s*" + begin.group(1) + r"\s*\}").search(
            self.text, begin.end(), end
        )
        if close is None:
            raise Unreadable(f"a {begin.group(1)} that is not closed", begin.start())
        body = self.text[begin.end() : close.start()]
        rows = [row for row in re.split(r"\\\\(?:\[[^\]]*\])?", body) if row.strip()]
        table = [[cell.strip() for cell in row.split("&")] for row in rows]
        widths = {len(row) for row in table}
        if len(widths) != 1 or any(not cell for row in table for cell in row):
            raise Unreadable(f"a {begin.group(1)} with rows of different lengths", begin.start())
        (width,) = widths
        for row in table:
            for cell in row:
                if _marked(cell) or "\\begin" in cell:
                    raise Unreadable("vector notation inside a written-out matrix", begin.start())
        height = len(table)
        if height > 1 and width > 1 and height != width:
            raise Unreadable(f"a {height}×{width} matrix: only square ones are read", begin.start())
        size = max(height, width)
        if size < 2:
            raise Unreadable(f"a {begin.group(1)} with one entry", begin.start())

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
        return value, close.end()

    def _value(self, kind: str, m: re.Match[str]) -> _Value:
        if kind == "entry_gradient":
            variable = _name(m, 1) or m.group(3)
            quantity, index = m.group(4), m.group(5) or m.group(6)
            return _scalar(rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{index}}}}}")
        if kind == "entry":
            return _scalar(f"{_name(m, 1)}_{{{m.group(3) or m.group(4)}}}")
        if kind == "gradient":
            variable = _name(m, 2) or m.group(4)
            quantity = m.group(6)
            if m.group(1) or m.group(5):
                return _Value(
                    True,
                    True,
                    lambda a, b: (
                        rf"\frac{{\partial^2 {quantity}}}"
                        rf"{{\partial {variable}_{{{a}}} \partial {variable}_{{{b}}}}}"
                    ),
                )
            return _Value(
                True,
                False,
                lambda a, b: rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{a}}}}}",
            )
        if kind == "fraction":
            variable = _name(m, 4)
            vector = _name(m, 1)
            if vector:
                flip = self.layout.startswith("denominator")  # row: the variable
                return _Value(
                    True,
                    True,
                    lambda a, b: (
                        rf"\frac{{\partial {vector}_{{{b if flip else a}}}}}"
                        rf"{{\partial {variable}_{{{a if flip else b}}}}}"
                    ),
                )
            quantity = m.group(3)
            return _Value(
                True,
                False,
                lambda a, b: rf"\frac{{\partial {quantity}}}{{\partial {variable}_{{{a}}}}}",
            )
        if kind == "diag":
            vector = _name(m, 1)
            return _Value(True, True, lambda a, b: f"{_delta(a, b)} {vector}_{{{a}}}")
        if kind == "accented":
            accent, vector = m.group(1), _name(m, 2)
            if not vector.isalpha() or vector.isupper():
                raise Unreadable(f"\\{accent} of a bold {vector} is not read", m.start())
            return _Value(True, False, lambda a, b: rf"\{accent}{{{vector}}}_{{{a}}}")
        if kind == "bold":
            vector = _name(m, 1)
            if vector.isupper():
                raise Unreadable(f"a bold capital {vector}: a matrix? not read", m.start())
            if vector == "1":
                return _Value(True, False, lambda a, b: "1")
            if vector == "0":
                return _Value(True, False, lambda a, b: "0")
            if vector.isdigit():
                raise Unreadable(f"\\mathbf{{{vector}}} is not read", m.start())
            return _Value(True, False, lambda a, b: f"{vector}_{{{a}}}")
        assert kind == "identity"
        return _Value(True, True, lambda a, b: _delta(a, b))


def _matching(text: str, start: int) -> int:
    from symsoft.reading.brackets import matching

    return matching(text, start)


__all__ = ["READINGS", "SHAPES", "Entrywise", "entries", "entrywise", "mismatch", "readings"]
