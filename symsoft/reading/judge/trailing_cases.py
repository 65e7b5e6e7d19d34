"""An index case said right after a display, in the sentence that goes on from it: ``$$
\\frac{\\partial s_i}{\\partial x_j} = -s_i s_j $$ for $i \\neq j$, and the diagonal …``.

A step that holds only in the case the words after it name holds as the text says (a case said
before the display is read as the step's condition: prose.py); one that fails in that case and
holds in the other fails as the text means it ("the diagonal's formula written for $i \\neq j$").
Nothing else is read from these words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Relation
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import CASE_WORDS

_DISPLAY_END = r"\s*(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*[,;]?\s*"
# the display's end, then "for $i \neq j$", ", where $i = j$", "when $k \ne i$"
_CASE_AFTER = lazy(
    _DISPLAY_END + r"(?:(?:for|when|if|whenever|where|in\s+the\s+case"
    r"|si|pour|quand|lorsque|cuando|para|se|quando|wenn|für|falls)\s+|(?:当|如果|若)\s*)"
    r"(?:all\s+)?\$\$?\s*([a-z])\s*(=|\\neq?(?![a-zA-Z])|≠|\\not\s*=)\s*([a-z])\s*\$\$?"
    # the clause ends there: "for $i \neq j$." or "…, and the diagonal"; never "for $i \neq j$
    # we get $$…$$" (the words may lead the next display) nor "and $j = k$" (two cases)
    # (never "and when $i \neq j$, respectively": the cases of two displays or two equations)
    # ("and $p_k - 1$ for the true class": the other case's value, not a second condition)
    r"(?=\s*(?:[.;，。；]|,?\s+(?:and|while|whereas|but)\s+"
    r"(?!\$\s*[a-z]\s*(?:=|\\neq?|≠|\\not\s*=|<|>|\\[lg]eq?)|(?:when|for|if|where|in)\s)|\s*$))"
)
_OTHERWISE_AFTER = lazy(_DISPLAY_END + r"(?:otherwise|else|sinon|sonst|否则|其他情况)")
_CONDITION = lazy(
    r"(?i)\b(?:if|when|whenever|where|case|cuando|si|lorsque|quand|wenn|falls|se|quando"
    r"|own|self|itself|same|diagonal|matching|corresponding|identical|coincid\w*)\b"
    r"|当|如果|若|时|時|とき|場合|경우|때"
)
_OPENERS = lazy(r"\$\$|\\\[|\\begin\s*\{[^{}]*\}")
_HOLDS_ONLY = lazy(r"holds only when ([i-n]) ([=≠]) ([i-n])")


def held_in_the_case_after(
    result: StepResult, step: Step, after: str, before: str
) -> StepResult | None:
    """``result`` as "holds when …" where it holds only in the case the words right after its
    display name (``after``: the text from the step's right side on), as "fails when …" where
    it fails in that case alone and the display is no more than that step, with no case said
    before it in its section (``before``: from the last heading to the step); else None."""
    if step.condition is None and _alone(before) and not _case_before(before):
        if failed := _failed_in_the_case_after(result, after):
            return failed
    if result.status != "holds only" or step.condition is not None:
        return None
    said, found = _CASE_AFTER.match(after), _HOLDS_ONLY.match(result.summary)
    if said is None or found is None:
        return held_in_the_remark_after(result, step, after, before)  # "This is for $i ≠ j$."
    equal = said.group(2) == "="
    written = (*sorted((said.group(1), said.group(3))), "=" if equal else "≠")
    held = (*sorted((found.group(1), found.group(3))), found.group(2))
    if written != held or written[0] == written[1]:
        return None
    case = f"{written[0]} {written[2]} {written[1]}"
    summary = re.sub(r"^holds only when [^(;]*(?:\([^)]*\))?", f"holds when {case}", result.summary)
    return replace(result, status="holds", summary=summary.strip(), cases=(), holds_when="")


def disowned(result: StepResult, after: str, case: Relation | None) -> StepResult:
    """``result`` of a step judged in ``case`` (read from the prose before its display), as
    ambiguous where it holds there but the words right after the display name another case:
    "A where $i = j$ and ⏎ $$B$$ ⏎ where $i \\neq j$." (review 73b: B held "when i = j")."""
    if result.status != "holds" or case is None or not other_case_after(after, case):
        return result
    return _ambiguous(result, f"the case said after it is not {case}, the one read before it")


def other_case_after(after: str, case: Relation) -> bool:
    """Whether the words right after the display (``after``) name an index case other than
    ``case`` (read from the prose before it): "A if $i = j$, and ⏎ $$B$$ ⏎ if $i \neq j$." says
    B's case after it, and the case before it was A's."""
    if _OTHERWISE_AFTER.match(after):  # "$$B$$ otherwise.": the other case than the one before
        return True
    said = _CASE_AFTER.match(after)
    if said is None or said.group(1) == said.group(3):
        return False
    written = _case(said.group(1), "=" if said.group(2) == "=" else "≠", said.group(3))
    return written != _case(case.left, "=" if case.equal else "≠", case.right)


def _failed_in_the_case_after(result: StepResult, after: str) -> StepResult | None:
    """``result`` as "fails when …" where of its two index cases it is refuted in the one the
    words after its display name, and only there (the other proved or undecided)."""
    if not (result.status == "holds only" or result.fails_in_a_case) or len(result.cases) != 2:
        return None
    said = _CASE_AFTER.match(after)
    if said is None or said.group(1) == said.group(3):
        return None
    case = _case(said.group(1), "=" if said.group(2) == "=" else "≠", said.group(3))
    refuted = [c for c in result.cases if c.verdict.status == "refuted"]
    if len(refuted) != 1 or len(parts := refuted[0].case.split()) != 3 or _case(*parts) != case:
        return None
    summary = f"fails when {case}, the case said after it"
    return replace(
        result,
        status="fails",
        summary=summary,
        cases=tuple(refuted),
        hypothesis=None,
        hypothesis_stated=True,
        holds_when="",
    )


def before_opening(before: str) -> str:
    """The text up to a step in a display (``before``) without the display's own opening: the
    words that lead into it end it."""
    openers = list(_OPENERS.finditer(before))
    return before[: openers[-1].start()] if openers else before


def _case_before(before: str) -> bool:
    """Whether the section before the display may say the display's case: case words or an
    index relation anywhere, or a sentence leading into it that writes math or a condition
    ("If $j$ is $i$ itself,", "当 $i$ 与 $j$ 相同时：", review 72c)."""
    if CASE_WORDS.search(before):  # ("On the diagonal", "If $i = j$": review 72b)
        return True
    lead = re.split(r"[.!?。！？](?:\s|$)", before_opening(before))[-1]
    return "$" in lead or "\\(" in lead or bool(_CONDITION.search(lead))


def _alone(before: str) -> bool:
    """Whether the display holds no relation before the step (one step, one equation)."""
    opened = _OPENERS.split(before)[-1]
    return not re.search(r"=|\\neq?(?![a-zA-Z])|\\approx|\\quad", opened)


def _case(left: str, relation: str, right: str) -> str:
    """An index case with its letters in order: ``j ≠ i`` is ``i ≠ j``."""
    first, second = sorted((left, right))
    return f"{first} {relation} {second}"


# a remark right after the display, alone in its paragraph (or followed by the other case), that
# says which case the formula is for: "Note that this only holds for $i \neq j$.", "(for $i \neq
# j$)", "(valid for $i \neq j$ only)", "This is the off-diagonal case.", "I assumed $k \ne c$
# here.", "(This is the case where $k$ is not the label.)", "This is for a wrong class $k$."
_SUBJECT = (
    r"(?:(?:note|notice|remember)\s+(?:that\s+)?|of\s+course,?\s+)?(?:this|the\s+above|the\s+"
    r"(?:formula|result|expression|equation|identity|derivative)(?:\s+above)?|it|here,?\s+)"
    r"(?:\s+(?:formula|result|expression|equation))?"
)
_SAYS_CASE = (
    r"(?:\s+(?:only\s+)?(?:holds|applies|is\s+(?:only\s+)?(?:valid|true|for)|is\s+(?:the\s+)?case)"
    r"|\s+(?:only\s+)?assumes|\s+is\s+(?:for|the))"
)
_REMARK = lazy(
    r"\s*(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*(?P<open>\()?\s*(?P<remark>"
    rf"{_SUBJECT}{_SAYS_CASE}[^.!?()\n$]{{0,40}}(?:\$[^$]{{1,24}}\$[^.!?()\n$]{{0,30}})?"
    r"|I\s+assumed\s+\$[^$]{1,24}\$(?:\s+here)?"
    r"|here,?\s+\$\s*[a-z]\s*\$\s+and\s+\$\s*[a-z]\s*\$\s+are\s+(?:different|distinct)"
    r"|(?:(?:only\s+)?(?:valid\s+)?(?:for|when|if|where)\s+\$[^$]{1,24}\$(?:\s+only)?)"
    # "In the off-diagonal case we get this.", "The diagonal entries are given by this formula."
    r"|(?:(?:in|for|on)\s+the\s+(?:off[- ]diagonal|diagonal|(?:true|correct|target)\s+class)"
    r"(?:\s+(?:case|entr(?:y|ies)))?|the\s+(?:off[- ]diagonal|diagonal)\s+entr(?:y|ies))\s*,?\s+"
    r"(?:we\s+(?:get|have|obtain)|(?:it\s+)?is|are|(?:is|are)\s+given\s+by)\s+(?:exactly\s+)?"
    r"(?:this|these)(?:\s+(?:formula|result|expression|value|entries))?)"
    r"\s*(?(open)\.?\)|[.;])[ \t]*(?P<rest>\n[ \t]*\n|\n?[ \t]*$|[^\n]*)",
    re.IGNORECASE,
)
_WIDENS = lazy(
    r"(?i)\b(?:not|n't|never|fails?|wrong\s+(?:to|for)|except|unless|both|all|every|any"
    r"|general\w*|too|also|as\s+well|same|extends?|whole|would|could|should|misconception"
    r"|mistake|common|earlier|before|first|again|even)\b"
)
# the case a remark names: a relation of the case's own two letters, in math or in words
_REMARKED_RELATION = lazy(
    r"\$\s*([a-z])\s*(=|\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*([a-z])\s*\$"
    r"|\$\s*([a-z])\s*\$\s+and\s+\$\s*([a-z])\s*\$\s+(?:are|being)\s+(?P<pair>different|distinct"
    r"|equal|the\s+same)\b"
)
_DIAGONAL_WORDS = lazy(r"(?i)\b(off(?:[- ]|\s+the\s+))?diagonal\b")
_NOT_THE_CLASS = lazy(
    r"(?i)\$\s*([a-z])\s*\$\s+is\s+(?:not|n't)\s+the\s+(?:true\s+|correct\s+|target\s+)?"
    r"(?:label|class|target)\b|\b(?:a|an|the)\s+(?:wrong|incorrect|other|non-target)\s+class"
    r"\s+\$\s*([a-z])\s*\$"
)
# a lead that says the equal case in words the remark after the display then names ("When the
# logit we move is the numerator's own, …"); never a try or a slip
_OWN_BEFORE = lazy(r"(?i)\b(?:own|same|itself|identical|matching|corresponding)\b")
_TRIED = lazy(r"(?i)\b(?:try|tried|attempt\w*|wrong|slip|error|naive\w*|guess\w*)\b")
_OTHER_CLASSES = lazy(
    r"(?i)\b(?:the\s+)?(?:other|wrong|incorrect|non-target|remaining)\s+class(?:es)?\b"
)
_THE_CLASS_WORDS = lazy(r"(?i)\b(?:true|correct|target)\s+class\b")


def _called_the_class(before: str, letters: set[str]) -> bool:
    """Whether the text before a step calls one of its two letters the true class."""
    return any(
        re.search(
            rf"(?i)(?:true|correct|target)\s+class\s+\${letter}\$|\${letter}\$\s+(?:is|be)"
            rf"\s+the\s+(?:true|correct|target)\s+class",
            before,
        )
        for letter in letters
    )


_CLOSING = lazy(r"\$\$|\\\]|\\end\s*\{(?:equation|align|gather|multline|displaymath)\*?\}")


def _one_chain(between: str) -> bool:
    """Whether ``between`` (the rest of a display after a step) only goes on with the same
    chain: each row opens with "=" (``&= …``), and no display opens."""
    if _OPENERS.search(between):
        return False
    return all(re.match(r"\s*&?\s*=", row) for row in re.split(r"\\\\", between)[1:])


_ONLY_CASE = lazy(r"holds only when ([a-z]) ([=≠]) ([a-z]) \(fails when [^()]*\)")


def held_in_the_remark_after(
    result: StepResult, step: Step, after: str, before: str = ""
) -> StepResult | None:
    """``result`` as "holds when …" where it holds only in the case a remark right after its
    display names (``after``: the text from the step's right side on; ``before``: its section
    up to the step, whose lead may speak of a case already); None otherwise (a remark naming
    the other case leaves the flag: the step fails in the author's case)."""
    found, said = _ONLY_CASE.match(result.summary), _REMARK.match(after)
    closing = _CLOSING.search(after)
    if said is None and closing and _one_chain(after[: closing.start()]):
        said = _REMARK.match(after, closing.start())  # a chain's earlier step: its remark too
    if found is None or said is None or step.condition is not None:
        return None
    rest = said.group("rest").strip()  # the paragraph going on: "Otherwise the result is …"
    lead = re.split(r"[.!?](?:\s|$)", before_opening(before))[-1]
    said_before = bool(CASE_WORDS.search(lead) or _CONDITION.search(lead))
    if said_before and not _OWN_BEFORE.search(lead):
        return None  # "My first try at the diagonal entry gave": a case said before it
    remark, letters = said.group("remark"), {found.group(1), found.group(3)}
    held = _case(found.group(1), found.group(2), found.group(3))
    if hot := _NOT_THE_CLASS.search(remark):
        letter = hot.group(1) or hot.group(2)
        if letter not in letters:
            return None
        case = _case(letter, "≠", (letters - {letter}).pop())  # "$k$ is not the label"
        remark = remark[: hot.start()] + remark[hot.end() :]
    elif relations := list(_REMARKED_RELATION.finditer(remark)):
        if len(relations) != 1:
            return None
        m = relations[0]
        left, right = (m.group(1), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
        equal = m.group(2) == "=" if m.group(1) else m.group("pair") in ("equal", "the same")
        if {left, right} != letters:
            return None
        case = _case(left, "=" if equal else "≠", right)
        remark = remark[: m.start()] + remark[m.end() :]
    elif (diagonal := _DIAGONAL_WORDS.search(remark)) and "$" not in remark:
        case = _case(found.group(1), "≠" if diagonal.group(1) else "=", found.group(3))
    elif (
        _THE_CLASS_WORDS.search(remark) and "$" not in remark and _called_the_class(before, letters)
    ):
        case = _case(found.group(1), "=", found.group(3))  # "For the true class we get this."
    elif _OTHER_CLASSES.search(remark) and "$" not in remark and _called_the_class(before, letters):
        case = _case(found.group(1), "≠", found.group(3))  # "This is for the other classes."
        remark = _OTHER_CLASSES.sub(" ", remark)
    else:
        return None
    leads = bool(_OPENERS.match(after[said.end() :].lstrip()))  # "… For the true class we get"
    if said_before and (
        "≠" in case
        or _REMARKED_RELATION.search(lead)
        or _WIDENS.search(lead)
        or _TRIED.search(lead)
    ):
        return None  # (the lead's words in the remark's case only: "the numerator's own")
    if case != held or _WIDENS.search(remark) or (rest and not _other_case_next(rest, case, leads)):
        return None  # (a paragraph going on otherwise: "Here it is for all $i, j$.")
    if _OPENERS.match(after[said.start("rest") :].lstrip()):  # "$$A$$ This is for $i = j$: $$B$$"
        return _ambiguous(result, f"the words after it say {case}, of it or of the next display")
    summary = f"holds when {case}, as the words after it say"
    return replace(result, status="holds", summary=summary, cases=(), holds_when="")


# the paragraph going on with the other case ("Otherwise the result is $-p_i p_j$.", "For the
# true class we get …", "For $i \neq j$ it is …"), widening nothing
_OTHERWISE_NEXT = lazy(r"(?i)(?:otherwise|else|in\s+the\s+other\s+case|sinon|sonst|否则)")
_TRUE_CLASS_NEXT = lazy(r"(?i)(?:for|at|on)\s+the\s+(?:true|correct|target)\s+class\b")
_ON_DIAGONAL = lazy(r"(?i)(?:(?:on|for|in)\s+)?the\s+diagonal\b(?:\s+(?:case|entr(?:y|ies)))?")
_OFF_DIAGONAL = lazy(
    r"(?i)(?:(?:off|away\s+from)\s+the\s+diagonal|(?:in|for|on)\s+the\s+off[- ]diagonal"
    r"(?:\s+(?:case|entr(?:y|ies)))?|the\s+off[- ]diagonal\s+entr(?:y|ies))\b"
)


def _other_case_next(rest: str, case: str, leads: bool) -> bool:
    """Whether ``rest``, the words going on in a remark's paragraph, turn to the case other
    than the remark's ``case`` and say nothing wider: with the other case's formula, or leading
    into a display (``leads``) that gives it."""
    words = _MATH.sub(" ", rest)
    if _WIDENS.search(words) or _UNCHANGED.search(words) or len(_MATH.findall(rest)) > 2:
        return False
    formulas = len(_MATH.findall(rest))
    if not (formulas == 1 or (formulas == 0 and leads and not re.search(r"[.!?]\s*$", rest))):
        formulas = -1  # (no formula of its own, or one not led into)
    unequal = "≠" in case  # the other case is the diagonal, or the true class itself
    other = _OTHERWISE_NEXT.match(rest) or (
        unequal and (_TRUE_CLASS_NEXT.match(rest) or _ON_DIAGONAL.match(rest))
    )
    other = other or (not unequal and _OFF_DIAGONAL.match(rest))
    if other:
        return not _REMARKED_RELATION.search(rest) and formulas >= 0
    first = _REMARKED_RELATION.match(re.sub(r"(?i)^(?:for|when|if)\s+", "", rest))
    if first is None or first.group(1) is None:
        return False
    if len(_MATH.findall(rest)) != 2:
        return False  # (the other case's own formula: "For $i \neq j$ it is $-p_i p_j$.")
    said = _case(first.group(1), "=" if first.group(2) == "=" else "≠", first.group(3))
    return said != case and said.split()[::2] == case.split()[::2]  # (letters in order)


_MATH = lazy(r"\$[^$]*\$")
_UNCHANGED = lazy(r"(?i)\b(?:nothing|unchanged|chang\w*|likewise|similar\w*|identical)\b")
