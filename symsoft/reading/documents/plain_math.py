"""Mathematics written without delimiters in a Markdown document, read as displays.

Many posts (Medium copies, READMEs, Q&A answers without MathJax, docstrings and code comments)
write a derivation as plain lines::

    ∂BCE/∂a = (∂BCE/∂ŷ) * (∂ŷ/∂z) * (∂z/∂a)
    = - [ y/ŷ - (1-y)/(1-ŷ) ]

``translated(text)`` finds the lines that are equations by their shape (a relation sign, every
side made of math tokens only, at most a trailing clause of words, which is kept as an
annotation) and writes each as a ``$$ … $$`` display in LaTeX on the same line, so the reader
reads it as any display. A line with no relation is read when the next such line starts with
``=`` (the expression a chain starts from); a line starting with ``=`` only when the last line
with an equation before it was read. Lines keep their number; ``Reading.column`` maps a column of
the translated line back to the file. Bare ``\\begin{split}``, ``aligned`` and ``gathered`` (as
MathJax renders them in Markdown) become displays the same way.

In fenced code only comments are read (``# grad = p - y``), and only when they are equations:
the code itself is blanked, never a step; a fenced block without a language whose every line is
an equation, none a statement of code, is plain math and read whole. An indented block is read
whole when every line of it is an equation, else only its comments. Two readings of a line
(``a/bc``, ``xi``, ``e^-x+1``) give two texts; :func:`merged` makes a step whose verdict
differs between them not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from symsoft.reading.documents.plain_definitions import as_inline_math, said_definitions
from symsoft.reading.documents.plain_latex import _NotMath, latex_of
from symsoft.reading.documents.plain_tokens import tokens
from symsoft.reading.judge.outcome import DocumentResult
from symsoft.reading.lazy_regex import lazy


@dataclass
class Reading:
    """One reading of the document: its text and, per changed line, the file column of each
    character of the line (0-based)."""

    text: str
    columns: dict[int, list[int]] = field(default_factory=dict)

    def place(self, line: int, column: int) -> int:
        """The file's column (1-based) of ``column`` on ``line``."""
        spots = self.columns.get(line)
        if spots is None or not 1 <= column <= len(spots):
            return column
        return spots[column - 1] + 1


@dataclass
class Plain:
    readings: list[Reading]
    ambiguous: dict[int, list[str]]  # line → the places read two ways


