"""Functions written with their parameters as a subscript, as logistic regression is taught:
``h_\\theta(x) = \\frac{1}{1 + e^{-\\theta^T x}}``, ``f_{\\mathbf{w}}(\\mathbf{x})``.  When the
document defines such a call and writes the function with that subscript at that argument only,
every ``h_\\theta(x)`` is the one quantity it defines: it is read as the name ``h`` (the
subscript and the argument blanked, so columns stay the file's).  A call at another argument
(``h_\\theta(x^{(i)})``, one example) or a bare ``h`` elsewhere leaves every call as written."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_SYMBOL = (
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:[a-zA-Z]|\\[a-z]+)\s*\}"
    r"|\\(?:mathbf|boldsymbol|bm|vec)\s*\\?[a-zA-Z]+|\\[a-z]+|[a-zA-Z])"
)
_CALL = lazy(
    rf"(?<![\\A-Za-z])(?P<name>[a-zA-Z])(?P<written>\s*_\s*(?P<script>\{{\s*{_SYMBOL}\s*\}}|{_SYMBOL})"
    rf"\s*(?:\\left\s*)?\(\s*(?P<argument>{_SYMBOL})\s*(?:\\right\s*)?\))"
)
# any call of a letter with a subscript, whatever its argument
_OPENED = r"\s*_\s*(?:\{[^{}]*\}|\\[a-zA-Z]+|[a-zA-Z])\s*(?:\\left\s*)?\("
_OPENING = lazy(r"(?:\$|\\\[|\\\(|&|^|\n|\\begin\{[a-z*]+\})\s*$")


# the value after the call's =, up to the end of its math or row
_VALUE = lazy(r"\s*(?::=|=|\\coloneqq)([^$\n&]*?)(?:\\\\|\$|\n|&|$)")
_CORE = lazy(r"\\(?!mathbf|boldsymbol|bm|vec)[a-z]+|(?<![\\a-z])[a-zA-Z](?![a-zA-Z])")


def _uses(value: str, script: str, argument: str) -> bool:
    """Whether the value writes the parameters and the argument: a definition of the function
    (``h_\\theta(x) = \\frac{1}{1 + e^{-\\theta^T x}}``), not a claim about a Jacobian
    ``J_{\\mathbf x}(\\mathbf y) = \\operatorname{diag}(\\mathbf y) - …`` (no x in it)."""
    written = set(_CORE.findall(value))
    return all(set(_CORE.findall(part)) <= written for part in (script, argument))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+|\\left|\\right", "", text)


def spell_parametrized_calls(text: Text) -> None:
    """``h_\\theta(x)`` read as ``h`` where the text defines it and writes it so only."""
    everything = text.slice(0, len(text.chars))
    calls = list(_CALL.finditer(everything))
    defined: dict[str, str] = {}
    for call in calls:
        opens = _OPENING.search(everything, max(0, call.start() - 40), call.start())
        value = _VALUE.match(everything, call.end())
        if opens and value and _uses(value.group(1), call.group("script"), call.group("argument")):
            defined.setdefault(call.group("name"), _squeezed(call.group("written")))
    for name, written in defined.items():
        same = [c for c in calls if c.group("name") == name]
        opened = re.findall(rf"(?<![\\A-Za-z]){name}{_OPENED}", everything)
        if len(opened) != len(same) or any(_squeezed(c.group("written")) != written for c in same):
            continue  # h_\theta(x^{(i)}) beside h_\theta(x): calls at other arguments
        alone = rf"(?<![\\A-Za-z]){name}(?![A-Za-z_\s(])|(?<![\\A-Za-z]){name}\s*\^"
        if re.search(alone, everything):
            continue  # h also written alone: another quantity of the same letter?
        for call in same:
            start, end = call.span("written")
            text.chars[start:end] = [" "] * (end - start)
