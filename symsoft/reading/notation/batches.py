"""Softmax regression on a batch, judged as matrices at concrete sizes.

A document that defines the logits of a batch (``Z = XW`` or ``Z = XW + \\mathbf{1}\\mathbf{b}^T``,
one example a row), the probabilities (``P = \\mathrm{softmax}(Z)`` row by row, or
``P_{mk} = e^{Z_{mk}} / \\sum_j e^{Z_{mj}}``) and the cross-entropy ``L`` (the batch mean
``-\\frac{1}{M}\\sum_m\\sum_k Y_{mk}\\log P_{mk}`` or the sum) has its matrix steps
(``\\frac{\\partial L}{\\partial W} = \\frac{1}{M} X^T (P - Y)``) judged entry by entry at the sizes
in :data:`SIZES`, with exact arithmetic.

The derivative is mechanical: ``L`` is written in the logits ``z_{mj}`` and differentiated by
SymPy, ``e^{z_{mj}}`` becomes a positive symbol ``u_{mj}``, and the chain rule through the linear
map ``Z = XW + 1b^T`` (itself differentiated by SymPy) gives the weights and the bias.  Both sides
are then rational functions of ``u``, ``X`` and ``Y``: a step holds at a size when the difference
cancels to 0 in every entry.  A step fails only with a counterexample at rational ``X``, ``u`` and
one-hot ``Y`` at a size where every logit matrix is reached (``[X 1]`` of full row rank), so the
point is a real one (``Z = log u``), and only when it also fails with the gradient read as the
transpose of W's shape and, when the document does not write ``L`` out, with the loss read as the
mean and as the sum.  Anything else a side says is not read here (None), never guessed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import ClassVar

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.batch_parse import IN_LOGITS, _is_matrix, _Node, _parse, has_kind
from symsoft.reading.notation.batch_values import (
    _counterexample,
    _differences,
    _fit,
    _holds,
    _is_m,
    _rows_sum_to_one,
    _Shapes,
    _vectors_alike,
)

SIZES = ((2, 2, 2), (2, 2, 3), (3, 2, 2), (3, 2, 3))
"""(M examples, D features, K classes) at which a batch step is judged."""


def _normalized(text: str) -> str:
    text = re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*1\s*\}|1)", "𝟙", text)
    text = re.sub(r"𝟙\s*_\s*(?:\{\s*([A-Z])\s*\}|([A-Z]))", r"𝟙_\1\2", text)  # 1_N: its size
    text = re.sub(
        r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit)\s*\{\s*([A-Za-z0-9])\s*\}", r"\1", text
    )
    text = re.sub(r"\\(?:mathbf|boldsymbol|bm)\s+([A-Za-z0-9])", r"\1", text)
    text = re.sub(r"\\mathcal\s*\{\s*L\s*\}", "L", text)
    text = _TRANSPOSE.sub(_transposed, text)
    text = re.sub(r"\\(?:left|right|bigg?[lr]?|Bigg?[lr]?)(?![a-zA-Z])", "", text)
    text = re.sub(r"\\[dt]frac(?![a-zA-Z])", r"\\frac", text)
    text = re.sub(r"\\(?:operatorname|text|textrm|mathrm)\s*\{\s*softmax\s*\}", "SOFTMAX", text)
    # a \cdot -b: times minus b, never a subtraction
    text = re.sub(r"\\(?:cdot|times)(?![a-zA-Z])\s*-", "(-1)", text)
    text = re.sub(r"\\[,;:! ]|\\q?quad(?![a-zA-Z])|\\cdot(?![a-zA-Z])", " ", text)
    text = re.sub(r"(\\[a-zA-Z]+)\s+(?=[A-Za-z])", r"\1~", text)  # \partial L: keep one mark
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"\\(?:hat|widehat)(?:\{([PY])\}|~?([PY]))", r"\\hat{\1\2}", text)
    return text.replace("\\hat{Y}", "Ŷ").replace("\\hat{P}", "P̂").rstrip(".,")


def _counted(text: str, count: str) -> str:
    r"""A normalized side with the batch size written M: ``\frac{1}{m}`` is ``\frac{1}{M}``.
    The letter is never an index of the document (:func:`batch_of` checks it), and never part of a
    command (``\sum``, ``\ln``) nor of a word."""
    if count != "M":
        text = re.sub(rf"(?<![A-Za-z\\]){count}(?![A-Za-z])", "M", text)
    return text.replace("𝟙_M", "𝟙")  # a vector of ones as long as the batch


# a braced or bare T is one superscript token, as TeX reads it: \mathbf{w}^T\mathbf{x} is w'x
_TRANSPOSE = lazy(
    r"\^\s*(?:\{\s*(?:\\top|T|\\intercal|\\mathsf\s*\{\s*T\s*\})\s*\}|T"
    r"|(?:\\top|\\intercal)(?![a-zA-Z]))"
)
_SUM_BELOW = lazy(r"\\(?:sum|prod)\s*_\s*(?:\{[^{}]*\}|\w)\s*$")


def _transposed(found: re.Match[str]) -> str:
    r"""' for a transpose; the upper limit of a sum (``\sum_{t=1}^{T}``) stays as written."""
    if _SUM_BELOW.search(found.string[max(0, found.start() - 80) : found.start()]):
        return found.group()
    return "'"


