"""The words that lead a sentence's claim or end it: a LaTeX heading before it, a list item led
by its case, the next item (where an item's claim ends), "For every $j$,"."""

from __future__ import annotations

import re

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
# a sentence led by the diagonal alone: "For the diagonal, $…$", "On the diagonal entries, $…$"
DIAGONAL_SENTENCE = lazy(
    r"(?i)[ \t]*(?:for|on)\s+the\s+diagonal(?:\s+(?:entry|entries|terms?|elements?))?\s*,[ \t]*"
)
DIAGONAL_ITEM = lazy(
    r"(?i)[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?P<label>(?:on|off)\s+the\s+diagonal)\s*,[ \t]*"
)


# "… $A$ and when $i \neq k$, we have $B$": a second clause, led by its own index case
CASE_JOINER = r"[,;]?[ \t]*+\b(?:and|but|while|whereas)[ \t]+(?=(?:when|if|for)\b)"
NEXT_CASE = lazy(rf"(?i)[ \t]*+{CASE_JOINER}")
# the clause a sentence ends with: after its last full stop, or after "and" before a new case
_CLAUSE_START = lazy(  # (a joiner from the first of its spaces: linear over a run of them)
    rf"[.!?](?:[ \t]+|$)|[。！？]|(?<![ \t]){CASE_JOINER}",
    re.IGNORECASE,
)


def last_clause(before: str) -> tuple[str, str]:
    """The clause of ``before`` (a line up to some math) that the math belongs to: after the
    last sentence end or colon; when nothing but the colon is left (``We get: $…$``, ``Получим:
    $…$``), the words the colon ends.  Second, the whole sentence (its words before a colon
    may still mark the math a slip: "This is wrong: we get $…$")."""
    clause = _CLAUSE_START.split(before)[-1]
    return _after_colon(clause), clause


def _after_colon(clause: str) -> str:
    after_colon = re.split(r"[:：](?:[ \t]+|$)|：", clause)
    if len(after_colon) > 1 and not after_colon[-1].strip():
        return after_colon[-2]
    return after_colon[-1]


_DISPLAY_END = lazy(r"(?:\$\$|\\\]|\\end\s*\{[^{}]*\})[ \t]*$")


_PARAGRAPH_EDGE = lazy(r"\s*(?:$|#|[-*+>|]\s|\d+[.)]\s|\\(?:item|section|subsection|begin|end)\b)")


def _carried(above: list[str], line: str) -> str:
    """The words of the paragraph a line goes on, on the lines above it (a hard-wrapped
    sentence: "For the diagonal,⏎$…$", and the sentences before it, which may disown it); ""
    when the line starts a paragraph, an item or a heading, or the line above ends a display."""
    if _PARAGRAPH_EDGE.match(line):
        return ""
    words: list[str] = []
    for text in reversed(above):
        if _PARAGRAPH_EDGE.match(text) and not text.strip().startswith(("-", "*", "+")):
            break  # (an item's first line is the start of its sentence: kept, then stop)
        if _DISPLAY_END.search(text) or "$$" in text:
            break
        words.insert(0, text.strip())
        if _PARAGRAPH_EDGE.match(text):
            break
    return " ".join(words)


# words of an earlier sentence of the paragraph that show the claim as a slip ("Here is the wrong
# version first.", "The classic slip is …", "My first attempt went like this.")
DISOWNED_BEFORE = lazy(
    r"(?i)\b(?:wrong\w*|mistak\w*|incorrect\w*|erroneous\w*|slips?|typos?|oops|bug\w*|traps?"
    r"|pitfalls?|avoid\w*|attempt\w*|na[iï]ve\w*|forget\w*|forgot\w*|false|tempt\w*|shortcuts?"
    r"|misconception\w*|careless\w*|blunders?)\b"
)
# the sentence after a claim that disowns it ("This is wrong, because …", "That can't be right",
# "Not quite.", "Unfortunately, this is wrong", "Wait, …", "But this ignores …")
DISOWNED_AFTER = lazy(
    r"(?i)^[\s.]*(?:(?:this|that|it|which)(?:'s|\s+(?:is|was|would\s+be))\s+(?:not\s+(?:quite\s+)?"
    r"(?:right|correct)|wrong|incorrect|a\s+mistake|an\s+error|false)|[^.!?]{0,60}?can(?:'|no)?t\s+be"
    r"\s+right|wrong\b|not\s+quite|unfortunately|wait\b|hmm|oops|but\s+(?:this|that|it)\s+"
    r"(?:ignores|forgets|misses|drops|is\s+wrong))"
)


