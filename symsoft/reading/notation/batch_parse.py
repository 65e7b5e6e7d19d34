"""A small grammar for the matrix side of a batched step (P - Y, X^T(P - Y), 1/M sums over rows):
its parse tree and the matrix names it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from symsoft.reading.notation.descent import Descent, _NotRead

if TYPE_CHECKING:
    from symsoft.reading.notation.batches import Batch


@dataclass(frozen=True)
class _Node:
    kind: str  # name, gradient, number, ones, transpose, product, sum, negate, fraction, total,
    # log, exp, loss
    parts: tuple = ()
    name: str = ""
    indices: tuple[str, ...] = ()  # an entry: X_{md}, \\frac{\\partial L}{\\partial W_{dk}}


def _parse(text: str, batch: Batch) -> _Node | None:
    """The side as a tree of matrix operations, or None when it says anything else."""
    parser = _Parser(text, batch)
    try:
        node = parser.sum()
    except _NotRead:
        return None
    return node if parser.pos == len(text) else None


class _Parser(Descent):
    def __init__(self, text: str, batch: Batch) -> None:
        super().__init__(text)
        self.batch = batch

    def node(self, kind: str, parts: tuple) -> _Node:
        return _Node(kind, parts)

    def factor(self) -> _Node:
        node = self.atom()
        while self.take("'"):
            node = _Node("transpose", (node,))
        return node

    def atom(self) -> _Node:
        b = self.batch
        loss = re.escape(b.loss) + r"(?:\([A-Za-z]\))?"
        variable = "|".join(re.escape(v) for v in (b.weights, b.logits, b.bias) if v is not None)
        gradient = self.take(
            rf"\\frac\{{\\partial~?{loss}\}}\{{\\partial~?({variable})\}}"
            rf"|\\nabla_(?:\{{({variable})\}}|({variable})){loss}"
        )
        if gradient:
            name = next(g for g in gradient.groups() if g)
            return _Node("gradient", name=name)
        entry = self.take(rf"\\frac\{{\\partial~?{loss}\}}\{{\\partial~?({variable})_{_INDICES}\}}")
        if entry:
            return _Node("gradient", name=entry.group(1), indices=_letters(entry))
        if self.take(r"\\(?:log|ln)(?![a-zA-Z])~?"):
            return _Node("log", (self.factor(),))  # \log P_{mk}, \log\sum_j e^{Z_{mj}}
        if self.take(r"\\exp(?![a-zA-Z])~?"):
            return _Node("exp", (self.factor(),))
        if self.take(r"e\^(?=\{)"):
            return _Node("exp", (self.atom(),))  # e^{Z_{mk}}
        if self.take(re.escape(b.loss) + r"(?:\([A-Za-z]\))?(?![_^\w(])"):
            return _Node("loss")  # the loss itself, written in the logits: L = -\frac{1}{M}…
        summed = self.take(r"\\sum_(?:\{([a-z])(?:=1)?\}|([a-z]))(?:\^(?:\{([MDK])\}|([MDK])))?")
        if summed:
            body = self.product()
            index, bound = summed.group(1) or summed.group(2), summed.group(3) or summed.group(4)
            return _Node("total", (body,), name=index, indices=(bound,) if bound else ())
        if self.take(r"\\frac\{"):
            top = self.sum()
            if not self.take(r"\}\{"):
                raise _NotRead
            bottom = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return _Node("fraction", (top, bottom))
        if self.take(r"[({]"):
            opened = self.text[self.pos - 1]
            inner = self.sum()
            if not self.take(r"\)" if opened == "(" else r"\}"):
                raise _NotRead
            return inner
        if self.take("𝟙"):
            return _Node("ones")  # \mathbf{1}: a vector of ones
        number = self.take(r"\d+(?![\d_^])")
        if number:
            return _Node("number", name=number.group())
        names = [b.inputs, b.weights, b.logits, b.probabilities, b.targets, "M"]
        if b.bias:
            names.append(b.bias)
        name = self.take("(?:" + "|".join(re.escape(n) for n in names) + r")(?![_^\w])")
        if name:
            return _Node("name", name=name.group())
        named = "|".join(re.escape(n) for n in names if n != "M")
        entry = self.take(rf"({named})_{_INDICES}")
        if entry:
            return _Node("name", name=entry.group(1), indices=_letters(entry))
        raise _NotRead


_INDICES = r"(?:\{([a-z]),?([a-z])?\}|([a-z]))"


def _letters(found: re.Match[str]) -> tuple[str, ...]:
    return tuple(g for g in found.groups()[1:] if g)


IN_LOGITS = ("log", "exp", "loss")
"""The kinds of a side read with each logit z = log u (X and W then unread)."""


def has_kind(node: _Node, kinds: tuple[str, ...]) -> bool:
    """Whether ``node`` or a part of it is of one of ``kinds``."""
    return node.kind in kinds or any(has_kind(part, kinds) for part in node.parts)


def _is_matrix(node: _Node, batch: Batch) -> bool:
    if node.kind in ("gradient", "ones", "loss"):
        return True
    if node.kind == "name":
        return node.name not in ("M",)
    return any(_is_matrix(part, batch) for part in node.parts)
