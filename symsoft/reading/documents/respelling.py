"""The first rewritings of a document's text, in order, before its displays are found: what is
not mathematics blanked, then notations written as the reader's own (each pass keeps the text's
length, so columns stay the file's)."""

from __future__ import annotations

import re

from symsoft.reading.documents.bold import spell_accented_entries
from symsoft.reading.documents.braced_partials import blank_braced_partials
from symsoft.reading.documents.comment_columns import blank_comment_columns
from symsoft.reading.documents.displays import blank_markdown_code, blank_tex_comments
from symsoft.reading.documents.emphasis import blank_emphasis
from symsoft.reading.documents.group_breaks import blank_group_breaks, spell_substacks
from symsoft.reading.documents.inner_products import spell_inner_products
from symsoft.reading.documents.leading_cases import spell_leading_cases
from symsoft.reading.documents.max_shift import cancel_max_shifts
from symsoft.reading.documents.one_hot_words import spell_one_hot_words
from symsoft.reading.documents.overlays import blank_overlays
from symsoft.reading.documents.parametrized import spell_parametrized_calls
from symsoft.reading.documents.power_calls import spell_power_calls
from symsoft.reading.documents.renaming import spell_entries_of_vectors, spell_superscript_entries
from symsoft.reading.documents.samples import spell_per_example
from symsoft.reading.documents.softmax_words import rename_softmax_words
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripted_bounds import spell_subscripted_bounds
from symsoft.reading.documents.written_vectors import spell_written_vectors
from symsoft.reading.grammar.characters import plain_letter
from symsoft.reading.lazy_regex import lazy

# \part x, \frac{\part}{\part x}: KaTeX's short \partial (not LaTeX's \part{Title} heading)
_KATEX_PART = lazy(r"\\part(?![a-zA-Z{*[\s])|\\part(?=\s+[a-zA-Z\\])")


# \mathrm{log}, \operatorname{exp}, \mathop{\rm log}: the function a command names
_WORDED_FUNCTION = lazy(
    r"(?<![_^])(?<![_^]\{)(?<![_^] )(?<![_^]\{ )"  # not a label in a script: L_{\text{exp}}
    r"\\(?:mathrm|operatorname|mathop|textrm|text)\s*\{\s*(?:\\rm\s+)?(log|ln|exp|tanh)\s*\}"
)


# \frac{\partial \operatorname{LSE}}{\partial x_j}: log-sum-exp without its argument, by an entry
_LSE_BY_ENTRY = lazy(
    r"\\partial(?:\s*+\^\s*+\{?\s*+2\s*+\}?)?(\s*+\\(?:operatorname|mathrm)\s*+\{\s*+(?:LSE|lse|logsumexp)\s*+\})"
    r"(?=\s*+\}\s*+\{\s*+\\partial\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{)?\s*+([a-z])\s*+\}?\s*+_)"
)
# log-sum-exp of one vector, defined: \operatorname{LSE}(\mathbf{x}) = …, \mathrm{lse}(z) :=
_LSE_DEFINED = lazy(
    r"\\(?:operatorname|mathrm)\s*+\{\s*+(?:LSE|lse|logsumexp)\s*+\}\s*+(?:\\left)?\(\s*+"
    r"(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+([a-z])\s*+\}|([a-z]))\s*+(?:\\right)?\)\s*+(?::=|=)"
)


def spell_lse_derivatives(document: Text) -> None:
    """``\\frac{\\partial \\operatorname{LSE}}{\\partial x_j}`` in a text that defines
    log-sum-exp of the vector x (``\\operatorname{LSE}(\\mathbf{x}) = \\log \\sum_i e^{x_i}``):
    the derivative of ``lse(x)``, the argument its definition names (the same length)."""
    whole = "".join(document.chars)
    defined = {m.group(1) or m.group(2) for m in _LSE_DEFINED.finditer(whole)}
    if len(defined) != 1:
        return  # LSE of no vector or of several: which one a bare LSE means is not said
    for found in _LSE_BY_ENTRY.finditer(whole):
        if found.group(2) in defined:
            written = f" lse({found.group(2)})".ljust(len(found.group(1)))
            document.chars[found.start(1) : found.end(1)] = list(written)


# \nabla_{\mathbf{z}}\, \ell: the thin space after the gradient's subscript, blanked
_NABLA_SPACE = lazy(r"\\nabla\s*+_\s*+(?:\{[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+\}|\\?\w)\s*+(\\[,;:!])")


_QEDHERE = lazy(r"\\qedhere(?![a-zA-Z])")
# MathJax's \cssId{show-line-1}, \class{hl}, \style{color:red}: a mark for the page's style
# sheet or scripts; the mathematics after it is kept
_STYLE_MARK = lazy(r"\\(?:cssId|class|style)\s*\{[^{}$]*\}")
# \Large f(x) = …: a size, in inline math as in displays (spelling.py's _DROPPED there)
_SIZE = lazy(
    r"\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)(?![a-zA-Z])"
)
# \intertext{and differentiating,}: words between two rows of an align, a row break
_INTERTEXT = lazy(r"(\\\\\s*)?\\(?:short)?intertext\s*\{(?P<words>(?:[^{}]|\{[^{}]*\})*)\}")
# … that leads with an index case ("If $i \neq j$ the first term vanishes"): a row of words;
# never a case only mentioned ("Unlike the case $i = j$ treated above")
_CASE_LEAD = lazy(
    r"(?i)\s*(?:(?:and|but|while|now)\s*,?\s+)?(?:if|when|whenever|for)\s+\$\s*[a-z]\s*"
    r"(?:=|\\neq?|\\not\s*=|≠)\s*[a-z]\s*\$(?![^{}]*\b(?:not|unlike|treated|previous|above)\b)"
)


