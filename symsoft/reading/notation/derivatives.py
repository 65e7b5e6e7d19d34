"""Where a side of a step writes a derivative: fractions of partials, d/dx, D_j, primes and
slashes, found and cut out with the variables they differentiate by and the operand they apply
to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from symsoft.reading.documents.brackets import matching
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy

PRIMES_SAID: ContextVar[bool] = ContextVar("primes_said", default=False)
# the letters the text writes primed and called, f'(g(x)): functions, so \frac{d}{dx} f(g(x))
# differentiates the call (not f times (g(x)))
PRIMED_CALLED: ContextVar[frozenset[str]] = ContextVar("primed_called", default=frozenset())
_PRIMED_CALL = lazy(r"(?<![\\a-zA-Z])([a-zA-Z])\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)+\s*\(")


def primed_called(text: str) -> frozenset[str]:
    """The letters ``text`` writes primed and applied (``f'(x)``, ``g^{\\prime}(t)``)."""
    return frozenset(_PRIMED_CALL.findall(text))


"""The text says what its primes mean ("a prime denotes d/dt"): ``(x^2)'`` is then not read as
the derivative by its one letter."""

_FRAC = lazy(r"\\[dt]?frac\s*\{")


# \delta is the partial sign when no subscript follows (\frac{\delta L}{\delta a_i}), as some posts
# write it; \delta_{ij} is the Kronecker delta.
_PARTIAL_SIGN = r"\\partial(?![a-zA-Z])|\\delta(?![a-zA-Z])(?!\s*_)|\\mathrm\s*\{\s*d\s*\}"


_DIFFERENTIAL = lazy(rf"\s*({_PARTIAL_SIGN}|d(?![a-zA-Z]{{2}}))")


_OVER_DERIVATIVE = lazy(rf"\{{(?={_DIFFERENTIAL.pattern})")


_OVER = lazy(r"\\over(?![a-zA-Z])")


_ORDER = lazy(r"\s*\^\s*(?:\{\s*(\d)\s*\}|(\d))")


_SLASH = lazy(  # \partial S_i / \partial a_j, \partial e^{a_i} / \partial a_j, ∂η_k / ∂θ_k
    r"\\partial(?:\s|\\[,;!])*((?:\\log\s*)?(?:[A-Za-z]|[\ue000-\ue1ff][A-Za-z0-9]*"
    # (an accented name: \partial \bar{E} / \partial z_j)
    r"|\\(?:hat|bar|tilde|mathbf|boldsymbol|bm|vec|mathcal)\s*\{\s*\\?[A-Za-z]+\s*\}"
    r"|\\(?!partial)[a-zA-Z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?"
    r"|e\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))\s*/\s*"
    r"\\partial\s*((?:[A-Za-z]|\\[a-zA-Z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?)(?![A-Za-z])"
)


_D_OPERATOR = lazy(  # D_j S_i = ∂S_i/∂a_j, as in the claim language
    r"(?<![A-Za-z\\])D_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*"
    r"([A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)"
)


# \nabla_{z_i} L: the gradient by one entry of a vector is the partial derivative by that entry
# (a gradient by the whole vector, \nabla_{\mathbf{z}}, is read entry by entry elsewhere); so is
# the physicists' \partial_{z_i} L
_NABLA_ENTRY = lazy(
    r"\\(?:nabla|partial)\s*_\s*\{\s*((?:[A-Za-z]|\\[a-zA-Z]+)\s*_\s*(?:\{\s*[A-Za-z0-9]\s*\}|[A-Za-z0-9]))"
    r"\s*\}"
)


_OPENERS = lazy(r"\\left\s*(?:\(|\[|\\\{)|\\[bB]igg?l?\s*(?:\(|\[)|\(|\[")


_NAMED = lazy(  # S_i, \log p_j, \tanh v, \log|x|
    r"\\(?:log|ln)\s*\|[^|$]+\||(?:\\(?:log|ln|tanh|exp)\s*)?[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
)


# a letter (an entry) to a power: e^{-z_i}, e^x, x_i^2 (a brace group's end found by matching)
_POWERED = lazy(r"[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*(?:\{|[A-Za-z0-9])")


_SCRIPT = lazy(r"\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9])")


@dataclass(frozen=True)
class _Cut:
    """A derivative cut out of a side: ``∂^order quantity / ∂ variables``."""

    quantity: str
    quantity_pos: int
    variables: tuple[str, ...]
    pos: int


def _find_derivatives(
    text: str, operands: str = "strict", functions: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, _Cut]]:
    """Each derivative in ``text`` as (start, end, what it says), left to right; ``functions``
    are the names the document defines in function notation (``g(x) = …``)."""
    pos = 0
    while pos < len(text):
        frac = _FRAC.search(text, pos)
        over = _over_derivative(text, pos)
        if over is not None and (frac is None or over[0] < frac.start()):
            frac = None
        else:
            over = None
        slash = _SLASH.search(text, pos)
        operator = _D_OPERATOR.search(text, pos)
        nabla = _NABLA_ENTRY.search(text, pos)
        primed = None if PRIMES_SAID.get() else primed_group(text, pos)
        if primed is not None and primed.letter in functions:
            primed = None  # (\log g)' with g(x) = 1 + e^{-x}: by x, not by g (not read)
        simple = min(
            (
                m
                for m in (slash, operator, nabla, primed)
                if m and (frac is None or m.start() < frac.start())
            ),
            key=lambda m: m.start(),
            default=None,
        )
        if simple is primed and primed is not None:
            cut = _Cut(primed.inner, primed.inner_start, (primed.letter,), primed.start())
            yield primed.start(), primed.end(), cut
            pos = primed.end()
            continue
        if simple is slash and slash is not None:
            cut = _Cut(slash.group(1), slash.start(1), (slash.group(2),), slash.start())
            yield slash.start(), slash.end(), cut
            pos = slash.end()
            continue
        if simple is operator and operator is not None:
            variable = "a_" + (operator.group(1) or operator.group(2))
            cut = _Cut(operator.group(3), operator.start(3), (variable,), operator.start())
            yield operator.start(), operator.end(), cut
            pos = operator.end()
            continue
        if simple is nabla and nabla is not None:
            variable = re.sub(r"\s+", "", nabla.group(1))
            end, quantity, quantity_start = _operand(text, nabla.end(), operands, functions)
            yield nabla.start(), end, _Cut(quantity, quantity_start, (variable,), nabla.start())
            pos = end
            continue
        if over is not None:
            start, numerator_start, numerator_end, denominator_start, denominator_end = over
            differential = _DIFFERENTIAL.match(text, numerator_start)
            assert differential is not None
            numerator_end += 1  # as for \frac: one past the numerator's last character
            denominator_start -= 1
        elif frac is None:
            return
        else:
            start = frac.start()
            numerator_end = matching(text, frac.end() - 1)
            differential = _DIFFERENTIAL.match(text, frac.end())
            if numerator_end < 0 or differential is None:
                pos = frac.end()
                continue
            denominator_start = numerator_end
            while denominator_start < len(text) and text[denominator_start].isspace():
                denominator_start += 1
            if denominator_start >= len(text) or text[denominator_start] != "{":
                raise Unreadable("a \\frac needs two groups", frac.start())
            denominator_end = matching(text, denominator_start)
            if denominator_end < 0:
                raise Unreadable("unbalanced braces in \\frac", denominator_start)
        symbol = differential.group(1)
        order_match = _ORDER.match(text, differential.end())
        order = int(order_match.group(1) or order_match.group(2)) if order_match else 1
        quantity_start = order_match.end() if order_match else differential.end()
        quantity = text[quantity_start : numerator_end - 1]
        denominator = text[denominator_start + 1 : denominator_end - 1]
        if not quantity.strip() and _BARE_VARIABLE.fullmatch(denominator):
            # \frac{\partial}{o_k}(…): an operator whose denominator has lost its ∂; ∂ over a
            # name has no other meaning
            variables: tuple[str, ...] = (denominator.strip(),)
        else:
            variables = _variables(denominator, symbol, denominator_start + 1)
        if len(variables) != order:
            raise Unreadable(
                f"a derivative of order {order} with {len(variables)} differentiations",
                start,
            )
        end = denominator_end
        if not quantity.strip():
            end, quantity, quantity_start = _operand(text, denominator_end, operands, functions)
        yield start, end, _Cut(quantity, quantity_start, variables, start)
        pos = end


