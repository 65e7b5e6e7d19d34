"""The index case a row of a display is about, written beside it: after the row (``\\quad i \\neq
j``, ``(\\text{if } i = j)``), before it (``{\\rm if}~i=j,``), in a subscript (``y_{k \\not= i}``)
or in words ("when $i$ is not equal to $j$"); and the annotations after a row that are no case
(an equation number, ``\\forall i``, "for i = 1, …, K"), blanked."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import _top_level
from symsoft.reading.documents.spans import Relation, Span, Text
from symsoft.reading.lazy_regex import lazy

_INDEX_RELATION = lazy(
    r"(?<![A-Za-z\\_^])([i-n])\s*(=|\\neq|\\ne(?![a-zA-Z])|≠|!=|\\not\s*=)\s*"
    r"(?:([i-n])|\{\s*([i-n])\s*\})(?![A-Za-z_])"  # also i \ne{j}
)


_CONDITION_TAIL = lazy(
    r"(?:\\quad|\\qquad|\\[,;:! ]|(?<!\\)[,;]|\\text\s*\{\s*(?:if|for|when|where)\b[^{}]*\}|\()"
    r"(?:[^=\\]|\\(?:(?:text|mathrm|textrm|quad|qquad|left|right|neq?|not)(?![a-zA-Z])"
    r"|[,;:! ])|=)*$"
)


# a free index with its range, "c = 1, \dots, C": any letter where dots follow its first value
_RANGED = r"(?:[i-n]|[a-z](?=\s*=\s*\d+\s*,\s*(?:\\[lc]?dots|\.\.\.)))"
_ANNOTATION = lazy(
    r"(?:(?:\\quad|\\qquad|\\hfill|,|&+|~{2,}+|(?:\\[,;:! ]\s*+){2,}+)\s*"  # ~~~~ (4), \;\; (4)
    # "\quad \text{for all } i, j": every value of the free indices (the row's default)
    r"(?:\\text\s*\{\s*for\s+(?:all|every|each)\s*\}\s*[a-z](?:\s*,\s*[a-z])*"
    r"|\\text\s*\{[^{}]*\}|\(\s*\\text\s*\{[^{}]*\}\s*\)"
    r"|(?<!,)\(\s*\d{1,2}\s*\)"  # "\qquad (1)": the equation's number
    r"|[i-n]\s*=\s*\d\s*,[^=]*?(?:\\[lc]?dots|\.\.\.)[^=]*"  # "\qquad k = 1, \ldots, K"
    r"|\(\s*[i-n]\s*=\s*\d[^=()]*\)"  # "\quad (i = 1, 2, \ldots, n)": a free index's range
    r"|\\forall(?![a-zA-Z])(?:[^=]|=(?=\s*\d))*"
    # ", \ i \in 1 \cdots k", "\quad i, j \in \{1, \dots, K\}": the range of free indices
    r"|(?:\\[ ,;:]\s*)*[a-z](?:\s*,\s*[a-z])*\s*\\in(?![a-zA-Z])[^=]*"
    # ", for~i=1,..., C", "\quad \text{for } i = 1, \dots, K": the range of a free index
    rf"|(?:for|\\text\s*\{{\s*for\s*\}})(?:~|\\[,; ]|\s)*{_RANGED}\s*=(?=\s*\d)[^=]*)"
    # "… \text{ for } j=1, \ldots, K" straight after the row: the words say it is a range
    rf"|(?<=[\s}}])\\text\s*\{{\s*for\s*\}}\s*{_RANGED}\s*=(?=\s*\d)[^=]*"
    # "… e^{x_j}} (i=1,2,\dots,n)" straight after the row: a range, with its commas
    r"|(?<=[\s}])\(\s*[i-n]\s*=\s*\d[^=()]*,[^=()]*\)"
    # "\bigg ) \ for \ i \in 1 \cdots k, \ s \in 1 \cdots k": the ranges of the free indices
    r"|(?<=[\s})])(?:\\[ ,;:]\s*)*(?:for|\\text\s*\{\s*for\s*\})(?:\s|~|\\[ ,;:])*"
    r"[a-z](?:\s*,\s*[a-z])*\s*\\in(?![a-zA-Z])[^=]*"
    r"|\(\s*[※†‡]\s*\d{0,2}\s*\))[\s.,;]*$"  # "(※1)", a note's mark: the row's reference
)


_WORDED_RELATION = lazy(  # "the case in which n equals k", "when $i$ is not equal to $j$"
    r"(?<![A-Za-z\\_^])([i-n])\$?\s+(equals|is\s+equal\s+to|(?:is\s+not|isn't)(?:\s+equal\s+to)?"
    r"|does\s+not\s+equal|is\s+different\s+from|differs\s+from)\s+\$?([i-n])(?![A-Za-z_])"
)


_WORDED_PAIR = lazy(  # "the case in which n and k are not equal", "i and j differ"
    r"(?<![A-Za-z\\_^])([i-n])\$?\s+and\s+\$?([i-n])\$?\s+(are\s+(?:not\s+|n't\s+)?equal"
    r"|are\s+(?:the\s+same|different|distinct)|differ)(?![A-Za-z])"
)


# ≠ as texts write it: \neq, \ne, \not=, the character, and code's !=
_UNEQUAL = r"\\neq?(?![a-zA-Z])|\\not\s*=|≠|!="


# words that may say a case does not hold, or holds only otherwise ("the case $i = j$ is
# excluded", "Setting aside $i = j$", "If $i = j$ fails", "除非", "Außer wenn", "sauf si")
_DOUBT = lazy(
    r"(?i)\b(?:not|no|never|cannot|can't|excluded?|excluding|aside|apart|save|without|other"
    r"|fails?|false|handled|unless|except|nicht|ohne|au(?:ß|ss)er|salvo|sauf|sans|excepto)\b"
    r"|除非|除了"
)
_MATH_OR_MARK = lazy(r"\$[^$]*\$|[,;:()]")


def _clauses(text: str) -> list[str]:
    """``text`` split at each comma, semicolon, colon or parenthesis outside its ``$…$``."""
    out, start = [], 0
    for found in _MATH_OR_MARK.finditer(text):
        if not found.group().startswith("$"):
            out.append(text[start : found.start()])
            start = found.end()
    return [*out, text[start:]]


# the clause after the case's own, turning to the other case ("…; if not,", "…, otherwise")
_THE_OTHER = lazy(r"(?i)\b(?:(?:and|but)\s+)?(?:if\s+not|otherwise|else|sinon|sonst|否则)\b")
# the words that exclude the case written right after them, alone: the other case is meant
_EXCLUDES = lazy(r"(?i)(?:unless|except(?:\s+(?:when|if|for))?|if\s+not)")
_WORD_MARKS = lazy(r"\\(?:text|mathrm|textrm|mbox|quad|qquad)\b|\\[,;:! ]|[{}()$,.:;~*]")
_RELATION_WRITTEN = lazy(rf"[a-z]\s*(?:=|{_UNEQUAL})\s*[a-z]")


def as_worded(relation: Relation, place: str) -> Relation | None:
    """The case words put a display or a row in, given the ``relation`` they write: the other
    case after "unless", "except (when)" or "if not" alone ("Unless $i = j$,", ``\\quad
    \\text{unless } i = j``); None where other words may say the case does not hold ("the case
    $i = j$ is excluded", "apart from", "It is not the case that", "unless noted"); else it."""
    lines = [line for line in place.split("\n") if parse_relation(line)]
    place = lines[-1] if lines else place  # the line that writes it (not a heading's sentence)
    clauses = [c for c in _clauses(place) if parse_relation(c)]
    later = place[place.rfind(clauses[-1]) + len(clauses[-1]) :] if clauses else ""
    if _THE_OTHER.search(later):  # "If $i = j$, the numerator is $e^{z_i}$; if not,"
        alone = _THE_OTHER.fullmatch(later.strip(" \t\n,;:.")) and as_worded(relation, clauses[-1])
        return Relation(alone.left, not alone.equal, alone.right) if alone else None
    place = clauses[-1] if clauses else place  # its clause ("When $i \ne k$, … does not")
    words = _WORDED_RELATION.sub(" ", _WORDED_PAIR.sub(" ", place))  # "i is not equal to j"
    words = re.sub(r"\$[^$]*\$", " ", words)
    words = " ".join(_WORD_MARKS.sub(" ", _RELATION_WRITTEN.sub(" ", words)).split())
    if not _DOUBT.search(words):
        return relation
    if _EXCLUDES.fullmatch(words):
        return Relation(relation.left, not relation.equal, relation.right)
    return None


# "\text{if} x_{i}=x_{j}": two entries of one vector compared, the case of their indices
_ENTRY_RELATION = lazy(
    r"(?<![A-Za-z\\])([a-z])\s*_\s*(?:\{\s*([i-n])\s*\}|([i-n]))\s*"
    rf"(=|{_UNEQUAL})\s*"
    r"\1\s*_\s*(?:\{\s*([i-n])\s*\}|([i-n])(?![A-Za-z_]))"
)


_LETTER_RELATION = lazy(rf"\s*([a-z])\s*(=|{_UNEQUAL})\s*([a-z])\s*")


# "$k \in \{1, \dots, K\} \setminus \{c\}$": every index but one, k ≠ c
_SET_MINUS = lazy(
    r"(?<![A-Za-z\\])([a-z])\s*\\in(?![a-zA-Z])[^$=]*?\\(?:setminus|backslash)\s*"
    r"\\\{\s*([a-z])\s*\\\}"
)


def parse_relation(text: str, around: str = "") -> Relation | None:
    """The index case ``text`` states (``i = j``, ``k \\neq i``, "i and j differ"); with
    ``around``, also a relation of two other letters both written as subscripts there
    (``s = i`` of a text that writes ``z_s``)."""
    if around and (letters := _LETTER_RELATION.fullmatch(text)):
        left, sign, right = letters.groups()
        # z_s, z_{s}, or the second of two indices, A_{is}, A_{i,s}
        subscripts = (
            re.search(rf"_\s*\{{?\s*{c}(?![a-zA-Z])|_\s*\{{\s*[a-z]\s*,?\s*{c}\s*\}}", around)
            for c in (left, right)
        )
        if left != right and all(subscripts):
            return Relation(min(left, right), sign == "=", max(left, right))
    found = {
        (m.group(1), m.group(2) == "=", m.group(3) or m.group(4))
        for m in _INDEX_RELATION.finditer(text)
        if m.group(1) != (m.group(3) or m.group(4))
    }
    found |= {
        (m.group(2) or m.group(3), m.group(4) == "=", m.group(5) or m.group(6))
        for m in _ENTRY_RELATION.finditer(text)
        if (m.group(2) or m.group(3)) != (m.group(5) or m.group(6))
    }
    found |= {
        (m.group(1), " ".join(m.group(2).split()) in ("equals", "is equal to"), m.group(3))
        for m in _WORDED_RELATION.finditer(text)
        if m.group(1) != m.group(3)
    }
    found |= {
        (m.group(1), not re.search(r"not|n't|differ|distinct", m.group(3)), m.group(2))
        for m in _WORDED_PAIR.finditer(text)
        if m.group(1) != m.group(2)
    }
    found |= {(m.group(1), False, m.group(2)) for m in _SET_MINUS.finditer(text)}
    normal = {(min(a, b), eq, max(a, b)) for a, eq, b in found}
    if len(normal) != 1:
        return None
    left, equal, right = normal.pop()
    return Relation(left, equal, right)


_ONE_AGAINST = lazy(r"(?<![\d.])1$")  # a 1 written against the parenthesis: 1(k = c)
_CONDITION_START = lazy(r"\\q?quad|\\[,;:! ]|(?<!\\)[,;]|\\text|\(")


_CONDITION_CHARS = 200
_WORDED_TAIL = lazy(
    r"(?:\\q?quad|\\[,;:! ]|\s|,)*(?:if|for|when)(?![a-zA-Z])(?:\\[,;:! ]|~|\s)*"
    rf"([a-z]\s*(?:=|{_UNEQUAL})\s*[a-z])(?:\\[,;:! ]|\s)*[,.:;]?\s*"
)


# a reason beside a row that states an index case by a Kronecker delta: the row's condition
# (it starts at a mark, never at a space: a leading \s* was quadratic over a run of spaces)
_DELTA_REASON = lazy(
    r"(?:(?:&&?|\\q?quad)\s*+)?\\text\s*\{\s*(?:since|from|by|because|as)\s*\}\s*"
    r"(?:\\hspace\s*\{[^{}]*\}\s*)?\\delta\s*_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}\s*=\s*([01])\s*$"
)


def _row_condition(text: Text, row: Span) -> Relation | None:
    """A condition at the end of a row (``\\quad i \\neq j``, ``(\\text{if } i = j)``), blanked."""
    body = text.slice(row.start, row.end)
    reason = _DELTA_REASON.search(body)  # "&& \text{from} \delta_{ij} = 0": the case i ≠ j
    if reason and not {reason.group(1), reason.group(2)} <= set("ijklmn"):
        at = row.start + body.index("\\text", reason.start())  # \delta_{iy} = 1: no case read;
        text.chars[at : at + 5] = list("\\mbox")  # the reason stays in the row, which is unread
        body = text.slice(row.start, row.end)
        reason = None
    if reason:
        first, second, value = reason.groups()
        relation = "=" if value == "1" else "\\neq"
        written = f"\\quad {first} {relation} {second}"
        at = row.start + reason.start()
        text.chars[at : row.start + reason.end()] = list(written.ljust(len(reason.group())))
        body = text.slice(row.start, row.end)
    annotation = _ANNOTATION.search(body)
    if annotation and not _INDEX_RELATION.search(annotation.group()):
        text.blank(row.start + annotation.start(), row.end)
        return None
    levels = _top_level(body)
    # a condition is a short tail: looking only near the end keeps a long row linear
    starts = _CONDITION_START.finditer(body, max(0, len(body.rstrip()) - _CONDITION_CHARS))
    tails = (_CONDITION_TAIL.match(body, start.start()) for start in starts)
    for match in (tail for tail in tails if tail is not None):
        if levels[match.start()] != 0 and not match.group().startswith("("):
            continue
        if match.group().startswith("(") and _ONE_AGAINST.search(body, 0, match.start()):
            continue  # p_k - 1(k = y_i): CS231n's indicator, no condition of the row
        tail = match.group()
        # "\quad if \ s \neq i,": a word and letters outside i … n, both subscripts of the text
        worded = _WORDED_TAIL.fullmatch(tail)
        relation = parse_relation(tail) or (
            parse_relation(worded.group(1), text.original) if worded else None
        )
        before = body[: match.start()]
        if relation is None or ("=" not in before.replace("\\neq", "") and not worded):
            continue
        cleaned = "" if worded else _INDEX_RELATION.sub("", tail)
        cleaned = re.sub(
            r"\\(?:text|mathrm|textrm)\s*\{[^{}]*\}|\\(?:quad|qquad|left|right)|\\[,;:! ]"
            r"|[,;().\s$~]",
            "",
            cleaned,
        )
        if cleaned:
            continue
        relation = as_worded(relation, tail)  # "\quad \text{unless } i = j": the other case
        if relation is None and len(tail) >= 8:  # "\text{apart from } i = j": the row unread
            at = row.start + match.start()
            text.chars[at : row.start + match.end()] = list("\\mbox{?}".ljust(len(tail)))
            return None
        text.blank(row.start + match.start(), row.end)
        return relation
    return _subscript_condition(text, row)


# y_{k \not= i}, e^{z_{k = i}}: a subscript that carries the index case the row is about; only
# on a one-letter name (\sum_{j \neq i}, \delta_{k = i} and the indicator I_{k = i} are others)
_SUBSCRIPT_CASE = lazy(
    r"(?<![\\A-Za-z])(?!I)[A-Za-z]\s*_\s*\{\s*([i-n])\s*(=|\\neq|\\ne(?![a-zA-Z])|≠|\\not\s*=)\s*([i-n])\s*\}"
)


def _subscript_condition(text: Text, row: Span) -> Relation | None:
    """``{\\partial y_{k \\not= i} \\over \\partial z_i}``: entries whose subscript says the case
    are the entries ``y_k`` under that case; every such subscript of the row must say the same
    (else nothing is read).  The relation is blanked, the letter kept."""
    body = text.slice(row.start, row.end)
    found = list(_SUBSCRIPT_CASE.finditer(body))
    relations = {parse_relation(" ".join(m.group(1, 2, 3))) for m in found}
    if len(relations) != 1 or None in relations:
        return None
    for match in found:
        text.blank(row.start + match.end(1), row.start + match.end(3))
    return relations.pop()


_LEADING_CONDITION = lazy(  # {\rm if}~i=j,~ \frac{…}{…} = …: the row's case, written first
    r"\s*(?:\{\s*\\rm\s+(?:if|for|when)\s*\}|\\(?:text|textrm|mathrm)\s*\{\s*(?:if|for|when)\s*\})"
    r"(?:\s|~|\\[,;:! ])*"
    r"([a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*[a-z])"
    r"\s*(?:~|\\[,;:! ]|\s)*[,:](?:\s|~|\\[,;:! ]|\\q?quad(?![a-zA-Z]))*"
)


def _leading_condition(text: Text, row: Span) -> Relation | None:
    match = _LEADING_CONDITION.match(text.slice(row.start, row.end))
    relation = parse_relation(match.group(1)) if match else None
    if relation is not None:
        text.blank(row.start, row.start + match.end())  # type: ignore[union-attr]
    return relation


# a row of an align that only names an index case: "if \: i \neq j: &", "\text{when } i = j:",
# "\text{If } k = i \text{:}", "\text{Similarly, for } k \neq i\text{:}"
_CASE_ROW = lazy(
    r"\s*(?:if|when|for|\\text\s*\{[^{}=]{0,40}?\b(?:[Ii]f|[Ww]hen|[Ff]or)\s*\}"
    r"|\{\s*\\rm\s+(?:if|when|for)\s*\})"
    r"(?:\s|~|\\[,;:! ])*([a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*[a-z])\s*+"
    r"(?:[:,]|\\text\s*\{\s*[:,]\s*\})?\s*+"
)
_WORD_GROUP = lazy(r"\\(?:text|textrm|textit|textbf|mbox|mathrm)\s*+\{[^{}]*+\}")
_WORDS = lazy(r"\\(?:text|textrm|textit|textbf|mbox)\s*+\{[^{}]*?[A-Za-z]{2}")
# mathematics a row of words never writes (its index case aside: "(k \neq i)", "k \in S")
_EQUATION_MATH = lazy(
    r"\\(?:[dt]?frac|partial|sum|prod|sigma|log|ln|exp|nabla|delta|cdot|times)(?![a-zA-Z])"
    r"|[\^_+*/]"
)
_SET_MINUS = lazy(r"([a-z])\s*+\\in(?![a-zA-Z])[^=]*?\\setminus\s*+\\?\{\s*+([a-z])\s*+\\?\}")
_OTHERWISE = lazy(r"\s*+\\text\s*+\{\s*+(?i:otherwise|else)\b")
# words that speak of the cases or of all of them: a row saying them ends the case named above
_ANY_CASE = lazy(
    r"(?i)\b(?:general(?:ly)?|any|all|every|both|each|case|cases|other|otherwise|else|remaining"
    r"|differ(?!entia)\w*|distinct|equal|same|diagonal|off[- ]diagonal|for|if|when|whenever)\b"
)
_APPLIED_WORD = lazy(r"\\(?:text|textrm|textit|textbf|mbox|mathrm)\s*+\{[^{}\s]*+\}\s*+[(_^\[]")
_INDEX_EQUAL = lazy(r"[a-z]*?[a-z]=[a-z][a-z]*?")  # the one "=" of "if k = i" among the words


def row_case(
    row: str, announced: Relation | None, around: str
) -> tuple[Relation | None, bool] | None:
    """A row with no equation of the derivation: (the case the rows below it are in, whether
    the chain breaks there), else None.  A row that names a case (``\\text{If } k = i
    \\text{:}``) opens it; a row of words (``\\text{Otherwise:}``, ``\\text{In general, for any
    } k``) ends the case a row named above ("otherwise" and "else" open the other one)."""
    heading = _CASE_ROW.fullmatch(row)
    if heading and (said := parse_relation(heading.group(1), around)) is not None:
        return said, False
    rest = re.sub(r"\\(?:q?quad(?![a-zA-Z])|[,;:! ])", " ", _WORD_GROUP.sub(" ", row))
    if not _WORDS.search(row) or _EQUATION_MATH.search(rest) or _APPLIED_WORD.search(row):
        return None  # (\text{softmax}(z) = …: a function's name, in an equation)
    if "=" in rest and not _INDEX_EQUAL.fullmatch(re.sub(r"[^=a-z]", "", rest)):
        return None
    if _OTHERWISE.match(row) and announced is not None:
        return Relation(announced.left, not announced.equal, announced.right), True
    if "\\setminus" in rest[:300] and (minus := _SET_MINUS.search(rest[:300])):
        return Relation(minus.group(1), False, minus.group(2)), True  # k \in \{…\} \setminus \{i\}
    words = re.sub(r"\\(?:text|textrm|textit|textbf|mbox)\s*\{([^{}]*)\}", r" \1 ", row)
    said = parse_relation(row, around) or parse_relation(words, around)  # "k is not i"
    if said is None and not _ANY_CASE.search(words):  # "\text{Simplifying further:}"
        return announced, False  # a remark: the case named above goes on, and the chain
    return said, True


_OTHERWISE_TAIL = lazy(  # "&& \text{otherwise}", "o.w.", "if not", "(off-diagonal)"
    r"(?:(?<!&)&++|\\q?quad(?![a-zA-Z])|,)\s*+\\text\s*+\{\s*+\(?\s*+(?i:otherwise|else|o\.\s*w\."
    r"|if\s+not|off[- ]diagonal|(diagonal))\s*+\)?\s*+[.,]?\s*+\}[\s.,]*+$"
)


def otherwise_condition(text: Text, row: Span, before: Relation | None) -> Relation | None:
    """``&= -p_k p_i && \\text{otherwise}`` after a row in the case ``k = i``: the other case
    (the words blanked), else None."""
    found = _OTHERWISE_TAIL.search(text.slice(row.start, row.end))
    if found is None:
        return None
    if before is None:  # "&& \text{(diagonal)}": the letters of the derivative above it
        letters = _DERIVATIVE_LETTERS.findall(text.original, max(0, row.start - 600), row.end)
        if len(set(letters)) != 1 or not (found.group(1) or "off" in found.group().lower()):
            return None  # ("otherwise" after no case: the other of which?)
        before = Relation(letters[0][0], True, letters[0][1])
        if found.group(1):  # (diagonal: the entries where they are equal)
            text.blank(row.start + found.start(), row.start + found.end())
            return before
    elif found.group(1):
        return None
    text.blank(row.start + found.start(), row.start + found.end())
    return Relation(before.left, not before.equal, before.right)


_DERIVATIVE_LETTERS = lazy(
    r"\\partial\s*+[A-Za-z]++_\{?([a-z])\}?\s*+\}\s*+\{\s*+\\partial\s*+[A-Za-z]++_\{?([a-z])\}?"
)
