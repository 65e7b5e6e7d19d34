"""Find the steps in a document: display math, rows, chains ``A = B = C``, cases.

Every transformation keeps the text's length (decorations are blanked, not deleted), so each
offset found here is the offset in the file, and a line and column are always exact.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from re import Match

from symsoft.reading.documents.bare_math import bare_math_blocks
from symsoft.reading.documents.dollar_backtick import bracketed_backtick, dollar_backtick
from symsoft.reading.documents.escaped import (
    blank_html_layout,
    plain_fractions,
    unescape_delimiters,
)
from symsoft.reading.documents.inline_chains import arithmetic_tails, owned, said_chains, supposes
from symsoft.reading.documents.items import SLIPS, latex_items
from symsoft.reading.documents.kramdown_inline import (
    DERIVATION,
    KRAMDOWN_INLINE,
    as_inline,
    written_inline,
)
from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.documents.loose_claims import said_loosely
from symsoft.reading.documents.markdown_escapes import (
    blank_control_spaces,
    blank_doubled_dollars,
    unescape_underscores,
)
from symsoft.reading.documents.mention_claims import said_after_mentions
from symsoft.reading.documents.myst import prose_directive
from symsoft.reading.documents.premised_claims import said_after_premise
from symsoft.reading.documents.said import said_value
from symsoft.reading.documents.sentence_leads import last_clause
from symsoft.reading.documents.sentences import (
    CONDITION_WORDS,
    NOT_ASSERTED,
    PARAGRAPH_EDGE,
    TRANSPOSE_WORDS,
    claims_derivative,
    defined_twice,
    led_inline,
    mentioned_identities,
    said_in_a_case,
    said_inline,
    stated_rules,
)
from symsoft.reading.documents.spans import Display, Relation, Span, Text
from symsoft.reading.documents.tables import claimed, table_cells
from symsoft.reading.documents.tex_hidden import hidden_spans, markdown_hidden
from symsoft.reading.lazy_regex import lazy

# ---------------------------------------------------------------- finding the displays


_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_INLINE_CODE = lazy(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
# the math of a plain-text post said in inline code: a name (`y`, `p_i`), an index case (`j ≠ i`)
_CODE_CASE = lazy(r"`\s*(?:[A-Za-z](?:_[a-z0-9])?|[a-z]\s*(?:==?|≠|!=)\s*[a-z])\s*`")
_QUOTE_MARKER = lazy(r"^ {0,3}(?:> ?)+", re.MULTILINE)
_HTML_COMMENT = lazy(r"<!--.*?-->", re.DOTALL)
# (a bare aligned or gathered, outside $$, is a display too: MathJax and Typora render it so)
_ENVIRONMENTS = (
    "equation|alignat|aligned|align|gathered|gather|multline|flalign|eqnarray|displaymath"
)
_INNER = r"(?:aligned|align\*?|gathered|split)"
_OPENING = lazy(
    rf"(?<!\\)\$\$|(?<!\\)\\\[|\\begin\s*\{{\s*({_ENVIRONMENTS})(\*?)\s*\}}"
    r"|<script\s+type\s*=\s*[\"']math/tex;\s*mode\s*=\s*display[\"']\s*>"  # MathJax 2 in HTML
    rf"|(?<![^\s(>])\$(?=\s*\\begin\s*\{{\s*{_INNER}\s*\}})"  # $ \begin{{aligned}} … $ (Obsidian)
)
_SINGLE_DOLLAR_END = lazy(rf"\\end\s*\{{\s*{_INNER}\s*\}}\s*(\$)(?!\$)")


_TEX_COMMENT = lazy(r"(?<!\\)%[^\n]*")
_COLUMNS = lazy(r"\s*\{\s*\d+\s*\}")


def blank_tex_comments(text: Text) -> None:
    """Blank a LaTeX file's ``%`` comments, ``\\iffalse … \\fi`` and comment environments."""
    for match in _TEX_COMMENT.finditer(text.original):
        text.blank(match.start(), match.end())
    for start, end in hidden_spans(text.slice(0, len(text.chars))):
        text.blank(start, end)
    plain_fractions(text)


