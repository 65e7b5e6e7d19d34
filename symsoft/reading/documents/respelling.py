"""The first rewritings of a document's text, in order, before its displays are found: what is
not mathematics blanked, then notations written as the reader's own (each pass keeps the text's
length, so columns stay the file's)."""

from __future__ import annotations

from symsoft.reading.documents.bold import spell_accented_entries
from symsoft.reading.documents.displays import blank_markdown_code, blank_tex_comments
from symsoft.reading.documents.group_breaks import blank_group_breaks, spell_substacks
from symsoft.reading.documents.one_hot_words import spell_one_hot_words
from symsoft.reading.documents.parametrized import spell_parametrized_calls
from symsoft.reading.documents.renaming import spell_entries_of_vectors, spell_superscript_entries
from symsoft.reading.documents.samples import spell_per_example
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


def blank_and_respell(document: Text, latex: bool) -> None:
    """Comments (LaTeX) or code (Markdown) blanked; ``\\hat{y_i}`` spelled ``\\hat{y}_i``; a
    vector defined by its entries written out spelled as the definition of its entry."""
    if latex:
        blank_tex_comments(document)
    else:
        blank_markdown_code(document)
    blank_group_breaks(document)  # {a \\ - b \over c}: a wrapped line, no row
    spell_substacks(document)  # \sum_{\substack{j=1 \\ j \neq i}}: \sum_{j=1, j \neq i}
    whole = "".join(document.chars)
    for found in _KATEX_PART.finditer(whole):  # KaTeX's \part is \partial: ∂, then blanks
        document.chars[found.start() : found.end()] = list("∂    ")
    for found in _WORDED_FUNCTION.finditer(whole):  # \mathop{log}: \log, then blanks
        written = f"\\{found.group(1)}"
        document.chars[found.start() : found.end()] = list(written.ljust(len(found.group())))
    for pos, char in enumerate(document.chars):  # 𝑦 (mathematical italic) is y
        if ord(char) >= 0x1D400 and (letter := plain_letter(char)) is not None:
            document.chars[pos] = letter
    spell_accented_entries(document)
    spell_subscripted_bounds(document)  # \sum_{j=1}^{n_{o}}: the count n_o one capital
    spell_written_vectors(document)  # \mathbf{p} = \begin{bmatrix} … \vdots … \end{bmatrix}


def respell_examples(document: Text) -> None:
    """``\\frac{dL^{(i)}}{dp^{(i)}}`` alone: one example's numbers; ``Z_2^{(i)}`` is ``Z_i``."""
    spell_per_example(document)
    spell_superscript_entries(document)


def respell_calls(document: Text) -> None:
    """``y_k = 1 \\text{ if } k = c``: ``y_k = [k = c]``; ``y_k(x)`` of a text defining
    ``y_i(x) = …``: ``y_k``; ``h_\\theta(x)`` of a text defining it: ``h``."""
    spell_one_hot_words(document)
    spell_entries_of_vectors(document)
    spell_parametrized_calls(document)
