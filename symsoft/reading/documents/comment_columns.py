"""A column of words beside an aligned row, ``&= -t_j + S_j \\sum_i t_i && \\text{the delta
picks out } i = j``: a remark on the step, blanked to the row's end (its letters are no second
equation). Words that give a reason, a consequence or a case (``\\text{since }``,
``\\text{if }``, ``\\text{otherwise}``) are read elsewhere and stay."""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_KEPT = (
    r"if|when|whenever|for|since|because|using|use|as|by|from|with|where|given|here|so|thus"
    r"|hence|therefore|then|and|or|let|otherwise|else|o\.\s*w|i\.\s*e|assuming|provided"
    r"|applying|substituting|plugging|via|recall\w*|not\w*|diagonal|off|case|unless|only"
)
_COMMENT = lazy(
    r"&&\s*+\\(?:text|textrm|textit|mbox)\s*+\{\s*+(?!(?i:" + _KEPT + r")\b)[a-zA-Z][^{}]*\}"
    r"[^&\n]*?(?=\\\\|\\nonumber(?![a-zA-Z])|\\notag(?![a-zA-Z])|\\label\b|\\tag\b|\\end\b|\n|$)"
)


def blank_comment_columns(document: Text) -> None:
    """Blank each remark column of words beside an aligned row (see the module)."""
    whole = "".join(document.chars)
    if "&&" not in whole:
        return
    for found in _COMMENT.finditer(whole):
        document.blank(found.start(), found.end())


__all__ = ["blank_comment_columns"]