def blank_markdown_code(text: Text) -> None:
    """Blank fenced code, inline code and HTML comments of a Markdown file; a fenced block
    whose info string is ``math`` is a display (its fences become ``$$``)."""
    source = text.original
    pos = 0
    closed: set[int] = set()  # the closing fences of directives whose content is read
    while (fence := _FENCE.search(source, pos)) is not None:
        marker = fence.group(1)
        closing = re.compile(rf"^ {{0,3}}{marker[0]}{{{len(marker)},}}\s*$", re.MULTILINE)
        line_end = source.find("\n", fence.end())
        after = len(source) if line_end < 0 else line_end
        if fence.start() in closed:
            text.blank(fence.start(), after)
            pos = after
            continue
        close = closing.search(source, after)
        end = len(source) if close is None else close.end()
        content = prose_directive(source, source[fence.end() : after], after)
        if close is not None and content is not None:  # ```{admonition}: prose and math
            text.blank(fence.start(), content)
            closed.add(close.start())
            pos = content
            continue
        text.blank(fence.start(), end)
        if close is not None and source[fence.end() : after].strip() == "math":
            # GitHub's and GitLab's ```math block: a display, its fences read as $$ … $$
            text.chars[fence.start() : fence.start() + 2] = ["$", "$"]
            closer = close.start() + len(close.group()) - len(close.group().lstrip(" "))
            text.chars[closer : closer + 2] = ["$", "$"]
            for pos in range(after, closer):
                text.chars[pos] = source[pos]
        pos = end
    blanked = text.slice(0, len(source))
    for match in _INLINE_CODE.finditer(blanked):
        if dollar_backtick(text, blanked, match) or bracketed_backtick(text, match):
            continue  # $`…`$: GitLab's and GitHub's math, read as $…$ (or $$…$$ on its own lines)
        if _CODE_CASE.fullmatch(match.group()):
            # "When `j ≠ i`:", "`y` is one-hot": a plain-text post's math in code, read as $…$
            text.chars[match.start()] = text.chars[match.end() - 1] = "$"
            if "==" in match.group():  # code's equality: `i == j` is the case i = j
                text.chars[match.start() + match.group().index("==") + 1] = " "
        elif "\n\n" not in match.group():
            text.blank(match.start(), match.end())
    for match in _HTML_COMMENT.finditer(text.slice(0, len(source))):
        text.blank(match.start(), match.end())
    for start, end in markdown_hidden(text.slice(0, len(source))):  # <pre>, {% comment %}
        text.blank(start, end)
    for match in _QUOTE_MARKER.finditer(source):  # a blockquote's '>' is never mathematics
        text.blank(match.start(), match.end())
    blank_html_layout(text)  # <br>, <p align="center">: layout, no words
    unescape_delimiters(text)  # Hugo, Jekyll: \\[ … \\] is \[ … \]
    blank_doubled_dollars(text)  # $$$$ … $$$$: a page's $$ saved twice
    unescape_underscores(text)  # Hexo: \sum\_{j} is \sum_{j}
    blank_control_spaces(text)  # &\ = …: a space
    plain_fractions(text)


# a paragraph of one line holding one ``$…$`` and nothing else (a heading may head it)
_LONE_INLINE = lazy(r"^[ \t]*(?<![\\$])\$([^$\n]+)(?<!\\)\$[ \t]*[.,;]?[ \t]*$", re.MULTILINE)
# a Markdown heading that is one ``$…$`` and nothing else (a note that writes each formula as
# a heading: ``## $y^{'} = \frac{e^{-x}}{(1+e^{-x})^2}$``)
_HEADING_MATH = lazy(r"[ \t]{0,3}#{1,6}[ \t]+(?<![\\$])\$([^$\n]+)(?<!\\)\$[ \t]*")


_HEADING = lazy(r"[ \t]{0,3}#{1,6}[ \t]")
_LED_ROW = lazy(r"[^$\n]*[:：][ \t]*(?<![\\$])\$\s*=[^$\n]+(?<!\\)\$[ \t]*[.,;]?[ \t]*")
# "$= …$ and using the quotient rule on the numerator:": a chain's row, then words that lead on
_ROW_THEN_WORDS = lazy(
    r"[ \t]*(?<![\\$])\$(\s*=[^$\n]+)(?<!\\)\$[ \t]+(?:and|so|then|which|where|since|because"
    r"|using|by)\b[^\n]*"
)
_SETEXT = lazy(r"[ \t]{0,3}(?:-{2,}|={2,})[ \t]*")
# a heading over slips: "## Common errors", "Typical answers that lose marks", "Pitfalls" (not
# "Error backpropagation": the error of a layer is a quantity)
SLIP_HEADING = lazy(
    rf"(?i)\b(?:{SLIP_STEMS}|pitfalls?|fallac\w*|misconceptions?|gotchas?|traps?|typos?"
    r"|los[et]\s+(?:\w+\s+)?marks|(?:common|typical|frequent|classic)\s+(?:errors?|slips?|bugs?))\b"
)


