"""The letters a text writes in its subscripts and binds by its sums, read from the raw LaTeX.

The one home of the scans that run before a formula is parsed (which letters are indices, which
one a bare ``\\sum`` runs over, which index a step writes on one side only, which letter counts
the classes). ``_x`` and ``_{…}`` (no nested braces) are subscripts; ``\\sum_k``,
``\\sum_{k=1}`` and ``\\sum\\limits_k`` bind k.
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

SCRIPT = lazy(r"_\s*(?:\{([^{}]*)\}|([a-zA-Z]))")
# a subscript that is one letter, of any case (y_c, W_{K})
_WHOLE_LETTER = lazy(r"_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z])(?![A-Za-z]))")
# a subscript that starts with a lone index letter (p_j, t_{k}, x_{i,d})
_LEADING_INDEX = lazy(r"_\s*\{?\s*([i-n])\s*\}?(?![A-Za-z])")
_SUM_INDEX = lazy(r"\\sum\s*(?:\\limits\s*)?_\s*\{?\s*([a-z])")
# the upper limit of a sum when it is one letter: \sum_{j=1}^{K}, \sum^C
# an unbraced upper limit is one letter whatever follows (TeX: \sum_{k=1}^ne^{x_k} runs to n)
_SUM_UPPER = lazy(
    r"\\sum\s*(?:\\(?:no)?limits\s*)?(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?\^\s*"
    r"(?:\{\s*([A-Zndq])(?![a-zA-Z])|([A-Zndq]))"  # q: d2l's number of classes
)


def subscript_letters(text: str, letters: str = "a-z", most: int = 2) -> set[str]:
    """The lowercase letters written as indices in the subscripts of ``text``: a letter alone,
    and each letter of a run of at most ``most`` of them (``\\delta_{ij}``, ``w_{kj}``: two
    indices); ``letters`` is the alphabet a character class takes (``"i-n"``: the usual
    indices, where runs of any length are split when ``most`` is 0)."""
    run = (
        rf"(?<![a-zA-Z\\])[{letters}]{{1,{most}}}(?![a-zA-Z])"
        if most
        else (rf"(?<![A-Za-z\\])[{letters}]+(?![A-Za-z])")
    )
    found: set[str] = set()
    for script in SCRIPT.finditer(text):
        for word in re.findall(run, script.group(0)[1:]):
            found |= set(word)
    return found


def whole_letters(text: str) -> set[str]:
    """The letters (any case) that make up a whole subscript (``p_y``, ``W_{K}``)."""
    return {m.group(1) or m.group(2) for m in _WHOLE_LETTER.finditer(text)}


def leading_indices(text: str) -> set[str]:
    """The index letters i … n that start a subscript (``t_j``, ``x_{i,d}``; not ``w_{ij}``)."""
    return set(_LEADING_INDEX.findall(text))


def sum_indices(text: str) -> set[str]:
    """The letters the sums of ``text`` run over."""
    return set(_SUM_INDEX.findall(text))


# a letter with one lowercase letter as its superscript: s^i, y^{j} (not e, the exponential)
_LETTER_SUPERSCRIPT = lazy(
    r"(?<![\\A-Za-z])([A-Za-df-z])\s*\^\s*(?:\{\s*([a-z])\s*\}|([a-z])(?![A-Za-z]))"
)
_WITH_SUBSCRIPT = lazy(r"(?<![\\A-Za-z])([A-Za-z])\s*_")


def superscript_indices(text: str) -> dict[str, str]:
    """The letters ``text`` writes with a summation index as their superscript and never with a
    subscript (``\\sum_i y^i \\ln s^i``): the superscript is an index there, and a power
    elsewhere cannot be told from an entry; each letter with how it is written."""
    bound, subscripted = sum_indices(text), set(_WITH_SUBSCRIPT.findall(text))
    found: dict[str, str] = {}
    for match in _LETTER_SUPERSCRIPT.finditer(text):
        letter, index = match.group(1), match.group(2) or match.group(3)
        if index in bound and letter not in subscripted:
            found.setdefault(letter, f"{letter}^{index}")
    return found


def sum_upper_letters(text: str) -> set[str]:
    """The letters written as the upper limit of a sum (``\\sum_{j=1}^{K}``: K)."""
    return {braced or bare for braced, bare in _SUM_UPPER.findall(text)}


def has_sum_upper_letter(text: str) -> bool:
    """Whether a sum of ``text`` has a letter as its upper limit."""
    return _SUM_UPPER.search(text) is not None


def free_indices(side: str) -> set[str]:
    """The index letters i … n written in the subscripts of ``side`` and not bound by its sums."""
    return subscript_letters(side, "i-n", most=0) - sum_indices(side)


def one_sided(lhs: str, rhs: str) -> set[str]:
    """The free index letters one side of a step writes and the other does not."""
    return (free_indices(lhs) ^ free_indices(rhs)) - sum_indices(lhs + rhs)


# \sum^{K}_{k \neq i}, \prod\limits^N_{n=1}: the superscript first
_SUPERSCRIPT_FIRST = lazy(
    r"(\\(?:sum|prod)(?![a-zA-Z])\s*(?:\\[a-z]*limits\s*)?)(\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))"
    r"(\s*)(_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))"
)


# \sum_{j=1, j \neq i}^{C}: the range's start and the excluded term in one subscript
_START_AND_EXCLUSION = lazy(
    r"(\\sum\s*(?:\\[a-z]*limits\s*)?_\s*\{)\s*([a-z])\s*=\s*1\s*,\s*\2\s*"
    r"(\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*(\{\s*[a-z]\s*\}|[a-z])\s*\}"
)


def sum_scripts_in_order(text: str) -> str:
    """``text`` with every sum (and product) written ``\\sum^{K}_{k \\neq i}`` respelled
    ``\\sum_{k \\neq i}^{K}``, the order every reading of a sum's scripts expects, and every
    ``\\sum_{j=1, j \\neq i}`` (a start and an excluded term) as ``\\sum_{j \\neq i}`` (same
    length: positions after it do not move)."""
    if "^" in text:
        text = _SUPERSCRIPT_FIRST.sub(lambda m: m[1] + m[4] + m[3] + m[2], text)
    if "," in text:
        text = _START_AND_EXCLUSION.sub(_excluded_only, text)
    return text


def _excluded_only(match: re.Match[str]) -> str:
    other = match[4].strip("{} ")
    return f"{match[1]}{match[2]} \\neq {other}}}".ljust(len(match.group()))
