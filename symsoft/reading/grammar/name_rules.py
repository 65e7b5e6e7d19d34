"""The builder's rules for names and indices (``\\hat{y}_i``, ``w_{kj}``, ``x[n]``, ``z_{i-1}``),
parentheses and groups: the part of :class:`symsoft.reading.grammar.builder._Builder` that
every other rule stands on: its base class (``v_args`` applies to the methods a class defines
itself).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import sympy
from lark import Token, Transformer_NonRecursive, v_args

from symsoft.reading.documents.word_names import word_of
from symsoft.reading.grammar.symbols import (
    GREEK_NAMES,
    _index,
    _quoted,
    _Rejection,
    _single_digit,
    _symbol,
)


class _Name(NamedTuple):
    text: str
    pos: int


def _unknown_command(token: Token) -> None:
    if str(token) in ("\\cancel", "\\bcancel", "\\xcancel"):  # left only on a term struck alone
        raise _Rejection(
            "a term struck out alone: removed (0 here?) or kept? not read", token.start_pos
        )
    if str(token).replace(" ", "") == "\\text{?}":  # conditions.py: words beside a row's case
        raise _Rejection(
            "the words beside its index case may say it does not hold: not read", token.start_pos
        )
    kind = "unknown macro" if token.type == "MACRO" else "unsupported word"
    raise _Rejection(f"{kind} {_quoted(str(token))}", token.start_pos)


@v_args(inline=True)
class _NameRules(Transformer_NonRecursive):
    """Names, indices, parentheses and groups (the builder's base class)."""

    open_names: bool  # set by the builder, which also reads numbers (script_token)

    def square_root(self, radicand):
        return sympy.sqrt(radicand)

    def root_of_dimension(self, letter=None):
        """``\\sqrt{d}``, ``\\sqrt{d_k}``: the root of a dimension (attention's scale), never a
        differential d."""
        from symsoft.reading.documents.macros import DOCUMENT_MACROS, VALUED_D  # (no cycle)

        if VALUED_D in (DOCUMENT_MACROS.get() or {}):
            raise _Rejection("\\sqrt{d} in a text that gives d a value: not read", 0)
        name = f"d_{letter}" if letter is not None else "d"
        return sympy.Symbol(f"√{name}", positive=True)  # one positive number: exp(x/√d) exact

    def unknown_command(self, token):
        _unknown_command(token)

    def named(self, name, indices=()):
        return _symbol(name, indices, self.open_names)

    def name(self, token):
        if token.type == "GREEK":
            return _Name(GREEK_NAMES.get(token[1:], token[1:]), token.start_pos)
        if token.type == "ACCENTED":
            return _Name(_accented(str(token)), token.start_pos)
        if token.type == "CUT":
            return _Name(str(token), token.start_pos)
        if token.type == "LAYERED":  # a^{L-1}_k: the braces are the name's
            return _Name(str(token), token.start_pos)
        if token.type == "STARRED":  # C^*: the name Cstar
            return _Name(token[0] + "star", token.start_pos)
        if token.type == "WORD_NAME":
            # \text{CE} alone (the mark first): the word is the name; L_{CE}: L_CE
            return _Name(word_of(str(token)), token.start_pos)
        text = token.strip("{} \t\r\n")
        return _Name(text, token.start_pos + token.index(text))

    def parentheses(self, opening, expression, closing):
        _check_pair(opening, closing)
        return expression

    def group(self, expression):
        return expression

    def bracket_label(self, _value, token):
        raise _Rejection(
            f"'{' '.join(token.split())}' is a layer's label in brackets, not a power: "
            "not read here",
            token.start_pos,
        )

    def absolute(self, _opening, value, _closing):
        return sympy.Abs(value)

    def maximum(self, _opening, first, second, _closing):
        return sympy.Max(first, second)

    def braced_name(self, token):
        return _symbol(self.name(token), (), self.open_names)

    def script_token(self, token):
        _single_digit(token)
        if token.type == "NUMBER":
            return self.number(token)
        return _symbol(self.name(token), (), self.open_names)

    def indices(self, *values):
        return tuple(values)

    def bracket_indices(self, token):
        """``x[n]``, ``\\delta[n,k]``: the indices of a name written as numpy indexes arrays."""
        indices = []
        for match in re.finditer(r"[a-zA-Z0-9]+", token):
            written = Token("NUMBER" if match.group().isdigit() else "LETTER", match.group())
            written.start_pos = token.start_pos + match.start()
            if written.type == "LETTER" and len(written) > 1:
                raise _Rejection(
                    f"index {_quoted(str(written))} is not one letter", written.start_pos
                )
            indices.append(_index(written, self.open_names))
        return tuple(indices)

    def juxtaposed_indices(self, *tokens):
        for token in tokens:  # x_{i1}: row i, column 1; x_{i12}: 1 and 2, or 12? not read
            if token.type == "NUMBER" and len(token) > 1:
                raise _Rejection(
                    f"ambiguous indices '_{{{''.join(tokens)}}}': write them apart with ','",
                    token.start_pos,
                )
        return tuple(_index(token, self.open_names) for token in tokens)

    def index_token(self, token):
        _single_digit(token)
        return _index(token, self.open_names)

    def index_expr(self, *children):
        total, sign = sympy.Integer(0), 1
        for child in children:
            if child.type == "SIGN":
                sign = -1 if child == "-" else 1
            else:
                total += sign * _index(child, self.open_names)
        return total


_BOLD = ("mathbf", "boldsymbol", "bm", "vec", "pmb")


def _accented(written: str) -> str:
    """``\\hat{y}`` is the name ``yhat``, ``\\tilde p`` is ``ptilde``; bold and arrows are how a
    vector is typeset, so ``\\mathbf{p}`` is ``p`` itself."""
    match = re.fullmatch(r"\\([a-z]+)\s*\{?\s*\\?([a-zA-Z]+)\s*\}?", written)
    assert match is not None
    accent, letter = match.groups()
    if accent in _BOLD:
        return letter
    return letter + {"widehat": "hat", "widetilde": "tilde", "overline": "bar"}.get(accent, accent)


def _check_pair(opening: Token, closing: Token) -> None:
    """``\\left`` and ``\\right`` come in pairs, as LaTeX requires."""
    if opening.startswith("\\left") != closing.startswith("\\right"):
        missing = "\\right" if opening.startswith("\\left") else "\\left"
        raise _Rejection(
            f"{_quoted(str(opening))} closed by {_quoted(str(closing))}: missing {missing}",
            closing.start_pos,
        )