# a line that ends a sentence or a clause that leads into what follows it ("Then,", "taking:")
_CLAUSE_END = lazy(r"[.:!,;。：，；]\s*$")


def _line_paragraph(above: str) -> bool:
    """Whether a line of one ``$…$`` under ``above`` stands as its own paragraph though no blank
    line sets it apart (a blog whose paragraphs are its lines: Blogger, a pasted page): the line
    above is one such ``$…$`` line too, or ends a sentence, or ends with a clause that leads
    into the math and is no case, supposition or wish ("Then,", "which is remembered here:")."""
    if _LONE_INLINE.fullmatch(above) or _LED_ROW.fullmatch(above):
        return True  # (or "Using the quotient rule:  $= …$", a row of a chain after its lead)
    if not _CLAUSE_END.search(above) or "$" in above:
        return False
    if re.search(r"[.!。]\s*$", above):
        return True
    clause, _ = last_clause(above.rstrip().rstrip(":,;：，；") + " ")
    return not (CONDITION_WORDS.search(clause) or NOT_ASSERTED.search(clause))


def _lone_inline(source: str, found: list[Display], cases: list[tuple[int, int]]) -> list[Display]:
    """Paragraphs of one ``$…$`` line that are in effect displays (a Chinese note writes
    every formula so): the line holds an equation with a derivative or a function in it
    (``$\\frac{\\partial e^x}{\\partial x} = e^x$``), one that starts with ``=`` (it continues
    a chain), or the expression such a continuation starts from.  A ``$K = 3$`` or ``$i = j$``
    alone stays inline math, and so does math on a line of a sentence.  ``cases`` gets the
    ``$ if $`` between an equation said in a sentence and its index case."""
    # the displays found, by start, with the furthest end up to each: a line inside one is
    # found by bisection (a scan of every display per line was quadratic: a 5 MB file of
    # displays took minutes)
    taken = sorted((d.start, d.body.end) for d in found)
    opened = [a for a, _ in taken]
    opened_at = set(opened)
    reach = list(itertools.accumulate((b for _, b in taken), max))
    lines = source.split("\n")
    starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
    candidates: list[tuple[int, int, int, str]] = []  # line, where $ opens, closes, the math
    chained: set[int] = set()  # where the chains said in sentences open
    repeated = defined_twice(source)  # a rule's premise naming one of them is no premise
    transposes = TRANSPOSE_WORDS.search(source) is not None  # a prime may be a transpose
    slips = False  # under a heading that names what follows slips ("## Common errors")
    for number, line in enumerate(lines):
        if _HEADING.match(line):
            slips = SLIP_HEADING.search(line) is not None
        if slips:
            continue  # its lines' math is what not to write: none of it is a step
        inside = bisect.bisect_right(opened, starts[number])
        if inside and reach[inside - 1] > starts[number]:
            continue
        above = lines[number - 1] if number > 0 else ""
        below = lines[number + 1] if number + 1 < len(lines) else ""
        match = _LONE_INLINE.fullmatch(line)
        if match is not None and (
            (PARAGRAPH_EDGE.fullmatch(above) and (not below.strip() or _SETEXT.fullmatch(below)))
            or _line_paragraph(above)
        ):  # (a Setext heading's line of math, "$f(x) = \tanh(x)$" over "---", as after "##")
            group = 1
        elif (match := led_inline(line, above, below)) is not None:
            group = 3
        elif (match := _HEADING_MATH.fullmatch(line)) is not None:
            group = 1
        elif PARAGRAPH_EDGE.fullmatch(above) and (match := _ROW_THEN_WORDS.fullmatch(line)):
            group = 1
        else:
            at = starts[number]
            line = KRAMDOWN_INLINE.sub(  # $$x$$ in a sentence (not a display found there)
                lambda m, at=at: m.group() if at + m.start() in opened_at else as_inline(m), line
            )
            for said, case in said_in_a_case(line):
                # the math reaches over its case: "$ if $" is read as "\quad", the row's
                # condition (find_displays writes it so)
                opening = case.start() + len(case.group("gap"))
                closing = line.index("$", opening + 1)
                cases.append((at + said.end() - 1, at + opening + 1))
                body = line[said.start("math") : closing]
                candidates.append((number, at + said.start("math") - 1, at + closing, body))
            for cell in table_cells(lines, number):
                if claimed(cell, claims_derivative, (CONDITION_WORDS, NOT_ASSERTED)):
                    candidates.append((number, at + cell.start - 1, at + cell.end, cell.math))
            said = said_inline(line, lines[max(0, number - 2) : number], below, repeated)
            mentioned = mentioned_identities(line) + stated_rules(line, transposes)  # d/dx, (f/g)'
            mentioned = owned(line, mentioned, lines[number + 1 : number + 4])  # not disowned
            chains = said_chains(
                line, lines[number + 1 : number + 4], lines[max(0, number - 3) : number]
            )
            read = {m.start() for m in said + mentioned}  # read before chains were: judged so
            chains += arithmetic_tails(line, read | {m.start() for m in chains})
            above_lines = lines[max(0, number - 3) : number]
            chained |= {  # (flags withheld; also any under a hypothesis said before it)
                at + m.start("math" if m["math"] else "paren") - 1
                for m in chains + said
                if m.start() not in read or supposes(line, m, above_lines)
            }
            said += chains
            loose = said_loosely(line) + said_after_premise(line, below)  # ("Since $…$, we get")
            loose += said_after_mentions(line, above_lines, below)  # ("Differentiating $L$ gives")
            loose = [m for m in loose if m.start() not in {s.start() for s in said + mentioned}]
            chained |= {at + m.start("math" if m["math"] else "paren") - 1 for m in loose}
            said += loose  # a derivative in a sentence of other words: its flags withheld
            for match in sorted({m.start(): m for m in said + mentioned}.values(), key=Match.start):
                group = "math" if match.group("math") else "paren"
                candidates.append(
                    (number, at + match.start(group) - 1, at + match.end(group), match[group])
                )
            continue
        at = starts[number]
        candidates.append(
            (number, at + match.start(group) - 1, at + match.end(group), match[group])
        )
    lone: list[Display] = []
    for place, (_, dollar, end, body) in enumerate(candidates):
        following = candidates[place + 1][3] if place + 1 < len(candidates) else ""
        equation = "=" in body and DERIVATION.search(body) is not None or said_value(body)
        starts_chain = DERIVATION.search(body) is not None and following.lstrip().startswith("=")
        if equation or body.lstrip().startswith("=") or starts_chain:
            lone.append(
                Display(0, dollar, Span(dollar + 1, end), lone=True, said=dollar in chained)
            )
    return lone


