"""The words that lead into a display, cut out one way for every reader of them: the sentence
before it ("Hence", "The two losses:"), the words since an earlier definition, the paragraph
("(b)", "Next, let"), and the vocabulary of words that say a value is the same one rewritten.

>>> text = "So $x = 1$. Plugging in the softmax: $$L = -z_c$$"
>>> lead_sentence(text, text.index("L ="))
'Plugging in the softmax:'
>>> lead_words(text, 0, text.index("L ="))
'Plugging in the softmax:'
>>> bool(REWRITTEN.search("Plugging in the softmax:"))
True
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_OPENING_AT_END = lazy(r"(?:\$\$|\\\[|\\begin\s*\{[^{}]*\})\s*$")
_SENTENCE_END = lazy(r"\$\$|\\\]|\\end\s*\{[^{}]*\}|[.!?](?:\s|$)")
_PARAGRAPH_BREAK = lazy(r"\n\s*\n")

# words that say a value is the one before written again: "the same loss", "equivalently",
# "rewritten", "simplifies", "expanding", "substituting", "plugging in", "inserting"
REWRITING_WORDS = (
    r"same|equivalently|rewrit\w*|written|simplif\w*|expand\w*|substitut\w*|plug\w*|insert\w*"
)
REWRITTEN = lazy(r"(?i)\b(?:" + REWRITING_WORDS + r")\b")


def words_before(prose: str, start: int, position: int) -> str:
    """The text from ``start`` up to ``position`` without the display opening (``$$``, ``\\[``,
    ``\\begin{align}``) that stands just before ``position``."""
    return _OPENING_AT_END.sub("", prose[start:position].rstrip()).rstrip()


def lead_words(prose: str, since: int, position: int) -> str:
    """The words after ``since`` that lead into the display at ``position``: from the last
    sentence end or display close before it."""
    return _SENTENCE_END.split(words_before(prose, since, position))[-1]


def lead_paragraphs(prose: str, since: int, position: int) -> list[str]:
    """The paragraphs between ``since`` (at most 400 characters back) and the display at
    ``position``; the last one leads into it."""
    return _PARAGRAPH_BREAK.split(words_before(prose, max(since, position - 400), position))


def lead_sentence(prose: str, position: int) -> str:
    """The last sentence before the display that holds ``position``."""
    before = prose[:position]
    opened = max(before.rfind("$$"), before.rfind("\\["), before.rfind("\\begin"))
    head = before[: max(opened, 0)]
    closed = max(head.rfind("$$") + 2, head.rfind("\\]") + 2, head.rfind("\\end") + 4)
    lead = head[closed:] if closed > 3 else head
    if "\\end" in lead[:1] or lead.startswith("d{"):
        lead = lead[lead.find("}") + 1 :]  # after \end{align}
    return re.split(r"(?<=[.!?\u3002])\s+", lead.strip())[-1]
