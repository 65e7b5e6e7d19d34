"""A step judged under each reading the document leaves open: vectors as columns or as rows, values
0 and 1, groupings of an operand, meanings of a redefined name, the index case said in the
prose. Where the readings disagree the step is ambiguous, never flagged.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.leads import LEADS_ON
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.reached import built_elsewhere, under_every_meaning
from symsoft.reading.judge.row_values import remark_after
from symsoft.reading.judge.steps import CaseCheck
from symsoft.reading.judge.unsure import _ambiguous, _NotChecked
from symsoft.reading.judge.written_entries import _WrittenEntries
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.label_words import (
    LABEL_EXCLUDED,
    LABEL_ONE,
    LABEL_ZERO,
    names_case,
)
from symsoft.reading.meaning.scopes import comes_later, defined_after, names_used, scoped_in
from symsoft.reading.meaning.scopes import in_force as definition_in_force
from symsoft.reading.meaning.sigma_words import _stated_in_words
from symsoft.reading.meaning.table import FREE_BEFORE, Meaning, Meanings
from symsoft.reading.meaning.variables import variables_of
from symsoft.reading.notation.sides import Reader
from symsoft.reading.notation.translation import SHAPES
from symsoft.reading.notation.vectors import readings

_Y_ALONE = lazy(r"\$\s*y\s*\$")
_MATH = lazy(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


_OTHER_READING = {
    "denominator": "a Jacobian's rows the variable",
    "numerator row": "vectors as rows",
    "denominator row": "vectors as rows and a Jacobian's rows the variable",
}


_UNDECIDED = lazy(r"too large|time budget|more than \d+ steps")


# why a step is not read without a name's definition when it means nothing without it (not
# "read as free variables the step does not hold": then it reads, and fails, without it)
_MEANS_NOTHING = lazy(
    r"has no meaning here|nothing here is a function of|does not depend on .* under the meanings"
)


class _OtherReadings(_WrittenEntries):
    """Part of :class:`_Judging`."""

    def _shift_later(self, step: Step) -> str:
        """Why the document's maximum may not be meant at ``step`` (defined after it); a step
        true whenever its entry is the maximum is never flagged (shifts.py)."""
        if self.shift is None or not comes_later(
            self.text.original, step.relation.start, self.shift.at
        ):
            return ""
        line = self.text.place(self.shift.at)[0]
        return f"{self.shift.name} is the maximum only from line {line}, after this step"

    @contextlib.contextmanager
    def _read_anew(self) -> Iterator[None]:
        """A block that changes the meanings (assign new tables, never change the ones in
        force): it reads with a fresh reader (a reader keeps what it read), and the table,
        functions, labels, scopes and freed names are restored after it."""
        meanings = self.meanings
        kept = (meanings.table, meanings.functions, meanings.labels, self.scopes, self.freed)
        reader, variants = self.reader, self.variants
        self.variants = {}
        self.reader = Reader(meanings, layout=reader.layout, operands=reader.operands)
        try:
            yield
        finally:
            meanings.table, meanings.functions, meanings.labels, self.scopes, self.freed = kept
            self.reader, self.variants = reader, variants

    def _before_definitions(self, step: Step, base: StepResult, counted: int) -> StepResult:
        """A step that uses a name defined only later, in a later section or as a new choice
        ("now take $c = …$"): the name may be free there, or mean something else. The step is
        judged with the definition and without it (the name free, or symsoft's default); it
        holds or is flagged only when both agree, else it is ambiguous — except that it holds
        when it holds with the definition and is not read at all without it (notes that recap
        their definitions at the end: the text gives the name no other meaning)."""
        at = (step.lhs or step.relation).start
        later = defined_after(
            self.text, self.meanings, at, names_used(self.meanings, f"{base.lhs} {base.rhs}")
        )
        result = self._verdict(step, base, counted)
        if not later or result.status not in ("holds", "holds only", "fails"):
            return result
        standard = Meanings.standard()  # p, S, L: the default, stated by the words before it
        first = min(self.meanings.defined_at[name] for name in later)
        _stated_in_words(standard, self.text.slice(0, first))
        with self._read_anew():
            self.meanings.table = {k: v for k, v in self.meanings.table.items() if k not in later}
            self.meanings.table |= {
                name: meaning for name, meaning in standard.table.items() if name in later
            }
            self.scopes = {k: v for k, v in self.scopes.items() if k not in later}
            self.freed = frozenset(later)
            try:
                other: StepResult | _NotChecked = self._verdict(step, base, counted)
            except _NotChecked as exc:
                other = exc
        if isinstance(other, StepResult) and other.flagged and result.flagged:
            return other  # wrong either way: the counterexample of the meaning before it
        names = ", ".join(f"{name} is defined only at line {line}" for name, line in later.items())
        if (
            result.status == "holds"
            and isinstance(other, _NotChecked)
            and _MEANS_NOTHING.search(other.reason)
        ):
            # without that definition the step means nothing: the text's only reading of it
            return replace(result, summary=f"{result.summary} ({names}, the text's only meaning)")
        if isinstance(other, StepResult) and other.status == result.status == "holds":
            if not (other.flagged or result.flagged):
                return result
        without = other.reason if isinstance(other, _NotChecked) else other.summary
        return _ambiguous(
            result,
            f"{names}, in a later section or as a new choice; without that definition: {without}",
        )

    def _in_force(self, step: Step, base: StepResult, counted: int) -> StepResult:
        if step.lhs is None:  # (before the meanings in force: they need a left side)
            raise _NotChecked("a row starting with '=' continues nothing", step.relation.start)
        written = f"{base.lhs} {base.rhs}"
        names = scoped_in(self.scopes, written)
        if names:
            return self._in_every_meaning(step, base, counted, names)
        reached = scoped_in(self.scopes, written, self.meanings.table)  # J = L + …
        if reached and built_elsewhere(self, written, reached, step.lhs.start):
            return under_every_meaning(self, step, base, counted, reached)
        try:
            judged = self._judge(step, base, counted)
        except _NotChecked as exc:
            if SHAPES not in exc.reason:
                raise
            return self._in_the_readings_that_fit(step, base, counted, exc)
        return self._in_every_reading(step, judged, counted)

    def _in_the_readings_that_fit(
        self, step: Step, base: StepResult, counted: int, exc: _NotChecked
    ) -> StepResult:
        """A step whose shapes do not fit with vectors as columns (``\\mathbf s^\\top
        \\mathbf s`` beside a matrix) is judged in the readings where they fit: it holds if it
        holds in each of them, it is flagged only if it fails in each, else it is ambiguous."""
        assert step.lhs is not None
        texts = self._texts(step)
        fitting: list[tuple[str, StepResult]] = []
        chosen = readings(*texts)
        if "rows" in self.layout and not any(r.endswith("row") for r in chosen):
            chosen += tuple(f"{r} row" for r in chosen)  # "we use row vectors"
        for reading in [r for r in chosen[1:] if self._said_possible(r)]:
            other = self._in_layout(reading)
            try:
                fitting.append((reading, other._judge(step, base, counted)))
            except _NotChecked as other_exc:
                if SHAPES not in other_exc.reason:
                    raise
        if not fitting:
            raise exc
        said = " or ".join(_OTHER_READING[reading] for reading, _ in fitting)
        results = [result for _, result in fitting]
        if all(r.status == "holds" for r in results) or all(r.flagged for r in results):
            note = f" with {said} (as columns the sizes do not match)"
            return replace(results[0], summary=results[0].summary + note)
        flagged = next((r for r in results if r.flagged), results[0])
        return replace(
            flagged,
            status="not checked",
            summary=f"not checked: ambiguous: as columns the sizes do not match, and with "
            f"{said} the readings disagree ({flagged.summary})",
            hypothesis_stated=True,
        )

    def _in_layout(self, reading: str) -> _Judging:
        """A judge of the same document that reads vectors and Jacobians in ``reading``."""
        other = type(self)(
            self.text, self.meanings, self.hypothesis_stated, self.n, self.definitions
        )
        other.reader = Reader(self.meanings, layout=reading, operands=self.reader.operands)
        other.batch, other.shift = self.batch, self.shift
        return other

    def _said_possible(self, reading: str) -> bool:
        """Whether ``reading`` is one the text's words allow ("column vectors": no row)."""
        return not ("columns" in self.layout and reading.endswith("row"))

    def _judged_with(
        self,
        step: Step,
        base: StepResult,
        counted: int,
        meaning: Meaning,
        variant: int,
        others: tuple[Meaning, ...] = (),
    ) -> StepResult | _NotChecked:
        """The step judged with ``meaning`` (and ``others``, for their names) in place of its
        name's own (another definition of the name, or a value the text allows), in every
        layout reading."""
        name = meaning.name
        free = meaning.unread.startswith(FREE_BEFORE)  # g = ∂J/∂y not read, then J defined
        by = variables_of(f"{base.lhs} {base.rhs}")[0]
        if free and by & set(
            re.findall(r"(?<![\\a-zA-Z])[a-zA-Z]", meaning.latex.partition("=")[2])
        ):
            free = False  # r = \frac{\exp(z)}{…} not read, then ∂E/∂z_j: r is no constant of z
        if meaning.unread and not free:
            reason = f"{name} is defined at {meaning.source} in a way not read here"
            why = meaning.unread.removeprefix(FREE_BEFORE)
            return _NotChecked(f"{reason} ({why})", step.relation.start)
        kept, reader = self.meanings.table.get(name), self.reader
        restored = [(other.name, self.meanings.table.get(other.name)) for other in others]
        self.meanings.table.update({other.name: other for other in others})
        if free:
            self.meanings.table.pop(name, None)  # any value: a flag may not rest on one
        else:
            self.meanings.table[name] = meaning
        # the reader keeps what it read: one per meaning
        self.reader = self.variants.setdefault(
            (variant, reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            judged = self._in_every_reading(
                step, self._judge(step, base, counted, variant), counted
            )
            if free and judged.flagged:
                why = f"{name} read free: its definition at {meaning.source} is not read"
                return _ambiguous(judged, f"{why} ({meaning.unread[len(FREE_BEFORE) :]})")
            return judged
        except _NotChecked as exc:
            return exc
        finally:
            self.reader = reader
            for key, value in [*restored, (name, kept)]:
                if value is None:
                    self.meanings.table.pop(key, None)
                else:
                    self.meanings.table[key] = value

    def _holds_if_hedged(
        self, step: Step, base: StepResult, counted: int, names: set[str] | None = None
    ) -> bool:
        """Whether a flagged step is not refuted once the targets a sentence with a negative
        word may call normalized (:func:`stated_normalized` with ``hedged``), or ``names``,
        sum to one."""
        added = (self.hedged if names is None else names) - {"y"} - self.meanings.normalized
        self.meanings.normalized |= added
        try:
            judged = replace(self, cache={})._verdict(step, base, counted)
        except _NotChecked:
            return True
        finally:
            self.meanings.normalized -= added
        return not judged.flagged

    def _at_binary_values(
        self,
        step: Step,
        base: StepResult,
        counted: int,
        name: str,
        interval: bool = False,
        indexed: bool = False,
        values: tuple[int, int] = (0, 1),
    ) -> StepResult | None:
        """A step about a name the text says is 0 or 1 (``y \\in \\{0, 1\\}``), judged at
        both values: it fails if it fails at one, holds if it holds at both.  None: not
        decided at one of them.  For a name in [0, 1] (``0 \\le q \\le 1``) the two ends are
        witnesses of a failure only: holding at both says nothing of the values between."""
        results: list[tuple[int, StepResult]] = []  # indexed: y_i = 0 (1) for every sample
        index = sympy.Dummy("m", integer=True, positive=True) if indexed else None
        interval = interval or indexed
        for value in values:  # (or -1 and 1: y \in \{-1, +1\})
            written = f"{name}_i = {value} for every i" if indexed else f"{name} = {value}"
            meaning = Meaning(name, index, sympy.Integer(value), "the text", written)
            judged = self._judged_with(step, base, counted, meaning, variant=-3 - value)
            if isinstance(judged, _NotChecked):
                return None
            results.append((value, judged))
        lead = self.nearby.get(step.display, "")
        if LEADS_ON.fullmatch(self.leads.get(step.display, "").strip()):  # "Its derivative:"
            lead = self.leads.get(step.display - 1, "")  # goes on in the case named before
        # the case the words name first: a flag shows its counterexample in that case
        results.sort(key=lambda pair: not self._names_case(lead, name, pair[0]))
        for value, result in results:
            if result.flagged:
                at = f"{name}_i = {value} for every i" if indexed else f"{name} = {value}"
                flagged = replace(result, summary=f"{result.summary} at {at}")
                flagged = replace(flagged, cases=_without(result.cases, name))  # no z_1 shown
                held = [v for v, r in results if r.status == "holds"]
                remarked = remark_after(self.text.original, step)  # "This is the case $r = 0$."
                if held and (self._names_case(lead, name, held[0]) or remarked == (name, held[0])):
                    # "When the true label $y = 1$, the loss becomes:": that case's step
                    holds = next(r for v, r in results if v == held[0])
                    return replace(
                        holds, summary=f"holds when {name} = {held[0]}, as the text says"
                    )
                lead = _MATH.sub(" ", self.nearby.get(step.display, ""))  # the words alone
                lead = _NUMBERING.sub(" ", lead)  # ("## Step 1: the derivative": no value)
                if held and re.search(rf"(?<![\d.\\]){held[0]}(?![\d.])", lead):
                    # "当答案是 1 的情况" (when the answer is 1) before it: the step is that case's
                    return _ambiguous(
                        flagged, f"it holds at {name} = {held[0]}, which the words before it name"
                    )
                if held and (self._label_said(step, held[0]) or LABEL_EXCLUDED.search(lead)):
                    return _ambiguous(
                        flagged, f"it holds at {name} = {held[0]}, which the text says in words"
                    )
                return flagged
        if not interval and all(result.status == "holds" for _, result in results):
            return replace(results[0][1], summary=f"holds for {name} ∈ {{{values[0]}, 1}}")
        return None

    def _names_case(self, lead: str, name: str, value: int) -> bool:
        """Whether the last sentence of ``lead`` announces the case ``name = value``, in
        mathematics or, for the labels, in words."""
        return names_case(lead, name, value, self.meanings.labels)

    def label_entry_said(self, step: Step, base: StepResult, counted: int, written: str) -> str:
        """ "For this logit the target is one": why a flagged step on an entry of the labels
        (y_k) that holds with every entry at the value its section's words give a label is
        ambiguous ("" if it is not)."""
        letter = self.meanings.labels
        if not re.search(rf"(?<![a-zA-Z\\]){re.escape(letter)}\s*_", written):
            return ""
        for value in (1, 0):
            if not self._label_said(step, value):
                continue
            index = sympy.Dummy("m", integer=True, positive=True)
            written_value = f"{letter}_i = {value} for every i"
            meaning = Meaning(letter, index, sympy.Integer(value), "the text", written_value)
            judged = self._judged_with(step, base, counted, meaning, variant=-21 - value)
            if not isinstance(judged, _NotChecked) and judged.status == "holds":
                return f"it holds at {letter}_k = {value}, which the words of its section say"
        return ""

    def _label_said(self, step: Step, value: int) -> bool:
        """Whether the words of the step's section before it give the label that value ("a
        single example whose label is one", "for a positive example", "the target is 0")."""
        before = self.text.original[max(0, step.relation.start - 2000) : step.relation.start]
        section = re.split(r"(?m)^[ \t]{0,3}#{1,6}[ \t]", before)[-1]
        words = _MATH.sub(
            lambda m: " y " if re.fullmatch(r"\$\s*y\s*\$", m.group()) else " ", section
        )
        said = LABEL_ONE if value == 1 else LABEL_ZERO
        return said.search(words) is not None

    def _in_every_operand_reading(
        self, step: Step, base: StepResult, counted: int
    ) -> StepResult | None:
        """A step with a derivative operator whose operand the notation leaves open
        (``\\frac{\\partial}{\\partial x} f g``, ``\\frac{d}{dx}(f)^{-1}``): read as applying
        to the rest of its term, the usual convention (to the factor before an explicit ``*``,
        ``\\cdot``, ``\\times``, where that reading holds); a flag stands only if the step also
        fails applied to the first factor alone, and to the rest of its side.  None: not read."""
        verdicts: dict[str, StepResult | _NotChecked] = {}
        for operands in ("product", "term", "factor", "side"):
            other = replace(self, cache={})
            other.reader = Reader(self.meanings, layout=self.reader.layout, operands=operands)
            try:
                verdicts[operands] = judged = other._verdict(step, base, counted)
            except _NotChecked as exc:
                verdicts[operands] = exc
                continue
            if operands == "product" and not judged.flagged:
                return judged  # the other readings are not needed
        term, factor, side = verdicts["term"], verdicts["factor"], verdicts["side"]
        if isinstance(term, _NotChecked):
            return None
        if not term.flagged or all(isinstance(v, StepResult) and v.flagged for v in (factor, side)):
            return term
        return _ambiguous(
            term,
            "read with the derivative operator applied to the rest of its term; applied to "
            "its first factor only, or to the rest of its side, the step holds or is not read",
        )

    def _in_every_meaning(
        self, step: Step, base: StepResult, counted: int, names: list[str]
    ) -> StepResult:
        """A step that uses a name the document defines more than once: the verdict under the
        definition in force (the last one before the step, else the first), flagged only if
        the step also fails under every other definition of the name."""
        assert step.lhs is not None
        if len(names) > 1:
            return self._in_force_together(step, base, counted, names)
        (name,) = names
        ordered = self.scopes[name]
        in_force = definition_in_force(ordered, step.lhs.start)
        verdicts = {  # (a reading the text never states, renamed_logits.py, is no definition)
            position: self._judged_with(step, base, counted, meaning, variant=position)
            for position, meaning in ordered
            if position == in_force[0]
            or meaning.source != "standard"
            and not meaning.unread.startswith(FREE_BEFORE)
        }
        chosen = verdicts.pop(in_force[0])
        if isinstance(chosen, _NotChecked):
            raise chosen
        if not chosen.flagged or all(
            v.flagged if isinstance(v, StepResult) else not _UNDECIDED.search(v.reason)
            for v in verdicts.values()
        ):
            return chosen  # a definition under which the step does not even read is not meant
        line, _ = self.text.place(in_force[0])
        return _ambiguous(
            chosen,
            f"{name} as defined at line {line}; {name} is defined differently elsewhere in the "
            "document, and under another definition the step holds or is not decided",
        )

    def _in_every_reading(self, step: Step, result: StepResult, counted: int) -> StepResult:
        """A flag on a step with a Jacobian or a transpose stands only if the step also fails
        (or does not fit) in the other layout (row: the variable) and in the row-vector
        convention, which the document may be using."""
        assert step.lhs is not None
        texts = self._texts(step)
        if not result.flagged:
            return result
        rows: list[StepResult | None] = []  # the row readings, where the text says rows
        for reading in [r for r in readings(*texts)[1:] if self._said_possible(r)]:
            other = self._in_layout(reading)
            try:
                alternative = other._judge(step, replace(result, cases=()), counted)
            except _NotChecked as exc:
                if SHAPES in exc.reason:
                    continue  # the shapes do not fit: not the author's reading
                alternative = None
            if "rows" in self.layout and reading.endswith("row"):
                rows.append(alternative)
                continue  # decided below, with every row reading
            if alternative is not None and alternative.flagged:
                continue
            return replace(
                result,
                status="not checked",
                summary=f"not checked: ambiguous: {result.summary} with vectors as columns and "
                "a Jacobian's rows the function, but not with "
                f"{_OTHER_READING[reading]}, and the document does not say which",
                hypothesis_stated=True,
            )
        held = [r for r in rows if r is not None and r.status == "holds" and not r.flagged]
        if held and len(held) == len(rows):  # "all vectors are row vectors": as the text says
            return replace(held[0], summary=f"{held[0].summary} with vectors as rows, as said")
        if held:
            return _ambiguous(result, "it holds in one row reading, and the text says rows")
        return result


def _without(cases: tuple[CaseCheck, ...], name: str) -> tuple[CaseCheck, ...]:
    """The cases with their counterexamples' points rid of ``name`` and its entries, a value
    the step is judged at (z = 0): a point never shows it otherwise."""
    kept = []
    for case in cases:
        shown = case.verdict.counterexample
        if shown is not None:
            kept_at = [at for at, (key, _) in enumerate(shown.point) if key.split("_")[0] != name]
            latex = shown.latex and replace(
                shown.latex, point=tuple(shown.latex.point[at] for at in kept_at)
            )
            shown = replace(shown, point=tuple(shown.point[at] for at in kept_at), latex=latex)
            case = replace(case, verdict=replace(case.verdict, counterexample=shown))
        kept.append(case)
    return tuple(kept)


# a number that numbers a part of the text, not a value: "Step 1", "Part 2", "(1)", "1."
_NUMBERING = lazy(
    r"(?i)\b(?:step|part|section|chapter|lecture|exercise|problem|question|week|lab|eq\.?|"
    r"equation|figure|fig\.|table|example|stage|phase|lesson|task|item|homework|hw)\s*#?\d+"
    r"|(?m:^[ \t#*>-]*\d+[.)])"  # (never "(1)": "for target (1):" names a label value)
)
