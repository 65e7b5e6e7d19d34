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
_SUBSCRIPT = lazy(r"_\s*(?:\{\s*([a-zA-Z](?:\s*,?\s*[a-zA-Z])*)\s*\}|([a-z])(?![a-zA-Z]))")


def _letters(text: str) -> set[str]:
    """The index letters ``text`` writes in subscripts (``s_i``, ``\\delta_{ik}``, ``W_{i,j}``)."""
    return {c for a, b in _SUBSCRIPT.findall(text) for c in (a or b) if c.islower()}


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
    """An index the text sums elsewhere without writing the sum (after the chain rule
    ``\\frac{∂c}{∂s_i} \\frac{∂s_i}{∂x_n}``, a row ``-\\delta_{ik}(\\delta_{in} - s_n)``) that
    is free on one side only, under no written sum there: (the letter, 0 for the left side or 1
    for the right); None when there is none.  Read free, a flag may rest on a reading the
    author never meant; the other side may write it only under a sum of its own."""
    for number, (side, other) in enumerate(((lhs, rhs), (rhs, lhs))):
        for letter in sorted(_letters(side) & implied):
            if _summed(letter, side) or (letter in _letters(other) and not _summed(letter, other)):
                continue
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


def scoped_sums(side: str) -> tuple[str, str] | None:
    """``side`` with a sum written without parentheses taken over the terms after it that use
    its index (``\\sum_{i=1}^m y_i \\log a_i + (1 - y_i) \\log(1 - a_i)``: i free in the second
    term as written), to the end of the group the sum stands in, and the index; None when no sum
    of the side is followed by such a term."""
    for found in _SUM_HEAD.finditer(side):
        letter = _letter_of(found)
        body, end, depth, first = found.end(), len(side), 0, None
        for at in range(body, len(side)):
            char = side[at]
            if char in "({[":
                depth += 1
            elif char in ")}]":
                depth -= 1
                if depth < 0:  # the group closes: before its \\right, if any
                    right = _RIGHT.search(side, 0, at)
                    end = right.start() if right else at
                    break
            elif char in "+-" and depth == 0 and first is None and side[body:at].strip():
                first = at
        if first is None:
            continue
        alone = rf"(?<![a-zA-Z\\]){letter}(?![a-zA-Z])"
        used = re.compile(rf"_\s*(?:\{{[^{{}}]*{alone}[^{{}}]*\}}|{alone})")
        later = [
            term  # (a term with a sum of its own over the letter: bound there, not free)
            for term in _terms(side[first:end])
            if not any(_letter_of(head) == letter for head in _SUM_HEAD.finditer(term))
        ]
        if any(used.search(term) for term in later):
            return side[:body] + r" \left( " + side[body:end] + r" \right) " + side[end:], letter
    return None


# \sum_{i=1}^{m}, \sum_i, \sum\limits_{i}^{N}: the head of a sum, its index named
_SUM_HEAD = lazy(
    r"\\sum\s*(?:\\limits\s*)?_\s*(?:\{\s*(?P<braced>[a-z])\s*(?:=[^{}]*)?\}|(?P<plain>[a-z]))"
    r"\s*(?:\^\s*(?:\{[^{}]*\}|\w))?"
)
_RIGHT = lazy(r"\\right\s*$")  # (searched up to the closing character)


def _letter_of(head: re.Match[str]) -> str:
    return head.group("braced") or head.group("plain")


# "repeated indices are summed", "Einstein's summation convention"
_CONVENTION = lazy(
    r"(?i)einstein|summation\s+convention|repeated\s+ind(?:ex|ices)\s+(?:are|is)\s+summ"
)
