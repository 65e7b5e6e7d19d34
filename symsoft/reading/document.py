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
from dataclasses import asdict, dataclass, field, replace
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
    find_displays,
    parse_relation,
    rename_loss,
    steps_of,
    unclosed_group,
)
from symsoft.reading.labels import label_index
from symsoft.reading.latex import index_symbol, parse_expression
from symsoft.reading.sides import Reader
from symsoft.reading.steps import (
    SUM_TO_ONE,
    CaseCheck,
    FunctionMeaning,
    Meaning,
    Meanings,
    Relation,
    Unreadable,
    describe,
    fresh_bounds,
    is_index,
    judge,
    partition_meaning,
    softmax_meaning,
)
from symsoft.reading.vectors import SHAPES, entries, mismatch, readings
from symsoft.results import Counterexample

StepStatus = Literal[
    "holds", "holds only", "fails", "unknown", "not checked", "definition", "hypothesis"
]
MAX_STEPS = 5_000
"""Steps judged in one document; later ones are reported "not checked"."""
MAX_DOCUMENT_CHARS = 5_000_000
DEFAULT_SECONDS = 60.0
"""Time spent judging one document (``check --timeout``); later steps are "not checked"."""
STEP_SECONDS = 10.0
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
        data = asdict(self)
        data["summary"] = self.summary
        data["exit_code"] = self.exit_code
        for step, raw in zip(self.steps, data["steps"], strict=True):
            raw["flagged"] = step.flagged
        return json.dumps(data, ensure_ascii=False, indent=2)

    def _repr_html_(self) -> str:  # Jupyter shows the annotated report
        from symsoft.notebook import document_html

        return document_html(self)


# ---------------------------------------------------------------- the document


_HYPOTHESIS = re.compile(
    r"sums?\s+(?:up\s+)?to\s+\$?(?:one|1)\b|one[- ]?hot|probability\s+(?:distribution|vector)"
    r"|\bnormali[sz]ed\b|categorical\s+distribution|\|\s*_\s*\{?1\}?\s*=\s*1"
    r"|indicator\s+of\s+the\s+(?:true|correct|target)|exactly\s+one\s+nonzero"
    r"|add\s+up\s+to\s+\$?(?:one|1)\b|exactly\s+one\s+(?:entry|component|element|coordinate)"
    r"|=\s*1\$?\s+if\b[^.]{0,80}\b(?:otherwise|else)\b"
    r"|\\sum_\{?\s*[a-z](?:\s*=\s*1)?\s*\}?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*y_\{?\s*[a-z]\s*\}?\s*=\s*1"
    r"|\\mathbf\s*\{?\s*1\s*\}?\s*\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*y\s*\}?\s*=\s*1",
    re.IGNORECASE,
)
_GENERAL_WORDS = re.compile(
    r"\b(?:general|both|combin\w*|every|all|any|together|regardless|either|whether)\b",
    re.IGNORECASE,
)
_INLINE_MATH = re.compile(
    r"(?<![\\$])\$([^$\n]+)\$(?!\$)|\\\((.+?)\\\)"  # $x$ and \(x\)
    r"|(?<=[^\s$>])[ \t]*\$\$([^$\n]+)\$\$|\$\$([^$\n]+)\$\$(?=[ \t]*[^\s$])"  # kramdown's $$x$$
)
_RESERVED = frozenset({"N", "Y"})  # the size, and the reader's placeholder


_HEADING = re.compile(
    r"^\s{0,3}#+[^\n]*$|\\(?:sub)*section\*?\{[^{}\n]*\}|\\paragraph\{[^{}\n]*\}"
    r"|^\s*\*\*[^\n]*\*\*\s*$",
    re.MULTILINE,
)


_ANNOUNCED = re.compile(
    r"(?:\b(?:take|consider|assume|suppose|case|where)|(?:^|[.!?:]\s+)(?:for|if|when|in\s+the\s+case))"
    r"\b[^.!?\n]{0,12}?\$\s*[i-n]\s*"
    r"(?:=|\\neq?|\\not\s*=|≠)\s*[i-n]\s*\$",
    re.IGNORECASE,
)
_OTHER_CASE = re.compile(r"\b(?:other|otherwise|remaining|else|next|second)\b", re.IGNORECASE)


