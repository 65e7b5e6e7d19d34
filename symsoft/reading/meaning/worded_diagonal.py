"""An index case said in words only, with no letters: "On the diagonal,", "For the off-diagonal
entries:", "When the indices coincide, we get", "### Diagonal terms". The words name the two
indices of the derivative the display writes (``\\frac{\\partial S_i}{\\partial a_j}``,
``J_{ij}``, ``D_j S_i``), so the case is read only where its left side writes exactly two index
letters, and only where the words open the sentence that runs on into the display (or its
heading): "Many tutorials only derive the diagonal entries; here is the full Jacobian:", "the
Kronecker delta is one when the indices coincide, so" or "## From the diagonal terms to the
full Jacobian" name no case (review 82a). Words of another case, of every case or of the
whole matrix after the opening leave it unread too."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Relation
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import prose_condition

_PARTS = r"(?:entr(?:y|ies)|elements?|terms?|case|part|derivatives?)"
_COINCIDE = r"(?:coincide|are\s+(?:equal|the\s+same|identical))"
_DIFFER = r"(?:differ|are\s+(?:different|distinct|unequal|not\s+(?:equal|the\s+same)))"
# the words a case opens its sentence (or heading) with: "On the diagonal,", "### Off-diagonal
# terms", "When the indices coincide, we get", "In the second case (the two indices differ),"
_OPENING = lazy(
    r"[\s#*>_-]*(?:case\s*\d*\s*[:.)]\s*)?(?:(?:now|first|then|so|next|and|second(?:ly)?|finally)"
    r"\s*,?\s+)?(?:in\s+the\s+(?:first|second|next|last)\s+case\s*[(,:]\s*)?"
    r"(?:(?P<off>off\s+the\s+(?:main\s+)?diagonal"
    rf"|(?:(?:for|in)\s+)?(?:the\s+)?(?:off|non)[- ]?diagonal(?:\s+{_PARTS})?"
    rf"|(?:when|where|if)\s+(?:the\s+)?(?:two\s+)?indices\s+{_DIFFER}"
    rf"|(?:the\s+)?(?:two\s+)?indices\s+{_DIFFER}"
    r"|(?:for|with)\s+(?:two\s+)?(?:different|distinct|unequal)\s+indices"
    r"|au(?:ß|ss)erhalb\s+der\s+(?:haupt)?diagonalen|hors\s+de\s+la\s+diagonale"
    r"|fuera\s+de\s+la\s+diagonal|fora\s+da\s+diagonal|非对角(?:线上?|元素?)?|非對角(?:線上?)?)"
    r"|(?P<on>(?:on|along)\s+the\s+(?:main\s+)?diagonal"
    rf"|(?:(?:for|in)\s+)?(?:the\s+)?diagonal(?:\s+{_PARTS})?"
    rf"|(?:when|where|if)\s+(?:the\s+)?(?:two\s+)?indices\s+{_COINCIDE}"
    rf"|(?:the\s+)?(?:two\s+)?indices\s+{_COINCIDE}"
    r"|(?:for|with)\s+(?:the\s+)?(?:same|equal|identical)\s+indices"
    r"|auf\s+der\s+(?:haupt)?diagonalen|sur\s+la\s+diagonale|en\s+la\s+diagonal"
    r"|na\s+diagonal|对角线上|对角元素?|對角線上))"
    # … then the sentence runs on into the display: a mark, or a verb that leads into it
    r"\s*\)?\s*(?=$|[,:;，：]|(?:we|one)\s+(?:have|get|find|obtain)\b|(?:it|this)\s+(?:is|gives"
    r"|becomes)\b|(?:are|is|reads?|becomes?|equals?|gives?|gilt|ergibt|erhalten|on\s+(?:a|obtient"
    r"|trouve)|tenemos|obtenemos|temos|obtemos)\b)",
    re.IGNORECASE,
)
# words that speak of more than one case, of every case, of the whole matrix, or deny the one
_OTHER_WORDS = lazy(
    r"\b(?:both|all|every|each|any|general|generally|elsewhere|otherwise|else|other|not|never"
    r"|except|unlike|whereas|while|instead|rather|either|neither|whether|full|whole|entire"
    r"|matrix|jacobian|diagonal|indices|delta|kronecker)\b|n't",
    re.IGNORECASE,
)
_RELATION_IN_MATH = lazy(r"\$[^$]*(?:=|\\neq?|\\not|≠|<|>|\\[lg]eq?|\\in(?![a-z]))[^$]*\$")
_PAIRED = lazy(r"_\s*\{\s*(?P<a>[i-n])\s*,?\s*(?P<b>[i-n])\s*\}")  # J_{ij}, J_{i,j}
_ONE = lazy(r"[A-Za-z}]\s*_\s*(?:\{\s*([i-n])\s*\}|([i-n])(?![A-Za-z]))")  # S_i, \hat{y}_{j}
_BOUND = lazy(r"\\(?:sum|prod|max|min)\s*(?:\\limits\s*)?_\s*(?:\{[^{}]*\}|\w)")  # (no index)


_BOUND_LETTER = lazy(r"\\(?:sum|prod)\s*(?:\\limits\s*)?_\s*\{?\s*([i-n])(?![A-Za-z])")


def _last_place(prose: str) -> str:
    """The words that run on into the display: the last sentence of the last paragraph (or a
    heading's words)."""
    text = prose.strip()
    if text.endswith((".", "!", "?")):
        return ""  # (a sentence that ends before the display announces nothing of it)
    return re.split(r"[.!?]\s|\n\s*\n", text)[-1]


def index_pair(body: str) -> tuple[str, str] | None:
    """The two index letters the first side of ``body`` writes as subscripts, in order, when it
    writes exactly two (``\\frac{\\partial S_i}{\\partial a_j}``, ``J_{ij}``); else None."""
    side = re.split(r"(?<![<>!\\])=", body, maxsplit=1)[0]
    letters: list[str] = []
    for found in _PAIRED.finditer(side):
        letters += [found.group("a"), found.group("b")]
    side = _PAIRED.sub(" ", side)
    for found in _ONE.finditer(_BOUND.sub(" ", side)):
        letters.append(found.group(1) or found.group(2))
    bound = {m.group(1) for m in _BOUND_LETTER.finditer(side)}  # \sum_k … e^{z_k}: not free
    distinct = [letter for letter in dict.fromkeys(letters) if letter not in bound]
    return (distinct[0], distinct[1]) if len(distinct) == 2 else None


def worded_diagonal(prose: str, body: str) -> Relation | None:
    """The case ``i = j`` or ``i ≠ j`` the words just before a display name without letters
    ("On the diagonal,", "Off the diagonal,", "When the indices coincide,"), for the two indices
    of the display's first side ``body``; None where the words say more or the side is not a
    derivative of two indices."""
    place = _last_place(prose)
    if not place or _RELATION_IN_MATH.search(place):
        return None  # (a relation in math beside the words is read as it is, or not at all)
    opening = _OPENING.match(place)
    if opening is None or _OTHER_WORDS.search(place, opening.end()):
        return None
    pair = index_pair(body)
    return Relation(pair[0], opening.group("on") is not None, pair[1]) if pair else None


def case_before(
    prose: str, original: str, body: str, before: Relation | None = None
) -> Relation | None:
    """The index case the words before a display announce, with letters ("When $i = j$,") or
    without ("On the diagonal,"), or the other case than ``before``, the one of the display
    before, after a word alone ("Otherwise,", "sonst", "sinon"); ``original`` is the document,
    ``body`` the display."""
    found = prose_condition(prose, original) or worded_diagonal(prose, body)
    words = _DISPLAY_EDGES.sub(" ", prose).strip()  # (the closing $$ of the display before)
    if found is None and before is not None and _OTHERWISE_ALONE.fullmatch(words):
        return Relation(before.left, not before.equal, before.right)
    return found


_DISPLAY_EDGES = lazy(r"\$\$|\\\]|\\end\s*\{[a-zA-Z*]+\}")
# "Otherwise, we have", "In the other case:", "sonst gilt", "Andernfalls", "sinon", "autrement",
# "de lo contrario", "caso contrário", "altrimenti": the other case than the one before
_OTHERWISE_ALONE = lazy(
    r"(?i)(?:otherwise|else|in\s+the\s+other\s+case|sonst|andernfalls|ansonsten|sinon|autrement"
    r"|dans\s+le\s+cas\s+contraire|de\s+lo\s+contrario|en\s+otro\s+caso|si\s+no"
    r"|caso\s+contr[áa]rio|sen[ãa]o|altrimenti)\b(?:\s*,)?(?:\s+(?:we\s+(?:have|get)|this\s+is"
    r"|it\s+is|gilt|ist|on\s+a|tenemos|temos|abbiamo))?\s*[,:]?"
)
