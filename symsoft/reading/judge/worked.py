"""A step of a document judged at a worked example: the values the text gives put in after every
name is expanded and differentiated, indices counted from 1 or from 0 as the example fits, a
parameter fixed by a remark ('for T = 1').
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import sympy

from symsoft.reading.budget import clock, time_limit
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.displays import display_around
from symsoft.reading.judge.leads import LEADS_ON, last_words
from symsoft.reading.judge.names import PARAMETERS, Unreadable
from symsoft.reading.judge.origins import COUNTED_FROM_ZERO
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rounding import NUMBERS
from symsoft.reading.judge.row_values import example_named, names_its_case
from symsoft.reading.judge.stated_values import lifted
from symsoft.reading.judge.steps import judge
from symsoft.reading.judge.symbolic import variable_names
from symsoft.reading.judge.tuples import _Tuples
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.judge.verdicts import (
    _DERIVATIVE_MARK,
    _section_sizes,
    _summarized,
)
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.examples import Values, combined, read_example, shown
from symsoft.reading.meaning.prose import (
    HEADING,
)
from symsoft.reading.meaning.redefinitions import contrasted
from symsoft.reading.meaning.scopes import STEP_SECONDS
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.meaning.variables import variables_of

_PARAMETER_REMARK = lazy(  # "For $T = 1$ this is …", "with $\epsilon = 0$"
    r"\b(?:for|when|if|at|with|setting|taking)\s+(?:(?:an?|the)\s+(?:target|label)\s+(?:is\s+)?)?"
    r"\$\s*(T|\\(?:tau|epsilon|varepsilon|alpha|beta|gamma|eta|lambda)"
    # a label's entry at 0 or 1: "for a target $t_i = 1$", "when $y_k = 0$"
    r"|(?P<entry>[a-zA-Z])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])"
    # a free letter at a value: "When $y = 1$ the loss is", "for $x = 0$"
    r"|(?P<plain>[a-zA-Z]))\s*=\s*(?P<value>\d+(?:\.\d+)?)\s*\$",
    re.IGNORECASE,
)

_ON_IT = lazy(r"(?i)[\s,;]*(?:which|that)\b")  # a clause after a display, on what it shows
_LIST_LABEL = lazy(r"\$?\s*(?:[-*+]|\d+[.)])\s+(?:[A-Za-z]+\s*){0,2}:?\s*")

_GREEK = {"\\varepsilon": "epsilon"} | {
    f"\\{g}": g for g in ("tau", "epsilon", "alpha", "beta", "gamma", "eta", "lambda")
}

_REMARK = lazy(r"\b(?:for|when|if|at)\s*\$*\s*$", re.IGNORECASE)  # for $T = 1$ …
# "are both vectors, e.g., $y = [0,1,0], \quad a = [0.1, 0.6, 0.3]$": an illustration
_FOR_EXAMPLE = lazy(r"(?i)(?:\be\.\s*g\.|\bfor\s+(?:example|instance)\b)[\s,:]*(?:\$+[^$]*)?$")
_NUMBER_LIST = lazy(r"\s*[\[(]\s*-?[\d.]+(?:\s*,\s*-?[\d.]+)+\s*[\])]\s*[.,]?\s*")


_ENTRY_KEY = lazy(r"[A-Za-z]+_\d+$")  # z_3: an entry a worked example gives


_NO_LETTER = lazy(r"[^A-Za-z]*")  # 0.5 - 1: the value at the example, not a rule


def _by_letter(sides: str, name: str) -> bool:
    """Whether the sides differentiate by ``name`` (``\\partial y``, ``dy_i``; not ``\\hat{y}``)."""
    return bool(
        re.search(
            rf"(?:\\partial|(?<![\\A-Za-z])d)\s*{re.escape(name)}\s*(?:_\s*(?:\{{[^{{}}]*\}}|\w))?\s*\}}",
            sides,
        )
    )


class _WorkedExamples(_Tuples):
    """Part of :class:`_Judging`."""

    @functools.cached_property
    def _source(self) -> str:
        """The whole text, copied once: a copy for each step is quadratic in a long document."""
        return self.text.slice(0, len(self.text.chars))

    @functools.cached_property
    def _by(self) -> tuple[set[str], set[str]]:
        """The names the whole text differentiates by, and those it differentiates."""
        variables, differentiated, _ = variables_of(self._source)
        return variables, differentiated

    def _at_remarked_value(self, step: Step, base: StepResult, counted: int) -> str:
        """Why a flag is withheld from a step the words before it put at a value of a parameter
        ("For $T = 1$ this is the ordinary softmax Jacobian:"), when at that value it is not
        refuted; else ""."""
        display = step.display
        remark = _PARAMETER_REMARK.search(self.nearby.get(display, ""))
        lead = last_words(self.leads.get(display, "x"))
        if remark and LEADS_ON.fullmatch(lead) and remark.group(0) not in lead:
            remark = None  # "So the derivative is: $$…$$ and for $y_i = 1$:": the next one's
        while remark is None and (
            _LIST_LABEL.fullmatch(self.nearby.get(display, "x"))
            or LEADS_ON.fullmatch(self.nearby.get(display, "x"))
            or LEADS_ON.fullmatch(last_words(self.leads.get(display, "x")))
        ):
            # "with $t_i = 1$, - First: $…$ - Second: $…$": the items of one list go on; "For
            # $y_i = 1$: $$L_i = …$$ So the derivative is: $$…$$": the case goes on
            display -= 1
            remark = _PARAMETER_REMARK.search(self.nearby.get(display, ""))
        if remark is None or self._remarked_after(display, remark):
            return ""
        name = _GREEK.get(remark.group(1), remark.group(1))
        if lifted(self.nearby.get(display, "")[remark.end() :], re.escape(remark.group(1))):
            return ""  # "Now take any temperature $T > 0$."
        value = sympy.Rational(remark.group("value"))
        sizes = ("N", self.meanings.size.name)
        if remark.group("plain") and (
            name in "ijklmn" or name in self.meanings.table or name in sizes
        ):
            return ""  # an index, a size or a defined name at a value is no free letter's value
        meaning = Meaning(name, None, value, "the text", f"{name} = {value}")
        if entry := remark.group("entry"):
            if value not in (0, 1):
                return ""
            # every entry at the value: the step writes the one the remark names
            k = sympy.Dummy("k", integer=True, positive=True)
            meaning = Meaning(entry, k, value, "the text", f"{entry}_k = {value}")
        variant = -(10**7) - hash((name, value)) % 10**6
        judged = self._judged_with(step, base, counted, meaning, variant=variant)
        hedged = self.hedged - {"y"} - self.meanings.normalized
        if isinstance(judged, StepResult) and judged.flagged and hedged:
            # and with the targets a hedged sentence may call normalized summing to one: each
            # reason alone may not lift the flag that both together do
            self.meanings.normalized |= hedged
            try:
                judged = replace(self, cache={})._judged_with(
                    step, base, counted, meaning, variant=variant - 1
                )
            finally:
                self.meanings.normalized -= hedged
            if isinstance(judged, StepResult) and not judged.flagged:
                names = ", ".join(sorted(hedged))
                return (
                    f"the text puts it at {remark.group(0).strip()}, where it is not refuted "
                    f"with {names} summing to one, as a sentence with a negative word may say"
                )
        if isinstance(judged, StepResult) and judged.flagged:
            return ""
        return f"the text puts it at {remark.group(0).strip()}, where it is not refuted"

    def _remarked_after(self, display: int, remark: re.Match[str]) -> bool:
        """Whether the value is said after the display, in a clause on it ("… = p_k - \\delta_{ck}$$
        which for $T = 1$ is the familiar …"): a special case of the formula, not its case."""
        near, lead = self.nearby.get(display, ""), self.leads.get(display, "")
        after = near.rfind(lead) + len(lead) if lead and lead in near else -1
        return 0 <= after <= remark.start() and bool(_ON_IT.match(near, after))

    def _fits_from_zero(
        self, step: Step, lhs: sympy.Expr, rhs: sympy.Expr, point: tuple[int, dict, str] | None
    ) -> bool | None:
        """Whether a step that fails read from index 1 (at a worked example, or writing ``p_0``)
        is not refuted when every concrete index is counted from 0 (``s_1`` the second entry),
        the reading of a zero-based author who never says so; None when some index is then
        out of range (no reading from 0), False when it is refuted; None for an entry of a list
        (tuples.py), whose index is its place, not the author's."""
        if self.positional:
            return None
        shifted = {
            e: e.func(e.base, *(i + 1 if i.is_Integer else i for i in e.indices))
            for e in lhs.atoms(sympy.Indexed) | rhs.atoms(sympy.Indexed)
            if any(i.is_Integer for i in e.indices)
        }
        if not shifted or any(
            i.is_Integer and not 1 <= i <= (point[0] if point else self.n or i)
            for e in shifted.values()
            for i in e.indices
        ):
            return None
        seconds = min(STEP_SECONDS, max(self.deadline - clock(), 0.01))
        try:
            with time_limit(seconds):
                checks = judge(
                    lhs.xreplace(shifted),
                    rhs.xreplace(shifted),
                    self.meanings,
                    step.condition,
                    self.hypothesis_stated,
                    point[0] if point else self.n,
                    point[1] if point else None,
                )
        except Exception:  # noqa: BLE001 - undecided in that reading: no flag may rest on it
            return True
        base = StepResult(0, 0, 0, 0, "", "", "not checked", "")
        return not _summarized(base, checks, self.hypothesis_stated, self.n).flagged

    def _values_in_force(self, step: Step) -> list[tuple[int, str, str, str]]:
        """The worked example's values written before ``step`` in its section."""
        assert step.lhs is not None
        return [
            (at, name, left, right)
            for at, name, left, right in self.meanings.example_texts
            if at <= step.lhs.start and not HEADING.search(self.text.slice(at, step.lhs.start))
        ]

    def _scalar_example(self, step: Step, lhs: sympy.Expr, rhs: sympy.Expr) -> bool:
        """Whether a step with no entries uses a free letter a worked example in its section
        gives a number ("take $x = 3$. Then $$y = 9$$" with y = x^2): judged at the example."""
        if lhs.atoms(sympy.Indexed) or rhs.atoms(sympy.Indexed):
            return False
        try:
            expanded = [self.meanings.expand(side) for side in (lhs, rhs)]
        except Unreadable:
            return False
        if any(side.atoms(sympy.Indexed, sympy.Sum) for side in expanded):
            return False
        free = set().union(*(variable_names(side) for side in expanded)) - set(self.meanings.table)
        return any(name in free for _, name, _, _ in self._values_in_force(step))

    def _at_scalar_example(self, step: Step, base: StepResult, counted: int) -> StepResult:
        """A step that fails for every value judged with the free letters at the values a worked
        example in its section gives them ("take $x = 3$. Then $$y = 9$$"): refuted there, the
        flag stands; holding there, it holds at the example, or, with a derivative set equal to
        letters (a general rule the example may only illustrate), it is not checked."""
        free = {n: v for n, v in self._scalar_values(step).items() if n not in self.meanings.table}
        said = ", ".join(f"{name} = {value}" for name, value in sorted(free.items()))
        if not free:  # (z_2 = 0 beside a z written without an index: no value of z read)
            raise _NotChecked("a worked example whose values are not read", step.relation.start)
        meanings = {n: Meaning(n, None, v, "the text", f"{n} = {v}") for n, v in free.items()}
        first, *others = sorted(meanings)
        with self._read_anew():
            self.meanings.table = self.meanings.table | {n: meanings[n] for n in others}
            variant = -(2 * 10**7) - hash(said) % 10**6
            judged = self._judged_with(step, base, counted, meanings[first], variant=variant)
        if isinstance(judged, _NotChecked):
            raise _NotChecked(
                f"ambiguous: fails for every value, not decided at the worked example ({said}): "
                f"{judged.reason}",
                step.relation.start,
            )
        if judged.status not in ("holds", "holds only", "fails"):
            return judged  # not checked at the example either: its reason
        numbers = any(NUMBERS.fullmatch(side) for side in (base.lhs, base.rhs))
        if judged.flagged and numbers and judged.counterexample and judged.counterexample.point:
            # L = -\log(0.7) with y = 1 given and p not: values the text gives otherwise
            raise _NotChecked(
                f"ambiguous: {judged.summary} at the worked example ({said}), which gives no "
                "value of the other names of a side set equal to numbers",
                step.relation.start,
            )
        if contrasted(self.leads.get(step.display, ""), set(free)):
            raise _NotChecked(  # "Für $y = 0$ statt $y = 1$", "否则（即 $y \neq 1$）"
                f"ambiguous: {judged.summary} at the worked example ({said}), whose values the "
                "words before it contrast or negate",
                step.relation.start,
            )
        labels = self._label_names() | {"t"}
        binary = all(v in (0, 1) for v in free.values()) and set(free) <= labels
        lead = self.leads.get(step.display, "")
        if (
            judged.flagged
            and binary
            and len(free) == 1
            and not example_named(lead, *free.items())
            and not self._fails_at_the_other_value(step, base, counted, *free.items())
        ):
            raise _NotChecked(  # "Having done $y = 1$, we turn to the negative label:"
                f"ambiguous: {judged.summary} at {said}, which the words before it may set aside",
                step.relation.start,
            )
        if judged.flagged:
            return replace(judged, summary=f"{judged.summary} at the worked example ({said})")
        if general := self._said_general(step, set(free)):  # "For general $\beta$:"
            raise _NotChecked(
                f"ambiguous: fails for every value, holds at the worked example ({said}), but "
                f"the text speaks of a general {general} before it",
                step.relation.start,
            )
        sides = f"{base.lhs} {base.rhs}"  # a derivative by another letter than the label's:
        rule = binary and not any(_by_letter(sides, name) for name in free)  # the rule there
        if _DERIVATIVE_MARK.search(sides) and not numbers and not rule:
            raise _NotChecked(
                f"ambiguous: fails for every value, holds at the worked example ({said}), "
                "and a derivative may state the rule or its value there",
                step.relation.start,
            )
        if binary:
            (name, number) = next(iter(free.items()))
            before = self.leads.get(step.display - 1, "")  # "For $y = 1$: … So the derivative is:"
            named = names_its_case(lead, name, int(number)) or (
                LEADS_ON.fullmatch(lead) is not None and names_its_case(before, name, int(number))
            )
            if len(free) > 1 or not named:  # "Unlike the case"
                raise _NotChecked(
                    f"ambiguous: fails for every value, holds at {said}, which the words before "
                    "it may name as a case, not as the case of this step",
                    step.relation.start,
                )
        return replace(judged, summary=f"holds at the worked example ({said})")

    def _fails_at_the_other_value(
        self, step: Step, base: StepResult, counted: int, given: tuple[str, sympy.Expr]
    ) -> bool:
        """Whether the step is refuted at the other value of a binary label too."""
        name, value = given[0], 1 - given[1]
        meaning = Meaning(name, None, value, "the text", f"{name} = {value}")
        variant = -(6 * 10**7) - hash((name, str(value))) % 10**6
        try:
            judged = self._judged_with(step, base, counted, meaning, variant=variant)
        except Exception:  # noqa: BLE001 - not decided there: no flag rests on it
            return False
        return isinstance(judged, StepResult) and judged.flagged

    def _said_general(self, step: Step, names: set[str]) -> str:
        """A name of ``names`` the text calls general (any, arbitrary, every) between the
        worked example's value and ``step``: the example is no longer in force; "" if none."""
        starts = [at for at, name, _, _ in self._values_in_force(step) if name in names]
        between = self.text.slice(min(starts, default=step.lhs.start), step.lhs.start)
        for found in _GENERAL_NAME.finditer(between):
            if found.group(1).lstrip("\\") in names:
                return found.group(1)
        return ""

    def _scalar_values(self, step: Step) -> dict[str, sympy.Expr]:
        """The numbers the worked examples in force at ``step`` give to letters, by name."""
        given = {}
        for at, name, left, right in self._values_in_force(step):
            example = read_example(at, name, left, right, self.reader.expression)
            if example is not None and example.values.keys() == {name}:
                given[name] = example.values[name]  # a later value is a new example
        return given

    def _fits_definition(self, name: str, written: str, values: dict[str, sympy.Expr]) -> bool:
        r"""Whether the number ``written`` for a defined name is its definition's value at the
        example's other values (``\hat{y} = 0.5`` at z = 0), to the digits written."""
        try:
            defined = self.meanings.expand(self.meanings.table[name].value)
            free = {s: values[s.name] for s in defined.free_symbols if s.name in values}
            value = sympy.N(defined.xreplace(free), 30)
            given = self.reader.expression(written)
        except Exception:  # noqa: BLE001 - not evaluated: it may not fit
            return False
        if value.free_symbols or given.free_symbols or not value.is_real:
            return False
        decimal = re.search(r"\.(\d+)", written)
        half = 0.5 * 10 ** -len(decimal.group(1)) if decimal else 1e-12
        return abs(float(value) - float(given)) <= half * (1 + 1e-9)

    def _defined_given_values(
        self, step: Step, base: StepResult, counted: int, used: frozenset[str]
    ) -> str:
        """Why a flag is withheld from a step that uses a defined name the text gives a number
        to in the step's section, after its definition ("Now let $y$ denote the label
        instead, with $y = 1$"), when with that number the step is not refuted: the name may be
        used anew; "" when not."""
        for at, name, left, right in self._values_in_force(step):
            if (
                name not in used
                or name not in self.meanings.table
                or name in self._aliases()  # Y = [y_1, y_2, y_3]: the values are y's
                or self.meanings.table[name].value.is_Number  # already judged at the number
                or self.meanings.defined_at.get(name, at) >= at
                or display_around(self.text, at)  # said in a sentence, not a step
                or (  # a vector's numbers shown for example: no new meaning
                    _NUMBER_LIST.fullmatch(right)
                    and _FOR_EXAMPLE.search(self.text.original[max(0, at - 300) : at])
                )
                or self._fits_definition(name, right, self._scalar_values(step))
            ):
                continue
            example = read_example(at, name, left, right, self.reader.expression)
            if example is not None and example.values.keys() == {name}:
                value = example.values[name]
                meaning = Meaning(name, None, value, "the text", f"{name} = {value}")
                variant = -(3 * 10**7) - hash((name, value)) % 10**6
                judged = self._judged_with(step, base, counted, meaning, variant=variant)
                if isinstance(judged, StepResult) and judged.flagged:
                    continue  # wrong with either meaning
            line = self.text.place(at)[0]
            return (
                f"the text gives {left.strip()} = {right.strip()} at line {line}, which its "
                f"definition at line {self.text.place(self.meanings.defined_at[name])[0]} "
                "does not fit: the name may be used anew"
            )
        return ""

    def _example_point(self, step: Step, example: str) -> tuple[int, dict, str]:
        """The size, the values and their spelling of the worked example in force at a step
        with concrete indices; "not checked" when the values are not all read, are given to a
        defined name, or fix no size."""
        assert step.lhs is not None
        # values given to a defined name (s_1 = \frac{e^1}{e^1 + e^2}) are steps, judged at the
        # values of the free variables; a failure where free variables remain is no flag
        free = (self.meanings.leaves | self.meanings.arguments() | PARAMETERS) - set(
            self.meanings.table
        )
        aliases = self._aliases(free)  # Y = [y_1, y_2, y_3], then Y = [0.5, 1.5, -1]: y's values
        given = [
            read_example(at, aliases.get(name, name), left, right, self.reader.expression)
            for at, name, left, right in self.meanings.example_texts
            if aliases.get(name, name) in free
            and at <= step.lhs.start
            and not HEADING.search(self.text.slice(at, step.lhs.start))
        ]
        read = [e for e in given if e is not None]
        whole = [e.name for e in read if e.size is not None]
        everything = self._source
        if whole and (
            COUNTED_FROM_ZERO.search(everything)
            or any(
                re.search(rf"(?<![\\a-zA-Z]){re.escape(name)}\s*_\s*\{{?\s*0\b", everything)
                for name in {*whole, *self.meanings.table}
            )
        ):
            # "we index from zero", or z_0 or s_0 written: the vector's first entry is z_0
            raise _NotChecked(
                f"ambiguous: a worked example ({shown(read)}) in a text that counts indices from 0",
                step.relation.start,
            )
        words = self._class_in_words(step, read, free)  # "and the second class correct"
        read += words
        together = combined(read) if read and len(read) == len(given) + len(words) else None
        if together is not None:
            values, size = together
            sizes = self.meanings.stated_sizes
            if size is None and len(sizes) == 1:
                size = next(iter(sizes))
            entries = [int(key.rpartition("_")[2]) for key in values if _ENTRY_KEY.match(key)]
            if self.n is not None:
                size = self.n
            elif size is not None and (
                (local := _section_sizes(self.text.slice(0, step.lhs.start)) - {size})
                or size < max(entries, default=0)
            ):
                # the example's length (z = (1, 2, 3), o_3 = …) and the size the text states
                # ("only two classes") disagree: which N the step means is not said
                raise _NotChecked(
                    f"ambiguous: the worked example ({shown(read)}) and the text "
                    f"(N = {', '.join(map(str, sorted(local or sizes)))}) fix different sizes",
                    step.relation.start,
                )
            if size is not None:
                values = Values(values)
                values.remarks = frozenset(
                    e.name
                    for e in read
                    if e.values.keys() == {e.name}
                    and _REMARK.search(self.text.slice(max(0, e.position - 30), e.position))
                )
                return size, values, f"N = {size}, {shown(read)}"
        raise _NotChecked(
            f"a worked example: {example} (values this reader does not substitute)",
            step.relation.start,
        )

    def _example(self, at: int) -> str:
        """The values of a worked example in force at ``at`` ("$o_1 = 0$" before it in the same
        section), named, or ""."""
        for given, name, _, _ in sorted(self.meanings.example_texts):  # each section's own
            if given <= at and not HEADING.search(self.text.slice(given, at)):
                if said_in_general(self.text.original[max(given, at - 300) : at]):
                    return ""  # "In general (any z, not just the example)": no example's step
                return f"{name} is given values at line {self.text.place(given)[0]}"
        return ""


# words right before a step (its sentence) that say it is about every value, not the example's
# "for general $\beta$", "any $T$", "an arbitrary $x$"
_GENERAL_NAME = lazy(
    r"(?i)\b(?:general|any|arbitrary|every|all)\s+(?:[a-z]+\s+)?\$\s*(\\?[A-Za-z]+)\s*\$"
)
_IN_GENERAL = lazy(
    r"(?i:\bin\s+general\s*[,:(]|\bfor\s+(?:any|all|every|arbitrary)[*_\s]{1,6}(?:\$|logits?\b"
    r"|labels?\b|inputs?\b|values?\b|one-hot)|\bany[*_\s]{1,6}(?:logits?|labels?|inputs?|one-hot))"
)
_DISPLAYS_BEFORE = lazy(r"(?:\s*\$\$[^$]*\$\$)+\s*$")
_NOT_JUST = lazy(r"(?i:\bnot\s+just\s+(?:the|this)\s+example\b(?!'))")
_OF_THE_EXAMPLE = lazy(r"(?i:\b(?:the|this|our)\s+example\b)")


def said_in_general(before: str) -> bool:
    """Whether the sentence that leads into a step says it is about every value ("In general
    (any z, not just the example):", "for **any** logits"), and names the example only to set
    it aside ("for all two classes of this example" is the example's)."""
    before = re.sub(r"(?:\$\$|\\\[|\\begin\s*\{[^{}]*\})[^$]*$", "", before).rstrip()  # the display
    before = _DISPLAYS_BEFORE.sub("", before)  # the displays right before it: the same words lead
    sentence = re.split(r"(?<=[.!?])\s+|\n\s*\n", before)[-1]
    if not _IN_GENERAL.search(sentence):
        return False
    return not _OF_THE_EXAMPLE.search(_NOT_JUST.sub(" ", sentence))
