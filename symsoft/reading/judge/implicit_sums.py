"""A chain rule written with its sum left implicit: ``\\frac{\\partial L}{\\partial p_k}
\\frac{\\partial p_k}{\\partial z_i}``, the index k of the inner quantity repeated in two
derivatives of one side and written nowhere on the other.  Read literally, k is a free index and
the step fails; read with the sum the author may mean (Einstein's convention, or a sum simply
dropped), it may hold.  A text that never says which leaves a flag resting on one reading."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_GROUP = r"((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)"
_DERIVATIVE = lazy(
    rf"\\[dt]?frac\s*\{{\s*(?:\\partial|d)\s*{_GROUP}\}}\s*\{{\s*(?:\\partial|d)\s*{_GROUP}\}}"
)
_SUBSCRIPT = lazy(r"_\s*\{?\s*([a-z])(?![a-zA-Z])")


def _letters(text: str) -> set[str]:
    return set(_SUBSCRIPT.findall(text))


def _chained(side: str) -> set[str]:
    """The letters ``side`` repeats in a chain rule (``\\frac{∂L}{∂p_k} \\frac{∂p_k}{∂z_i}``)
    with no sum written over them."""
    found = list(_DERIVATIVE.finditer(side))
    return {
        letter
        for first in found
        for second in found
        if first is not second
        for letter in _letters(first.group(2)) & _letters(second.group(1))
        if not _summed(letter, side)
    }


def _summed(letter: str, side: str) -> bool:
    return bool(re.search(rf"\\sum\s*(?:\\limits\s*)?_\s*\{{?\s*{letter}(?![a-zA-Z])", side))


def implicit_sum(lhs: str, rhs: str) -> str:
    """Why a flag may rest on reading an implicit sum's index as free, or ""."""
    for side, other in ((lhs, rhs), (rhs, lhs)):
        for letter in sorted(_chained(side) - _letters(other)):
            return (
                f"the index {letter} is repeated in a chain rule with no sum written "
                f"(a sum over {letter} implied, perhaps), and the text does not say "
                "which reading it means"
            )
    return ""


def implied_letters(pieces: list[str]) -> set[str]:
    """The letters a text sums without writing the sum: repeated in a chain rule with no sum
    over them (every letter where the text says repeated indices are summed)."""
    letters = set().union(*(_chained(piece) for piece in pieces)) if pieces else set()
    if any(_CONVENTION.search(piece) for piece in pieces):
        letters |= set("abcdefghijklmnopqrstuvwxyz")
    return letters


def repeated_index(lhs: str, rhs: str, implied: set[str]) -> tuple[str, int] | None:
    """An index the text sums elsewhere without writing the sum (``(-\\frac{1}{s_T}
    \\delta_{iT})(s_i \\delta_{in} - s_i s_n)`` after the chain rule ``\\frac{∂c}{∂s_i}
    \\frac{∂s_i}{∂x_n}``) written on one side only, at least twice in every term of it, under no
    written sum: (the letter, 0 for the left side or 1 for the right); None when there is none.
    Read free, a flag may rest on a reading the author never meant."""
    for number, (side, other) in enumerate(((lhs, rhs), (rhs, lhs))):
        for letter in sorted((_letters(side) & implied) - _letters(other)):
            if _summed(letter, side):
                continue
            if all(len(re.findall(rf"_\s*\{{?\s*{letter}", term)) >= 2 for term in _terms(side)):
                return letter, number
    return None


def _terms(side: str) -> list[str]:
    """The terms of ``side`` at the top level (split at + and - outside any group)."""
    terms, depth, start = [], 0, 0
    for at, char in enumerate(side):
        if char in "({[":
            depth += 1
        elif char in ")}]":
            depth -= 1
        elif char in "+-" and depth == 0 and side[start:at].strip():
            terms.append(side[start:at])
            start = at + 1
    terms.append(side[start:])
    return [term for term in terms if term.strip()]


# "repeated indices are summed", "Einstein's summation convention"
_CONVENTION = lazy(
    r"(?i)einstein|summation\s+convention|repeated\s+ind(?:ex|ices)\s+(?:are|is)\s+summ"
)
