"""Find the steps in a document: display math, rows, chains ``A = B = C``, cases.

Every transformation keeps the text's length (decorations are blanked, not deleted), so each
offset found here is the offset in the file, and a line and column are always exact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from symsoft.reading.steps import Relation

# ---------------------------------------------------------------- finding the displays


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Text:
    """The document with every non-mathematical decoration blanked (same length)."""

    original: str
    chars: list[str]
    line_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Text:
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
_QUOTE_MARKER = re.compile(r"^ {0,3}(?:> ?)+", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ENVIRONMENTS = "equation|align|gather|multline|flalign|eqnarray|displaymath"
_INNER = r"(?:aligned|align\*?|gathered|split)"
_OPENING = re.compile(
    rf"(?<!\\)\$\$|(?<!\\)\\\[|\\begin\s*\{{\s*({_ENVIRONMENTS})(\*?)\s*\}}"
    r"|<script\s+type\s*=\s*[\"']math/tex;\s*mode\s*=\s*display[\"']\s*>"  # MathJax 2 in HTML
    rf"|(?<![\\$])\$(?=\s*\\begin\s*\{{\s*{_INNER}\s*\}})"  # $ \begin{{aligned}} … $ (Obsidian)
)
_SINGLE_DOLLAR_END = re.compile(rf"\\end\s*\{{\s*{_INNER}\s*\}}\s*(\$)(?!\$)")


_TEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")


def blank_tex_comments(text: Text) -> None:
    """Blank every ``%`` comment of a LaTeX file."""
    for match in _TEX_COMMENT.finditer(text.original):
        text.blank(match.start(), match.end())


_LOSS_NAMES = re.compile(
    r"\\math(?:cal|scr)\s*(?:\{\s*L\s*\}|L(?![a-zA-Z]))|\\ell(?![a-zA-Z])"  # also \mathcal L
)
_PLAIN_L = re.compile(r"(?<![\\a-zA-Z{])L(?![a-zA-Z])")


def rename_loss(text: Text, displays: list[Display]) -> None:
    """``\\mathcal{L}`` and ``\\ell`` read as the loss ``L``, when no display also writes a
    plain ``L`` (then the two could differ, and they are left unread)."""
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    if any(_PLAIN_L.search(_LOSS_NAMES.sub(" ", body)) for body in bodies):
        return
    # a name with an index (\ell_i, one term of a sum) is not the loss; two names would be two
    written = {
        re.sub(r"\s+", "", match.group()) for body in bodies for match in _LOSS_NAMES.finditer(body)
    }
    indexed = {
        re.sub(r"\s+", "", match.group())
        for body in bodies
        for match in _LOSS_NAMES.finditer(body)
        if re.match(r"\s*_", body[match.end() :])
    }
    loss = written - indexed
    if len(loss) != 1:
        return
    for display, body in zip(displays, bodies, strict=True):
        for match in _LOSS_NAMES.finditer(body):
            if re.sub(r"\s+", "", match.group()) not in loss:
                continue
            start = display.body.start + match.start()
            text.blank(start, start + len(match.group()))
            text.chars[start] = "L"


# names that posts give the softmax outputs, read as a standard letter the document leaves free
_OUTPUT_NAMES = re.compile(
    r"\\(?:hat|tilde|bar)\s*(?:\{\s*([yp])\s*\}|([yp])(?![a-zA-Z]))"  # \hat{y}, \hat y, \tilde{p}
    r"|(?<![\\a-zA-Z{])(s|q)(?=\s*_)"  # s_i, q_i
)


def rename_outputs(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """``\\hat{y}_i``, ``\\tilde{p}_i``, ``s_i``, ``q_i`` read as ``p_i`` or ``S_i``: a letter of
    the grammar that no display of the document uses, one per name (a renaming, never a merge).
    The meaning comes from the document's own definition, as for any other name.  Returns the
    renamings made, ``(as written, read as)``."""
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    everything = "\n".join(bodies)
    free = [
        letter
        for letter in ("p", "S")
        if not re.search(rf"(?<![\\a-zA-Z{{]){letter}(?![a-zA-Z])", everything)
    ]
    defined = {
        re.sub(r"\s+", "", m.group(1))
        for body in bodies
        for m in re.finditer(
            r"(?:^|\\\\|&|\$\$|\\\[)\s*(\\(?:hat|tilde|bar)\s*\{?\s*[yp]\s*\}?|[sq])\s*_"
            r"\s*(?:\{[^{}]*\}|[a-z])\s*=",
            body,
            re.MULTILINE,
        )
    }
    chosen: dict[str, str] = {}
    for display, body in zip(displays, bodies, strict=True):
        for match in _OUTPUT_NAMES.finditer(body):
            written = re.sub(r"\s+", "", match.group())
            if written not in defined:
                continue  # no definition of its own: left unread rather than given a meaning
            if written not in chosen:
                if not free:
                    return list(chosen.items())
                chosen[written] = free.pop(0)
            start = display.body.start + match.start()
            end = start + len(match.group())
            text.blank(start, end)
            text.chars[end - 1] = chosen[written]
    return list(chosen.items())


def blank_markdown_code(text: Text) -> None:
    """Blank fenced code, inline code and HTML comments of a Markdown file."""
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
    for match in _QUOTE_MARKER.finditer(source):  # a blockquote's '>' is never mathematics
        text.blank(match.start(), match.end())


@dataclass(frozen=True)
class Display:
    number: int
    start: int  # of the opening delimiter
    body: Span
    problem: str = ""


def _inline(source: str, opening: re.Match[str], close: re.Match[str]) -> bool:
    """``$$…$$`` on one line with prose before or after it on that line."""
    line_start = source.rfind("\n", 0, opening.start()) + 1
    line_end = source.find("\n", close.end())
    line_end = len(source) if line_end < 0 else line_end
    if "\n" in source[opening.end() : close.start()]:
        return False
    before, after = source[line_start : opening.start()], source[close.end() : line_end]
    # "$$A$$ $$= B$$": displays side by side on one line are displays, not math in a sentence
    before, after = _SIDE_BY_SIDE.sub("", before), _SIDE_BY_SIDE.sub("", after)
    body = source[opening.end() : close.start()]
    if before.rstrip().endswith(":") and "=" in body and _DERIVATION.search(body):
        return False  # "it yields: $$L'(u) = …$$": a colon announces a display (math.SE)
    return bool(before.strip(" \t>*-+0123456789.")) or bool(after.strip(" \t.,;:!?"))


_SIDE_BY_SIDE = re.compile(r"\$\$[^$\n]+\$\$")
# what makes math after a colon a step of the derivation rather than a case ($$i = k$$) or a
# value ($$N = 2$$) said in the sentence: an equation with a derivative or a function in it
_DERIVATION = re.compile(r"\\(?:frac|partial|nabla|log|ln|exp|sigma|sum|tanh)(?![a-zA-Z])|'")


def find_displays(text: Text) -> list[Display]:
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
        if close is not None and opening.group() == "$$" and _inline(source, opening, close):
            pos = close.end()  # kramdown writes inline math as $$x$$ inside a sentence
            continue
        if close is None:
            problem = f"display {opening.group()!r} is never closed"
            found.append(
                Display(number, opening.start(), Span(opening.end(), opening.end()), problem)
            )
            break  # the rest of the file is inside the open display, as LaTeX reads it
        end = close.start(1) if opening.group() == "$" else close.start()
        found.append(Display(number, opening.start(), Span(opening.end(), end)))
        pos = close.end()
    return found


# ---------------------------------------------------------------- decorations


_DROPPED = re.compile(
    r"\\(?:label|tag\*?|eqref|hspace\*?|vspace\*?|phantom|hphantom|vphantom|(?:short)?intertext)"
    r"\s*\{[^{}]*\}"
    r"|\\(?:nonumber|notag|displaystyle|textstyle|scriptstyle|qedhere|allowbreak|mkern\s*-?\d+mu"
    r"|limits|nolimits)"
    r"(?![a-zA-Z])"
    r"|\\(?:begin|end)\s*\{\s*(?:aligned|alignedat|split|gathered|align\*?|equation\*?|gather\*?)\s*\}"
    r"(?:\{\d+\})?"
)
_ACCENTED_ENTRY = re.compile(
    r"\\(?:hat|widehat|tilde|widetilde|bar|overline)\s*\{\s*([a-zA-Z])"
    r"(\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))\s*\}"
)
_BLACKBOARD_LETTER = re.compile(r"\\mathbb(?=\s*\{\s*(?:[a-z]|\\[a-z]+)\s*\})")
_BLACKBOARD_ACCENT = re.compile(
    r"\\mathbb\s*\{(\s*\\(?:hat|tilde|bar)\s*\{[^{}]*\}(?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?\s*)\}"
)


def spell_accented_entries(text: Text) -> None:
    """``\\hat{y_i}`` is ``\\hat{y}_i`` (the accent over the letter, the index outside), and a
    blackboard lower-case letter (``\\mathbb{x}``, ``\\mathbb{\\theta}``) is the bold vector
    ``\\mathbf{x}``; ``\\mathbb{\\hat{y}}`` is ``\\hat{y}``. Same length: columns stay the
    file's."""
    everything = text.slice(0, len(text.chars))
    for match in _ACCENTED_ENTRY.finditer(everything):
        if "\n" in match.group():
            continue
        accent = match.group()[: match.group().index("{")].rstrip()
        spelled = f"{accent}{{{match.group(1)}}}{match.group(2).strip()}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
    everything = text.slice(0, len(text.chars))
    for match in _BLACKBOARD_LETTER.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\mathbf")
    everything = text.slice(0, len(text.chars))
    for match in _BLACKBOARD_ACCENT.finditer(everything):
        text.blank(match.start(), match.start(1))
        text.blank(match.end(1), match.end())


