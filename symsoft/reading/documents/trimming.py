"""A side of a step without the punctuation and spacing that end it (``…,``, ``…\\quad``)."""

from __future__ import annotations

from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

_TRAILING = lazy(r"(?:(?<!\\right)(?<!\\left)(?<!\\)[.,;]|\\[,;!: ]|\\q?quad)$")


def trimmed(text: Text, span: Span) -> Span:
    body = text.slice(span.start, span.end)
    stripped = body.rstrip()
    # token by token from the end: one regex with '\s*' before '$' is quadratic in the blanks
    # a long side is made of (5,000 nested environments)
    while (tail := _TRAILING.search(stripped, max(0, len(stripped) - 8))) is not None:
        stripped = stripped[: tail.start()].rstrip()
    start = len(body) - len(body.lstrip())
    return Span(span.start + min(start, len(stripped)), span.start + len(stripped))