def _prose_condition(prose: str) -> Relation | None:
    """The index case announced just before a display ("If $i = j$,", "## Case i ≠ j"): in the
    last sentence when it runs on into the display (no full stop), or in the last heading;
    exactly one relation, and no word of generality ("both", "in general")."""
    text = prose.rstrip()
    places = []
    if not text.endswith((".", "!", "?")):  # the sentence runs on into the display
        places.append(re.split(r"[.!?]\s", text)[-1])
    headings = list(_HEADING.finditer(prose))
    if headings:
        places.append(headings[-1].group())
    paragraph = re.split(r"\n\s*\n", text)[-1]
    announced = _ANNOUNCED.search(paragraph)
    if announced and not _OTHER_CASE.search(paragraph):
        # "Take $i = j$ first. … so by the quotient rule": the sentence that announces it
        sentence = next((s for s in _sentences(paragraph) if announced.group() in s), paragraph)
        places.append(sentence)
    for place in places:
        if not _GENERAL_WORDS.search(place) and (relation := parse_relation(place)):
            return relation
    return None


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
    scopes: dict[str, list[tuple[int, Meaning]]] = field(default_factory=dict)  # see _scopes
    caveat: str = ""  # a convention of the whole text this reader does not apply (see _caveat)
    constrained: dict[str, str] = field(default_factory=dict)  # see _constraints
    batch: Batch | None = None  # softmax regression on a batch, when the document defines it
    shift: str | None = None  # z, when the document defines m = \max_k z_k

    def __post_init__(self) -> None:
        self.reader = Reader(self.meanings)
        self.variants: dict[tuple[int, str], Reader] = {}
        self.deadline = self.began + self.seconds

    def read(self, span: Span) -> sympy.Expr:
        try:
            return self.reader.expression(self.text.slice(span.start, span.end))
        except Unreadable as exc:
            raise _NotChecked(exc.reason, span.start + exc.pos) from None
        except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
            raise _NotChecked(f"cannot read it ({type(exc).__name__})", span.start) from None

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
                if result.flagged and self.caveat:
                    return _ambiguous(result, self.caveat)
                if result.flagged and self.constrained and result.counterexample is not None:
                    names = {
                        re.match(r"[A-Za-z]*", name).group()  # type: ignore[union-attr]
                        for name, _ in result.counterexample.point
                    }
                    for name in sorted(names & self.constrained.keys()):
                        if "{0, 1}" in self.constrained[name]:
                            binary = self._at_binary_values(step, base, counted, name)
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
        written = f"{base.lhs} {base.rhs}"
        names = sorted(
            name
            for name in self.scopes
            if re.search(rf"(?<![a-zA-Z\\]){re.escape(name)}(?![a-zA-Z])", written)
        )
        if names:
            return self._in_every_meaning(step, base, counted, names)
        return self._in_every_reading(step, self._judge(step, base, counted), counted)

    def _at_binary_values(
        self, step: Step, base: StepResult, counted: int, name: str
    ) -> StepResult | None:
        """A step about a name the text says is 0 or 1 (``y \\in \\{0, 1\\}``), judged at
        both values: it fails if it fails at one, holds if it holds at both.  None: not
        decided at one of them."""
        kept, reader = self.meanings.table.get(name), self.reader
        results: list[tuple[int, StepResult]] = []
        try:
            for value in (0, 1):
                self.meanings.table[name] = Meaning(
                    name, None, sympy.Integer(value), "the text", f"{name} = {value}"
                )
                self.reader = Reader(self.meanings, layout=reader.layout, operands=reader.operands)
                try:
                    judged = self._judge(step, base, counted, variant=-1 - value)
                    results.append((value, self._in_every_reading(step, judged, counted)))
                except _NotChecked:
                    return None
        finally:
            self.reader = reader
            if kept is None:
                self.meanings.table.pop(name, None)
            else:
                self.meanings.table[name] = kept
        for value, result in results:
            if result.flagged:
                return replace(result, summary=f"{result.summary} at {name} = {value}")
        if all(result.status == "holds" for _, result in results):
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
        shapes = mismatch(*(self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)))
        if shapes is not None:
            raise _NotChecked(shapes, step.relation.start)
        try:
            written_out = entries(
                *(self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)),
                self.reader.layout,
            )
        except Unreadable as exc:
            raise _NotChecked(exc.reason, step.relation.start) from None
        if written_out is not None:
            return self._entries(step, base, written_out)
        self.meanings.used.clear()
        lhs, rhs = self.read(step.lhs), self.read(step.rhs)
        example = self._example(step.lhs.start)
        if (
            example
            and (lhs.atoms(sympy.Indexed) or rhs.atoms(sympy.Indexed))
            and not any(
                is_index(s) and s.name not in self.meanings.parameters
                for s in lhs.free_symbols | rhs.free_symbols
            )
        ):
            raise _NotChecked(
                f"a worked example: {example} (values this reader does not substitute)",
                step.relation.start,
            )
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
        memo = (base.lhs, base.rhs, step.condition, variant)
        seconds = min(STEP_SECONDS, max(self.deadline - time.perf_counter(), 0.01))
        try:
            if memo not in self.cache:
                with time_limit(seconds):
                    checks = judge(
                        lhs, rhs, self.meanings, step.condition, self.hypothesis_stated, self.n
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
        if result.flagged and result.status in ("holds only", "fails"):
            result = self._case_of_the_prose(step, result, lhs, rhs)
        # a flag is a statement about the author's mistake: it must not rest on a meaning the
        # author never gave
        return _unstated(result, [meaning.latex for meaning in defaults])

    def _example(self, at: int) -> str:
        """The values of a worked example in force at ``at`` ("$o_1 = 0$" before it in the same
        section), named, or ""."""
        for name, given in sorted(self.meanings.examples.items(), key=lambda item: item[1]):
            if given <= at and not _HEADING.search(self.text.slice(given, at)):
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
        verdicts: dict[int, StepResult | _NotChecked] = {}
        kept, reader = self.meanings.table[name], self.reader
        try:
            for position, meaning in ordered:
                self.meanings.table[name] = meaning
                # the reader keeps what it read: one per definition
                self.reader = self.variants.setdefault(
                    (position, reader.operands), Reader(self.meanings, operands=reader.operands)
                )
                try:
                    verdicts[position] = self._in_every_reading(
                        step, self._judge(step, base, counted, variant=position), counted
                    )
                except _NotChecked as exc:
                    verdicts[position] = exc
        finally:
            self.meanings.table[name], self.reader = kept, reader
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
        nearby = self.nearby.get(step.display, "")
        if result.status == "holds only" and step.condition is None and _CASE_WORDS.search(nearby):
            return _ambiguous(result, "the text around it speaks of index cases")
        prose = self.from_prose.get(step.display)
        if result.status == "fails" and prose is not None and step.condition == prose:
            try:
                other = judge(lhs, rhs, self.meanings, None, self.hypothesis_stated, self.n)
            except (Unreadable, SymsoftError):
                return result
            if any(case.verdict.status == "proved" for case in other):
                return _ambiguous(result, f"it holds in another case than {prose}, read from prose")
        return result

    def _in_every_reading(self, step: Step, result: StepResult, counted: int) -> StepResult:
        """A flag on a step with a Jacobian or a transpose stands only if the step also fails
        (or does not fit) in the other layout (row: the variable) and in the row-vector
        convention, which the document may be using."""
        assert step.lhs is not None
        texts = [self.text.slice(s.start, s.end) for s in (step.lhs, step.rhs)]
        if not result.flagged:
            return result
        for reading in readings(*texts)[1:]:
            other = _Judging(
                self.text, self.meanings, self.hypothesis_stated, self.n, self.definitions
            )
            other.reader = Reader(self.meanings, layout=reading, operands=self.reader.operands)
            other.batch, other.shift = self.batch, self.shift
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


_OTHER_READING = {
    "denominator": "a Jacobian's rows the variable",
    "numerator row": "vectors as rows",
    "denominator row": "vectors as rows and a Jacobian's rows the variable",
}


def _tree_size(expr: sympy.Basic, limit: int) -> int:
    """Nodes of ``expr``, counted up to ``limit + 1``."""
    count = 0
    for _ in sympy.preorder_traversal(expr):
        count += 1
        if count > limit:
            break
    return count


_CASE_WORDS = re.compile(
    r"\b(?:cases?|diagonal|off[- ]diagonal|same|differ\w*|distinct|equal\w*|coincid\w*|otherwise"
    r"|separately)\b|[i-n]\s*(?:=|\\neq?|\\not\s*=|≠|!=)\s*[i-n]",
    re.IGNORECASE,
)


def _continuation(prose: str) -> str:
    """The words right after a display that continue its sentence (no blank line, lower case)."""
    text = prose.lstrip("$\\]} \t")
    if text.startswith("\n"):
        text = text[1:]
    first = re.split(r"\n\s*\n", text)[0]
    return first if first.strip()[:1].islower() else ""


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


_DEFINING = re.compile(  # words that say a definition follows: a new meaning may be given
    r"\b(?:let|define[sd]?|defin(?:ition|ing)|denotes?|write|where|now|consider|instead"
    r"|redefine|take|set|use|with|becomes?|(?:in|for)\s+the\s+rest|from\s+here|below)\b",
    re.IGNORECASE,
)
_OPERAND_AMBIGUITY = re.compile(
    r"a script on the operand|does the derivative apply to more than|cannot tell what the "
    r"derivative operator applies to"
)


def _raise(exc: Exception) -> NoReturn:
    raise exc


_UNDECIDED = re.compile(r"too large|time budget|more than \d+ steps")


class _NotChecked(Exception):
    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


_REDEFINED = re.compile(
    r"\bnow\s+(?:denotes?|means?|stands?\s+for|is|are|refers?)\b|\bin\s+this\s+section\b"
    r"|\bfrom\s+now\s+on\b|\bredefin|\binstead\s+denotes?\b|\b(?:in|for)\s+the\s+rest\s+of\b",
    re.IGNORECASE,
)
_STATED_SIZE = re.compile(r"\$\s*[NKCMn]\s*=\s*(\d{1,2})\s*\$")


_NEGATION = re.compile(
    r"\b(?:not|no|never|unlike|instead|rather\s+than|neither|nor|without|arbitrary)\b|n't",
    re.IGNORECASE,
)
_NOT_A_NEGATION = re.compile(
    r"\bnot\s+necessarily\s+[a-z-]+|\bwithout\s+loss\s+of\s+generality|\bneed\s+not\s+be\s+"
    r"[a-z-]+|\binstead\s+of\s+(?:a|an|the)?\s*[a-z-]+(?:\s+[a-z-]+)?|\bnon-?negative"
    r"|\bnonzero|\bno\s+other\b",
    re.IGNORECASE,
)
_TARGET_NOUNS = re.compile(r"\b(?:targets?|labels?|ground[- ]truth)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+|\n\s*\n", text)


def _stated_normalized(text: str) -> set[str]:
    """The names a sentence says are one-hot or sum to one, never in a negated sentence ("not
    one-hot", "unlike a probability distribution"): the name written just before the phrase
    ("$t$ is one-hot", "the $y_k$ sum to one"), the name right after "targets"/"labels" ("the
    targets $t$ are one-hot"), or ``y`` for "labels that sum to one" with no name of their own."""
    names: set[str] = set()
    for sentence in _sentences(text):
        found = _HYPOTHESIS.search(sentence) or _TOTAL_IS_ONE.search(sentence)
        # phrases with a negative word that deny nothing the hypothesis says
        plain = _NOT_A_NEGATION.sub(" ", sentence)
        if not found or _NEGATION.search(plain):
            continue
        totals = {m.group(2) for m in _TOTAL_IS_ONE.finditer(sentence)}
        totals |= {m.group(1) for m in _ONES_TOTAL.finditer(sentence)}
        if totals:  # $\sum_j y_j = 1$
            names |= totals
            continue
        subjects = set()
        for noun in _TARGET_NOUNS.finditer(sentence):  # "one-hot targets $y$", "labels that …"
            # "targets $t$", "the target distribution $t$": the name after at most two words
            words = re.compile(r"\s+(?:[a-z-]+\s+){0,2}").match(sentence, noun.end())
            after = _INLINE_MATH.match(sentence, words.end() if words else noun.end())
            subjects.add((_math_name(after) if after else None) or "")
        unnamed = "" in subjects  # "the labels are one-hot": the targets, y unless named before
        subjects.discard("")
        before = list(_INLINE_MATH.finditer(sentence[: found.start()]))
        if unnamed and before and _TARGET_NOUNS.search(sentence[before[-1].end() : found.start()]):
            subjects.add("y")  # "$L$ … with labels that sum to one": the noun is the subject
        if not subjects and before:  # "$t$ is one-hot", "the $y_k$ sum to one"
            between = sentence[before[-1].end() : found.start()]
            if re.fullmatch(r"[a-zA-Z ,-]{0,40}", between):  # plain words: "are nonnegative and"
                subjects.add(_math_name(before[-1]) or "")
                for earlier, later in zip(before[-2::-1], before[::-1], strict=False):
                    if not re.fullmatch(
                        r"\s*(?:,|and|or|,\s*and)\s*", sentence[earlier.end() : later.start()]
                    ):
                        break
                    subjects.add(_math_name(earlier) or "")  # "$a$ and $b$ are one-hot"
        if unnamed and not subjects - {""}:
            subjects.add("y")
        names |= subjects - {""}
    return names


_ONES_TOTAL = re.compile(  # \mathbf{1}^\top \mathbf{y} = 1
    r"\\mathbf\s*\{?\s*1\s*\}?\s*\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*([a-zA-Z])\s*\}?\s*=\s*1"
)
_TOTAL_IS_ONE = re.compile(
    r"\\sum_\{?\s*([a-z])(?:\s*=\s*1)?\s*\}?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*([a-zA-Z])_\{?\s*\1\s*\}?"
    r"\s*=\s*1"
)


def _math_name(match: re.Match[str]) -> str | None:
    math = next(group for group in match.groups() if group)
    named = _defined_name(re.split(r"\\in|=|,", math)[0])
    if named:
        return named[0]
    entry = _ENTRY.match(math)  # t_1, \dots, t_C: the name of the entries
    return entry.group(1) if entry else None


def _normalized_in_words(text: str, meanings: Meanings) -> set[str]:
    """Targets a sentence says are one-hot or sum to one ("the labels $t$ are one-hot"); "the
    labels are one-hot", with no name, speaks of the targets of the document's own loss."""
    names = _stated_normalized(text)
    loss = meanings.table.get("L")
    if "y" in names and loss is not None and loss.source != "standard":
        logs = [e for e in loss.value.atoms(sympy.Mul) if e.has(sympy.log)]
        names |= {
            str(factor.base.label)
            for term in logs
            for factor in term.args
            if isinstance(factor, sympy.Indexed) and str(factor.base.label) in meanings.leaves
        }
    return {name for name in names if name not in meanings.table}


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
    displays = find_displays(document)
    if n is None:
        n = _fixed_size(document)
    rename_loss(document, displays)
    label = label_index(document, displays)  # L_i = -log p_{y_i}: the correct class as an index
    drop_arguments(document, displays)  # s(\mathbf x)_i defined: later s(\mathbf x)_i is s_i
    steps: list[Step] = []
    problems: list[StepResult] = []
    chain, previous_end = Chain(), 0
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
        announced = _prose_condition(prose)
        if (
            announced is not None
            and chain.condition is not None
            and announced != chain.condition
            and chain.root is not None
        ):  # "If i ≠ j, $$ = … $$" after the case i = j: the chain goes on from before the cases
            chain.last = chain.root
        if prose.strip() and (_CASE_WORDS.search(prose) or _HEADING.search(prose)):
            chain.condition = None  # a display continuing the chain stays in its case otherwise
        if announced is not None:
            from_prose[display.number] = announced
        # the prose around it, and the words inside it (\text{on the diagonal})
        nearby[display.number] = (
            prose
            + " "
            + " ".join(
                _TEXT_IN_MATH.findall(document.original[display.body.start : display.body.end])
            )
        )
        if display.number - 1 in nearby:  # "$$ … $$ when $i = j$, and": the sentence goes on
            nearby[display.number - 1] += " " + _continuation(prose)
        found = steps_of(document, display, chain, announced)
        steps += _expanded_cases(document, found)
        if not found:
            stepless.append(display)
        previous_end = display.body.end
    problems += _stepless(document, stepless, steps)
    everything = document.slice(0, len(text))
    stated = "y" in _stated_normalized(everything)
    meanings, definitions, listed, redefined = _meanings(
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
    )
    tail = document.slice(previous_end, len(text))
    if displays and displays[-1].number in nearby:
        nearby[displays[-1].number] += " " + _continuation(tail)
    displayed = _normalized(judging, steps)
    judging.hypothesis_stated = stated = stated or "y" in displayed
    meanings.normalized |= displayed - {"y"}
    meanings.normalized |= _normalized_in_words(everything, meanings) - {"y"}
    meanings.stated_sizes |= {int(size) for size in _STATED_SIZE.findall(everything)}
    judging.caveat = _caveat(everything)
    judging.constrained = _constraints(everything)
    judging.scopes = _scopes(document, redefined, meanings, stated, n, definitions)
    results = [judging.step(step, number) for number, step in enumerate(steps, start=1)]
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


_CONVENTIONS = (
    (
        re.compile(
            r"\b(?:log(?:arithm)?s?\b[^.]{0,60}\bbase[- ]?(?:2|two|10|ten|b)\b|in\s+bits\b)"
            r"|\\log_\s*\{?\s*(?:2|10|b)\b|\\lg\b",
            re.IGNORECASE,
        ),
        "the document's logarithms are not natural ones, as they are read here",
    ),
    (
        re.compile(r"\bEinstein\b|\bsummation\s+convention\b|\brepeated\s+ind", re.I),
        "the document sums over repeated indices (a convention not applied here)",
    ),
)


_BINARY = re.compile(
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?"
    r"\\in\s*\\\{\s*0\s*,\s*1\s*\\\}"
)
_ZERO_SUM = re.compile(
    r"((?:\\sum_\s*\{?\s*[a-z]\s*(?:=\s*1)?\s*\}?(?:\^\s*\{?\s*\w+\s*\}?)?\s*[a-zA-Z]_\s*\{?\s*[a-z]\s*\}?"
    r"\s*=\s*)+)0(?![\d.])"
)


def _constraints(text: str) -> dict[str, str]:
    """Names the document constrains in ways the reader does not use (``y \\in \\{0, 1\\}``,
    ``\\sum_j z_j = 0``): a counterexample that gives them other values is no flag."""
    found: dict[str, str] = {}
    for match in _BINARY.finditer(text):
        found.setdefault(match.group(1), f"{match.group(1)} ∈ {{0, 1}}")
    for match in _ZERO_SUM.finditer(text):
        for name in re.findall(r"([a-zA-Z])_\s*\{?\s*[a-z]\s*\}?\s*=", match.group(1)):
            found.setdefault(name, f"Σ {name} = 0")
    return found


def _caveat(text: str) -> str:
    """A convention the whole document states that this reader does not apply: a flag might
    rest on reading it otherwise, so no step is flagged."""
    return next((why for pattern, why in _CONVENTIONS if pattern.search(text)), "")


def _scopes(
    text: Text,
    redefined: dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]],
    meanings: Meanings,
    stated: bool,
    n: int | None,
    definitions: dict[tuple[int, int], str],
) -> dict[str, list[tuple[int, Meaning]]]:
    """The names the document defines twice with different values ("S" the softmax in one
    section, the logistic function in the next), each with its definitions by position.  A
    later definition with the same value is a step, judged as any other; one with a new value
    is a definition, and the steps that use the name are judged under each."""
    scopes: dict[str, list[tuple[int, Meaning]]] = {}
    for name, found in redefined.items():
        if name not in meanings.table:
            continue  # not read at all (a sentence made it unreadable)
        first_at, first, _ = found[0]
        kept = [(first_at, first)]
        for position, meaning, key in found[1:]:
            if _same_meaning(first, meaning, meanings, stated, n):
                continue
            kept.append((position, meaning))
            if key is not None:
                line, _ = text.place(first_at)
                definitions[key] = (
                    f"definition of {meaning.latex.partition('=')[0].strip()} "
                    f"(a new meaning: line {line} defines it differently)"
                )
        if len(kept) > 1:
            scopes[name] = kept
    return scopes