def _region(whole: str, found: re.Match[str]) -> tuple[int, int]:
    """The align an ``\\intertext`` stands in (a matrix inside it aside): where it begins, ends."""
    begins = [m.start() for m in _ALIGN.finditer(whole, 0, found.start())]
    end = whole.find("\\end", found.end())
    while end >= 0 and not _ALIGN_END.match(whole, end):
        end = whole.find("\\end", end + 1)
    return begins[-1] if begins else -1, end


_ALIGNS = r"\s*\{\s*(?:align|gather|flalign|alignat|multline|eqnarray)"
_ALIGN, _ALIGN_END = lazy(r"\\begin" + _ALIGNS), lazy(r"\\end" + _ALIGNS)


# \\[6pt]: a row break with extra space; the space blanked, the break kept
# a row's note in brackets after a gap, at the row's end: "\quad[\text{apply chain rule}]",
# "\qquad (\text{sum rule})" (Raschka's FAQ, real round 77)
_BRACKETED_NOTE = lazy(
    r"\\q?quad\s*+(?:\[\s*+\\text\s*+\{[^{}$=]*\}\s*+\]|\(\s*+\\text\s*+\{[^{}$=]*\}\s*+\))"
    r"(?=\s*(?:\\\\|\\end\b|\$\$|\\\]|\\\)|$))"
)
_HYPOTHESIS_WORDS = lazy(
    r"(?i)one[- ]?hot|\b(?:sums?|adds?)\s+(?:up\s+)?to\b|distribution|probabilit"
    r"|\b(?:if|when|where|assum\w*|given)\b"
)
_SPACED_BREAK = lazy(r"(?<=\\\\)\s*\[\s*-?\d*\.?\d+\s*(?:pt|em|ex|mm|cm|in|bp|mu|pc)\s*\]")


# a Markdown file's front matter (Jekyll's YAML between ---, Hugo's TOML between +++): settings
# (`math = true`, `date = 2022-08-02`), never mathematics
_FRONT_MATTER = lazy(r"\ufeff?(---|\+\+\+)[ \t]*\n(?:.*\n){0,60}?\1[ \t]*(?:\n|$)")


# "(4)" after a space at the end of a display (round 106: ``\hat{y_i} - y_i (4)``, then ``1 (5)``)
_EQUATION_NUMBER = lazy(r"(?<=\S)[ \t]+\((\d{1,3})\)[ \t]*(?=\$\$|\\\])")