# a LaTeX paragraph that is one ``$…$`` formula, ended by line breaks (``$J = …$ \\ \\``)
_TEX_LONE = lazy(r"^[ \t]*(?<![\\$])\$([^$\n]+)(?<!\\)\$[ \t]*(?:\\\\[ \t]*)*$", re.MULTILINE)
_TEX_BREAKS = lazy(r"[ \t]*(?:\\\\[ \t]*)*")


_INLINE_DOLLARS = lazy(r"\$[^$]*\$")


def _tex_led_otherwise(before: str) -> bool:
    """Whether the words before a LaTeX formula's paragraph lead into it as a case, a
    supposition, a wish or a slip: the last line of words, its line breaks aside, ends a
    clause (no full stop) that names one."""
    for line in reversed(before.split("\n")[-12:]):
        words = line.replace("\\\\", " ").strip()  # its line breaks \\ aside
        if not words:
            continue
        if re.search(r"[.!?]\s*$", words) or _TEX_LONE.fullmatch(line):
            return False
        clause, whole = last_clause(words.rstrip(":,; ") + " ")
        segment = re.split(r"[,;]", clause)[-1]  # "…, where x is a vector, the loss is"
        guarded = NOT_ASSERTED.search(_INLINE_DOLLARS.sub(" ", segment))
        return bool(guarded or SLIPS.search(_INLINE_DOLLARS.sub(" ", whole)))
    return False


