"""A small grammar for the matrix steps of Andrew Ng's vectorised backpropagation: names with a
layer's label in brackets (``Z^{[2]}``, ``A^{[l-1]T}``, ``W^{[L]}``, ``b^{[1]}``, one example's
``z^{[1]}``), their d-names (``dZ^{[2]}``, ``dW^{[l]}``), ``X``, ``Y``, the batch size ``m``,
elementwise products ``*`` and ``\\odot``, ``g^{[l]'}(Z^{[l]})``, ``\\sigma(Z)``, ``\\tanh(Z)``,
``\\frac{…}{…}`` and a sum over the examples, ``\\sum_{i=1}^{m} dZ^{[2](i)}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symsoft.reading.notation.descent import Descent, _NotRead


@dataclass(frozen=True)
class Node:
    """A piece of a side: ``kind`` is one of name, number, count (m), sum, negate, product,
    hadamard, fraction, power, apply (an activation or its derivative), total (a sum over
    the examples), gradient (``\\frac{\\partial J}{\\partial W^{[2]}}``)."""

    kind: str
    parts: tuple = ()
    name: str = ""  # the letter (Z, A, W, b, X, Y), the function (g, sigma, tanh), the number
    label: str = ""  # the layer's label as written: "2", "l", "l-1", "L"
    d: bool = False  # a d-name: dZ, dW
    transposed: bool = False
    example: str = ""  # the index of one example's column: dZ^{[2](i)}
    primed: bool = False  # g^{[l]'}: the activation's derivative


_LABEL = r"\[\s*([0-9]|[lL](?:\s*[-+]\s*1)?)\s*\]"
_BODY = (
    r"([ZAWbXYzaxy])(?:\^\{" + _LABEL + r"\s*(\(\s*[a-z]\s*\))?\s*(T|\\top)?\s*(2)?\s*\})?"
    r"(?:\^\{?\s*(T|\\top)\s*\}?)?(?![0-9_])"
)
_NAME = re.compile(r"(d)?" + _BODY)
_GRADIENT = re.compile(r"\\frac\{\\partial~?([JL])\}\{\\partial~?" + _BODY + r"\}")


def parse(text: str) -> Node | None:
    """The side as a tree, or None when it says anything this grammar does not read."""
    parser = _Parser(_normalized(text))
    try:
        node = parser.sum()
    except (_NotRead, RecursionError):
        return None
    return node if parser.pos == len(parser.text) else None


def _normalized(text: str) -> str:
    text = re.sub(r"\\(?:left|right|bigg?|Bigg?|displaystyle)(?![a-zA-Z])", "", text)
    text = re.sub(r"\\[dt]frac(?![a-zA-Z])", r"\\frac", text)
    text = re.sub(r"\\(?:mathcal|mathrm)\s*\{\s*([A-Za-z])\s*\}", r"\1", text)
    text = re.sub(r"\\[,;:! ]|\\q?quad(?![a-zA-Z])|\\cdot(?![a-zA-Z])", " ", text)
    text = re.sub(r"\\odot(?![a-zA-Z])", "*", text)
    text = re.sub(r"\\prime(?![a-zA-Z])", "'", text)
    text = re.sub(r"\s+", "", text)
    return text.rstrip(".,;")


class _Parser(Descent):
    STOP = r"[-+)}*]"

    def node(self, kind: str, parts: tuple) -> Node:
        return Node(kind, parts)

    def product(self) -> Node:
        node = super().product()
        while self.take(r"\*"):  # elementwise, binding like a product
            node = Node("hadamard", (node, super().product()))
        return node

    def factor(self) -> Node:
        node = self.atom()
        if squared := self.take(r"\^(?:\{2\}|2)"):
            assert squared
            node = Node("power", (node,), name="2")
        return node

    def atom(self) -> Node:
        if gradient := self.take(_GRADIENT):
            cost, letter, label, example, inner_t, square, outer_t = gradient.groups()
            if example or inner_t or square or outer_t or not label:
                raise _NotRead
            return Node("gradient", name=letter, label=label.replace(" ", ""), example=cost)
        if self.take(r"\\frac\{"):
            top = self._until(r"\}\{")
            return Node("fraction", (top, self._until(r"\}")))
        if summed := self.take(r"\\sum_\{?([a-z])(?:=1)?\}?\^\{?m\}?"):
            return Node("total", (self.factor(),), name=summed.group(1))
        if (inner := self.group()) is not None:
            return inner
        if applied := self.take(r"(g)\^\{" + _LABEL + r"('?)\}('?)\(|\\(sigma|tanh)(')?\("):
            inner = self.sum()
            if not self.take(r"\)"):
                raise _NotRead
            if applied.group(1):
                primed = bool(applied.group(3) or applied.group(4))
                return Node(
                    "apply", (inner,), "g", applied.group(2).replace(" ", ""), primed=primed
                )
            return Node("apply", (inner,), applied.group(5), primed=bool(applied.group(6)))
        if number := self.take(r"\d+(?![\d_^])"):
            return Node("number", name=number.group())
        if self.take(r"m(?![A-Za-z_^])"):
            return Node("count")
        found = self.take(_NAME)
        if found is None:
            raise _NotRead
        d, letter, label, example, inner_t, square, outer_t = found.groups()
        if label is None and letter not in "XYxy":
            raise _NotRead  # an unlabelled Z or W: not this notation
        node = Node(
            "name",
            name=letter,
            label=(label or "").replace(" ", ""),
            d=bool(d),
            transposed=bool(inner_t or outer_t),
            example=example.strip("()") if example else "",
        )
        return Node("power", (node,), name="2") if square else node

    def _until(self, closing: str) -> Node:
        inner = self.sum()
        if not self.take(closing):
            raise _NotRead
        return inner
