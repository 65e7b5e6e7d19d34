"""Values a text gives in words or in passing that a flag's counterexample may contradict: a
total of the targets other than one (``\\sum_k y_k = 2``, "$y$ is multi-hot"), a parameter set
to a number ("in this post we always set $T = 1$"). A flag that rests on another value may not
be the author's."""

from __future__ import annotations

import re
from fractions import Fraction

from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.lazy_regex import lazy

_OTHER_TOTAL = lazy(  # \sum_k y_k = 2, \sum_{j=1}^{K} t_j = 3: a total the text gives (not 1)
    r"\\sum(?:_\{[^{}$]{0,12}\}|_[a-z])?(?:\^\{[^{}$]{0,6}\}|\^\w)?\s*+\{?\s*+([a-zA-Z])"
    r"_\{?\s*+[a-z]\s*+\}?\s*+\}?\s*+=\s*+(\d+(?:\.\d+)?)(?=\s*+(?:\$|[,.;:)]|\\[\])]|\n))"
)


def stated_total(result: StepResult, text: str) -> str | None:
    """ "Σ_k y_k = 2" when the text gives the entries of a name the counterexample sets a total
    other than 1 (a multi-hot target): the step may be meant under it (not read here)."""
    if result.counterexample is None:
        return None
    names = {written.split("_")[0] for written, _ in result.counterexample.point}
    for found in _OTHER_TOTAL.finditer(text):
        if re.search(r"[-+*/)}\w]\s*$", text[max(0, found.start() - 40) : found.start()]):
            continue  # \sum_i \hat{y}_i - \sum_i y_i = 0: a difference, not the total
        if found.group(1) in names and found.group(2) not in ("1", "1.0"):
            return f"Σ_k {found.group(1)}_k = {found.group(2)}"
    pinned = {  # t = (1 - t_1): the labels left free, a step that does not use them
        written.split("_")[0]
        for written, value in result.counterexample.point
        if not re.search(r"[a-zA-Z]", str(value))
    }
    if pinned & {"y", "t"} and (said := _MULTI_HOT.search(text)):  # multi-hot: Σ y_k = 2?
        return f"the targets are '{said.group()}'"
    return None


_MULTI_HOT = lazy(  # said of the targets ("$y$ is multi-hot"), not a case to compare ("say, a …")
    r"(?i)\b(?:is|are)\s++(?:a\s++)?multi[- ]?hot\b|\b(?:two|three|four|several|\d+)\s++"
    r"(?:entries|ones|components)\s++(?:(?:are\s++)?equal\s++to|are)\s++(?:1|one)\b"
)


# a later sentence that takes a value back: "Now take any temperature $T > 0$.", "For a
# general temperature, …" (never "all values of the logits", "other values", "$T > 1$ would")
_LIFTED = lazy(
    r"(?i)\b(?:any|arbitrary|general)\s+(?:positive\s+)?(?:temperature|value\s+of\s+\$\s*LETTER"
    r"|\$\s*LETTER\s*(?:>\s*0\s*)?\$)"
)


def lifted(after: str, letter: str) -> bool:
    """Whether a sentence after the one that sets a value for ``letter`` (a regex of its
    written name; ``after``: the words after the value) takes it back.

    >>> lifted(" the known answer is this. Now take any temperature $T > 0$.", "T")
    True
    >>> lifted(", and for all values of the logits, this is:", "T")
    False
    >>> lifted(" (a temperature $T > 1$ would soften both). Then", "T")
    False
    """
    later = re.split(r"[.!?](?:\s|$)", after, maxsplit=1)
    pattern = _LIFTED.pattern.replace("LETTER", letter)
    return len(later) > 1 and re.search(pattern, later[1]) is not None


def set_in_the_text(result: StepResult, text: str, lead: str = "") -> tuple[str, str] | None:
    """(T, 1) when the counterexample of a flag gives a parameter (T, a Greek letter, the
    weights w) another value where a sentence sets it to a number ("in this post we always set
    $T = 1$", "we fix $w_0 = w_1 = 1$"): the step may be meant at it; None otherwise."""
    if result.counterexample is None:
        return None
    for written, _ in result.counterexample.point:
        name = re.match(r"[A-Za-z]+", written)
        if name is None or name.group() not in _PARAMETER_NAMES:
            continue
        letter = _PARAMETER_NAMES[name.group()]
        value = rf"\$[^$]*?(?<![\\a-zA-Z]){letter}(?![a-zA-Z])(?:\s*_\s*\{{?\w+\}}?)?\s*="
        value += r"(?:[^$=]*=)?\s*(-?\d+(?:\.\d+)?)\s*\$"
        led = [  # the last before the display ("- **$\gamma = 2$**, …": a list label)
            m.group(1)
            for m in re.finditer(
                r"(?:(?i:\b(?:case|when|if|with|for)\b)[^.$]{0,40}|(?m:^[ \t]*(?:[-*+]|\d+[.)])"
                r"[ \t]+(?:\*\*|__)?))" + value,
                lead,  # (a case said just before the display: there only; its case as written)
            )
            if not lifted(lead[m.end() :], letter)  # "Now take any temperature $T > 0$."
        ]
        found = next(  # not "A quick way to check yourself: set $\gamma = 0$": a special case
            (
                m
                for m in re.finditer(_SETTING + r"[^.$]{0,40}" + value, text)
                if not _checking(text, m)
            ),
            None,
        )
        if found or led:
            return name.group(), found.group(1) if found else led[-1]
    return None


