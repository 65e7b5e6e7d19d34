"""An exercise sheet's next part: the paragraph that leads into a function's second definition
opens with a part's mark ("(ii)", "2.", "b.", "Problem 2.", "Q2.", "Part 2", "**Exercice 2.**")
or with words that introduce a function ("Next, let", "Define", "Second example:", "For the
softplus function", "Soit maintenant", "考虑函数"). The definition is then a new meaning or a
restatement that fails, and neither is assumed (review 82b: the sheet's next f was refuted
against the first, and a wrong derivative of the new f held against the old one)."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_PART = lazy(
    r"(?i)[\s*#>_-]*(?:\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\**(?:\s|$)"
    r"|(?:problem|exercise|exercice|question|part|task|example|aufgabe|ejercicio|teil"
    r"|partie|parte)\s*\(?[\divxa-h]{1,3}\)?\s*(?:[.:)*]|$)"
    r"|q\d{1,2}[.:)]|(?:next|second|third)\s*,?\s*$"
    r"|(?:next|now|then|second|third|finally|lastly|afterwards)\s*,?\s*(?:let|define|take"
    r"|consider)\b|(?:let|define|take)\b"
    r"|as\s+an?\s+(?:second|third|further|another|next|other)\s+example\b"
    r"|(?:second|third|another|next)\s+(?:example|function|exercise|part)\b"
    r"|(?:similarly\s*,?\s+)?for\s+the\s+\w+(?:\s+\w+)?\s+(?:function|activation)\b"
    r"|soit\b|sea\b|seja\b|sei\b|考虑|设|另)"
)


def new_part(prose: str, first: int, position: int) -> bool:
    """Whether the paragraph of words just before ``position`` (a display's opening line passed
    over) opens as an exercise's next part or introduces a function (see the module), after
    the first definition at ``first`` (not the words that introduced that one)."""
    before = prose[max(first + 1, position - 400) : position]
    before = re.sub(r"(?:\$\$|\\\[|\\begin\s*\{\w+\*?\})\s*$", "", before.rstrip()).rstrip()
    paragraphs = re.split(r"\n\s*\n", before)
    return len(paragraphs) > 1 and _PART.match(paragraphs[-1]) is not None