def _same_meaning(
    first: Meaning, other: Meaning, meanings: Meanings, stated: bool, n: int | None
) -> bool:
    """Whether two definitions of one name agree (proved equal in every index case)."""
    if (first.index is None) != (other.index is None):
        return False
    index = first.index
    value = other.value if index is None else other.value.xreplace({other.index: index})
    try:
        with time_limit(STEP_SECONDS):
            checks = judge(first.value, value, meanings, None, stated, n)
    except (
        OutOfTime,
        Unreadable,
        SymsoftError,
        RecursionError,
        ValueError,
        TypeError,
        ArithmeticError,
        NotImplementedError,
    ):
        return False
    return bool(checks) and all(check.verdict.status == "proved" for check in checks)


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


def _meanings(
    text: Text,
    steps: list[Step],
    define: tuple[str, ...] | list[str],
    prose: str,
    conventions: bool = False,
    nearby: dict[int, str] | None = None,
    label: str | None = None,
) -> tuple[
    Meanings,
    dict[tuple[int, int], str],
    list[tuple[str, str]],
    dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]],
]:
    """The meaning of every name: ``--define``, then the document's definitions, then the
    standard meanings.  Returns the table, the steps taken as definitions, a listing, and the
    names defined more than once (each definition with its position and step)."""
    nearby = nearby or {}
    meanings = Meanings.standard()
    meanings.parameters |= {label} if label else set()
    meanings.macros = _macros(prose)
    overridden: set[str] = set()
    for written in define:
        lhs, equals, rhs = written.partition("=")
        if not equals:
            raise InputError(f"--define {written!r} needs the form 'S_i = …'")
        meaning = _definition(lhs, rhs, meanings, "--define")
        if isinstance(meaning, str):
            raise InputError(f"--define {written!r}: {meaning}")
        meanings.table[meaning.name] = meaning
        overridden.add(meaning.name)
    everything = text.slice(0, len(text.chars))
    bounds = set(_SUM_BOUND.findall(everything)) - {"N"}
    if len(bounds) == 1 and not re.search(r"\^\s*\{?\s*N\b", everything):
        meanings.size = index_symbol(bounds.pop())  # the classes are counted by K, or C
    definitions: dict[tuple[int, int], str] = {}
    considered: dict[str, tuple[int, Meaning]] = {}
    candidates: list[tuple[str, str, str, tuple[int, int] | None, int]] = []
    announced: set[int] = set()  # the candidates said to be definitions (a new one may differ)
    for step in steps:
        if step.lhs is None or not (step.definition_candidate or step.kind == "definition"):
            continue
        line, _ = text.place(step.lhs.start)
        candidates.append(
            (
                text.slice(step.lhs.start, step.lhs.end),
                text.slice(step.rhs.start, step.rhs.end),
                f"line {line}",
                (step.lhs.start, step.rhs.start),
                step.lhs.start,
            )
        )
        lead = nearby.get(step.display, "").rstrip()  # the sentence that leads into it
        lead = "" if lead.endswith((".", "!", "?")) else _sentences(lead)[-1]
        if step.kind == "definition" or _DEFINING.search(lead):
            announced.add(step.lhs.start)
    for match in _INLINE_MATH.finditer(prose):
        written = next(group for group in match.groups() if group)
        lhs, equals, rhs = written.partition("=")
        if (
            equals
            and not _has_top_level_equals(rhs)
            and (_defined_name(lhs) or _FUNCTION_LHS.fullmatch(lhs) or _ENTRY.fullmatch(lhs))
        ):
            line, _ = text.place(match.start())
            candidates.append((lhs, rhs, f"line {line}", None, match.start()))
            if _DEFINING.search(_sentences(prose[max(0, match.start() - 300) : match.start()])[-1]):
                announced.add(match.start())
    for match in _PROSE_DEFINITION.finditer(prose):
        name = match.group("name") or match.group("name2") or match.group("name3")
        value = match.group("value") or match.group("value2") or match.group("value3")
        if _defined_name(name) and not _has_top_level_equals(value):
            line, _ = text.place(match.start())
            candidates.append((name, value, f"line {line}", None, match.start()))
            announced.add(match.start())
    candidates.sort(key=lambda candidate: candidate[-1])
    _functions(candidates, meanings, definitions)
    variables = {_accented_name(m) for m in _VARIABLE.finditer(prose)}
    differentiated = {
        _accented_name(m)
        for m in _QUANTITY.finditer(prose)
        # in a denominator, also after another variable: {\partial x_k \, \partial x_j}
        if not re.search(r"(?:\}\s*\{|/|\\over)[^{}$]*$", prose[max(0, m.start() - 40) : m.start()])
    }
    # a name differentiated by, and never differentiated itself, is a free variable
    meanings.leaves |= (variables - differentiated) | set(_SCALAR_ARGUMENT.findall(prose))
    meanings.leaves |= set(_ANY_CONSTANT.findall(prose))
    meanings.leaves |= {a or b for a, b in _TARGET_WORDS.findall(prose)}
    stated_leaves = set(meanings.leaves)  # said to be free; later ones come from definitions
    failed: dict[str, str] = {}
    redefined: dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]] = {}
    for lhs, rhs, where, key, position in candidates:
        entry = _ENTRY.fullmatch(lhs)
        named = _defined_name(lhs)
        if (
            entry
            or (named and _VALUES.fullmatch(rhs) and not _OWN_ENTRIES.fullmatch(rhs))
            or (named and named[0] not in _SIZES and _NUMBER.fullmatch(rhs))
        ):
            # y_1 = …, o_2 = \log 3, y = (1, 0, 0): values for a worked example, which this
            # reader does not substitute; the steps with concrete indices after it are examples
            name = entry.group(1) if entry else named[0]  # type: ignore[index]
            meanings.examples.setdefault(name, position)
            continue
        if named is None or named[0] in _RESERVED:
            continue
        name = named[0]
        if name in overridden:
            continue
        if _OWN_ENTRIES.fullmatch(rhs) and re.search(rf"\b{name}_", rhs):
            continue  # o = (o_1, o_2, o_3): o is its entries, a variable
        meaning = _definition(lhs, rhs, meanings, where)
        if meaning == _SELF_REFERENCE:
            continue  # S_i = f(S_i) is an equation to judge, not a definition
        if name in considered:
            first_at = considered[name][0]
            if (
                isinstance(meaning, Meaning)
                and not meaning.slip
                and (position in announced or _HEADING.search(prose[first_at:position]))
            ):
                # a second reading of the name: the same meaning (then a step to judge) or a new
                # one, which the caller decides
                first = considered[name]
                later = redefined.setdefault(name, [(*first, None)])
                later.append((position, meaning, key))
            continue
        if isinstance(meaning, str):
            failed.setdefault(name, where)
            continue  # judged as an ordinary step, which reports the problem
        considered[name] = (position, meaning)  # the first definition that reads is the one
        meanings.table[name] = meaning
        meanings.leaves |= _leaves(meaning.value, meanings)
        if key is not None and not meaning.slip:
            definitions[key] = "definition of " + re.sub(r"\s+(?=[_^])", "", lhs.strip())
    for name, where in failed.items():
        if name not in considered and name not in variables:
            meanings.unreadable[name] = where  # what depends on it is not judged
    for sentence in _sentences(prose):
        if _REDEFINED.search(sentence) and not _ABBREVIATION.search(sentence):
            # "$y$ now denotes the label": meanings change midway (not "we write s(x) as s")
            for match in _INLINE_MATH.finditer(sentence):
                math = next(group for group in match.groups() if group)
                named = _defined_name(re.split(r"=|\\in", math)[0])
                if named is not None and named[0] in redefined:
                    continue  # its new definition reads: judged under each (see _scopes)
                if named is not None:
                    meanings.unreadable[named[0]] = "a sentence that changes its meaning"
                    meanings.table.pop(named[0], None)
    if "Z" not in meanings.table:
        uses = {x for x in "ao" if re.search(rf"(?<![a-zA-Z\\]){x}_", everything)}
        if len(uses) == 1:
            meanings.table["Z"] = partition_meaning(uses.pop())
    _stated_in_words(meanings, everything)
    free = variables - differentiated
    outputs = {
        name
        for name in differentiated - free
        if len(name) == 1
        and name not in meanings.table
        and name not in stated_leaves
        and name not in meanings.functions
        and name not in meanings.unreadable
    }
    if len(free) == 1 and len(outputs) == 1 and _SOFTMAX_WORD.search(everything):
        # "s_i, the softmax activation": the one output named in words, a default meaning
        # (flags that rest on it are reported ambiguous)
        (output,), (logits,) = outputs, free
        if output != logits:
            meanings.table[output] = softmax_meaning(output, logits)
            meanings.leaves.discard(output)
    if _SIGMA_DEFINED.search(everything):  # σ(z_i) = e^{z_i} / Σ …: the text's own σ
        meanings.unreadable["sigma"] = "the document's own definition of σ"
    if conventions:
        for name, meaning in list(meanings.table.items()):
            if meaning.source == "standard":
                meanings.table[name] = replace(meaning, source="symsoft's notation")
    listed = [(m.latex, m.source) for m in meanings.table.values()]
    return meanings, definitions, listed, redefined


