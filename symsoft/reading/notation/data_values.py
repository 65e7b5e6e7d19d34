"""The value of a side at one size of the data matrix: m samples, d features.

The unknowns are the linear scores ``a_i = θ^T x^{(i)}`` of the samples (the entries of ``Xθ``)
and, with a bias, ``b``; ``e^{a_i}`` is the positive symbol ``u_i`` (and ``e^{b}`` is ``v``), so
the logistic function and its derivatives are rational.  ``X`` (m × d) and ``y`` are symbols.
A derivative by ``θ_j`` is the chain rule through the scores, ``Σ_i ∂/∂a_i · X_{ij}``, applied
by SymPy to the side's value: mechanical, never the known answer.  Since ``d ≥ m`` at every
size used and ``X`` is taken of full row rank, every vector of scores is reached by some ``θ``, so
an identity in independent ``a`` (or ``u``) is exactly the identity of the model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sympy

from symsoft.reading.notation.data_parse import Term, _NotRead

if TYPE_CHECKING:
    from symsoft.reading.notation.data_model import DataModel


@dataclass(frozen=True)
class _Parameter:
    transposed: bool = False


@dataclass
class Size:
    """The model at m samples and d features; ``env`` gives each index letter its value."""

    model: DataModel
    m: int
    d: int
    position: int
    env: dict[str, int] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # "sample" or "feature" of each letter

    def __post_init__(self) -> None:
        m, d = self.m, self.d
        self.x = sympy.Matrix(m, d, lambda i, j: sympy.Symbol(f"X_{i + 1}{j + 1}"))
        if self.model.intercept:  # θ_0 + θ_1 x: a column of ones before the feature
            self.x[:, 0] = sympy.ones(m, 1)
        self.y = sympy.Matrix(m, 1, lambda i, _: sympy.Symbol(f"y_{i + 1}"))
        self.a = [sympy.Symbol(f"a_{i + 1}") for i in range(m)]
        self.u = [sympy.Symbol(f"u_{i + 1}", positive=True) for i in range(m)]
        self.b = sympy.Symbol("b")
        self.v = sympy.Symbol("v", positive=True)
        self.depth = 0
        self.parameter, self.bias = self.model.parameter_at(self.position)
        self.count = self.model.count_at(self.position)
        # the length of a row of the samples where X has one column per sample (0: none)
        self.sample_row = m if self.model.columns else 0

    # ------------------------------------------------------------------ exponentials

    def exp(self, value: sympy.Expr) -> sympy.Expr:
        """e^{value} for a value linear in the scores and the bias with integer coefficients."""
        value = sympy.expand(value)
        out = sympy.Integer(1)
        rest = value
        for symbol, power in [*zip(self.a, self.u, strict=True), (self.b, self.v)]:
            c = value.coeff(symbol)
            if c != 0:
                if not (c.is_Integer):
                    raise _NotRead
                out *= power**c
                rest -= c * symbol
        rest = sympy.expand(rest)
        if rest.free_symbols:
            raise _NotRead  # e to a power of the data: not read here
        return out * sympy.exp(rest)

    def derivative(self, value: sympy.Expr, variable: str, index: int | None) -> sympy.Expr:
        """∂value/∂θ_index (or ∂/∂b), by the chain rule through the scores."""
        if variable == "b":
            return sympy.diff(value, self.b) + self.v * sympy.diff(value, self.v)
        assert index is not None
        return sum(
            (
                (sympy.diff(value, a) + u * sympy.diff(value, u)) * self.x[i, index - 1]
                for i, (a, u) in enumerate(zip(self.a, self.u, strict=True))
            ),
            sympy.Integer(0),
        )

    # ------------------------------------------------------------------ values

    def value(self, term: Term) -> Any:  # noqa: C901 - one branch per kind
        self.depth += 1
        try:
            if self.depth > 60:
                raise _NotRead
            return self._value(term)
        finally:
            self.depth -= 1

    def _value(self, term: Term) -> Any:  # noqa: C901, PLR0911, PLR0912
        kind = term.kind
        if kind == "number":
            return sympy.Integer(term.name)
        if kind == "ones":
            return sympy.ones(self.m, 1)
        if kind == "name":
            return self.model.name_value(self, term)
        if kind == "neg":
            return -_checked(self.value(term.parts[0]))
        if kind == "plus":
            values = [_checked(self.value(part)) for part in term.parts]
            total = values[0]
            for value in values[1:]:
                total = _add(total, value, self.sample_row)
            return total
        if kind == "product":
            return self._product([self.value(part) for part in term.parts])
        if kind == "frac":
            top, bottom = (self.value(part) for part in term.parts)
            if _is_matrix(bottom) or isinstance(top, _Parameter) or isinstance(bottom, _Parameter):
                raise _NotRead
            return top / bottom
        if kind == "pow":
            base = _checked(self.value(term.parts[0]))
            if _is_matrix(base):
                raise _NotRead
            return base ** sympy.Integer(term.parts[1].name)
        if kind == "transpose":
            inner = self.value(term.parts[0])
            if isinstance(inner, _Parameter):
                return _Parameter(not inner.transposed)
            if not _is_matrix(inner):
                raise _NotRead
            return inner.T
        if kind in ("log", "exp", "apply"):
            return self._function(term)
        if kind == "sum":
            return self._sum(term)
        if kind == "diff":
            return self._derivative(term)
        if kind == "score" and self.model.intercept and term.name == self.parameter:
            x = term.parts[0]  # θ_0 + θ_1 x^{(i)}: the score of sample i
            sample = self.env.get(x.tag or x.sub or "@x") if x.name == "x" else None
            if sample is None:
                raise _NotRead
            return self.a[sample - 1]
        raise _NotRead

    def _function(self, term: Term) -> Any:
        if term.kind == "apply" and term.name not in ("σ",) + self.model.logistic_names:
            return self.model.apply(self, term)
        if term.kind == "apply" and term.name == "σ" and not self.model.sigma_logistic:
            raise _NotRead  # "here σ is the hyperbolic tangent"
        inner = _checked(self.value(term.parts[0]))
        if term.kind == "log":
            function = sympy.log
        elif term.kind == "exp":
            function = self.exp
        else:
            function = self.sigmoid
        if _is_matrix(inner):
            if 1 not in inner.shape:
                raise _NotRead  # σ of a matrix: element-wise, yet not read here
            return inner.applyfunc(function)
        return function(inner)

    def sigmoid(self, value: sympy.Expr) -> sympy.Expr:
        return 1 / (1 + self.exp(-value))

    def _sum(self, term: Term) -> Any:
        letter = term.name
        if letter in self.env:
            raise _NotRead
        count = self.model.range_of(self, letter, term.upper)
        total: Any = sympy.Integer(0)
        for value in range(1, count + 1):
            self.env[letter] = value
            total = (
                _add(total, _checked(self.value(term.parts[0])), self.sample_row)
                if value > 1
                else (_checked(self.value(term.parts[0])))
            )
        del self.env[letter]
        return total

    def _derivative(self, term: Term) -> Any:
        call = self.model.bare_call(term.parts[0], self.position)
        operand = _checked(self.value(call or term.parts[0]))
        if _is_matrix(operand):
            raise _NotRead  # a Jacobian: not read here
        variable = term.name
        if variable == "b":
            if term.sub or not self.bias:
                raise _NotRead
            return self.derivative(operand, "b", None)
        if variable != self.parameter:
            raise _NotRead
        if term.sub.isdigit():  # ∂/∂w_1: the first feature's weight, at sizes with that many
            index = int(term.sub) + 1 if self.model.intercept else int(term.sub)
            if not 0 < index <= self.d:
                raise _NotRead
            return self.derivative(operand, variable, index)
        if self.model.intercept:
            raise _NotRead  # ∂/∂θ_j, ∇_θ beside θ_0 + θ_1 x: not read
        if term.sub:
            if term.sub not in self.env:
                raise _NotRead
            return self.derivative(operand, variable, self.env[term.sub])
        return sympy.Matrix(self.d, 1, lambda j, _: self.derivative(operand, variable, j + 1))

    def _product(self, values: list) -> Any:
        out = values[0]
        for value in values[1:]:
            out = self._times(out, value)
        return _checked(out)

    def _times(self, left: Any, right: Any) -> Any:
        if isinstance(right, _Parameter) and not right.transposed and _is_matrix(left):
            if left.shape == self.x.shape and left == self.x:
                return sympy.Matrix(self.a)  # Xθ: the scores
            if left.shape[0] != 1:
                raise _NotRead  # (x_i^T β, a row times the parameters: below)
        if isinstance(left, _Parameter) and left.transposed and _is_matrix(right):
            if self.model.columns and right.shape == (self.d, self.m) and right == self.x.T:
                return sympy.Matrix([self.a]).reshape(1, self.m)  # w^T X: the scores as a row
            return self._score_of(right)
        if _is_matrix(left) and left.shape[0] == 1 and isinstance(right, _Parameter):
            if right.transposed:
                raise _NotRead
            return self._score_of(left.T)
        if isinstance(left, _Parameter) or isinstance(right, _Parameter):
            raise _NotRead
        if _is_matrix(left) and _is_matrix(right):
            if left.shape[1] != right.shape[0]:
                raise _NotRead
            product = left * right
            return product[0, 0] if product.shape == (1, 1) else product
        return left * right

    def _score_of(self, vector: sympy.Matrix) -> sympy.Expr:
        """θ^T x for x a sample's vector: the score a_i of that sample."""
        for i in range(self.m):
            if vector.shape == (self.d, 1) and vector == self.x.row(i).T:
                return self.a[i]
        raise _NotRead


def _is_matrix(value: Any) -> bool:
    return isinstance(value, sympy.MatrixBase)


def _checked(value: Any) -> Any:
    if isinstance(value, _Parameter):
        raise _NotRead  # θ alone: only θ^T x and Xθ are read
    return value


def _add(left: Any, right: Any, rows: int = 0) -> Any:
    if _is_matrix(left) != _is_matrix(right):
        # Xθ + b, 1 - ŷ: a number added to every entry of a column (the only reading of a
        # number beside a vector of the samples); beside a matrix or a row, not read, but for
        # a row of ``rows`` entries (the samples, where X has one column per sample: w^T X + b)
        column, number = (left, right) if _is_matrix(left) else (right, left)
        if isinstance(number, _Parameter):
            raise _NotRead
        if rows and column.shape == (1, rows):
            return column + sympy.ones(1, rows) * number
        if column.shape[1] != 1:
            raise _NotRead
        return column + sympy.ones(column.shape[0], 1) * number
    if _is_matrix(left) and left.shape != right.shape:
        raise _NotRead
    return left + right


@functools.lru_cache(maxsize=1)
def parameter() -> _Parameter:
    return _Parameter()


__all__ = ["Size", "parameter"]
