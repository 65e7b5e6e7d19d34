"""Check every step of a derivation written in a Markdown or LaTeX document.

``check_document(path_or_text)`` finds the display math (``$$ … $$``, ``\\[ … \\]``,
``equation``, ``align``, ``gather``, ``split`` …, never inside Markdown code), cuts each display
into rows and each row into a chain ``A = B = C`` of steps ``(A, B), (B, C)``, and judges every
step with :mod:`symsoft.steps`: for every N, per index case, with a concrete counterexample for
each case that fails.  What cannot be read is a step "not checked" with the reason and the
column, never skipped.  Every transformation of the text keeps its length (decorations are
blanked, not deleted), so each offset is the offset in the file.
"""

from __future__ import annotations

import bisect
import json
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal

import sympy

from .errors import InputError, SymsoftError
from .results import Counterexample
from .steps import (
    SUM_TO_ONE,
    CaseCheck,
    Meaning,
    Meanings,
    Reader,
    Relation,
    Unreadable,
    describe,
    is_index,
    judge,
    partition_meaning,
)

StepStatus = Literal[
    "holds", "holds only", "fails", "unknown", "not checked", "definition", "hypothesis"
]
MAX_STEPS = 5_000
"""Steps judged in one document; later ones are reported "not checked"."""
MAX_DOCUMENT_CHARS = 5_000_000


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


