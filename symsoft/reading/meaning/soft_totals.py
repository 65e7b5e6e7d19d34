"""Soft targets that are no distribution: "soft labels" or "soft targets" say by convention that
the targets sum to one, and the text may say otherwise — they count annotators' votes, they are
a teacher's raw logits, or the text gives them another total (``\\sum_k t_k = 5``, ``t_1 + t_2
= 4``, "they add up to 100", ``t = (3, 1, 1)``).  Only the convention gives way: a sum to one
the text states in other words stands (reviews 72 and 72b)."""

from __future__ import annotations

import fractions
import re

from symsoft.reading.lazy_regex import lazy

SOFT = lazy(r"(?i)\bsoft(?:ened)?\s+(?:targets?|labels?|probabilities|distribution)\b")
# the targets counted, or scores before a softmax (in the sentence, or the next for the
# words that only say counting)
_COUNTED = lazy(
    r"(?i)\bnumbers?\s+of\s+(?:annotators|raters|votes|people|times|workers|label+ers)\b"
    r"|\b(?:vote\s+)?counts?\b(?!\s+as)|\bhow\s+many\b|\b(?:raw|unnormali[sz]ed)\b"
    # "the votes class $k$ got", tallies, annotators' choices counted; German counts
    r"|\bvotes?\b(?=[^.]{0,40}\b(?:got|gets|received|receives|won|cast)\b)|\btall(?:y|ies)\b"
    r"|\bStimmen\b|\bAnzahl\b|\bvot(?:os|es|i)\b|\bmultiplicit(?:y|ies)\b"
    r"|\btimes\s+(?:that\s+)?class\b|\btwice\b|\bthrice\b"
    # given in percent, a total of 100 (not "90% on the true class": a share)
    r"|\b(?:in|as)\s+percent(?:ages?)?\b|\bpercentages\s+of\b"
)
# a hypothesis said of one example only ("In the toy example", "only in the first example")
_EXAMPLE_ONLY = lazy(
    r"(?i)\b(?:in|for)\s+(?:the|that|our|a|an)\s+(?:(?:first|second|toy|small|simple|earlier"
    r"|previous|above|worked)\s+)*(?:example|toy\s+problem|special\s+case)\b"
)
# one-hot said of another time, or scaled: "We used one-hot labels last week; today $y$ is a
# count vector", "one-hot vectors scaled by the sample weight $w$", "$w$ times a one-hot vector"
_NOT_AS_SAID = lazy(
    r"(?i)\b(?:last\s+(?:week|year|time|lecture|chapter|section|post)|previously|yesterday"
    r"|in\s+the\s+(?:previous|last|earlier)\s+(?:post|chapter|section|lecture|article|part"
    r"|week|year|course|notebook|tutorial|video))\b"
    r"|one[- ]?hot\s+(?:\w+\s+)?(?:scaled|multiplied|weighted|times)\b"
    r"|\b(?:times|scaled|multiplied|weighted)\s+(?:by\s+)?(?:a|an|the)\s+one[- ]?hot"
    r"|\bbag[- ]of[- ]words\b|\bcount\s+vectors?\b|\bcounts?\b|\b(?:twice|double|half|thrice)\b"
    r"|\bmultipl\w+\s+by\s+(?:\$|-?\d|(?:a|the)\s+(?:sample\s+)?weight)"
    r"|\bsum\s+of\s+(?:two|several|multiple|\d+)\b|\bminus\s+the\s+uniform\b"
    r"|\b(?:tutorials?|books?|papers?|people|many|most|often|usually|commonly)\b[^.]{0,30}\bassum"
)
# the next sentence takes it back: "We do not: …", "This one uses count targets $y$."
_DENIED_NEXT = lazy(
    r"(?i)^\W*(?:we|i)\s+(?:do|did|will)\s*(?:not|n't)\b|\bcount\s+targets?\b"
    r"|\b(?:this|here|now)\b[^.]{0,40}\b(?:counts?|arbitrary|weights)\b"
)
_COUNTED_NEXT = lazy(
    r"(?i)\bhow\s+many\b|\bnumbers?\s+of\s+(?:annotators|raters|votes)\b|\bvotes?\b"
    r"|\btall(?:y|ies)\b|\btwice\b|\bthrice\b|\bmultiplicit(?:y|ies)\b|\bcounts?\b(?!\s+as)"
)
# … unless they are shares of a whole ("the fractions of the annotators", "averaged over")
_SHARES = lazy(
    r"(?i)\b(?:fractions?|proportions?|shares?)\s+of\b|\baverage[ds]?\s+(?:over|of)\s+(?!the\s+batch)"
    r"|\bmean\s+of\b|\b(?:probability|label|target)\s+distribution\b|\bis\s+a\s+distribution\b"
)
# a sum to one said outright in the same sentence: the convention is not all it rests on
_ONE = lazy(
    r"(?i)\\sum[^$=]*=\s*1(?:\.0*)?(?![\d.])|probability\s+(?:distribution|vector)"
    r"|(?:sums?|adds?)\s+(?:up\s+)?to\s+(?:one|1)\b"
)
_NUMBER = r"(?P<value>\d{1,6}(?:\.\d{1,12})?)(?![\d.A-Za-z]|\s*(?:[-+*/^_(]|\\[a-zA-Z]))"
_TOTALS = lazy(
    # \sum_k t_k = 5, \sum t_i = 2
    r"\\sum(?:\\limits)?\s*(?:_\{?\s*([a-z])(?:\s*=\s*1)?\s*\}?)?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*(?:\{\s*)?"
    r"(?P<summed>[a-zA-Z])_\{?\s*+(?(1)\1|[a-z])\s*+\}?(?:\s*+\})?\s*+=\s*+"
    + _NUMBER
    # t_1 + t_2 + t_3 = 4
    + r"|(?<![\\a-zA-Z])(?P<entries>[a-zA-Z])_\{?1\}?\s*+\+\s*+(?P=entries)_\{?2\}?"
    r"(?:\s*+\+\s*+(?P=entries)_\{?[3-9]\}?)*+\s*+=\s*+" + _NUMBER.replace("value", "value2")
)
_VECTOR = lazy(
    r"(?<![\\a-zA-Z])(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-zA-Z])\s*\}?\s*=\s*(?:\\left\s*)?[(\[]"
    r"((?:\s*\d{1,6}(?:\.\d{1,12})?\s*,){1,31}\s*\d{1,6}(?:\.\d{1,12})?)\s*(?:\\right\s*)?[)\]]"
)
_ENTRY_VALUE = lazy(
    r"(?<![\\a-zA-Z])(?P<name>[a-zA-Z])_\{?[0-9]\}?\s*=\s*(?P<value>\d{1,6}(?:\.\d{1,12})?)"
    r"(?![\d.A-Za-z]|\s*(?:[-+*/^_(]|\\[a-zA-Z]))"
)
_WORDED_TOTAL = lazy(
    r"(?i)(?:\b(?:sums?|adds?)\s+(?:up\s+)?to|\bsum\s+(?:is|equals?|equal\s+to|of)"
    r"|\btotals?(?:\s+(?:is|of|to))?|\bequals?)\s+\$?"
    r"(?P<value>\d{1,6}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|fifty|a\s+hundred|hundred)\b"
    r"|\\mathbf\s*\{?\s*1\s*\}?\s*\^\s*\{?\s*(?:\\top|T)\s*\}?\s*(?:\\mathbf\s*)?\{?\s*(?P<onesname>[a-zA-Z])\s*\}?"
    r"\s*=\s*(?P<ones>\d{1,6})(?![\d.])"
    r"|\\\|\s*[a-zA-Z]\s*\\\|\s*_\s*\{?1\}?\s*=\s*(?P<norm>\d{1,6})(?![\d.])"  # \|t\|_1 = 4
)
_MATH_NAME = lazy(r"\$\s*([a-zA-Z])\s*(?:_\s*(?:\{[^{}$]*\}|[a-z0-9]))?\s*\$")


