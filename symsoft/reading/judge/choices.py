"""A flag on a step the words right before its display say is made under another choice ("In
code the sum is often used instead, and then", "Some libraries spread the mass over the other
classes:"): the step may be of another quantity than the one the text defines (the loss summed
where it was averaged), whose new definition is said only in words and not read here.  So for a
step said to hold only up to a constant ("so, up to a constant that does not depend on $z_k$,",
"ignoring the terms that do not depend on $w$"): it is no equality as written."""

from __future__ import annotations

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import prose_condition, sentences

_ANOTHER_CHOICE = lazy(
    r"(?i)\b(?:an?\s*other\s+(?:convention|choice|definition|normali[sz]ation|variant)"
    r"|some\s+(?:libraries|implementations|frameworks|authors|texts|books|papers|courses))\b"
)
# "instead", "rather than", "alternatively" speak of a choice only beside a verb of choosing ("the
# sum is used instead"; not "collecting every term instead")
_INSTEAD = lazy(r"(?i)\b(?:instead|rather\s+than|alternatively)\b")
_CHOOSING = lazy(
    r"(?i)\b(?:use[sd]?|using|take[sn]?|taking|took|define[sd]?|defining|choose|chosen|chose|"
    r"pick(?:s|ed)?|prefer(?:s|red)?|adopt(?:s|ed)?|work(?:s|ed)?\s+with)\b"
)
# the display holds up to what does not depend on the variable: "up to an additive constant",
# "dropping the constant", "ignoring the terms that do not depend on $z$" (not "dropping the
# temperature factor": a slip that changes the value)
_UP_TO_A_CONSTANT = lazy(
    r"(?i)\b(?:up\s+to\s+(?:an?\s+)?(?:additive\s+|multiplicative\s+|positive\s+)?"
    r"(?:constant|constants|const|scal\w+|factor|terms?)|modulo\s+(?:an?\s+)?constants?"
    r"|(?:ignor|dropp|omitt|neglect|discard)\w*\s+(?:the\s+|all\s+|any\s+)?(?:\w+\s+)?"
    r"(?:constants?|terms?)|(?:constants?|terms?)\s+(?:that|which)\s+(?:do|does)\s+not"
    r"\s+depend)\b"
)
# words that mark the display as a slip: its flag stands ("a common mistake is to use … instead")
_SLIP = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|slips?|"
    r"na[iï]ve\w*|bug\w*|forget\w*|forgot\w*|careless\w*|pitfall\w*|fallac\w*)\b"
)


def another_choice(lead: str) -> str:
    """Why a flag is withheld from a step whose display the sentence ``lead`` ends in says is
    made under another choice than the text's (``instead``, ``rather than``); "" when not."""
    said = [s for s in sentences(lead.strip()) if s.strip()]
    last = said[-1] if said else ""
    if constant := _UP_TO_A_CONSTANT.search(last):
        return f"the words before it say it holds only '{constant.group()}'; not an equality"
    choice = _ANOTHER_CHOICE.search(last) or (_CHOOSING.search(last) and _INSTEAD.search(last))
    if not choice or _SLIP.search(last):
        return ""
    return (
        f"the words before it say another choice is made ('{choice.group()}': "
        f"'{' '.join(last.split())[-80:]}'), which may define the quantity anew; not read here"
    )


# words leading into a display that quote it as somebody's slip or a supposition to refute ("A
# common mistake is to write", "It is tempting to write", "My first attempt gave", "The wrong
# version (do not use):", "Treating the normaliser as a constant, one would get", "Suppose for
# contradiction that") — never beside words that make it the fix ("Correcting the mistake, we get")
_QUOTING = lazy(
    r"(?i)\b(?!(?:wrong|incorrect)\s+(?:class|label|categor|logit|token|output|answer|predict))"
    r"(?:" + SLIP_STEMS + r"|tempt\w*|na[iï]ve\w*|(?:first|initial|earlier)\s+attempt\w*"
    r"|do\s+not\s+use|don't\s+use|one\s+would|would\s+(?:get|give|write|obtain|conclude)"
    r"|for\s+(?:the\s+sake\s+of\s+)?contradiction)\b"
)
_FIXING = lazy(r"(?i)\b(?:correct\w*|fix\w*|right|proper\w*|repair\w*|instead\s+of)\b")
# the words right after it that disown it ("which is wrong", "but the sign is backwards")
_DISOWNING = lazy(
    r"(?i)^[\s,;:.\-—–]*(?:which|but|and|that|this|—|–|-)\b[^.!?]*?\b(?:"
    + SLIP_STEMS
    + r"|backwards?|flip\w*|false|bogus|not\s+(?:right|correct|true))\b"
)
_MATH = lazy(r"\$[^$]*\$")


def quoted_slip(lead: str, after: str) -> str:
    """Why a display is no claim of the text: the clause that leads into it quotes it as a slip
    or a supposition, or the words right after it disown it; "" when neither."""
    said = [s for s in sentences(lead.strip()) if s.strip()]
    last = _MATH.sub(" ", said[-1] if said else "").strip()
    if last and last[-1] not in ".!?" and _QUOTING.search(last) and not _FIXING.search(last):
        words = " ".join(last.split())[-80:]
        return f"the words before it give it as a slip: '{words}'"
    tail = _MATH.sub(" ", after)
    if (disowned := _DISOWNING.search(tail)) is not None and not _FIXING.search(disowned.group()):
        return f"the words after it disown it: '{' '.join(disowned.group().split())[-80:]}'"
    return ""


# the line right before a display that is nothing but its case: "If $i \neq j$:", "When $i = j$,
# we have", "**For $k \neq c$:**"
_CASE_LINE = lazy(
    r"(?i)^[ \t*_#>-]*(?:if|when|for|in\s+the\s+case)\s+\$[^$]{1,30}\$\s*(?:,\s*)?"
    r"(?:(?:we|one)\s+(?:have|get|obtain|find)(?:\s+that)?\s*)?[:,]?[ \t*_]*$"
)


_OPENER = lazy(r"(?:\$\$|\\\[|\\begin\s*\{[^{}]*\}(?:\{[^{}]*\})?)\s*$")
_CASE_AFTER = lazy(
    r"(?i)\b(?:when|if|for|otherwise|else|unless|diagonal|off)\b|\$\s*[a-z]\s*(?:=|\\ne)"
)


def led_by_its_case(before: str, near: str, lead: str, case: object) -> bool:
    """Whether the line right before a display (``before``: the source up to its body) announces
    exactly the case ``case`` and says nothing else, and no words after the display (the end of
    ``near`` past its ``lead``) name a case: the display is that case's, as surely as a
    condition written in it (a second display under the same line may be another case's)."""
    last = _OPENER.sub("", before.rstrip()).rstrip().rsplit("\n", 1)[-1]
    after = near[near.rfind(lead) + len(lead) :] if lead and lead in near else ""
    if _CASE_AFTER.search(after.split(".")[0]):
        return False
    return bool(_CASE_LINE.match(last)) and prose_condition(last) == case
