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
_D = r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|d(?=\s*(?:\\|[A-Za-z]\s*\})))"  # ∂, or a total d
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
    (  # J_{\mathbf{x}}(\mathbf{s}), \mathbf{J}_{\mathbf{x}}(\mathbf{s}): the Jacobian of s by x
        "jacobian",
        re.compile(
            r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*J\s*\}|\\(?:mathbf|boldsymbol|bm)\s+J|(?<![\\a-zA-Z])J)"
            r"\s*_\s*\{\s*"
            + _BOLD
            + r"\s*\}\s*(?:\\left\s*)?\(\s*"
            + _BOLD
            + r"\s*(?:\\right\s*)?\)"
        ),
    ),
    (  # \frac{\partial L}{\partial \mathbf{o}}, \frac{\partial \mathbf{p}}{\partial \mathbf{o}}
        "fraction",
        re.compile(
            r"\\[dt]?frac\s*\{\s*" + _D + r"\s*(?:" + _BOLD + r"|" + _SCALAR + r")\s*\}\s*"
            r"\{\s*" + _D + r"\s*" + _BOLD + r"\s*\}"
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
    (  # \log \mathbf{p}, \exp(\mathbf{o}): the function entry by entry
        "elementwise",
        re.compile(
            r"\\(log|ln|exp)\s*(?:\\left\s*\(\s*"
            + _BOLD
            + r"\s*\\right\s*\)|\(\s*"
            + _BOLD
            + r"\s*\)(?!\s*[_^])|"
            + _BOLD
            # nothing after it in its term (but a transpose: \log \mathbf{s}^\top is (\log s)^T):
            # \log \mathbf{p} \mathbf{q} may be \log(p q)
            + r"(?=\s*(?:\^\s*(?:\{\s*(?:\\top|T|\\intercal)\s*\}|\\top|T|\\intercal)(?![a-zA-Z]))?"
            + r"\s*(?:$|[-+)\]}.,=&]|\\right(?![a-zA-Z])|\\end(?![a-zA-Z])|\\\\)))"
        ),
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
_T = r"\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)(?![a-zA-Z])"
# \mathbf y \times \mathbf y^T: a cross product has no transposes, so \times is the matrix product
_TIMES_TRANSPOSED = re.compile(r"\\times(?=\s*" + _BOLD + _T + ")")
_TRANSPOSED_TIMES = re.compile("(" + _T + r"\s*)(\\times)(?![a-zA-Z])")
_ENTRYWISE = re.compile(r"\\(odot|oslash|circ)(?![a-zA-Z])")
_OPEN = re.compile(r"\\left\s*\(|\\[bB]igg?l?\s*\(|\(")
_SPACE = re.compile(r"\s+|\\[,;:!](?![a-zA-Z])|\\q?quad(?![a-zA-Z])|\\cdot(?![a-zA-Z])")
_MARKS = re.compile(
    r"\\nabla(?![a-zA-Z])|" + _BOLD + r"(?!\s*_)|\\odot|\\oslash|diag(?![a-zA-Z])"
    r"|\\begin\s*\{\s*[bp]?matrix"
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
# ∂L/∂z with z a scalar, beside a vector: a number (the chain rule's ∂L/∂z · x)
_SCALAR_DERIVATIVE = re.compile(
    r"\s*\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*(?:\\mathcal\s*\{\s*L\s*\}|\\ell|L|[a-z])\s*\}"
    r"\s*\{\s*(?:\\partial|d)\s*(?:\\hat\s*\{\s*[a-z]\s*\}|[a-z])\s*\}\s*"
)
_WRITTEN_OUT = re.compile(r"\\begin\s*\{\s*([vBV]matrix|array)\s*\}")
_LITERAL = re.compile(r"(\\left\s*[\[(]\s*)?\\begin\s*\{\s*([bp]?matrix)\s*\}")
_LITERAL_BODY = re.compile(r"\\begin\s*\{\s*([bp]?matrix)\s*\}.*?\\end\s*\{\s*\1\s*\}", re.DOTALL)
_DOTS = re.compile(r"\\[cvdl]?dots(?![a-zA-Z])|(?<![.\d])\.\.\.(?!\.)")
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
    with a matrix written out (``size`` entries a side) is read at concrete entries by ``at``;
    one written with dots is read at each of ``sizes``."""

    text: str
    shape: str
    size: int | None = None
    at: Callable[[str, str], str] | None = None
    sizes: tuple[int, ...] = ()


class _Hidden(Unreadable):
    """An entry that a matrix written with dots does not show."""


def _free_letters(text: str) -> list[str]:
    return [x for x in _SUM_LETTERS if not re.search(rf"(?<![\\a-zA-Z]){x}(?![a-zA-Z])", text)]


@functools.cache
def _matrix_times(text: str) -> str:
    """``\\times`` beside a transposed vector written as the matrix product it is (same length)."""
    text = _TIMES_TRANSPOSED.sub(lambda m: " " * len(m.group()), text)
    return _TRANSPOSED_TIMES.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def entrywise(
    text: str, layout: str = "numerator", vectors: frozenset[str] = frozenset()
) -> Entrywise | None:
    """The side ``text`` read entry by entry, or None when it has no vector notation; a bold
    capital letter is a vector if it is one of ``vectors`` (else it may be a matrix: not read).

    >>> entrywise(r"\\operatorname{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^\\top").text
    '(\\\\delta_{rc} p_{r}) - ((p_{r}) (p_{c}))'
    """
    if not _marked(text):
        return None
    text = _matrix_times(text)
    written = _WRITTEN_OUT.search(text)
    if written:
        raise Unreadable(f"a {written.group(1)} is not read as a matrix", written.start())
    dots = _DOTS.search(_LITERAL_BODY.sub(lambda m: " " * len(m.group()), text))
    if dots:
        raise Unreadable(f"{dots.group()} outside a matrix is not read", dots.start())
    for letter in (ROW, COLUMN):
        used = re.search(rf"(?<![\\a-zA-Z]){letter}(?![a-zA-Z])", text)
        if used:
            raise Unreadable(
                f"the letter {letter!r} is used here and symsoft reads vectors at entry "
                f"{ROW}, {COLUMN}",
                used.start(),
            )
    translation = _Translation(text, _free_letters(text), layout)
    translation.vectors = vectors
    value = translation.sum(0, len(text))
    if value.size is not None:
        return Entrywise("", value.shape, value.size, value.entry, translation.sizes)
    return Entrywise(value.entry(ROW, COLUMN), value.shape)


def entries(
    lhs: str, rhs: str, layout: str = "numerator"
) -> list[tuple[str, str, str, int]] | None:
    """A step with a matrix written out, as one step per entry: [(entry, left side, right side,
    size), …] in index notation at concrete indices; None when nothing is written out.  A matrix
    written with dots is judged at each size where its rows' labels (1, 2, …, N−1, N) are
    distinct, at the entries it shows."""
    lhs, rhs = _matrix_times(lhs), _matrix_times(rhs)
    sides = [entrywise(side, layout) for side in (lhs, rhs)]
    written = [s for s in sides if s is not None and s.size is not None]
    if not written:
        return None
    patterns = [set(s.sizes) for s in written if s.sizes]
    if patterns and len(patterns) < len(written):
        raise Unreadable("a matrix written with dots beside one written out at a fixed size")
    fixed = sorted({s.size for s in written if s.size is not None})
    if not patterns and len(fixed) > 1:
        raise Unreadable(f"matrices written out at different sizes {fixed}")
    sizes = sorted(set.intersection(*patterns)) if patterns else fixed
    shape = next(s.shape for s in sides if s is not None)
    out = []
    for size in sizes:
        rows = range(1, size + 1) if shape in ("vector", "matrix") else [1]
        columns = range(1, size + 1) if shape in ("row vector", "matrix") else [1]
        at = [
            _Translation(text, _free_letters(text), layout, size).sum(0, len(text))
            if side is not None
            else None
            for side, text in zip(sides, (lhs, rhs), strict=True)
        ]
        for a in map(str, rows):
            for b in map(str, columns):
                try:
                    texts = [
                        value.entry(a, b) if value is not None else text  # 0
                        for value, text in zip(at, (lhs, rhs), strict=True)
                    ]
                except _Hidden:
                    continue
                name = {"vector": a, "row vector": b}.get(shape, f"({a}, {b})")
                where = f" at N = {size}" if patterns else ""
                out.append((f"entry {name}{where}", texts[0], texts[1], size))
    if not out:
        raise Unreadable("every entry needs one that the dots hide")
    return out


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
    atoms = dict(_ATOMS)
    return atoms["jacobian"].search(text) is not None or any(
        m.group(1) or m.group(2) for m in atoms["fraction"].finditer(text)
    )


def mismatch(
    lhs: str, rhs: str, vectors: frozenset[str] = frozenset(), layout: str = "numerator"
) -> str | None:
    """Why the two sides of a step cannot be compared entry by entry (a vector on one side,
    index notation or a scalar on the other) in the reading ``layout``, or None."""
    try:
        shapes = [entrywise(side, layout, vectors=vectors) for side in (lhs, rhs)]
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
    def __init__(
        self, text: str, letters: list[str], layout: str = "numerator", n: int | None = None
    ) -> None:
        self.text, self.letters, self.layout = text, letters, layout
        self.n = n  # the size a matrix written with dots is read at
        self.vectors: frozenset[str] = frozenset()  # bold capitals that are vectors
        self.sizes: tuple[int, ...] = ()  # the sizes it can be read at
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
                if _SCALAR_DERIVATIVE.fullmatch(text):
                    continue
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

            def entry(a: str, b: str) -> str:
                try:
                    terms = [
                        f"({x.entry(a, str(k))}) ({y.entry(str(k), b)})" for k in range(1, size + 1)
                    ]
                except _Hidden:
                    raise Unreadable("a product needs entries that the dots hide", at) from None
                return "(" + " + ".join(terms) + ")"

            return _Value(x.rows, y.columns, entry, size)
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
        if kind in ("fraction", "jacobian"):
            variable, vector = (
                (_name(m, 4), _name(m, 1)) if kind == "fraction" else (_name(m, 1), _name(m, 3))
            )
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
        if kind == "elementwise":
            function, vector = m.group(1), next(g for g in m.groups()[1:] if g)
            if not vector.isalpha() or vector.isupper():
                raise Unreadable(f"\\{function} of a bold {vector} is not read", m.start())
            return _Value(True, False, lambda a, b: rf"\{function}({vector}_{{{a}}})")
        if kind == "accented":
            accent, vector = m.group(1), _name(m, 2)
            if not vector.isalpha() or vector.isupper():
                raise Unreadable(f"\\{accent} of a bold {vector} is not read", m.start())
            return _Value(True, False, lambda a, b: rf"\{accent}{{{vector}}}_{{{a}}}")
        if kind == "bold":
            vector = _name(m, 1)
            if vector.isupper() and vector not in self.vectors:
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


_DOTTED = re.compile(r"(?:\\(?:[cvdl]?dots[cbmio]?)(?![a-zA-Z])|\.\.\.)\s*")
_SUBSCRIPT = re.compile(
    r"(\\(?:sum|prod|max|min|lim|arg\s*max|argmax|argmin)\s*)?_\s*(?:\{([^{}]*)\}|(\\[a-zA-Z]+|[a-zA-Z0-9]))"
)
_SIZE_LETTERS = "NKCDMTVnmd"  # letters written for a size; i, j, k, … are indices
_INDEX = re.compile(r"[A-Za-z]-\d+|[A-Za-z]|\d|\\[a-zA-Z]+")


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
    if len(candidates) > 1 or not candidates <= set(_SIZE_LETTERS):
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


def _matching(text: str, start: int) -> int:
    from symsoft.reading.brackets import matching

    return matching(text, start)


__all__ = ["READINGS", "SHAPES", "Entrywise", "entries", "entrywise", "mismatch", "readings"]


_PLAIN_T = r"\s*\^\s*(?:\{\s*(?:\\top|\\intercal|T)\s*\}|\\top|\\intercal|T)(?![a-zA-Z])"
_PLAIN_DIAG = r"\\(?:operatorname|text|mathrm)\s*\{\s*diag\s*\}\s*(?:\\left\s*)?\(\s*"
_PLAIN_JACOBIAN = re.compile(
    r"(?<![\\a-zA-Z])J\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*"
    r"(?:\\left\s*\(\s*([a-z])\s*\\right\s*\)|\(\s*([a-z])\s*\)|([a-z]))(?![a-zA-Z_])"
)


def plain_vectors(sides: list[str], indexed: frozenset[str]) -> list[str] | None:
    """The sides of a step with its plain-letter vectors written bold, or None when it has none.

    A letter the document writes with an index (``y_i``) is a vector here when the step
    transposes it (``y^T``, ``y^\\top``; ``^T`` only when no other T is written), takes its
    ``\\operatorname{diag}``, or writes its Jacobian ``J_x y`` (w32zhong's docs): then every bare
    ``y`` of the step is that vector.

    >>> plain_vectors([r"J_x y", r"y^\\top"], frozenset("xy"))
    ['J_{\\\\mathbf{x}}(\\\\mathbf{y})', '\\\\mathbf{y}^\\\\top']
    """
    joined = " ".join(sides)
    other_t = len(re.findall(r"(?<![\\a-zA-Z])T(?![a-zA-Z])", joined)) - len(
        re.findall(r"\^\s*\{?\s*T(?![a-zA-Z])", joined)
    )
    letters: set[str] = set()
    for letter in indexed:
        bare = rf"(?<![\\a-zA-Z]){letter}"
        transposed = re.search(bare + _PLAIN_T, joined)
        if transposed and transposed.group().rstrip("} ").endswith("T") and other_t:
            transposed = None
        if transposed or re.search(_PLAIN_DIAG + letter + r"\s*(?:\\right\s*)?\)", joined):
            letters.add(letter)
    for found in _PLAIN_JACOBIAN.finditer(joined):
        variable = found.group(1) or found.group(2)
        value = found.group(3) or found.group(4) or found.group(5)
        if {variable, value} <= indexed:
            letters |= {variable, value}
    if not letters:
        return None
    return [_bolded(side, letters) for side in sides]


def _bolded(side: str, letters: set[str]) -> str:
    def jacobian(m: re.Match[str]) -> str:
        variable, value = m.group(1) or m.group(2), m.group(3) or m.group(4) or m.group(5)
        if not {variable, value} <= letters:
            return m.group()
        return rf"J_{{\mathbf{{{variable}}}}}(\mathbf{{{value}}})"

    side = _PLAIN_JACOBIAN.sub(jacobian, side)
    out, pos = [], 0
    for found in re.finditer(r"(?<![\\a-zA-Z])([a-zA-Z])(?![a-zA-Z_])", side):
        if found.group(1) not in letters:
            continue
        if side[: found.start()].rstrip(" {").endswith(("_", "^", "\\mathbf")):
            continue  # an index, an exponent, or already bold
        out += [side[pos : found.start()], rf"\mathbf{{{found.group(1)}}}"]
        pos = found.end()
    return "".join(out) + side[pos:]
