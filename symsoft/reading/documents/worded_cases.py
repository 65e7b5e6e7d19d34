"""An index case typed as text with the relation in inline math, ``\\text {i $\\neq$ j}`` (a
``cases`` row of a Chinese note), is the case ``i \\neq j``: the ``\\text{``, its brace and the
dollars are blanked, every column stays where it was."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

# only a case: an index letter (i to n, as wherever a case is read), a relation, another
_TEXT_CASE = lazy(
    r"\\(?:text|textrm|mbox)\s*\{(?P<inner>\s*(?:if\s+|when\s+)?[i-n]\s*"
    r"(?:\$\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*\$|=)\s*[i-n]\s*)\}"
)


def spell_text_cases(text: Text, span: Span) -> None:
    """``\\text{i $\\neq$ j}`` as `` i  \\neq  j ``, in place."""
    body = text.slice(span.start, span.end)
    for match in _TEXT_CASE.finditer(body):
        inner = match.group("inner")
        if "$" not in inner:
            continue  # \text{i = j} is read as it is
        start = span.start + match.start()
        text.blank(start, span.start + match.start("inner"))
        text.blank(span.start + match.end("inner"), span.start + match.end())
        word = re.match(r"\s*(?:if|when)\s", inner)  # \text{if i $\neq$ j}: the word goes too
        for offset, char in enumerate(inner):
            if char == "$" or (word and offset < word.end()):
                text.blank(
                    span.start + match.start("inner") + offset,
                    span.start + match.start("inner") + offset + 1,
                )


# \tag{$i = j$}, \tag{i \neq j}: the case an equation is numbered by, written as its label
_TAG_CASE = lazy(
    r"\\tag\*?\s*+\{\s*+\$?\s*+(?P<relation>[i-n]\s*+(?:=|\\neq?(?![a-zA-Z])|\\not\s*+=|≠)\s*+[i-n])"
    r"\s*+\$?\s*+\}"
)


def spell_tag_cases(text: Text, span: Span) -> None:
    """``\\tag{$i = j$}`` as ``, i = j``: the case of the row (a trailing condition), in place."""
    body = text.slice(span.start, span.end)
    for match in _TAG_CASE.finditer(body):
        relation = match.group("relation")
        text.blank(span.start + match.start(), span.start + match.end())
        text.chars[span.start + match.start()] = ","
        at = span.start + match.start("relation")
        text.chars[at : at + len(relation)] = list(relation)
