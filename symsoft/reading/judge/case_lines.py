"""A line right before a display that is nothing but an index case ("If $i \\neq j$:", "When
$i = j$, we have"): the display is that case's, as surely as a condition written in it; and the
words right after a display, where the sentence leading into it goes on."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.case_heads import CASE_HEAD, case_head
from symsoft.reading.meaning.prose import prose_condition


def words_after(near: str, lead: str) -> str:
    """The words after a display: the end of ``near`` (the prose around it) past its ``lead``."""
    return near[near.rfind(lead) + len(lead) :] if lead and lead in near else ""


# the line right before a display that is nothing but its case: "If $i \neq j$:", "When $i = j$,
# we have", "**For $k \neq c$:**"
_CASE_LINE = lazy(
    r"(?i)^[ \t*_#>-]*(?:if|when|for|in\s+the\s+case)\s+\$[^$]{1,30}\$\s*(?:,\s*)?"
    r"(?:(?:we|one)\s+(?:have|get|obtain|find)(?:\s+that)?\s*)?[:,]?[ \t*_]*$"
)


_OPENER = lazy(r"(?:\$\$|\\\[|\\begin\s*\{[^{}]*\}(?:\{[^{}]*\})?)\s*$")
_CASE_AFTER = lazy(
    r"(?i)\b(?:when|if|for|otherwise|else|unless|diagonal|off)\b|\$\s*[a-z]\s*(?:=|\\ne)"
)


def led_by_its_case(before: str, near: str, lead: str, case: object) -> bool:
    """Whether the line right before a display (``before``: the source up to its body) announces
    exactly the case ``case`` and says nothing else, and no words after the display (the end of
    ``near`` past its ``lead``) name a case: the display is that case's, as surely as a
    condition written in it (a second display under the same line may be another case's)."""
    last = _OPENER.sub("", before.rstrip()).rstrip().rsplit("\n", 1)[-1]
    if _CASE_AFTER.search(words_after(near, lead).split(".")[0]):
        return False
    if CASE_HEAD.match(last):  # the heading's own math, its full stop dropped (its letters)
        head = case_head(last)  # (not with another case or every case said after it)
        return head is not None and prose_condition(head.group().rstrip(" \t*_.:"), before) == case
    return bool(_CASE_LINE.match(last)) and prose_condition(last) == case
