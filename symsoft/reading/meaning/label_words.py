"""A binary label's value said in words, in English and a few other languages ("whose label is
one", "the target is 1", "a positive example", "If the label is negative", "Pour un exemple
positif", "Für ein positives Beispiel")."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

LABEL_ONE = lazy(
    r"(?i)\b(?:label|target|y)\s++(?:(?:is|equals|of|=)\s*+)?(?:one|1)\b"
    r"(?![.,]\d|[ \t]*+-?[ \t]*+hot)"
    r"|\bpositive\s++(?:example|sample|instance|case|class)"
    r"|\b(?:label|target|class|example|sample)\s++(?:is|was|being)\s++positive\b"
    r"|\b(?:exemple|ejemplo|esempio|exemplo|échantillon)s?\s++positi(?:f|vo)s?\b"
    r"|\bpositive[ns]?\s++(?:beispiel|klasse)"
)
LABEL_ZERO = lazy(
    r"(?i)\b(?:label|target|y)\s++(?:(?:is|equals|of|=)\s*+)?(?:zero|0)\b(?![.,]\d)"
    r"|\bnegative\s++(?:example|sample|instance|case|class)"
    r"|\b(?:label|target|class|example|sample)\s++(?:is|was|being)\s++negative\b"
    r"|\b(?:exemple|ejemplo|esempio|exemplo|échantillon)s?\s++n[ée]gati(?:f|vo)s?\b"
    r"|\bnegative[ns]?\s++(?:beispiel|klasse)"
)
# words before a display that exclude a label's value ("Unless the label is positive,", "For
# examples that are not positive,"; not the "\not" of "\not=")
LABEL_EXCLUDED = lazy(r"(?i)\b(?:unless|except|excluding|other\s+than|(?<!\\)not)\b")
