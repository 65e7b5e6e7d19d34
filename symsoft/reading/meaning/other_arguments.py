"""A function of several numbers called at other arguments: ``L(\\hat{y}, y) = -(y \\log
\\hat{y} + (1 - y) \\log(1 - \\hat{y}))`` defined, then ``J = \\frac{1}{m} \\sum_i L(\\hat{y}_i,
y_i)``.  The call is the definition's value with each parameter put as its argument, all at
once (function notation says no more).  Only where every parameter is a name the value writes
as a number (no entry of it: ``H(p, q) = -\\sum_k p_k \\log q_k`` is of vectors) and the call
has as many arguments; else the call is not read, as before."""

from __future__ import annotations

import re

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.brackets import matching, split_top_level
from symsoft.reading.documents.word_names import word_of
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.meaning.arguments import SEVERAL_DEFINED
from symsoft.reading.meaning.table import Meanings


def called_at(match: re.Match[str], defined: str, meanings: Meanings) -> sympy.Expr:
    """The value of the call ``match`` (name, primes, arguments) of a function the text defines
    as ``defined`` (``L(\\hat{y}, y)``) at other arguments; Unreadable when it is not read."""
    name, written = match.group(1), match.group(3)
    several = SEVERAL_DEFINED.get()
    unread = Unreadable(
        f"ambiguous {match.group().strip()!r}: the text defines {defined} at other arguments; "
        "another function of the same name, or the same at another point? not read",
        match.start(),
    )
    opening = defined.find("(")
    if opening < 0 or matching(defined, opening) != len(defined.rstrip()):
        raise unread
    parameters = split_top_level(defined[opening + 1 : len(defined.rstrip()) - 1], ",")
    arguments = split_top_level(written, ",")
    meaning = meanings.table.get(word_of(name).lstrip("\\"))
    if len(parameters) < 2 or len(parameters) != len(arguments) or meaning is None:
        raise unread
    if name in several or re.sub(r"\s+", "", defined[:opening]) in several:
        raise unread  # defined twice: which definition the call means is not read
    try:
        symbols = [parse_expression(p, open_names=True) for p in parameters]
        values = [parse_expression(a, open_names=True) for a in arguments]
    except SymsoftError:
        raise unread from None
    bases = {s.base.label for s in meaning.value.atoms(sympy.Indexed)}
    if (
        len(set(symbols)) != len(symbols)
        or not all(isinstance(s, sympy.Symbol) and s in meaning.value.free_symbols for s in symbols)
        or any(s in bases for s in symbols)  # (p and p_k both: a vector)
    ):
        raise unread
    return meaning.value.xreplace(dict(zip(symbols, values, strict=True)))


def written_with_arguments(match: re.Match[str], meanings: Meanings) -> str:
    """``L(\\hat{y}, y)`` when the text defines the name of the call ``match`` so (with two
    arguments or more) and the call writes other arguments; "" when not."""
    name = match.group(1)
    meaning = meanings.table.get(word_of(name).lstrip("\\"))
    if meaning is None or meaning.index is not None or "," not in match.group(3):
        return ""
    lhs = meaning.latex.split("=", 1)[0].strip()
    opened = re.match(rf"{re.escape(name)}\s*\(", lhs)
    if opened is None or matching(lhs, opened.end() - 1) != len(lhs):
        return ""
    inside = lhs[opened.end() : -1]
    if "".join(inside.split()) == "".join(match.group(3).split()):
        return ""  # the very arguments of the definition: the name itself
    return lhs


__all__ = ["called_at", "written_with_arguments"]


def unread_call(call: str, argument: str, name: str, primes: str) -> str:
    """Why a call of a function ``name`` the document defines is not read: ``f()`` applied to
    nothing, or ``p(1 - p)`` beside ``p(z) = σ(z)``, whose argument writes ``p`` as a value (more
    likely ``p`` times ``1 - p`` than ``p`` at its own value); "" when it is read."""
    if not argument.strip():
        return f"{name} applied to nothing"
    if primes or not re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z(']|\s*\()", argument):
        return ""
    return (
        f"ambiguous {call.strip()!r}: {name} times {argument.strip()}, or the function {name} at "
        "an expression of its own value? not read"
    )