def _checking(text: str, found: re.Match[str]) -> bool:
    """Whether the setting ``found`` is a check in passing ("A quick way to check yourself: set
    $\\gamma = 0$."), not a choice kept ("… we set $T = 1$ from here on")."""
    sentence = re.split(r"[.!?]\s", text[max(0, found.start() - 120) : found.start()])[-1]
    rest = re.split(r"[.!?](?:\s|$)", text[found.end() : found.end() + 120])[0]
    said = _CHECK_WORDS.search(sentence + _SET.sub("", found.group()))
    return bool(said) and not _KEPT.search(f"{sentence} {found.group()} {rest}")


_CHECK_WORDS = lazy(
    r"(?i)\b(?:check\w*|sanity|special\s+case|recover|verify|test)\b[^.$]{0,20}?[:,]?\s*"
    r"(?:just\s+)?(?:set|put|take|plug)\b"
)
_SET = lazy(r"\$.*", re.S)  # the setting's math: its words alone
_KEPT = lazy(
    r"(?i)\b(?:from\s+(?:here|now)\s+on|throughout|always|henceforth|for\s+the\s+rest"
    r"|in\s+what\s+follows|in\s+this\s+(?:post|note|section|chapter))\b"
)
_SETTING = (  # "we set $T = 1$", "Let $T = 4$.", "at $T = 2$", "where $T = 4$"
    r"(?i:\b(?:set|sets|setting|fix|fixes|fixed|use|take|choose|always|throughout|let|at|where)\b)"
)
_PARAMETER_NAMES = {
    "T": "T",
    "w": "w",
    **{g: rf"\\{g}" for g in ("alpha", "beta", "gamma", "lambda", "eta", "epsilon", "tau")},
}


__all__ = ["set_in_the_text", "stated_total"]


# an order between two letters the text assumes: "Assume without loss of generality $a \ge b$",
# "suppose $x > 0$", "let $a \leq b$", a heading "**Case $x \le 0$.**"
_ASSUMED_ORDER = lazy(
    r"(?i)\b(?:assum\w*|suppos\w*|let|case|without\s+loss\s+of\s+generality|wlog|w\.l\.o\.g\.?)\b"
    r"[^.$]{0,40}\$\s*([a-zA-Z])\s*(\\[gl]eq?(?![a-zA-Z])|\\[gl]eqslant|\\[gl]t(?![a-zA-Z])|[<>≤≥])"
    r"\s*([a-zA-Z]|-?\d+)\s*\$"
)
_ORDERS = {"g": lambda a, b: a >= b, "l": lambda a, b: a <= b, ">": lambda a, b: a > b}
_ORDERS |= {"<": lambda a, b: a < b, "≥": _ORDERS["g"], "≤": _ORDERS["l"]}


def _respected(found: re.Match[str], values: dict[str, str]) -> bool:
    """Whether the counterexample's ``values`` (rationals only) satisfy the assumed order."""
    sides = [values.get(found.group(1)), values.get(found.group(3), found.group(3))]
    numbers = [re.fullmatch(r"\s*(-?\d+)(?:/(\d+))?\s*", side or "") for side in sides]
    if not all(numbers):
        return False  # a value not read here (log(2), a vector): the order may be broken
    a, b = (Fraction(int(m.group(1)), int(m.group(2) or 1)) for m in numbers if m)
    relation = found.group(2).lstrip("\\")
    strict = relation in (">", "<", "gt", "lt")
    compare = _ORDERS.get(relation[0] if relation[0] in "gl" else relation, _ORDERS["g"])
    return compare(a, b) and (not strict or a != b)


def assumed_order(result: StepResult, text: str) -> str | None:
    """The order the text assumes between letters the counterexample of a flag sets ("Assume
    without loss of generality $a \\ge b$" beside ``a = \\max(a, b)``, refuted at a < b): the
    step may be meant under it (not read here); None otherwise."""
    if result.counterexample is None:
        return None
    values = dict(result.counterexample.point)
    for found in _ASSUMED_ORDER.finditer(text):
        if found.group(1) in values and not _respected(found, values):
            return found.group(0)[found.group(0).index("$") :]
    return None
