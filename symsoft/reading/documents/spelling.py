"""The notations a display is normalized from before it is parsed: the loss and the outputs under
the document's own names, accented and blackboard entries, sum shorthands, indicator sets,
function words, decorations (colours, braces, annotated equals).
"""

from __future__ import annotations

import itertools
import re

from symsoft.reading.documents.call_primes import move_call_primes
from symsoft.reading.documents.colour_groups import unwrap_coloured_equation
from symsoft.reading.documents.proof_marks import blank_proof_marks
from symsoft.reading.documents.spans import Display, Span, Text
from symsoft.reading.documents.worded_cases import spell_tag_cases, spell_text_cases
from symsoft.reading.lazy_regex import lazy

# names that posts give the softmax outputs, read as a standard letter the document leaves free
_OUTPUT_NAMES = lazy(
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


_DROPPED = lazy(
    r"\\(?:label|tag\*?|eqref|hspace\*?|vspace\*?|phantom|hphantom|vphantom|(?:short)?intertext"
    r"|require)"  # \require{cancel}: MathJax loads an extension
    r"\s*\{[^{}]*\}"
    r"|\\(?:nonumber|notag|displaystyle|textstyle|scriptstyle|qedhere|allowbreak|mkern\s*-?\d+mu|(?:no)?indent"
    r"|limits|nolimits|tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge"
    r"|[bx]?cancel)"  # \cancel 2, \cancel{e^x}: a mark on a factor that stays in the formula
    r"(?![a-zA-Z])"
    r"|\\(?:begin|end)\s*\{\s*(?:aligned|alignedat|split|gathered|align\*?|equation\*?|gather\*?"
    r"|eqnarray\*?)\s*\}"
    r"(?:\{\d+\})?"
    # a row's label in words: \text{Proof }, \text{Base on (2), (7)} => …, \text{Step 2:}
    r"|\\text\s*\{\s*(?:[Pp]roof|[Bb]ased?\s+on|[Ss]tep\s*\d*)\b[^{}]*\}"
    r"|\\text\s*\{[^{}]*\}(?=\s*(?:=>|==>|\\Rightarrow|\\implies|\u21d2|\u27f9))"
    # an empty group after a closed group, a bracket, a digit or a lone letter (\frac{…}{…}{} =,
    # s{}(1-s), (1+e^{-x}){}^2, \mathbf{p}{}^T): nothing printed; after a space, before a
    # script ({}^T x), it carries the script and stays
    r"|(?:(?<=[})\]\d])|(?<=(?<![\\a-zA-Z])[a-zA-Z]))\{\s*\}|(?<=\s)\{\s*\}(?!\s*[_^])"
)


_SIGNED_CANCEL = lazy(r"\\[bx]?cancel\s*\{(?=\s*([-+]))")


# \begin{array}{rcl} a &=& b \\ &=& c \end{array}: an alignment (a relation in a cell), no matrix
_ALIGNING_ARRAY = lazy(
    r"\\begin\s*\{\s*array\s*\}\s*\{[lcr|\s]*\}(?P<rows>(?:(?!\\(?:begin|end)\s*\{).)*?)"
    r"\\end\s*\{\s*array\s*\}",
    re.DOTALL,
)
_NEWLINE = lazy(r"\\(?:newline|cr)(?![a-zA-Z])")  # MathJax's \newline, plain TeX's \cr


# "where $\\sum$ stands for $\\sum_k e^{a_k}$", "其中 $\\sum$ 代表 …", "define $\\sum_K = …$": a sum
# sign the text makes a name of the partition sum
_SUM_SHORTHAND = lazy(
    r"\$\s*(\\sum(?:\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?)\s*\$\s*(?:,\s*)?"
    r"(?:代表|表示|denotes|stands\s+for|represents|is\s+(?:short(?:hand)?|an\s+abbreviation)\s+for)"
    r"\s*\$(?=[^$]*\\sum)"
    r"|\b(?:define|let|write)\s+\$\s*(\\sum\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))\s*(?==)",
    re.IGNORECASE,
)


# "with $\\Sigma$ short for $\\sum_{k=1}^{N} e^{a_k}$", "$Z$ is shorthand for $\\sum_k e^{z_k}$":
# one inline definition, $\\Sigma = \\sum_{k=1}^{N} e^{a_k}$ (the same length)
_SHORT_FOR = lazy(
    r"\$\s*(?:\\Sigma|Σ|[A-Z]|\\[A-Z][a-z]+)\s*(\$\s*,?\s*(?:is\s+|as\s+)?(?:short(?:hand)?|an\s+abbreviation)"
    r"\s+for\s*\$)(?=\s*\\sum[^$]*\$)",
    re.IGNORECASE,
)
_BARE_SUM = lazy(r"\\sum(?=\s*(?:[-+})^=]|\\times|\\cdot|\\right|$))")


def name_sum_shorthand(text: Text) -> None:
    """A sum sign the text introduces as the name of a sum (``$\\sum$ stands for $\\sum_k
    e^{a_k}$``, ``define $\\sum_K = \\sum_{j=1}^{K} e^{\\theta_j}$``) is that name wherever it
    stands alone: written ``\\Sigma`` (``Σ``), a name the definition gives a meaning to."""
    everything = text.slice(0, len(text.chars))
    for said in _SHORT_FOR.finditer(everything):  # "$\\Sigma$ short for $\\sum_k e^{a_k}$"
        text.chars[said.start(1) : said.end(1)] = list(" =".ljust(said.end(1) - said.start(1)))
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
_SIGMA = lazy(r"\\sigma(?![a-zA-Z])")
_SIGMA_APPLIED = lazy(r"\\sigma(?![a-zA-Z])\s*(?:[(_'\[]|\\left|\\prime|\^\s*\{?\s*\\prime)")
_SIGMA_NAMES_SUM = lazy(r"\\sigma(?![a-zA-Z])\s*(?::=|=|\\coloneqq|\\equiv)\s*\\sum(?![a-zA-Z])")


def spell_sigma_sum(text: Text) -> None:
    """``\\sigma = \\sum_{j} e^{f_j}``: a σ the text defines as a sum and never applies to
    anything (no ``\\sigma(z)``, ``\\sigma_i``, ``\\sigma'``) is that sum, a name, spelled
    ``\\Sigma`` as a shorthand of the sum is (when the text writes no ``\\Sigma`` of its own).
    Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    if not _SIGMA_NAMES_SUM.search(everything) or _SIGMA_APPLIED.search(everything):
        return
    if re.search(r"\\Sigma(?![a-zA-Z])", everything):
        return
    for match in _SIGMA.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\Sigma")


_BRACED_BASE = lazy(r"\{\s*(\\?[a-zA-Z]+|\d+)\s*\}(?=\s*[\^_])")


_COLOUR = lazy(r"\\(?:color|textcolor)\s*\{[^{}]*\}\s*|\\(?:boxed|cancelto\{[^{}]*\})\s*")


_BRACE_KEEPERS = lazy(
    r"\\(?:underbrace|overbrace|eqalign|displaylines|underset\s*\{[^{}]*\}|overset\s*\{[^{}]*\})\s*"
)


_INDICATOR_SET = lazy(r"(?:1|\\math(?:bb|bf)\s*\{\s*1\s*\})\s*_\s*\{\s*(\\\{)[^{}]*?(\\\})\s*\}")


_INDICATOR_CALL = lazy(r"\\math(?:bb|bf)\s*\{\s*[1I]\s*\}\s*(?:\\left\s*)?([(\[])")


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


_FUNCTION_WORD = lazy(
    r"\\(?:text|textrm|mathrm|operatorname)\s*\{\s*(tanh|[sS]igmoid)\s*\}(?=\s*[(^'\\])"
    r"|(?<![A-Za-z\\])([sS]igmoid)(?=\s*\()"  # sigmoid(z) without a command, as tanh(z)
)


def _function_words(text: Text, span: Span) -> None:
    """``\\text{tanh}`` is ``\\tanh``, and ``\\text{sigmoid}`` the logistic ``\\sigma`` when the
    document writes no ``\\sigma`` of its own (same length: the rest is blanked)."""
    body = text.slice(span.start, span.end)
    for match in _FUNCTION_WORD.finditer(body):
        start, word = span.start + match.start(), match.group(1) or match.group(2)
        if word.lower() == "sigmoid" and re.search(r"\\sigma(?![a-zA-Z])", text.original):
            continue
        written = "\\tanh" if word == "tanh" else "\\sigma"
        text.blank(start, span.start + match.end())
        text.chars[start : start + len(written)] = written


def _group_end_any(text: Text, start: int, limit: int) -> int:
    closer = {"(": ")", "[": "]"}[text.chars[start]]
    end = text.slice(start, limit).find(closer)
    return -1 if end < 0 else start + end + 1


_LOSS_ARGUMENT = lazy(r"(?<![A-Za-z\\])L\s*(\(\s*[aoz]\s*\))")


# \frac{- \partial X}{\partial v}: the numerator's sign; \frac{(\partial -X)}{\partial v}: a
# parenthesis opened before the ∂ of the numerator and closed at its end
_SIGNED_NUMERATOR = lazy(r"\\frac\s*\{\s*-\s*(?=\\partial(?![a-zA-Z]))")
_OPENED_BEFORE_PARTIAL = lazy(r"\\frac\s*(\{)\s*(\()\s*\\partial(?![a-zA-Z])")


def _moved_signs(text: Text, span: Span) -> None:
    """``\\frac{- \\partial X}{\\partial v}`` is ``-\\frac{\\partial X}{\\partial v}`` where the
    fraction starts a term (after ``=``, ``&``, ``(`` or at the start: after a factor the sign
    would turn a product into a difference); ``\\frac{(\\partial -X)}{\\partial v}`` is
    ``\\frac{\\partial(-X)}{\\partial v}``.  Same length: columns stay the file's."""
    body = text.slice(span.start, span.end)
    for match in _SIGNED_NUMERATOR.finditer(body):
        before = body[: match.start()].rstrip()
        opening = before.endswith("\\\\") or re.search(r"\\begin\s*\{[^{}]*\}$", before)
        if before and before[-1] not in "=&({" and not opening:
            continue
        moved = "-\\frac{".ljust(match.end() - match.start())
        text.chars[span.start + match.start() : span.start + match.end()] = list(moved)
    body = text.slice(span.start, span.end)
    for match in _OPENED_BEFORE_PARTIAL.finditer(body):
        end = _group_end(text, span.start + match.start(1))
        closing = text.slice(span.start + match.start(1), end - 1).rstrip() if end > 0 else ""
        inner = closing[match.end(2) - match.start(1) :]
        depths = list(itertools.accumulate((c == "(") - (c == ")") for c in inner))
        if not closing.endswith(")") or -1 in depths[:-1] or depths[-1:] != [-1]:
            continue  # the parenthesis closes before the numerator ends: (\partial x) y
        at = span.start + match.start(2)
        written = text.slice(at, span.start + match.end())
        text.chars[at : span.start + match.end()] = list(
            written[1:].rstrip() + " " * (len(written) - len(written.rstrip())) + "("
        )


_BRACED_PRIMES = lazy(r"(?<=[A-Za-z)\]}])\s*\^\s*\{\s*('+)\s*\}")
_SPACED_EQUALS = lazy(r"(?<![\\<>!:])=\s*+&?\s*+((?:\\q?quad(?![a-zA-Z])\s*+)+)")


def _blank_decorations(text: Text, span: Span) -> None:
    """Blank what carries no mathematics: labels, tags, colours, braces' annotations, the
    argument list of ``L(o)``."""
    _annotated_equals(text, span)
    body = text.slice(span.start, span.end)
    for match in _SPACED_EQUALS.finditer(body):  # "A =\quad B": a space, no condition after it
        text.blank(span.start + match.start(1), span.start + match.end(1))
    blank_proof_marks(text, span)  # \quad \blacksquare: the proof ends
    body = text.slice(span.start, span.end)
    for match in _BRACED_PRIMES.finditer(body):  # (e^{x_i})^{'}: the prime ' (round 95)
        text.blank(span.start + match.start(), span.start + match.start(1))
        text.blank(span.start + match.end(1), span.start + match.end())
    move_call_primes(text, span)
    _moved_signs(text, span)
    _indicators(text, span)
    _function_words(text, span)
    spell_text_cases(text, span)
    spell_tag_cases(text, span)  # \tag{$i = j$}: the row's case
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
    struck = [
        (m, _group_end(text, span.start + m.end() - 1)) for m in _SIGNED_CANCEL.finditer(body)
    ]
    struck = [(m, end) for m, end in struck if end > 0]
    terms = [
        (m.group(1), re.sub(r"\s+", "", text.slice(span.start + m.end(), end - 1))[1:])
        for m, end in struck
    ]
    # each struck term beside the same term struck with the other sign: they cancel each other
    pairs = bool(terms) and all(  # as many struck with each sign, term by term
        re.search(r"\w", term) and terms.count(("-", term)) == terms.count(("+", term))
        for _, term in terms
    )
    for match, end in struck if pairs else ():
        # y \cancel{- y h} - h \cancel{+ y h}: struck terms that cancel each other stay terms
        # of the sum (kept or dropped, the value is one); a term struck alone (dropped because
        # it is 0 under a condition?) is left unread
        text.blank(span.start + match.end() - 1, span.start + match.end())
        text.blank(end - 1, end)
    alone = set() if pairs else {m.start() for m, _ in struck}
    for match in _DROPPED.finditer(body):
        if match.start() not in alone:  # a term struck alone stays marked: not read
            text.blank(span.start + match.start(), span.start + match.end())
    for match in _ALIGNING_ARRAY.finditer(body):  # {ll} with a relation in a cell: rows
        if re.search(r"&\s*=|=\s*&", match.group("rows")):
            text.blank(span.start + match.start(), span.start + match.start("rows"))
            text.blank(span.start + match.end("rows"), span.start + match.end())
    for match in _NEWLINE.finditer(body):  # \newline, \cr break a row as \\ does
        text.blank(span.start + match.start(), span.start + match.end())
        text.chars[span.start + match.start() : span.start + match.start() + 2] = ["\\", "\\"]
    _unwrap(text, span)  # ${\begin{aligned} … \end{aligned}}$$: braces around the whole display
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
            unwrap_coloured_equation(text, span, span.start + match.start())
    body = text.slice(span.start, span.end)
    for match in _BRACE_KEEPERS.finditer(body):
        group = span.start + match.end()
        if group >= len(text.chars) or text.chars[group] != "{":
            continue
        end = _group_end(text, group)
        if end < 0:
            continue
        kept = text.slice(group, end)
        if _RELATION_NOTE.search(match.group()) and re.fullmatch(r"\{\s*=\s*\}", kept):
            continue  # \underset{y=1}{=}: a case on the sign, not read (the row is not a step)
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


_ANNOTATED_EQUALS = lazy(  # \stackrel{\text{def}}{=}, \overset{(a)}{=}: one level of braces
    r"\\(?:stackrel|overset|underset)\s*\{(?P<note>(?:[^{}]|\{[^{}]*\})*)\}\s*"
    r"(?:\{\s*(?P<eq>=)\s*\}|(?P<bare>=)(?!=))"  # (\underset{\text{linearity}}=: unbraced)
)


_RELATION_NOTE = lazy(r"=|\\neq?(?![a-zA-Z])|[<>≠∈]|\\[lg]eq?(?![a-zA-Z])|\\in(?![a-zA-Z])")
_DEFINING_NOTE = lazy(
    r"\s*(?:\\(?:text|mathrm|textrm|rm|mathsf|textsf|scriptscriptstyle|scriptstyle)\s*)?"
    r"\{?\s*(?:def\.?|defn|definition|:|\\Delta|\\triangle|\\vartriangle)\s*\}?\s*"
)


def _annotated_equals(text: Text, span: Span) -> None:
    """An ``=`` with a note above it: ``:=`` when the note says "def" (a definition), else a
    plain ``=`` (``\\stackrel{(a)}{=}`` is an equality whose reason is (a))."""
    body = text.slice(span.start, span.end)
    for match in _ANNOTATED_EQUALS.finditer(body):
        if _RELATION_NOTE.search(match.group("note")):
            continue  # \underset{y=1}{=}, \stackrel{i \neq j}{=}: a case on the sign, not read
        eq = "eq" if match.group("eq") else "bare"
        start, equals = span.start + match.start(), span.start + match.start(eq)
        text.blank(start, span.start + match.end())
        text.chars[equals] = "="
        if _DEFINING_NOTE.fullmatch(match.group("note")):
            text.chars[equals - 1] = ":"  # inside the blanked note: the length is kept


def _unwrap(text: Text, span: Span) -> None:
    body = text.slice(span.start, span.end)
    opening = len(body) - len(body.lstrip())
    if body[opening : opening + 1] != "{":
        return
    end = _group_end(text, span.start + opening)
    if end > 0 and not text.slice(end, span.end).strip():
        text.blank(span.start + opening, span.start + opening + 1)
        text.blank(end - 1, end)


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
