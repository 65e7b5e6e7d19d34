"""The words that lead a sentence's claim or end it: a LaTeX heading before it, a list item led
by its case, the next item (where an item's claim ends), "For every $j$,"."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

# a LaTeX heading that starts the line: "\paragraph{Case $j = t$.} Here $…$" (its case is the
# section's, read as a heading's)
TEX_HEADING = lazy(r"^\s*\\(?:(?:sub)*section|(?:sub)?paragraph)\*?\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*")
# a list item led by its case: "- If $i = j$: ", "* **When $i \neq j$,** ", "\item<2-> $i = j$: \;"
CASE_ITEM = lazy(
    r"(?i)\s*(?:[-*+•]|\d{1,2}[.)]|\\item(?:<[^<>]*>)?)\s+(?:\*\*)?(?:(?:if|when|for|case)\s+)?"
    r"\$\s*[a-z]\s*(?:=|\\neq?|\\not\s*=|≠)\s*[a-z]\s*\$\s*(?:\*\*)?\s*[:,]"
    r"(?:\s|\*\*|\\[,;:!]|\\quad)*"
)
ITEM_OR_END = lazy(
    r"\s*(?:[-*+•]\s|\d{1,2}[.)]\s|\\item(?![a-zA-Z])|\\end\s*\{(?:itemize|enumerate)\})"
)
# "For every $j$, $…$", "For all $j, k$, $…$": the claim made for every index written
EVERY_FIRST = lazy(
    r"(?i)\s*(?:for|and\s+for)\s+(?:every|all|each|any)\s+"
    r"\$\s*[a-z](?:\s*,\s*[a-z])*\s*\$\s*,\s*(?P<rest>[^$]*)"
)
# the diagonal named in a list item's label: "- Diagonal entries: ", "- off the diagonal, "
DIAGONAL_WORDS = lazy(
    r"(?i)\b(?:(?:on|off)\s+the\s+diagonal|off-diagonal|diagonal)"
    r"(?:\s+(?:entry|entries|terms?|elements?|part))?\b"
)
DIAGONAL_ITEM = lazy(
    r"(?i)[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?P<label>(?:on|off)\s+the\s+diagonal)\s*,[ \t]*"
)
