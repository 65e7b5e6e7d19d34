"""One line of plain-text mathematics written as LaTeX, every character of the LaTeX knowing
the column it came from.

``latex_of(tokens, reading)`` reads ``[rel] expr (rel expr)*`` with the conventions plain text
shares with code: ``*`` ``·`` ``×`` and juxtaposition are products, ``/`` a fraction of what
stands before it in its term, ``^`` raises the next atom (or a group), ``x_i``, ``x[i]`` and
``x_{ij}`` are entries, ``∂a/∂b`` and ``dL/dz`` (``d`` not a name of the text) derivatives,
``sum_i``/``∑_i``/``Σ_{i=1}^N`` sums, ``log``, ``ln``, ``exp``, ``tanh``, ``softmax``,
``sigmoid``, ``max`` functions. A name of three or more letters (``BCE``, ``target_prob``) is one
name, written ``B_{\\text{CE}}`` for the reader's word names.

Where plain text has two readings that differ (``a/bc``, ``1/2x``, ``a/b*c``, ``xi``,
``e^-x+1``) the line is read under ``reading`` 0 or 1 and each place is recorded in
``ambiguous`` with both readings; a step whose verdict differs between them is not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from symsoft.reading.documents.plain_tokens import GREEK, Token

Pieces = list[tuple[str, int]]  # LaTeX text, the column it came from

FUNCTIONS = {
    "log": "\\log",
    "ln": "\\ln",
    "exp": "\\exp",
    "tanh": "\\tanh",
    "max": "\\max",
    "softmax": "\\text{softmax}",
    "sigmoid": "\\sigma",
}
_SYMBOL_WORDS = {
    "sigma": "\\sigma",
    "delta": "\\delta",
    "theta": "\\theta",
    "alpha": "\\alpha",
    "beta": "\\beta",
    "lambda": "\\lambda",
    "eta": "\\eta",
    "tau": "\\tau",
}
_INDEX_LETTERS = set("ijkmn")
_RELATIONS = {"=": "=", "≈": "\\approx", "≠": "\\neq"}
_ACCENT = {"hat": "\\hat", "bar": "\\bar", "tilde": "\\tilde"}
_PAIR = ("", -1)  # marks two letters written side by side (no text of its own)


class _NotMath(Exception):
    """The line is not mathematics as plain text writes it (private signal)."""


@dataclass
class Line:
    """A line read: its LaTeX pieces, whether it starts with a relation or holds none."""

    pieces: Pieces
    relations: int
    leading: bool
    ambiguous: list[tuple[int, str]] = field(default_factory=list)  # column, the two readings


def latex_of(tokens: list[Token], reading: int, d_is_name: bool) -> Line:
    """The LaTeX of a line of tokens (``_NotMath`` when it is not mathematics)."""
    parser = _Parser(tokens, reading, d_is_name)
    return parser.line()


def _prose(before: str, word: str) -> bool:
    """Two words side by side (``Let s``, ``cross entropy``): prose, unless the first is a
    function or the sum sign (``log x``, ``sum_i``)."""
    if before in FUNCTIONS or before == "sum" or not before:
        return False
    return (len(before) > 1 and len(word) > 1) or len(before) > 2 or len(word) > 2


def _letter(char: str, accent: str) -> str:
    written = GREEK.get(char, char)
    return f"{_ACCENT[accent]}{{{written}}}" if accent else written


class _Parser:
    def __init__(self, tokens: list[Token], reading: int, d_is_name: bool) -> None:
        self.tokens = tokens
        self.pos = 0
        self.reading = reading
        self.d_is_name = d_is_name
        self.ambiguous: list[tuple[int, str]] = []

    # ------------------------------------------------------------ helpers

    def peek(self, offset: int = 0) -> Token | None:
        at = self.pos + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def is_op(self, text: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind == "op" and token.text == text

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise _NotMath
        self.pos += 1
        return token

    def expect(self, text: str) -> Token:
        if not self.is_op(text):
            raise _NotMath
        return self.take()

    # ------------------------------------------------------------ structure

    def line(self) -> Line:
        out: Pieces = []
        leading = False
        relations = 0
        if self.peek() is not None and self.peek().kind == "rel":
            leading = True
        side = True  # a side may come next
        while self.peek() is not None:
            token = self.peek()
            if token.kind == "rel":
                self.take()
                relations += 1
                out.append((f" {_RELATIONS[token.text]} ", token.start))
                if self.peek() is None:
                    raise _NotMath  # "A =" ends the line: nothing to compare
                side = True
                continue
            if not side:
                raise _NotMath
            out += self.expression()
            side = False
        if not out:
            raise _NotMath
        return Line(out, relations, leading, self.ambiguous)

    def expression(self) -> Pieces:
        out: Pieces = []
        while True:
            token = self.peek()
            if token is not None and token.kind == "op" and token.text in "+-":
                self.take()
                out.append((f" {token.text} ", token.start))
            out += self.term()
            token = self.peek()
            if token is None or token.kind != "op" or token.text not in "+-":
                return out

    def term(self) -> Pieces:
        out = self.joined(self.factor())
        while self.is_op("*") or self.is_op("/"):
            sign = self.take()
            atoms = self.signed_factor()
            if sign.text == "*":
                out = out + [(" \\cdot ", sign.start)] + self.joined(atoms)
                continue
            denominator, rest = atoms, []
            if len(atoms) == 1 and atoms[0][:1] == [_PAIR]:  # a/bc: two letters side by side
                self.ambiguous.append(
                    (sign.start, "a product after '/' (in the denominator or not)")
                )
                if self.reading == 1:
                    denominator, rest = [atoms[0][:2]], [atoms[0][2:]]
            if len(atoms) > 1:
                self.ambiguous.append(
                    (sign.start, "a product after '/' (in the denominator or not)")
                )
                if self.reading == 1:
                    denominator, rest = atoms[:1], atoms[1:]
            if self.is_op("*"):
                self.ambiguous.append((sign.start, "'/' then '*' (a/b*c as (a/b)c or a/(bc))"))
                if self.reading == 1:
                    while self.is_op("*"):
                        star = self.take()
                        denominator = denominator + [[(" \\cdot ", star.start)]] + self.factor()
            frac = [("\\frac{", sign.start)] + out + [("}{", sign.start)]
            out = frac + self.joined(denominator) + [("}", sign.start)]
            if rest:
                out += [(" ", sign.start)] + self.joined(rest)
        return out

    def signed_factor(self) -> list[Pieces]:
        """The factor after ``*`` or ``/``, a minus before it kept (``z * -log(x)``: z(-log x))."""
        if not self.is_op("-"):
            return self.factor()
        minus = self.take()
        atoms = self.factor()  # a / -2 y: the minus on 2, y beside it (ambiguous after /)
        return [[("(-", minus.start), *atoms[0], (")", minus.start)], *atoms[1:]]

    @staticmethod
    def joined(atoms: list[Pieces]) -> Pieces:
        out: Pieces = []
        for atom in atoms:
            if out and atom and not atom[0][0].startswith(("(", "^", "_", "'")):
                out.append((" ", atom[0][1]))
            out += atom
        return out

    def factor(self) -> list[Pieces]:
        """Atoms written side by side (a product), at least one."""
        atoms: list[Pieces] = []
        words: list[str] = []
        while True:
            token = self.peek()
            if token is None or token.kind == "rel":
                break
            if token.kind == "op" and token.text in "+-*/)]},":
                break
            if token.kind == "op" and token.text in "^_'":
                raise _NotMath
            if token.kind == "word" and words and _prose(words[-1], token.text):
                raise _NotMath  # two words side by side: prose
            words.append(token.text if token.kind == "word" else "")
            operator = token.kind in ("sum", "partial") or token.text in ("sum", "d")
            atoms.append(self.atom())
            if operator and atoms[-1][-1][0] in (" ", "}") and self._starts_atom():
                # a sum or a derivative operator takes what follows it in the product
                atoms[-1] = atoms[-1] + self.joined(self.factor())
                break
        if not atoms:
            raise _NotMath
        return atoms

    def _starts_atom(self) -> bool:
        token = self.peek()
        if token is None or token.kind == "rel":
            return False
        return not (token.kind == "op" and token.text in "+-*/)]},^_'")

    # ------------------------------------------------------------ atoms

    def atom(self) -> Pieces:
        token = self.peek()
        assert token is not None
        if token.kind == "partial":
            return self.partial()
        if token.kind == "sum" or (token.kind == "word" and token.text == "sum"):
            return self.sum()
        if token.kind == "root":
            self.take()
            inner = self.postfix(self.primary())
            return [("\\sqrt{", token.start)] + _ungrouped(inner) + [("}", token.start)]
        if token.kind == "word" and self.d_derivative():
            return self.d_fraction()
        return self.postfix(self.primary())

    def primary(self) -> Pieces:
        token = self.take()
        if token.kind == "num":
            return [(token.text, token.start)]
        if token.kind == "op" and token.text in "([{":
            close = {"(": ")", "[": "]", "{": "}"}[token.text]
            inner = self.listed()
            end = self.expect(close)
            opening, closing = ("[", "]") if token.text == "[" else ("(", ")")
            return [(opening, token.start)] + inner + [(closing, end.start)]
        if token.kind == "op" and token.text == "-":
            return [("-", token.start)] + self.postfix(self.primary())
        if token.kind != "word":
            raise _NotMath
        return self.word(token)

    def listed(self) -> Pieces:
        out = self.expression()
        while self.is_op(","):
            comma = self.take()
            out += [(", ", comma.start)] + self.expression()
        return out

    def word(self, token: Token) -> Pieces:
        text = token.text
        if text in FUNCTIONS and not self._snake():
            if self.is_op("("):
                return [(FUNCTIONS[text], token.start)] + self.primary()
            if self.peek() is None or self.peek().kind != "word":
                raise _NotMath
            argument = self.postfix(self.primary())
            return [(FUNCTIONS[text] + " ", token.start)] + argument
        if text in _SYMBOL_WORDS:
            return [(_SYMBOL_WORDS[text], token.start)]
        if text in ("yhat", "phat") or (len(text) == 1 and self._hat_suffix()):
            return [(f"\\hat{{{text[0]}}}", token.start)]
        accents = token.accents
        if len(text) == 1:
            return [(_letter(text, accents[0]), token.start)]
        if len(text) == 2 and text[1] in _INDEX_LETTERS and not accents[1]:
            shown = _letter(text[0], accents[0])
            self.ambiguous.append(
                (token.start, f"'{text}' (an entry {text[0]}_{text[1]} or a product)")
            )
            if self.reading == 0:
                return [(shown, token.start), (f"_{{{text[1]}}}", token.start + 1)]
            return [(shown, token.start), (" " + text[1], token.start + 1)]
        if len(text) == 2:
            return [
                _PAIR,
                (_letter(text[0], accents[0]), token.start),
                (_letter(text[1], accents[1]), token.start + 1),
            ]
        return self.word_name(token, text)

    def _hat_suffix(self) -> bool:
        """``y_hat``: the name ŷ (the suffix taken)."""
        after = self.peek(1)
        if self.is_op("_") and after is not None and after.kind == "word" and after.text == "hat":
            self.pos += 2
            return True
        return False

    def word_name(self, token: Token, text: str) -> Pieces:
        if any(token.accents) or not text[0].isascii() or not text.isalnum():
            raise _NotMath
        while self.is_op("_") and self.peek(1) is not None and self.peek(1).kind == "word":
            if len(self.peek(1).text) == 1 and self.peek(1).text in _INDEX_LETTERS:
                break  # grad_i: an index
            self.take()
            text += self.take().text  # target_prob: one name
        index = ""
        if self.is_op("_") and self.peek(1) is not None and self.peek(1).kind == "word":
            self.take()
            index = ", " + self.take().text  # grad_i
        elif self.is_op("[") and self._entry():
            index = ", " + "".join(piece for piece, _ in self.entry()[1:-1])  # target_prob[i]
        return [(f"{text[0]}_{{\\text{{{text[1:]}}}{index}}}", token.start)]

    def _snake(self) -> bool:
        """``log_prob``: a name written with a function's word, not the function."""
        after = self.peek(1)
        return (
            self.is_op("_") and after is not None and after.kind == "word" and len(after.text) > 1
        )

    def postfix(self, base: Pieces) -> Pieces:
        out = list(base)
        while True:
            token = self.peek()
            if token is None or token.kind != "op":
                return out
            if token.text == "_":
                self.take()
                out += [("_{", token.start)] + self.script() + [("}", token.start)]
            elif token.text == "[" and self._entry():
                out += self.entry()
            elif token.text == "'":
                self.take()
                out.append(("'", token.start))
            elif token.text == "^":
                self.take()
                out += [("^{", token.start)] + self.exponent() + [("}", token.start)]
            else:
                return out

    def script(self) -> Pieces:
        token = self.take()
        if token.kind == "num" and token.text.isdigit():
            return [(token.text, token.start)]
        if token.kind == "word" and len(token.text) <= 2 and token.text.islower():
            return [(token.text, token.start)]
        if token.kind == "op" and token.text == "{":
            inside: Pieces = []
            while not self.is_op("}"):
                part = self.take()
                if part.kind not in ("num", "word", "rel") and part.text not in "+-,":
                    raise _NotMath
                inside.append((_RELATIONS.get(part.text, part.text) + " ", part.start))
            self.take()
            return inside
        raise _NotMath

    def _entry(self) -> bool:
        """``x[i]``, ``p[i,j]``, ``x[1]``: an entry written in brackets right after a name."""
        previous = self.tokens[self.pos - 1]
        if previous.end != self.peek().start:
            return False
        at = 1
        while (token := self.peek(at)) is not None and not self.is_op("]", at):
            if not (
                (token.kind == "word" and len(token.text) == 1)
                or token.kind == "num"
                or self.is_op(",", at)
            ):
                return False
            at += 1
        return token is not None and at > 1

    def entry(self) -> Pieces:
        opening = self.take()
        inside: Pieces = []
        while not self.is_op("]"):
            token = self.take()
            if token.text != ",":
                inside.append((token.text, token.start))
        self.take()
        return [("_{", opening.start)] + inside + [("}", opening.start)]

    def exponent(self) -> Pieces:
        token = self.peek()
        if token is not None and token.kind == "op" and token.text in "({":
            return _ungrouped(self.primary())
        if token is not None and token.kind == "op" and token.text in "+-":
            sign = self.take()
            out = [(sign.text, sign.start)] + self.numeral_power(self.postfix(self.primary()))
            if self.is_op("+") or self.is_op("-"):
                self.ambiguous.append((sign.start, "a signed power then '+'/'-' (e^-x+1)"))
                if self.reading == 1:
                    while self.is_op("+") or self.is_op("-"):
                        more = self.take()
                        out += [(more.text, more.start)] + self.postfix(self.primary())
            return out
        return self.numeral_power(self.postfix(self.primary()))

    def numeral_power(self, power: Pieces) -> Pieces:
        """``e^2x``: e^{2x}, or e^{2} x as AsciiMath shows it? read each way (ambiguous)."""
        before, after = self.tokens[self.pos - 1], self.peek()
        if (
            before.kind != "num"
            or after is None
            or (after.kind, after.start) != ("word", before.end)
        ):
            return power
        self.ambiguous.append((before.start, "a number then a letter after '^' (e^2x)"))
        if self.reading == 1:
            word = self.take()
            return power + [(word.text, word.start)]
        return power

    def partial(self) -> Pieces:
        start = self.take()
        top: Pieces = [] if self.is_op("/") else self.postfix(self.primary())
        slash = self.expect("/")
        below = self.take()
        if below.kind != "partial":
            raise _NotMath
        variable = self.postfix(self.primary())
        top = [(" ", start.start)] + top if top else []
        return (
            [("\\frac{\\partial", start.start)]
            + top
            + [("}{\\partial ", slash.start)]
            + variable
            + [("}", slash.start)]
        )

    def d_derivative(self) -> bool:
        """``dL/dz_i``, ``dL_i/dz_j``, ``d/dx``: d is not a name of the text, a slash, then
        ``d`` and a name."""
        token = self.peek()
        at = 3 if self.is_op("_", 1) else 1
        slash, below = self.peek(at), self.peek(at + 1)
        return (
            not self.d_is_name
            and token.text.startswith("d")
            and (len(token.text) > 1 or at == 1)
            and slash is not None
            and slash.kind == "op"
            and slash.text == "/"
            and below is not None
            and below.kind == "word"
            and below.text.startswith("d")
            and len(below.text) > 1
            and not any(token.accents[:1] + below.accents[:1])
        )

    def _after_d(self, token: Token) -> Pieces:
        rest = Token("word", token.text[1:], token.start + 1, token.end, token.accents[1:])
        return self.postfix(self.word(rest))

    def d_fraction(self) -> Pieces:
        top = self.take()
        upper = [(" ", top.start)] + self._after_d(top) if len(top.text) > 1 else []
        slash = self.expect("/")
        below = self.take()
        return (
            [("\\frac{d", top.start)]
            + upper
            + [("}{d ", slash.start)]
            + self._after_d(below)
            + [("}", slash.start)]
        )

    def sum(self) -> Pieces:
        token = self.take()
        out: Pieces = [("\\sum", token.start)]
        if self.is_op("_"):
            underscore = self.take()
            out += [("_{", underscore.start)] + self.script() + [("}", underscore.start)]
        if self.is_op("^"):
            caret = self.take()
            out += [("^{", caret.start)] + _ungrouped(self.primary()) + [("}", caret.start)]
        return out + [(" ", token.end)]


def _ungrouped(pieces: Pieces) -> Pieces:
    """A group's inside: ``(−x)`` in ``e^(−x)`` or ``√(x)`` is written in braces."""
    if len(pieces) >= 2 and pieces[0][0] in ("(", "[") and pieces[-1][0] in (")", "]"):
        return pieces[1:-1]
    return pieces
