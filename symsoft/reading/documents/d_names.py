"""Andrew Ng's names for the derivatives of the loss: ``dz`` for
``\\frac{\\partial \\mathcal{L}}{\\partial z}``, ``dw``, ``db``, ``da``.  Read so only where the
document states the convention in its own mathematics, ``dz = \\frac{\\partial
\\mathcal{L}}{\\partial z}`` (alone or as the first equation of a chain): each such ``dX`` is
then a name (read under a spare letter, shown as written) whose definition is that equation.
A ``dX`` the document never so defines stays unread, as a differential would be.  The rewrite
keeps the text's length: columns stay the file's."""

from __future__ import annotations

import re
from contextvars import ContextVar

from symsoft.reading.documents.renaming import spare_letter
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.word_names import SPELLED_AS, WORD_MARK, word_of
from symsoft.reading.lazy_regex import lazy

_LOSS = r"(?:\\mathcal\s*\{\s*L\s*\}|\\mathcal\s+L|\\ell|[LJCE])"
_PARTIAL = r"(?:\\partial|d|\\mathrm\s*\{\s*d\s*\})"
D_NAMES: ContextVar[frozenset[str]] = ContextVar("d_names", default=frozenset())
"""The spare letters the d-names of the document being read are read under: a second equation
``dz = …`` is a step about the derivative, never a new meaning of dz."""

# dz = \frac{\partial \mathcal{L}}{\partial z}, dw := \frac{dL}{dw}: the convention, stated
_STATED = lazy(
    rf"(?<![\\A-Za-z])d([a-zA-Z](?:{WORD_MARK}[0-9A-Za-z])?)\s*(?::=|=)\s*\\[dt]?frac\s*\{{\s*"
    + _PARTIAL
    + r"\s*"
    + _LOSS
    + r"\s*\}\s*\{\s*"
    + _PARTIAL
    + r"\s*\1\s*\}"
)
# "we write $dz$ for $\frac{\partial \mathcal{L}}{\partial z}$", "$dw$ denotes $\frac{dJ}{dw}$":
# the convention said in words, read as the definition it says
_SAID = lazy(
    r"(?<!\$)\$\s*d([a-zA-Z])\s*(?P<close>\$)"
    r"(?P<words>\s*(?:for|denotes?|stands\s+for|to\s+denote|represents?)\s*)"
    r"(?P<open>\$)\s*(?P<frac>\\[dt]?frac\s*\{\s*"
    + _PARTIAL
    + r"\s*"
    + _LOSS
    + r"\s*\}\s*\{\s*"
    + _PARTIAL
    + r"\s*\1\s*\})\s*\$(?!\$)"
)
_NEGATED = lazy(r"(?i)\b(?:not|never|no\s+longer|instead\s+of)\b|n't")


def _lead(everything: str, match: re.Match[str]) -> str:
    """The words of the sentence before ``match`` ("Following the course, we write")."""
    before = everything[max(0, match.start() - 200) : match.start()]
    return re.split(r"[.!?]\s|\n\s*\n", before)[-1]


# a d-name in use: dz, dw, not \frac{d…}{dz} nor \partial, d^2, dx inside \int
_USE = r"(?<![\\A-Za-z{/])dLETTER(?![A-Za-z_^'(])(?!\s*(?:/|\\over\b))"
# "a small change dw", "nudge w": differentials, not the loss's derivatives
_DIFFERENTIAL_WORDS = lazy(
    r"(?i)small\s+(?:change|amount|step|increment|perturbation)|nudg|perturb|infinitesimal"
    r"|differential|微小|微分形式|미소"
)
# dz = x\, dw, da = a(1 - a)\, dz: an equation between two d-names
_BETWEEN = lazy(
    r"(?<![\\A-Za-z{/])d([a-zA-Z])\s*=([^=$\n]*?)(?<![\\A-Za-z{/])d([a-zA-Z])(?![A-Za-z])"
)