@dataclass(frozen=True)
class Batch:
    """The names a document gives the parts of softmax regression on a batch."""

    inputs: str  # X
    weights: str  # W
    logits: str  # Z
    probabilities: str  # P
    targets: str  # Y
    loss: str  # L
    bias: str | None  # b
    losses: tuple[str, ...]  # "mean", "sum": the readings of the loss
    one_hot: bool  # the document says each row of Y is one-hot or sums to 1
    definitions: frozenset[tuple[int, int]]  # (lhs start, rhs start) of the defining steps

    count: str = "M"  # the letter of the batch size: M, or m, n, N, B where the text writes it so
    entrywise: bool = False  # P defined entry by entry, its softmax's sum over the classes
    label: ClassVar[str] = "definition (softmax regression on a batch)"

    def judge(self, lhs: str, rhs: str) -> tuple[str, str] | None:
        """(status, summary) for the step ``lhs = rhs``, or None when it is not a batch step."""
        return _judged(self, lhs, rhs)


@functools.lru_cache(maxsize=256)
def _judged(batch: Batch, lhs: str, rhs: str) -> tuple[str, str] | None:
    try:
        sides = [_parse(_counted(_normalized(side), batch.count), batch) for side in (lhs, rhs)]
        if any(side is None for side in sides) or not any(_is_matrix(s, batch) for s in sides):
            return None
        logits = any(has_kind(side, IN_LOGITS) for side in sides)
        if any(has_kind(side, ("gradient", "loss")) for side in sides):
            if not batch.losses or logits and len(batch.losses) != 1:
                return None  # L not read, defined again, or never written out: mean or sum?
        elif not batch.losses:
            batch = dataclasses.replace(batch, losses=("mean",))  # (L plays no part)
        if logits and not batch.entrywise:
            return None  # P = softmax(Z) in words: which axis the sum runs over is not written
        status, summary = _verdict(batch, sides[0], sides[1])
        if logits and status != "holds":  # the words may set values or change the loss
            return "not checked", (
                f"not checked: ambiguous: {summary.removeprefix('not checked: ')}; a step in "
                "the logits of a batch, whose words may set its values or change its loss"
            )
        return status, summary
    except (RecursionError, ArithmeticError, TypeError, ValueError):
        return None  # nested too deep, or a division by 0: not read here


# ------------------------------------------------------------------ a side, as a small tree


# ------------------------------------------------------------------ the model at one size


