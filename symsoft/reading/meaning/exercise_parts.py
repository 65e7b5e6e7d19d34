"""An exercise sheet's next part: the paragraph that leads into a function's second definition
opens with a part's mark ("(ii)", "2.", "b.", "Problem 2.", "Q2.", "Part 2", "**Exercice 2.**")
or with words that introduce a function ("Next, let", "Define", "Second example:", "For the
softplus function", "Soit maintenant", "考虑函数"). The definition is then a new meaning or a
restatement that fails, and neither is assumed (review 82b: the sheet's next f was refuted
against the first, and a wrong derivative of the new f held against the old one)."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.lead import lead_paragraphs

_PART = lazy(
    r"(?i)[\s*#>_-]*(?:\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\**(?:\s|$)"
    r"|(?:problem|exercise|exercice|question|part|task|example|aufgabe|übung|ubung|ejercicio"
    r"|teil|partie|parte)\s*\(?(?:[\divxa-h]{1,3}|one|two|three|four)\)?(?:\s*(?:[.:)*]|$)"
    r"|\s+(?:uses?|asks?|has|takes?|considers?)\b)"
    r"|q\d{1,2}[.:)]|in\s+part\s+\(?[\da-h]\)?"
    r"|(?:next|second(?:ly)?|third(?:ly)?|finally|lastly|also|further(?:more)?|moving\s+on"
    r"|bonus)\s*[,:]?\s*(?:\$|$)"
    r"|(?:next|now|then|second(?:ly)?|third(?:ly)?|finally|lastly|afterwards|also|further(?:more)?"
    r"|moving\s+on)\s*,?\s*(?:let|define|take|consider)\b|(?:let|define|take)\b|next\s*,?\s*we\s+(?:look\s+at|consider|turn\s+to|take)\b"
    r"|as\s+an?\s+(?:second|third|further|another|next|other)\s+example\b"
    r"|(?:the\s+)?(?:second|third|another|next|last)\s+(?:example|function|exercise|part)\b"
    r"|(?:similarly\s*,?\s+)?for\s+the\s+\w+(?:\s+\w+)?\s+(?:function|activation|sigmoid"
    r"|softplus|variant|version)\b|(?:similarly\s*,?|what)\s+if\b"
    r"|[^$\n]{0,30}?\b(?:softplus|tanh|relu|leaky|swish|gelu|selu|elu|silu|mish|softsign"
    r"|hyperbolic\s+tangent)\s*[:.,]?\s*(?:\$|$)"  # "The softplus:" (review 83c), alone
    r"|soit\b|sea\b|seja\b|sei\b|考虑|设|另)"
)


def new_part(prose: str, first: int, position: int) -> bool:
    """Whether the paragraph of words just before ``position`` (a display's opening line passed
    over) opens as an exercise's next part or introduces a function (see the module), after
    the first definition at ``first`` (not the words that introduced that one)."""
    paragraphs = lead_paragraphs(prose, first + 1, position)
    if any(_RULE.fullmatch(paragraph) for paragraph in paragraphs[1:]):
        return True  # a thematic break (---) between them: a new part
    return len(paragraphs) > 1 and _PART.match(paragraphs[-1]) is not None


_RULE = lazy(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*")
