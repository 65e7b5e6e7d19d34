"""Unicode mathematics spelled as the LaTeX commands it stands for, positions kept.

Posts typed on a phone or pasted from a PDF write ``∂p_j/∂z_i = p_j(δ_{ij} − p_i)`` and
``∑_{j≠i}`` inside math mode. Each such character is one command (``∂`` is ``\\partial``, ``∑``
is ``\\sum``), so the reader spells it out before anything else reads the text, and keeps, for
every character of the spelled text, the position of the character it came from: an error is
still reported at the line and column the author wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from symsoft.reading.lazy_regex import lazy

__all__ = ["COMMANDS", "Spelled", "plain_letter", "spelled_out"]

COMMANDS = {
    "\u2202": r"\partial",  # ∂
    "\u2211": r"\sum",  # ∑
    "\u220f": r"\prod",  # ∏
    "\u2207": r"\nabla",  # ∇
    "\u2212": "-",  # − minus sign
    "\u2013": "-",  # – en dash, typed for a minus
    "\u00b7": r"\cdot",  # ·
    "\u22c5": r"\cdot",  # ⋅
    "\u2219": r"\cdot",  # ∙
    "\u00d7": r"\times",  # ×
    "\u2217": "*",  # ∗
    "\u2260": r"\neq",  # ≠
    "\u2264": r"\leq",  # ≤
    "\u2265": r"\geq",  # ≥
    "\u2248": r"\approx",  # ≈
    "\u2208": r"\in",  # ∈
    "\u2192": r"\to",  # →
    "\u221e": r"\infty",  # ∞
    "\u2026": r"\ldots",  # …
    "\u22ef": r"\cdots",  # ⋯
    "\u2032": "'",  # ′ prime
    "\u2033": "''",  # ″ double prime
    "\u2019": "'",  # ’ a typographic apostrophe, as a prime: s’(x)
    "\u2299": r"\odot",  # ⊙
    "\u2218": r"\circ",  # ∘
    "\u00b2": "^2",  # ²
    "\u00b3": "^3",  # ³
    "\u1d40": "^T",  # ᵀ
    "\u2113": r"\ell",  # ℓ
    "\u03b1": r"\alpha",
    "\u03b2": r"\beta",
    "\u03b3": r"\gamma",
    "\u03b4": r"\delta",
    "\u03b5": r"\epsilon",
    "\u03f5": r"\epsilon",
    "\u03b6": r"\zeta",
    "\u03b7": r"\eta",
    "\u03b8": r"\theta",
    "\u03ba": r"\kappa",
    "\u03bb": r"\lambda",
    "\u03bc": r"\mu",
    "\u03bd": r"\nu",
    "\u03be": r"\xi",
    "\u03c0": r"\pi",
    "\u03c1": r"\rho",
    "\u03c3": r"\sigma",
    "\u03c4": r"\tau",
    "\u03c6": r"\phi",
    "\u03d5": r"\phi",
    "\u03c7": r"\chi",
    "\u03c8": r"\psi",
    "\u03c9": r"\omega",
    "\u0393": r"\Gamma",
    "\u0394": r"\Delta",
    "\u0398": r"\Theta",
    "\u039b": r"\Lambda",
    "\u03a3": r"\Sigma",
    "\u03a6": r"\Phi",
    "\u03a8": r"\Psi",
    "\u03a9": r"\Omega",
}
"""One character, one command: the only spelling each has in LaTeX."""

_SUBSCRIPTS = {chr(0x2080 + digit): str(digit) for digit in range(10)}  # ₀ … ₉
_SUBSCRIPTS.update({"\u1d62": "i", "\u2c7c": "j", "\u2096": "k", "\u2098": "m", "\u2099": "n"})
_ROOT = "\u221a"  # √
# accents written as combining marks after a letter (y followed by U+0302 is ŷ): the LaTeX
# accent each stands for; and the few letters that come with one already (ŷ, ȳ, ỹ, ẑ)
_ACCENTS = {"\u0302": r"\hat", "\u0303": r"\tilde", "\u0304": r"\bar", "\u0307": r"\dot"}
_ACCENTS["\u20d7"] = r"\vec"
_ACCENTED = "\u0177\u0176\u0233\u0232\u1ef9\u1ef8\u1e91\u1e90"
_UNICODE = lazy(
    "["
    + re.escape("".join(COMMANDS) + "".join(_SUBSCRIPTS) + _ROOT + "".join(_ACCENTS) + _ACCENTED)
    + "\U0001d400-\U0001d6a3\U0001d6a8-\U0001d7c9]"
)
# a prime in every spelling TeX allows: f^{\prime}(x), \sigma^\prime, f^{\prime\prime}, f^{''},
# f^'(x), and \prime written without a superscript after a name or a bracket (\sigma\prime(x),
# [\dots]\prime): each is the prime ' it stands for (f'(x), f''(x))
_PRIMES = lazy(
    r"\^\s*\{\s*((?:(?:\\prime(?![a-zA-Z])|')\s*)+)\}|\^\s*(\\prime(?![a-zA-Z])|'+)"
    r"|(?<=[A-Za-z}\)\]])\s*(\\prime)(?![a-zA-Z])"
)
_ROOT_OPERAND = lazy(r"\s*(?:([0-9]+(?:\.[0-9]+)?|[a-zA-Z])(?![a-zA-Z0-9_^])|\()")


@dataclass(frozen=True)
class Spelled:
    """``text`` with its unicode spelled out; ``origins[p]`` is the position, in the written
    text, of the character that gave ``text[p]`` (one more entry, for the end)."""

    text: str
    origins: tuple[int, ...]

    def written(self, pos: int) -> int:
        """The position in the written text of position ``pos`` of :attr:`text`."""
        return self.origins[max(0, min(pos, len(self.origins) - 1))]


# e^x_j: TeX puts both scripts on e, and an index on Euler's number means nothing; the author
# types the exponent x_j (``\\frac{e^x_j}{\\sum_k e^x_k}``, a blog's softmax): read e^{x_j}
_EXPONENT_INDEX = lazy(
    r"(?<![\\a-zA-Z])e\s*\^\s*(?:([a-zA-Z])|\{\s*([a-zA-Z])\s*\})\s*_\s*(\{[^{}]*\}|[a-zA-Z0-9])"
)


def spelled_out(written: str) -> Spelled:
    """``written`` with each unicode symbol replaced by its LaTeX command (and ``e^x_j`` as
    ``e^{x_j}``).

    A command is followed by a space when a letter comes next (``∂p`` is ``\\partial p``, not
    ``\\partialp``). ``√x`` and ``√(x + 1)`` are ``\\sqrt{x}`` and ``\\sqrt{x + 1}``.

    >>> spelled_out("∂p_j/∂z_i").text
    '\\\\partial p_j/\\\\partial z_i'
    >>> spelled = spelled_out("−∑_j y_j")
    >>> spelled.text, spelled.written(spelled.text.index("y"))
    ('-\\\\sum_j y_j', 5)
    """
    exponents = {m.start(): m for m in _EXPONENT_INDEX.finditer(written)}
    if not (_UNICODE.search(written) or _PRIMES.search(written) or exponents):
        return Spelled(written, tuple(range(len(written) + 1)))
    pieces: list[str] = []
    origins: list[int] = []
    closers: dict[int, str] = {}  # position of a ')' that closes a √( … ): the brace it becomes

    def put(text: str, origin: int) -> None:
        pieces.append(text)
        origins.extend([origin] * len(text))

    parentheses = _parentheses(written) if _ROOT in written else {}
    pos = 0
    primes = {m.start(): m for m in _PRIMES.finditer(written)}
    while pos < len(written):
        char = written[pos]
        if pos in primes:
            marks = next(g for g in primes[pos].groups() if g)
            put("'" * (marks.count("'") + marks.count("\\prime")), pos)
            pos = primes[pos].end()
            continue
        if pos in exponents:  # e^x_j: e^{x_j}
            found = exponents[pos]
            letter = found.group(1) or found.group(2)
            put("e^{", pos)
            put(letter, found.start(1) if found.group(1) else found.start(2))
            put("_" + found.group(3) + "}", found.start(3))
            pos = found.end()
            continue
        if pos in closers:
            put(closers.pop(pos), pos)
        elif char == _ROOT:
            operand = _ROOT_OPERAND.match(written, pos + 1)
            if operand and operand.group(1):
                put(r"\sqrt{" + operand.group(1) + "}", pos)
                pos = operand.end()
                continue
            if operand:  # √( … ): the parentheses become the braces of \sqrt
                close = parentheses.get(operand.end() - 1, -1)
                if close > 0:
                    closers[close] = "}"
                    put(r"\sqrt{", pos)
                    pos = operand.end()
                    continue
            following = written[pos + 1 : pos + 2]
            put(r"\sqrt" + (" " if following.isascii() and following.isalpha() else ""), pos)
        elif char in _SUBSCRIPTS:  # δᵢⱼ, x₁₂: a run of subscript characters is one subscript
            end = pos
            while end < len(written) and written[end] in _SUBSCRIPTS:
                end += 1
            run = "".join(_SUBSCRIPTS[c] for c in written[pos:end])
            put(f"_{run}" if len(run) == 1 else f"_{{{run}}}", pos)
            pos = end
            continue
        elif (letter := _letter(char)) is not None:  # 𝑦 (mathematical italic), ŷ, y + U+0302
            (base, accent), start = letter, pos
            if accent is None and written[pos + 1 : pos + 2] in _ACCENTS:
                accent, pos = _ACCENTS[written[pos + 1]], pos + 1
            following = written[pos + 1 : pos + 2]
            if accent is not None:
                put(f"{accent}{{{base}}}", start)
            elif base.startswith("\\") and following.isascii() and following.isalpha():
                put(base + " ", start)  # 𝜎x: \sigma x
            else:
                put(base, start)
        elif char in COMMANDS:
            command = COMMANDS[char]
            following = written[pos + 1 : pos + 2]
            if command[-1].isalpha() and command.startswith("\\") and following.isascii():
                command += " " if following.isalpha() else ""
            put(command, pos)
        else:
            put(char, pos)
        pos += 1
    origins.append(len(written))
    return Spelled("".join(pieces), tuple(origins))


def plain_letter(char: str) -> str | None:
    """The Latin letter a mathematical italic (not bold) letter writes (𝑦: ``y``), or None: a
    document's text spells it so in place, one character for one, so that every reading of
    the text sees the same letter the grammar reads."""
    if 0x1D400 <= ord(char) <= 0x1D7C9 and (letter := _letter(char)) is not None:
        return letter[0] if len(letter[0]) == 1 else None
    return None


def _letter(char: str) -> tuple[str, str | None] | None:
    """The letter ``char`` writes (a mathematical italic letter, as LaTeX: ``y``,
    ``\\beta``) and its accent (ŷ: ``\\hat``), or None for any other character.  A plain
    letter is one only when a combining accent follows it (see the caller)."""
    if char.isascii():
        return (char, None) if char.isalpha() else None
    if char in _ACCENTED:
        base, mark = unicodedata.normalize("NFD", char)
        return base, _ACCENTS[mark]
    if not 0x1D400 <= ord(char) <= 0x1D7C9:
        return None
    if not unicodedata.name(char, "").startswith("MATHEMATICAL ITALIC "):
        return None  # 𝐩 (bold: a vector), 𝔭, 𝒩 (other letters than p, N): unread
    plain = unicodedata.normalize("NFKC", char)
    if plain.isascii() and plain.isalpha():
        return plain, None
    return (COMMANDS[plain], None) if plain in COMMANDS else None


def _parentheses(text: str) -> dict[int, int]:
    """The position of each ``(`` of ``text`` and of the ``)`` that closes it."""
    pairs, stack = {}, []
    for pos, char in enumerate(text):
        if char == "(":
            stack.append(pos)
        elif char == ")" and stack:
            pairs[stack.pop()] = pos
    return pairs
