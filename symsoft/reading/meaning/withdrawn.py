"""A hypothesis the text takes back: "Now we drop that assumption: the $y_k$ need not sum to
one", "In this part the $y_k$ are weights whose sum is not 1".  Σ_j y_j = 1 stated earlier is
not in force for the steps after such a sentence, until a sentence states it again.
"""

from __future__ import annotations

import bisect
import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import SENTENCE_BREAK, stated_normalized

# (not "no longer one-hot": soft labels still sum to one, the hypothesis Σ_j y_j = 1 stands)
_TARGETS = r"(?:normali[sz]ed|a\s+(?:probability\s+)?distribution)"
_WITHDRAWN = lazy(
    r"\bneed\s+not\s+(?:sum|add|total|be\s+" + _TARGETS + r")"
    r"|\b(?:do|does|did)(?:n't|\s+not)\s+(?:sum|add\s+up|total)"
    r"|\b(?:sum|total)s?\s+(?:is|are)(?:n't|\s+(?:not|no\s+longer|never))\s+"
    r"(?:necessarily\s+)?\$?(?:1|one)\b|\bun-?normali[sz]ed\s+(?:counts|targets|labels|weights)"
    r"|\b(?:not|without)\s+(?:normali[sz]ed|normali[sz]ing)\b|\bmulti-?hot\b"
    r"|\b(?:no\s+longer|not\s+necessarily)\s+(?:be\s+|are\s+)?"
    + _TARGETS
    # \sum_k y_k \neq 1 (not \sum_{k \neq 1} y_k: a sum's condition)
    + r"|\\sum\s*+(?:_\s*+(?:\{[^{}$]*+\}|\w))?(?:\^\s*+(?:\{[^{}$]*+\}|\w))?\s*+[a-zA-Z]\s*+_\s*+"
    r"(?:\{\s*+[a-z]\s*+\}|[a-z])\s*+(?:(?:\\neq?(?![a-zA-Z])|≠)\s*+1|=\s*+(?:[02-9]|1\d))(?![\d.])"
    # … in other languages: the sum is not 1, no longer normalized
    r"|\bSumme\s+(?:ist\s+)?nicht\s+(?:mehr\s+)?\$?1|\bnicht\s+(?:mehr\s+)?normiert"
    r"|\bsomme\s+(?:n'est\s+)?(?:pas|plus|différente\s+de)\s+(?:égale\s+à\s+)?\$?1"
    r"|\bsuma\s+(?:no\s+es|distinta\s+de)\s+\$?1|\bsoma\s+(?:não\s+é|diferente\s+de)\s+\$?1"
    r"|сумма\s+не\s+(?:равна\s+)?(?:единиц|1)|和不(?:为|是|等于)\s*\$?1|1とは限ら",
    re.IGNORECASE,
)
# "we drop that assumption": a withdrawal of Σ_j y_j = 1 only where the sentence speaks of a sum
_DROPPED = lazy(
    r"\b(?:drop|relax|lift|abandon|remove)\w*\s+(?:th(?:at|is|e)\s+|our\s+)?"
    r"(?:assumption|hypothes[ie]s|condition|constraint|requirement)",
    re.IGNORECASE,
)
# a question, a supposition, a plan or a contrast: "if the targets did not sum to one", "why
# not drop …?", "later we will relax it", "unlike the soft labels later, where …"
_SUPPOSED = lazy(r"\?|\b(?:if|would|later|unlike|whether|why)\b", re.I)
_OF_A_SUM = lazy(r"\bsum|\btotal|normali[sz]|\\sum|Σ", re.IGNORECASE)


def hypothesis_events(text: str) -> list[tuple[int, bool, int]]:
    """Where the text states Σ_j y_j = 1 (False) and where it takes it back (True), in order:
    (the start of each such sentence, taken back, its line)."""
    events: list[tuple[int, bool, int]] = []
    labels = stated_normalized(text) | {"y"}
    start, line = 0, 1
    for end in [m.start() for m in SENTENCE_BREAK.finditer(text)] + [len(text)]:
        sentence = text[start:end]
        if stated_normalized(sentence):  # "no longer one-hot: a point of the simplex" states it
            events.append((start, False, line))
        elif (
            (
                _WITHDRAWN.search(sentence)
                or _DROPPED.search(sentence)
                and _OF_A_SUM.search(sentence)
            )
            and not _SUPPOSED.search(sentence)
            and _of_labels(sentence, labels)
        ):
            events.append((start, True, line))
        line += text.count("\n", start, end)  # (the line of the next sentence's start)
        start = end
    return events


def _of_labels(sentence: str, labels: set[str]) -> bool:
    """Whether the sentence may speak of the labels: it names targets or labels in words, or
    its math writes one of the names stated to sum to one (not "the class weights $w_k$")."""
    if _LABEL_WORDS.search(sentence):
        return True
    math = " ".join(re.findall(r"\$([^$]+)\$", sentence))
    letters = set(re.findall(r"(?<![\\a-zA-Z])([a-zA-Z])(?![a-zA-Z])", math))
    return not letters or bool(letters & labels)


_LABEL_WORDS = lazy(r"\b(?:targets?|labels?|ground[- ]truth)\b", re.IGNORECASE)


def withdrawn_at(events: list[tuple[int, bool]], position: int) -> int:
    """The line of the withdrawal before ``position`` when the last statement or withdrawal
    before it withdraws the hypothesis; 0 when none does."""
    before = bisect.bisect_right(events, (position, True, 0))
    return events[before - 1][2] if before > 0 and events[before - 1][1] else 0


__all__ = ["hypothesis_events", "withdrawn_at"]
