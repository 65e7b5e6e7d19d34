"""A bare ``\\sum`` as the text's shorthand for its partition sum.

Real posts write the denominator of the softmax once with its index, ``h(x) = \\sum_k e^{a_k}``,
then shorten it: ``\\frac{e^{a_i} \\times \\sum - e^{a_i} e^{a_i}}{\\sum^2}`` (a ``\\sum`` with no
body) or ``\\frac{e^{z_b}}{\\sum e^z}`` (a body without the index).  Both have one reading when
the text's sums of exponentials are all of one letter: ``\\sum_k e^{a_k}``.  Anything else (two
letters, no such sum, a ``\\sum'`` the text gives its own meaning) is left unread."""

from __future__ import annotations

import re

from symsoft.errors import Unreadable
from symsoft.reading.lazy_regex import lazy

_SUM = lazy(r"\\sum(?![a-zA-Z])")
_SCRIPT = lazy(
    r"\s*(?:\\(?:limits|nolimits|displaystyle)(?![a-zA-Z])\s*)*([_^])\s*(\{[^{}]*\}|\\?[a-zA-Z0-9])"
)
_EXPONENTIAL = lazy(
    r"\s*(?:\\left\s*)?[({]?\s*(?:(?:\\mathrm\s*\{\s*e\s*\}|e)\s*\^\s*\{?|\\exp\s*(?:\\left\s*)?[({]?)\s*"
    r"([a-zA-Z])\s*_\s*\{?\s*([a-zA-Z])(?![a-zA-Z])"
)
# the body of a sum written without its index: e^z, e^{z}, \exp(z), \exp{z}
_BARE_BODY = lazy(
    r"\s*(?:e\s*\^\s*(?:\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))"
    r"|\\exp\s*(?:\\left\s*)?[({]\s*([a-zA-Z])\s*(?:\\right\s*)?[)}])\s*"
)


def partition_letter(text: str) -> str | None:
    """The one letter ``x`` of the text's indexed sums of exponentials ``\\sum_k e^{x_k}``
    (``\\exp(x_k)``; also ``\\sum e^{x_k}``, the index in the terms alone), or None when it
    writes none or those of two letters.

    >>> partition_letter(r"$h(x) = \\sum_{k}{e^{a_k}}$ and $\\sum_k y_k = 1$")
    'a'
    >>> partition_letter(r"$\\sum_k e^{a_k}$ beside $\\sum_j e^{z_j}$") is None
    True
    """
    letters = set()
    for match in _SUM.finditer(text):
        pos, index = match.end(), None
        while script := _SCRIPT.match(text, pos):
            if script.group(1) == "_":
                index = re.match(r"\{?\s*([a-zA-Z])", script.group(2))
            pos = script.end()
        body = _EXPONENTIAL.match(text, pos)
        if body is not None and (index is None or body.group(2) == index.group(1)):
            letters.add(body.group(1))  # \sum_k e^{a_k}, or \sum e^{a_k}: over its one index
    return letters.pop() if len(letters) == 1 else None


def bare_sum_body(body: str, letter: str) -> bool:
    """Whether ``body``, the terms of a ``\\sum`` without an index, is the exponential of the
    partition sum's letter written alone (``e^{z}``, ``e^z``, ``\\exp(z)``)."""
    match = _BARE_BODY.fullmatch(body)
    return match is not None and letter in match.groups()


_FACTOR_BEFORE = lazy(r"(?:\\times|\\cdot|[*a-zA-Z0-9})\]])\s*$")
_NO_BODY = lazy(r"\s*(?:$|[})\]=&]|\\right(?![a-zA-Z])|\\\\|\\(?:times|cdot)(?![a-zA-Z]))")
_OPERATOR = lazy(r"\s*[-+\u2212]")
_INDEXED_SUM = lazy(r"\\sum\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))(?![a-zA-Z])")


def _fresh(text: str) -> str:
    return next(k for k in "kmnlqrstuv" if not re.search(rf"(?<![\\a-zA-Z]){k}(?![a-zA-Z])", text))