_WORDS = {
    "S": (r"softmax", r"(?<![a-zA-Z\\])a_"),
    "p": (r"softmax|probabilit", r"(?<![a-zA-Z\\])o_"),
    "L": (r"cross[- ]?entropy|log[- ]?likelihood|log[- ]loss", r"(?<![a-zA-Z\\])y_"),
    "Z": (r"partition|normali[sz]", r"(?<![a-zA-Z\\])Z(?![a-zA-Z])"),
}


def _stated_in_words(meanings: Meanings, text: str) -> None:
    """A standard meaning the document states in words: ``S`` is a softmax of ``a`` when the text
    says "softmax" and writes ``a_…``; ``p`` when it speaks of a softmax or probabilities of
    ``o``; ``L`` when it names the cross-entropy of ``y`` (and p is stated).  Flags may rest on
    these; on a meaning not stated at all they may not."""
    for name, (words, letters) in _WORDS.items():
        meaning = meanings.table.get(name)
        if meaning is None or meaning.source != "standard":
            continue
        said = any(
            re.search(words, sentence, re.IGNORECASE) and not _NEGATION.search(sentence)
            for sentence in _sentences(text)
        )  # "instead of cross-entropy, our loss is …" says the opposite
        if said and re.search(letters, text):
            if name != "L" or meanings.table["p"].source != "standard":
                meanings.table[name] = replace(meaning, source="the text")


