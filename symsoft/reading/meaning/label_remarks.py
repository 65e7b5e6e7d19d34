"""A binary label's value named in a remark right after a display ("This is the case $t = 1$.",
"This is for a positive example.", "(for $y = 0$)"), alone in its paragraph: the case of the
display's steps, as the words after it say."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.label_words import LABEL_ONE, LABEL_ZERO

_REMARKED = lazy(
    r"\s*(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*(?P<open>\()?\s*"
    r"(?:(?:this|that|the\s+above|it)\s+(?:(?:only\s+)?(?:holds|applies)|is)\s+(?:only\s+)?"
    r"(?:the\s+(?:gradient|derivative|result|formula|expression|loss)\s+)?"
    r"|here\s+we\s+(?:took|assumed|used)\s+)?"
    r"(?P<body>(?:for|in|when|at|with|the\s+case)\s+[^.!?()\n]{1,60})"
    r"\s*(?(open)\.?\)|\.)[ \t]*(?P<rest>[^\n]*)(?P<end>\n[ \t]*\n|\s*$)",
    re.IGNORECASE,
)
_VALUE = lazy(r"^[^$]*\$\s*([A-Za-z])\s*=\s*([01])\s*\$[^$]*$")
_WIDER = lazy(
    r"(?i)\b(?:not|n't|never|both|all|every|any|each|either|or|also|too|well|general\w*|same"
    r"|except|unless|other|wrong|mistake|would|could|should)\b"
)
_OPENS = lazy(r"\s*(?:\$\$|\\\[|\\begin\s*\{)")


def remarked_label(after: str) -> tuple[str | None, int] | None:
    """The label value a remark right after a display names (``after``: the text from the
    display's end on): ``(letter, value)`` for "This is the case $t = 1$.", ``(None, value)``
    for "This is for a positive example."; None where there is no such remark, it may widen
    the case, or a display follows it (the words may lead that one).

    >>> remarked_label("$$\\n\\nThis is the case $t = 1$.\\n")
    ('t', 1)
    >>> remarked_label("$$\\n\\nThis is for a negative example.\\n\\nNext")
    (None, 0)
    >>> remarked_label("$$\\n\\nThis is not for a positive example.\\n")
    >>> remarked_label("$$\\n\\nThis is for $y = 1$.\\n\\n$$L = 0$$")
    >>> remarked_label("$$\\n\\nThis is the case $t = 1$. For $t = 0$ it is $y$.\\n")
    ('t', 1)
    >>> remarked_label("$$\\n\\nThis is the case $t = 1$. For $t = 1$ it is $y$ too.\\n")
    """
    found = _REMARKED.match(after)
    if found is None or _WIDER.search(re.sub(r"\$[^$]*\$", " ", found.group("body"))):
        return None
    if _OPENS.match(after, found.end()):
        return None
    body, said = found.group("body"), None
    if value := _VALUE.match(body):
        said = value.group(1), int(value.group(2))
    words = re.sub(r"\$[^$]*\$", " ", body)
    one, zero = LABEL_ONE.search(words), LABEL_ZERO.search(words)
    if said is None and bool(one) != bool(zero) and "$" not in body:
        said = None, 1 if one else 0
    rest = found.group("rest").strip()
    return said if said is None or not rest or _other_value_next(rest, *said) else None


def _other_value_next(rest: str, letter: str | None, value: int) -> bool:
    """Whether the words going on after a remark turn to the label's other value and widen
    nothing ("For $t = 0$ the gradient is just $y$.", "Otherwise it is $y$.")."""
    if _WIDER.search(re.sub(r"\$[^$]*\$", " ", rest)) or len(re.findall(r"\$[^$]*\$", rest)) > 2:
        return False
    if re.match(r"(?i)(?:otherwise|else)\b", rest):
        return True
    named = re.match(r"(?i)(?:for|when|if|at)\s+\$\s*([A-Za-z])\s*=\s*([01])\s*\$", rest)
    if named:
        return int(named.group(2)) != value and named.group(1) == (letter or named.group(1))
    words = re.match(r"(?i)(?:for|when|if)\s+(?:a|an|the)\s+[^.,$]{0,30}", rest)
    other = LABEL_ZERO if value == 1 else LABEL_ONE
    return bool(words and other.search(words.group()))
