"""Accented and bold letters as the reader spells them: ``\\hat{y_i}`` is ``\\hat{y}_i``, a
blackboard or text-mode bold letter is the bold vector, an accent inside the bold
(``\\mathbf{\\hat{y}}``) is the bold letter under the accent (``\\hat{\\mathbf{y}}``), and a
bold one before a condition (``\\mathbf{1}\\{i = j\\}``) is the indicator, not the vector of
ones.  Every rewriting keeps the text's length: columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_ACCENTED_ENTRY = lazy(
    r"\\(?:hat|widehat|tilde|widetilde|bar|overline)\s*\{\s*([a-zA-Z])"
    r"(\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))\s*\}"
)


# {\hat y}_k, {\hat{y}}_k: the accented letter in a group of its own, then its index
_GROUPED_ACCENT = lazy(
    r"(?<![\^_}a-zA-Z])\{\s*\\(hat|widehat|tilde|widetilde|bar|overline)\s*(?:\{\s*([a-zA-Z])\s*\}"
    r"|\s+([a-zA-Z]))\s*\}(?=\s*_)"
)


_BLACKBOARD_LETTER = lazy(r"\\mathbb(?=\s*\{\s*(?:[a-z]|\\[a-z]+)\s*\})")


# \textbf{z}: a letter set bold in text mode (a stats.SE question's vectors), as \mathbf{z}
_TEXT_BOLD_LETTER = lazy(r"\\textbf(?=\s*\{\s*[a-zA-Z]\s*\})")


_BLACKBOARD_ACCENT = lazy(
    r"\\mathbb\s*\{(\s*\\(?:hat|tilde|bar)\s*\{[^{}]*\}(?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?\s*)\}"
)


# \bigtriangledown, \triangledown: the nabla sign as some posts type it (no other meaning in math)
_NABLA_ALIAS = lazy(r"\\(?:big)?triangledown(?![a-zA-Z])")


# {\bf w}, \bf{w}, \bf w: plain TeX's bold letter, \bm{w}
_POOR_BOLD = lazy(r"\\pmb(?:(\s++)([a-zA-Z])(?![a-zA-Z])|(?=\s*\{))")
# plain TeX's roman letter or function, {\rm d}, {\rm softmax}, ^{\rm T}: alone (a script keeps
# its braces); group 1: the script it follows
_ROMAN = lazy(
    r"([\^_]\s*)?\{(\\rm\s*+)(?(1)[a-zA-Z](?![a-zA-Z])"  # in a script: a letter (^{\rm T})
    r"|(?!(?:if|when|for|and|or|else|otherwise|where|with|s\.?t)\b)[a-zA-Z]+)\s*\}"
)  # not {\rm if}: a word of a condition, read as such
_PLAIN_BOLD = lazy(
    r"\{\s*\\bf\s+([a-zA-Z])\s*\}|\\bf(?=\s*\{\s*[a-zA-Z]\s*\}|\s+[a-zA-Z](?![a-zA-Z]))"
)


# \overrightarrow{w}: the arrow over a letter, a vector as \vec{w} is
_ARROW_VECTOR = lazy(r"\\overrightarrow(?=\s*\{\s*[a-zA-Z]\s*\})")
# j != i, as code writes it (not TeX's \! before =): the sign ≠
_CODE_UNEQUAL = lazy(r"(?<!\\)!=(?!=)")


# \mathbf{\hat{y}}, \mathbb{\hat{y}}: the accent over the bold vector (no index inside)
_ACCENT_IN_BOLD = lazy(
    r"\\(mathbf|mathbb|boldsymbol|bm)\s*\{\s*\\(hat|tilde|bar)\s*\{\s*([a-z]|\\[a-z]+)\s*\}\s*\}"
)


# \mathbf{1}\{i = j\}, \mathbf{\large 1}_{i=j}, \boldsymbol{1}(k = y): the indicator of the
# condition after it (a vector of ones is never followed by a condition)
_BOLD_INDICATOR = lazy(
    r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?:\\(?:large|Large|small|normalsize)(?![a-zA-Z])\s*)?"
    r"1\s*\}(?=\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\\\{|\s*_\s*\{[^{}]*=|\s*\(\s*[a-z][^()]*=)"
)


def spell_accented_entries(text: Text) -> None:
    """``\\hat{y_i}`` is ``\\hat{y}_i`` (the accent over the letter, the index outside), and a
    blackboard lower-case letter (``\\mathbb{x}``, ``\\mathbb{\\theta}``) is the bold vector
    ``\\mathbf{x}``, and so is a letter in ``\\textbf``; ``\\mathbb{\\hat{y}}`` and
    ``\\mathbf{\\hat{y}}`` are the vector ``\\hat{\\mathbf{y}}`` (with an index inside,
    ``\\mathbb{\\hat{y}_i}``, the entry ``\\hat{y}_i``); ``\\mathbf{1}\\{i=j\\}`` is the indicator;
    ``\\bigtriangledown`` is ``\\nabla``; ``\\overrightarrow{w}`` is ``\\vec{w}``; ``!=`` is ``≠``;
    plain TeX's ``{\\bf w}`` is ``\\bm{w}``; ``{\\hat y}_k`` is ``\\hat{y}_k``.
    Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    for match in _GROUPED_ACCENT.finditer(everything):  # {\hat y}_k: \hat{y}_k
        spelled = f"\\{match.group(1)}{{{match.group(2) or match.group(3)}}}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
    everything = text.slice(0, len(text.chars))
    for match in _ACCENTED_ENTRY.finditer(everything):
        if "\n" in match.group():
            continue
        accent = match.group()[: match.group().index("{")].rstrip()
        spelled = f"{accent}{{{match.group(1)}}}{match.group(2).strip()}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
    everything = text.slice(0, len(text.chars))
    for match in _ACCENT_IN_BOLD.finditer(everything):
        bold = "mathbf" if match.group(1) == "mathbb" else match.group(1)
        spelled = f"\\{match.group(2)}{{\\{bold}{{{match.group(3)}}}}}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
    for match in _BOLD_INDICATOR.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\mathbb{1}".ljust(len(match.group())))
    everything = text.slice(0, len(text.chars))
    for match in _BLACKBOARD_LETTER.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\mathbf")
    for match in _TEXT_BOLD_LETTER.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\mathbf")
    for match in _PLAIN_BOLD.finditer(everything):
        spelled = f"\\bm{{{match.group(1)}}}" if match.group(1) else "\\bm"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
    for match in _POOR_BOLD.finditer(everything):  # \pmb{x}, \pmb x: \bm{x}
        spelled = f"\\bm{{{match.group(2)}}}" if match.group(2) else "\\bm"
        text.chars[match.start() : match.end()] = list(spelled.rjust(len(match.group())))
    for match in _ROMAN.finditer(everything):  # {\rm softmax}: softmax; ^{\rm T}: ^{T}
        if not match.group(1) and re.search(
            r"[\^_]\s*$", everything[max(0, match.start() - 9) : match.start()]
        ):
            continue  # \ell_{\rm bce}: a label (word_names.py)
        text.blank(match.start(2), match.end(2))
        if not match.group(1):  # not a script's group: its braces go too
            text.blank(match.start(2) - 1, match.start(2))
            text.blank(match.end() - 1, match.end())
    for match in _ARROW_VECTOR.finditer(everything):
        text.chars[match.start() : match.end()] = list("\\vec".ljust(len(match.group())))
    for match in _CODE_UNEQUAL.finditer(everything):
        text.chars[match.start() : match.end()] = list("≠ ")
    everything = text.slice(0, len(text.chars))
    for match in _NABLA_ALIAS.finditer(everything):  # \bigtriangledown_{x}: \nabla_{x}
        text.chars[match.start() : match.end()] = list("\\nabla".ljust(len(match.group())))
    everything = text.slice(0, len(text.chars))
    for match in _BLACKBOARD_ACCENT.finditer(everything):
        text.blank(match.start(), match.start(1))
        text.blank(match.end(1), match.end())
