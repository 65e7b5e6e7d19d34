"""The document's own macros expanded in a side: ``\\newcommand{\\dd}{\\partial}``, and macros
with arguments (``\\renewcommand{\\exp}[1]{e^{2 #1}}``, ``\\renewcommand{\\vec}[1]{\\mathbf{#1}}``),
whose arguments are braced groups or one token."""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.documents.brackets import matching
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy

DOCUMENT_MACROS: ContextVar[dict[str, str] | None] = ContextVar("document_macros", default=None)
"""The macros of the document being read (``\\newcommand{\\yh}{\\hat{y}}``): every expression of
it is read with them expanded (latex.parse_expression), names in definitions too."""

_LONGEST = 100_000  # characters: a macro that copies its argument many times, nested
_TOKEN = lazy(r"\s*(\\[a-zA-Z]+|\\.|[^\s{}\\])")


def _arguments(text: str, start: int, count: int) -> tuple[list[str], int] | None:
    """``count`` arguments of a macro written at ``text[start:]``, and where they end."""
    out: list[str] = []
    at = start
    for _ in range(count):
        while at < len(text) and text[at] in " \t\n":
            at += 1
        if at < len(text) and text[at] == "{":
            end = matching(text, at)
            if end < 0 or text[end - 1] != "}":
                return None
            out.append(text[at + 1 : end - 1])
            at = end
            continue
        token = _TOKEN.match(text, at)
        if token is None:
            return None
        out.append(token.group(1))
        at = token.end()
    return out, at


_BARE = "\x00sigma"  # the key of σ's one argument letter, when the text writes σ bare
# σ of something with σ in it (\sigma(1 - \sigma): a product, or σ of 1 - σ?), entries, powers
# … and σ given a value of its own (\sigma = \sum_j e^{f_j}: a name, not σ(x))
_OTHER_USE = lazy(
    r"\\sigma\s*(?:'+\s*)?(?:\\left\s*)?\([^()$]*\\sigma|\\sigma\s*[_^{]"
    r"|(?:^|\$|\\\\|&|\n)\s*\\sigma(?![a-zA-Z'])\s*(?:=|:=|\\coloneqq|\\equiv)"
)
# σ, σ', σ'' written with no argument: not before a group, a script or a brace
_BARE_SIGMA = lazy(r"\\sigma(?![a-zA-Z])('*)(?!\s*(?:'|\(|\\left|_|\^|\{|\[))")
# σ applied to anything (its arguments), σ' bare, and σ as a spread (a standard deviation)
_ANY_CALL = lazy(r"\\sigma\s*(?:'+\s*)?(?:\\left\s*)?\(([^()$]*)(?:\\right\s*)?\)")
_BARE_PRIME = lazy(r"\\sigma\s*'+(?!\s*(?:'|\(|\\left))")
_SPREAD = lazy(r"\\mu(?![a-zA-Z])|deviation|variance|\bstd\b|\bscale|normali[sz]|Gauss", re.I)
_LOGISTIC = lazy(
    r"\\sigma\s*\(\s*[a-z]\s*\)\s*(?:=|:=)\s*\\[dt]?frac\s*\{\s*1\s*\}|sigmoid|logistic"
)


def with_bare_sigma(macros: dict[str, str], text: str) -> dict[str, str]:
    """``macros`` and, where the text writes σ bare (``\\sigma' = (1 - \\sigma)\\sigma``) beside
    the logistic function applied to one letter only (``\\sigma(x) = \\frac{1}{1 + e^{-x}}``,
    every ``\\sigma(…)`` at x, and σ' written bare), that letter: a bare σ is then σ(x), the only
    reading (not where ``\\sigma(1 - \\sigma)`` may be a product or σ of 1 - σ, nor beside σ at
    another argument, nor where σ may be a spread: a mean μ, "standard deviation", "scale").

    >>> with_bare_sigma({}, r"$\\sigma(x) = \\frac{1}{1+e^{-x}}$, $\\sigma' = (1-\\sigma)\\sigma$")
    {'\\x00sigma': 'x'}
    >>> with_bare_sigma({}, r"$\\sigma(x) = \\frac{1}{1+e^{-x}}$, $\\sigma(z)$ and $\\sigma'$")
    {}
    """
    letters = {argument.strip() for argument in _ANY_CALL.findall(text)}
    if len(letters) != 1 or not re.fullmatch("[a-z]", next(iter(letters))):
        return macros  # σ(z_i), σ(-x) beside σ(x): which one would a bare σ be?
    if _OTHER_USE.search(text) or not _LOGISTIC.search(text) or _SPREAD.search(text):
        return macros
    if not _BARE_PRIME.search(text):
        return macros  # σ' = (1 - σ)σ: the function's own derivative, said bare
    if "sigma" in macros or not _BARE_SIGMA.search(text):
        return macros
    return {**macros, _BARE: letters.pop()}