_SIGMA_DEFINED = re.compile(r"\\sigma\s*(?:\\left)?\(\s*[a-zA-Z]_[^()$]*\)\s*(?::=|=|\\coloneqq)")
_SUM_BOUND = re.compile(
    r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?\^\s*\{?\s*([A-Zn])(?![a-zA-Z])"
)


_FUNCTION_LHS = re.compile(r"\s*([a-zA-Z])\s*\(\s*([a-zA-Z])\s*\)\s*")
_APPLIED = re.compile(r"(?<![\\a-zA-Z])([a-zA-Z])\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)*\s*\(")


def _functions(
    candidates: list[tuple[str, str, str, tuple[int, int] | None, int]],
    meanings: Meanings,
    definitions: dict[tuple[int, int], str],
) -> None:
    """Function notation: ``f(x) = \\frac{g(x)}{h(x)}`` defines f; g and h, used there and
    defined nowhere with their variable, are unknown functions (the quotient rule is then
    judged as calculus, for every g and h)."""
    written: dict[str, tuple[str, str, str, tuple[int, int] | None]] = {}
    for lhs, rhs, where, key, _ in candidates:
        match = _FUNCTION_LHS.fullmatch(lhs)
        standard = meanings.table.get(match.group(1)) if match else None
        if (
            match
            and match.group(1) not in written
            and (not standard or standard.source == "standard")
        ):
            written[match.group(1)] = (match.group(2), rhs, where, key)
    if not written:
        return
    used = {name for _, rhs, _, _ in written.values() for name in _APPLIED.findall(rhs)}
    for name in sorted(used):
        variable = sympy.Symbol("x", real=True)
        if name not in meanings.table:
            meanings.functions[name] = FunctionMeaning(name, variable, None, "unknown function")
    for name, (variable_name, rhs, where, key) in written.items():
        variable = sympy.Symbol(variable_name, real=True)
        try:
            value = Reader(meanings).expression(rhs)
        except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError):
            continue
        if variable not in value.free_symbols and not any(
            f.args == (variable,) for f in value.atoms(sympy.core.function.AppliedUndef)
        ):
            continue  # g(x) = e^{a_i}: x is not in it, so g is no function of x here
        meanings.functions[name] = FunctionMeaning(name, variable, value, where)
        if name in meanings.table:  # L(u) = …: the document's own L, not the standard loss
            del meanings.table[name]
        if key is not None:
            definitions[key] = f"definition of {name}({variable_name})"