@dataclass(eq=False)
class _Size:
    """Softmax regression with M examples, D features and K classes, as exact expressions."""

    batch: Batch
    m: int
    d: int
    k: int
    loss: str  # "mean" or "sum"

    def __post_init__(self) -> None:
        m, d, k = self.m, self.d, self.k
        self.x = sympy.Matrix(m, d, lambda i, j: sympy.Symbol(f"X_{i + 1}{j + 1}"))
        self.w = sympy.Matrix(d, k, lambda i, j: sympy.Symbol(f"W_{i + 1}{j + 1}"))
        self.b = sympy.Matrix(k, 1, lambda i, j: sympy.Symbol(f"b_{i + 1}"))
        self.y = sympy.Matrix(m, k, lambda i, j: sympy.Symbol(f"Y_{i + 1}{j + 1}"))
        self.u = sympy.Matrix(m, k, lambda i, j: sympy.Symbol(f"u_{i + 1}{j + 1}", positive=True))
        z = sympy.Matrix(m, k, lambda i, j: sympy.Symbol(f"z_{i + 1}{j + 1}"))
        self.z = z
        linear = self.x * self.w
        if self.batch.bias:
            linear += sympy.ones(m, 1) * self.b.T
        self.linear = linear
        scale = sympy.Rational(1, m) if self.loss == "mean" else sympy.Integer(1)
        self.l_of_z = -scale * sum(
            self.y[i, j] * (z[i, j] - sympy.log(sum(sympy.exp(z[i, t]) for t in range(k))))
            for i in range(m)
            for j in range(k)
        )
        self.p = sympy.Matrix(m, k, lambda i, j: self.u[i, j] / sum(self.u.row(i)))
        self.env: dict[str, int] = {}  # the value of each index letter, for entries
        self._gradients: dict[str, sympy.Matrix] = {}
        self.ranges: dict[str, str] = {}  # the size ("M", "D" or "K") each index letter runs to
        self.logit = False  # a step with logarithms or exponentials: Z is log u, X and W unread

    def count(self, dimension: str) -> int:
        return {"M": self.m, "D": self.d, "K": self.k}[dimension]

    def _entry(self, matrix: sympy.Matrix, indices: tuple[str, ...]) -> sympy.Expr:
        at = [self.env[letter] for letter in indices]
        if matrix.cols == 1 and len(at) == 1:
            return matrix[at[0] - 1, 0]
        if len(at) != 2:
            raise _Shapes("an entry with the wrong number of indices")
        return matrix[at[0] - 1, at[1] - 1]

    @functools.cached_property
    def by_logits(self) -> sympy.Matrix:
        """∂L/∂z_{mj}, differentiated by SymPy, with e^{z} written u."""
        exps = {sympy.exp(self.z[i, j]): self.u[i, j] for i in range(self.m) for j in range(self.k)}
        return sympy.Matrix(
            self.m, self.k, lambda i, j: sympy.diff(self.l_of_z, self.z[i, j]).xreplace(exps)
        )

    def gradient(self, name: str) -> sympy.Matrix:
        if name not in self._gradients:
            self._gradients[name] = self._gradient(name)
        return self._gradients[name]

    def _gradient(self, name: str) -> sympy.Matrix:
        if name == self.batch.logits:
            return self.by_logits
        variable = self.w if name == self.batch.weights else self.b
        return sympy.Matrix(
            variable.rows,
            variable.cols,
            lambda a, c: sum(
                self.by_logits[i, j] * sympy.diff(self.linear[i, j], variable[a, c])
                for i in range(self.m)
                for j in range(self.k)
            ),
        )

    def value(self, node: _Node, transposed: bool) -> sympy.Matrix | sympy.Expr:
        b = self.batch
        if node.kind in IN_LOGITS:
            return self._logit_value(node, transposed)
        if node.kind == "gradient":
            g = self.gradient(node.name)
            if node.indices:
                return self._entry(g, node.indices)
            return g.T if transposed and node.name == b.weights else g
        if node.kind == "total":
            index = node.name
            terms = []
            for value in range(1, self.count(self.ranges[index]) + 1):
                self.env[index] = value
                terms.append(self.value(node.parts[0], transposed))
            del self.env[index]
            if any(_is_m(t) for t in terms):
                raise _Shapes("a sum of matrices over an index")
            return sympy.Add(*terms)
        if node.kind == "number":
            return sympy.Integer(node.name)
        if node.kind == "name" and node.indices:
            if node.name == "M":
                raise _Shapes("M is a number")
            return self._entry(self.value(_Node("name", name=node.name), transposed), node.indices)
        if node.kind == "name" and self.logit:
            if node.name in (b.inputs, b.weights, b.bias):
                raise _Shapes("the inputs beside logarithms of the logits")  # Z is log u here
            if node.name == b.logits:
                return self.u.applyfunc(sympy.log)
        if node.kind == "name":
            return {
                b.inputs: self.x,
                b.weights: self.w,
                b.logits: self.linear,
                b.probabilities: self.p,
                b.targets: self.y,
                b.bias: self.b,
                "M": sympy.Integer(self.m),
            }[node.name]
        if node.kind == "negate":
            return -self.value(node.parts[0], transposed)
        if node.kind == "transpose":
            inner = node.parts[0]
            if inner.kind == "ones":
                return _Ones(True)
            value = self.value(inner, transposed)
            if not isinstance(value, sympy.MatrixBase):
                raise _Shapes("a transposed number")
            return value.T
        if node.kind == "ones":
            return _Ones(False)
        if node.kind == "fraction":
            top, bottom = (self.value(part, transposed) for part in node.parts)
            if isinstance(bottom, sympy.MatrixBase) or isinstance(top, _Ones):
                raise _Shapes("a fraction with a matrix below")
            return top / bottom
        if node.kind == "sum":
            values = [self.value(part, transposed) for part in node.parts]
            total = values[0]
            for value in values[1:]:
                if _is_m(total) != _is_m(value) or (_is_m(total) and _fit(total) != _fit(value)):
                    total, value = _vectors_alike(total, value)
                total = total + value
            return total
        assert node.kind == "product"
        values = [self.value(part, transposed) for part in node.parts]
        for i, value in enumerate(values):
            if isinstance(value, _Ones):
                values[i] = value.resolved(values[i - 1] if i else None, values[i + 1 :], self.m)
        total = values[0]
        for value in values[1:]:
            if _is_m(total) and _is_m(value) and total.cols != value.rows:
                raise _Shapes(f"{total.rows}×{total.cols} times {value.rows}×{value.cols}")
            total = total * value
        return total

    def _logit_value(self, node: _Node, transposed: bool) -> sympy.Expr:
        """The loss, or a logarithm or exponential of a number, with each logit z = log u."""
        if not self.logit:
            raise _Shapes("a logarithm outside a step read in the logits")
        if node.kind == "loss":
            logs = {self.z[i]: sympy.log(self.u[i]) for i in range(len(self.z))}
            return self.l_of_z.xreplace(logs)
        inner = self.value(node.parts[0], transposed)
        if _is_m(inner) or isinstance(inner, _Ones):
            raise _Shapes("a logarithm or exponential of a matrix")
        if node.kind == "log":
            return sympy.log(inner)
        return sympy.exp(inner).expand(power_exp=True, mul=False, multinomial=False, log=False)


