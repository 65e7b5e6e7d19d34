"""Vectors, matrices and Jacobians written with bold letters, transposes, diag and entrywise
products, translated into index notation one entry at a time, which the step reader then
decides.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from symsoft.reading.documents.counts import COUNTED
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.atoms import _Atoms, _matching, _scalar
from symsoft.reading.notation.coefficients import _constant, check_coefficient
from symsoft.reading.notation.group_derivatives import _GroupDerivatives
from symsoft.reading.notation.norms import NORM, SHAPES, _norm_groups, _Norms
from symsoft.reading.notation.vector_sums import vector_sum
from symsoft.reading.notation.written_out import (
    _CALL_AFTER,
    _Hidden,
    _marked,
    _Value,
    _WrittenOut,
)

ROW = "r"


_EXP_BASE = lazy(r"(?<![a-zA-Z\\])e\s*\^\s*$")
_TRANSPOSE = lazy(
    r"\^\s*(?:\{\s*(?:\\top|T|\\intercal|\\mathsf\s*\{\s*T\s*\})\s*\}"
    r"|\\top|T|\\intercal)(?![a-zA-Z])"
)


# one index after a vector in a group, no power after it: its entry
_ENTRY_SCRIPT = lazy(
    r"\s*_\s*(?:\{\s*([a-zA-Z]|\d+)\s*\}|([a-zA-Z]|\d))"
    r"(\s*\^\s*(?:\{\s*\d+\s*\}|\d))?(?!\s*[\^_'])"  # (\mathbf{v})_j^2: a power of the entry
)


_ENTRYWISE = lazy(r"\\(odot|oslash|circ|cdot)(?![a-zA-Z])")


# (, \left(, \bigl(; [, \left[, \bigg[ a group too, unless an index follows it ([\mathbf{v}]_k)
_OPEN = lazy(r"\\left\s*[(\[]|\\[bB]igg?l?\s*[(\[]|[(\[]")


_INDEXED_AFTER = lazy(r"\s*_")
_PARTED = lazy(r"\\(?:[ ,;:>]|q?quad(?![a-zA-Z])|hspace|enspace|thinspace)|~")
_SPACE = lazy(r"\s+|\\[,;:!](?![a-zA-Z])|\\q?quad(?![a-zA-Z])")


# σ or tanh right before a group: a function of what the group holds
_SCALAR_FUNCTION = lazy(r"\\(sigma|tanh)\s*$")
_OUTER_FUNCTIONS = lazy(r"(?:\\(?:log|ln|exp)(?![a-zA-Z])\s*)+$")


_APPLIED = lazy(r"\\(?:log|ln|exp|max|min)\s*$")


# \frac{1}{T} before a group: a number that multiplies it (never a function, nor d/dz: no d)
@functools.cache
def _number_fraction(counted: frozenset[str]) -> re.Pattern[str]:
    sizes = "NMTKB" + "".join(sorted(counted))
    return re.compile(
        r"\\[dt]?frac\s*\{\s*(?:\d+|\\lambda|\\eta|\\alpha)\s*\}"
        rf"\s*\{{\s*(?:\d+|[{sizes}])\s*\}}\s*$"
    )


def _size(*values: _Value) -> int | None:
    """The size of the matrices written out among ``values`` (None: none is)."""
    sizes = {v.size for v in values if v.size is not None}
    if len(sizes) > 1:
        raise Unreadable(f"matrices written out at different sizes {sorted(sizes)}")
    return sizes.pop() if sizes else None


class _Translation(_Atoms, _WrittenOut, _GroupDerivatives, _Norms):
    def __init__(
        self, text: str, letters: list[str], layout: str = "numerator", n: int | None = None
    ) -> None:
        self.text, self.letters, self.layout = _norm_groups(text), letters, layout
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

    def _top_level(self, start: int, end: int) -> Iterator[tuple[int, str]]:
        """The characters of ``text[start:end]`` outside every group (braces, brackets,
        parentheses, ``\\left … \\right``, ``\\bigl … \\bigr``, environments), commands left out."""
        depth, pos = 0, start
        while pos < end:
            char = self.text[pos]
            if char == "\\":
                command = re.match(r"\\(?:[a-zA-Z]+|.)", self.text[pos:end], re.S)
                if command is None:  # a group cut after a backslash (\{ … \}): not read
                    raise Unreadable("a backslash that ends a group", pos)
                word = command.group()
                pos += len(word)
                if word in ("\\begin", "\\end"):
                    depth += 1 if word == "\\begin" else -1
                elif word == "\\left" or re.fullmatch(r"\\[bB]igg?l", word):
                    depth, pos = depth + 1, pos + 1  # and the bracket it opens
                elif word == "\\right" or re.fullmatch(r"\\[bB]igg?r", word):
                    depth, pos = depth - 1, pos + 1
                continue
            if char in "{([":
                depth += 1
            elif char in "})]":
                depth -= 1
            elif depth == 0:
                yield pos, char
            pos += 1

    def sum(self, start: int, end: int) -> _Value:
        """The terms of ``text[start:end]``, split at ``+`` and ``-`` outside groups."""
        terms: list[tuple[str, int, int]] = []
        sign, begin = "+", start
        for pos, char in self._top_level(start, end):
            if char in "+-\u2212":
                if self.text[begin:pos].strip():
                    terms.append((sign, begin, pos))
                    sign = "-" if char != "+" else "+"
                elif char != "+":
                    sign = "-" if sign == "+" else "+"
                begin = pos + 1
        if self.text[begin:end].strip():
            terms.append((sign, begin, end))
        if not terms:
            raise Unreadable("an empty group", start)
        colons = [self._colon(b, e) is not None for _, b, e in terms]
        if any(colons) and not all(colons):  # A:B + c: (A:B) + c, or A:(B + c)?
            raise Unreadable("a Frobenius product ':' beside a term without one", start)
        values = [(s, self.product(b, e)) for s, b, e in terms]
        shape = max((v for _, v in values), key=lambda v: (v.rows, v.columns))
        for (_, value), (_, b, e) in zip(values, terms, strict=True):
            if (value.rows, value.columns) == (shape.rows, shape.columns):
                continue
            if value.shape != "scalar" or shape.shape == "matrix" or not _constant(self.text[b:e]):
                raise Unreadable(f"a {value.shape} added to a {shape.shape}: {SHAPES}", start)
        parts = values

        def entry(a: str, b: str) -> str:
            return " ".join(f"{s} ({v.entry(a, b)})" for s, v in parts).removeprefix("+ ")

        return _Value(shape.rows, shape.columns, entry, _size(*(v for _, v in values)))

    def _not_a_group(self, pos: int, inner: int) -> bool:
        """Whether the square bracket at ``pos`` is no group: an index follows it, or it parts
        entries (``\\ ``, ``\\;``, ``\\quad``, a comma) at its top level."""
        close = _matching(self.text, pos)
        if close < 0 or _INDEXED_AFTER.match(self.text, close):
            return True
        top = {char for _, char in self._top_level(inner, close - 1)}
        return bool({",", ";", "&"} & top) or _PARTED.search(self.text, inner, close) is not None

    def _exponential(self, before: str, start: int, close: int) -> _Value | None:
        """``e^{\\mathbf{z}}``, ``e^{-\\mathbf{o}}``: e to a vector, entry by entry (the one
        reading of a vector's exponential); None when ``before`` does not end with ``e^``."""
        if not _EXP_BASE.search(before):
            return None
        value = self.sum(start + 1, close - 1)
        if value.shape not in ("vector", "row vector") or value.size is not None:
            return None
        return _Value(value.rows, value.columns, lambda a, b: rf"e^{{{value.entry(a, b)}}}")

    def _scalar_group(self, start: int, close: int) -> str:
        """A brace group with vectors in it that is a number, ``e^{-(\\mathbf{w}^T \\mathbf{x}
        + b)}`` or ``\\frac{1}{1 + e^{-\\mathbf{w}^T \\mathbf{x}}}``: the group in index
        notation; a group that holds a vector is not read (whose entry would it be?)."""
        try:
            inner = (
                self.sum(start + 1, close - 1) if self.text[start + 1 : close - 1].strip() else None
            )
        except _Hidden:
            raise
        except Unreadable as exc:  # {\partial \mathbf{z}}: not a number written with vectors
            if SHAPES in str(exc):
                raise  # a reading whose shapes do not fit (vectors as rows): not this one
            inner = None
        if inner is not None and inner.shape != "scalar" and _EXP_BASE.search(self.text, 0, start):
            # e^{-\mathbf{x}\mathbf{w}^T}: a number only with vectors as rows
            raise Unreadable(f"a {inner.shape} in an exponent that is a number: {SHAPES}", start)
        if inner is None or inner.shape != "scalar":
            raise Unreadable("vector notation inside a group that is not read", start)
        return "{(" + inner.entry(ROW, ROW) + ")}"

    def product(self, start: int, end: int) -> _Value:
        """The factors of one term, multiplied left to right."""
        colon = self._colon(start, end)
        if colon is not None:
            return self._frobenius(start, colon, end)
        if (opened := self._open_gradient(start, end)) is not None:  # ∇_θ \log \sum_j …
            return self._oriented(opened)
        if (summed := vector_sum(self, start, end)) is not None:  # \sum_i (p_i - y_i)\mathbf{x}_i
            return summed
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
            if self.text.startswith(NORM, pos):
                if scalar.strip():
                    factors.append(self._coefficient(scalar, scalar_at))
                scalar, (value, pos) = "", self._norm(pos, end)
                factors.append(value)
                continue
            atom = self._atom(pos, end)
            opener = _OPEN.match(self.text, pos)
            if opener and opener.group().endswith("[") and self._not_a_group(pos, opener.end()):
                opener = None  # [\mathbf{v}]_k: an entry; [\mathbf s^\top \ 1]: a row
            call = (
                _CALL_AFTER.match(self.text, pos)
                if scalar.rstrip()[-1:].isalpha() or (scalar.rstrip().endswith("}"))
                else None
            )
            if call is not None and atom is None and not self._softmax_named(scalar):
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
                        power = self._exponential(scalar, pos, close)
                        if power is not None:  # e^{\mathbf{z}}: entry by entry
                            scalar = scalar[: _EXP_BASE.search(scalar).start()]
                            if scalar.strip():
                                factors.append(self._coefficient(scalar, scalar_at))
                            scalar, pos = "", close
                            factors.append(power)
                            continue
                        scalar += self._scalar_group(pos, close)
                        pos = close
                        continue
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
            if atom is None and opener is not None and _APPLIED.search(scalar):
                close = _matching(self.text, pos)
                if 0 < close <= end and not _marked(self.text[pos:close]):
                    scalar += self.text[pos:close]  # \log(…) of a number: one scalar
                    pos = close
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
                if before.strip() and _APPLIED.search(before) and value.shape == "scalar":
                    # \log \frac{σ(\mathbf{w}^T \mathbf{x})}{1 - σ(…)}: the log of that number
                    factors.pop()
                    value = _scalar(f"{before}\\left({value.entry(ROW, ROW)}\\right)")
            else:
                assert opener is not None
                close = _matching(self.text, pos)
                if close < 0 or close > end:
                    raise Unreadable("unbalanced brackets", pos)
                inner_start = opener.end()
                closer = re.search(
                    r"(\\right\s*[)\]]|\\[bB]igg?r?\s*[)\]]|[)\]])$", self.text[pos:close]
                )
                if closer is None:
                    raise Unreadable("unbalanced brackets", pos)
                inner_end = pos + closer.start()
                applied = _SCALAR_FUNCTION.search(before)
                inside = (inner_start, inner_end)
                if (softmax := self._softmax_group(before, pos, inside, factors)) is not None:
                    value = softmax
                elif applied and _marked(self.text[inner_start:inner_end]):
                    value = self._number_function(
                        applied, (inner_start, inner_end), self.text[close:end], factors
                    )
                elif (
                    re.search(r"(?:\\[a-zA-Z]+|[a-zA-Z}])$", before)
                    and not _number_fraction(COUNTED.get()).search(before)
                    and _marked(self.text[inner_start:inner_end])
                ):
                    raise Unreadable(
                        f"{before.split()[-1]!r} applied to vectors, or a product?", scalar_at
                    )
                elif _marked(self.text[inner_start:inner_end]):
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
            elif (entry := _ENTRY_SCRIPT.match(self.text, pos, end)) and value.shape in (
                "vector",
                "row vector",
            ):  # (\mathbf{p} - \mathbf{y})_i, \exp(\mathbf{z})_j: entry i, the one reading
                index = entry.group(1) or entry.group(2)
                power = entry.group(3) or ""
                value = _scalar(f"\\left({value.entry(index, index)}\\right){power}")
                pos = entry.end()
            elif re.match(r"\s*[_^]", self.text[pos:end]):
                raise Unreadable("a script on a vector is not read", pos)
            factors.append(value)
        if scalar.strip():
            factors.append(self._coefficient(scalar, scalar_at))
        if any(isinstance(f, _Value) and f.shape != "scalar" for f in factors):
            for text, at in self.coefficients:
                check_coefficient(text, at)
        self.coefficients.clear()
        return self._multiply(factors, start)

    def _number_function(
        self,
        applied: re.Match[str],
        group: tuple[int, int],
        after: str,
        factors: list[_Value | str],
    ) -> _Value:
        """``\\sigma(\\mathbf{w}^T \\mathbf{x})``: σ (tanh) of a number written with vectors, one
        reading; of a vector it is not read (entrywise, or the softmax some texts call σ).
        ``\\log \\sigma(…)`` is the logarithm of it when nothing ``after`` it is in its term."""
        text, at = self.coefficients.pop()
        factors.pop()  # the function's name, read as a coefficient
        value = self.sum(*group)
        if value.shape == "matrix":  # σ(w^T x) with rows: an outer product, no number
            raise Unreadable(f"\\{applied.group(1)} of a matrix: {SHAPES}", group[0])
        if value.shape != "scalar" or value.size is not None:
            what = "a matrix written out" if value.size is not None else f"a {value.shape}"
            raise Unreadable(f"\\{applied.group(1)} of {what} is not read", group[0])
        prefix = text[: applied.start()]
        outer = _OUTER_FUNCTIONS.search(prefix)
        if outer and after.strip():
            raise Unreadable(f"{outer.group().strip()!r} of what? more follows in its term", at)
        if prefix[: outer.start() if outer else len(prefix)].strip():
            factors.append(self._coefficient(prefix[: outer.start() if outer else None], at))
        inner = rf"\{applied.group(1)}\left({value.entry(ROW, ROW)}\right)"
        for function in reversed(re.findall(r"\\[a-z]+", outer.group() if outer else "")):
            inner = rf"{function}\left({inner}\right)"
        return _scalar(inner)

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
            elif operator == "cdot":
                result = self._dot(result, factor, at)
                operator = None
            elif operator is not None:
                result = self._entrywise(result, factor, operator, at)
                operator = None
            else:
                result = self._times(result, factor, at)
        if result is None or operator is not None:
            raise Unreadable("an incomplete product", at)
        return result

    def _dot(self, x: _Value, y: _Value, at: int) -> _Value:
        """``\\mathbf{w} \\cdot \\mathbf{x}``: between two vectors of one orientation the dot
        is the inner product, a number (as columns or as rows alike); elsewhere a product."""
        if x.shape != y.shape or x.shape not in ("vector", "row vector"):
            return self._times(x, y, at)
        if x.size is not None or y.size is not None:
            raise Unreadable("a dot product of a vector written out is not read", at)
        k = self.fresh()
        return _scalar(rf"\left(\sum_{{{k}}} ({x.entry(k, k)}) ({y.entry(k, k)})\right)")

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

    def _oriented(self, value: _Value) -> _Value:
        """In the row-vector convention every vector (a gradient too) is a row."""
        if not self.layout.endswith("row") or value.shape != "vector" or value.size is not None:
            return value
        return _Value(False, True, lambda a, b: value.entry(b, a))
