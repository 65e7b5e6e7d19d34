"""The network of :mod:`symsoft.reading.notation.layered` at one depth and batch size, as
exact expressions; its point (a real one) and the exact test of an entry of a step."""

from __future__ import annotations

import functools

import sympy

UNITS = 2


class _Unread(Exception):
    """A side says what this network does not read."""


class Model:
    """The network at one depth and batch size. Each layer's Z is a matrix of its own symbols
    (any Z is reached: a layer's weights and bias are free), its A the activation of them; the
    cost is built from the last A, and every gradient comes from SymPy's derivatives of these
    definitions, put together by the chain rule layer by layer."""

    def __init__(self, depth: int, m: int) -> None:
        self.depth, self.m = depth, m
        n = UNITS
        self.x, self.y = _matrix("x", n, m), _matrix("y", n, m)
        self.w = {k: _matrix(f"w{k}", n, n) for k in range(1, depth + 1)}
        self.b = {k: _matrix(f"b{k}", n, 1) for k in range(1, depth + 1)}
        self.z = {k: _matrix(f"z{k}", n, m) for k in range(1, depth + 1)}
        # every activation an unknown function: the text's own are not read (review 63b)
        self.functions = {k: sympy.Function(f"g{k}") for k in range(1, depth + 1)}
        self.a = {0: self.x} | {k: self.z[k].applyfunc(self.functions[k]) for k in self.z}

    def _linear(self, k: int, u: int, j: int) -> sympy.Expr:
        """Entry (u, j) of W^[k] A^[k-1] + b^[k]: what Z^[k] is made of."""
        row = self.w[k].row(u)
        return sum((row[i] * self.a[k - 1][i, j] for i in range(row.cols)), self.b[k][u])

    def cost(self, a_last: sympy.Matrix) -> sympy.Expr:
        """J, the mean of an unknown loss of each example's output and target."""
        ell = sympy.Function("ell")
        return sympy.Add(*(ell(*a_last.col(j), *self.y.col(j)) for j in range(self.m))) / self.m

    @functools.cached_property
    def by_output(self) -> sympy.Matrix:
        """∂J/∂A^[L]: the cost differentiated by symbols in the place of the last A."""
        shape = self.a[self.depth].shape
        place = _matrix("o", *shape)
        cost = self.cost(place)
        back = dict(zip(place, self.a[self.depth], strict=True))
        return place.applyfunc(lambda s: _atoms(sympy.diff(cost, s)).xreplace(back))

    @functools.cache  # noqa: B019 (a model lives as long as its cache)
    def by_z(self, k: int) -> sympy.Matrix:
        """∂J/∂Z^[k] by the chain rule: through A^[L] at the last layer, else through Z^[k+1]."""
        n, m = self.z[k].shape
        if k == self.depth:
            out, a = self.by_output, self.a[k]
            return sympy.Matrix(
                n,
                m,
                lambda i, j: sum(
                    out[u, j] * sympy.diff(a[u, j], self.z[k][i, j]) for u in range(n)
                ),
            )
        upper = self.by_z(k + 1)
        return sympy.Matrix(
            n,
            m,
            lambda i, j: sum(
                upper[u, j] * sympy.diff(self._linear(k + 1, u, j), self.z[k][i, j])
                for u in range(upper.rows)
            ),
        )

    def by_a(self, k: int) -> sympy.Matrix:
        """∂J/∂A^[k]: at the last layer the cost's own, else through Z^[k+1]."""
        if k == self.depth:
            return self.by_output
        if k < 1:
            raise _Unread
        upper, place = self.by_z(k + 1), sympy.Symbol("a_place")
        n, m = self.a[k].shape
        return sympy.Matrix(
            n,
            m,
            lambda i, j: sum(
                upper[u, j]
                * sympy.diff(self._linear(k + 1, u, j).subs(self.a[k][i, j], place), place)
                for u in range(upper.rows)
            ),
        )

    def gradient(self, letter: str, layer: int) -> sympy.Matrix:
        """∂J/∂ of a layer's W, b, Z or A."""
        if letter == "Z" and layer >= 1:
            return self.by_z(layer)
        if letter == "A":
            return self.by_a(layer)
        if letter not in "WB" or layer < 1:
            raise _Unread
        variable = self.w[layer] if letter == "W" else self.b[layer]
        by_z = self.by_z(layer)
        return variable.applyfunc(
            lambda v: sum(
                by_z[u, j] * sympy.diff(self._linear(layer, u, j), v)
                for u in range(by_z.rows)
                for j in range(self.m)
            )
        )

    def point(self) -> dict[sympy.Symbol, sympy.Expr]:
        """A point of the network: rational inputs, weights, biases and targets, and each
        layer's Z computed from them (unknown functions made polynomials): a real one."""
        values: dict[sympy.Symbol, sympy.Expr] = {}
        names = [*self.x, *self.y, *(v for k in self.w for v in (*self.w[k], *self.b[k]))]
        for i, name in enumerate(names):
            values[name] = _VALUES[i % len(_VALUES)]
        for name in self.y:
            values[name] = abs(values[name])  # targets in [0, 1]
        for k in self.z:
            for u in range(self.z[k].rows):
                for j in range(self.m):
                    value = _concrete(self._linear(k, u, j)).xreplace(values)
                    values[self.z[k][u, j]] = value
        return values


