"""Check every step of a derivation written in a Markdown or LaTeX document.

``check_document(path_or_text)`` finds the display math (``$$ … $$``, ``\\[ … \\]``,
``equation``, ``align``, ``gather``, ``split`` …, never inside Markdown code), cuts each display
into rows and each row into a chain ``A = B = C`` of steps ``(A, B), (B, C)``, and judges every
step with :mod:`symsoft.reading.steps`: for every N, per index case, with a concrete
counterexample for each case that fails. What cannot be read is a step "not checked" with the
reason and the column, never skipped. Every transformation of the text keeps its length
(decorations are blanked, not deleted), so each offset is the offset in the file.
"""

from __future__ import annotations

import functools
import json
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, NoReturn

import sympy

from symsoft.errors import InputError, SymsoftError
from symsoft.reading import shifts
from symsoft.reading.arguments import drop_arguments
from symsoft.reading.batches import Batch, batch_of
from symsoft.reading.budget import OutOfTime, time_limit
from symsoft.reading.displays import (
    Chain,
    Display,
    Span,
    Step,
    Text,
    blank_markdown_code,
    blank_tex_comments,
    cases_block,
    drop_fixed_row,
    find_displays,
    name_sum_shorthand,
    rename_loss,
    spell_accented_entries,
    spell_sigma_entries,
    steps_of,
    unclosed_group,
)
from symsoft.reading.examples import Values, combined, read_example, shown
from symsoft.reading.labels import label_index, named_class
from symsoft.reading.meanings import (
    STEP_SECONDS,
    fixed_size,
    meanings_of,
    scopes_of,
    stated_sizes,
)
from symsoft.reading.prose import (
    CASE_WORDS,
    EVERY_CASE,
    HEADING,
    INLINE_MATH,
    LOG_CAVEAT,
    caveat_of,
    constraints_of,
    continuation,
    correct_class_named,
    hedged_normalized,
    normalized_in_words,
    prose_condition,
    stated_normalized,
)
from symsoft.reading.sides import Reader
from symsoft.reading.steps import (
    PARAMETERS,
    SUM_TO_ONE,
    CaseCheck,
    Meaning,
    Meanings,
    Relation,
    Unreadable,
    describe,
    is_index,
    judge,
    name_of,
)
from symsoft.reading.vectors import SHAPES, entries, mismatch, plain_vectors, readings
from symsoft.results import Counterexample, plain

StepStatus = Literal[
    "holds", "holds only", "fails", "unknown", "not checked", "definition", "hypothesis"
]
MAX_STEPS = 5_000
"""Steps judged in one document; later ones are reported "not checked"."""
MAX_DOCUMENT_CHARS = 5_000_000
DEFAULT_SECONDS = 60.0
"""Time spent judging one document (``check --timeout``); later steps are "not checked"."""
"""Time one step may take; a step that needs more is "not checked: too large"."""
MAX_STEP_TREE = 20_000
"""Nodes in the expression tree of a step's two sides once read; larger is "too large"."""


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class StepResult:
    """One step ``lhs = rhs`` of a display: where it is, what it says, and the verdict.

    ``summary`` is "holds", "holds when i = j", "holds only when i = j", "fails",
    "not checked: <reason> (column c)", …; ``cases`` has one verdict per index case.
    """

    line: int
    column: int
    display: int
    step: int
    lhs: str  # LaTeX, as written (decorations removed)
    rhs: str
    status: StepStatus
    summary: str
    cases: tuple[CaseCheck, ...] = ()
    hypothesis: str | None = None  # SUM_TO_ONE when the step needs it
    hypothesis_stated: bool = True
    condition: str | None = None  # the index case the document states for this step
    note: str = ""

    @property
    def flagged(self) -> bool:
        """Wrong as written: fails, holds only in a case, or needs an unstated hypothesis."""
        return self.status in ("fails", "holds only") or not self.hypothesis_stated

    @property
    def counterexample(self) -> Counterexample | None:
        for case in self.cases:
            if case.verdict.counterexample is not None:
                return case.verdict.counterexample
        return None

    def message(self, source: str = "") -> str:
        """The compiler-style line: ``file:line: step s of display d <summary>: …``."""
        where = f"{source}:{self.line}: " if source else f"{self.line}: "
        text = f"{where}step {self.step} of display {self.display} {self.summary}"
        if self.status in ("fails", "holds only", "unknown") or not self.hypothesis_stated:
            text += f": {self.lhs} = {self.rhs}"
        for case in self.cases:
            if case.verdict.status == "refuted" and case.verdict.counterexample is not None:
                point = describe(case.verdict.counterexample)
                shown = ", ".join(part for part in (point, case.where) if part)
                sides = case.verdict.counterexample
                text += f"; counterexample {shown} (left side {sides.lhs}, right side {sides.rhs})"
                break
        return text


@dataclass(frozen=True)
class DocumentResult:
    """Every step of a document, in order, and the meanings they were judged under."""

    source: str
    steps: tuple[StepResult, ...]
    meanings: tuple[tuple[str, str], ...]  # (LaTeX of the meaning, where it comes from)
    hypothesis_stated: bool
    n: int | None = None
    seconds: float = 0.0
    displays: int | None = None  # display math blocks found (0: nothing to check)

    @property
    def flagged(self) -> tuple[StepResult, ...]:
        return tuple(step for step in self.steps if step.flagged)

    @property
    def exit_code(self) -> int:
        """1 when a step fails or holds only in a case the document did not state, else 0."""
        return 1 if self.flagged else 0

    @property
    def summary(self) -> str:
        """``23 steps: 18 hold, 2 hold only when i = j, 1 fails, 2 not checked``."""
        count: dict[str, int] = {}
        for step in self.steps:
            key = step.status
            if step.status == "holds only":
                key = step.summary.split(" (")[0].replace("holds only", "hold only")
            elif step.status == "holds" and not step.hypothesis_stated:
                key = f"need an unstated {SUM_TO_ONE}"
            count[key] = count.get(key, 0) + 1
        parts = [f"{count.pop('holds', 0)} hold"]
        parts += [f"{v} {k}" for k, v in count.items() if k.startswith("hold only")]
        fails = count.pop("fails", 0)
        parts.append(f"{fails} fail" + ("s" if fails == 1 else ""))
        for key in (f"need an unstated {SUM_TO_ONE}", "unknown", "not checked"):
            if count.get(key):
                parts.append(f"{count[key]} {'undecided' if key == 'unknown' else key}")
        for key, noun in (("definition", "definition"), ("hypothesis", "hypothesis")):
            if count.get(key):
                parts.append(f"{count[key]} {noun}{'s' if count[key] > 1 else ''}")
        total = len(self.steps)
        return f"{total} step{'s' if total != 1 else ''}: " + ", ".join(parts)

    def lines(self) -> list[str]:
        """One line per step, then the summary: what ``symsoft check`` prints."""
        return [step.message(self.source) for step in self.steps] + [self.summary]

    def to_json(self) -> str:
        data = plain(self)
        data["summary"] = self.summary
        data["exit_code"] = self.exit_code
        for step, raw in zip(self.steps, data["steps"], strict=True):
            raw["flagged"] = step.flagged
        return json.dumps(data, ensure_ascii=False, indent=2)

    def _repr_html_(self) -> str:  # Jupyter shows the annotated report
        from symsoft.render.notebook import document_html

        return document_html(self)