def _tex_lone_lines(source: str, found: list[Display]) -> list[Display]:
    """The paragraphs of a LaTeX file that are one ``$…$`` formula and line breaks: a display in
    effect (a note that writes each step of its derivation so) when the formula is an equation
    with a derivative or a function in it, or starts with ``=`` (it goes on from the one above)."""
    taken = [(d.start, d.body.end) for d in found]
    lone = []
    for match in _TEX_LONE.finditer(source):
        if any(a <= match.start() < b for a, b in taken):
            continue
        above = source[: match.start()].rstrip(" \t").rsplit("\n", 2)[-2:]
        below = source[match.end() + 1 :].split("\n", 1)[0]
        edge_above = len(above) < 2 or _TEX_BREAKS.fullmatch(above[-2 if above[-1] == "" else -1])
        if not (edge_above or _TEX_LONE.fullmatch(above[-1] if above[-1] else above[-2])):
            continue
        if not (_TEX_BREAKS.fullmatch(below) or _TEX_LONE.fullmatch(below)):
            continue
        if _tex_led_otherwise(source[: match.start()]):
            continue  # "Suppose for contradiction that \\", "A common mistake is to write"
        body = match.group(1)
        if ("=" in body and DERIVATION.search(body)) or body.lstrip().startswith("="):
            body_span = Span(match.start(1), match.end(1))
            lone.append(Display(0, match.start(1) - 1, body_span, lone=True))
    return lone


def find_displays(text: Text, lone_inline: bool = False, items: bool = False) -> list[Display]:
    """The displays of the text, numbered in order; with ``lone_inline`` (Markdown), also the
    paragraphs of one ``$…$`` line that are in effect displays; with ``items`` (LaTeX), the
    ``\\item $…$`` lines that are steps."""
    found = _delimited(text)
    if items:
        found += latex_items(text.slice(0, len(text.chars)), found)
        found += _tex_lone_lines(text.slice(0, len(text.chars)), found)
        found = [
            Display(n, d.start, d.body, d.problem, d.lone, d.said)
            for n, d in enumerate(sorted(found, key=lambda d: d.start), start=1)
        ]
    if not lone_inline:
        return found
    source = text.slice(0, len(text.chars))
    cases: list[tuple[int, int]] = []
    merged = sorted(found + _lone_inline(source, found, cases), key=lambda d: d.start)
    taken = [(d.start, d.body.end + 2) for d in merged]
    bare = [Display(0, a, Span(a, b)) for a, b in bare_math_blocks(source, taken)]
    merged = sorted(merged + bare, key=lambda d: d.start)  # lines that lost their $$
    for start, end in cases:  # "$A = B$ if $i = j$": the row "A = B \quad i = j"
        text.chars[start:end] = list("\\quad".ljust(end - start))
    return [
        Display(n, d.start, d.body, d.problem, d.lone, d.said)
        for n, d in enumerate(merged, start=1)
    ]


def _delimited(text: Text) -> list[Display]:
    source = text.slice(0, len(text.chars))
    found: list[Display] = []
    pos = 0
    while (opening := _OPENING.search(source, pos)) is not None:
        number = len(found) + 1
        if opening.group(1):
            name = opening.group(1) + re.escape(opening.group(2))
            closer = re.compile(rf"\\end\s*\{{\s*{name}\s*\}}")
        elif opening.group().startswith("<script"):
            closer = re.compile(r"</script\s*>")
        elif opening.group() == "$":  # Obsidian, Notion: $ \begin{aligned} … \end{aligned} $
            closer = _SINGLE_DOLLAR_END
        else:
            closer = re.compile(r"(?<!\\)\$\$" if opening.group() == "$$" else r"(?<!\\)\\\]")
        close = closer.search(source, opening.end())
        stray = (
            _STRAY_CLOSE.match(source, close.end()) if close and opening.group() == "$$" else None
        )
        if stray is not None:  # "$$A = B$$ = C = D$$": one chain, A to D
            text.blank(close.start(), close.end())
        elif (
            close is not None and opening.group() == "$$" and written_inline(source, opening, close)
        ):
            pos = close.end()  # kramdown writes inline math as $$x$$ inside a sentence
            continue
        if close is None:
            problem = f"display {opening.group()!r} is never closed"
            found.append(
                Display(number, opening.start(), Span(opening.end(), opening.end()), problem)
            )
            break  # the rest of the file is inside the open display, as LaTeX reads it
        end = close.start(1) if opening.group() == "$" else close.start()
        if stray is not None:
            close, end = stray, stray.start(1)
        start = opening.end()
        if opening.group(1) == "alignat" and (count := _COLUMNS.match(source, start)):
            text.blank(start, count.end())  # \begin{alignat*}{2}: the count of column pairs
        found.append(Display(number, opening.start(), Span(start, end)))
        pos = close.end()
    return found


