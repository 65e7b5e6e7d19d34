"""The words just before a display that lead into it: the paragraph of words before it, a short
lead that goes on from the display before ("So the derivative is:"), and a label's value they
state alone ("If $y = 1$,", "For $y_i = 1$:", the latter for every i)."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

# the words before a display that state the label's value alone: "If $y = 1$,", "and when the
# label is $y = 0$,", "For $t = 1$ the loss is:"
_LED_VALUE = lazy(
    r"\s*(?:(?:and|so|then|now|but)\s+)?(?:if|when|for)\s+"
    r"(?:(?:an?|the)\s+(?:target|label)\s+(?:is\s+)?)?\$\s*(?P<name>[A-Za-z])"
    r"(?:\s*_\s*(?:\{\s*(?P<index>[a-z])\s*\}|(?P<bare>[a-z])))?\s*=\s*"
    r"(?P<value>[01])\s*\$\s*,?\s*(?:(?:we\s+(?:have|get)|this\s+(?:is|gives|becomes)"
    r"|it\s+(?:is|becomes)|the\s+loss\s+(?:is|becomes))\s*)?[,:]?\s*",
    re.IGNORECASE,
)


# a short sentence without math that leads on from the display before ("So the derivative is:")
LEADS_ON = lazy(
    r"\$*\s*(?:so|then|thus|hence|therefore|and|which gives|we get|differentiating|taking|its"
    r"|the\s+(?:derivative|gradient))\b(?!.*\b(?:general|any|every|all|other\w*|instead)\b)"
    r"(?:[^$.;]|\$[^$=<>]{1,25}\$){0,60}[:,]?\s*\$*\s*",
    re.IGNORECASE,
)


def last_words(lead: str) -> str:
    """The paragraph of words just before a display (the end of the display before it and the
    paragraphs before them left out)."""
    pieces = [p for p in re.split(r"\n\s*\n|\$\$", lead) if p.strip()]
    return pieces[-1] if pieces else ""


def case_lead(leads: dict[int, str], display: int) -> str:
    """The words before ``display`` that may name its case: those before the display it goes on
    from when its own are a short lead on ("If $y = 1$, $$…$$ Its derivative: $$…$$")."""
    lead = leads.get(display, "")
    return leads.get(display - 1, "") if LEADS_ON.fullmatch(last_words(lead)) else lead


def led_value(lead: str) -> tuple[str, int] | None:
    """The label and the value the words just before a display state alone ("If $y = 1$,"); an
    indexed label's name with its index ("For $y_i = 1$:" gives ``y_i``)."""
    found = _LED_VALUE.fullmatch(last_words(lead))
    if found is None:
        return None
    index = found.group("index") or found.group("bare")
    name = f"{found.group('name')}_{index}" if index else found.group("name")
    return name, int(found.group("value"))