_VARIABLE = re.compile(  # what a derivative is taken by: {\partial z_i}, / \partial \mathbf{w}
    r"(?:\}\s*\{|/|\\over)\s*(?:\\partial|\\delta|d)\s*(?:\\(mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{?\s*)?"
    r"([a-zA-Z])(?![a-zA-Z])"
)


def _accented_name(match: re.Match[str]) -> str:
    accent, letter = match.groups()
    if accent in (None, "mathbf", "boldsymbol", "bm", "vec"):
        return letter
    return letter + accent


_MACRO = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\s*\\([a-zA-Z]+)\s*\}?\s*\{((?:[^{}]|\{[^{}]*\})*)\}"
    r"|\\def\s*\\([a-zA-Z]+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}"
    r"|\\DeclareMathOperator\*?\s*\{\s*\\([a-zA-Z]+)\s*\}\s*\{([^{}]*)\}"
)
_KEPT_COMMANDS = frozenset({"frac", "partial", "sum", "log", "exp", "left", "right", "cdot"})


def _macros(text: str) -> dict[str, str]:
    """The macros a document defines without arguments (a ``[1]`` marks arguments: skipped)."""
    macros = {}
    for match in _MACRO.finditer(text):
        name, body = next((g, match.group(i + 2)) for i, g in enumerate(match.groups()) if g)
        if match.group(5):
            body = f"\\operatorname{{{body}}}"
        if name not in _KEPT_COMMANDS and "#" not in body and len(body) <= 200:
            macros[name] = body
    return macros