# maths of one sentence joined by nothing but a comma or "and": "we get $A$ and $B$."
_JOINED = lazy(r"(?i)[ \t]*+(?:,[ \t]*+(?:and[ \t]++)?|and[ \t]++)")


def joined_runs(
    line: str, matches: list[re.Match[str]], joinable: list[bool] | None = None
) -> list[tuple[int, int]]:
    """For each math of ``line``, the first and the last math of its run: equations joined only
    by commas or "and" (``we get $A$ and $B$.``) are said together, led by the words before the
    first and ended by the words after the last.

    >>> import re
    >>> line = "so $a = 1$ and $b = 2$, while $c = 3$."
    >>> joined_runs(line, list(re.finditer(r"\\$[^$]*\\$", line)))
    [(0, 1), (0, 1), (2, 2)]
    """
    firsts: list[int] = []
    equations = joinable or ["=" in match.group() for match in matches]  # (not "For every $j$")
    for k in range(len(matches)):
        joined = k and equations[k - 1] and equations[k]
        joined = joined and _JOINED.fullmatch(line, matches[k - 1].end(), matches[k].start())
        firsts.append(firsts[-1] if joined else k)
    lasts = [0] * len(matches)
    for k in reversed(range(len(matches))):
        last_of_run = k + 1 == len(matches) or firsts[k + 1] != firsts[k]
        lasts[k] = k if last_of_run else lasts[k + 1]
    return list(zip(firsts, lasts, strict=True))


_NAME_ALONE = lazy(  # y_j, \hat{y}: a name, no number nor equation
    r"\s*(?:\\(?:hat|bar|tilde|mathbf)\s*\{?\s*)?[A-Za-z]\s*\}?(?:_\s*\{?[a-z0-9]\}?)?\s*"
)


# the words before ", so" of a symmetry argument ("Nothing about the computation was special to
# $y_1$, so by symmetry $…$"), never words that set a point ("logits at zero", "coincide": review
# 67)
_SYMMETRY_HEAD = lazy(
    r"(?i)(?=.*\b(?:special|symmetr\w*|same\s+(?:argument|reasoning|computation))\b)"
    r"(?!.*\b(?:zero|one|equal\w*|coincid\w*|identical|start\w*|initial\w*|values?|constant|set"
    r"|fix\w*|when|if|where|all|every|large|small|limit|tends?|approach\w*|example)\b).*",
    re.DOTALL,
)
# a sentence's last clause after "; " or after ", so" (", hence", ", thus", ", therefore")
_LAST_CLAUSE = lazy(
    r"(?s)(?P<head>.*)(?P<joint>; |,[ \t]+(?=(?:so|thus|hence|therefore)\b))(?P<tail>.*)"
    r"|(?P<all>.*)"
)
_MATH_IN = lazy(r"\$[^$]*\$")


def clause_alone(sentence: str) -> str:
    """The last clause of a sentence's words before its math, read alone past a semicolon
    ("…are 0; so you get $…$") or past ", so" of a symmetry argument ("… special to $y_1$, so by
    symmetry $…$"), when the words before name nothing but names (never past a number or an
    equation: "class $3$ is correct;"); else the words as they are."""
    head, joint, tail = _LAST_CLAUSE.fullmatch(sentence).group("head", "joint", "tail")
    if joint and joint != "; " and not _SYMMETRY_HEAD.fullmatch(_MATH_IN.sub(" ", head)):
        return sentence  # "all the logits $z_k$ at zero, so $…$": the head sets a point
    if joint and all(_NAME_ALONE.fullmatch(m) for m in re.findall(r"\$([^$]*)\$", head)):
        return tail
    return sentence
