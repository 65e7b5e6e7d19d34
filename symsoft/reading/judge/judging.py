"""Judging one step of a document: its sides read under the document's names, each index case
decided, worked examples put in, the verdict summarized.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import NoReturn

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.budget import OutOfTime, clock, time_limit
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.conditionals import unread_conditional
from symsoft.reading.documents.displays import display_around, find_displays
from symsoft.reading.documents.spans import Relation, Span, Text
from symsoft.reading.judge import origins, said_layouts, shifts, sum_letters, vector_softmax
from symsoft.reading.judge.alternatives import _Alternatives
from symsoft.reading.judge.class_cases import INDEXED_LETTER, _ClassCases
from symsoft.reading.judge.concrete import SUM_TO_ONE
from symsoft.reading.judge.described import described_otherwise
from symsoft.reading.judge.log_bases import other_base
from symsoft.reading.judge.names import Unreadable, free_leaves
from symsoft.reading.judge.objectives import objective
from symsoft.reading.judge.other_losses import other_loss
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.probability_values import at_probability_values
from symsoft.reading.judge.prose_cases import _ProseCases
from symsoft.reading.judge.readings import _OtherReadings
from symsoft.reading.judge.restated import restated_reason
from symsoft.reading.judge.rounding import approximated, dotted, rounded, rounding_said
from symsoft.reading.judge.row_values import at_stated_value
from symsoft.reading.judge.side_reading import _SideReading
from symsoft.reading.judge.solved import solving
from symsoft.reading.judge.steps import CaseCheck, Decided, judge
from symsoft.reading.judge.symbolic import is_index
from symsoft.reading.judge.tuples import listed
from symsoft.reading.judge.unsure import _ambiguous, _NotChecked, index_clash, matrix_unsure
from symsoft.reading.judge.verdicts import (
    _evaluated,
    _named,
    _substituted,
    _summarized,
    _total_of,
    _tree_size,
    _unapplied_totals,
    _unstated,
)
from symsoft.reading.judge.worked import _WorkedExamples
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.conventions import LOG_CAVEAT
from symsoft.reading.meaning.prose import INLINE_MATH, stated_normalized
from symsoft.reading.meaning.scopes import STEP_SECONDS, differentiated_by, names_used, read_free
from symsoft.reading.meaning.table import Meaning, Meanings
from symsoft.reading.notation.batches import Batch
from symsoft.reading.notation.coefficients import SCALAR_NAMES
from symsoft.reading.notation.data_model import DataModel
from symsoft.reading.notation.sides import Reader
from symsoft.reading.notation.vectors import (
    entries,
    mismatch,
    numbers_beside_vectors,
    one_plain_vector,
    plain_vectors,
)

MAX_STEPS = 5_000


DEFAULT_SECONDS = 60.0


MAX_STEP_TREE = 20_000


def _side(text: Text, span: Span) -> str:
    return " ".join(text.slice(span.start, span.end).split())


@dataclass
class _Judging(
    _WorkedExamples, _OtherReadings, _ProseCases, _Alternatives, _ClassCases, _SideReading
):
    text: Text
    meanings: Meanings
    hypothesis_stated: bool
    n: int | None
    definitions: dict[tuple[int, int], str] = field(default_factory=dict)
    cache: dict[tuple, tuple[CaseCheck, ...]] = field(default_factory=dict)
    seconds: float = DEFAULT_SECONDS
    began: float = field(default_factory=clock)  # CPU seconds (budget.clock)
    nearby: dict[int, str] = field(default_factory=dict)  # display → the prose around it
    leads: dict[int, str] = field(default_factory=dict)  # display → the words before it alone
    from_prose: dict[int, Relation] = field(default_factory=dict)  # display → case from prose
    chains: dict[int, int] = field(default_factory=dict)  # a side's start → its chain's start
    bodies: dict[int, Span] = field(default_factory=dict)  # display → its body
    lhs_of: dict[int, tuple[Span, str]] = field(default_factory=dict)  # rhs → lhs, at a value
    confirmed: set[int] = field(default_factory=set)  # chains that held in their case alone
    case_lhs: dict[str, int] = field(default_factory=dict)  # side → display withheld for cases
    scopes: dict[str, list[tuple[int, Meaning]]] = field(default_factory=dict)  # see scopes_of
    caveat: str = ""  # a convention of the whole text this reader does not apply (see caveat_of)
    hedge: str = ""  # a sentence that may state Σ_j y_j = 1 beside a negation (hedged_normalized)
    hedged: set[str] = field(default_factory=set)  # targets such a sentence may call normalized
    teacher: set[str] = field(default_factory=set)  # a teacher's outputs (teacher_names)
    true_targets: str = ""  # a sentence calling the targets the true class (targets_called_true)
    # examples (spelled) fitting only indices from 0; steps holding at one from 1, not from 0
    fits_from_zero: set[str] = field(default_factory=set)
    holds_from_one: dict[tuple[int, int], str] = field(default_factory=dict)
    constrained: dict[str, str] = field(default_factory=dict)  # see constraints_of
    batch: Batch | None = None  # softmax regression on a batch, when the document defines it
    data: DataModel | None = None  # a regression over a data matrix, when the document defines it
    shift: shifts.Shift | None = None  # when the document defines m = \max_k z_k
    sigma: str | None = None  # z when the document defines \sigma(\mathbf{z})_j as the softmax
    layout: frozenset[str] = frozenset()  # what the text says: rows, columns, denominator
    freed: frozenset[str] = frozenset()  # names read without their later definition

    def __post_init__(self) -> None:
        self.reader = Reader(self.meanings)
        SCALAR_NAMES.set(
            frozenset(
                name if meaning.index is None else f"{name}_"  # p_i: a number at each i
                for name, meaning in self.meanings.table.items()
                if meaning.source != "standard" and name not in self.meanings.vector_letters
            )
        )
        self.variants: dict[tuple[int, str, str], Reader] = {}
        self.deadline = self.began + self.seconds

    def _texts(self, step: Step) -> list[str]:
        """The sides of ``step``, its plain-letter vectors written bold (``J_x y``)."""
        assert step.lhs is not None
        sides = [self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)]
        plain = (self.meanings.vector_letters, self.meanings.logit_letters)
        return plain_vectors(sides, self._indexed_letters, *plain) or sides

    @functools.cached_property
    def _indexed_letters(self) -> frozenset[str]:
        """The letters the document's mathematics writes with an index (``y_i``)."""
        return frozenset(m.group(1) for piece in self._math for m in INDEXED_LETTER.finditer(piece))

    @functools.cached_property
    def _writes_index_zero(self) -> bool:
        """Whether the document's mathematics writes an index 0 (``p_0``, ``\\sum_{k=0}``)."""
        return origins.writes_index_zero(self._math, self._source)

    @functools.cached_property
    def _math(self) -> list[str]:
        source = self._source
        pieces = [source[d.body.start : d.body.end] for d in find_displays(self.text)]
        return pieces + [m.group() for m in INLINE_MATH.finditer(source)]

    def _step(self, step: Step, counted: int) -> StepResult:
        line, column = self.text.place(step.relation.start)
        self.lhs_of.setdefault(step.rhs.start, (step.lhs, "")) if step.lhs else None  # (chains)
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
        said = self.definitions.get((step.lhs.start, step.rhs.start)) if step.lhs else None
        if said and "a later step" in said:  # one of the listed meanings: a definition
            return replace(base, status="definition", summary=said)
        try:
            try:
                if why := unread_conditional(f"{lhs} {base.rhs}") or objective(lhs, base.rhs):
                    raise _NotChecked(why, step.relation.start)
                result = self._before_definitions(step, base, counted)
                result = at_stated_value(self, step, base, counted, result)
                if result.status in ("fails", "holds only", "unknown"):
                    result = self._with_inputs_free(step, base, counted) or result
                if result.status == "holds" and self.layout - {"columns"}:
                    result = said_layouts.as_said(self, step, base, counted, result)
                return other_loss(self, step, self._withheld(step, base, counted, result))
            except _NotChecked as exc:
                if not _OPERAND_AMBIGUITY.search(exc.reason):
                    raise
                return self._in_every_operand_reading(step, base, counted) or _raise(exc)
        except _NotChecked as exc:
            if other := self._read_another_way(step, base, counted):
                return other  # w^\top x as one number; (fg)' = f'g + fg' a rule of calculus
            where = self.text.place(exc.pos)
            shown = (
                f"column {where[1]}" if where[0] == line else f"line {where[0]}, column {where[1]}"
            )
            return replace(base, summary=f"not checked: {exc.reason} ({shown})")
        except Exception as exc:  # SymPy's IndexException (d y_k / d y_{b,h}) and the like:
            # one step unchecked, not the whole document unread
            reason = f"{type(exc).__name__}: {str(exc)[:80]}"
            return replace(base, summary=f"not checked: symsoft could not judge it ({reason})")

    def _verdict(self, step: Step, base: StepResult, counted: int) -> StepResult:
        """The verdict on ``step``; a name whose definition is not read is left free in a step
        of an earlier section, when nothing else the step uses is defined only after it."""
        written = f"{base.lhs} {base.rhs}"
        at = (step.lhs or step.relation).start  # "$$ = S_i $$": no left side
        earlier, loose = read_free(self.meanings, written, at, self._by)
        used = names_used(self.meanings, written)  # J by y: y defined later
        later = [name for name in used if self.meanings.defined_at.get(name, -1) > at]
        if not earlier or later:
            result = self._in_force(step, base, counted)
            twice = {name for name, found in self.scopes.items() if len(found) > 1}
            again = restated_reason(self, step, base, counted, twice, result)
            return _ambiguous(result, again) if again else result
        kept = {name: self.meanings.unreadable.pop(name) for name in earlier}
        reader = self.reader
        self.reader = self.variants.setdefault(
            (-10 - at, reader.layout, reader.operands),
            Reader(self.meanings, layout=reader.layout, operands=reader.operands),
        )
        try:
            result = self._in_force(step, base, counted)
        finally:
            self.reader = reader
            self.meanings.unreadable.update(kept)
        # free, the name may take values its definition excludes; by a name it differentiates
        # by (the Jacobian by θ, θ = Uh + b_2 later) the step speaks of every value
        around = display_around(self.text, step.relation.start)
        values = sorted(
            name
            for name in kept
            if name in loose
            or not differentiated_by(around, name)
            and not differentiated_by(written, name)
        )
        if result.flagged and values:
            names = ", ".join(f"{name} (defined at {kept[name]})" for name in values)
            return _ambiguous(
                result, f"with {names} free; the definition, not read, may restrict it"
            )
        return result

    def _judge(
        self,
        step: Step,
        base: StepResult,
        counted: int,
        variant: int | None = None,
        written: tuple[str, str] | None = None,  # an entry of a list (tuples.py)
    ) -> StepResult:
        if counted > MAX_STEPS:
            raise _NotChecked(f"more than {MAX_STEPS} steps in the document", step.relation.start)
        if clock() > self.deadline:
            raise _NotChecked(
                f"the time budget of {self.seconds:g} s for the document is spent",
                step.relation.start,
            )
        if step.lhs is None:
            raise _NotChecked("a row starting with '=' continues nothing", step.relation.start)
        if step.kind == "\\approx" and base.lhs and (judge_as := approximated(base.lhs, base.rhs)):
            return self._approximated(step, base, counted, variant, judge_as)
        if step.kind not in ("eq", "definition"):
            raise _NotChecked(f"'{step.kind}' is not an equality", step.relation.start)
        if not base.lhs or not base.rhs:
            raise _NotChecked("one side of '=' is empty", step.relation.start)
        key = (step.lhs.start, step.rhs.start)
        sides = [self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)]
        if key in self.definitions:  # restated with the max shift, it holds (shifts.restated)
            found = shifts.restated(sides, self.definitions[key], self.shift, self.sigma)
            return replace(base, status=found[0], summary=found[1])
        try:
            with time_limit(STEP_SECONDS):
                judged = self.batch.judge(*sides) if self.batch is not None else None
                if judged is None and self.data is not None:
                    judged = self.data.judge(*sides, step.lhs.start)
                if judged is None and (self.shift is not None or vector_softmax.worth(sides)):
                    judged = vector_softmax.judge(sides, self)
        except OutOfTime:
            raise _NotChecked(
                "too large: a matrix or max-shift step", step.relation.start
            ) from None
        if judged and judged[0] != "holds" and (why := matrix_unsure(self, step, judged)):
            # m = \max_k z_k under a later heading: m may be another number here (a mean)
            raise _NotChecked(f"ambiguous: {judged[1]}; {why}", step.lhs.start)
        if judged is not None and judged[0] != "not checked" and self.caveat == LOG_CAVEAT:
            # judged with natural logarithms: says nothing of the document's base-2 ones
            raise _NotChecked(f"ambiguous: {judged[1]}; {self.caveat}", step.lhs.start)
        if judged is not None:  # (a row after a display set to 0: an equation solved)
            found = replace(base, status=judged[0], summary=judged[1])
            return solving(found, sides, self._source, step.lhs.start)
        texts = list(written) if written else self._texts(step)
        each = None if written else listed(*texts, self.meanings)
        if each and (each.numeric or self._example(step.lhs.start)):  # P = [0.71, …] at one
            return self._listed(step, base, counted, variant, each)
        layout = (self.reader.entry_vectors, self.reader.layout)
        # p = σ(x) under a new heading, x a vector far above: read as a number if not as one
        numbers = texts != sides and one_plain_vector(sides, self.meanings.vector_letters)
        plain = (self.meanings.vector_letters, self.meanings.read_as_numbers)
        if texts != sides and not numbers and numbers_beside_vectors(sides, *plain):
            raise _NotChecked(
                "a letter the text made a vector is a number in a definition here",
                step.relation.start,
            )
        shapes = sum_letters.mismatched_sum(sides) or mismatch(*texts, *layout)
        if shapes and numbers:
            texts, shapes = sides, mismatch(*sides, *layout)
        if shapes is not None:
            raise _NotChecked(shapes, step.relation.start)
        try:
            written_out = entries(*texts, self.reader.layout, self.reader.entry_vectors)
        except Unreadable as exc:
            if not numbers:
                raise _NotChecked(exc.reason, step.relation.start) from None
            texts, written_out = sides, None
        if written_out is not None:
            return self._entries(step, base, written_out)
        self.meanings.used.clear()
        try:
            # reading takes derivatives (\partial^9 L / \partial o_i^9): bounded like judging
            with time_limit(min(STEP_SECONDS, max(self.deadline - clock(), 0.01))):
                try:  # plain-letter vectors written bold: an error is placed at its side's start
                    if texts == sides:
                        lhs, rhs = self.read(step.lhs), self.read(step.rhs)
                    else:
                        lhs = self.read_written(texts[0], step.lhs.start)
                        rhs = self.read_written(texts[1], step.rhs.start)
                except _NotChecked:
                    if not numbers or texts == sides:
                        raise
                    lhs, rhs = self.read(step.lhs), self.read(step.rhs)
        except OutOfTime:
            raise _NotChecked(
                f"too large: not read within {STEP_SECONDS:g} s", step.relation.start
            ) from None
        example, unsubstituted = self._example(step.lhs.start), None
        if (
            example
            and (lhs.atoms(sympy.Indexed) or rhs.atoms(sympy.Indexed))
            and not any(
                is_index(s) and s.name not in self.meanings.parameters
                for s in lhs.free_symbols | rhs.free_symbols
            )
        ):
            try:
                point: tuple[int, dict, str] | None = self._example_point(step, example)
            except _NotChecked as exc:  # values not read: a step that holds for all of them holds
                point, unsubstituted = None, exc
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
        unread = frozenset(self.meanings.unreadable)  # (fewer before a definition's section)
        # the names defined: fewer with a layer's outputs free; ``freed``: without a later one
        named = (frozenset(self.meanings.table), self.freed)
        by = (self.meanings.prime_by, self.meanings.prime_text)  # g' by the chain's (prime_heads)
        functions = frozenset(  # f redefined under a heading: the meaning in force here
            (name, f.value, f.unread) for name, f in self.meanings.functions.items()
        )
        memo = (base.lhs, base.rhs, step.condition, variant, point and point[2], unread, named, by)
        memo += (functions,)
        seconds = min(STEP_SECONDS, max(self.deadline - clock(), 0.01))
        decided = Decided() if memo not in self.cache and not point else None  # for the prose
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
                        decided,
                    )
                defaults = tuple(self.meanings.defaults())
                self.cache[memo] = (checks, defaults, frozenset(self.meanings.used))
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
        result = index_clash(result, lhs, rhs, self.meanings)  # z_b beside the bias b_j
        if unsubstituted and (result.status, result.summary) != ("holds", "holds"):
            raise unsubstituted
        scalar = result.flagged and example and not point and self._scalar_example(step, lhs, rhs)
        if scalar:
            result = self._at_scalar_example(step, base, counted)  # take x = 3: y = 9
        dots = dotted(self.text.original, (step.lhs, step.rhs))  # 10.107...: digits go on
        result = other_base(rounded(result, self.reader.expression, dots), self.reader.expression)
        result = rounding_said(result, self.text.original[: step.relation.start])  # "rounded to"
        stated = set(self.meanings.normalized) | ({"y"} if self.hypothesis_stated else set())
        result = _unapplied_totals(result, lhs, rhs, stated, self.meanings.hinted)
        if result.flagged and (valued := self._defined_given_values(step, base, counted, used)):
            return _ambiguous(result, valued)
        if not point and not scalar:  # free names set equal to decimals, or one put for another
            result = _substituted(result, lhs, rhs, self.meanings)
            result = _evaluated(result, lhs, rhs, self.meanings, self._source)
            result = solving(result, sides, self._source, step.lhs.start, (lhs, rhs), self.meanings)
            result = _named(result, lhs, rhs, self.meanings)
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
            and origins.origin_matters(sides, (lhs, rhs), self.meanings)
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
            and origins.from_zero(lhs, rhs)
            and (
                any("\\sum" in side or "∑" in side for side in sides)
                or self._fits_from_zero(step, lhs, rhs, point) is not False
            )
            and not origins.read_as_written(sides, (lhs, rhs), self.meanings)
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
        result = self._case_of_the_prose(step, result, lhs, rhs, decided)
        # a flag (a statement about the author's mistake) must not rest on a meaning not given
        free = free_leaves(sides, (lhs, rhs), used, self.meanings)
        prose = self._source
        if (described := described_otherwise(result, defaults, prose)) is not None:
            return described
        values = None if free else at_probability_values(defaults, sides, self.meanings)
        if values and set(values.split(", ")) & stated_normalized(prose):
            values = None  # "$p$ the label vector, with one-hot labels": no softmax's values
        return _unstated(
            result,
            [meaning.past or meaning.latex for meaning in defaults]
            + [f"{name} is a free variable" for name in free],
            values,
        )


_OPERAND_AMBIGUITY = lazy(
    r"a script on the operand|does the derivative apply to more than|cannot tell what the "
    r"derivative operator applies to"
)


def _raise(exc: Exception) -> NoReturn:
    raise exc