VALUED_D = "\x00d"  # the key present when the text gives d a value (d = 64, d_k = b^2 - 4ac)
_D_VALUE = lazy(r"(?<![\\a-zA-Z])d\s*(?:_\s*\{?\s*[a-z]\s*\}?)?\s*(?:=|:=|\\coloneqq)")


def with_text_readings(macros: dict[str, str], text: str) -> dict[str, str]:
    """:func:`with_bare_sigma`, and whether the text gives d a value (then ``\\sqrt{d}`` is no
    free dimension: name_rules.root_of_dimension)."""
    macros = with_bare_sigma(macros, text)
    return {**macros, VALUED_D: "d"} if _D_VALUE.search(text) else macros


def bare_sigma(text: str) -> str:
    """``text`` with a bare σ written at the document's one letter (:func:`with_bare_sigma`)."""
    letter = (DOCUMENT_MACROS.get() or {}).get(_BARE)
    if not letter or "\\sigma" not in text:
        return text
    return _BARE_SIGMA.sub(lambda m: rf"\sigma{m.group(1)}({letter})", text)


# a macro's body that names an operator in TeX's own way: \mathop{\rm softmax}\nolimits
_OPERATOR = lazy(  # (its braces and \rm may be blanked already: \mathop     softmax)
    r"\\mathop\s*(?:\{\s*)?(?:\\rm(?![a-zA-Z])\s*)?(?:([A-Za-z]+)|\\(?:mathrm|text)\s*\{\s*([A-Za-z]+)\s*\})"
    r"\s*\}?(?:\s*\\(?:no)?limits(?![a-zA-Z]))?"
)


def expand(text: str, macros: dict[str, str]) -> str:
    """``text`` with the document's macros replaced by their bodies (bounded: a macro may use
    another); a macro with arguments that cannot be found is unreadable, never read as the
    command symsoft knows by that name.

    >>> expand(r"\\exp{x} = e^{2x}", {"exp": "e^{2 #1}"})
    'e^{2 x}  = e^{2x}'
    """
    if not macros or "\\" not in text:
        return text
    if _BARE in macros:  # \sigma' = (1 - \sigma)\sigma: at the text's one letter
        text = bare_sigma(text)
    macros = {
        name: _OPERATOR.sub(lambda m: rf"\operatorname{{{m[1] or m[2]}}}", body)  # \mathop{\rm …}
        for name, body in macros.items()
        if not name.startswith("\x00")
    }
    if not macros:
        return text
    pattern = re.compile(r"\\(" + "|".join(map(re.escape, macros)) + r")(?![a-zA-Z])")
    for _ in range(4):
        found = pattern.search(text)
        if found is None:
            break
        out, at = [], 0
        while found is not None:
            body = macros[found.group(1)]
            count = max((int(n) for n in re.findall(r"#(\d)", body)), default=0)
            taken = _arguments(text, found.end(), count)
            if taken is None:
                raise Unreadable(
                    f"the document's macro '\\{found.group(1)}' with arguments not found",
                    found.start(),
                )
            arguments, end = taken
            for number, argument in enumerate(arguments, 1):
                body = body.replace(f"#{number}", argument)
            before = text[at : found.start()]
            glued = re.search(r"\\[a-zA-Z]+$", before) and re.match(r"[a-zA-Z]", body)
            out.append(before + (" " if glued else "") + body + " ")  # \cos\h: not \cosh
            at = end
            found = pattern.search(text, end)
            if sum(map(len, out)) > _LONGEST:
                raise Unreadable("too long once the document's macros are expanded", 0)
        text = "".join(out) + text[at:]
    return text
