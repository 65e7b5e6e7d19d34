"""Presentation MathML of LaTeX for the HTML reports, spaced the way TeX would set it."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from xml.etree import ElementTree

    from markupsafe import Markup

__all__ = ["latex_to_mathml", "math_filter"]

# The logger users configure for reports, under the name it had before report.py was split.
logger = logging.getLogger("symsoft.render.report")

_MATHML_XMLNS = ' xmlns="http://www.w3.org/1998/Math/MathML"'
_FUNCTION_NAMES = frozenset({"log", "ln", "exp", "sin", "cos", "tan", "det", "max", "min"})
_TALL = frozenset({"mfrac", "munderover", "munder", "mover", "mtable", "mroot"})


def _opens_with_fence(element: ElementTree.Element) -> bool:
    while element.tag == "mrow" and len(element):
        element = element[0]
    return element.tag == "mo" and (element.get("fence") == "true" or element.text == "(")


def _typeset_like_tex(math: ElementTree.Element) -> None:
    """Spacing that TeX decides and the browser does not.

    ``\\left( … \\right)`` arrives as stretchy fences, which Chromium pads even around short
    content: they stretch only around something tall.  A function name (an ``<mi>``, which MathML
    does not space) becomes an operator with a thin space before it and, unless a parenthesis
    follows, after it.
    """
    for row in math.iter("mrow"):
        first, last = (row[0], row[-1]) if len(row) >= 2 else (None, None)
        if first is None or last is None or first.get("fence") != "true":
            continue
        if not any(element.tag in _TALL for element in row.iter()):
            first.set("stretchy", "false")
            if last.get("fence") == "true":
                last.set("stretchy", "false")
    for parent in list(math.iter()):
        # latex2mathml closes \\displaystyle at once; it governs the rest of its group.
        for position, child in enumerate(list(parent)):
            if child.tag == "mstyle" and not len(child) and not (child.text or "").strip():
                for sibling in list(parent)[position + 1 :]:
                    parent.remove(sibling)
                    child.append(sibling)
                break
    for parent in math.iter():
        children = list(parent)
        for position, child in enumerate(children):
            if child.tag != "mi" or child.text not in _FUNCTION_NAMES:
                continue
            following = children[position + 1] if position + 1 < len(children) else None
            child.tag = "mo"
            child.set("lspace", "0.1667em")
            fenced = following is not None and _opens_with_fence(following)
            child.set("rspace", "0em" if fenced else "0.1667em")


@functools.lru_cache(maxsize=4096)
def latex_to_mathml(latex: str, display: Literal["inline", "block"] = "inline") -> str:
    """Presentation MathML for the LaTeX ``latex`` (HTML5 form, no namespace attribute).

    Raises :class:`ValueError` when latex2mathml rejects the input or leaves a LaTeX command
    unconverted (it passes unknown commands through as text).

    >>> latex_to_mathml("x_k")
    '<math display="inline"><mrow><msub><mi>x</mi><mi>k</mi></msub></mrow></math>'
    """
    from xml.etree import ElementTree

    from latex2mathml.converter import convert

    try:
        mathml = convert(latex, display=display)
    except Exception as exc:  # latex2mathml raises a zoo of its own exception types
        raise ValueError(f"latex2mathml cannot convert {latex!r}: {type(exc).__name__}") from exc
    if "\\" in mathml:
        raise ValueError(f"latex2mathml left a LaTeX command unconverted in {latex!r}")
    try:
        math = ElementTree.fromstring(mathml.replace(_MATHML_XMLNS, "", 1))
    except ElementTree.ParseError as exc:  # e.g. a bare "&" outside an environment
        raise ValueError(f"latex2mathml made malformed MathML of {latex!r}") from exc
    _typeset_like_tex(math)
    return ElementTree.tostring(math, encoding="unicode")


def math_filter(latex: str, display: Literal["inline", "block"] = "inline") -> Markup:
    from markupsafe import Markup, escape

    try:
        return Markup(latex_to_mathml(latex, display))
    except ValueError as exc:
        logger.warning("showing LaTeX source instead of MathML: %s", exc)
        css = "tex-source block" if display == "block" else "tex-source"
        return Markup('<code class="{}">{}</code>').format(css, escape(latex))