_ROW_ENTRY = re.compile(r"(?<![A-Za-z\\])[A-Za-z]\s*_\s*\{\s*([a-z])\s*,\s*[a-z0-9]+\s*\}")


def drop_fixed_row(text: Text, displays: list[Display]) -> str | None:
    """``S_{i,j} = \\frac{e^{z_{i,j}}}{\\sum_{l} e^{z_{i,l}}}``: every entry written with two
    indices, the first of them the same letter everywhere (the sample ``i``) and that letter
    used for nothing else in the math, is an entry of that one row: ``S_{j}``, ``z_{l}``.
    Exact, not a guess: with the row fixed, every quantity and every derivative is one of row
    ``i``'s.  The letter, or None.  Same length: columns stay the file's."""
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    entries = [m for body in bodies for m in _ROW_ENTRY.finditer(body)]
    rows = {m.group(1) for m in entries}
    if len(entries) < 2 or len(rows) != 1:
        return None
    (row,) = rows
    alone = re.compile(  # i, \sum_{i=1}, \delta_{ik}
        rf"(?<![A-Za-z\\]){row}(?![A-Za-z])|_\s*\{{[^{{}}]*{row}[^{{}}]*\}}|_\s*{row}"
    )
    if any(alone.search(_ROW_ENTRY.sub("", body)) for body in bodies):
        return None  # the letter is an index of its own somewhere: the rows are not one
    everything = text.slice(0, len(text.chars))
    for match in _ROW_ENTRY.finditer(everything):
        if match.group(1) == row:
            column = everything[everything.index(",", match.start(1)) + 1 : match.end() - 1]
            written = column.strip() + "}"
            text.blank(match.start(1), match.end())
            text.chars[match.start(1) : match.start(1) + len(written)] = list(written)
    return row


