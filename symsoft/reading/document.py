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

import json
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal

import sympy

from symsoft.errors import InputError, SymsoftError
from symsoft.reading.displays import (
    Chain,
    Span,
    Step,
    Text,
    blank_markdown_code,
    blank_tex_comments,
    cases_block,
    find_displays,
    parse_relation,
    rename_loss,
    rename_outputs,
    steps_of,
)
from symsoft.reading.latex import index_symbol
from symsoft.reading.sides import Reader
from symsoft.reading.steps import (
    SUM_TO_ONE,
    CaseCheck,
    Meaning,
    Meanings,
    Relation,
    Unreadable,
    describe,
    is_index,
    judge,
    partition_meaning,
)
from symsoft.results import Counterexample

StepStatus = Literal[
    "holds", "holds only", "fails", "unknown", "not checked", "definition", "hypothesis"
]
MAX_STEPS = 5_000
"""Steps judged in one document; later ones are reported "not checked"."""
MAX_DOCUMENT_CHARS = 5_000_000
MAX_SECONDS = 300.0
"""Time spent judging one document; later steps are reported "not checked"."""


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


# ---------------------------------------------------------------- the document


_HYPOTHESIS = re.compile(
    r"sums?\s+(?:up\s+)?to\s+(?:one|1)\b|one[- ]?hot|probability\s+(?:distribution|vector)"
    r"|\\sum_\{?\s*[a-z](?:\s*=\s*1)?\s*\}?(?:\^\{?\s*[A-Za-z]\s*\}?)?\s*y_\{?\s*[a-z]\s*\}?\s*=\s*1",
    re.IGNORECASE,
)
_GENERAL_WORDS = re.compile(
    r"\b(?:general|both|combin\w*|every|all|any|together|regardless|either|whether)\b",
    re.IGNORECASE,
)
_INLINE_MATH = re.compile(r"(?<![\\$])\$([^$\n]+)\$(?!\$)|\\\((.+?)\\\)")
_NAME = re.compile(r"\s*([A-Za-z])\s*(?:_\s*(?:\{\s*([a-z])\s*\}|([a-z])))?\s*")
_DEFINABLE = frozenset("SpLZzx")
_STANDARD_LEAVES = {"S": {"a"}, "p": {"o"}, "L": {"y", "o"}}


_HEADING = re.compile(
    r"^\s{0,3}#+[^\n]*$|\\(?:sub)*section\*?\{[^{}\n]*\}|\\paragraph\{[^{}\n]*\}"
    r"|^\s*\*\*[^\n]*\*\*\s*$",
    re.MULTILINE,
)


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

    def __post_init__(self) -> None:
        self.reader = Reader(self.meanings)
        self.deadline = time.perf_counter() + MAX_SECONDS

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
            return self._judge(step, base, counted)
        except _NotChecked as exc:
            where = self.text.place(exc.pos)
            shown = (
                f"column {where[1]}" if where[0] == line else f"line {where[0]}, column {where[1]}"
            )
            return replace(base, summary=f"not checked: {exc.reason} ({shown})")

    def _judge(self, step: Step, base: StepResult, counted: int) -> StepResult:
        if counted > MAX_STEPS:
            raise _NotChecked(f"more than {MAX_STEPS} steps in the document", step.relation.start)
        if time.perf_counter() > self.deadline:
            raise _NotChecked(f"the time budget of {MAX_SECONDS:g} s is spent", step.relation.start)
        if step.lhs is None:
            raise _NotChecked("a row starting with '=' continues nothing", step.relation.start)
        if step.kind not in ("eq", "definition"):
            raise _NotChecked(f"'{step.kind}' is not an equality", step.relation.start)
        if not base.lhs or not base.rhs:
            raise _NotChecked("one side of '=' is empty", step.relation.start)
        key = (step.lhs.start, step.rhs.start)
        if key in self.definitions:
            return replace(base, status="definition", summary=self.definitions[key])
        lhs, rhs = self.read(step.lhs), self.read(step.rhs)
        if _is_target_total(lhs) and rhs == 1 or _is_target_total(rhs) and lhs == 1:
            return replace(base, status="hypothesis", summary=f"hypothesis {SUM_TO_ONE}")
        memo = (base.lhs, base.rhs, step.condition)
        try:
            if memo not in self.cache:
                self.cache[memo] = judge(
                    lhs, rhs, self.meanings, step.condition, self.hypothesis_stated, self.n
                )
        except (Unreadable, SymsoftError) as exc:
            raise _NotChecked(str(exc), step.relation.start) from None
        except (RecursionError, ValueError, TypeError, ArithmeticError, NotImplementedError) as exc:
            raise _NotChecked(
                f"SymPy could not handle it ({type(exc).__name__})", step.relation.start
            ) from None
        return _summarized(base, self.cache[memo], self.hypothesis_stated, self.n)


class _NotChecked(Exception):
    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