@dataclass(frozen=True)
class _PrimedGroup:
    """``(1 + e^{-x})'``: a group with a prime, the derivative of what it holds by its one
    letter (function notation without a name, as Chinese and Japanese notes write it)."""

    open_at: int
    end_at: int
    inner: str
    inner_start: int
    letter: str

    def start(self) -> int:
        return self.open_at

    def end(self) -> int:
        return self.end_at


_PRIMED_CLOSE = lazy(
    r"(?:\\right\s*)?(?P<close>\)|\]|\\\})\s*(?:'|\u2019|\^\s*\{?\s*\\prime\s*\}?)(?!')"
)
_GROUP_LETTER = lazy(r"(?<![\\A-Za-z])[a-df-zA-Z](?![A-Za-z])")
_BRACKET_OPENING = {")": "(", "]": "[", "\\}": "\\{"}


def primed_group(text: str, pos: int) -> _PrimedGroup | None:
    """The first group with a prime after it at or after ``pos`` whose content writes exactly
    one letter, no index and no other prime (``((1 + e^{-x})^{-1})'``, ``(-x)'``,
    ``\\left[(1 + e^{-x})^{-1}\\right]'``, ``\\{\\log(1 + e^{-x})\\}'``); a group of two letters
    (``(f(x))'``, ``(wx)'``: by which?) is no such derivative."""
    for match in _PRIMED_CLOSE.finditer(text, pos):
        closer = match.group("close")
        opener = _BRACKET_OPENING[closer]
        close = match.start("close")
        depth, at = 0, close
        while at >= pos:
            if text.startswith(closer, at) and (closer != "]" or text[at - 1 : at] != "\\"):
                depth += 1
            elif text.startswith(opener, at) and (opener != "[" or text[at - 1 : at] != "\\"):
                depth -= 1
            if depth == 0:
                break
            at -= 1
        if at < pos:
            continue
        inner = text[at + len(opener) : close].removesuffix("\\right").rstrip()
        bare = re.sub(r"\\[A-Za-z]+", " ", inner)
        letters = set(_GROUP_LETTER.findall(bare))
        if len(letters) != 1 or "_" in inner or "'" in inner or "\u2019" in inner:
            continue
        opening = at
        left = re.search(r"\\left\s*$", text[pos:at])
        if left is not None:
            opening = pos + left.start()
        return _PrimedGroup(opening, match.end(), inner, at + len(opener), letters.pop())
    return None