def rename_d_names(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """Each ``dX`` the math defines as the derivative of the loss by X, read under a spare
    letter in every display and ``$…$``; returns the renamings ``(as written, read as)``."""
    everything = text.slice(0, len(text.chars))
    found = [(m.group(1), re.sub(r"\s+", "", m.group())) for m in _STATED.finditer(everything)]
    in_math = {letter for letter, _ in found}  # stated by an equation too: that one defines it
    said = [
        m
        for m in _SAID.finditer(everything)
        if m.group(1) not in in_math and not _NEGATED.search(_lead(everything, m))
    ]
    found += [(m.group(1), re.sub(r"\s+", "", m.group("frac"))) for m in said]
    stated = sorted({letter for letter, _ in found})
    if not stated:
        return _kernel_names(text, displays, everything)  # upstream gradient $dy$
    if "\\int" in everything or _mixed(everything, found):
        return []
    renamed = _spares(everything, stated)
    _write(text, _math_spans(displays, everything), renamed, _USE, after=True)
    for match in said:  # "$U$ for $\frac{∂L}{∂z}$" read as "$U = \frac{∂L}{∂z}$": a definition
        text.chars[match.start("close")] = " "
        text.blank(match.start("words"), match.end("words"))
        text.chars[match.start("words")] = "="
        text.chars[match.start("open")] = " "
    return _named(renamed)


def _math_spans(displays: list[Display], everything: str) -> list[tuple[int, int]]:
    """The bodies of the displays and of every ``$…$``, in the order of the text."""
    spans = [(d.body.start, d.body.end) for d in displays]
    spans += [(m.start(1), m.end(1)) for m in re.finditer(r"(?<![\\$])\$([^$\n]+)\$", everything)]
    return sorted(spans)


def _spares(everything: str, letters: list[str]) -> list[tuple[str, str]]:
    """``(dX, a spare letter)`` for each letter in turn, as long as spare letters last."""
    renamed: list[tuple[str, str]] = []
    for letter in letters:
        spare = spare_letter(everything, {new for _, new in renamed})
        if spare is None:
            break
        renamed.append((f"d{letter}", spare))
    return renamed


def _write(
    text: Text, spans: list[tuple[int, int]], renamed: list[tuple[str, str]], use: str, after: bool
) -> None:
    """Each use of each d-name in ``spans`` written as its spare letter and a blank (the blank
    ``after`` it or before it): the same length, columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    for old, spare in renamed:
        pattern = re.compile(use.replace("LETTER", old[1:]))
        for start, end in spans:
            for match in pattern.finditer(everything, start, end):
                blanks = [" "] * (match.end() - match.start() - 1)  # da\ue0012: a word's
                written = [spare, *blanks] if after else [*blanks, spare]
                text.chars[match.start() : match.end()] = written


def _named(renamed: list[tuple[str, str]], free: str = "") -> list[tuple[str, str]]:
    D_NAMES.set(frozenset(new for old, new in renamed if old != free))
    if renamed:  # messages show each as the text writes it
        shown = SPELLED_AS.get() or {}  # da\ue0012 shown as da^{[2]}
        written = {new: "d" + shown.get(word_of(old[1:]), old[1:]) for old, new in renamed}
        SPELLED_AS.set({**shown, **written})
    return renamed


# "with upstream gradient $dy$", "$dy$, the incoming gradient": kernel notation, where dy is
# any vector (the loss beyond the op is not the text's subject)
_UPSTREAM = lazy(
    r"(?i)\b(?:upstream|incoming|output|back-?propagated)\s+grad(?:ient)?s?\b[^$.]{0,40}?"
    r"\$\s*d([a-zA-Z])\s*\$|\$\s*d([a-zA-Z])\s*\$[^$.]{0,30}?\b(?:upstream|incoming)\s+grad"
    # "With $dy_i = \partial L / \partial y_i$": the gradient of a loss the text never defines
    r"|\$\s*d([a-zA-Z])\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?=\s*\\partial\s*(?:L|\\ell|J|E)\s*/\s*"
    r"\\partial\s*\3(?![a-zA-Z])"
)
# the loss defined by an equation: its gradient is no arbitrary upstream vector
# the loss defined by an equation (not J = \partial s / \partial x, a Jacobian): its gradient is
# a value, no arbitrary upstream vector
_LOSS_DEFINED_HERE = lazy(
    r"(?<![\\A-Za-z{_])(?:L|\\ell|J|E)\s*+(?:\([^()$]*\)\s*+)?(?::=|=)(?!=)"
    r"(?!\s*(?:\\partial|\\frac\s*\{\s*\\partial|\\nabla|\\mathrm\s*\{\s*d"
    r"|\\(?:operatorname|text|mathrm)\s*\{\s*diag|\\begin))"  # (J = diag(P) - PP^T: a Jacobian)
)
_KERNEL_USE = r"(?<![\\A-Za-z{/])dLETTER(?![A-Za-z^'(])"
# "dS_j = \sum_i dP_i \frac{\partial P_i}{\partial S_j}": the chain rule in d-names says that
# dP is the gradient the text starts from (any vector) and dS what it gives
_CHAIN_RULE = lazy(
    r"(?<![\\A-Za-z{/])d([A-Za-z])\s*_\s*\{?\s*([a-z])\s*\}?\s*&?=\s*\\sum_\s*\{?\s*([a-z])\s*\}?\s*"
    r"d([A-Za-z])\s*_\s*\{?\s*\3\s*\}?\s*(?:\\,\s*)?\\frac\s*\{\s*\\partial\s*\4\s*_\s*\{?\s*\3\s*\}?\s*\}"
    r"\s*\{\s*\\partial\s*\1\s*_\s*\{?\s*\2\s*\}?\s*\}"
)


def _kernel_names(text: Text, displays: list[Display], everything: str) -> list[tuple[str, str]]:
    """Kernel notation, read only where a sentence names one upstream gradient ``dy``: dy is
    a name (any vector), and so is each ``dx`` whose first equation in the math takes its value
    from dy (``dx_j = \\sum_i dy_i \\frac{\\partial s_i}{\\partial x_j}``): that equation
    defines it. Not in a text of integrals or of small changes (differentials)."""
    said = {m.group(1) or m.group(2) or m.group(3) for m in _UPSTREAM.finditer(everything)}
    said |= {m.group(4) for m in _CHAIN_RULE.finditer(everything) if m.group(1) != m.group(4)}
    if len(said) != 1 or "\\int" in everything or _DIFFERENTIAL_WORDS.search(everything):
        return []
    if _LOSS_DEFINED_HERE.search(everything):
        return []  # L = -\sum_k t_k \log y_k: dy is its gradient, a value, not any vector
    (upstream,) = said
    bodies = _math_spans(displays, everything)
    letters = [upstream]
    written = re.compile(_KERNEL_USE.replace("LETTER", "([a-zA-Z])"))
    firsts: dict[str, int] = {}
    for start, end in bodies:
        for match in written.finditer(everything, start, end):
            firsts.setdefault(match.group(1), match.end())
    for letter, at in sorted(firsts.items()):
        opened = re.match(r"\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*=(?!=)([^=$]*)", everything[at:])
        uses = _KERNEL_USE.replace("LETTER", upstream)
        if letter != upstream and opened and re.search(uses, opened.group(1)):
            if "\\partial" in opened.group(1):  # by the chain rule, never a value ("my kernel
                letters.append(letter)  # computes $dx_j = dy_j y_j (1 - y_j)$": the bug asked)
    renamed = _spares(everything, letters)
    if len(renamed) < len(letters):
        return []  # (before any letter is written anew)
    _write(text, bodies, renamed, _KERNEL_USE, after=False)
    return _named(renamed, free=f"d{upstream}")


def _mixed(everything: str, found: list[tuple[str, str]]) -> bool:
    """Whether the text may also write differentials or a second loss: words of small changes,
    a d-name stated twice or by two losses, or an equation ``dX = … dY`` where X is defined
    from Y (``da = a(1 - a)\\, dz`` with a = σ(z): the differential of a, not ∂L/∂a)."""
    letters = [letter for letter, _ in found]
    losses = {_LOSS_AT.search(written).group() for _, written in found}  # type: ignore[union-attr]
    if len(letters) != len(set(letters)) or len(losses) > 1:
        return True
    if len(_LOSS_DEFINED.findall(everything)) > 1:
        return True  # the loss defined again (a squared error after the cross-entropy)
    if _DIFFERENTIAL_WORDS.search(_MATH.sub(" ", everything)):
        return True
    for match in _BETWEEN.finditer(everything):
        left, right = match.group(1), match.group(3)
        defined = re.search(rf"(?<![\\A-Za-z]){left}\s*=\s*([^$\n]*)", everything)
        if defined and re.search(rf"(?<![\\A-Za-z]){right}(?![A-Za-z])", defined.group(1)):
            return True
    return False


_LOSS_AT = lazy(_LOSS)
_MATH = lazy(r"\$[^$]*\$")  # linear: each $…$ (a display's $$ pair is two empty ones)
_LOSS_DEFINED = lazy(r"(?<![\\A-Za-z{])" + _LOSS + r"\s*+(?:\([^()$]*\)\s*+)?(?::=|=)(?!=)")