def _is_target_total(expr: sympy.Expr) -> bool:
    return (
        isinstance(expr, sympy.Sum)
        and len(expr.limits) == 1
        and expr.limits[0][1] == 1
        and isinstance(expr.function, sympy.Indexed)
        and str(expr.function.base.label) == "y"
        and expr.function.indices == (expr.limits[0][0],)
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
    only_case = len(cases) == 1 and cases[0].case.startswith("every")
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
    source: str | Path, n: int | None = None, define: tuple[str, ...] | list[str] = ()
) -> DocumentResult:
    """Check every step of the derivation in a Markdown or LaTeX document (a path or its text).

    Without ``n`` each step is proved for every N (with a counterexample at a concrete N for
    each index case that fails); with ``n`` it is checked at that size.  ``define`` overrides
    the meaning of a name, e.g. ``"S_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}"``.

    >>> result = check_document("$$\\\\frac{\\\\partial S_i}{\\\\partial a_j} = -S_i S_j$$")
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
    document = Text.of(text)
    if latex:
        blank_tex_comments(document)
    else:
        blank_markdown_code(document)
    displays = find_displays(document)
    rename_loss(document, displays)
    renamed = rename_outputs(document, displays)
    steps: list[Step] = []
    problems: list[StepResult] = []
    chain, previous_end = Chain(), 0
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
        if prose.strip():
            chain.condition = None
        found = steps_of(document, display, chain, _prose_condition(prose))
        steps += _expanded_cases(document, found)
        previous_end = display.body.end
    everything = document.slice(0, len(text))
    stated = bool(_HYPOTHESIS.search(everything))
    meanings, definitions, listed = _meanings(document, steps, define, everything)
    listed = [
        *listed,
        *((f"{written} \\text{{ read as }} {letter}", "a renaming") for written, letter in renamed),
    ]
    judging = _Judging(document, meanings, stated, n, definitions)
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
    text: Text, steps: list[Step], define: tuple[str, ...] | list[str], prose: str
) -> tuple[Meanings, dict[tuple[int, int], str], list[tuple[str, str]]]:
    """The meaning of every name: ``--define``, then the document's definitions, then the
    standard meanings.  Returns the table, the steps taken as definitions, and a listing."""
    meanings = Meanings.standard()
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
    definitions: dict[tuple[int, int], str] = {}
    considered: set[str] = set()
    candidates: list[tuple[str, str, str, tuple[int, int] | None, int]] = []
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
    for match in _INLINE_MATH.finditer(prose):
        written = match.group(1) or match.group(2)
        lhs, equals, rhs = written.partition("=")
        if equals and _NAME.fullmatch(lhs) and "=" not in rhs:
            line, _ = text.place(match.start())
            candidates.append((lhs, rhs, f"line {line}", None, match.start()))
    candidates.sort(key=lambda candidate: candidate[-1])
    for lhs, rhs, where, key, _ in candidates:
        name_match = _NAME.fullmatch(lhs)
        if name_match is None or name_match.group(1) not in _DEFINABLE:
            continue
        name = name_match.group(1)
        if name in overridden or name in considered:
            continue
        considered.add(name)  # the first definition of a name is the one
        meaning = _definition(lhs, rhs, meanings, where)
        if isinstance(meaning, str):
            continue  # judged as an ordinary step, which reports the problem
        standard = _STANDARD_LEAVES.get(name)
        if standard is not None and _leaves(meaning.value, meanings) <= standard | {"y"}:
            continue  # a definition in the standard variables: checked against the standard
        meanings.table[name] = meaning
        meanings.leaves |= _leaves(meaning.value, meanings)
        if key is not None:
            definitions[key] = f"definition of {lhs.strip()}"
    everything = text.slice(0, len(text.chars))
    if re.search(r"\^\s*\{?\s*K\b", everything) and not re.search(r"\^\s*\{?\s*N\b", everything):
        meanings.size = index_symbol("K")  # the classes are counted by K
    if "Z" not in meanings.table:
        uses = {x for x in "ao" if re.search(rf"(?<![a-zA-Z\\]){x}_", everything)}
        if len(uses) == 1:
            meanings.table["Z"] = partition_meaning(uses.pop())
    listed = [(m.latex, m.source) for m in meanings.table.values()]
    return meanings, definitions, listed


def _definition(lhs: str, rhs: str, meanings: Meanings, where: str) -> Meaning | str:
    """``lhs := rhs`` as a meaning, or the reason it is not one."""
    name_match = _NAME.fullmatch(lhs)
    if name_match is None:
        return f"{lhs.strip()!r} is not a name with at most one index"
    name, index = name_match.group(1), name_match.group(2) or name_match.group(3)
    try:
        value = Reader(meanings).expression(rhs)
    except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
        return str(exc)
    free = {s.name for s in value.free_symbols if is_index(s)}
    if free != ({index} if index else set()):
        return f"the indices of {lhs.strip()} and of its definition differ"
    from symsoft.reading.steps import fresh_bounds

    symbol = sympy.Symbol(index, integer=True, positive=True) if index else None
    return Meaning(
        name, symbol, fresh_bounds(value), where, f"{lhs.strip()} = {' '.join(rhs.split())}"
    )


def _leaves(value: sympy.Expr, meanings: Meanings) -> set[str]:
    try:
        expanded = meanings.expand(value)
    except Unreadable:
        return set()
    names = {str(e.base.label) for e in expanded.atoms(sympy.Indexed)}
    return names | {s.name for s in expanded.free_symbols if s.name in ("z", "x")}