# ---------------------------------------------------------------- finding the displays


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass
class _Text:
    """The document with every non-mathematical decoration blanked (same length)."""

    original: str
    chars: list[str]
    line_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Text:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(text, list(text), starts)

    def blank(self, start: int, end: int) -> None:
        for pos in range(start, end):
            if self.chars[pos] != "\n":
                self.chars[pos] = " "

    def slice(self, start: int, end: int) -> str:
        return "".join(self.chars[start:end])

    def place(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_ENVIRONMENTS = "equation|align|gather|multline|flalign|eqnarray|displaymath"
_OPENING = re.compile(
    rf"(?<!\\)\$\$|(?<!\\)\\\[|\\begin\s*\{{\s*({_ENVIRONMENTS})(\*?)\s*\}}"
)


def _blank_markdown_code(text: _Text) -> None:
    source = text.original
    pos = 0
    while (fence := _FENCE.search(source, pos)) is not None:
        marker = fence.group(1)
        closing = re.compile(rf"^ {{0,3}}{marker[0]}{{{len(marker)},}}\s*$", re.MULTILINE)
        line_end = source.find("\n", fence.end())
        after = len(source) if line_end < 0 else line_end
        close = closing.search(source, after)
        end = len(source) if close is None else close.end()
        text.blank(fence.start(), end)
        pos = end
    blanked = text.slice(0, len(source))
    for match in _INLINE_CODE.finditer(blanked):
        if "\n\n" not in match.group():
            text.blank(match.start(), match.end())
    for match in _HTML_COMMENT.finditer(text.slice(0, len(source))):
        text.blank(match.start(), match.end())


@dataclass(frozen=True)
class _Display:
    number: int
    start: int  # of the opening delimiter
    body: _Span
    problem: str = ""


def _displays(text: _Text) -> list[_Display]:
    source = text.slice(0, len(text.chars))
    found: list[_Display] = []
    pos = 0
    while (opening := _OPENING.search(source, pos)) is not None:
        number = len(found) + 1
        if opening.group(1):
            name = opening.group(1) + re.escape(opening.group(2))
            closer = re.compile(rf"\\end\s*\{{\s*{name}\s*\}}")
        else:
            closer = re.compile(r"(?<!\\)\$\$" if opening.group() == "$$" else r"(?<!\\)\\\]")
        close = closer.search(source, opening.end())
        if close is None:
            problem = f"display {opening.group()!r} is never closed"
            found.append(_Display(number, opening.start(), _Span(opening.end(), opening.end()), problem))
            pos = opening.end()
            continue
        found.append(_Display(number, opening.start(), _Span(opening.end(), close.start())))
        pos = close.end()
    return found


# ---------------------------------------------------------------- decorations


_DROPPED = re.compile(
    r"\\(?:label|tag\*?|eqref|hspace\*?|vspace\*?|phantom|hphantom|vphantom)\s*\{[^{}]*\}"
    r"|\\(?:nonumber|notag|displaystyle|textstyle|scriptstyle|qedhere|allowbreak|mkern\s*-?\d+mu)"
    r"(?![a-zA-Z])"
    r"|\\(?:begin|end)\s*\{\s*(?:aligned|alignedat|split|gathered|align\*?|equation\*?)\s*\}"
    r"(?:\{\d+\})?"
)
_COLOUR = re.compile(r"\\(?:color|textcolor)\s*\{[^{}]*\}\s*|\\(?:boxed|cancelto\{[^{}]*\})\s*")
_BRACE_KEEPERS = re.compile(r"\\(?:underbrace|overbrace|underset\s*\{[^{}]*\}|overset\s*\{[^{}]*\})\s*")


def _blank_decorations(text: _Text, span: _Span) -> None:
    """Blank what carries no mathematics: labels, tags, colours, braces' annotations."""
    body = text.slice(span.start, span.end)
    for match in _DROPPED.finditer(body):
        text.blank(span.start + match.start(), span.start + match.end())
    body = text.slice(span.start, span.end)
    for match in _COLOUR.finditer(body):
        group = span.start + match.end()
        if text.chars[group] == "{" and match.group().startswith(("\\textcolor", "\\boxed")) or (
            text.chars[group] == "{" and match.group().startswith("\\color")
        ):
            end = _group_end(text, group)
            if end > 0:
                text.blank(span.start + match.start(), group + 1)
                text.blank(end - 1, end)
                continue
        if match.group().startswith("\\color"):
            text.blank(span.start + match.start(), span.start + match.end())
    body = text.slice(span.start, span.end)
    for match in _BRACE_KEEPERS.finditer(body):
        group = span.start + match.end()
        if group >= len(text.chars) or text.chars[group] != "{":
            continue
        end = _group_end(text, group)
        if end < 0:
            continue
        text.blank(span.start + match.start(), group + 1)
        text.blank(end - 1, end)
        script = re.match(r"\s*[_^]\s*", text.slice(end, span.end))
        if script and match.group().startswith(("\\underbrace", "\\overbrace")):
            after = end + script.end()
            if after < span.end and text.chars[after] == "{":
                last = _group_end(text, after)
                if last > 0:
                    text.blank(end, last)
            elif after < span.end:
                text.blank(end, after + 1)


def _group_end(text: _Text, start: int) -> int:
    depth = 0
    pos = start
    while pos < len(text.chars):
        char = text.chars[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return -1


# ---------------------------------------------------------------- rows, chains and steps


_RELATION = re.compile(
    r"(?P<eq>:=|=:|\\coloneqq|\\eqqcolon|\\triangleq|\\equiv|\\stackrel\s*\{[^{}]*\}\s*\{\s*=\s*\}"
    r"|\\overset\s*\{[^{}]*\}\s*\{\s*=\s*\}|=)"
    r"|(?P<other>\\approx|\\propto|\\simeq|\\sim|\\leq?|\\geq?|<|>|\\implies|\\Rightarrow"
    r"|\\Longrightarrow|\\iff|\\Leftrightarrow|\\to|\\rightarrow)(?![a-zA-Z])"
)
_ENV = re.compile(r"\\(begin|end)\s*\{[^{}]*\}")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_INDEX_RELATION = re.compile(
    r"(?<![A-Za-z\\_^])([i-n])\s*(=|\\neq|\\ne(?![a-zA-Z])|≠|!=|\\not\s*=)\s*([i-n])(?![A-Za-z_])"
)
_CONDITION_TAIL = re.compile(
    r"(?:\\quad|\\qquad|,|;|\\text\s*\{\s*(?:if|for|when)\b[^{}]*\}|\()"
    r"(?:[^=\\]|\\(?:text|mathrm|textrm|quad|qquad|left|right|neq?|,|;)(?![a-zA-Z])|=)*$"
)
_ANNOTATION = re.compile(
    r"(?:\\quad|\\qquad|\\hfill)\s*(?:\\text\s*\{[^{}]*\}|\(\s*\\text\s*\{[^{}]*\}\s*\))[\s.,;]*$"
)


def _top_level(text: str) -> list[int]:
    """For each character, 0 if it lies outside every group and environment, else > 0."""
    depth, levels, pos = 0, [0] * len(text), 0
    while pos < len(text):
        env = _ENV.match(text, pos)
        if env:
            depth += 1 if env.group(1) == "begin" else -1
            for k in range(pos, env.end()):
                levels[k] = 1
            pos = env.end()
            continue
        char = text[pos]
        if char == "\\" and pos + 1 < len(text):
            opens = text[pos + 1] in "{(["
            closes = text[pos + 1] in "})]"
            levels[pos] = levels[pos + 1] = depth + (1 if opens or closes else 0)
            pos += 2
            continue
        if char in "{([":
            depth += 1
        levels[pos] = depth
        if char in "})]":
            depth -= 1
            levels[pos] = depth + 1
        pos += 1
    return levels


def _rows(text: _Text, span: _Span) -> list[_Span]:
    body = text.slice(span.start, span.end)
    levels = _top_level(body)
    rows, start = [], 0
    for match in _ROW_BREAK.finditer(body):
        if levels[match.start()] == 0:
            rows.append(_Span(span.start + start, span.start + match.start()))
            text.blank(span.start + match.start(), span.start + match.end())
            start = match.end()
    rows.append(_Span(span.start + start, span.end))
    return rows


@dataclass(frozen=True)
class _Step:
    display: int
    step: int
    lhs: _Span | None  # None: a row or display that starts with '=' but continues nothing
    rhs: _Span
    relation: _Span
    kind: str  # "eq", "definition", or the other relation written
    condition: Relation | None
    definition_candidate: bool = False


def _relation_of(match: re.Match[str], row_condition: Relation | None) -> str:
    if match.group("other"):
        return match.group("other")
    return "eq" if match.group("eq") == "=" else "definition"


def _parse_relation(text: str) -> Relation | None:
    found = {
        (m.group(1), m.group(2) == "=", m.group(3))
        for m in _INDEX_RELATION.finditer(text)
        if m.group(1) != m.group(3)
    }
    normal = {(min(a, b), eq, max(a, b)) for a, eq, b in found}
    if len(normal) != 1:
        return None
    left, equal, right = normal.pop()
    return Relation(left, equal, right)


def _row_condition(text: _Text, row: _Span) -> Relation | None:
    """A condition at the end of a row (``\\quad i \\neq j``, ``(\\text{if } i = j)``), blanked."""
    body = text.slice(row.start, row.end)
    annotation = _ANNOTATION.search(body)
    if annotation and not _INDEX_RELATION.search(annotation.group()):
        text.blank(row.start + annotation.start(), row.end)
        return None
    levels = _top_level(body)
    for match in _CONDITION_TAIL.finditer(body):
        if levels[match.start()] != 0 and not match.group().startswith("("):
            continue
        tail = match.group()
        relation = _parse_relation(tail)
        before = body[: match.start()]
        if relation is None or "=" not in before.replace("\\neq", ""):
            continue
        cleaned = _INDEX_RELATION.sub("", tail)
        cleaned = re.sub(r"\\(?:text|mathrm|textrm)\s*\{[^{}]*\}|\\(?:quad|qquad|left|right)|[,;().\s$]", "", cleaned)
        if cleaned:
            continue
        text.blank(row.start + match.start(), row.end)
        return relation
    return None


@dataclass
class _Chain:
    last: _Span | None = None
    condition: Relation | None = None


_SEPARATOR = re.compile(
    r"(?:,\s*)?(?:\\qquad|\\quad|\\text\s*\{\s*(?:and|or|where|with|so|thus|hence|since)\s*\})"
    r"(?:\s*\\text\s*\{\s*(?:and|or|where|with|so|thus|hence|since)\s*\})?\s*"
)


def _segments(body: str, levels: list[int]) -> list[tuple[int, int]]:
    """A row cut where ``\\quad`` or ``\\text{and}`` separates two equations."""
    relations = [m.start() for m in _RELATION.finditer(body) if levels[m.start()] == 0]
    cuts, start = [], 0
    for match in _SEPARATOR.finditer(body):
        if levels[match.start()] != 0:
            continue
        before = [r for r in relations if start <= r < match.start()]
        after = [r for r in relations if r >= match.end()]
        if before and after and body[match.end() : after[0]].strip():
            cuts.append((start, match.start()))
            start = match.end()
    return [*cuts, (start, len(body))]


def _steps(text: _Text, display: _Display, chain: _Chain, prose: Relation | None) -> list[_Step]:
    """The steps of one display; ``chain`` carries the previous side across rows and displays."""
    _blank_decorations(text, display.body)
    steps: list[_Step] = []
    for row in _rows(text, display.body):
        if not text.slice(row.start, row.end).strip():
            continue
        row_condition = _row_condition(text, row) or prose
        body = text.slice(row.start, row.end)
        levels = _top_level(body)
        for pos, char in enumerate(body):
            if char == "&" and levels[pos] == 0:
                text.blank(row.start + pos, row.start + pos + 1)
        indent = re.match(r"(?:\s|\\q?quad(?![a-zA-Z])|\\hfill(?![a-zA-Z]))*", text.slice(row.start, row.end))
        if indent:
            text.blank(row.start, row.start + indent.end())
        for start, end in _segments(text.slice(row.start, row.end), levels):
            segment = _Span(row.start + start, row.start + end)
            _chain_steps(text, display, segment, levels[start:end], row_condition, chain, steps)
    return steps


def _chain_steps(
    text: _Text,
    display: _Display,
    segment: _Span,
    levels: list[int],
    condition: Relation | None,
    chain: _Chain,
    steps: list[_Step],
) -> None:
    body = text.slice(segment.start, segment.end)
    relations = [m for m in _RELATION.finditer(body) if levels[m.start()] == 0]
    sides, pos = [], 0
    for match in relations:
        sides.append(_Span(segment.start + pos, segment.start + match.start()))
        pos = match.end()
    sides.append(_Span(segment.start + pos, segment.end))
    sides = [_trimmed(text, s) for s in sides]
    if not relations:  # an expression alone, or the rest of the previous row's expression
        if steps and chain.last is steps[-1].rhs and steps[-1].display == display.number:
            chain.last = _Span(chain.last.start, sides[0].end)
            steps[-1] = replace(steps[-1], rhs=chain.last)
        else:
            chain.last, chain.condition = sides[0], condition
        return
    left: _Span | None = sides[0]
    fresh = bool(text.slice(sides[0].start, sides[0].end).strip())
    if not fresh:
        left = chain.last
        condition = condition or chain.condition
    for number, match in enumerate(relations):
        right = sides[number + 1]
        relation = _Span(segment.start + match.start(), segment.start + match.end())
        kind = _relation_of(match, condition)
        first = fresh and number == 0
        steps.append(_Step(display.number, len(steps) + 1, left, right, relation, kind, condition, first))
        left = right
    chain.last, chain.condition = left, condition


def _trimmed(text: _Text, span: _Span) -> _Span:
    body = text.slice(span.start, span.end)
    stripped = body.rstrip()
    stripped = re.sub(r"(?:\s*[.,;]|\\[,;!: ]|\\q?quad)+$", "", stripped)
    start = len(body) - len(body.lstrip())
    return _Span(span.start + min(start, len(stripped)), span.start + len(stripped))


def _cases_block(text: _Text, span: _Span) -> list[tuple[_Span, Relation | None]] | None:
    """The rows of a right side that is a ``cases`` block, each with its condition."""
    body = text.slice(span.start, span.end)
    match = re.fullmatch(
        r"\s*(?:\\left\s*\\\{\s*)?\\begin\s*\{\s*cases\s*\}(.*)\\end\s*\{\s*cases\s*\}"
        r"(?:\s*\\right\s*\.)?\s*",
        body,
        re.DOTALL,
    )
    if match is None:
        return None
    inner_start = span.start + match.start(1)
    inner = match.group(1)
    levels = _top_level(inner)
    rows, start = [], 0
    breaks = [m for m in _ROW_BREAK.finditer(inner) if levels[m.start()] == 0]
    for piece in [*breaks, None]:
        end = piece.start() if piece else len(inner)
        if inner[start:end].strip():
            rows.append((start, end))
        start = piece.end() if piece else end
    out: list[tuple[_Span, Relation | None]] = []
    conditions: list[Relation | None] = []
    for start, end in rows:
        row = inner[start:end]
        amp = [p for p, c in enumerate(row) if c == "&" and levels[start + p] == 0]
        if len(amp) != 1:
            return [(_Span(inner_start + start, inner_start + end), None)] if False else None
        condition_text = row[amp[0] + 1 :]
        relation = _parse_relation(condition_text)
        if relation is None and re.search(r"otherwise|else", condition_text):
            if len(rows) == 2 and conditions and conditions[0] is not None:
                first = conditions[0]
                relation = Relation(first.left, not first.equal, first.right)
        if relation is None:
            return None
        conditions.append(relation)
        expression = _trimmed(text, _Span(inner_start + start, inner_start + start + amp[0]))
        out.append((expression, relation))
    return out


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


def _prose_condition(prose: str) -> Relation | None:
    """The index case a paragraph announces ("Case i = j:"), if exactly one and not general."""
    tail = prose[-400:]
    if _GENERAL_WORDS.search(tail):
        return None
    return _parse_relation(tail)


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
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {str(path)!r}: {exc}") from exc
        latex = path.suffix == ".tex" or "\\documentclass" in text
        return text, str(path), latex
    assert isinstance(source, str)
    return source, "<text>", "\\documentclass" in source or "\\begin{document}" in source


def _side(text: _Text, span: _Span) -> str:
    return " ".join(text.slice(span.start, span.end).split())


@dataclass
class _Judging:
    text: _Text
    meanings: Meanings
    hypothesis_stated: bool
    n: int | None
    definitions: dict[tuple[int, int], str] = field(default_factory=dict)
    cache: dict[tuple, tuple[CaseCheck, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reader = Reader(self.meanings)

    def read(self, span: _Span) -> sympy.Expr:
        try:
            return self.reader.expression(self.text.slice(span.start, span.end))
        except Unreadable as exc:
            raise _NotChecked(exc.reason, span.start + exc.pos) from None

    def step(self, step: _Step, counted: int) -> StepResult:
        line, column = self.text.place(step.relation.start)
        lhs = _side(self.text, step.lhs) if step.lhs else ""
        base = StepResult(
            line, column, step.display, step.step, lhs, _side(self.text, step.rhs),
            "not checked", "", condition=str(step.condition) if step.condition else None,
        )
        try:
            return self._judge(step, base, counted)
        except _NotChecked as exc:
            where = self.text.place(exc.pos)
            shown = f"column {where[1]}" if where[0] == line else f"line {where[0]}, column {where[1]}"
            return replace(base, summary=f"not checked: {exc.reason} ({shown})")

    def _judge(self, step: _Step, base: StepResult, counted: int) -> StepResult:
        if counted > MAX_STEPS:
            raise _NotChecked(f"more than {MAX_STEPS} steps in the document", step.relation.start)
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
            raise _NotChecked(f"SymPy could not handle it ({type(exc).__name__})", step.relation.start) from None
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
        return replace(base, status="holds", summary=summary, hypothesis=hypothesis, hypothesis_stated=False)
    return replace(base, status="holds", summary=f"holds{condition}{at}{given}", hypothesis=hypothesis)


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
    document = _Text.of(text)
    if latex:
        for match in _TEX_COMMENT.finditer(text):
            document.blank(match.start(), match.end())
    else:
        _blank_markdown_code(document)
    displays = _displays(document)
    prose_text = []
    steps: list[_Step] = []
    problems: list[StepResult] = []
    chain, previous_end = _Chain(), 0
    for display in displays:
        prose = document.slice(previous_end, display.start)
        prose_text.append(prose)
        if display.problem:
            line, column = document.place(display.start)
            summary = f"not checked: {display.problem} (column {column})"
            problems.append(StepResult(line, column, display.number, 1, "", "", "not checked", summary))
            previous_end = display.body.end
            continue
        if prose.strip():
            chain.condition = None
        found = _steps(document, display, chain, _prose_condition(prose))
        steps += _expanded_cases(document, found)
        previous_end = display.body.end
    everything = document.slice(0, len(text))
    stated = bool(_HYPOTHESIS.search(everything))
    meanings, definitions, listed = _meanings(document, steps, define, "".join(prose_text))
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
    )


def _expanded_cases(text: _Text, steps: list[_Step]) -> list[_Step]:
    """A step whose right side is a ``cases`` block becomes one step per case."""
    out: list[_Step] = []
    numbers: dict[int, int] = {}
    for step in steps:
        written = text.slice(step.rhs.start, step.rhs.end)
        rows = _cases_block(text, step.rhs) if "cases" in written else None
        cases = [(step.rhs, step.condition, step.definition_candidate)] if rows is None else [
            (span, relation, False) for span, relation in rows
        ]
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
    text: _Text, steps: list[_Step], define: tuple[str, ...] | list[str], prose: str
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
    adopted: set[str] = set()
    candidates: list[tuple[str, str, str, tuple[int, int] | None]] = []
    for step in steps:
        if step.lhs is None or not (step.definition_candidate or step.kind == "definition"):
            continue
        line, _ = text.place(step.lhs.start)
        candidates.append((
            text.slice(step.lhs.start, step.lhs.end),
            text.slice(step.rhs.start, step.rhs.end),
            f"line {line}",
            (step.lhs.start, step.rhs.start),
        ))
    for match in _INLINE_MATH.finditer(prose):
        written = match.group(1) or match.group(2)
        lhs, equals, rhs = written.partition("=")
        if equals and _NAME.fullmatch(lhs) and lhs.strip()[0] in "Zzx" and "=" not in rhs:
            candidates.append((lhs, rhs, "the text", None))
    for lhs, rhs, where, key in candidates:
        name_match = _NAME.fullmatch(lhs)
        if name_match is None or name_match.group(1) not in _DEFINABLE:
            continue
        name = name_match.group(1)
        if name in overridden or name in adopted:
            continue
        meaning = _definition(lhs, rhs, meanings, where)
        if isinstance(meaning, str):
            continue  # judged as an ordinary step, which reports the problem
        standard = _STANDARD_LEAVES.get(name)
        if standard is not None and _leaves(meaning.value, meanings) <= standard | {"y"}:
            continue  # a definition in the standard variables: checked against the standard
        meanings.table[name] = meaning
        meanings.leaves |= _leaves(meaning.value, meanings)
        adopted.add(name)
        if key is not None:
            definitions[key] = f"definition of {lhs.strip()}"
    if "Z" not in meanings.table:
        everything = text.slice(0, len(text.chars))
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
    except Unreadable as exc:
        return exc.reason
    free = {s.name for s in value.free_symbols if is_index(s)}
    if free != ({index} if index else set()):
        return f"the indices of {lhs.strip()} and of its definition differ"
    from .steps import fresh_bounds

    symbol = sympy.Symbol(index, integer=True, positive=True) if index else None
    return Meaning(name, symbol, fresh_bounds(value), where, f"{lhs.strip()} = {' '.join(rhs.split())}")


def _leaves(value: sympy.Expr, meanings: Meanings) -> set[str]:
    try:
        expanded = meanings.expand(value)
    except Unreadable:
        return set()
    names = {str(e.base.label) for e in expanded.atoms(sympy.Indexed)}
    return names | {s.name for s in expanded.free_symbols if s.name in ("z", "x")}
