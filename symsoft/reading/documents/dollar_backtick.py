"""GitLab's and GitHub's inline math in Markdown, ``$`\\frac{a}{b}`$``: a code span between two
dollars, read as ``$…$``; one over several lines alone on its lines as a display ``$$…$$``.
And MathJax's delimiters kept from a Jekyll Markdown engine inside a code span (a backtick,
``\\[ … \\]``, a backtick; likewise ``\\( … \\)``) delimit a display and inline math: the backticks
are blanked."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text


def dollar_backtick(text: Text, blanked: str, match: re.Match[str]) -> bool:
    """Respell GitLab's and GitHub's ``$`…`$`` as ``$…$`` in place; a formula over several
    lines with nothing else on its first and last lines as a display ``$$…$$``."""
    start, end = match.start(), match.end()
    if match.group(1) != "`" or start < 1 or blanked[start - 1] != "$" or end >= len(blanked):
        return False
    if blanked[end] != "$" or blanked[start - 2 : start - 1] in ("$", "\\") or "\n\n" in match[0]:
        return False
    line_start = blanked.rfind("\n", 0, start) + 1
    line_end = blanked.find("\n", end)
    line_end = len(blanked) if line_end < 0 else line_end
    alone = not blanked[line_start : start - 1].strip() and not blanked[end + 1 : line_end].strip()
    if "\n" in match.group() and alone:
        text.chars[start - 1 : start + 1] = ["$", "$"]
        text.chars[end - 1 : end + 1] = ["$", "$"]
    else:
        text.chars[start - 1 : start + 1] = [" ", "$"]
        text.chars[end - 1 : end + 1] = ["$", " "]
    return True


def bracketed_backtick(text: Text, match: re.Match[str]) -> bool:
    """Blank the backticks of a code span that holds ``\\[ … \\]`` or ``\\( … \\)`` alone (see the
    module), in place; whether it did."""
    code = match.group()
    ticks = len(code) - len(code.lstrip("`"))
    inner = code[ticks : len(code) - ticks].strip()
    if ticks == 0 or not re.fullmatch(r"\\\[.*\\\]|\\\(.*\\\)", inner, re.DOTALL):
        return False
    text.blank(match.start(), match.start() + ticks)
    text.blank(match.end() - ticks, match.end())
    return True