_PROSE_DEFINITION = re.compile(  # "I write $\Sigma$ for $\sum_k e^{a_k}$", "let $Z$ be …"
    r"\b(?:write|use)\s+\$(?P<name>[^$]{1,30})\$\s+(?:for|to\s+denote)\s+(?:the\s+[a-z ]{0,30})?"
    r"\$(?P<value>[^$]+)\$"
    r"|\$(?P<name2>[^$]{1,30})\$\s+(?:denotes|stands\s+for|is\s+shorthand\s+for)\s+"
    r"(?:the\s+[a-z ]{0,30})?\$(?P<value2>[^$]+)\$"
    r"|\blet\s+\$(?P<name3>[^$]{1,30})\$\s+(?:be|denote)\s+(?:the\s+[a-z ]{0,30})?"
    r"\$(?P<value3>[^$]+)\$",
    re.IGNORECASE,
)
_TARGET_WORDS = re.compile(  # "targets $t$", "$t \in [0, 1]$ is the target": free variables
    r"\b(?:targets?|labels?)(?:\s+(?:vectors?|distributions?|class(?:es)?))?\s+"
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$"
    r"|\$\s*([a-zA-Z])\s*(?:\\in\b[^$]*)?\$\s+(?:is|are)\s+(?:the|a|an|our)?\s*(?:[a-z-]+\s+)?"
    r"(?:targets?|labels?)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(  # what is differentiated: \frac{\partial s_i}{…}, \partial s_i / …
    r"(?:\\partial|\\delta)\s*(?:\^\s*\d\s*)?"
    r"(?:\\(mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{?\s*)?([a-zA-Z])(?![a-zA-Z])"
)
_ANY_CONSTANT = re.compile(  # "for any constant $c$": a name that stands for every value
    r"\b(?:(?:for\s+(?:any|all|every|each)|any|every|arbitrary)\s+(?:real\s+)?"
    r"(?:constant|scalar|number|shift|offset|value|vector)?"
    r"|(?:upstream|incoming)\s+gradients?(?:\s+vector)?)\s*\(?\s*\$+\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$+",
    re.IGNORECASE,
)
_SCALAR_ARGUMENT = re.compile(
    r"\\(?:sigma|tanh)\s*'*\s*(?:\\left)?\(\s*([a-zA-Z])\s*(?:\\right)?\)"
)
_NUMERIC_BOUND = re.compile(r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*)?\^\s*\{?\s*(\d+)\s*\}?")


