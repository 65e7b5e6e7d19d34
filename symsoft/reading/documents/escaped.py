"""TeX delimiters a Markdown file escapes (Hugo, Jekyll write ``\\\\[ … \\\\]`` so that Markdown
leaves ``\\[ … \\]``): read as the delimiters they stand for, columns kept; and the HTML a
README lays its math out with, blanked."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

# Markdown that escapes its TeX delimiters (Hugo, Jekyll): \\[ … \\] is \[ … \], \\( … \\) is
# \( … \); not a row's spacing \\[1.6em], nor a line break before a bracket inside $$ … $$
_ESCAPED = lazy(
    r"(?<!\\)\\\\(?:\[(?!\s*-?\d*\.?\d+\s*(?:em|ex|pt|mm|cm|mu)\s*\])(?P<display>.*?)(?<!\\)\\\\\]"
    r"|\((?P<inline>[^\n]*?(?:\n(?!\s*\n)[^\n]*?)*?)(?<!\\)\\\\\))",
    re.DOTALL,
)


def unescape_delimiters(text: Text) -> None:
    """``\\\\[ … \\\\]`` and ``\\\\( … \\\\)`` of a Markdown file outside ``$`` math read as
    ``\\[ … \\]`` and ``\\( … \\)`` (the first backslash blanked: columns stay the file's)."""
    source = text.slice(0, len(text.chars))
    if "\\\\[" not in source and "\\\\(" not in source:
        return
    for match in _ESCAPED.finditer(source):
        body = match.group("display")
        body = match.group("inline") if body is None else body
        if "$" in source[match.start() : match.end()] or "\n\n" in body.strip("\n"):
            continue  # inside, or across, other math; or across paragraphs
        if source.count("$$", 0, match.start()) % 2:
            continue  # in a $$ … $$ display: a line break, then a bracket
        text.chars[match.start()] = " "
        text.chars[match.end() - 3] = " "


# HTML that lays a README out: a line break (in a table's cell, a list item, after inline
# math: "$…$<br>"), a centred paragraph or block around math; blanked, so the math is alone
_HTML_LAYOUT = lazy(
    r"(?i)<br\s*/?>|</?(?:p|div|center)(?:\s+[a-z-]+\s*=\s*(?:\"[^\"<>$]*\"|'[^'<>$]*'|[a-z]+))*\s*>"
)


def blank_html_layout(text: Text) -> None:
    """Blank the layout tags of HTML in a Markdown file (``<br>``, ``<p align="center">``), and
    read the math tags of a Hexo or Jekyll blog (``{% mathjax %} … {% endmathjax %}``) as ``$$``:
    the math between them is a display, or inline math where a sentence goes on around it."""
    for match in _HTML_LAYOUT.finditer(text.original):
        text.blank(match.start(), match.end())
    if "{%" not in text.original:
        return
    source = text.original
    tags = list(_TEMPLATE_TAG.finditer(source))
    for match in tags:
        text.blank(match.start(), match.end())
    opened = None
    for match in (tag for tag in tags if tag.group("math")):
        if not match.group("math").startswith("end"):
            opened = match
            continue
        if opened is None:
            continue
        line_start = source.rfind("\n", 0, opened.start()) + 1
        line_end = source.find("\n", match.end())
        line_end = len(source) if line_end < 0 else line_end
        inside = source[opened.end() : match.start()]
        around = source[line_start : opened.start()] + source[match.end() : line_end]
        # on one line with words around it, the math is in a sentence: inline ($), else $$
        mark = ["$"] if "\n" not in inside and around.strip(" \t.,;:") else ["$", "$"]
        for tag in (opened, match):
            text.chars[tag.start() : tag.start() + len(mark)] = mark
        opened = None


# a Hexo / Jekyll tag around math (``{% mathjax %}``, ``{% katex display %}``, ``{% math %}``
# and their end tags), or a ``{% raw %}`` that only keeps the template engine off the math
_TEMPLATE_TAG = lazy(
    r"\{%-?[ \t]*(?:(?P<math>(?:end)?(?:mathjax|katex|math))(?:[ \t]+[\w=\"']*)*|(?:end)?raw)"
    r"[ \t]*-?%\}"
)


_CFRAC = lazy(r"\\cfrac(?![a-zA-Z])")


def plain_fractions(text: Text) -> None:
    """``\\cfrac`` (the fraction of a continued fraction, written for its larger type) read as
    ``\\frac``, columns kept."""
    for match in _CFRAC.finditer(text.slice(0, len(text.chars))):
        text.chars[match.start() : match.end()] = list(" \\frac")
