r"""Sums over the set of the classes: ``\sum_{k \in C}``, ``\sum\limits_{j \in \mathcal{C}}``,
``\sum_{i \in [K]}``, ``\sum_{k \in \{1, \dots, K\}}``, ``\sum_{i \neq j \in C}``.

The set is every class (C, K, N the classes or their count; a calligraphic capital; ``[K]``;
``\{1, \dots, K\}``), so the sum is the sum over its index as the reader takes it (over every
class): ``\in`` and the set are blanked, the index (and a condition ``i \neq j``) kept.  A set
written otherwise (``S``, ``A \setminus B``, ``\{1, 2\}``) is left as written: not read.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_SET = (
    r"(?:(?P<letter>[CKN](?![A-Za-z])|\\mathcal\s*\{\s*(?P<curly>[A-Z])\s*\})|\[\s*[A-Z]\s*\]"
    r"|\\\{\s*1\s*,\s*\\[lc]?dots\s*,\s*[A-Z]\s*\\\})"
)
# \sum_{k \in C}, \sum\limits_{i \neq j \in C}: the index (and a condition), then the set
_SET_SUM = lazy(
    r"\\sum\s*+(?:\\(?:no)?limits\s*+)?_\s*+\{\s*+"
    r"(?P<kept>[a-z](?:\s*+(?:\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*+[a-z])?)"
    rf"(?P<set>\s*+(?:\\in(?![a-zA-Z])|∈)\s*+{_SET})\s*+\}}"
)


# what says a letter is every class: it counts a sum's terms (\sum_{k=1}^{C}), or the words
# ("$C$ is the set of classes", "the sum over the classes $k \in C$")
_UPPER = r"\\sum\s*(?:\\limits\s*)?_\s*(?:\{{[^{{}}]*\}}|\w)\s*\^\s*\{{?\s*{0}\s*\}}?"
_SAID = (
    r"(?i)(?:\${0}\$\s+(?:is|denotes|be)\s+the\s+set\s+of\s+(?:all\s+)?(?:the\s+)?"
    r"(?:classes|labels|categories)|\bover\s+(?:all\s+)?(?:the\s+)?classes\s*\$\s*[a-z]\s*"
    r"(?:\\in|∈)\s*{0}\s*\$)"
    # the clause ends there: not "the set of classes present in the image" (review 72d)
    r"(?=\s*(?:\.(?:\s|$)|\)|$))"
)


# a sentence that makes the set a part of the classes, or gives it its members
_NARROWED = (
    r"(?i)\b(?:remov\w*|exclud\w*|drop\w*|without|except|subset|restrict\w*|only|present"
    r"|marked|correct|positive|selected|chosen)\b[^.$]{{0,60}}\$\s*{0}\s*\$"
    r"|\$\s*{0}\s*\$[^.$]{{0,60}}\b(?:remov\w*|exclud\w*|without|except|subset|restrict\w*"
    r"|only|present|marked|correct|positive|selected|chosen)\b"
    r"|{0}\s*=\s*\\\{{|{0}\s*\\setminus"
)


def spell_set_sums(text: Text) -> None:
    """Blank the ``\\in`` and the set of every sum over the classes (see the module); a set
    named by a letter only where the text says it is every class (review 72c: "$C$ the
    correct classes" is a part of them)."""
    source = text.slice(0, len(text.chars))
    for found in _SET_SUM.finditer(source):
        letter = found["curly"] or found["letter"]
        if letter is not None:
            # (a calligraphic set is not the count its plain capital bounds: 𝒩 beside N samples)
            named = rf"\\mathcal\s*\{{\s*{letter}\s*\}}" if found["curly"] else letter
            bounds = found["curly"] is None and re.search(_UPPER.format(named), source)
            if not (bounds or re.search(_SAID.format(named), source)):
                continue
            if re.search(_NARROWED.format(named), source):
                continue  # "We remove the background class from $C$" (review 72f)
        text.blank(found.start("set"), found.end("set"))