def expand_shorthand(text: str, letter: str | None, count: str = "N", written: str = "") -> str:
    """``text`` with each shorthand ``\\sum`` of the partition sum written out over a fresh
    index: ``\\sum`` with no body (``\\times \\sum -``, ``\\sum^2``, ``{\\sum}``; also with the
    letter that counts the classes as its only script, ``\\sum_{C}``, a notebook's
    ``\\frac{e^{z_i}}{\\sum_{C}}``), and a body without the index (``\\sum e^z``,
    ``\\sum_j e^{z}``).  Only in a side that writes an exponential of that letter
    (``e^{a_i}``), as ``written`` (before its derivatives were cut out) if given: a ``\\sum``
    elsewhere is not taken for it.

    >>> print(expand_shorthand(r"\\frac{e^{a_i}}{\\sum^2}", "a"))
    \\frac{e^{a_i}}{\\left(\\sum_{k} e^{a_{k}}\\right)^2}
    """
    exponential = (  # e^{a_i}, \exp(a_i), \exp\left(a_i\right)
        rf"(?:(?:\\mathrm\s*\{{\s*e\s*\}}|e)\s*\^\s*\{{?|\\exp\s*(?:\\left\s*)?\(?)\s*{letter}\s*_"
    )
    if letter is None or not re.search(exponential, written or text):
        return text
    k = _fresh(text)
    whole = rf"\left(\sum_{{{k}}} e^{{{letter}_{{{k}}}}}\right)"
    out, pos = [], 0
    for match in _SUM.finditer(text):
        after = match.end()
        script = _SCRIPT.match(text, after)
        if script is not None and script.group(1) == "_":
            index = script.group(2).strip("{} ")
            body = _body(text, script.end())
            if (
                index == count
                and not _SCRIPT.match(text, script.end())
                and (_NO_BODY.match(text, script.end()) or _OPERATOR.match(text, script.end()))
            ):
                # \sum_{C}: over the C classes; {\sum_{C}}^2, braces around it alone, its square
                braced = re.search(r"\{\s*$", text[pos : match.start()])
                closing = re.match(r"\s*\}(?=\s*\^)", text[script.end() :])
                start, end = match.start(), script.end()
                if braced and closing:
                    start, end = pos + braced.start(), end + closing.end()
                out.append(text[pos:start] + whole)
                pos = end
                continue
            if re.fullmatch(r"[a-z]", index) and bare_sum_body(body, letter):
                # \sum_j e^{z}: the index the body leaves out
                out.append(text[pos : script.end()] + rf" e^{{{letter}_{{{index}}}}}")
                pos = script.end() + len(body)
            continue
        power = script is not None and script.group(1) == "^"
        rest = script.end() if power else after
        if _SCRIPT.match(text, rest) or text[rest : rest + 1] == "'":
            continue  # \sum^K_{k=1}, or \sum' (a derivative the text names)
        body = _body(text, rest)
        if bare_sum_body(body, letter):  # \sum e^z
            out.append(text[pos : match.start()] + rf"\sum_{{{k}}} e^{{{letter}_{{{k}}}}}")
            pos = rest + len(body)
        elif _OPERATOR.match(text, rest) and _summed_terms(text, rest, match.start()):
            raise Unreadable(  # \sum -a_k e^{a_k}: the sum minus a_k e^{a_k}, or its terms?
                "ambiguous: \\sum followed by signed terms with an index of their own: the text's "
                "sum, or a sum of those terms? write \\sum_k",
                match.start(),
            )
        elif _no_body(text, rest, match.start()):  # \times \sum - …, {\sum^2}: the sum itself
            out.append(text[pos : match.start()] + whole)
            pos = after
        elif _OPERATOR.match(text, rest):  # \frac{\sum - e^{a_j}}{…}: -e^{a_j} summed?
            if not _writes_the_sum_alone(text):
                raise Unreadable(
                    "ambiguous: \\sum followed by a sign: the text's sum, or a sum of signed "
                    "terms? write \\sum_k",
                    match.start(),
                )
            out.append(text[pos : match.start()] + whole)  # beside {\sum}, \sum^2: the sum
            pos = after
    return "".join(out) + text[pos:]


_SUBSCRIPT_LETTER = lazy(r"_\s*\{?\s*([a-z])")
_EXPONENTIALS = lazy(
    r"\s*[-+\u2212]\s*(?:(?:e\s*\^\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w)|\\exp\s*(?:\\left\s*)?\([^()]*\))"
    r"\s*(?:[.*]|\\cdot|\\times)?\s*)+"
)


def _summed_terms(text: str, rest: int, start: int) -> bool:
    """Whether the signed terms after a bare ``\\sum`` at ``start`` (its scripts ending at
    ``rest``) may be the sum's own: they write an index the side writes nowhere else, beside a
    factor that is no exponential (``\\sum -a_k e^{a_k}``, ``\\sum -y_k e^{a_k}``)."""
    body = _body(text, rest)
    outside = text[:start] + text[rest + len(body) :]
    own = set(_SUBSCRIPT_LETTER.findall(body)) - set(_SUBSCRIPT_LETTER.findall(outside))
    return bool(own) and _EXPONENTIALS.fullmatch(body) is None


def _writes_the_sum_alone(text: str) -> bool:
    """Whether ``text`` writes the shorthand ``\\sum`` with no terms somewhere (``{\\sum}``,
    ``\\sum^2``, ``\\times \\sum -``): then a ``\\sum -`` of it is that sum too."""
    for match in _SUM.finditer(text):
        script = _SCRIPT.match(text, match.end())
        if script is not None and script.group(1) == "_":
            continue
        rest = script.end() if script is not None else match.end()
        if _SCRIPT.match(text, rest):
            continue
        if _no_body(text, rest, match.start()):
            return True
    return False


def _no_body(text: str, rest: int, start: int) -> bool:
    """Whether the ``\\sum`` at ``start``, its scripts ending at ``rest``, has no terms: it is
    followed by a closing bracket or the end, or by a sign with a factor before the sum."""
    return bool(
        _NO_BODY.match(text, rest)
        or (_OPERATOR.match(text, rest) and _FACTOR_BEFORE.search(text[:start]))
    )


def _body(text: str, start: int) -> str:
    """The terms after a ``\\sum`` at ``start``: up to a sign, a closing bracket or the end."""
    depth, pos = 0, start
    while pos < len(text):
        char = text[pos]
        if char in "{([":
            depth += 1
        elif char in "})]":
            if depth == 0:
                break
            depth -= 1
        elif char in "+-\u2212=&" and depth == 0 and text[start:pos].strip():
            break
        pos += 1
    return text[start:pos]
