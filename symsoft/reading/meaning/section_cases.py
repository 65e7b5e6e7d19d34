"""The index case a section is about: a heading (``### Case 2: Off-Diagonal ($i \\neq j$)``) or a
line that only names a case (``2. $i \\neq k$인 경우``, ``- When $i = j$:``) puts the displays
below it in that case, also across prose that names no other case ("Substituting:", a list of
part derivatives "(since $i \\neq j$)"), until the next heading, a rule, or words that speak of
another case, of every case or of putting the cases together."""

from __future__ import annotations

import re

from symsoft.reading.documents.conditions import parse_relation
from symsoft.reading.documents.spans import Relation
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import CASE_WORDS, HEADING, NEW_SUBJECT

# a line that is a case and nothing else, perhaps numbered or a list item's label:
# "2. $i \neq k$인 경우", "- When $i = j$:", "(1) 当 $i=j$ 时", "**i ≠ j の場合**"
_RELATION_MATH = (
    r"\$\s*[i-n]\s*(?:=|==|\\neq?(?![a-zA-Z])|\\not\s*=|≠|!=)\s*\{?[i-n]\}?\s*\$"
    r"|\\\(\s*[i-n]\s*(?:=|\\neq?(?![a-zA-Z])|≠)\s*\{?[i-n]\}?\s*\\\)"
    r"|(?<=[ \t])[i-n][ \t]*+(?:=|≠|!=)[ \t]*+[i-n](?=[ \t]*+:)"  # "When i = j:" in plain text
)
CASE_LABEL = lazy(
    r"^[ \t>]*+(?:\d{1,2}[.)、]|[-*•+]|[(（]\d{1,2}[)）])?[ \t]*+(?:\*\*)?[ \t]*+"
    r"(?:(?:case|情况|情形|경우)[ \t]*+\d{0,2}[ \t]*+[:：.]?[ \t]*+)?"
    r"(?:(?:when|if|for|in\s+the\s+case)[ \t]++|当|若|如果)?[ \t]*+"
    rf"(?:{_RELATION_MATH})"
    r"[ \t]*+(?:인[ \t]*+경우|일[ \t]*+때|の場合|のとき|的情况|时|時|情况)?[ \t]*+[:：]?[ \t]*+"
    r"(?:\*\*)?[ \t]*+$",
    re.MULTILINE | re.IGNORECASE,
)


def section_headings(prose: str) -> list[str]:
    """The headings of ``prose`` and its lines that only name a case, in order."""
    found = [(m.start(), m.group()) for m in HEADING.finditer(prose)]
    found += [(m.start(), m.group()) for m in CASE_LABEL.finditer(prose)]
    return [text for _, text in sorted(found)]


# words that end a section's case: another subject, every case, the cases put together, a rule
_LEAVES = lazy(
    r"\b(?:general|both|combin\w*|every|all|any|together|regardless|either|whether|summar\w*"
    r"|overall|altogether|instead|now|next|finally|similarly|likewise|matrix|jacobian|vector"
    r"|indicators?|kronecker|compact\w*|single|one formula)\b"
    r"|两种情况|兩種情況|合起来|合起來|统一|統一|両方|まとめ|综上|綜上|总结|總結|정리하면|종합"
    r"|^\s*(?:---+|\*\*\*+|___+)\s*$|\\(?:hline|rule)",
    re.IGNORECASE | re.MULTILINE,
)


_ANY_RELATION = lazy(
    r"[a-z]\s*+_?\s*+\{?\s*+[i-n]?\s*+\}?\s*+(?:=|\\neq?(?![a-zA-Z])|\\not\s*+=|≠|!=)\s*+"
    r"[a-z]\s*+_?\s*+\{?\s*+[i-n]?\s*+\}?"
)


def keeps_case(prose: str, case: Relation | None) -> bool:
    """Whether ``prose`` between two displays of a section in ``case`` leaves the case standing:
    it names no other case and no word of generality; restating the case itself
    ("$\\frac{\\partial}{\\partial z_j} e^{z_i} = 0$ (since $i \\neq j$)", "이때, $z_i \\neq
    z_k$이다.") is no other case."""
    if case is None or _LEAVES.search(prose) or NEW_SUBJECT.search(prose):
        return False
    rest = prose
    for math in re.finditer(r"\$[^$]*\$|\\\(.*?\\\)", prose):
        for relation in _ANY_RELATION.finditer(math.group()):
            said = parse_relation(relation.group())
            if said is not None and said != case:
                return False
            if said == case:
                rest = rest.replace(relation.group(), " ", 1)
    return not CASE_WORDS.search(rest)
