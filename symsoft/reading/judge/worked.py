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
from symsoft.reading.judge.names import PARAMETERS
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.readings import _NotChecked
from symsoft.reading.judge.steps import judge
from symsoft.reading.judge.verdicts import (
    _section_sizes,
    _summarized,
)
from symsoft.reading.meaning.examples import Values, combined, read_example, shown
from symsoft.reading.meaning.prose import (
    HEADING,
)
from symsoft.reading.meaning.scopes import STEP_SECONDS
from symsoft.reading.meaning.table import Meaning

_PARAMETER_REMARK = re.compile(  # "For $T = 1$ this is …", "with $\epsilon = 0$"
    r"\b(?:for|when|if|at|with|setting|taking)\s+(?:(?:an?|the)\s+(?:target|label)\s+)?"
    r"\$\s*(T|\\(?:tau|epsilon|varepsilon|alpha|beta|gamma|eta|lambda)"
    # a label's entry at 0 or 1: "for a target $t_i = 1$", "when $y_k = 0$"
    r"|(?P<entry>[a-zA-Z])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))\s*=\s*(\d+(?:\.\d+)?)\s*\$",
    re.IGNORECASE,
)


_LIST_LABEL = re.compile(r"\$?\s*(?:[-*+]|\d+[.)])\s+(?:[A-Za-z]+\s*){0,2}:?\s*")

_GREEK = {"\\varepsilon": "epsilon"} | {
    f"\\{g}": g for g in ("tau", "epsilon", "alpha", "beta", "gamma", "eta", "lambda")
}


_FROM_ZERO = re.compile(  # "we index classes from zero", "0-based", "indices start at 0"
    r"\b(?:zero|0)[- ]based\b|\b(?:index(?:ed|es|ing)?|count(?:ed|ing)?|number(?:ed|ing)?)\s+"
    r"(?:[a-z]+\s+){0,2}from\s+(?:zero|0)\b|\bstart(?:s|ing)?\s+(?:at|from)\s+(?:zero|0)\b",
    re.IGNORECASE,
)


_REMARK = re.compile(r"\b(?:for|when|if|at)\s*\$*\s*$", re.IGNORECASE)  # for $T = 1$ …


_ENTRY_KEY = re.compile(r"[A-Za-z]+_\d+$")  # z_3: an entry a worked example gives


class _WorkedExamples:
    """Part of :class:`_Judging`."""

    @functools.cached_property
    def _source(self) -> str:
        """The whole text, copied once: a copy for each step is quadratic in a long document."""
        return self.text.slice(0, len(self.text.chars))

    def _at_remarked_value(self, step: Step, base: StepResult, counted: int) -> str:
        """Why a flag is withheld from a step the words before it put at a value of a parameter
        ("For $T = 1$ this is the ordinary softmax Jacobian:"), when at that value it is not
        refuted; else ""."""
        display = step.display
        remark = _PARAMETER_REMARK.search(self.nearby.get(display, ""))
        while remark is None and _LIST_LABEL.fullmatch(self.nearby.get(display, "x")):
            # "with $t_i = 1$, - First: $…$ - Second: $…$": the items of one list go on
            display -= 1
            remark = _PARAMETER_REMARK.search(self.nearby.get(display, ""))
        if remark is None:
            return ""
        name = _GREEK.get(remark.group(1), remark.group(1))
        value = sympy.Rational(remark.group(3))
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

    def _fits_from_zero(
        self, step: Step, lhs: sympy.Expr, rhs: sympy.Expr, point: tuple[int, dict, str] | None
    ) -> bool | None:
        """Whether a step that fails read from index 1 (at a worked example, or writing ``p_0``)
        is not refuted when every concrete index is counted from 0 (``s_1`` the second entry),
        the reading of a zero-based author who never says so; None when some index is then
        out of range (no reading from 0), False when it is refuted."""
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
        given = [
            read_example(at, name, left, right, self.reader.expression)
            for at, name, left, right in self.meanings.example_texts
            if name in free
            and at <= step.lhs.start
            and not HEADING.search(self.text.slice(at, step.lhs.start))
        ]
        read = [e for e in given if e is not None]
        whole = [e.name for e in read if e.size is not None]
        everything = self._source
        if whole and (
            _FROM_ZERO.search(everything)
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
        together = combined(read) if read and len(read) == len(given) else None
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
        for name, given in sorted(self.meanings.examples.items(), key=lambda item: item[1]):
            if given <= at and not HEADING.search(self.text.slice(given, at)):
                return f"{name} is given values at line {self.text.place(given)[0]}"
        return ""