def primed_letters(text: str) -> set[str]:
    """The letters ``text`` differentiates by with primes on groups (``(1 + e^{-x})'``: x)."""
    letters, pos = set(), 0
    while (group := primed_group(text, pos)) is not None:
        letters.add(group.letter)
        pos = group.end()
    return letters


_BARE_VARIABLE = lazy(r"\s*[A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*")


def _over_derivative(text: str, pos: int) -> tuple[int, int, int, int, int] | None:
    """The first ``{\\partial S_i \\over \\partial a_j}`` at or after ``pos``: (start, numerator
    start, numerator end, denominator start, group end)."""
    for match in _OVER_DERIVATIVE.finditer(text, pos):
        end = matching(text, match.start())
        if end < 0:
            continue
        inner = text[match.end() : end - 1]
        levels = _depths(inner)
        over = next((m for m in _OVER.finditer(inner) if levels[m.start()] == 0), None)
        if over is None:
            continue
        return (
            match.start(),
            match.end(),
            match.end() + over.start(),
            match.end() + over.end(),
            end,
        )
    return None


def _depths(text: str) -> list[int]:
    depth, out = 0, []
    for char in text:
        if char in "{([":
            depth += 1
        out.append(depth)
        if char in "})]":
            depth -= 1
    return out


def _variables(text: str, symbol: str, offset: int) -> tuple[str, ...]:
    pieces = re.split(rf"{_PARTIAL_SIGN}|(?<![a-zA-Z\\_{{,])(?<!_\s)d", text)  # (not a_d, o_{d})
    if pieces[0].strip():
        raise Unreadable(f"the denominator must start with {symbol}", offset)
    variables: list[str] = []
    for piece in pieces[1:]:
        power = re.fullmatch(r"(.*?)\s*\^\s*(?:\{\s*(\d)\s*\}|(\d))\s*", piece, re.DOTALL)
        name, times = (
            (power.group(1), int(power.group(2) or power.group(3)))
            if power
            else (
                piece,
                1,
            )
        )
        variables += [name.strip()] * times
    return tuple(variables)


