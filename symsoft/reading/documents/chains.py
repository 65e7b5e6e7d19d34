"""A display cut into steps: its rows and chains of relations, the index condition written after a
row or before it, cases blocks, and the groups left open.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from symsoft.reading.documents.brackets import _top_level
from symsoft.reading.documents.cases_blocks import cases_block
from symsoft.reading.documents.conditions import (
    _leading_condition,
    _row_condition,
    otherwise_condition,
    parse_relation,
    row_case,
)
from symsoft.reading.documents.languages import KANA_AND_IDEOGRAPHS, writes_cjk
from symsoft.reading.documents.lost_breaks import lost_breaks
from symsoft.reading.documents.quad_cuts import BARE_QUAD, mark_spaced
from symsoft.reading.documents.separators import (
    _ASIDE,
    _CONSEQUENCE,
    _LED_ASIDE,
    _WORDS_LEFT,
    before_spacing,
    separators,
)
from symsoft.reading.documents.shown_expressions import shown_before
from symsoft.reading.documents.spans import Display, Relation, Span, Text
from symsoft.reading.documents.spelling import _blank_decorations
from symsoft.reading.documents.trimming import trimmed
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.documents.displays import Chain


_RELATION = lazy(  # (\:= is the space \: before =)
    r"(?P<eq>(?<!\\):=|=:|\\coloneqq|\\eqqcolon|\\triangleq|\\equiv"
    r"|\\(?:stackrel|overset)\s*\{[^{}=<>]*\}\s*\{\s*=\s*\}|=)"  # ({y=1}: a case, not read)
    r"|(?P<other>\\approx|\\propto|\\simeq|\\sim|\\leq?|\\geq?|<|>|\\implies|\\Rightarrow|\\therefore"
    r"|\\Longrightarrow|\\iff|\\Leftrightarrow|\\to|\\rightarrow|\\in|\\notin)(?![a-zA-Z])"
)

_ROW_BREAK = lazy(r"\\\\(?:\s*\[[^\]]*\])?")
_OUTERS = 4  # the chain ends, but one, kept for a "$$= …$$" after side computations
_OPEN_RELATION = lazy(r"(?<![<>!:])=\s*$")  # a row that ends with its relation sign


# a connective between two statements (A = B \implies C = D, "\therefore" before a row): it
# ends the chain, and what follows starts a new one; no step is an implication
_ARROW = lazy(
    r"\\(?:therefore|implies|impliedby|iff|Rightarrow|Longrightarrow|Leftarrow|Longleftarrow"
    r"|Leftrightarrow|Longleftrightarrow|rightarrow|longrightarrow|mapsto|longmapsto)(?![a-zA-Z])"
    r"|<=>|==?>|[⇒⟹⇔⟺]"  # the arrows of plain text (a = b => c = d) and of Unicode
)  # and words of a Chinese or Japanese sentence inside the math (综上, 且已知 …, 所以): prose
_CONNECTIVE = lazy(_ARROW.pattern + r"|(?:[,，]\s*)?" + KANA_AND_IDEOGRAPHS + r"+[\s,，:：、。]*")


# "z &= W a + b, & \\hat{y} &= a = \\sigma(z),": a second aligned equation in the row's next
# column pair, a chain of its own
_NEXT_COLUMN = lazy(r",\s*&(?=[^=&\n]{1,40}&\s*=)")


_PARENTHESES = str.maketrans("()[]", "    ")


def _rows(text: Text, span: Span) -> list[tuple[Span, bool | str]]:
    """The rows of a display, each with whether a connective leads it (a new chain)."""
    body = text.slice(span.start, span.end)
    levels = _top_level(body)
    rows, start, led = [], 0, False
    # a row ends at \\ outside braces and environments (parentheses group nothing in TeX)
    braced = _top_level(body.translate(_PARENTHESES))
    breaks = [m for m in _ROW_BREAK.finditer(body) if braced[m.start()] == 0]
    connective = _CONNECTIVE if writes_cjk(body) else _ARROW  # the same matches, if no CJK
    connectives = [m for m in connective.finditer(body) if levels[m.start()] == 0]
    connectives += [m for m in _NEXT_COLUMN.finditer(body) if levels[m.start()] == 0]
    connectives += lost_breaks(body, levels)  # "… = B ⏎ & t = …": a \\ left out
    leading = {m.start() for m in connectives}  # no break starts where a connective does
    for match in sorted([*breaks, *connectives], key=lambda m: m.start()):
        if match.start() not in leading and _OPEN_RELATION.search(body, start, match.start()):
            text.blank(span.start + match.start(), span.start + match.end())
            continue  # a = \\ b: the row goes on after its relation sign
        rows.append((Span(span.start + start, span.start + match.start()), led))
        text.blank(span.start + match.start(), span.start + match.end())
        written, leads = bool(body[start : match.start()].strip()), match.start() in leading
        led = "mid" if leads and written else leads or (led and not written)  # "mid": steps_of
        start = match.end()
    rows.append((Span(span.start + start, span.end), led))
    return rows


@dataclass(frozen=True)
class Step:
    display: int
    step: int
    lhs: Span | None  # None: a row or display that starts with '=' but continues nothing
    rhs: Span
    relation: Span
    kind: str  # "eq", "definition", or the other relation written
    condition: Relation | None
    definition_candidate: bool = False
    term: Span | None = None  # a term singled out before "$$= …$$": it may go on from there
    # "$$= …$$" after side computations: the ends of the chains before them, newest first
    resumed: tuple[Span, ...] = ()
    aside: bool | str = False  # beside the chain, its reason ("\quad \text{using } …"), "valued"
    # the step read as if a bare \quad before or after it spaced two factors of one side:
    # "-\frac{1}{p} \quad p(1-p) = p - 1" (its lhs and rhs so read)
    spaced: tuple[Span, Span, Span] | None = None  # (and the \quad's place)


def _relation_of(match: re.Match[str], row_condition: Relation | None) -> str:
    if match.group("other"):
        return match.group("other")
    return "eq" if match.group("eq") == "=" else "definition"


_LABEL_VALUE = lazy(
    r"\s*(?:\\text\s*\{\s*(?:if|when|for)\s*\}\s*)?"  # "\quad \text{if } y_i = 1"
    r"[A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*[01]\s*[.,;]?\s*"
    # "\quad \text{if } y = 1": a binary label's value, the row's case (judge/row_values.py)
    r"|\s*\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:if|when|for)\s*\}\s*(?:\\[,;: ]\s*)*"
    r"(?![i-n]\b)[A-Za-z]\s*=\s*[01](?![\d.])\s*[.,;]?\s*"
)


_FACTOR_AFTER = lazy(r"\s*(?:\(|\\left\s*\()")
_QUAD = lazy(r"\s*\\q?quad(?![a-zA-Z])")


def _segments(body: str, levels: list[int]) -> list[tuple[int, int]]:
    """A row cut where ``\\quad`` or ``\\text{and}`` separates two equations."""
    relations = [m.start() for m in _RELATION.finditer(body) if levels[m.start()] == 0]
    cuts, start = [], 0
    for match in separators(body):
        if levels[match.start()] != 0:
            continue
        before = bisect.bisect_left(relations, match.start()) > bisect.bisect_left(relations, start)
        after = bisect.bisect_left(relations, match.end())
        rest = body[match.end() : relations[after]] if after < len(relations) else ""
        spacing = _QUAD.match(match.group()) and not re.search(r"[,;]", match.group())
        if spacing and (
            _FACTOR_AFTER.match(rest) or _QUAD.search(rest)
        ):  # "\sigma(x) \quad (1 - \sigma(x)) = …", "-\frac{1}{s} \quad s \quad (1 - s) = …":
            continue  # spaces between factors, no second equation
        if before and after < len(relations) and rest.strip():
            cuts.append((start, before_spacing(body, start, match.start())))
            start = match.end()
    return [*cuts, (start, len(body))]


def steps_of(text: Text, display: Display, chain: Chain, prose: Relation | None) -> list[Step]:
    """The steps of one display; ``chain`` carries the previous side across rows and displays."""
    _blank_decorations(text, display.body)
    steps: list[Step] = []
    case: Relation | None = None  # "i = j \implies …": the case the next statement is in
    carried: Relation | None = None  # the case of the row before, for a row a connective leads
    rows = _rows(text, display.body)
    announced: Relation | None = None  # a row that only names a case: the rows below are in it
    for number, (row, led) in enumerate(rows):
        if not text.slice(row.start, row.end).replace("&", " ").strip():
            announced = None  # an empty row ends the case a row named
            continue
        if led:  # "… \implies C = D": C starts a chain of its own
            chain.last, chain.term, announced = None, None, None
        elif number and rows[number - 1][1] == "mid":  # "&= A \implies C = D \\ &= E": E from A
            chain.last, chain.term = None, None  # or from D? neither is taken
        said = parse_relation(text.slice(row.start, row.end))
        then = number + 1 < len(rows) and rows[number + 1][1]
        if then and said and _INDEX_CASE.fullmatch(text.slice(row.start, row.end)):
            text.blank(row.start, row.end)  # "i = j \Rightarrow …": a case, no step
            case = said
            continue
        worded = row_case(
            text.slice(row.start, row.end).replace("&", " "), announced, text.original
        )
        if worded is not None:  # "if \: i \neq j: & \\", "&\text{Otherwise:}": no equation
            text.blank(row.start, row.end)
            announced = worded[0]  # the rows below are in the case it names (or in none)
            if worded[1]:
                chain.last, chain.term = None, None
            continue
        row_condition = _leading_condition(text, row) or otherwise_condition(text, row, carried)
        row_condition = row_condition or _row_condition(text, row)
        if row_condition is None and led:  # "A = B \quad (i \neq j) \implies C = D": C in it too
            row_condition = case or carried
        row_condition = row_condition or announced or prose
        case, carried = None, row_condition
        body = text.slice(row.start, row.end)
        levels = _top_level(body)
        for pos, char in enumerate(body):
            if char == "&" and levels[pos] == 0:
                text.blank(row.start + pos, row.start + pos + 1)
        indent = re.match(
            r"(?:\s|\\q?quad(?![a-zA-Z])|\\hfill(?![a-zA-Z]))*", text.slice(row.start, row.end)
        )
        if indent:
            text.blank(row.start, row.start + indent.end())
        let = _LET_ROW.match(text.slice(row.start, row.end))
        if let:  # "\text{Let } u &= 1 + e^{-z}": the row names u
            text.blank(row.start, row.start + let.end())
        reason = _REASON_ROW.match(text.slice(row.start, row.end))
        if reason:  # "\because \ln(1) &= 0 \\ &= …": a reason beside the chain, not a side
            text.blank(row.start, row.start + reason.end())
            kept_row = (chain.last, chain.condition, chain.root, chain.term, chain.outers)
        body, previous, first = text.slice(row.start, row.end), 0, len(steps)
        segments = _segments(body, levels)
        # "A = B \text{ or } C = D": a case each; neither goes on from the row before, nor on
        pairs = itertools.pairwise(segments)
        alternatives = any(_OR.search(body[a[1] : b[0]]) for a, b in pairs)
        if alternatives:
            chain.last = chain.term = None  # "&= p - 1 \text{ or } p - 0": a case each, not a step
        ends: list[tuple[int, str]] = []  # where each segment's steps end, the separator before
        for start, end in segments:
            separator, previous = body[previous:start], end
            ends.append((len(steps), separator))
            label = _LABEL_VALUE.fullmatch(body[start:end])
            if label and (_ASIDE.search(separator) or "text" in body[start:end]):
                # "L = -\log p_i \text{ where } y_i = 1": the condition the loss is taken under
                text.blank(row.start + start, row.start + end)
                continue
            segment = Span(row.start + start, row.start + end)
            written = text.original[row.start : row.start + start]  # blanked: \text{where}
            led_aside = _LED_ASIDE.match(body, start, end) if start else None
            if led_aside is not None:
                text.blank(row.start + start, row.start + led_aside.end())
            said = written[len(written) - len(separator) :]
            aside = bool(start) and (led_aside is not None or _ASIDE.search(said) is not None)
            valued = BARE_QUAD.fullmatch(separator.strip().lstrip(",;")) and _VALUE.fullmatch(
                body[start:end]
            )
            aside = aside or bool(valued)  # "q_i = … \quad T = 1": as "where T = 1"
            drawn = bool(start) and not aside and _CONSEQUENCE.search(said) is not None
            kept = (chain.last, chain.condition, chain.root, chain.term, chain.outers)
            before = len(steps)
            _chain_steps(text, display, segment, levels[start:end], row_condition, chain, steps)
            if aside:  # "&= … && \text{where } \sum_k y_k = 1 \\ &= …": the next row goes on
                chain.last, chain.condition, chain.root, chain.term, chain.outers = kept  # main one
                # (and the row's own steps: the reason may state the case or value they hold in)
                value = _VALUE.fullmatch(text.slice(segment.start, segment.end)) and "valued"
                steps[first:] = [replace(s, aside=value or True) for s in steps[first:]]
            elif drawn or any(_WORDS_LEFT.search(_sides(text, s)) for s in steps[before:]):
                chain.last = chain.term = None  # "\text{hence } B = C \\ &= D": from A or C?
        ends.append((len(steps), ""))
        mark_spaced(steps, ends)
        if reason:  # the next row goes on from the chain before the reason
            chain.last, chain.condition, chain.root, chain.term, chain.outers = kept_row
        if alternatives:
            chain.last = chain.term = None
    return steps


def _sides(text: Text, step: Step) -> str:
    return " ".join(text.slice(s.start, s.end) for s in (step.lhs, step.rhs) if s is not None)


# (*+ at the end: trailing white space is taken once, so a long run of it stays linear)
_INDEX_CASE = lazy(
    r"\s*(?:\\text\s*\{\s*(?:if|for|when|where)\s*\}\s*)?[i-n]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*[i-n]\s*+[,:]?\s*+"
)


_VALUE = lazy(
    r"\s*+(?:[A-Za-z]|\\[a-z]+)(?:\s*+_\s*+\{?\w+\}?)?\s*+=\s*+-?\d+(?:\.\d+)?\s*+[.,]?\s*+"
)  # T = 2
_OR = lazy(r"\\text\s*\{\s*or\s*\}")
_LET_ROW = lazy(r"\s*\\text\s*\{\s*(?:[Ll]et|[Dd]efine|[Ss]et)\s*\}\s*")


_REASON_ROW = lazy(r"\s*(?:\\because(?![a-zA-Z])|\\text\s*\{\s*(?:since|because)\s*\})\s*")


# "\quad \text{where } …" after a chain: a clause beside it, no side of it (also what a label's
# value is written under: "L = -\log p_i \text{ where } y_i = 1")
def _chain_steps(
    text: Text,
    display: Display,
    segment: Span,
    levels: list[int],
    condition: Relation | None,
    chain: Chain,
    steps: list[Step],
) -> None:
    body = text.slice(segment.start, segment.end)
    relations = [m for m in _RELATION.finditer(body) if levels[m.start()] == 0]
    sides, pos = [], 0
    for match in relations:
        sides.append(Span(segment.start + pos, segment.start + match.start()))
        pos = match.end()
    sides.append(Span(segment.start + pos, segment.end))
    sides = [trimmed(text, s) for s in sides]
    if len(sides) > 1 and not text.slice(sides[-1].start, sides[-1].end).strip():
        # "… = B =" at the end of a row: the chain goes on in the next row or display
        end = relations[-1]
        at = Span(segment.start + end.start(), segment.start + end.end())
        dangling = (at, _relation_of(end, condition))
        relations, sides = relations[:-1], sides[:-1]
    else:
        dangling = None
    if not relations and chain.dangling and chain.last and text.slice(*_ends(sides[0])).strip():
        # $$\frac{∂E}{∂w} =$$ $$\sum_i (y_i - t_i) x_i$$: the expression alone completes it
        condition = condition or chain.condition
        steps.append(
            Step(display.number, len(steps) + 1, chain.last, sides[0], *chain.dangling, condition)
        )
        chain.last, chain.dangling, chain.term = sides[0], dangling, None
        chain.condition = condition
        chain.ends.append((sides[0], condition))
        return
    chain.dangling = dangling
    if not relations:  # an expression alone, or the rest of the previous row's expression
        if steps and chain.last is steps[-1].rhs and steps[-1].display == display.number:
            chain.last = Span(chain.last.start, sides[0].end)
            steps[-1] = replace(steps[-1], rhs=chain.last)
        elif (singled := _term_of_an_end(text, sides[0], chain)) is not None:
            chain.last, chain.condition = singled  # a term singled out, not a new chain
            chain.term = sides[0]
            return
        else:  # an aside shown alone: "$$= …$$" after it may go back to the chain before it
            if chain.last is not None and chain.last.start < display.body.start:
                chain.outers = (chain.last, *chain.outers[:_OUTERS])
            chain.last, chain.condition = sides[0], condition
        chain.term = None
        return
    left: Span | None = sides[0]
    fresh = bool(text.slice(sides[0].start, sides[0].end).strip())
    resumed: tuple[Span, ...] = ()
    if fresh and chain.last is not None and chain.last.start < display.body.start:
        # a new chain after one of an earlier display: a side computation, perhaps, after
        # which "$$= …$$" may go back to the chain before it (or before two of them)
        chain.outers = (chain.last, *chain.outers[:_OUTERS])
    elif not fresh and chain.last is not None and chain.last.start < display.body.start:
        resumed = chain.outers
    if not fresh:
        left = chain.last
        last_side = text.original[left.start : left.end] if left is not None else ""
        if left is not None and shown_before(text.original, left.end, display.start, last_side):
            left = None  # "we get $-\frac{σ'}{σ}$ $$= …$$": from that expression
        if (
            condition is not None
            and chain.condition is not None
            and condition != chain.condition
            and chain.root is not None
        ):  # "&= … \quad i ≠ j" under a row "… \quad i = j": the other case of the same side
            left = chain.root
        condition = condition or chain.condition
    elif condition is not None:
        chain.root = sides[0]
    else:
        chain.root = None
    for number, match in enumerate(relations):
        right = sides[number + 1]
        relation = Span(segment.start + match.start(), segment.start + match.end())
        kind = _relation_of(match, condition)
        first = fresh and number == 0
        term = chain.term if not fresh and number == 0 and left is chain.last else None
        steps.append(
            Step(
                display.number,
                len(steps) + 1,
                left,
                right,
                relation,
                kind,
                condition,
                first,
                term,
                tuple(o for o in resumed if o is not left) if number == 0 else (),
            )
        )
        if condition is None:
            chain.root = right
        left = right
    chain.last, chain.condition, chain.term = left, condition, None
    chain.ends.append((left, condition))


def _term_of_an_end(
    text: Text, expression: Span, chain: Chain
) -> tuple[Span, Relation | None] | None:
    """``$$\\frac{\\partial}{\\partial z_k} e^{z_j}$$`` alone, a term written inside a side a
    chain reached before (the numerator of a quotient rule): the text singles it out to discuss
    it, and a display ``$$= …$$`` after it goes on from that side, not from the term.  The
    side (the latest that holds the term) and its case, or None."""
    term = "".join(text.slice(expression.start, expression.end).split())
    if len(term) < 8:
        return None
    for end, condition in reversed(chain.ends):
        side = "".join(text.slice(end.start, end.end).split())
        if term in side and term != side:
            return end, condition
    return None


def expanded_cases(text: Text, steps: list[Step]) -> list[Step]:
    """A step with a ``cases`` block on a side becomes one step per case, judged in that case:
    each row against the other side, or against the row of the same case when both sides are
    blocks (``\\begin{cases} … \\end{cases} = \\begin{cases} … \\end{cases}``; blocks whose
    cases differ stay one step, not read)."""
    out: list[Step] = []
    numbers: dict[int, int] = {}
    for step in steps:
        for lhs, rhs, relation, candidate in _case_rows(text, step):
            numbers[step.display] = numbers.get(step.display, 0) + 1
            # a row's own equation: its sign lies between its two sides
            sign = step.relation
            if lhs is not None and step.rhs.start <= lhs.start and rhs.end <= step.rhs.end:
                if (equals := text.slice(lhs.end, rhs.start).find("=")) >= 0:
                    sign = Span(lhs.end + equals, lhs.end + equals + 1)
            out.append(
                replace(
                    step,
                    step=numbers[step.display],
                    lhs=lhs,
                    rhs=rhs,
                    relation=sign,
                    condition=relation,
                    definition_candidate=candidate,
                )
            )
    return out


# a name with at most one index on the left (t_k = \begin{cases} …): a definition by cases
_NAMED = lazy(
    r"\s*(?:\\[a-zA-Z]+\s*\{\s*\\?[a-zA-Z]+\s*\}|\\?[a-zA-Z]+)(?:\s*_\s*\{?\s*\w+\s*\}?)?\s*"
)


def _ends(span: Span | None) -> tuple[int, int]:
    return (span.start, span.end) if span is not None else (0, 0)


def _case_rows(text: Text, step: Step) -> list[tuple[Span | None, Span, Relation | None, bool]]:
    rights = (
        cases_block(text, step.rhs, classes=not _NAMED.fullmatch(text.slice(*_ends(step.lhs))))
        if "\\begin" in text.slice(step.rhs.start, step.rhs.end)  # t_k = cases: case_values.py
        else None
    )
    lefts = None
    if (
        step.lhs is not None
        and step.kind == "eq"
        and "\\begin" in text.slice(step.lhs.start, step.lhs.end)
    ):
        lefts = cases_block(text, step.lhs)
    if lefts is None and rights is None:
        return [(step.lhs, step.rhs, step.condition, step.definition_candidate)]
    if lefts is None:
        # a row that goes on, "-\frac{1}{p_y} p_y(1 - p_y) = p_y - 1 & k = y": a chain in its case
        out: list[tuple[Span | None, Span, Relation | None, bool]] = []
        for span, relation in rights or ():
            parts = _row_parts(text, span)
            out += [
                (left, right, relation, False)
                for left, right in zip([step.lhs, *parts], parts, strict=False)
            ]
        return out
    if rights is None:
        return [(_row_parts(text, span)[-1], step.rhs, relation, False) for span, relation in lefts]
    paired = [
        (left, right, relation)
        for right, relation in rights
        for left, other in lefts
        if relation is not None and other is not None and _same_case(relation, other)
    ]
    if len(paired) != len(rights) or len(lefts) != len(rights):
        return [(step.lhs, step.rhs, step.condition, step.definition_candidate)]
    return [(left, right, relation, False) for left, right, relation in paired]


def _row_parts(text: Text, span: Span) -> list[Span]:
    """The sides of the equations one row of a cases block writes (one side when it writes none)."""
    body = text.slice(span.start, span.end)
    levels = _top_level(body)
    cuts = [m for m in re.finditer(r"(?<![<>!:\\])=(?!=)", body) if levels[m.start()] == 0]
    edges = [0, *(e for m in cuts for e in (m.start(), m.end())), len(body)]
    return [
        trimmed(text, Span(span.start + a, span.start + b))
        for a, b in zip(edges[::2], edges[1::2], strict=True)
    ]


def _same_case(one: Relation, other: Relation) -> bool:
    """``i = j`` and ``j = i`` are one case."""
    return one.equal == other.equal and {one.left, one.right} == {other.left, other.right}


# a row of mathematics written bare between two displays and not read as one (an indented
# reST ``.. math::`` body in a plain-text docstring): a "= …" display after it continues nothing
UNREAD_ROW = lazy(
    r"^[ \t]*\\(?:[dt]?frac|operatorname|log|ln|sum|partial|nabla|sigma)(?![a-zA-Z])[^$\n]*$",
    re.MULTILINE,
)