# "where $\\sum$ stands for $\\sum_k e^{a_k}$", "其中 $\\sum$ 代表 …", "define $\\sum_K = …$": a sum
# sign the text makes a name of the partition sum
_SUM_SHORTHAND = re.compile(
    r"\$\s*(\\sum(?:\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?)\s*\$\s*(?:,\s*)?"
    r"(?:代表|表示|denotes|stands\s+for|represents|is\s+(?:short(?:hand)?|an\s+abbreviation)\s+for)"
    r"\s*\$(?=[^$]*\\sum)"
    r"|\b(?:define|let|write)\s+\$\s*(\\sum\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))\s*(?==)",
    re.IGNORECASE,
)
_BARE_SUM = re.compile(r"\\sum(?=\s*(?:[-+})^=]|\\times|\\cdot|\\right|$))")


def name_sum_shorthand(text: Text) -> None:
    """A sum sign the text introduces as the name of a sum (``$\\sum$ stands for $\\sum_k
    e^{a_k}$``, ``define $\\sum_K = \\sum_{j=1}^{K} e^{\\theta_j}$``) is that name wherever it
    stands alone: written ``\\Sigma`` (``Σ``), a name the definition gives a meaning to."""
    everything = text.slice(0, len(text.chars))
    for match in _SUM_SHORTHAND.finditer(everything):
        written = match.group(1) or match.group(2)
        if match.group(2):  # \sum_K: this very sign, wherever it is written
            pattern = re.escape(written).replace("\\ ", r"\s*").replace("_", r"\s*_\s*")
            uses = re.compile(pattern + r"(?![A-Za-z])")
        else:
            uses = _BARE_SUM
        for use in list(uses.finditer(everything)):
            spelled = "\\Sigma" if len(use.group()) >= 6 else "Σ"
            text.chars[use.start() : use.end()] = list(spelled.ljust(len(use.group())))
        if match.group(1):  # the name in the sentence itself: $\sum$ → $Σ$
            start = match.start(1)
            text.chars[start : match.end(1)] = list("Σ".ljust(match.end(1) - start))
        everything = text.slice(0, len(text.chars))


