"""A flag on a step the words right before its display say is made under another choice ("In
code the sum is often used instead, and then", "Some libraries spread the mass over the other
classes:"): the step may be of another quantity than the one the text defines (the loss summed
where it was averaged), whose new definition is said only in words and not read here.  So for a
step said to hold only up to a constant ("so, up to a constant that does not depend on $z_k$,",
"ignoring the terms that do not depend on $w$"): it is no equality as written; and for a step
said to be about another model ("Linear regression:" in a text about the logistic loss)."""

from __future__ import annotations

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import sentences

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
# another model named right before the display ("Linear regression: $$\nabla_\theta J = …$$"
# in a text about the logistic loss): its J is that model's, which the text does not define
_OTHER_MODEL = lazy(
    r"(?i)\b(?:linear\s+regression|least[\s-]+squares|(?:mean\s+)?squared[\s-]+errors?|mse"
    r"|r[ée]gression\s+lin[ée]aire|lineare[nr]?\s+regression|regresi[óo]n\s+lineal)\b|线性回归"
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
    if (model := _OTHER_MODEL.search(last)) and not _SLIP.search(last):
        return (
            f"the words before it name another model ('{model.group()}': "
            f"'{' '.join(last.split())[-80:]}'), whose quantities the text may not define; "
            "not read here"
        )
    choice = _ANOTHER_CHOICE.search(last) or (_CHOOSING.search(last) and _INSTEAD.search(last))
    if not choice or _SLIP.search(last):
        return ""
    return (
        f"the words before it say another choice is made ('{choice.group()}': "
        f"'{' '.join(last.split())[-80:]}'), which may define the quantity anew; not read here"
    )