def counted(found: re.Match[str] | None, sentence: str, following: str) -> bool:
    """Whether the hypothesis ``found`` in ``sentence`` is the soft-targets convention alone and
    the words say the targets are counts or raw scores (there or, for counting, in the next
    sentence)."""
    if found is not None and (
        _EXAMPLE_ONLY.search(sentence)
        or _NOT_AS_SAID.search(sentence)
        or _DENIED_NEXT.search(following)
    ):
        return True  # "In the toy example the targets are one-hot.": the example's, not the text's
    if found is None or not SOFT.match(found.group(0)) or _ONE.search(sentence):
        return False
    if _SHARES.search(sentence):
        return False
    return bool(
        _COUNTED.search(sentence)
        or (_COUNTED_NEXT.search(following) and not _SHARES.search(following))
    )


def denied_softly(text: str) -> set[str]:
    """The names ``text`` gives a total other than one, or values that are no distribution."""
    names = other_totals(text)
    for found in _ENTRY_VALUE.finditer(text):  # t_1 = 70, t_1 = 1.5: no probability
        if fractions.Fraction(found["value"]) > 1:
            names.add(found["name"])
    for sentence in re.split(r"(?<=[.!?])\s+", text):  # t_1 = 0.9, t_2 = 0.8, t_3 = 0.1
        given: dict[str, list[str]] = {}
        for found in _ENTRY_VALUE.finditer(sentence):
            given.setdefault(found["name"], []).append(found["value"])
        for name, written in given.items():
            slack = sum(fractions.Fraction(1, 2 * 10 ** len(v.partition(".")[2])) for v in written)
            total = sum(fractions.Fraction(v) for v in written)
            if len(written) > 1 and abs(total - 1) > slack:
                names.add(name)
    for found in _VECTOR.finditer(text):
        values = [fractions.Fraction(v.strip()) for v in found.group(2).split(",")]
        if any(v > 1 for v in values):
            names.add(found.group(1))  # t = (3, 1, 1): votes (in [0, 1]: valued_otherwise)
    return names


def other_totals(text: str) -> set[str]:
    """The names ``text`` gives a total other than one, in math or in words."""
    return set(stated_totals(text))


def stated_totals(text: str) -> dict[str, str]:
    """Each name ``text`` gives a total other than one, with the total said ("Σ t = 5"): a
    counterexample that gives it other values is no flag (constraints.constraints_of)."""
    totals: dict[str, str] = {}
    for found in _TOTALS.finditer(text):
        written = found["value"] or found["value2"]
        if fractions.Fraction(written) != 1:
            name = found["summed"] or found["entries"]
            totals.setdefault(name, f"Σ {name} = {written}")
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        total = _WORDED_TOTAL.search(sentence)
        written = total and (total["value"] or total["norm"] or total["ones"])
        if written and written.lower() not in ("1", "one"):
            named = [total["onesname"]] if total["onesname"] else []
            for name in named + [m.group(1) for m in _MATH_NAME.finditer(sentence)]:
                totals.setdefault(name, f"Σ {name} = {written}")
    return totals
