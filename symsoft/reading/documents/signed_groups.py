"""A brace group that opens with a sign after a complete factor
(``\\frac{y}{\\sigma(z)}{-\\frac{1-y}{1-\\sigma(z)}}``): braces do not print, so the page shows a
difference, ``y/σ(z) − (1-y)/(1-σ(z))``; the braces are blanked and it is read as shown, never as a
product with a negative factor.  A group that is a command's argument (``\\frac{a}{-b}``,
``\\sqrt{-x}``, ``^{-x}``) or carries a script (``{-e}^{-x}``) is left as written."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

_SIGNED_GROUP = lazy(r"\{(?=\s*[-+])")
_COMMAND_END = lazy(r"\\[a-zA-Z]+\s*$")
# commands of two arguments: after their first, a group is their second
_TWO_ARGUMENTS = lazy(
    r"\\(?:[dtc]?frac|binom|textcolor|colorbox|overset|underset|stackrel|href)\s*$"
)


def _opening(before: str) -> int:
    """Where the group that ``before`` ends with (a ``}``) opens, or -1."""
    depth = 0
    for at in range(len(before) - 1, -1, -1):
        char = before[at]
        if char in "{}" and at > 0 and before[at - 1] == "\\":
            continue  # \{ \}: printed braces
        depth += (char == "}") - (char == "{")
        if depth == 0:
            return at
    return -1


def _free(before: str) -> bool:
    """Whether a group written right after ``before`` is no command's argument."""
    before = before.rstrip()
    if not before or before[-1] in "^_" or _COMMAND_END.search(before):
        return False
    if before[-1] == "}":
        opening = _opening(before)
        return opening >= 0 and not _TWO_ARGUMENTS.search(before[:opening])
    return before[-1] in ")]" or before[-1].isalnum()


def unbrace_signed_groups(text: Text, span: Span) -> None:
    """Blank the braces of every signed group that prints as a term of a sum."""
    body = text.slice(span.start, span.end)
    if "{-" not in body.replace(" ", "") and "{+" not in body.replace(" ", ""):
        return
    for match in _SIGNED_GROUP.finditer(body):
        end = matching(body, match.start())
        if end < 0 or re.match(r"\s*[\^_]", body[end:]) or not _free(body[: match.start()]):
            continue
        text.blank(span.start + match.start(), span.start + match.start() + 1)
        text.blank(span.start + end - 1, span.start + end)