_MARKER = lazy(r"^(\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?)")
_COMMENT = lazy(r"^(\s*)(#+|//)\s?")
_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_CODE_SPAN = lazy(r"`[^`\n]*`")
# a line that is one span of inline code (after a list's marker): an equation set apart
# (and a remark in words after it: "`σ'(z) = -1 * (1 + e⁻ᶻ)⁻² * (-e⁻ᶻ)` (using chain rule)")
# (or a bold label before it: "*   **Linear combination:** `z = wᵀx + b`")
_CODE_LINE = lazy(
    r"(\s*+(?:[-*+]\s++|\d+[.)]\s++)?(?:\*\*[A-Za-z][^*`$\n]{0,60}:\*\*\s++)?)`([^`$\\\n]+)`"
    r"\s*+(?:\([A-Za-z][A-Za-z ,'-]{0,60}\)\s*+)?[.,;:]?\s*+"
)
_TRAILING_COMMENT = lazy(r"\s(?:#|//)\s*(.*)$")
_WORDS = lazy(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
_PAREN_CLAUSE = lazy(r"\s*\(([^()]*)\)\s*[.,;:]?\s*$")
_CLAUSE = lazy(r"(?:,\s*|\s+)(where|with|since|because|assuming|as)\b(.*)$")
_CASE_WORDS = lazy(r"\b(?:if|when|for|unless|otherwise|except|only|case|other)\b", 2)
_BARE = lazy(r"\\begin\s*\{\s*(split|aligned|gathered)\s*\}")
_TAIL = lazy(r"[\s.,;]*$")
_SINGLE_DOLLAR = lazy(r"(?<![\\$])\$(?!\$)")  # a $ of inline math, not of $$ nor \$
_OPENED = lazy(r"\\\[|\\\(|\\begin\s*\{\s*(?:equation|align|gather|multline|eqnarray)")


def _annotation(words: str) -> str:
    kept = "".join(c for c in words if c not in "{}\\$#%&_^~")
    return f" \\quad \\text{{{kept.strip()}}}"


def _split_clause(body: str) -> tuple[str, str] | None:
    """The math of a line and its trailing clause of words (``""`` for none); None when the
    clause speaks of a case (dropping it would change what the line says)."""
    clause = ""
    for pattern in (_TRAILING_COMMENT, _PAREN_CLAUSE, _CLAUSE):
        match = pattern.search(body)
        if match is None:
            continue
        words = match.group(0).strip()
        if pattern is _PAREN_CLAUSE and not _WORDS.search(match.group(1)):
            continue
        if _CASE_WORDS.search(words):
            return None
        clause = words + (" " + clause if clause else "")
        body = body[: match.start()]
    return body, clause


@dataclass
class _Candidate:
    line: int  # 0-based
    start: int  # column of the math
    math: str
    clause: str
    kind: str = ""  # "relation", "leading", "expression"


def _read(candidate: _Candidate, reading: int, d_is_name: bool):
    found = tokens(candidate.math)
    if not found or _updates(found):
        return None
    try:
        return latex_of(found, reading, d_is_name)
    except (_NotMath, RecursionError):
        return None


def _updates(found: list) -> bool:
    """``x = x + 1``, ``w = w - lr * g``: a name given a new value from its old one, code's
    update, never an equation."""
    if len(found) < 3 or found[0].kind != "word" or found[1].kind != "rel":
        return False
    rest = found[2:]
    return any(
        t.kind == "word"
        and t.text == found[0].text
        and not (k + 1 < len(rest) and rest[k + 1].text in ("_", "["))
        for k, t in enumerate(rest)
    )


def _candidates(
    lines: list[str], said: dict[int, list[tuple[int, int]]]
) -> tuple[dict[int, _Candidate], set[int], set[int], set[int]]:
    """The lines that may be plain math, the code lines to blank, the fences to blank, the
    lines holding a bare ``split``; in ``said``, the definitions said in words on a line."""
    found: dict[int, _Candidate] = {}
    code: set[int] = set()
    fences: set[int] = set()
    dollars = bracket = False
    environment = ""
    bare: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence and not dollars and not environment:
            close = next(
                (
                    k
                    for k in range(index + 1, len(lines))
                    if lines[k].strip().startswith(fence.group(1))
                ),
                None,
            )
            if close is None:
                break
            if fence.group(2).strip() == "math":  # ```math: a display, its closing fence no opening
                index = close + 1
                continue
            inside = {k: _comment(lines[k], k) for k in range(index + 1, close)}
            if (whole := _math_block(lines, index, close, fence.group(2))) is not None:
                fences |= {index, close}  # "```\ndL/dz_i = p_i - y_i\n```": plain math, fenced
                found.update(whole)
            elif any(c is not None for c in inside.values()):
                fences |= {index, close}
                for k, candidate in inside.items():
                    if candidate is None:
                        code.add(k)
                    else:
                        found[k] = candidate
            index = close + 1
            continue
        single = len(_SINGLE_DOLLAR.findall(line)) % 2 == 1
        if environment:
            if "\\end" in line and environment in line:
                environment = ""
        elif bracket:
            bracket = "\\]" not in line
        elif line.count("$$") % 2 or (single and not dollars):
            dollars = not dollars
        elif not dollars and "\\[" in line and "\\]" not in line:
            bracket = True
        elif not dollars and _BARE.search(line) and not _OPENED.search(line):
            bare.add(index)
        elif not dollars and (opened := lazy(r"\\begin\s*\{\s*([a-z]+\*?)").search(line)):
            if "\\end" not in line:
                environment = opened.group(1)
        elif not dollars:
            if spans := said_definitions(line):
                said[index] = spans  # "denote u = e^x and v = e^{-x}.": definitions in words
            elif whole := _CODE_LINE.fullmatch(line):  # "`sigma'(z) = sigma(z) * [1 - sigma(z)]`"
                if (candidate := _candidate(index, whole.start(2), whole.group(2))) is not None:
                    found[index] = candidate
            elif not _unfit(line) and (candidate := _math_line(line, index)) is not None:
                found[index] = candidate
        index += 1
    for block in _indented_blocks(lines):
        if any(_is_code(lines[k], found.get(k)) for k in block):
            for k in block:  # code: only its comments
                if k in found and not _COMMENT.match(lines[k]):
                    del found[k]
    return found, code, fences, bare


_PROSE = lazy(r"^[\sA-Za-z,;:.'()-]*$")


def _indented_blocks(lines: list[str]) -> list[list[int]]:
    """The runs of lines indented by four spaces or more after a blank line (Markdown's
    indented code, a docstring pasted in a post)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    depth = 0
    for index, line in enumerate(lines):
        width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        indented = width >= 4 and line.strip()
        if indented and current and width != depth:
            blocks.append(current)  # a deeper or shallower run: a block of its own
            current = []
        if indented and (current or index == 0 or not lines[index - 1].strip() or width > depth):
            current.append(index)
            depth = width
        elif line.strip() or not current:
            if current:
                blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_code(line: str, candidate: _Candidate | None) -> bool:
    """A line of a block that is neither an equation, a comment nor prose: a statement."""
    if not line.strip() or _COMMENT.match(line) or _PROSE.match(line):
        return False
    return candidate is None or _read(candidate, 0, False) is None


_PLAIN_FENCE = ("", "text", "txt", "plaintext", "plain")


def _math_block(
    lines: list[str], start: int, close: int, language: str
) -> dict[int, _Candidate] | None:
    """The lines of a fenced block without a language whose every line is an equation (or
    continues one), none a statement of code; else None."""
    if language.strip().lower() not in _PLAIN_FENCE:
        return None
    body = [k for k in range(start + 1, close) if lines[k].strip()]
    found = {k: _math_line(lines[k], k) if not _unfit(lines[k]) else None for k in body}
    if not body or any(c is None or _is_code(lines[k], c) for k, c in found.items()):
        return None
    return found  # type: ignore[return-value]


def _unfit(line: str) -> bool:
    return any(
        mark in line for mark in ("$", "\\", "`", "<", "|", "http")
    ) or line.lstrip().startswith("#")


def _math_line(line: str, index: int) -> _Candidate | None:
    marker = _MARKER.match(line).group(1)
    return _candidate(index, len(marker), line[len(marker) :])


def _comment(line: str, index: int) -> _Candidate | None:
    comment = _COMMENT.match(line)
    if comment is None or any(m in line for m in ("$", "\\", "`")):
        return None
    return _candidate(index, comment.end(), line[comment.end() :])


def _candidate(index: int, start: int, body: str) -> _Candidate | None:
    """The equation ``body`` (from column ``start`` of line ``index``) holds, with its clause."""
    split = _split_clause(body)
    if split is None:
        return None
    math, clause = split
    math = _TAIL.sub("", math)
    if not math.strip():
        return None
    return _Candidate(index, start, math, clause)


def translated(text: str) -> Plain | None:
    """The document with its plain-text equations as displays (one or two readings), or None
    when it has none."""
    lines = text.split("\n")
    said: dict[int, list[tuple[int, int]]] = {}
    found, code, fences, bare = _candidates(lines, said)
    d_is_name = _d_is_name(found)
    read: dict[int, object] = {}
    last = False  # the last line with an equation was read
    for index in range(len(lines)):
        candidate = found.get(index)
        if candidate is None:
            # an equation not read breaks the chain; one in inline code ("Split into `j = i`
            # and `j ≠ i`:", "since `Σ_j y_j = 1`:") is the words' aside
            line = _CODE_SPAN.sub(" ", lines[index])
            if "=" in line and index not in code:
                last = "$" in line or _BARE.search(line) is not None
            continue
        parsed = _read(candidate, 0, d_is_name)
        if parsed is None:
            if "=" in candidate.math:
                last = False
            continue
        if parsed.leading and not last:
            continue
        if not parsed.relations:
            following = next(
                (found.get(k) for k in range(index + 1, len(lines)) if lines[k].strip()), None
            )
            after = following and _read(following, 0, d_is_name)
            if not (after and after.leading):
                continue
        read[index] = parsed
        last = True
    if not read and not bare and not said:
        return None
    ambiguous: dict[int, list[str]] = {}
    for index, parsed in read.items():
        if parsed.ambiguous:
            ambiguous[index + 1] = [what for _, what in parsed.ambiguous]
    readings = []
    for reading in (0, 1) if ambiguous else (0,):
        written = _written(lines, found, read, code, fences, bare, reading, d_is_name)
        readings.append(_said(written, lines, said))
    return Plain(readings, ambiguous)


def _d_is_name(found: dict[int, _Candidate]) -> bool:
    """``d`` written alone as a name (``d = …``, ``2d``): then ``dL/dz`` is a quotient; not
    the ``d`` of a derivative by a group (``dL/d(logits)``, after ``/`` a numerator ``d…``)."""
    for candidate in found.values():
        written = tokens(candidate.math) or []
        for at, token in enumerate(written):
            if token.kind == "word" and token.text == "d" and not _by_a_group(written, at):
                if not _operator(written, at):  # d/dx (…): the operator's own d
                    return True
    return False


def _operator(written: list, at: int) -> bool:
    after = [t.text for t in written[at + 1 : at + 3]]
    return len(after) == 2 and after[0] == "/" and after[1][:1] == "d" and len(after[1]) == 2


def _by_a_group(written: list, at: int) -> bool:
    before, after = written[at - 2 : at], written[at + 1 : at + 2]
    return (
        len(before) == 2
        and before[1].text == "/"
        and before[0].kind == "word"
        and before[0].text.startswith("d")
        and len(before[0].text) > 1
        and [t.text for t in after] == ["("]
    )


def _written(lines, found, read, code, fences, bare, reading, d_is_name) -> Reading:
    code_lines = {k for k in found if _COMMENT.match(lines[k])}
    out_lines: list[str] = []
    columns: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if index in fences or index in code:
            out_lines.append(" " * len(line))
            continue
        candidate = found.get(index)
        if index in read and candidate is not None:
            parsed = read[index] if reading == 0 else _read(candidate, 1, d_is_name)
            pieces = parsed.pieces if parsed is not None else read[index].pieces
            latex, spots = "", []
            for piece, column in pieces:
                latex += piece
                spots += [column + candidate.start] * len(piece)
            if candidate.clause:
                note = _annotation(candidate.clause)
                latex += note
                spots += [len(line) - 1] * len(note)
            prefix = line[: candidate.start].replace("`", " ")  # a span of inline code: math
            if index in code_lines:
                prefix = " " * len(prefix)  # a comment's '#' or '//': no heading
            first = spots[0] if spots else candidate.start
            new = prefix + "$$" + latex + "$$"
            columns[index + 1] = (
                list(range(len(prefix))) + [first, first] + spots + [len(line) - 1] * 2
            )
            out_lines.append(new)
            continue
        if index in bare:
            out_lines.append(_wrapped(line, columns, index))
            continue
        out_lines.append(line)
    return Reading("\n".join(out_lines), columns)


def _said(reading: Reading, lines: list[str], said: dict[int, list[tuple[int, int]]]) -> Reading:
    """``reading`` with the definitions said in words written as inline math."""
    if not said:
        return reading
    out = reading.text.split("\n")
    for index, spans in said.items():
        out[index], reading.columns[index + 1] = as_inline_math(lines[index], spans)
    return Reading("\n".join(out), reading.columns)


_END = lazy(r"\\end\s*\{\s*(split|aligned|gathered)\s*\}")


def _wrapped(line: str, columns: dict[int, list[int]], index: int) -> str:
    """``\\begin{split} … \\end{split}`` on the line, as ``$$ … $$``."""
    opening = _BARE.search(line)
    end = _END.search(line, opening.end())
    close = len(line) if end is None else end.end()
    new = (
        line[: opening.start()]
        + "$$"
        + line[opening.start() : close]
        + ("$$" if end else "")
        + line[close:]
    )
    spots = (
        list(range(opening.start())) + [opening.start()] * 2 + list(range(opening.start(), close))
    )
    spots += [close - 1] * (2 if end else 0) + list(range(close, len(line)))
    columns[index + 1] = spots
    return new


def merged(plain: Plain, results: list[DocumentResult]) -> DocumentResult:
    """The result of the first reading with file columns; a step whose verdict the second
    reading changes is not checked: ambiguous, naming the places read two ways."""
    placed = [
        _placed(reading, result) for reading, result in zip(plain.readings, results, strict=True)
    ]
    first = placed[0]
    if len(placed) == 1:
        return first
    other = {(s.line, s.column): s for s in placed[1].steps}
    steps = []
    for step in first.steps:
        twin = other.get((step.line, step.column))
        if twin is None or (twin.status, twin.flagged) != (step.status, step.flagged):
            where = plain.ambiguous.get(step.line) or [
                w for ws in plain.ambiguous.values() for w in ws
            ]
            step = replace(
                step,
                status="not checked",
                summary=f"not checked: ambiguous: plain text read two ways "
                f"({'; '.join(where[:2])}): {step.summary}",
                hypothesis_stated=True,
            )
        steps.append(step)
    return replace(first, steps=tuple(steps))


_COLUMN = lazy(r"column (\d+)")


def _placed(reading: Reading, result: DocumentResult) -> DocumentResult:
    steps = []
    for step in result.steps:
        if step.line not in reading.columns:
            steps.append(step)
            continue
        line = step.line
        summary = _COLUMN.sub(
            lambda m, line=line: f"column {reading.place(line, int(m.group(1)))}", step.summary
        )
        steps.append(replace(step, column=reading.place(step.line, step.column), summary=summary))
    return replace(result, steps=tuple(steps))
