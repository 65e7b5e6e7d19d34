"""A flag on a step the words right before its display say is made under another choice ("In
code the sum is often used instead, and then", "Some libraries spread the mass over the other
classes:"): the step may be of another quantity than the one the text defines (the loss summed
where it was averaged), whose new definition is said only in words and not read here.  So for a
step said to hold only up to a constant ("so, up to a constant that does not depend on $z_k$,",
"ignoring the terms that do not depend on $w$"): it is no equality as written; and for a step
said to be about another model ("Linear regression:" in a text about the logistic loss)."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import sentences
from symsoft.reading.meaning.recalled_names import SHORTHAND
from symsoft.reading.meaning.table import Meanings

_ANOTHER_CHOICE = lazy(
    r"(?i)\b(?:an?\s*other\s+(?:convention|choice|definition|normali[sz]ation|variant)"
    r"|some\s+(?:libraries|implementations|frameworks|authors|texts|books|papers|courses))\b"
)
# the setting changed from here on: "We now switch to the cross-entropy cost.", "From now on",
# "the targets no longer sum to one", "Now drop this assumption"
_SWITCHED = lazy(
    r"(?i)\b(?:switch(?:es|ed|ing)?\s+to|from\s+(?:now|here)\s+on|no\s+longer\s+(?:(?:sum|add)\w*\s+(?:up\s+)?to\s+(?:one|1)\b|one-hot)"
    r"|(?:drop|remov)\w*\s+(?:this|that|the)\s+(?:assumption|hypothesis|constraint)"
    r"|multi-?label|arbitrary\s+(?:non-?negative\s+)?(?:weights|targets)|now\b[^.]{0,40}\b(?:are|be)\s+arbitrary"
    r"|(?:can|may)\s+be\s+any|any\s+non-?negative|for\s+general\s+\$|(?:targets|labels)\s+did\s+not"
    r"\s+sum|in\s+the\s+rest\s+of|for\s+the\s+remainder)\b"
    # … or says so in the words of a proposal: "Let's use the log-loss now."
    r"|\blet's\s+(?:use|take|average|switch|work\s+with)\b[^.]*\bnow\b"
)
# "instead", "rather than", "alternatively" speak of a choice only beside a verb of choosing ("the
# sum is used instead"; not "collecting every term instead")
_NOTATION = lazy(
    r"(?i)\b(?:write|writes|denote|denotes|abbreviat\w*|shorthand|for\s+short|notation)\b"
)
_INSTEAD = lazy(r"(?i)\b(?:instead|rather\s+than|alternatively)\b")
_CHOOSING = lazy(
    r"(?i)\b(?:use[sd]?|using|take[sn]?|taking|took|define[sd]?|defining|choose|chosen|chose|averag\w*|"
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
    r"(?i)\b(?:linear\s+regression|least[\s-]+squares|(?:mean\s+)?squared[\s-]+(?:errors?|loss)|mse"
    r"|quadratic\s+(?:cost|loss|case|error)|sums?\s+of\s+squares|l_?\{?2\}?[\s-]+loss"
    r"|r[ée]gression\s+lin[ée]aire|erreur\s+quadratique|lineare[nr]?\s+regression"
    r"|quadratische[nr]?\s+(?:verlust\w*|fehler\w*|kosten\w*)|regresi[óo]n\s+lineal"
    r"|(?:error|p[ée]rdida|costo)\s+cuadr[áa]tic[oa]\w*)\b|线性回归|平方(?:损失|误差)|均方|二乘"
)
_HEADING = lazy(r"(?m)^[ \t]{0,3}#{1,6}[ \t][^\n]*$|\\(?:sub)*section\*?\s*\{[^{}]*\}")
_MODIFIED = lazy(
    r"(?i)\s*regulari[sz]ed\b"  # "Regularized:", "Regularised version, …"
    r"|\s*(?:with|for|under|using|adding|after\s+adding|avec|mit|con|bei|f[üu]r)\s+"
    r"(?:[\w$\\{}^-]+\s+){0,4}?"
    r"(?:label\s+smoothing|smoothed\s+labels|lissage\s+des\s+(?:étiquettes|labels)"
    r"|weight\s+decay|(?:positive[- ]class\s+|class\s+)weights?|regulari[sz]\w*|penalty|ridge"
    r"|\$?\\?(?:l|ell)_?\{?[12]\}?\$?\s+(?:term|penalty|loss)|(?:squared\s+)?hinge|focal|huber|probit"
    r"|mean\s+absolute\s+error)"
)
# a loss given a value in the sentence: $J = …$, $L(w) = …$, $\ell = …$, $C = …$ (not $\gamma = 2$)
_LOSS_DEFINED = lazy(
    r"\$\s*(?:[LJCE]|\\ell|\\mathcal\s*\{\s*L\s*\}|\\text\s*\{[^{}$]*\})\s*(?:_\s*(?:\{[^{}$]*\}|\w))?"
    r"\s*(?:\([^$()]*\))?\s*(?::=|=)"
)
_COMPARED = lazy(
    r"(?i)\b(?:like|as\s+(?:in|for|with)|similar(?:ly)?\s+to|same\s+as|unlike|analogous(?:ly)?\s+to"
    r"|just\s+as|compared?\s+(?:to|with)|than)\s+(?:(?:the|a|an|in|for|with|that\s+of)\s+)*$"
)
# words that mark the display as a slip: its flag stands ("a common mistake is to use … instead")
_SLIP = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|slips?|"
    r"na[iï]ve\w*|bug\w*|forget\w*|forgot\w*|careless\w*|pitfall\w*|fallac\w*)\b"
)


def _said(lead: str) -> list[str]:
    """The sentences of ``lead`` that say something."""
    return [s for s in sentences(lead.strip()) if s.strip()]


def other_model(lead: str) -> str:
    """Why a verdict is withheld from a step whose display the last sentence of ``lead`` says is
    about another model ("Linear regression:" in a text about the logistic loss), or about the
    loss with something added ("With label smoothing:", "For the focal loss:"); "" if not."""
    lead = _HEADING.sub(" ", lead)  # "## Linear regression": the section's own model
    last = (_said(lead) or [""])[-1]
    defined = _LOSS_DEFINED.search(last)  # "…, $J = L + \frac{\lambda}{2} w^2$:"
    if (modified := _MODIFIED.match(last)) and len(last.split()) <= 12 and not defined:
        return (
            f"the words before it say the loss is changed ('{' '.join(modified.group().split())}'),"
            " which is not read here"
        )
    if not (model := _OTHER_MODEL.search(last)) or _SLIP.search(_OTHER_MODEL.sub(" ", last)):
        return ""  # (the "error" of "squared error" is no slip)
    if _COMPARED.search(last[: model.start()]):
        return ""  # "comes out exactly like linear regression's:": the text's own model
    if defined:
        return ""  # "在线性回归中我们用平方损失函数$L = \frac{1}{2}(y-\hat{y})^2$": defined anew
    return (
        f"the words before it name another model ('{model.group()}': "
        f"'{' '.join(last.split())[-80:]}'), whose quantities the text may not define; "
        "not read here"
    )


def stated_condition(lead: str) -> str:
    """Why a flag is withheld from a step whose display the last sentences of ``lead`` put
    under a condition on an expression ("When $\\sigma(z) = \\frac{1}{2}$:", "Suppose the
    network outputs $\\sigma(z) = 0.8$", "Let $\\sigma(z) = y$. Then"), which is not read (a
    label's or a parameter's value is: row_values.py); "" when none."""
    for sentence in _said(lead)[-2:]:
        if valued := _VALUED_CALL.search(sentence):  # "$\sigma(z) = \frac{3}{4}$ gives"
            said = " ".join(valued.group().split())[:60]
            return f"the words before it state a value ('{said}'), which is not read here"
        for found in _CONDITION.finditer(sentence):
            left, _, right = found.group("math").partition("=")
            if not _APPLIED.fullmatch(left) or not _VALUE.fullmatch(right):
                continue  # y = 1 (row_values.py), \sum_k y_k = 1 (a hypothesis), f(x) = …
            if SHORTHAND.match(sentence[found.end() :]):
                continue  # "Let $\sigma(x) = s$ for brevity": s named
            said = " ".join(found.group().split())[:60]
            return f"the words before it state a condition ('{said}'), which is not read here"
    return ""


_CONDITION = lazy(
    r"(?i)\b(?:when|whenever|if|suppose|supposing|assume|assuming|let|at|given|once|such\s+that)\b"
    r"[^.$!?]{0,60}?\$(?P<math>[^$=]+=[^$=]+)\$"
)
# σ or tanh of a letter equal to a number: a point of the derivation, not an identity
_VALUED_CALL = lazy(
    r"\$\s*\\(?:sigma|tanh)\s*(?:\\left\s*)?\(\s*[a-z]\s*(?:\\right\s*)?\)\s*=\s*-?\s*"
    r"(?:\d+(?:\.\d+)?(?:\s*/\s*\d+)?|\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\})\s*\$"
)
# a function applied to its argument: \sigma(z), \tanh(x), f(x), \sigma\left(w^T x\right)
_APPLIED = lazy(r"\s*(?:\\[a-zA-Z]+|[A-Za-z])\s*(?:\\left\s*)?\([^()]*(?:\\right\s*)?\)\s*")
# a number (0.8, 1/2, \frac{1}{2}) or a letter, perhaps with an index
_VALUE = lazy(
    r"\s*-?\s*(?:\d+(?:\.\d+)?(?:\s*/\s*\d+)?|\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}"
    r"|[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|\w))?)\s*[.,;:]?\s*"
)


def setting_changed(lead: str) -> str:
    """Why a verdict is withheld from a step whose display the last sentence of ``lead`` says is
    made in a changed setting ("We now switch to the cross-entropy cost.", "Now use the hinge
    loss instead.", "We average the loss … instead of summing it:"); "" when not."""
    last = (_said(lead) or [""])[-1]
    changed = _SWITCHED.search(last) or (_CHOOSING.search(last) and _INSTEAD.search(last))
    if not changed and len(_INLINE_MATH.sub(" ", last).split()) <= 4 and len(_said(lead)) > 1:
        last = " ".join(_said(lead)[-2:])  # "… can be any nonnegative numbers, e.g. counts."
        changed = _SWITCHED.search(last)
    if not changed or _SLIP.search(last) or _NOTATION.search(last):
        return ""  # ("From here on I write $\Sigma$ for the sum": a shorthand, no new setting)
    return (
        f"the words before it change the setting ('{changed.group()}': "
        f"'{' '.join(last.split())[-80:]}'), which may define the quantity anew; not read here"
    )


def another_choice(lead: str) -> str:
    """Why a flag is withheld from a step whose display the sentence ``lead`` ends in says is
    made under another choice than the text's (``instead``, ``rather than``); "" when not."""
    last = (_said(lead) or [""])[-1]
    if constant := _UP_TO_A_CONSTANT.search(last):
        return f"the words before it say it holds only '{constant.group()}'; not an equality"
    choice = _ANOTHER_CHOICE.search(last) or (_CHOOSING.search(last) and _INSTEAD.search(last))
    if not choice or _SLIP.search(last):
        return ""
    return (
        f"the words before it say another choice is made ('{choice.group()}': "
        f"'{' '.join(last.split())[-80:]}'), which may define the quantity anew; not read here"
    )


def valued_anew(lead: str, written: str, meanings: Meanings, scopes: dict[str, list]) -> str:
    """Why a verdict is withheld from a step whose display the last sentences of ``lead`` give
    a name the step uses another value than its definition, in words that change the setting
    ("Next, suppose the output unit is linear, $p = z$, with the same loss."): the step may be
    under the new value, which is not read (a name ``scopes`` holds twice is read again, judged
    in its scopes); "" when none."""
    for sentence in _said(lead)[-2:]:
        if not _CHANGING.search(_INLINE_MATH.sub(" ", sentence)):
            continue
        for found in _INLINE_VALUE.finditer(sentence):
            name, value = "".join(found["name"].split()), "".join(found["value"].split())
            meaning = meanings.table.get(name.partition("_")[0])
            if (
                meaning is None
                or meaning.source == "standard"
                or len(scopes.get(meaning.name, ())) > 1
            ):
                continue
            left, _, first = meaning.latex.partition("=")
            if "".join(left.split()) != name or "".join(first.split()) == value:
                continue  # another entry (p_i beside p_m), or the definition said again
            if re.fullmatch(r"-?\d+(?:\.\d+)?[.,]?", value):
                continue  # "with $y = 1$": a worked example's value (worked.py reads it)
            uses = [key for key in meanings.table if _writes(written, key)]
            if not any(_writes(meanings.table[key].latex, name) for key in uses):
                continue
            return (
                f"the words before it give {name} another value ('{found.group().strip('$')}') "
                f"than its definition ('{meaning.latex}'), which is not read here"
            )
    return ""


def _writes(text: str, name: str) -> bool:
    """Whether ``text`` writes the name (``p`` in ``p - y``, not in ``\\exp`` or ``p_i``'s
    ``i``)."""
    return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", text) is not None


_INLINE_MATH = lazy(r"\$[^$]*\$")
_INLINE_VALUE = lazy(
    r"\$\s*(?P<name>\\?[A-Za-z]+(?:\s*\{\s*[A-Za-z]\s*\})?(?:\s*_\s*(?:\{[^{}$]*\}|\w))?)"
    r"\s*(?::=|=)\s*(?P<value>[^$=]+)\$"
)
_CHANGING = lazy(
    r"(?i)\b(?:suppose|supposing|assume|assuming|instead|replac\w*|switch\w*|chang\w*"
    r"|another|different|alternativ\w*)\b"
)