def _atoms(expr: sympy.Expr) -> sympy.Expr:
    """The unknown loss's partial derivatives as functions of their own (ell_1(…)), so that
    putting the activations in for its arguments keeps them atoms."""
    found = {}
    for derivative in expr.atoms(sympy.Derivative):
        inner = derivative.expr
        if isinstance(inner, sympy.core.function.AppliedUndef) and len(derivative.variables) == 1:
            at = inner.args.index(derivative.variables[0]) + 1
            found[derivative] = sympy.Function(f"{type(inner).__name__}_{at}")(*inner.args)
    return expr.xreplace(found)


def _matrix(name: str, rows: int, cols: int) -> sympy.Matrix:
    return sympy.Matrix(rows, cols, lambda i, j: sympy.Symbol(f"{name}_{i + 1}{j + 1}"))


_VALUES = [
    sympy.Rational(p, q)
    for p, q in (
        (1, 2),
        (-1, 3),
        (2, 5),
        (3, 4),
        (-2, 7),
        (1, 5),
        (5, 6),
        (-3, 5),
        (2, 3),
        (-1, 4),
        (3, 7),
        (1, 6),
    )
]
_T = sympy.Symbol("t")
_ACTIVATION_POLYNOMIAL = _T**2 / 3 + _T / 2 + sympy.Rational(1, 5)


def _loss_polynomial(n: int) -> tuple[tuple, sympy.Expr]:
    a, y = sympy.symbols(f"a1:{n + 1}"), sympy.symbols(f"u1:{n + 1}")
    value = sum((a[i] - y[i]) ** 2 + a[i] * y[i] / 3 for i in range(n)) + a[0] * a[-1] / 5
    return (*a, *y), value


def _concrete(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with each unknown function made a polynomial: an activation g (and g'), the
    loss ell (and its partial derivatives ell_k): the functions of a counterexample."""
    found: dict[sympy.Basic, sympy.Expr] = {}
    for derivative in expr.atoms(sympy.Derivative):
        inner = derivative.expr
        if isinstance(inner, sympy.core.function.AppliedUndef) and type(inner).__name__[0] == "g":
            slope = sympy.diff(_ACTIVATION_POLYNOMIAL, _T)
            found[derivative] = slope.subs(_T, inner.args[0])
    for applied in expr.atoms(sympy.core.function.AppliedUndef):
        name = type(applied).__name__
        if name[0] == "g":
            found[applied] = _ACTIVATION_POLYNOMIAL.subs(_T, applied.args[0])
        elif name.startswith("ell"):
            names, value = _loss_polynomial(len(applied.args) // 2)
            if "_" in name:
                value = sympy.diff(value, names[int(name.split("_")[1]) - 1])
            found[applied] = value.subs(dict(zip(names, applied.args, strict=True)))
    replaced = expr.xreplace(found)
    return _concrete(replaced) if replaced != expr and _unknown(replaced) else replaced


def _unknown(expr: sympy.Expr) -> bool:
    return bool(expr.atoms(sympy.core.function.AppliedUndef)) or expr.has(sympy.Derivative)


def _exact_zero(difference: sympy.Expr) -> bool:
    """Whether the difference is 0 for every value of its symbols and of the unknown functions:
    e^{c z} written u_z^c (a rational function then), tanh by exponentials, each unknown
    function's value and derivative an atom of its own; exact cancellation."""
    expr = difference.rewrite(sympy.exp) if difference.has(sympy.tanh) else difference
    atoms = {}
    for derivative in expr.atoms(sympy.Derivative):
        atoms[derivative] = sympy.Dummy("d")
    expr = expr.xreplace(atoms)
    applied = {f: sympy.Dummy("f") for f in expr.atoms(sympy.core.function.AppliedUndef)}
    expr = expr.xreplace(applied)
    powers = {}
    for power in expr.atoms(sympy.exp):
        argument = sympy.expand(power.args[0])
        symbols = argument.free_symbols
        if len(symbols) != 1:
            return False
        (symbol,) = symbols
        coefficient = sympy.cancel(argument / symbol)
        if not coefficient.is_Rational or sympy.expand(argument - coefficient * symbol) != 0:
            return False
        u = sympy.Symbol(f"u_{symbol}", positive=True)
        powers[power] = u**coefficient
    expr = expr.xreplace(powers)
    if expr.has(sympy.exp, sympy.log):
        return False
    numerator, _ = sympy.fraction(sympy.together(expr))
    return sympy.expand(numerator) == 0


def entry_verdict(
    left: sympy.Expr, right: sympy.Expr, point: dict[sympy.Symbol, sympy.Expr]
) -> tuple[str, str]:
    """("holds" | "fails" | "fails-unknown" | "undecided", the values at the point)."""
    difference = left - right
    if difference == 0:
        return "holds", ""
    values = [_concrete(side).xreplace(point).evalf(40) for side in (left, right)]
    gap = abs(values[0] - values[1])
    if gap.is_number and gap > sympy.Float(1e-20) * (1 + abs(values[0]) + abs(values[1])):
        shown = f"left side {sympy.N(values[0], 12)}, right side {sympy.N(values[1], 12)}"
        return ("fails-unknown" if _unknown(difference) else "fails"), shown
    return ("holds", "") if _exact_zero(difference) else ("undecided", "")