_ABBREVIATION = re.compile(r"\bwrite\b.{0,200}?\bas\b|\bshorthand\b|\bdrop\b|\bwon't\s+write\b")
_TEXT_IN_MATH = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{([^{}]*)\}")
_SIZES = frozenset({"N", "Y", "K", "C", "M", "n", "m", "d", "D"})  # K = 3 is a size, no value
_SOFTMAX_WORD = re.compile(r"\bsoft-?max", re.IGNORECASE)
_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*[.,]?\s*")  # c = 1, T = 2: an example's value
_ENTRY = re.compile(r"\s*([a-zA-Z])\s*_\s*\{?\s*\d+\s*\}?\s*")
_VALUES = re.compile(  # (1, 0, 0), [0.2, 0.7, 0.1]^T: the values of a vector's entries
    r"\s*(?:\\left)?[(\[]\s*[-+\d./\s]+(?:,\s*[-+\d./\s]+)+(?:\\right)?[)\]]"
    r"(?:\s*\^\s*(?:T|\\top|\{\s*(?:T|\\top)\s*\}))?\s*[.,]?\s*"
)
_OWN_ENTRIES = re.compile(
    r"\s*(?:\\left)?\(\s*[a-zA-Z]_\{?\w\}?\s*(?:,\s*(?:[a-zA-Z]_\{?\w+\}?|\\[lc]?dots)\s*)+"
    r"(?:\\right)?\)(?:\s*\^\s*(?:T|\\top|\{\s*(?:T|\\top)\s*\}))?\s*[.,]?\s*"
)
_TUPLE = re.compile(r"\(\s*([a-zA-Z])_\{?1\}?\s*(?:,\s*\1_\{?\d+\}?\s*)+\)")


def _tuple_sizes(text: str) -> list[str]:
    """``(o_1, o_2, o_3)``: a vector written out entry by entry fixes N = 3."""
    sizes = []
    for match in _TUPLE.finditer(text):
        indices = [int(i) for i in re.findall(r"_\{?(\d+)", match.group())]
        if indices == list(range(1, len(indices) + 1)):
            sizes.append(str(len(indices)))
    return sizes


def _fixed_size(text: Text) -> int | None:
    """The size a document fixes by summing to a number only (``\\sum_{k=1}^{3}``, and no
    ``\\sum_k^K`` anywhere): its steps are judged at that N."""
    bodies = text.slice(0, len(text.chars))
    numbers = set(_NUMERIC_BOUND.findall(bodies)) | set(_tuple_sizes(bodies))
    if len(numbers) != 1 or _SUM_BOUND.search(bodies):
        return None
    size = int(numbers.pop())
    return size if 1 <= size <= 64 else None


def _has_top_level_equals(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "{([" and 1 or -(char in "})]")
        if char == "=" and depth == 0:
            return True
    return False


@functools.lru_cache(maxsize=4096)  # a long document repeats its left sides
def _defined_name(lhs: str) -> tuple[str, str | None] | None:
    """``(name, index)`` when ``lhs`` is a name with at most one index (``S_i``, ``\\hat{y}_c``,
    ``L``), else None."""
    if len(lhs) > 80 or "\\partial" in lhs or "\\frac" in lhs:  # \sigma(\mathbf{a})_i is a name
        return None
    try:
        value = parse_expression(lhs, open_names=True)
    except SymsoftError:
        return None
    if isinstance(value, sympy.Indexed) and len(value.indices) == 1:
        index = value.indices[0]
        if is_index(index):
            return str(value.base.label), str(index)
        return None
    if isinstance(value, sympy.Symbol) and not value.is_integer:
        return value.name, None
    return None


def _definition(lhs: str, rhs: str, meanings: Meanings, where: str) -> Meaning | str:
    """``lhs := rhs`` as a meaning, or the reason it is not one."""
    named = _defined_name(lhs)
    if named is None:
        return f"{lhs.strip()!r} is not a name with at most one index"
    name, index = named
    vector = _VECTOR_SOFTMAX.fullmatch(rhs)
    if vector and index is None:  # \mathbf{p} = \mathrm{softmax}(\mathbf{o}): entry-wise
        meaning = softmax_meaning(name, vector.group(1))
        return replace(meaning, source=where, latex=f"{lhs.strip()} = {' '.join(rhs.split())}")
    try:
        value = Reader(meanings).expression(rhs)
    except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
        return str(exc)
    value = value.xreplace(meanings.sizes())
    if value.is_number and index is not None:
        return "a value of an entry (y_c = 1), not a definition of every entry"
    if name in {str(e.base.label) for e in value.atoms(sympy.Indexed)} | {
        s.name for s in value.free_symbols
    }:
        return _SELF_REFERENCE
    free = {s for s in value.free_symbols if is_index(s) and s.name not in meanings.parameters}
    symbol = sympy.Symbol(index, integer=True, positive=True) if index else None
    slip = False
    if free - {symbol}:
        (other,) = free if len(free) == 1 and symbol is not None else (None,)
        if other is None or not _is_softmax(value.xreplace({other: symbol})):
            return f"the indices of {lhs.strip()} and of its definition differ"
        # S_j = e^{a_i} / Σ_k e^{a_k}: a softmax meant, its index slipped; the step is judged
        value, slip = value.xreplace({other: symbol}), True
    return Meaning(
        name,
        symbol,
        fresh_bounds(value),
        where,
        f"{lhs.strip()} = {' '.join(rhs.split())}",
        slip,
    )


_VECTOR_SOFTMAX = re.compile(
    r"\s*(?:\\(?:text|textrm|mathrm|operatorname|textsf|mathsf)\s*\{\s*softmax\s*\}|softmax)\s*"
    r"(?:\\left)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*"
    r"(?:\\right)?\)\s*[.,]?\s*"
)


_SELF_REFERENCE = "the definition refers to the name it defines"


def _is_softmax(value: sympy.Expr) -> bool:
    """``e^{x_m} / Σ_k e^{x_k}``, the one form whose index slip has a single reading."""
    numerator, denominator = sympy.fraction(sympy.together(value))
    return (
        isinstance(numerator, sympy.exp)
        and isinstance(numerator.args[0], sympy.Indexed)
        and isinstance(denominator, sympy.Sum)
        and isinstance(denominator.function, sympy.exp)
    )


def _leaves(value: sympy.Expr, meanings: Meanings) -> set[str]:
    try:
        expanded = meanings.expand(value)
    except Unreadable:
        return set()
    names = {str(e.base.label) for e in expanded.atoms(sympy.Indexed)}
    return names | {s.name for s in expanded.free_symbols if s.name in ("z", "x")}
