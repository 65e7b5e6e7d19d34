"""A vector written out as a list at a worked example: ``P = [\\frac{e^{2}}{e^{2} + e^{1} +
e^{0.1}}, …]`` or ``P = [0.71, 0.23, 0.06]`` after ``z = [2.0, 1.0, 0.1]``, where the text
defines ``P_i`` entry by entry. The step says each entry: it is judged as ``P_1 = …``, ``P_2 =
…`` at the example's values (rounding read as usual); it holds when every entry holds, it is
flagged at the first entry that is flagged, and it is not checked when an entry is not.

Only where an example is in force and the name is defined entry by entry: a list given to a
name without values to compute it from is the example itself (values, not a claim)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.example_words import _ExampleWords
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rounding import at_the_example
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.examples import list_entries
from symsoft.reading.meaning.prose import HEADING, defined_name
from symsoft.reading.meaning.scopes import reached
from symsoft.reading.meaning.table import Meanings

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging

# a name alone on the left: P, \mathbf{p}, \hat{y}; or the softmax of one: \text{softmax}(z)
_NAME = lazy(
    r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-zA-Z])\s*\}"
    r"|([a-zA-Z]|\\hat\s*\{\s*[a-zA-Z]\s*\})"
    r"|((?:\\(?:text|mathrm|operatorname)\s*\{\s*softmax\s*\}|softmax)\s*(?:\\left\s*)?\(\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[a-zA-Z]\s*\}|[a-zA-Z])\s*(?:\\right\s*)?\)))\s*"
)
# the gradient of a name by a plain letter: \nabla_a L, \nabla_{z} \ell
_GRADIENT = lazy(
    r"\s*\\nabla\s*_\s*(?:\{\s*(?P<by>[a-zA-Z])\s*\}|(?P<by2>[a-zA-Z]))\s*(?P<of>[A-Za-z]|\\ell)\s*"
)
# a list: [a, b], (a, b), \left[ a, b \right], perhaps transposed
_LIST = lazy(
    r"\s*+(?:\\left\s*+)?[(\[].*[)\]](?:\^\s*+\{?\s*+(?:T|\\top)\s*+\}?)?[\s.,]*+",
    re.DOTALL,
)
_DOTS = lazy(r"\s*(?:\\[lcv]?dots|\.\.\.|…)\s*")
# an entry of arithmetic alone: numbers, operators, fractions (\frac{3}{4} - 1, -0.2)
_NUMERIC = lazy(
    r"(?=.*\d)(?:[\d.\s+\-*/()^{}]|\\(?:[dt]?frac|cdot|times|left|right)(?![a-zA-Z]))++"
)
_SPACING = lazy(r"\\[ ,;:!]")
# a list of numbers: [2.0, 1.0, 0.1], (1, 2): one per example, one more is other values
_VALUES = lazy(r"[(\[]\s*-?\d+(?:\.\d*)?\s*(?:,\s*-?\d+(?:\.\d*)?\s*)+[)\]]")
_AT_EXAMPLE = lazy(r"(.*?)( at the worked example \(.*\))")


def listed(lhs: str, rhs: str, meanings: Meanings) -> Listed | None:
    """``(P_{k}, entry k)`` for each entry of a list on the right whose left side is a name the
    text defines entry by entry (or the softmax of a name), and the names its entries are
    computed from; or None."""
    if _LIST.fullmatch(lhs) and _LIST.fullmatch(rhs):  # (0.5 - 0.7, 0.5 - 0.3) = (-0.2, 0.2)
        left, right = (
            [_SPACING.sub(" ", part).strip() for part in list_entries(side)] for side in (lhs, rhs)
        )
        if len(left) == len(right) >= 2 and all(_NUMERIC.fullmatch(p) for p in left + right):
            return Listed(list(zip(left, right, strict=True)), set(), numeric=True)
    if (gradient := _GRADIENT.fullmatch(lhs)) and _LIST.fullmatch(rhs):  # \nabla_a L = (…)
        parts = list_entries(rhs)
        if len(parts) < 2 or any(not part or _DOTS.fullmatch(part) for part in parts):
            return None
        of, by = gradient["of"], gradient["by"] or gradient["by2"]
        entries = [
            (rf"\frac{{\partial {of}}}{{\partial {by}_{{{k}}}}}", part)
            for k, part in enumerate(parts, 1)
        ]
        return Listed(entries, {by})
    name = _NAME.fullmatch(lhs)
    if name is None or not _LIST.fullmatch(rhs):
        return None
    letter = name.group(1) or name.group(2) or name.group(3)
    if name.group(3):  # the softmax of a name (the convention): computed from that name
        inner = _INNER.search(letter)
        sources = {inner.group(1)} if inner else set()
    else:  # a name the text defines entry by entry
        named = defined_name(letter)
        meaning = meanings.table.get(named[0]) if named else None
        if meaning is None or meaning.index is None or meaning.source == "standard":
            return None
        sources = reached(meanings, {meaning.name})
    parts = list_entries(rhs)
    if len(parts) < 2 or any(not part or _DOTS.fullmatch(part) for part in parts):
        return None
    entries = [(f"{letter}_{{{k}}}", part) for k, part in enumerate(parts, 1)]
    return Listed(entries, sources, "" if name.group(3) else meaning.name)


@dataclass(frozen=True)
class Listed:
    """The entries of a list step, and the names they are computed from."""

    entries: list[tuple[str, str]]
    sources: set[str]
    name: str = ""  # P: the values a list gives it are no values to compute it from
    numeric: bool = False  # numbers on both sides: arithmetic entry by entry, no example needed


_INNER = lazy(r"\(\s*(?:\\[a-z]+\s*\{\s*)?([a-zA-Z])")
# words before a list that make it something else than the entries in order
_REORDERED = lazy(
    r"(?i)\b(?:sort\w*|order\w*|rank\w*|permut\w*|arrang\w*|revers\w*|first|top|most|least"
    r"|highest|largest|lowest|smallest|descend\w*|ascend\w*|increas\w*|decreas\w*)\b"
)


_APPROXIMATED = lazy(r"\\approx\s*(?:\\left\s*)?[(\[][^()\[\]]*[)\]]")  # P \approx [0.25, …]
_SENTENCE_END = lazy(r"[.!?](?:\s+|$)")
_FIRST_OF = lazy(r"(?i)\bfirst\s+(?:entry|class|component|element|coordinate|label|logit)\b")


class _Tuples(_ExampleWords):
    """Part of :class:`_Judging`."""

    positional = False  # judging an entry of a list

    def _listed(
        self: _Judging,
        step: Step,
        base: StepResult,
        counted: int,
        variant: int | None,
        each: Listed,
    ) -> StepResult:
        """The step judged entry by entry (see the module)."""
        if why := self._not_listed(step, each):
            raise _NotChecked(why, step.relation.start)
        held: list[StepResult] = []
        for k, (left, right) in enumerate(each.entries, 1):
            self.positional = True  # P_{2} is the second entry: never read from 0
            try:
                result = self._judge(
                    step, replace(base, lhs=left, rhs=right), counted, variant, (left, right)
                )
            except _NotChecked as exc:
                raise _NotChecked(f"entry {k}: {exc.reason}", exc.pos) from None
            finally:
                self.positional = False
            if self.approximate:  # S \approx (0.659, …): each entry to its digits
                result = at_the_example(result)
            if result.status != "holds":
                summary = f"{result.summary} (entry {k})"
                return replace(result, lhs=base.lhs, rhs=base.rhs, summary=summary)
            held.append(result)
        # "holds to the digits written: 0.66 is 0.659 rounded (≈) at the worked example (…)"
        said = [_AT_EXAMPLE.fullmatch(result.summary) for result in held]
        where = {m.group(2) for m in said if m}
        common = where.pop() if len(where) == 1 and all(said) else ""
        parts = [m.group(1) if common and m else r.summary for m, r in zip(said, held, strict=True)]
        summary = (
            parts[0]
            if len(set(parts)) == 1
            else "holds entry by entry: "
            + "; ".join(f"{k}: {part.removeprefix('holds ')}" for k, part in enumerate(parts, 1))
        )
        return replace(held[0], lhs=base.lhs, rhs=base.rhs, summary=summary + common)

    def _not_listed(self: _Judging, step: Step, each: Listed) -> str:
        """Why a list is not judged entry by entry at the example in force, or ""."""
        assert step.lhs is not None
        if each.numeric:
            return ""  # arithmetic: true or false whatever the example
        body = self.bodies.get(step.display)
        opened = self.text.original[max(0, body.start - 2) : body.start] if body else ""
        if opened.endswith(("$", "\\(")) and opened != "$$" and not self.approximate:
            return "a list said in a sentence is not judged entry by entry"
        lead = self.leads.get(step.display, "")
        if self.approximate:  # a worked example's values: "1 knocked off the first entry"
            lead = _FIRST_OF.sub(" ", _SENTENCE_END.split(lead)[-1])
        if _REORDERED.search(lead):
            return "ambiguous: the words before the list may reorder its entries"
        examples = [
            (at, name, right)
            for at, name, _, right in self.meanings.example_texts
            if at <= step.lhs.start
            and name != each.name
            and not HEADING.search(self.text.slice(at, step.lhs.start))
        ]
        aliases = self._aliases()  # Y = [y_1, y_2, y_3]: values given to Y are y's
        given = [aliases.get(name, name) for _, name, _ in examples]
        if examples:  # z = [2.0, 1.0, 0.1], then "doubling the logits, [4.0, 2.0, 0.2]"
            at, _, right = examples[-1]
            own = 1 if _VALUES.search(right) else 0
            between = _APPROXIMATED.sub(" ", self.text.slice(at, step.lhs.start))  # (claims)
            if len(_VALUES.findall(between)) > own:
                return "ambiguous: other values are listed between the example and the list"
        if given and given[-1] not in each.sources | {aliases.get(n, n) for n in each.sources}:
            return (
                f"ambiguous: the values given last ({given[-1]}) are not those the list is "
                "computed from"
            )
        size, _, _ = self._example_point(step, self._example(step.lhs.start))
        if size != len(each.entries):
            return f"ambiguous: the list has {len(each.entries)} entries, the worked example {size}"
        return ""