# ---------------------------------------------------------------- the document


def _is_path(source: str | Path) -> bool:
    if isinstance(source, Path):
        return True
    if "\n" in source or len(source) > 1024:
        return False
    if source.endswith((".md", ".markdown", ".tex", ".txt")):
        return True
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False


def _load(source: str | Path) -> tuple[str, str, bool]:
    """The text, a name for messages, and whether it is LaTeX (else Markdown)."""
    if _is_path(source):
        from symsoft.reading.files import read_text

        path = Path(source)
        text = read_text(path, MAX_DOCUMENT_CHARS)  # bounded: never a device or a 1 GB file
        latex = path.suffix == ".tex" or "\\documentclass" in text
        return text, str(path), latex
    assert isinstance(source, str)
    return source, "<text>", "\\documentclass" in source or "\\begin{document}" in source


def _side(text: Text, span: Span) -> str:
    return " ".join(text.slice(span.start, span.end).split())


@dataclass
class _Judging:
    text: Text
    meanings: Meanings
    hypothesis_stated: bool
    n: int | None
    definitions: dict[tuple[int, int], str] = field(default_factory=dict)
    cache: dict[tuple, tuple[CaseCheck, ...]] = field(default_factory=dict)
    seconds: float = DEFAULT_SECONDS
    began: float = field(default_factory=time.perf_counter)
    nearby: dict[int, str] = field(default_factory=dict)  # display → the prose around it
    from_prose: dict[int, Relation] = field(default_factory=dict)  # display → case from prose
    scopes: dict[str, list[tuple[int, Meaning]]] = field(default_factory=dict)  # see scopes_of
    caveat: str = ""  # a convention of the whole text this reader does not apply (see caveat_of)
    hedge: str = ""  # a sentence that may state Σ_j y_j = 1 beside a negation (hedged_normalized)
    hedged: set[str] = field(default_factory=set)  # targets such a sentence may call normalized
    # worked examples (their spelling) with a step that fits only indices counted from 0, and the
    # places of steps that hold at an example counted from 1 but not from 0
    fits_from_zero: set[str] = field(default_factory=set)
    holds_from_one: dict[tuple[int, int], str] = field(default_factory=dict)
    constrained: dict[str, str] = field(default_factory=dict)  # see constraints_of
    batch: Batch | None = None  # softmax regression on a batch, when the document defines it
    shift: shifts.Shift | None = None  # when the document defines m = \max_k z_k
    rows: bool = False  # the text says its vectors are rows

    def __post_init__(self) -> None:
        self.reader = Reader(self.meanings)
        self.variants: dict[tuple[int, str, str], Reader] = {}
        self.deadline = self.began + self.seconds

    def read(self, span: Span) -> sympy.Expr:
        written, spaces = self.text.slice(span.start, span.end), []
        while True:
            try:
                return self.reader.expression(written)
            except Unreadable as exc:
                pos = _product_of_names(exc, written, self._lone_letters)
                if pos is None or len(spaces) >= 4:
                    at = exc.pos - sum(1 for space in spaces if space <= exc.pos)
                    raise _NotChecked(exc.reason, span.start + at) from None
                written, spaces = written[:pos] + " " + written[pos:], [*spaces, pos]
            except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
                raise _NotChecked(f"cannot read it ({type(exc).__name__})", span.start) from None

    def read_written(self, written: str, start: int) -> sympy.Expr:
        try:
            return self.reader.expression(written)
        except Unreadable as exc:
            raise _NotChecked(exc.reason, start) from None
        except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
            raise _NotChecked(f"cannot read it ({type(exc).__name__})", start) from None

    def _texts(self, step: Step) -> list[str]:
        """The sides of ``step``, its plain-letter vectors written bold (``J_x y``)."""
        assert step.lhs is not None
        sides = [self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)]
        return plain_vectors(sides, self._indexed_letters) or sides

    @functools.cached_property
    def _indexed_letters(self) -> frozenset[str]:
        """The letters the document's mathematics writes with an index (``y_i``)."""
        return frozenset(m.group(1) for piece in self._math for m in _INDEXED.finditer(piece))

    @functools.cached_property
    def _writes_index_zero(self) -> bool:
        """Whether the document's mathematics writes an index 0 (``p_0``, ``\\sum_{k=0}``)."""
        return any(_INDEX_ZERO.search(piece) for piece in self._math)

    @functools.cached_property
    def _math(self) -> list[str]:
        source = self.text.slice(0, len(self.text.chars))
        pieces = [source[d.body.start : d.body.end] for d in find_displays(self.text)]
        return pieces + [m.group() for m in INLINE_MATH.finditer(source)]

    @functools.cached_property
    def _lone_letters(self) -> frozenset[str]:
        """The letters the document's mathematics writes as names on their own."""
        return frozenset(m.group(1) for piece in self._math for m in _LONE_LETTER.finditer(piece))

    def step(self, step: Step, counted: int) -> StepResult:
        line, column = self.text.place(step.relation.start)
        lhs = _side(self.text, step.lhs) if step.lhs else ""
        base = StepResult(
            line,
            column,
            step.display,
            step.step,
            lhs,
            _side(self.text, step.rhs),
            "not checked",
            "",
            condition=str(step.condition) if step.condition else None,
        )
        try:
            try:
                result = self._verdict(step, base, counted)
                if result.status == "holds" and self.rows:
                    result = self._as_rows(step, base, counted, result)
                if result.flagged and self.caveat:
                    return _ambiguous(result, self.caveat)
                if result.flagged and (remark := self._at_remarked_value(step, base, counted)):
                    return _ambiguous(result, remark)
                if (
                    result.flagged
                    and (self.hedged - {"y"})
                    and self._holds_if_hedged(step, base, counted)
                ):
                    return _ambiguous(
                        result,
                        f"with {', '.join(sorted(self.hedged - {'y'}))} summing to one, as a "
                        f"sentence with a negative word may say ('{self.hedge[:80]}'), it holds",
                    )
                if result.status == "holds" and not result.hypothesis_stated and self.hedge:
                    return _ambiguous(
                        result,
                        f"the sentence '{self.hedge[:80]}' may state it; its negative word is "
                        "not read as denying it, nor the sentence as stating it",
                    )
                if result.flagged and self.constrained and result.counterexample is not None:
                    names = {
                        re.match(r"[A-Za-z]*", name).group()  # type: ignore[union-attr]
                        for name, _ in result.counterexample.point
                    }
                    for name in sorted(names & self.constrained.keys()):
                        if "{0, 1}" in self.constrained[name] or "≤" in self.constrained[name]:
                            interval = "≤" in self.constrained[name]
                            binary = self._at_binary_values(step, base, counted, name, interval)
                            if binary is not None:
                                return binary
                        return _ambiguous(
                            result,
                            f"the document states {self.constrained[name]}, which this "
                            "counterexample does not respect",
                        )
                return result
            except _NotChecked as exc:
                if not _OPERAND_AMBIGUITY.search(exc.reason):
                    raise
                return self._in_every_operand_reading(step, base, counted) or _raise(exc)
        except _NotChecked as exc:
            where = self.text.place(exc.pos)
            shown = (
                f"column {where[1]}" if where[0] == line else f"line {where[0]}, column {where[1]}"
            )
            return replace(base, summary=f"not checked: {exc.reason} ({shown})")

    def _verdict(self, step: Step, base: StepResult, counted: int) -> StepResult:
        """The verdict on ``step``; a name whose definition is not read is left free in a step
        of an earlier section, when nothing else the step uses is defined only after it."""
        written = f"{base.lhs} {base.rhs}"
        at = (step.lhs or step.relation).start  # "$$ = S_i $$": no left side
        earlier = {
            name
            for name, start in self.meanings.unreadable_from.items()
            if at < start and name in self.meanings.unreadable and _uses(written, name)
        }
        used = {name for name in self.meanings.table if _uses(written, name)}
        for _ in range(12):  # and the names their definitions use (J by y: y defined later)
            more = {
                str(atom.base.label) if isinstance(atom, sympy.Indexed) else str(atom)
                for name in used
                for atom in self.meanings.table[name].value.atoms(sympy.Indexed, sympy.Symbol)
            }
            if more & self.meanings.table.keys() <= used:
                break
            used |= more & self.meanings.table.keys()
        later = [name for name in used if self.meanings.defined_at.get(name, -1) > at]
        if not earlier or later:
            return self._in_force(step, base, counted)
        kept = {name: self.meanings.unreadable.pop(name) for name in earlier}
        reader = self.reader
        self.reader = self.variants.setdefault(
            (-10 - at, reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            return self._in_force(step, base, counted)
        finally:
            self.reader = reader
            self.meanings.unreadable.update(kept)

    def _in_force(self, step: Step, base: StepResult, counted: int) -> StepResult:
        written = f"{base.lhs} {base.rhs}"
        names = sorted(
            name
            for name in self.scopes
            if re.search(rf"(?<![a-zA-Z\\]){re.escape(name)}(?![a-zA-Z])", written)
        )
        if names:
            return self._in_every_meaning(step, base, counted, names)
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
        for reading in readings(*texts)[1:]:
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
        other = _Judging(self.text, self.meanings, self.hypothesis_stated, self.n, self.definitions)
        other.reader = Reader(self.meanings, layout=reading, operands=self.reader.operands)
        other.batch, other.shift = self.batch, self.shift
        return other

    def _as_rows(
        self, step: Step, base: StepResult, counted: int, result: StepResult
    ) -> StepResult:
        """A step that holds with vectors as columns, in a document that says its vectors are
        rows: it must also hold as rows (``\\mathbf s \\mathbf s^\top`` is a number there)."""
        assert step.lhs is not None
        texts = self._texts(step)
        rows = [r for r in readings(*texts) if r.endswith("row")]
        if not rows or "with vectors as rows" in result.summary:
            return result
        other = self._in_layout(rows[0])
        try:
            as_rows = other._judge(step, replace(result, cases=()), counted)
        except _NotChecked as exc:
            why = exc.reason
        else:
            if as_rows.status == "holds":
                return result
            why = as_rows.summary
        return _ambiguous(
            result, f"holds with vectors as columns, but the text says its vectors are rows ({why})"
        )

    def _judged_with(
        self, step: Step, base: StepResult, counted: int, meaning: Meaning, variant: int
    ) -> StepResult | _NotChecked:
        """The step judged with ``meaning`` in place of its name's own (another definition of
        the name, or a value the text allows), in every layout reading."""
        name = meaning.name
        if meaning.unread:
            reason = f"{name} is defined at {meaning.source} in a way not read here"
            return _NotChecked(f"{reason} ({meaning.unread})", step.relation.start)
        kept, reader = self.meanings.table.get(name), self.reader
        self.meanings.table[name] = meaning
        # the reader keeps what it read: one per meaning
        self.reader = self.variants.setdefault(
            (variant, reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            judged = self._judge(step, base, counted, variant=variant)
            return self._in_every_reading(step, judged, counted)
        except _NotChecked as exc:
            return exc
        finally:
            self.reader = reader
            if kept is None:
                self.meanings.table.pop(name, None)
            else:
                self.meanings.table[name] = kept

    def _holds_if_hedged(self, step: Step, base: StepResult, counted: int) -> bool:
        """Whether a flagged step is not refuted once the targets a sentence with a negative
        word may call normalized (:func:`stated_normalized` with ``hedged``) sum to one."""
        added = self.hedged - {"y"} - self.meanings.normalized
        self.meanings.normalized |= added
        try:
            judged = replace(self, cache={})._verdict(step, base, counted)
        except _NotChecked:
            return True
        finally:
            self.meanings.normalized -= added
        return not judged.flagged

    def _at_remarked_value(self, step: Step, base: StepResult, counted: int) -> str:
        """Why a flag is withheld from a step the words before it put at a value of a parameter
        ("For $T = 1$ this is the ordinary softmax Jacobian:"), when at that value it is not
        refuted; else ""."""
        remark = _PARAMETER_REMARK.search(self.nearby.get(step.display, ""))
        if remark is None:
            return ""
        name = _GREEK.get(remark.group(1), remark.group(1))
        value = sympy.Rational(remark.group(2))
        meaning = Meaning(name, None, value, "the text", f"{name} = {value}")
        variant = -(10**7) - hash((name, value)) % 10**6
        judged = self._judged_with(step, base, counted, meaning, variant=variant)
        if isinstance(judged, StepResult) and judged.flagged:
            return ""
        return f"the text puts it at {remark.group(0).strip()}, where it is not refuted"

    def _at_binary_values(
        self, step: Step, base: StepResult, counted: int, name: str, interval: bool = False
    ) -> StepResult | None:
        """A step about a name the text says is 0 or 1 (``y \\in \\{0, 1\\}``), judged at
        both values: it fails if it fails at one, holds if it holds at both.  None: not
        decided at one of them.  For a name in [0, 1] (``0 \\le q \\le 1``) the two ends are
        witnesses of a failure only: holding at both says nothing of the values between."""
        results: list[tuple[int, StepResult]] = []
        for value in (0, 1):
            meaning = Meaning(name, None, sympy.Integer(value), "the text", f"{name} = {value}")
            judged = self._judged_with(step, base, counted, meaning, variant=-1 - value)
            if isinstance(judged, _NotChecked):
                return None
            results.append((value, judged))
        for value, result in results:
            if result.flagged:
                return replace(result, summary=f"{result.summary} at {name} = {value}")
        if not interval and all(result.status == "holds" for _, result in results):
            return replace(results[0][1], summary=f"holds for {name} ∈ {{0, 1}}")
        return None

    def _in_every_operand_reading(
        self, step: Step, base: StepResult, counted: int
    ) -> StepResult | None:
        """A step with a derivative operator whose operand the notation leaves open
        (``\\frac{\\partial}{\\partial x} f g``, ``\\frac{d}{dx}(f)^{-1}``): read as applying
        to the rest of its term, the usual convention; a flag stands only if the step also
        fails with the operator applied to the first factor alone.  None: not read either way."""
        verdicts: dict[str, StepResult | _NotChecked] = {}
        for operands in ("term", "factor"):
            other = replace(self, cache={})
            other.reader = Reader(self.meanings, layout=self.reader.layout, operands=operands)
            try:
                verdicts[operands] = other._verdict(step, base, counted)
            except _NotChecked as exc:
                verdicts[operands] = exc
        term, factor = verdicts["term"], verdicts["factor"]
        if isinstance(term, _NotChecked):
            return None
        if not term.flagged or (isinstance(factor, StepResult) and factor.flagged):
            return term
        return _ambiguous(
            term,
            "read with the derivative operator applied to the rest of its term; applied to "
            "its first factor only, the step holds or is not read",
        )

    def _judge(
        self, step: Step, base: StepResult, counted: int, variant: int | None = None
    ) -> StepResult:
        if counted > MAX_STEPS:
            raise _NotChecked(f"more than {MAX_STEPS} steps in the document", step.relation.start)
        if time.perf_counter() > self.deadline:
            raise _NotChecked(
                f"the time budget of {self.seconds:g} s for the document is spent",
                step.relation.start,
            )
        if step.lhs is None:
            raise _NotChecked("a row starting with '=' continues nothing", step.relation.start)
        if step.kind not in ("eq", "definition"):
            raise _NotChecked(f"'{step.kind}' is not an equality", step.relation.start)
        if not base.lhs or not base.rhs:
            raise _NotChecked("one side of '=' is empty", step.relation.start)
        key = (step.lhs.start, step.rhs.start)
        if key in self.definitions:
            return replace(base, status="definition", summary=self.definitions[key])
        sides = [self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)]
        try:
            with time_limit(STEP_SECONDS):
                judged = self.batch.judge(*sides) if self.batch is not None else None
                if judged is None and (self.shift is not None or "\\max" in "".join(sides)):
                    judged = shifts.judge(*sides, self.shift)
        except OutOfTime:
            raise _NotChecked(
                "too large: a matrix or max-shift step", step.relation.start
            ) from None
        if judged is not None:
            return replace(base, status=judged[0], summary=judged[1])
        texts = self._texts(step)
        shapes = mismatch(*texts, layout=self.reader.layout)
        if shapes is not None:
            raise _NotChecked(shapes, step.relation.start)
        try:
            written_out = entries(*texts, self.reader.layout)
        except Unreadable as exc:
            raise _NotChecked(exc.reason, step.relation.start) from None
        if written_out is not None:
            return self._entries(step, base, written_out)
        self.meanings.used.clear()
        try:
            # reading takes derivatives (\partial^9 L / \partial o_i^9): bounded like judging
            with time_limit(min(STEP_SECONDS, max(self.deadline - time.perf_counter(), 0.01))):
                if texts == sides:
                    lhs, rhs = self.read(step.lhs), self.read(step.rhs)
                else:  # plain-letter vectors written bold: an error is placed at its side's start
                    lhs = self.read_written(texts[0], step.lhs.start)
                    rhs = self.read_written(texts[1], step.rhs.start)
        except OutOfTime:
            raise _NotChecked(
                f"too large: not read within {STEP_SECONDS:g} s", step.relation.start
            ) from None
        example = self._example(step.lhs.start)
        if (
            example
            and (lhs.atoms(sympy.Indexed) or rhs.atoms(sympy.Indexed))
            and not any(
                is_index(s) and s.name not in self.meanings.parameters
                for s in lhs.free_symbols | rhs.free_symbols
            )
        ):
            point: tuple[int, dict, str] | None = self._example_point(step, example)
        else:
            point = None
        for total, one in ((lhs, rhs), (rhs, lhs)):
            name = _total_of(total)
            if one == 1 and name is not None and name not in self.meanings.table:
                stated = SUM_TO_ONE if name == "y" else f"Σ_k {name}_k = 1"
                return replace(base, status="hypothesis", summary=f"hypothesis {stated}")
        size = _tree_size(lhs, MAX_STEP_TREE) + _tree_size(rhs, MAX_STEP_TREE)
        if size > MAX_STEP_TREE:
            raise _NotChecked(
                f"too large: more than {MAX_STEP_TREE} terms once read", step.relation.start
            )
        # the names not read: a step before a definition's section is judged without it
        unread = frozenset(self.meanings.unreadable)
        memo = (base.lhs, base.rhs, step.condition, variant, point and point[2], unread)
        seconds = min(STEP_SECONDS, max(self.deadline - time.perf_counter(), 0.01))
        try:
            if memo not in self.cache:
                with time_limit(seconds):
                    checks = judge(
                        lhs,
                        rhs,
                        self.meanings,
                        step.condition,
                        self.hypothesis_stated,
                        point[0] if point else self.n,
                        point[1] if point else None,
                    )
                self.cache[memo] = (
                    checks,
                    tuple(self.meanings.defaults()),
                    frozenset(self.meanings.used),
                )
        except OutOfTime:
            reason = (
                f"too large: not decided within {STEP_SECONDS:g} s"
                if seconds >= STEP_SECONDS
                else f"the time budget of {self.seconds:g} s for the document is spent"
            )
            raise _NotChecked(reason, step.relation.start) from None
        except (Unreadable, SymsoftError) as exc:
            raise _NotChecked(str(exc), step.relation.start) from None
        except (RecursionError, ValueError, TypeError, ArithmeticError, NotImplementedError) as exc:
            raise _NotChecked(
                f"SymPy could not handle it ({type(exc).__name__})", step.relation.start
            ) from None
        checks, defaults, used = self.cache[memo]
        self.meanings.used |= used
        result = _summarized(base, checks, self.hypothesis_stated, self.n)
        result = _rounded(result)
        if point and result.status in ("holds", "holds only", "fails"):
            result = replace(result, summary=f"{result.summary} at the worked example ({point[2]})")
        if (
            result.status == "holds"
            and self.caveat == LOG_CAVEAT
            and (
                any("log" in side or "\\lg" in side for side in sides)
                or any(
                    name in self.meanings.table and self.meanings.table[name].value.has(sympy.log)
                    for name in used
                )
            )
        ):
            # "every logarithm is to base 2": holding with natural logarithms proves nothing
            return _ambiguous(result, "it holds with natural logarithms; " + self.caveat)
        if (
            result.status in ("holds", "holds only", "fails")
            and self._writes_index_zero
            and any("\\sum" in side or "∑" in side for side in sides)
        ):
            # a sum from 1 to N in a text that counts from 0 (p_0 written elsewhere) may leave
            # out a class, or add one, the author's sums do not
            return _ambiguous(
                result,
                "the text writes an index 0, so its sums may not run from 1 to N as they are "
                "read here",
            )
        if (
            result.flagged
            and _from_zero(lhs, rhs)
            and (
                any("\\sum" in side or "∑" in side for side in sides)
                or self._fits_from_zero(step, lhs, rhs, point) is not False
            )
        ):
            # "class 0 is the background class": the document's sums may run from 0, the
            # meanings read here run them from 1
            return _ambiguous(
                result,
                "the step writes index 0, and the text does not say its sums run from 1 as they "
                "are read here",
            )
        if (
            point
            and result.status == "holds"
            and self._fits_from_zero(step, lhs, rhs, point) is False
        ):
            # true from 1, false from 0: undecided once another step of the example fits only 0
            self.holds_from_one[self.text.place(step.relation.start)] = point[2]
        if point and result.flagged and self._fits_from_zero(step, lhs, rhs, point):
            self.fits_from_zero.add(point[2])
            return _ambiguous(
                result,
                "with the example's entries counted from 0 (its first entry the index 0) the "
                "step is not refuted, and the text does not say where indices start",
            )
        if result.flagged and result.status in ("holds only", "fails"):
            result = self._case_of_the_prose(step, result, lhs, rhs)
        # a flag is a statement about the author's mistake: it must not rest on a meaning the
        # author never gave
        written = {name_of(e) for e in (lhs.atoms(sympy.Indexed) | rhs.atoms(sympy.Indexed))}
        free = sorted(written & self.meanings.unstated_leaves)
        prose = self.text.slice(0, len(self.text.chars))
        described = [
            m.latex
            for m in defaults
            if m.name and re.search(_DESCRIBED.format(re.escape(m.name)), prose)
        ]
        if described and result.status in ("holds", "holds only") and not result.flagged:
            # "where $Z$ is the sum of $e^{2 a_k}$": the text says what Z is in words this
            # reader does not read, so a step that holds by the default Z proves nothing
            return _ambiguous(
                result, f"only if {'; '.join(described)}, which the text describes otherwise"
            )
        return _unstated(
            result,
            [meaning.latex for meaning in defaults]
            + [f"{name} is a free variable" for name in free],
        )

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
        seconds = min(STEP_SECONDS, max(self.deadline - time.perf_counter(), 0.01))
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
        everything = self.text.slice(0, len(self.text.chars))
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

    def _in_every_meaning(
        self, step: Step, base: StepResult, counted: int, names: list[str]
    ) -> StepResult:
        """A step that uses a name the document defines more than once: the verdict under the
        definition in force (the last one before the step, else the first), flagged only if
        the step also fails under every other definition of the name."""
        assert step.lhs is not None
        if len(names) > 1:
            raise _NotChecked(
                f"{', '.join(names)} are each defined more than once", step.relation.start
            )
        (name,) = names
        ordered = self.scopes[name]
        in_force = max(
            (d for d in ordered if d[0] <= step.lhs.start), key=lambda d: d[0], default=ordered[0]
        )
        verdicts = {
            position: self._judged_with(step, base, counted, meaning, variant=position)
            for position, meaning in ordered
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

    def _case_of_the_prose(
        self, step: Step, result: StepResult, lhs: sympy.Expr, rhs: sympy.Expr
    ) -> StepResult:
        """A step true in one index case is flagged only when nothing around it speaks of cases:
        prose announces cases in too many ways ("on the diagonal", "when they differ", a case
        named after the display) to be sure which one a step is meant for.  Likewise a step
        that fails in the case read from the prose, but holds in another, is ambiguous."""
        after = self.text.original[step.rhs.end : step.rhs.end + 80] if step.rhs else ""
        if _UNDER_A_LABEL.match(after):
            return _ambiguous(
                result, "it is written under a label's value ('where y_i = 1'), not applied here"
            )
        nearby = self.nearby.get(step.display, "")
        claims = list(EVERY_CASE.finditer(nearby))
        # the claim of every case holds unless a case is named after it ("… we can write the
        # quotient rule. On the diagonal it gives")
        every = bool(claims) and not CASE_WORDS.search(nearby, claims[-1].end())
        if (
            result.status == "holds only"
            and step.condition is None
            and CASE_WORDS.search(nearby)
            and not every
        ):
            return _ambiguous(result, "the text around it speaks of index cases")
        if result.status == "holds only" and step.condition is None and not every:
            diagonal = self._diagonal_before(step, result)
            if diagonal:
                return _ambiguous(
                    result,
                    f"the document derives the diagonal {diagonal} before it, so a derivative "
                    "written with two letters may be meant for the other entries only",
                )
        prose = self.from_prose.get(step.display)
        if result.status == "fails" and prose is not None and step.condition == prose:
            try:
                other = judge(lhs, rhs, self.meanings, None, self.hypothesis_stated, self.n)
            except (Unreadable, SymsoftError):
                return result
            if any(case.verdict.status == "proved" for case in other):
                return _ambiguous(result, f"it holds in another case than {prose}, read from prose")
        return result

    def _diagonal_before(self, step: Step, result: StepResult) -> str:
        """``\\frac{\\partial \\hat{y}_j}{\\partial z_j}`` derived earlier, then
        ``\\frac{\\partial \\hat{y}_j}{\\partial z_c}`` up to a step that holds only when
        c ≠ j: the text has split the cases by writing them (the diagonal with one letter, the
        rest with two), so the step is meant for c ≠ j. The diagonal derivative, or ""."""
        held = [c.case for c in result.cases if c.verdict.status == "proved"]
        if len(held) != 1 or not _UNEQUAL_CASE.fullmatch(held[0]):
            return ""
        letters = set(_UNEQUAL_CASE.fullmatch(held[0]).groups())
        before = self.text.slice(0, step.relation.start)
        diagonals = [m for m in _DERIVATIVE_OF_ENTRY.finditer(before) if len(set(_letters(m))) == 1]
        for diagonal in diagonals:
            names = (_squeezed(diagonal.group(1)), _squeezed(diagonal.group(4)))
            for later in _DERIVATIVE_OF_ENTRY.finditer(before, diagonal.end()):
                if (_squeezed(later.group(1)), _squeezed(later.group(4))) == names and set(
                    _letters(later)
                ) == letters:
                    return " ".join(diagonal.group().split())
        return ""

    def _in_every_reading(self, step: Step, result: StepResult, counted: int) -> StepResult:
        """A flag on a step with a Jacobian or a transpose stands only if the step also fails
        (or does not fit) in the other layout (row: the variable) and in the row-vector
        convention, which the document may be using."""
        assert step.lhs is not None
        texts = self._texts(step)
        if not result.flagged:
            return result
        for reading in readings(*texts)[1:]:
            other = self._in_layout(reading)
            try:
                alternative = other._judge(step, replace(result, cases=()), counted)
            except _NotChecked as exc:
                if SHAPES in exc.reason:
                    continue  # the shapes do not fit: not the author's reading
                alternative = None
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
        return result

    def _entries(
        self, step: Step, base: StepResult, each: list[tuple[str, str, str, int]]
    ) -> StepResult:
        """A step with a matrix written out: every entry judged at its size."""
        checks: list[CaseCheck] = []
        defaults: set[Meaning] = set()
        sizes = sorted({size for *_, size in each})
        for name, left, right, size in each:
            self.meanings.used.clear()
            try:
                lhs, rhs = self.reader.expression(left), self.reader.expression(right)
                cases = judge(lhs, rhs, self.meanings, step.condition, self.hypothesis_stated, size)
            except (Unreadable, SymsoftError) as exc:
                raise _NotChecked(f"{name}: {exc}", step.relation.start) from None
            except (RecursionError, ValueError, TypeError, ArithmeticError) as exc:
                reason = f"{name}: SymPy could not handle it ({type(exc).__name__})"
                raise _NotChecked(reason, step.relation.start) from None
            defaults |= set(self.meanings.defaults())
            checks += [replace(case, case=name) for case in cases]
        refuted = tuple(c for c in checks if c.verdict.status == "refuted")
        at = sizes[0] if len(sizes) == 1 else None
        result = _summarized(base, refuted[:1] or tuple(checks), self.hypothesis_stated, at)
        if at is None and result.status == "holds":  # a matrix written with dots
            shown = ", ".join(map(str, sizes))
            result = replace(result, summary=f"{result.summary} at N = {shown} (entries shown)")
        return _unstated(result, sorted(meaning.latex for meaning in defaults))


_INDEX_ZERO = re.compile(
    r"(?<![\\a-zA-Z])[a-zA-Z]\s*\}?\s*_\s*(?:\{\s*0\s*\}|0(?![\d.]))"
    r"|(?:\\sum|∑)\s*_\s*\{\s*[a-z]\s*=\s*0\s*\}"
)
_INDEXED = re.compile(r"(?<![\\a-zA-Z])([a-zA-Z])\s*_")
_LONE_LETTER = re.compile(r"(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])")
_NAME_OR_PRODUCT = re.compile(r"ambiguous '([A-Za-z])([A-Za-z])': one name or a product\?")


def _product_of_names(exc: Unreadable, written: str, lone: frozenset[str]) -> int | None:
    """Where to write ``pu`` apart when ``p`` and ``u`` are both names the document writes on
    their own (math.SE: ``-pu + \\log(1 + e^u)``): a product, as nobody names a third thing by
    two letters already in use."""
    found = _NAME_OR_PRODUCT.match(exc.reason)
    if found is None or not {found.group(1), found.group(2)} <= lone:
        return None
    pos = exc.pos
    if written[pos - 1 : pos + 1] != found.group(1) + found.group(2):
        return None
    return pos


_OTHER_READING = {
    "denominator": "a Jacobian's rows the variable",
    "numerator row": "vectors as rows",
    "denominator row": "vectors as rows and a Jacobian's rows the variable",
}


_CLOSERS = re.compile(r"\\\]|\\end\s*\{[^{}]*\}|</script>|[\s>$]")  # what ends a display


def _tree_size(expr: sympy.Basic, limit: int) -> int:
    """Nodes of ``expr``, counted up to ``limit + 1``."""
    count = 0
    for _ in sympy.preorder_traversal(expr):
        count += 1
        if count > limit:
            break
    return count


def _unstated(result: StepResult, defaults: list[str]) -> StepResult:
    """A flag that rests on default meanings the document never states is ambiguous."""
    if not (result.flagged and defaults):
        return result
    return replace(
        result,
        status="not checked",
        summary=f"not checked: ambiguous: {result.summary} if {'; '.join(defaults)}, "
        "which the document does not state",
        hypothesis_stated=True,
    )


def _ambiguous(result: StepResult, why: str) -> StepResult:
    return replace(
        result,
        status="not checked",
        summary=f"not checked: ambiguous: {result.summary}; {why}",
        hypothesis_stated=True,
    )


_OPERAND_AMBIGUITY = re.compile(
    r"a script on the operand|does the derivative apply to more than|cannot tell what the "
    r"derivative operator applies to"
)


def _uses(written: str, name: str) -> bool:
    """Whether ``written`` writes the name (``theta`` also as ``\\theta``)."""
    return bool(re.search(rf"(?<![a-zA-Z]){re.escape(name)}(?![a-zA-Z])", written))


def _raise(exc: Exception) -> NoReturn:
    raise exc


_DECIMAL = re.compile(r"\s*-?\s*\d*\.(\d+)\s*")  # 0.665: a value written to three digits


def _rounded(result: StepResult) -> StepResult:
    """A step that fails at a point only because one side is the other rounded to the digits
    written (``s_3 = 0.665`` where s_3 = 0.66524…): the author means ≈, so it is no flag."""
    sides = result.counterexample
    if result.status != "fails" or sides is None or sides.point:
        return result
    for written, value, other in (
        (result.lhs, sides.lhs_float, sides.rhs_float),
        (result.rhs, sides.rhs_float, sides.lhs_float),
    ):
        decimal = _DECIMAL.fullmatch(written)
        digits = len(decimal.group(1)) if decimal else 0
        if decimal and abs(value - other) <= 0.5 * 10**-digits * (1 + 1e-9):
            return replace(
                result,
                status="not checked",
                summary=f"not checked: ambiguous: {written.strip()} is {other:.{digits + 3}g} "
                "rounded to the digits written (≈, not =)",
            )
    return result


# \frac{\partial \hat{y}_j}{\partial z_c}: a derivative of an entry by an entry, one letter each
_ENTRY_OF = r"\\partial\s*((?:[^{}]|\{[^{}]*\})*?)\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*"
_DERIVATIVE_OF_ENTRY = re.compile(rf"\\frac\s*\{{\s*{_ENTRY_OF}\}}\s*\{{\s*{_ENTRY_OF}\}}")
_UNEQUAL_CASE = re.compile(r"([a-z]) ≠ ([a-z])")


def _squeezed(name: str) -> str:
    return "".join(name.split())


def _letters(match: re.Match[str]) -> tuple[str, str]:
    """The index letters of a derivative ``_DERIVATIVE_OF_ENTRY`` matched: (numerator's,
    denominator's)."""
    return match.group(2) or match.group(3), match.group(5) or match.group(6)


# "L = -\log p_i \text{ where } y_i = 1": the step is taken at that value of a label
_UNDER_A_LABEL = re.compile(
    r"\s*\\text\s*\{\s*(?:where|with)\s*\}\s*[A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*[01]"
)
_PARAMETER_REMARK = re.compile(  # "For $T = 1$ this is …", "with $\epsilon = 0$"
    r"\b(?:for|when|if|at|with|setting|taking)\s+\$\s*(T|\\(?:tau|epsilon|varepsilon|alpha|"
    r"beta|gamma|eta|lambda))\s*=\s*(\d+(?:\.\d+)?)\s*\$",
    re.IGNORECASE,
)
_GREEK = {"\\varepsilon": "epsilon"} | {
    f"\\{g}": g for g in ("tau", "epsilon", "alpha", "beta", "gamma", "eta", "lambda")
}
_UNDECIDED = re.compile(r"too large|time budget|more than \d+ steps")


def _from_zero(*sides: sympy.Expr) -> bool:
    """Whether a side writes an index 0 (``p_0``, ``\\sum_{i=0}``), outside the range 1..N."""
    for side in sides:
        if any(i.is_Integer and i <= 0 for e in side.atoms(sympy.Indexed) for i in e.indices):
            return True
        if any(
            low.is_Integer and low <= 0
            for total in side.atoms(sympy.Sum)
            for _, low, _ in total.limits
        ):
            return True
    return False


def _section_sizes(before: str) -> set[int]:
    """The sizes stated in the section that ends with ``before`` (since its last heading)."""
    headings = list(HEADING.finditer(before))
    return stated_sizes(before[headings[-1].end() :] if headings else before)


_FROM_ZERO = re.compile(  # "we index classes from zero", "0-based", "indices start at 0"
    r"\b(?:zero|0)[- ]based\b|\b(?:index(?:ed|es|ing)?|count(?:ed|ing)?|number(?:ed|ing)?)\s+"
    r"(?:[a-z]+\s+){0,2}from\s+(?:zero|0)\b|\bstart(?:s|ing)?\s+(?:at|from)\s+(?:zero|0)\b",
    re.IGNORECASE,
)
_DESCRIBED = (  # "$Z$ is the sum of …", not "$s$ is the softmax activation" (the default itself)
    r"\$\s*{}\s*\$\s*(?:is|denotes|stands\s+for|means|represents)\s+(?:the|a)\b"
    r"(?![^.$]*(?:softmax|partition|normali[sz]))"
)
_REMARK = re.compile(r"\b(?:for|when|if|at)\s*\$*\s*$", re.IGNORECASE)  # for $T = 1$ …
_ENTRY_KEY = re.compile(r"[A-Za-z]+_\d+$")  # z_3: an entry a worked example gives


class _NotChecked(Exception):
    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


def _normalized(judging: _Judging, steps: list[Step]) -> set[str]:
    """The names the document states to sum to one in a display (``\\sum_j^C \\hat y_j = 1``)."""
    names = set()
    for step in steps:
        if step.lhs is None or "sum" not in judging.text.slice(step.lhs.start, step.lhs.end):
            continue
        if judging.text.slice(step.rhs.start, step.rhs.end).strip(" .,") != "1":
            continue
        try:
            name = _total_of(judging.read(step.lhs))
        except _NotChecked:
            continue
        if name is not None and name not in judging.meanings.table:
            names.add(name)
    return names


def _total_of(expr: sympy.Expr) -> str | None:
    """``X`` when ``expr`` is ``Σ_k X_k`` over every class, else None."""
    if (
        isinstance(expr, sympy.Sum)
        and len(expr.limits) == 1
        and expr.limits[0][1] == 1
        and isinstance(expr.function, sympy.Indexed)
        and expr.function.indices == (expr.limits[0][0],)
    ):
        return str(expr.function.base.label)
    return None


_ROW_VECTORS = re.compile(  # "we use row vectors", "vectors are rows", "as row vectors"
    r"\b(?:(?:use|using|uses|as|are|treat\w*|write|written)\s+(?:them\s+as\s+)?row[- ]vectors?"
    r"|vectors\s+(?:are|as)\s+rows)\b",
    re.IGNORECASE,
)


def _summarized(
    base: StepResult, cases: tuple[CaseCheck, ...], stated: bool, n: int | None
) -> StepResult:
    base = replace(base, cases=cases)
    if not cases:
        return replace(base, status="holds", summary="holds (no index case applies)")
    proved = [c.case for c in cases if c.verdict.status == "proved"]
    refuted = [c.case for c in cases if c.verdict.status == "refuted"]
    unknown = [c for c in cases if c.verdict.status == "unknown"]
    hypothesis = SUM_TO_ONE if any(c.hypothesis for c in cases) else None
    given = f" given {hypothesis}" if hypothesis and proved else ""
    at = f" at N = {n}" if n is not None else ""
    only_case = len(cases) == 1 and cases[0].case.startswith(("every", "always"))
    condition = f" when {cases[0].case}" if base.condition and not only_case else ""
    if refuted and not proved:
        where = "" if only_case or len(refuted) > 1 or condition else f" when {refuted[0]}"
        return replace(base, status="fails", summary=f"fails{condition or where}{at}")
    if refuted:
        summary = f"holds only when {' or '.join(proved)}{at} (fails when {', '.join(refuted)})"
        return replace(base, status="holds only", summary=summary, hypothesis=hypothesis)
    if unknown:
        reason = unknown[0].verdict.reason
        return replace(base, status="unknown", summary=f"undecided ({unknown[0].case}): {reason}")
    if hypothesis and not stated:
        summary = f"uses {SUM_TO_ONE}, which the document does not state"
        return replace(
            base, status="holds", summary=summary, hypothesis=hypothesis, hypothesis_stated=False
        )
    return replace(
        base, status="holds", summary=f"holds{condition}{at}{given}", hypothesis=hypothesis
    )


def check_document(
    source: str | Path,
    n: int | None = None,
    define: tuple[str, ...] | list[str] = (),
    conventions: bool = False,
    timeout: float = DEFAULT_SECONDS,
) -> DocumentResult:
    """Check every step of the derivation in a Markdown or LaTeX document (a path or its text).

    Without ``n`` each step is proved for every N (with a counterexample at a concrete N for
    each index case that fails); with ``n`` it is checked at that size.  ``define`` overrides
    the meaning of a name, e.g. ``"S_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}"``.

    ``conventions``: the standard meanings (``S = softmax(a)``, ``p = softmax(o)``, ``L``, ``Z``)
    count as stated, as in the claim language; otherwise a flag that rests on a meaning the
    document never states is reported "not checked: ambiguous".

    ``timeout``: seconds for judging the whole document; the steps after it are "not checked".
    One step may take at most ``STEP_SECONDS`` (then it is "not checked: too large").

    >>> text = "Softmax $S_i = e^{a_i} / \\\\sum_k e^{a_k}$.\\n\\n"
    >>> result = check_document(text + "$$\\\\frac{\\\\partial S_i}{\\\\partial a_j} = -S_i S_j$$")
    >>> result.steps[0].summary
    'holds only when i ≠ j (fails when i = j)'
    >>> result.summary
    '1 step: 0 hold, 1 hold only when i ≠ j, 0 fail'
    """
    began = time.perf_counter()
    text, name, latex = _load(source)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"{name} has {len(text)} characters; at most {MAX_DOCUMENT_CHARS}")
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 64):
        raise InputError(f"N must be an integer from 1 to 64, got {n!r}")
    if not timeout > 0:
        raise InputError(f"the time budget must be a positive number of seconds, got {timeout!r}")
    document = Text.of(text)
    if latex:
        blank_tex_comments(document)
    else:
        blank_markdown_code(document)
    spell_accented_entries(document)  # \hat{y_i} is \hat{y}_i
    name_sum_shorthand(document)  # "$\sum$ stands for $\sum_k e^{a_k}$": Σ is a name
    spell_sigma_entries(document)  # \sigma(A_i) = \frac{e^{A_i}}{…}: σ(A_k) is σ_k
    displays = find_displays(document)
    if n is None:
        n = fixed_size(document)
    rename_loss(document, displays)
    drop_fixed_row(document, displays)  # S_{i,j}, z_{i,l} with the row i fixed: S_j, z_l
    label = label_index(document, displays)  # L_i = -log p_{y_i}: the correct class as an index
    label = label or named_class(document)  # "the loss for target class $c$": L = -log s_c
    drop_arguments(document, displays)  # s(\mathbf x)_i defined: later s(\mathbf x)_i is s_i
    steps: list[Step] = []
    problems: list[StepResult] = []
    chain, previous_end = Chain(), 0
    section_case: Relation | None = None
    stepless: list[Display] = []
    nearby: dict[int, str] = {}
    from_prose: dict[int, Relation] = {}
    for display in displays:
        prose = document.slice(previous_end, display.start)
        if display.problem:
            line, column = document.place(display.start)
            summary = f"not checked: {display.problem} (column {column})"
            problems.append(
                StepResult(line, column, display.number, 1, "", "", "not checked", summary)
            )
            previous_end = display.body.end
            continue
        announced = prose_condition(prose)
        headings = [h.group() for h in HEADING.finditer(prose)]
        if headings:
            # "**Case 2: $i \neq k$**" then two displays with nothing between them: the second is
            # in the heading's case too (a sentence between them may well leave it)
            section_case = prose_condition(headings[-1])
        elif _CLOSERS.sub("", prose):
            section_case = None
        elif announced is None:
            announced = section_case
        if (
            announced is not None
            and chain.condition is not None
            and announced != chain.condition
            and chain.root is not None
        ):  # "If i ≠ j, $$ = … $$" after the case i = j: the chain goes on from before the cases
            chain.last = chain.root
        if prose.strip() and (CASE_WORDS.search(prose) or HEADING.search(prose)):
            chain.condition = None  # a display continuing the chain stays in its case otherwise
        if announced is not None:
            from_prose[display.number] = announced
        # the prose around it (a display right after another, with nothing between them, is
        # led in by the same words: "the diagonal entries are $$A$$ $$B$$"), and the words
        # inside it (\text{on the diagonal})
        led = prose if _CLOSERS.sub("", prose) else nearby.get(display.number - 1, "")
        nearby[display.number] = (
            led
            + " "
            + " ".join(
                _TEXT_IN_MATH.findall(document.original[display.body.start : display.body.end])
            )
        )
        if display.number - 1 in nearby:  # "$$ … $$ when $i = j$, and": the sentence goes on
            nearby[display.number - 1] += " " + continuation(prose)
        found = steps_of(document, display, chain, announced)
        lead = found[0].lhs if found else None
        if lead is not None and lead.start < display.body.start and display.number - 1 in nearby:
            # "$$ = … $$" continuing the chain of the display before: the words that led into
            # the chain ("for incorrect class $j$") speak of its cases too
            nearby[display.number] = nearby[display.number - 1] + " " + nearby[display.number]
        steps += _expanded_cases(document, found)
        if not found:
            stepless.append(display)
        previous_end = display.body.end
    problems += _stepless(document, stepless, steps)
    everything = document.slice(0, len(text))
    stated = "y" in stated_normalized(everything)
    meanings, definitions, listed, redefined = meanings_of(
        document, steps, define, everything, conventions, nearby, label
    )
    batch = batch_of(
        [
            (
                (s.lhs.start, s.rhs.start),
                document.slice(s.lhs.start, s.lhs.end),
                document.slice(s.rhs.start, s.rhs.end),
            )
            for s in steps
            if s.lhs is not None
        ],
        everything,
    )
    if batch is not None:
        definitions.update(
            {key: "definition (softmax regression on a batch)" for key in batch.definitions}
        )
    if label:
        listed.append((f"{label} = the correct class (written as a subscript y_i)", "the text"))
    judging = _Judging(
        document,
        meanings,
        stated,
        n,
        definitions,
        seconds=timeout,
        began=began,
        nearby=nearby,
        from_prose=from_prose,
        batch=batch,
        shift=shifts.shifted(everything),
        rows=bool(_ROW_VECTORS.search(everything)),
    )
    tail = document.slice(previous_end, len(text))
    if displays and displays[-1].number in nearby:
        nearby[displays[-1].number] += " " + continuation(tail)
    displayed = _normalized(judging, steps)
    judging.hypothesis_stated = stated = stated or "y" in displayed
    if stated:
        meanings.unstated_leaves.discard("y")  # Σ_j y_j = 1 said: y are the labels
    if "y" not in meanings.table and correct_class_named(everything):
        meanings.unstated_leaves.add("y")  # "the correct class is k": y is one-hot at k
    meanings.normalized |= displayed - {"y"}
    meanings.normalized |= normalized_in_words(everything, meanings) - {"y"}
    meanings.stated_sizes |= stated_sizes(everything)
    judging.caveat = caveat_of(everything)
    judging.hedge = hedged_normalized(everything)
    judging.hedged = stated_normalized(everything, hedged=True)
    judging.constrained = constraints_of(everything)
    judging.scopes = scopes_of(document, redefined, meanings, stated, n, definitions)
    results = [judging.step(step, number) for number, step in enumerate(steps, start=1)]
    results = [
        _ambiguous(
            r,
            "another step of this worked example fits only indices counted from 0, and counted "
            "from 0 this one fails",
        )
        if r.status == "holds"
        and judging.holds_from_one.get((r.line, r.column)) in judging.fits_from_zero
        else r
        for r in results
    ]
    results = sorted(results + problems, key=lambda r: (r.display, r.step, r.line))
    return DocumentResult(
        source=name,
        steps=tuple(results),
        meanings=tuple(listed),
        hypothesis_stated=stated,
        n=n,
        seconds=round(time.perf_counter() - began, 3),
        displays=len(displays),
    )


def _stepless(text: Text, displays: list[Display], steps: list[Step]) -> list[StepResult]:
    """A "not checked" line for each display that gives no step, with the reason: a group never
    closed (``\\frac{\\partial S_i}{\\partial a_j = …``), or no relation at all (unless a later
    display continues it: ``$$ A $$ … $$ = B $$``)."""
    continued = {step.lhs.start for step in steps if step.lhs is not None}
    out = []
    for display in displays:
        body = display.body
        if not text.slice(body.start, body.end).strip() or any(
            body.start <= start <= body.end for start in continued
        ):
            continue
        unclosed = unclosed_group(text, body)
        if unclosed is not None:
            line, column = text.place(unclosed[1])
            summary = f"not checked: '{unclosed[0]}' is never closed (column {column})"
        else:
            line, column = text.place(body.start)
            where = "at the top level of" if "=" in text.slice(body.start, body.end) else "in"
            summary = f"not checked: no '=' {where} the display (column {column})"
        out.append(StepResult(line, column, display.number, 1, "", "", "not checked", summary))
    return out


def _expanded_cases(text: Text, steps: list[Step]) -> list[Step]:
    """A step whose right side is a ``cases`` block becomes one step per case."""
    out: list[Step] = []
    numbers: dict[int, int] = {}
    for step in steps:
        written = text.slice(step.rhs.start, step.rhs.end)
        rows = cases_block(text, step.rhs) if "\\begin" in written else None
        cases = (
            [(step.rhs, step.condition, step.definition_candidate)]
            if rows is None
            else [(span, relation, False) for span, relation in rows]
        )
        for span, relation, candidate in cases:
            numbers[step.display] = numbers.get(step.display, 0) + 1
            out.append(
                replace(
                    step,
                    step=numbers[step.display],
                    rhs=span,
                    condition=relation,
                    definition_candidate=candidate,
                )
            )
    return out


_TEXT_IN_MATH = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{([^{}]*)\}")