# \sigma(A_i) = \frac{e^{A_i}}{\sum_j e^{A_j}}: the document's σ applied to one entry of a vector
_SIGMA_OF_ENTRY = re.compile(
    r"\\sigma\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*_\s*(?:\{\s*([a-zA-Z0-9])\s*\}|([a-zA-Z0-9]))"
    r"\s*(?:\\right\s*)?\)"
)
_SIGMA_CALL = re.compile(r"\\sigma\s*(?:\\left\s*)?\(")


def spell_sigma_entries(text: Text) -> None:
    """``\\sigma(A_k)`` is the entry ``\\sigma_{k}`` when the document defines σ on an entry
    (``\\sigma(A_i) = \\frac{e^{A_i}}{\\sum_j e^{A_j}}``) and applies it to nothing but entries of
    that one vector: the definition then reads as any ``\\sigma_i = …``, and every use is that
    definition at another index (what it means: the σ of the text, never the logistic one).
    Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    calls = list(_SIGMA_CALL.finditer(everything))
    entries = list(_SIGMA_OF_ENTRY.finditer(everything))
    if not entries or len({match.group(1) for match in entries}) != 1:
        return  # σ(A_i) and σ(z_j): two vectors, two readings of σ
    vector = entries[0].group(1)
    # the vector itself only as an argument of another name: H(Y, \sigma(A))
    whole = re.compile(rf"(?<=[(,])\s*\\sigma\s*(?:\\left\s*)?\(\s*{vector}\s*(?:\\right\s*)?\)")
    if len(calls) != len(entries) + len(whole.findall(everything)):
        return  # σ(z), σ(A_i + b): not only entries of the one vector
    defined = re.compile(
        r"\\sigma\s*(?:\\left\s*)?\(\s*[A-Za-z]\s*_\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z])\s*"
        r"(?:\\right\s*)?\)\s*(?::=|=|\\coloneqq)"
    )
    if not defined.search(everything):
        return  # no definition of the text's own: σ stays what it is (not read)
    for match in entries:
        index = match.group(2) or match.group(3)
        spelled = f"\\sigma_{{{index}}}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))


_BRACED_BASE = re.compile(r"\{\s*(\\?[a-zA-Z]+|\d+)\s*\}(?=\s*[\^_])")
_COLOUR = re.compile(r"\\(?:color|textcolor)\s*\{[^{}]*\}\s*|\\(?:boxed|cancelto\{[^{}]*\})\s*")
_BRACE_KEEPERS = re.compile(
    r"\\(?:underbrace|overbrace|underset\s*\{[^{}]*\}|overset\s*\{[^{}]*\})\s*"
)


_INDICATOR_SET = re.compile(
    r"(?:1|\\math(?:bb|bf)\s*\{\s*1\s*\})\s*_\s*\{\s*(\\\{)[^{}]*?(\\\})\s*\}"
)
_INDICATOR_CALL = re.compile(r"\\math(?:bb|bf)\s*\{\s*[1I]\s*\}\s*(?:\\left\s*)?([(\[])")


def _indicators(text: Text, span: Span) -> None:
    """``1_{\\{i=j\\}}`` and ``\\mathbb{1}(i = j)``, ``\\mathbb{I}[i=j]`` as the Iverson bracket
    ``[i = j]`` of the claim language (the same meaning, the same length)."""
    body = text.slice(span.start, span.end)
    for match in _INDICATOR_SET.finditer(body):
        for group in (1, 2):
            text.blank(span.start + match.start(group), span.start + match.end(group))
    body = text.slice(span.start, span.end)
    for match in _INDICATOR_CALL.finditer(body):
        opening = span.start + match.start(1)
        end = _group_end_any(text, opening, span.end)
        inner = text.slice(opening + 1, end - 1) if end > 0 else ""
        if end < 0 or not re.fullmatch(r"\s*[a-z]\s*(?:=|\\neq?)\s*[a-z]\s*(?:\\right\s*)?", inner):
            continue
        text.blank(span.start + match.start(), opening)
        right = re.search(r"\\right\s*$", inner)
        if right:
            text.blank(opening + 1 + right.start(), end - 1)
        text.chars[opening], text.chars[end - 1] = "[", "]"


_FUNCTION_WORD = re.compile(
    r"\\(?:text|textrm|mathrm|operatorname)\s*\{\s*(tanh|sigmoid)\s*\}(?=\s*[(^'\\])"
)


def _function_words(text: Text, span: Span) -> None:
    """``\\text{tanh}`` is ``\\tanh``, and ``\\text{sigmoid}`` the logistic ``\\sigma`` when the
    document writes no ``\\sigma`` of its own (same length: the rest is blanked)."""
    body = text.slice(span.start, span.end)
    for match in _FUNCTION_WORD.finditer(body):
        if match.group(1) == "sigmoid" and re.search(r"\\sigma(?![a-zA-Z])", text.original):
            continue
        written = "\\tanh" if match.group(1) == "tanh" else "\\sigma"
        start = span.start + match.start()
        text.blank(start, span.start + match.end())
        text.chars[start : start + len(written)] = written


def _group_end_any(text: Text, start: int, limit: int) -> int:
    closer = {"(": ")", "[": "]"}[text.chars[start]]
    end = text.slice(start, limit).find(closer)
    return -1 if end < 0 else start + end + 1


_LOSS_ARGUMENT = re.compile(r"(?<![A-Za-z\\])L\s*(\(\s*[aoz]\s*\))")


def _blank_decorations(text: Text, span: Span) -> None:
    """Blank what carries no mathematics: labels, tags, colours, braces' annotations, the
    argument list of ``L(o)``."""
    _annotated_equals(text, span)
    _indicators(text, span)
    _function_words(text, span)
    body = text.slice(span.start, span.end)
    for match in _BRACED_BASE.finditer(body):  # {e}^{-x}: braces around one symbol, no group
        before = body[: match.start()].rstrip()
        command = re.search(r"\\([a-zA-Z]+)$", before)
        if before and (
            before[-1] in "}_^" or (command and command.group(1) not in ("cdot", "times", "left"))
        ):
            continue  # an argument (\frac{1}{x}^2) or a script: the braces matter
        text.blank(span.start + match.start(), span.start + match.start(1))
        text.blank(span.start + match.end(1), span.start + match.end())
    body = text.slice(span.start, span.end)
    for match in _LOSS_ARGUMENT.finditer(body):
        text.blank(span.start + match.start(1), span.start + match.end(1))
    body = text.slice(span.start, span.end)
    for match in _DROPPED.finditer(body):
        text.blank(span.start + match.start(), span.start + match.end())
    body = text.slice(span.start, span.end)
    for match in _COLOUR.finditer(body):
        group = span.start + match.end()
        if (
            text.chars[group] == "{"
            and match.group().startswith(("\\textcolor", "\\boxed"))
            or (text.chars[group] == "{" and match.group().startswith("\\color"))
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
        limit = re.fullmatch(
            r"\\underset\s*\{([^{}]*)\}\s*\{\s*\\?(max|min)\s*\}",
            text.slice(span.start + match.start(), end),
        )
        if limit:  # \underset{i}{max} x_i is \max_{i} x_i
            written = rf"\{limit.group(2)}_{{{limit.group(1).strip()}}}"
            text.blank(span.start + match.start(), end)
            text.chars[span.start + match.start() : span.start + match.start() + len(written)] = (
                written
            )
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


_ANNOTATED_EQUALS = re.compile(  # \stackrel{\text{def}}{=}, \overset{(a)}{=}: one level of braces
    r"\\(?:stackrel|overset)\s*\{(?P<note>(?:[^{}]|\{[^{}]*\})*)\}\s*\{\s*(?P<eq>=)\s*\}"
)
_DEFINING_NOTE = re.compile(
    r"\s*(?:\\(?:text|mathrm|textrm|rm|mathsf|textsf|scriptscriptstyle|scriptstyle)\s*)?"
    r"\{?\s*(?:def\.?|defn|definition|:|\\Delta|\\triangle|\\vartriangle)\s*\}?\s*"
)


def _annotated_equals(text: Text, span: Span) -> None:
    """An ``=`` with a note above it: ``:=`` when the note says "def" (a definition), else a
    plain ``=`` (``\\stackrel{(a)}{=}`` is an equality whose reason is (a))."""
    body = text.slice(span.start, span.end)
    for match in _ANNOTATED_EQUALS.finditer(body):
        start, equals = span.start + match.start(), span.start + match.start("eq")
        text.blank(start, span.start + match.end())
        text.chars[equals] = "="
        if _DEFINING_NOTE.fullmatch(match.group("note")):
            text.chars[equals - 1] = ":"  # inside the blanked note: the length is kept


def unclosed_group(text: Text, span: Span) -> tuple[str, int] | None:
    """The first ``{``, ``(`` or ``\\left`` of ``span`` that is never closed, and where it is
    (a display with one cannot be cut into steps; ``[`` is left alone, ``[0, 1)`` is fine)."""
    body = text.slice(span.start, span.end)
    open_at: dict[str, list[int]] = {"{": [], "(": [], "\\left": []}
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            word = re.match(r"\\(left|right)(?![a-zA-Z])", body[pos : pos + 7])
            if word and word.group(1) == "left":
                open_at["\\left"].append(pos)
            elif word and open_at["\\left"]:
                open_at["\\left"].pop()
            pos += len(word.group()) if word else 2
            continue
        if char in "{(":
            open_at[char].append(pos)
        elif char in "})":
            stack = open_at["{" if char == "}" else "("]
            if stack:
                stack.pop()
        pos += 1
    first = min(((at[0], name) for name, at in open_at.items() if at), default=None)
    if first is None:
        return None
    return first[1], span.start + first[0]


def _group_end(text: Text, start: int) -> int:
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
    r"(?:\\quad|\\qquad|\\hfill|,|&+)\s*(?:\\text\s*\{[^{}]*\}|\(\s*\\text\s*\{[^{}]*\}\s*\)"
    r"|\\forall(?![a-zA-Z])(?:[^=]|=(?=\s*\d))*"
    # ", for~i=1,..., C", "\quad \text{for } i = 1, \dots, K": the range of a free index
    r"|(?:for|\\text\s*\{\s*for\s*\})(?:~|\\[,; ]|\s)*[i-n]\s*=(?=\s*\d)[^=]*)[\s.,;]*$"
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


def _rows(text: Text, span: Span) -> list[Span]:
    body = text.slice(span.start, span.end)
    levels = _top_level(body)
    rows, start = [], 0
    for match in _ROW_BREAK.finditer(body):
        if levels[match.start()] == 0:
            rows.append(Span(span.start + start, span.start + match.start()))
            text.blank(span.start + match.start(), span.start + match.end())
            start = match.end()
    rows.append(Span(span.start + start, span.end))
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


def _relation_of(match: re.Match[str], row_condition: Relation | None) -> str:
    if match.group("other"):
        return match.group("other")
    return "eq" if match.group("eq") == "=" else "definition"


_WORDED_RELATION = re.compile(  # "the case in which n equals k", "when $i$ is not equal to $j$"
    r"(?<![A-Za-z\\_^])([i-n])\$?\s+(equals|is\s+equal\s+to|(?:is\s+not|isn't)\s+equal\s+to"
    r"|does\s+not\s+equal|is\s+different\s+from|differs\s+from)\s+\$?([i-n])(?![A-Za-z_])"
)


def parse_relation(text: str) -> Relation | None:
    found = {
        (m.group(1), m.group(2) == "=", m.group(3))
        for m in _INDEX_RELATION.finditer(text)
        if m.group(1) != m.group(3)
    }
    found |= {
        (m.group(1), " ".join(m.group(2).split()) in ("equals", "is equal to"), m.group(3))
        for m in _WORDED_RELATION.finditer(text)
        if m.group(1) != m.group(3)
    }
    normal = {(min(a, b), eq, max(a, b)) for a, eq, b in found}
    if len(normal) != 1:
        return None
    left, equal, right = normal.pop()
    return Relation(left, equal, right)


_CONDITION_START = re.compile(r"\\q?quad|,|;|\\text|\(")
_CONDITION_CHARS = 200


def _row_condition(text: Text, row: Span) -> Relation | None:
    """A condition at the end of a row (``\\quad i \\neq j``, ``(\\text{if } i = j)``), blanked."""
    body = text.slice(row.start, row.end)
    annotation = _ANNOTATION.search(body)
    if annotation and not _INDEX_RELATION.search(annotation.group()):
        text.blank(row.start + annotation.start(), row.end)
        return None
    levels = _top_level(body)
    # a condition is a short tail: looking only near the end keeps a long row linear
    starts = _CONDITION_START.finditer(body, max(0, len(body.rstrip()) - _CONDITION_CHARS))
    tails = (_CONDITION_TAIL.match(body, start.start()) for start in starts)
    for match in (tail for tail in tails if tail is not None):
        if levels[match.start()] != 0 and not match.group().startswith("("):
            continue
        tail = match.group()
        relation = parse_relation(tail)
        before = body[: match.start()]
        if relation is None or "=" not in before.replace("\\neq", ""):
            continue
        cleaned = _INDEX_RELATION.sub("", tail)
        cleaned = re.sub(
            r"\\(?:text|mathrm|textrm)\s*\{[^{}]*\}|\\(?:quad|qquad|left|right)|[,;().\s$]",
            "",
            cleaned,
        )
        if cleaned:
            continue
        text.blank(row.start + match.start(), row.end)
        return relation
    return None


@dataclass
class Chain:
    last: Span | None = None
    condition: Relation | None = None
    root: Span | None = None  # the side the index cases split from: "If i ≠ j, $$ = … $$"
    ends: list[tuple[Span, Relation | None]] = field(default_factory=list)  # sides reached


_SEPARATOR = re.compile(
    r"(?:,\s*)?(?:\\qquad|\\quad|\\text\s*\{\s*(?:and|or|where|with|so|thus|hence|since)\s*\})"
    r"(?:\s*\\text\s*\{\s*(?:and|or|where|with|so|thus|hence|since)\s*\})?\s*"
)


_LEADING_CONDITION = re.compile(  # {\rm if}~i=j,~ \frac{…}{…} = …: the row's case, written first
    r"\s*(?:\{\s*\\rm\s+(?:if|for|when)\s*\}|\\(?:text|textrm|mathrm)\s*\{\s*(?:if|for|when)\s*\})"
    r"(?:\s|~|\\[,;:! ])*"
    r"([a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*[a-z])"
    r"\s*(?:~|\\[,;:! ]|\s)*[,:](?:\s|~|\\[,;:! ]|\\q?quad(?![a-zA-Z]))*"
)


def _leading_condition(text: Text, row: Span) -> Relation | None:
    match = _LEADING_CONDITION.match(text.slice(row.start, row.end))
    relation = parse_relation(match.group(1)) if match else None
    if relation is not None:
        text.blank(row.start, row.start + match.end())  # type: ignore[union-attr]
    return relation


_WHERE = re.compile(r"\\text\s*\{\s*(?:where|with)\s*\}")
_LABEL_VALUE = re.compile(r"\s*[A-Za-z]\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])\s*=\s*[01]\s*[.,;]?\s*")


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


def steps_of(text: Text, display: Display, chain: Chain, prose: Relation | None) -> list[Step]:
    """The steps of one display; ``chain`` carries the previous side across rows and displays."""
    _blank_decorations(text, display.body)
    steps: list[Step] = []
    for row in _rows(text, display.body):
        if not text.slice(row.start, row.end).strip():
            continue
        row_condition = _leading_condition(text, row) or _row_condition(text, row) or prose
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
        body, previous = text.slice(row.start, row.end), 0
        for start, end in _segments(body, levels):
            separator, previous = body[previous:start], end
            if _WHERE.search(separator) and _LABEL_VALUE.fullmatch(body[start:end]):
                # "L = -\log p_i \text{ where } y_i = 1": the condition the loss is taken under,
                # not a claim (judged, y_i = 1 would fail for a free label)
                text.blank(row.start + start, row.start + end)
                continue
            segment = Span(row.start + start, row.start + end)
            _chain_steps(text, display, segment, levels[start:end], row_condition, chain, steps)
    return steps


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
    sides = [_trimmed(text, s) for s in sides]
    if len(sides) > 1 and not text.slice(sides[-1].start, sides[-1].end).strip():
        # "… = B =" at the end of a row: the chain goes on in the next row or display
        relations, sides = relations[:-1], sides[:-1]
    if not relations:  # an expression alone, or the rest of the previous row's expression
        if steps and chain.last is steps[-1].rhs and steps[-1].display == display.number:
            chain.last = Span(chain.last.start, sides[0].end)
            steps[-1] = replace(steps[-1], rhs=chain.last)
        elif (singled := _term_of_an_end(text, sides[0], chain)) is not None:
            chain.last, chain.condition = singled  # a term singled out, not a new chain
        else:
            chain.last, chain.condition = sides[0], condition
        return
    left: Span | None = sides[0]
    fresh = bool(text.slice(sides[0].start, sides[0].end).strip())
    if not fresh:
        left = chain.last
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
        steps.append(
            Step(display.number, len(steps) + 1, left, right, relation, kind, condition, first)
        )
        if condition is None:
            chain.root = right
        left = right
    chain.last, chain.condition = left, condition
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


_TRAILING = re.compile(r"(?:(?<!\\right)(?<!\\left)(?<!\\)[.,;]|\\[,;!: ]|\\q?quad)$")


def _trimmed(text: Text, span: Span) -> Span:
    body = text.slice(span.start, span.end)
    stripped = body.rstrip()
    # token by token from the end: one regex with '\s*' before '$' is quadratic in the blanks
    # a long side is made of (5,000 nested environments)
    while (tail := _TRAILING.search(stripped, max(0, len(stripped) - 8))) is not None:
        stripped = stripped[: tail.start()].rstrip()
    start = len(body) - len(body.lstrip())
    return Span(span.start + min(start, len(stripped)), span.start + len(stripped))


def cases_block(text: Text, span: Span) -> list[tuple[Span, Relation | None]] | None:
    """The rows of a right side that is a ``cases`` block, each with its condition."""
    body = text.slice(span.start, span.end)
    match = re.fullmatch(
        r"\s*(?:\\left\s*\\\{\s*)?\\begin\s*\{\s*(cases|dcases|matrix|array)\s*\}(?:\{[lcr]*\})?"
        r"(.*)\\end\s*\{\s*\1\s*\}(?:\s*\\right\s*\.)?\s*",
        body,
        re.DOTALL,
    )
    if match is None:
        return None
    if match.group(1) in ("matrix", "array") and not body.lstrip().startswith("\\left"):
        return None  # a matrix is a case distinction only inside \left\{ … \right.
    inner_start = span.start + match.start(2)
    inner = match.group(2)
    levels = _top_level(inner)
    rows, start = [], 0
    breaks = [m for m in _ROW_BREAK.finditer(inner) if levels[m.start()] == 0]
    for piece in [*breaks, None]:
        end = piece.start() if piece else len(inner)
        if inner[start:end].strip():
            rows.append((start, end))
        start = piece.end() if piece else end
    out: list[tuple[Span, Relation | None]] = []
    conditions: list[Relation | None] = []
    for start, end in rows:
        row = inner[start:end]
        amp = [p for p, c in enumerate(row) if c == "&" and levels[start + p] == 0]
        if len(amp) != 1:
            return [(Span(inner_start + start, inner_start + end), None)] if False else None
        condition_text = row[amp[0] + 1 :]
        relation = parse_relation(condition_text)
        if relation is None and re.search(r"otherwise|else", condition_text):
            if len(rows) == 2 and conditions and conditions[0] is not None:
                first = conditions[0]
                relation = Relation(first.left, not first.equal, first.right)
        if relation is None:
            return None
        conditions.append(relation)
        expression = _trimmed(text, Span(inner_start + start, inner_start + start + amp[0]))
        out.append((expression, relation))
    return out
