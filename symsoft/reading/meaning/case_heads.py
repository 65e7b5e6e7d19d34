"""A case said as a heading at the start of a paragraph or a list item ("**Case $k \\neq t$.**
The target logit does not move, so", "* **Same index** ($i = k$). Both …"): what follows is
that case's when it runs on as one sentence into the display and names no other case."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# a paragraph that starts with its case as a heading, "**Case $k \neq t$.** The target logit
# does not move, so", "Case 2 ($i \neq j$):": the words after it are the case's own
# (or a list item's bold label and its case: "* **Same index** ($i = k$). Both …")
CASE_HEAD = lazy(
    r"(?i)^[ \t*_#>+-]*(?:case(?:\s+\d+)?|(?<=\*\*)[a-z][^*$\n]{0,30}\*\*)\s*[:.]?\s*"
    r"\(?\$[^$]{1,30}\$\)?\s*[:.]?[ \t*_]*(?=[A-Z]|$)"
)
# words after a case heading that may put what follows in another case or in every case
_BEYOND_THE_CASE = lazy(
    r"(?i)\b(?:other|otherwise|remaining|else|next|second|every|all|any|general|together|whole"
    r"|entire|full|regardless|either|whether|combin\w*|diagonal|itself|instead|equal|equals"
    r"|same|distinct|differ\w*|unlike|but|however|whereas|while|back|both\s+cases)\b"
    r"|\$[^$]*(?:=|\\neq?(?![a-z])|≠)[^$]*\$|\$\s*[a-z]\s*\$"  # (or an index alone: "$k$")
)


def case_head(text: str) -> re.Match[str] | None:
    """The case heading ``text`` starts with ("**Case $k \\neq t$.** The target logit does not
    move, so"), when the words after it are one sentence that runs on into the display and
    names no other case, no case in math and no word of generality; else None.

    >>> bool(case_head("**Case $k \\neq t$.** The logit $z_t$ does not move with $z_k$, so"))
    True
    >>> bool(case_head("**Case $k \\neq t$.** Easy: $a = b$. At the target itself, so"))
    False
    """
    head = CASE_HEAD.match(text)
    if head is None:
        return None
    rest = text[head.end() :].rstrip()
    if re.search(r"[.!?](?:\s|$)", rest) or _BEYOND_THE_CASE.search(rest):
        return None
    return head


ITEM_START = lazy(r"\n(?=[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t])")
