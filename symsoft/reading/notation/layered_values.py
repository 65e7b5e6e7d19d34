"""The value of a side of a step on the network of :mod:`symsoft.reading.notation.layered`,
under one reading of Ng's d-names."""

from __future__ import annotations

import sympy

from symsoft.reading.notation.layered_model import Model, _Unread
from symsoft.reading.notation.layered_parse import Node


def derivative(function, entry: sympy.Expr) -> sympy.Expr:
    """The activation's derivative at ``entry``, differentiated by SymPy."""
    t = sympy.Dummy("t")
    slope = sympy.diff(function(t), t)
    if entry.is_Symbol:
        return sympy.diff(function(entry), entry)  # g'(z) as the chain rule writes it
    return (
        sympy.Subs(slope, t, entry) if isinstance(slope, sympy.Derivative) else slope.subs(t, entry)
    )


class Sides:
    """The value of a side's tree on a model, under one reading of the d-names."""

    def __init__(self, model: Model, labels: dict[str, int], convention: str) -> None:
        self.model, self.labels, self.convention = model, labels, convention
        self.examples: dict[str, int] = {}

    def value(self, node: Node):
        model = self.model
        if node.kind == "number":
            return sympy.Integer(node.name)
        if node.kind == "count":
            return sympy.Integer(model.m)
        if node.kind == "name":
            return self._name(node)
        if node.kind == "gradient":
            layer = self.labels[node.label]
            if node.example == "L" and model.m > 1:
                raise _Unread  # ∂L/∂Z^{[2]} of a batch: each example's loss, or the batch's mean?
            scale = 1  # (J the mean cost; L one example's loss, which is J where m = 1)
            return model.gradient(node.name.upper(), layer) * scale
        if node.kind == "negate":
            return -self.value(node.parts[0])
        if node.kind == "sum":
            total = self.value(node.parts[0])
            for part in node.parts[1:]:
                total = _elementwise(total, self.value(part), lambda a, b: a + b)
            return total
        if node.kind == "product":
            total = self.value(node.parts[0])
            for part in node.parts[1:]:
                value = self.value(part)
                if _is_m(total) and _is_m(value) and total.cols != value.rows:
                    # A^{[2]}(1 - A^{[2]}): two batches side by side, elementwise as Ng
                    # writes it (no matrix product fits: a batch has more columns than rows)
                    total = _elementwise(total, value, lambda a, b: a * b)
                    continue
                total = total * value
            return total
        if node.kind == "hadamard":
            left, right = (self.value(p) for p in node.parts)
            return _elementwise(left, right, lambda a, b: a * b)
        if node.kind == "fraction":
            top, bottom = (self.value(p) for p in node.parts)
            return _elementwise(top, bottom, lambda a, b: a / b)
        if node.kind == "power":
            inner = self.value(node.parts[0])
            return inner.applyfunc(lambda e: e**2) if _is_m(inner) else inner**2
        if node.kind == "apply":
            return self._applied(node)
        if node.kind == "total":
            if node.name in self.examples:
                raise _Unread
            terms = []
            for i in range(1, model.m + 1):
                self.examples[node.name] = i
                terms.append(self.value(node.parts[0]))
            del self.examples[node.name]
            total = terms[0]
            for term in terms[1:]:
                total = total + term
            return total
        raise _Unread

    def _name(self, node: Node):
        model, letter = self.model, node.name.upper()
        layer = self.labels[node.label] if node.label else 0
        if letter in "XY" and node.label:
            raise _Unread
        if node.d:
            if letter in "XY":
                raise _Unread
            per_example = letter in "ZA" and self.convention in ("ng", "transposed")
            scale = model.m if per_example or self.convention == "losses" else 1
            value = model.gradient(letter, layer) * scale
            if letter == "W" and self.convention == "transposed":
                value = value.T
        elif letter == "X" or (letter == "A" and layer == 0):
            value = model.x
        elif letter == "Y":
            value = model.y
        elif letter in "WB" and layer >= 1:
            value = (model.w if letter == "W" else model.b)[layer]
        elif letter in "ZA" and layer >= 1:
            value = (model.z if letter == "Z" else model.a)[layer]
        else:
            raise _Unread
        if node.example:
            if node.example not in self.examples or value.cols != model.m:
                raise _Unread
            value = value.col(self.examples[node.example] - 1)
        return value.T if node.transposed else value

    def _applied(self, node: Node):
        inner = self.value(node.parts[0])
        if node.name == "g":
            layer = self.labels[node.label]
            if layer < 1:
                raise _Unread
            function = self.model.functions[layer]
        elif node.name == "sigma":
            function = _sigmoid
        else:
            function = sympy.tanh
        if node.primed:
            if _is_m(inner):
                return inner.applyfunc(lambda e: derivative(function, e))
            return derivative(function, inner)
        return inner.applyfunc(function) if _is_m(inner) else function(inner)


def _is_m(value) -> bool:
    return isinstance(value, sympy.MatrixBase)


def _elementwise(left, right, operation):
    """An elementwise operation, a number spread over a matrix as numpy does (``1 - Y``)."""
    if _is_m(left) and _is_m(right):
        if left.shape != right.shape:
            raise _Unread
        return sympy.Matrix(left.rows, left.cols, lambda i, j: operation(left[i, j], right[i, j]))
    if _is_m(left):
        return left.applyfunc(lambda e: operation(e, right))
    if _is_m(right):
        return right.applyfunc(lambda e: operation(left, e))
    return operation(left, right)


def as_matrix(value) -> sympy.Matrix:
    return value if _is_m(value) else sympy.Matrix([[value]])


def _sigmoid(t: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-t))
