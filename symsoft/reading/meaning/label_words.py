"""A binary label's value said in words, in English and a few other languages ("whose label is
one", "the target is 1", "a positive example", "If the label is negative", "Pour un exemple
positif", "Für ein positives Beispiel")."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.redefinitions import contrasted

LABEL_ONE = lazy(
    r"(?i)\b(?:label|target|y|ground[- ]truth)\s++(?:(?:is|equals|of|=)\s*+)?(?:one|1)\b"
    r"(?![.,]\d|[ \t]*+-?[ \t]*+hot)"
    r"|\bpositive\s++(?:example|sample|instance|case|class|label|target)"
    r"|\b(?:label|target|class|example|sample)\s++(?:is|was|being)\s++positive\b"
    r"|\b(?:exemple|ejemplo|esempio|exemplo|échantillon)s?\s++positi(?:f|vo)s?\b"
    r"|\bpositive[ns]?\s++(?:beispiel|klasse)"
    r"|\b(?:l['’]\s*)?(?:étiquette|cible)\s++(?:vaut|est|égale|=)\s*+(?:un|1)\b(?![.,]\d)"
)
LABEL_ZERO = lazy(
    r"(?i)\b(?:label|target|y|ground[- ]truth)\s++(?:(?:is|equals|of|=)\s*+)?(?:zero|0)\b(?![.,]\d)"
    r"|\bnegative\s++(?:example|sample|instance|case|class|label|target)"
    r"|\b(?:label|target|class|example|sample)\s++(?:is|was|being)\s++negative\b"
    r"|\b(?:exemple|ejemplo|esempio|exemplo|échantillon)s?\s++n[ée]gati(?:f|vo)s?\b"
    r"|\bnegative[ns]?\s++(?:beispiel|klasse)"
    r"|\b(?:l['’]\s*)?(?:étiquette|cible)\s++(?:vaut|est|égale|=)\s*+(?:zéro|0)\b(?![.,]\d)"
)
# words before a display that exclude a label's value ("Unless the label is positive,", "For
# examples that are not positive,"; not the "\not" of "\not=")
LABEL_EXCLUDED = lazy(r"(?i)\b(?:unless|except|excluding|other\s+than|(?<!\\)not)\b")


def label_case(lead: str, value: int) -> bool:
    """Whether the last sentence of ``lead`` announces the case of one label value in words
    ("When the label is 0, the loss is", "For a positive example:"), naming no other value and
    no exclusion ("Unless the label is positive,")."""
    last = re.split(r"[.!?;](?:\s|$)", lead.rstrip().rstrip(":").rstrip())[-1]
    last = re.split(r",\s*(?:and|but|while|whereas|so|then)\b", last)[-1]  # its last clause
    words = re.sub(r"\$[^$]*\$", " ", last)
    if _CONTRAST.search(words):
        return False  # "Unlike when the label is 1,", "we did the case … above" (review 79b)
    said, other = (LABEL_ONE, LABEL_ZERO) if value == 1 else (LABEL_ZERO, LABEL_ONE)
    return (
        re.search(r"(?i)\b(?:when|if|for|whenever|in\s+the\s+case|quand|lorsque|si|pour)\b", words)
        is not None
        and said.search(words) is not None
        and other.search(words) is None
        and LABEL_EXCLUDED.search(words) is None
        and _BOTH.search(words) is None
    )


# words that set the case they name against the display's ("Unlike when the label is 1, here")
_CONTRAST = lazy(
    r"(?i)\b(?:unlike|opposed|already|above|earlier|before|remaining|rest|after|other|instead"
    r"|rather|did|done|previous\w*|last|besides|compared|contrast|whereas|while|otherwise|else"
    r"|general\w*)\b"
)
# both values named at once ("the label is 0 or 1", "either label", "for any label")
_BOTH = lazy(
    r"(?i)\b(?:0|1|zero|one|positive|negative)\s*+(?:or|and|/|,)\s*+(?:0|1|zero|one|positive|"
    r"negative)\b|\b(?:either|both|any|every|all|each)\b"
)


def _case_of(lead: str, name: str, value: int) -> bool:
    """Whether the last sentence of ``lead`` announces the case ``name = value`` ("When the
    true label $y = 1$, the loss becomes:", "For $y = 0$ we get")."""
    last = re.split(r"[.!?](?:\s|$)", lead.rstrip().rstrip(":").rstrip())[-1]
    return not contrasted(last, {name}) and (
        re.search(
            rf"(?i)\b(?:when|if|for|with)\b[^$.]{{0,60}}\$\s*{re.escape(name)}\s*=\s*{value}\s*\$",
            last,
        )
        is not None
    )


def names_case(lead: str, name: str, value: int, labels: str) -> bool:
    """Whether the last sentence of ``lead`` announces the case ``name = value``, in
    mathematics or, for the labels (``labels``, their letter), in words."""
    return _case_of(lead, name, value) or (name == labels and label_case(lead, value))
