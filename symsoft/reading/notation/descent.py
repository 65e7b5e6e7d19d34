"""The recursive-descent skeleton the small matrix grammars share (``batch_parse``,
``data_parse``): a cursor over a normalized side, signed sums of products of factors.

A grammar subclass names its tree's kinds and builds its nodes; it writes ``factor``.
"""

from __future__ import annotations

import re
from typing import Any


class _NotRead(Exception):
    """The side says something the grammar does not read."""


class Descent:
    SUM = "sum"  # the kind of a sum node
    NEGATE = "negate"  # the kind of a negated term
    STOP = r"[-+)}]"  # what ends a product

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def node(self, kind: str, parts: tuple) -> Any:
        raise NotImplementedError

    def factor(self) -> Any:
        raise NotImplementedError

    def peek(self, pattern: str) -> re.Match[str] | None:
        return re.compile(pattern).match(self.text, self.pos)

    def take(self, pattern: str) -> re.Match[str] | None:
        found = self.peek(pattern)
        if found:
            self.pos = found.end()
        return found

    def group(self) -> Any | None:
        """A sum in parentheses or braces, or None where none opens here."""
        if not self.take(r"[({]"):
            return None
        opened = self.text[self.pos - 1]
        inner = self.sum()
        if not self.take(r"\)" if opened == "(" else r"\}"):
            raise _NotRead
        return inner

    def sum(self) -> Any:
        sign = self.take(r"[-+]")
        terms = [self._signed(sign, self.product())]
        while sign := self.take(r"[-+]"):
            terms.append(self._signed(sign, self.product()))
        return terms[0] if len(terms) == 1 else self.node(self.SUM, tuple(terms))

    def _signed(self, sign: re.Match[str] | None, term: Any) -> Any:
        return self.node(self.NEGATE, (term,)) if sign and sign.group() == "-" else term

    def product(self) -> Any:
        factors = []
        while self.pos < len(self.text) and not self.peek(self.STOP):
            factors.append(self.factor())
        if not factors:
            raise _NotRead
        return factors[0] if len(factors) == 1 else self.node("product", tuple(factors))