@functools.lru_cache(maxsize=64)
def _sized(batch: Batch, m: int, d: int, k: int, loss: str) -> _Size:
    return _Size(batch, m, d, k, loss)


@dataclass(frozen=True)
class _Ones:
    transposed: bool

    def resolved(self, before, after, m: int) -> sympy.Matrix:
        following = next((v for v in after if _is_m(v)), None)
        if self.transposed:
            n = following.rows if following is not None else m
            return sympy.ones(1, n)
        n = before.cols if _is_m(before) else m
        return sympy.ones(n, 1)


# ------------------------------------------------------------------ the verdict


def _verdict(batch: Batch, lhs: _Node, rhs: _Node) -> tuple[str, str]:
    layouts = (False, True) if _whole_gradient(batch, lhs, rhs) else (False,)
    readings = [(loss, transposed) for loss in batch.losses for transposed in layouts]
    held, failed, needs_labels, fitted = [], [], [], 0
    for loss, transposed in readings:
        sizes_fit, failure, holds, labels = [], None, True, False
        for m, d, k in SIZES:
            size = _sized(batch, m, d, k, loss)
            entries = _differences(size, lhs, rhs, transposed)
            if entries is None:
                continue
            sizes_fit.append((m, d, k))
            if _holds(size, entries, {}):
                continue
            if _holds(size, entries, _rows_sum_to_one(size)):
                labels = True
                continue
            holds = False
            failure = failure or _counterexample(size, entries)
        if not sizes_fit:
            continue
        fitted += 1
        if holds:
            (needs_labels if labels else held).append((loss, transposed, sizes_fit))
        elif failure:
            failed.append((loss, transposed, failure))
    if held or (needs_labels and batch.one_hot):
        loss, transposed, sizes = (held or needs_labels)[0]
        given = " given each row of Y sums to 1" if not held else ""
        sized = _sizes(sizes, batch.count)
        return "holds", f"holds at {sized}{given}{_reading(batch, loss, transposed)}"
    if needs_labels:
        return "not checked", (
            "not checked: holds if each row of the targets sums to 1 (one-hot), which the "
            "document does not state"
        )
    if not fitted:
        return "not checked", "not checked: sizes do not match at any size tried"
    if len(failed) == fitted:  # every reading whose shapes fit fails, with a counterexample
        return "fails", f"fails: {failed[0][2]}"
    return "not checked", "not checked: undecided (no exact counterexample in every reading)"


def _whole_gradient(batch: Batch, *sides: _Node) -> bool:
    """Whether a side has ∂L/∂W as a matrix, whose layout (W's shape or its transpose) the
    document may not say."""

    def has(node: _Node) -> bool:
        if node.kind == "gradient" and node.name == batch.weights and not node.indices:
            return True
        return any(has(part) for part in node.parts)

    return any(has(side) for side in sides)


def _sizes(sizes: list[tuple[int, int, int]], count: str) -> str:
    return f"sizes ({count}, D, K) = " + ", ".join(f"({m}, {d}, {k})" for m, d, k in sizes)


def _reading(batch: Batch, loss: str, transposed: bool) -> str:
    parts = []
    if len(batch.losses) > 1:
        parts.append(f"with L the batch {loss} of the cross-entropy")
    if transposed:
        parts.append(f"with ∂L/∂{batch.weights} laid out as the transpose of {batch.weights}")
    return (", " + ", ".join(parts)) if parts else ""


__all__ = ["SIZES", "Batch"]