# "product": an explicit sign after the operand ends it, \frac{\partial}{\partial x} f \cdot g
_EXPLICIT_PRODUCT = lazy(r"\s*(?:\*|\\cdot(?![a-zA-Z])|\\times(?![a-zA-Z]))")
_OPERAND_END = lazy(r"\s*(?:$|[-+=)\]},.&\u2212]|\\right|\\[bB]igg?(?:r|\s*[)\]])|\\\}|\\q?quad)")


def _operand(
    text: str, pos: int, operands: str = "strict", functions: frozenset[str] = frozenset()
) -> tuple[int, str, int]:
    """What ``\\frac{\\partial}{\\partial x}`` applies to: a bracketed group, a brace group,
    or, ending its term, a ``\\frac``, a ``\\sum``, or a named quantity (``S_i``, ``\\log p_j``).
    Returns (end, text, start); anything else is ambiguous and :class:`Unreadable`.

    ``operands`` names a reading of the ambiguous cases: ``"term"`` (the operator applies to
    the rest of its term, ``∂/∂x f g = ∂(f g)/∂x``, the usual convention) or ``"factor"`` (to
    the first factor only, a script after a group outside: ``∂/∂x (f)^2 = (∂f/∂x)^2``).
    A call of one of the document's ``functions`` that ends its term, ``g(a^2_{s,1})``, is
    one operand in every reading."""
    while spacing := re.match(r"\s+|\\[,;:! ]", text[pos:]):  # \frac{d}{dz}\,\frac{1}{…}
        pos += spacing.end()
    if operands in ("term", "side"):
        end = _term_end(text, pos)
        end = _side_end(text, pos, end) if operands == "side" else end
        if end > pos:
            return end, text[pos:end], pos
    opener = _OPENERS.match(text, pos)
    if opener or text.startswith("{", pos):
        end = matching(text, pos)
        if end < 0:
            raise Unreadable("unbalanced group after a derivative operator", pos)
        if re.match(r"\s*[_^]", text[end:]) and operands != "factor":
            raise Unreadable("ambiguous: a script on the operand of a derivative", end)
        inner_start = opener.end() if opener else pos + 1
        closer = re.search(
            r"(\\right\s*(?:\)|\]|\\\})|\\[bB]igg?r?\s*(?:\)|\])|\)|\]|\})$", text[:end]
        )
        assert closer is not None
        return end, text[inner_start : closer.start()], inner_start
    end = -1
    frac = _FRAC.match(text, pos)
    if frac:
        first = matching(text, frac.end() - 1)
        second = first
        while 0 <= second < len(text) and text[second].isspace():
            second += 1
        if first > 0 and second < len(text) and text[second] == "{":
            end = matching(text, second)
    elif re.match(r"(?:\\(?:log|ln)(?![a-zA-Z])\s*)?\\sum(?![a-zA-Z])", text[pos:]):
        end = pos + len(_reach(text, pos))
    elif call := _WORD_CALL.match(text, pos) or _FUNCTION_CALL.match(text, pos):
        # \text{softmax}(y)_k: one named entry; \tanh(x), \log(1 - \sigma(x)): one call
        end = matching(text, call.end())
        script = _SCRIPT.match(text, end) if end > 0 else None
        end = script.end() if script else end
    elif powered := _POWERED.match(text, pos):  # e^{-z_i}, x_i^2: the power, whole
        end = matching(text, powered.end() - 1) if powered.group().endswith("{") else powered.end()
    elif named := _NAMED.match(text, pos):
        end = named.end()
        if (named.group() in functions or named.group() in PRIMED_CALLED.get()) and text.startswith(
            "(", end
        ):
            close = matching(text, end)
            if close > 0 and _OPERAND_END.match(text, close):
                end = close
    if end < 0:
        raise Unreadable("cannot tell what the derivative operator applies to", pos)
    if (
        not _OPERAND_END.match(text, end)
        and operands != "factor"
        and not (operands == "product" and _EXPLICIT_PRODUCT.match(text, end))
    ):
        raise Unreadable(
            f"ambiguous: does the derivative apply to more than {text[pos:end].strip()!r}? "
            "put what it applies to in \\left( … \\right)",
            end,
        )
    return end, text[pos:end], pos


