"""The tokens of mathematics written as plain text (``∂BCE/∂ŷ = (ŷ - y) / (ŷ(1-ŷ))``,
``dL/dz_i = p_i - y_i``, ``loss = - sum_i target_prob[i] * log_prob[i]``).

``tokens(line)`` cuts a line into :class:`Token` with their columns, or returns None when the
line holds a character that is no mathematics (a colon, a quote, a period inside a name …).
A letter with a combining accent (``x̂``, ``p̃``) or a precomposed one (``ŷ``, ``ȳ``) is one
name; Greek letters are names or, for ``∑``/``Σ``, the sum sign.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from symsoft.reading.lazy_regex import lazy


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "word", "op", "rel", "partial", "sum", "root"
    text: str  # as read: a word's letters with its accents, an operator's canonical sign
    start: int  # column in the line (0-based)
    end: int
    accents: tuple[str, ...] = ()  # "hat", "bar", "tilde", one per letter ("" for none)


GREEK = {
    "α": "\\alpha",
    "β": "\\beta",
    "γ": "\\gamma",
    "δ": "\\delta",
    "ε": "\\epsilon",
    "η": "\\eta",
    "θ": "\\theta",
    "λ": "\\lambda",
    "μ": "\\mu",
    "ξ": "\\xi",
    "π": "\\pi",
    "ρ": "\\rho",
    "σ": "\\sigma",
    "τ": "\\tau",
    "φ": "\\phi",
    "ϕ": "\\phi",
    "ω": "\\omega",
    "ℓ": "\\ell",
}

_ACCENTS = {"\u0302": "hat", "\u0303": "tilde", "\u0304": "bar", "\u0305": "bar"}

_OPERATORS = {
    "+": "+",
    "-": "-",
    "−": "-",
    "–": "-",
    "*": "*",
    "·": "*",
    "⋅": "*",
    "×": "*",
    "/": "/",
    "^": "^",
    "_": "_",
    "(": "(",
    ")": ")",
    "[": "[",
    "]": "]",
    "{": "{",
    "}": "}",
    ",": ",",
    "'": "'",
    "′": "'",
    "’": "'",  # a prime typed by a word processor: (tanh(x))’ (an opening ‘ is no token)
}

_RELATIONS = {"=": "=", "≈": "≈", "≠": "≠"}

_NUMBER = lazy(r"\d+(?:\.\d+)?")


def _letter(char: str) -> tuple[str, str] | None:
    """``(base letter, accent)`` of a letter a name may hold, or None."""
    if char in GREEK or ("a" <= char.lower() <= "z" and char.isascii()):
        return char, ""
    decomposed = unicodedata.decomposition(char).split()
    if len(decomposed) == 2 and not decomposed[0].startswith("<"):
        base, mark = (chr(int(code, 16)) for code in decomposed)
        if base.isascii() and base.isalpha() and mark in _ACCENTS:
            return base, _ACCENTS[mark]
    return None


def tokens(line: str) -> list[Token] | None:
    """The tokens of ``line``, or None when it holds anything but mathematics."""
    out: list[Token] = []
    pos = 0
    while pos < len(line):
        char = line[pos]
        if char in " \t":
            pos += 1
            continue
        if (script := _script(line, pos)) is not None:  # e⁻ᶻ, (1 + e⁻ᶻ)², wᵀ, xᵢ
            mark, inner, end = script
            if inner is None:
                return None
            grouped = len(inner) > 1
            out.append(Token("op", mark, pos, pos))
            out += [Token("op", "(", pos, pos)] if grouped else []
            out += [replace(t, start=pos + t.start, end=pos + t.end) for t in inner]
            out += [Token("op", ")", end, end)] if grouped else []
            pos = end
            continue
        number = _NUMBER.match(line, pos)
        if number is not None:
            out.append(Token("num", number.group(), pos, number.end()))
            pos = number.end()
            continue
        if _letter(char) is not None:
            start, letters, accents = pos, [], []
            while pos < len(line):
                read = _letter(line[pos])
                if read is None and line[pos].isdigit() and letters:
                    read = (line[pos], "")
                if read is None:
                    break
                pos += 1
                accent = read[1]
                while pos < len(line) and line[pos] in _ACCENTS:
                    accent = _ACCENTS[line[pos]]
                    pos += 1
                letters.append(read[0])
                accents.append(accent)
            if pos < len(line) and unicodedata.combining(line[pos]):
                return None  # a mark no name is written with
            out.append(Token("word", "".join(letters), start, pos, tuple(accents)))
            continue
        if char == "!" and line.startswith("!=", pos):
            out.append(Token("rel", "≠", pos, pos + 2))
            pos += 2
            continue
        if char in _RELATIONS:
            if line.startswith("==", pos):
                return None  # code's comparison, not an equation
            out.append(Token("rel", _RELATIONS[char], pos, pos + 1))
        elif char in _OPERATORS:
            out.append(Token("op", _OPERATORS[char], pos, pos + 1))
        elif char == "∂":
            out.append(Token("partial", char, pos, pos + 1))
        elif char in "∑Σ":
            out.append(Token("sum", char, pos, pos + 1))
        elif char == "√":
            out.append(Token("root", char, pos, pos + 1))
        else:
            return None
        pos += 1
    return out


def _script(line: str, pos: int) -> tuple[str, list[Token] | None, int] | None:
    """A run of Unicode superscripts (``⁻ᶻ``, ``²``, ``ᵀ``) or subscripts (``ᵢ``) at ``pos``: its
    mark (``^`` or ``_``), the tokens of its plain characters (None when they are no
    mathematics) and where it ends; None when no such character is at ``pos``."""
    kind = unicodedata.decomposition(line[pos]).split(" ")[0]
    if kind not in ("<super>", "<sub>"):
        return None
    plain, end = [], pos
    while end < len(line):
        parts = unicodedata.decomposition(line[end]).split()
        if len(parts) != 2 or parts[0] != kind:
            break
        plain.append(chr(int(parts[1], 16)))
        end += 1
    if not plain or plain[0] == "(":  # ™: no plain characters; x⁽¹⁾: an example or a power?
        return "^", None, end
    return "^" if kind == "<super>" else "_", tokens("".join(plain)), end