# the rest of a line after a display's closing ``$$`` that goes on with ``= …`` and ends in a
# ``$$`` of its own, with no other dollar: the chain goes on inside one display
_STRAY_CLOSE = lazy(r"[ \t]*=[^$\n]*(\$\$)(?=[ \t]*(?:\n|$))")


# ---------------------------------------------------------------- decorations


# a ``$…$`` formula of the Markdown source (not ``$$``), possibly over several lines
_SINGLE_DOLLAR_MATH = lazy(r"(?<![\\$])\$(?!\$)([^$]+)(?<![\\$])\$(?!\$)")
_BACKSLASHES = lazy(r"\\{2,}")
# (an implication too: "… \\Rightarrow \\\\ σ'(x) = …" breaks the line or spaces it, one meaning)
_RELATION_EDGE = lazy(
    r"(?:=|&|\\[lg]eq?(?![a-zA-Z])|\\approx(?![a-zA-Z])|[<>]"
    r"|\\(?:Rightarrow|implies|Longrightarrow|iff)(?![a-zA-Z]))"
)


def unescape_lone(text: Text, displays: list[Display]) -> list[Display]:
    """Markdown's escapes in one-line ``$…$`` displays.  kramdown (Jekyll) leaves a single
    ``$`` to MathJax as text, so ``\\\\`` reaches it as one backslash: a document that writes a
    row break as four backslashes in a ``$…$`` formula (``\\\\\\\\`` in a ``cases``) shows that
    escape, and in its one-line ``$…$`` displays every two backslashes are one (``\\\\ - \\\\``
    is ``\\ - \\``, a space).  Without that evidence, a ``\\\\`` that cuts an expression of
    such a display (neither side of it a relation) is a line break or an escaped space: the
    display is not read.  Same length: the backslashes kept are the last of their run."""
    source = text.slice(0, len(text.chars))
    escaped = any("\\\\\\\\" in m.group(1) for m in _SINGLE_DOLLAR_MATH.finditer(source))
    out: list[Display] = []
    for display in displays:
        body = text.slice(display.body.start, display.body.end)
        if not display.lone or display.problem or "\\\\" not in body:
            out.append(display)
            continue
        if escaped:
            for run in _BACKSLASHES.finditer(body):
                kept = len(run.group()) // 2 + len(run.group()) % 2
                start = display.body.start + run.start()
                text.blank(start, display.body.start + run.end() - kept)
            out.append(display)
            continue
        cut = False
        for run in re.finditer(r"(?<!\\)\\\\(?!\\)", body):
            before, after = body[: run.start()].rstrip(), body[run.end() :].lstrip()
            if "\\begin" in before:
                break  # the rows of an environment
            ends = re.search(rf"(?:{_RELATION_EDGE.pattern})$", before)
            if before and after and not ends and not _RELATION_EDGE.match(after):
                cut = True
        if cut:
            problem = (
                "ambiguous '\\\\' inside an expression of a one-line $…$ formula: a line break, "
                "or Markdown's escape of '\\ ' (a space)? not read"
            )
            out.append(Display(display.number, display.start, display.body, problem, True))
        else:
            out.append(display)
    return out


def display_around(text: Text, at: int) -> str:
    """The body of the display that holds position ``at`` ("" outside every display)."""
    for display in find_displays(text):
        if display.body.start <= at <= display.body.end:
            return text.slice(display.body.start, display.body.end)
    return ""


# ---------------------------------------------------------------- rows, chains and steps


@dataclass
class Chain:
    last: Span | None = None
    condition: Relation | None = None
    root: Span | None = None  # the side the index cases split from: "If i ≠ j, $$ = … $$"
    ends: list[tuple[Span, Relation | None]] = field(default_factory=list)  # sides reached
    term: Span | None = None  # a term of a side singled out in a display of its own
    # the ends of the chains before the latest new ones, newest first: after two side
    # computations in a row, "$$= …$$" may go back to the chain before both
    outers: tuple[Span, ...] = ()
    dangling: tuple[Span, str] | None = None  # "$$A =$$ $$B$$": the '=' that B completes