# \text{softmax}(…), and a word the text defines, written alone (\mathrm{BCE}(x), word_names.py)
_WORD_CALL = lazy(
    r"(?:\\(?:text|mathrm|operatorname)\s*\{[a-zA-Z_\\]+\}|\ue001[A-Za-z][A-Za-z0-9]*)\s*(?=\()"
)
# ln(…), log(…), tanh(…) without a backslash: the grammar reads them as the functions too
_FUNCTION_CALL = lazy(
    r"(?:(?:\\|(?<![a-zA-Z\\]))(?:tanh|cosh|sinh|log|ln|exp)|\\sigma)\s*(?=\(|\\left\s*\()"
)


_TERM_END = lazy(r"[-+=,&\u2212]|\\right|\\q?quad(?![a-zA-Z])|\\\\|\\[bB]igg?(?:r|\s*[)\]])")


def _term_end(text: str, pos: int) -> int:
    """Where the term that starts at ``pos`` ends: a ``+``, ``-``, ``=`` or closing bracket
    outside every group."""
    return _end_outside_groups(text, pos, _TERM_END)


def _end_outside_groups(text: str, pos: int, ends: re.Pattern[str]) -> int:
    """The first closing bracket or match of ``ends`` from ``pos`` outside every group (a
    leading minus belongs to what starts at ``pos``), trailing spaces left out."""
    depth, at = 0, pos
    while at < len(text):
        char = text[at]
        if char == "\\" and text.startswith(("\\{", "\\}"), at):
            at += 2
            continue
        if depth == 0 and (char in ")]}" or ends.match(text, at)):
            if not (char in "-\u2212" and at == pos):
                break
        depth += char in "{(["
        depth -= char in "})]"
        at += 1
    while at > pos and text[at - 1].isspace():
        at -= 1
    return at


_SIDE_END = lazy(r"[=,&]|\\right|\\q?quad(?![a-zA-Z])|\\\\|\\[bB]igg?(?:r|\s*[)\]])")
_ANOTHER_OPERATOR = lazy(r"\\partial|\\nabla|\\[dt]?frac\s*\{\s*d|\\mathrm\s*\{\s*d|'")


def _side_end(text: str, pos: int, term_end: int) -> int:
    """Where the side that an operand starting at ``pos`` is written in ends, for an author
    who drops the brackets (``\\frac{d}{dx} x^2 + 1`` for the derivative of x^2 + 1): the end
    of its term when the rest of the side holds another derivative."""
    at = _end_outside_groups(text, pos, _SIDE_END)  # _SIDE_END has no minus: the same walk
    bracketed = _OPENERS.match(text, pos) or text.startswith("{", pos)  # (f) + g: f alone
    if bracketed or _ANOTHER_OPERATOR.search(text, term_end, at):
        return term_end
    return max(at, term_end)


def reaches_past_its_term(text: str) -> bool:
    """Whether a derivative operator of ``text`` applies to more than its term when read to
    the end of its side (``\\frac{d}{dx} \\sigma(x) + x``)."""
    try:
        strict = [(start, end) for start, end, _ in _find_derivatives(text)]
        side = [(start, end) for start, end, _ in _find_derivatives(text, "side")]
    except Unreadable:
        return False
    return strict != side


_SIZED_CLOSER = lazy(r"\\(?:right|[bB]igg?r?)(?![a-zA-Z])\s*[)\]]")


def _reach(text: str, start: int) -> str:
    """The text a ``\\sum`` starting at ``start`` takes: the rest of its term."""
    depth, pos = 0, start
    seen = False
    while pos < len(text):
        char = text[pos]
        if char == "\\" and depth == 0 and _SIZED_CLOSER.match(text, pos):
            break  # \Big( \sum_i e^{o_i} \Big): the group around the sum closes
        if char == "\\":
            pos += 2
            seen = True
            continue
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
            if depth < 0:
                break
        elif char in "+-\u2212" and depth == 0 and seen:
            break
        elif not char.isspace():
            seen = True
        pos += 1
    return text[start:pos]


def quantity_written(text: str, start: int) -> str:
    """The quantity differentiated, as written from ``start`` to its group's end (y_{n,k})."""
    depth, end = 0, start
    while end < len(text) and end - start < 60 and (text[end] != "}" or depth):
        depth += (text[end] == "{") - (text[end] == "}")
        end += 1
    return " ".join(text[start:end].split())