def blank_and_respell(document: Text, latex: bool) -> None:
    """Comments (LaTeX) or code (Markdown) blanked; ``\\hat{y_i}`` spelled ``\\hat{y}_i``; a
    vector defined by its entries written out spelled as the definition of its entry."""
    if latex:
        blank_tex_comments(document)
    else:
        blank_markdown_code(document)
        if front := _FRONT_MATTER.match("".join(document.chars)):  # --- title: … ---, Hugo's +++
            document.blank(front.start(), front.end())
        blank_emphasis(document)  # "For a **one-hot** vector $y$": the words as said
    blank_group_breaks(document)  # {a \\ - b \over c}: a wrapped line, no row
    for found in _SPACED_BREAK.finditer("".join(document.chars)):  # \\[6pt]: \\ alone
        document.blank(found.start(), found.end())
    spell_substacks(document)  # \sum_{\substack{j=1 \\ j \neq i}}: \sum_{j=1, j \neq i}
    whole = "".join(document.chars)
    for found in _NABLA_SPACE.finditer(whole):  # \nabla_{\mathbf{z}}\, \ell
        document.blank(found.start(1), found.end(1))
    for found in _STYLE_MARK.finditer(whole):  # \cssId{line-1}\softmax(x) = …
        document.blank(found.start(), found.end())
    for found in _QEDHERE.finditer(whole):  # "= p_i - q_i . \qedhere": the proof's end mark
        document.blank(found.start(), found.end())
    for found in _SIZE.finditer(whole):
        document.blank(found.start(), found.end())
    numbers = list(_EQUATION_NUMBER.finditer(whole))  # $$… = 1 (5)$$: a display's number,
    if len({found.group(1) for found in numbers}) >= 2:  # where two or more are numbered so
        for found in numbers:
            document.blank(found.start(), found.end())
    for found in _BRACKETED_NOTE.finditer(whole):  # \quad[\text{apply chain rule}]: a note
        if not _HYPOTHESIS_WORDS.search(found.group()):  # (not "[y is one-hot]": review 72d)
            document.blank(found.start(), found.end())
    intertexts = [
        (m, _region(whole, m), bool(_CASE_LEAD.match(m["words"])))
        for m in _INTERTEXT.finditer(whole)
    ]
    mixed = {region for _, region, leads in intertexts if not leads}
    for found, region, leads in intertexts:  # \intertext{…}: a row break, not a product
        start = found.end(1) if found.group(1) else found.start()
        document.blank(start, found.end())
        if leads and region not in mixed:
            # "If $i \neq j$, …" leads the rows after it (in an align whose other intertexts
            # all lead cases: words of another kind could end the case, or not)
            row = ("" if found.group(1) else "\\\\") + f"&\\text{{{found.group('words')}}}\\\\"
            document.chars[start : start + len(row)] = list(row)
        elif found.group(1) is None:  # (no \\ before it: the rows are broken here)
            document.chars[found.start() : found.start() + 2] = ["\\", "\\"]
    for found in _KATEX_PART.finditer(whole):  # KaTeX's \part is \partial: ∂, then blanks
        document.chars[found.start() : found.end()] = list("∂    ")
    for found in _WORDED_FUNCTION.finditer(whole):  # \mathop{log}: \log, then blanks
        written = f"\\{found.group(1)}"
        document.chars[found.start() : found.end()] = list(written.ljust(len(found.group())))
    for pos, char in enumerate(document.chars):  # 𝑦 (mathematical italic) is y
        if ord(char) >= 0x1D400 and (letter := plain_letter(char)) is not None:
            document.chars[pos] = letter
    spell_accented_entries(document)
    blank_braced_partials(document)  # \partial{\vec{x}}: \partial \vec{x}
    spell_subscripted_bounds(document)  # \sum_{j=1}^{n_{o}}: the count n_o one capital
    spell_written_vectors(document)  # \mathbf{p} = \begin{bmatrix} … \vdots … \end{bmatrix}
    spell_lse_derivatives(document)  # \frac{\partial \operatorname{LSE}}{\partial x_j}
    spell_inner_products(document)  # \langle g, s \rangle: \sum_r g_r s_r
    blank_comment_columns(document)  # && \text{the delta picks out } i = j: a remark
    blank_overlays(document)  # \uncover<2->{&= …}: a slide's row, shown later


_SAMPLE_THEN_INDEX = lazy(r"(\^\s*\{\s*\(\s*[a-km-z]\s*\)\s*\})(\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))")


# a letter with a sample's label in parentheses (x^{(i)}), and the same letter with the same
# index as a bare superscript (x^{i}, x^i): the text's shorthand for that label
_SAMPLE_LABEL = lazy(r"(?<![\\A-Za-z])([a-zA-Z])\s*\^\s*\{\s*\(\s*([a-z])\s*\)\s*\}")
_BARE_LABEL = lazy(
    r"(?<![\\A-Za-z])([a-zA-Z])\s*(\^)\s*(?:(\{)\s*([a-z])\s*(\})|([a-z])(?![A-Za-z]))"
)


def respell_examples(document: Text) -> None:
    """``\\frac{dL^{(i)}}{dp^{(i)}}`` alone: one example's numbers; ``Z_2^{(i)}`` is ``Z_i``;
    ``x^{(i)}_j`` is ``x_j^{(i)}`` (the same characters, the subscript first); ``y^{i}`` in a text
    that writes ``y^{(i)}`` is that sample's, ``y^(i)`` (a power by a summed index, never)."""
    for found in _SAMPLE_THEN_INDEX.finditer("".join(document.chars)):
        document.chars[found.start() : found.end()] = list(found.group(2) + found.group(1))
    whole = "".join(document.chars)
    labels = {(m.group(1), m.group(2)) for m in _SAMPLE_LABEL.finditer(whole)}
    for found in _BARE_LABEL.finditer(whole) if labels else ():
        if (found.group(1), found.group(4) or found.group(6)) not in labels:
            continue
        if found.group(3):  # y^{i}: y^(i), the label (a sample's grammar reads it so)
            document.chars[found.start(3)], document.chars[found.start(5)] = "(", ")"
        else:  # y^i: one character short of a label; the subscript, y_i
            document.chars[found.start(2)] = "_"
    spell_per_example(document)
    spell_superscript_entries(document)


def respell_calls(document: Text) -> None:
    """``y_k = 1 \\text{ if } k = c``: ``y_k = [k = c]``; ``y_k(x)`` of a text defining
    ``y_i(x) = …``: ``y_k``; ``h_\\theta(x)`` of a text defining it: ``h``; a softmax written
    with its max shift: the softmax."""
    spell_one_hot_words(document)
    cancel_max_shifts(document)  # \frac{e^{z_j - \max_i z_i}}{\sum_k e^{z_k - \max_i z_i}}
    spell_power_calls(document)  # f^2(x) beside f(x): f(x)^2
    rename_softmax_words(document)  # softmax_j = … defined: softmax_i is a name, S_i
    spell_leading_cases(document)  # $$\text{If } y=1, L = …$$: If $y=1$ $$L = …$$
    spell_entries_of_vectors(document)
    spell_parametrized_calls(document)
