r"""A name the text defines only by the derivative that opens a chain.

"$$\frac{\partial J}{\partial z_i} = \frac{\partial}{\partial z_i}\left(-\sum_j y_j \log p_j
\right) = …$$" in a text that never says what J is: the first step puts J's value in the
operand, and says J is that value up to a constant of z. Read so, J means the operand (a
definition, the chain's first step), when

- J has no other definition and the text writes it nowhere but as ``\partial J``, not even
  named in a sentence (which may add a penalty or average it): a value used only through its
  derivatives;
- every derivative of J in the text is by the same letter (``z_i``, ``z_k``, ``\mathbf{z}``): a
  constant dropped from the operand is a constant of that letter only;
- the operand is wrapped whole in brackets and has no free index (``-y_i \log p_i`` would make
  J a number that changes with i).
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.sentences import PRIME_MARK
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import subscript_letters, sum_indices
from symsoft.reading.documents.word_names import BARE_MARKS, WORD_MARK
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import ANY_MATH, INLINE_MATH

Candidate = tuple[str, str, str, tuple[int, int] | None, int]

_NAME = (
    rf"(?:[A-Za-z]|\\ell(?![a-zA-Z])|\\mathcal\s*\{{\s*[A-Z]\s*\}}|{WORD_MARK}[A-Za-z][A-Za-z0-9]*"
    rf"|[{BARE_MARKS}][A-Za-z0-9]+)"
)
_VARIABLE = (
    r"(?:\\mathbf\s*\{\s*)?(?P<base>[a-zA-Z])(?:\s*\})?(?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))?"
)
_OPENER = r"\\frac\s*\{\s*\\partial\s*"
_HEAD = lazy(
    rf"\s*{_OPENER}(?P<name>{_NAME})\s*\}}\s*\{{\s*\\partial\s*(?P<by>{_VARIABLE})\s*\}}\s*"
)
_OPERATOR = lazy(rf"\s*{_OPENER}\}}\s*\{{\s*\\partial\s*(?P<by>{_VARIABLE})\s*\}}\s*")
_BY = r"\s*\}\s*\{\s*\\partial\s*" + _VARIABLE


def operand(rhs: str) -> str | None:
    """The operand of ``\\frac{\\partial}{\\partial v}`` when brackets wrap all that follows."""
    rhs = rhs.rstrip(" .,;\t\n")
    opening = re.match(r"\s*(\\left\s*(?:[(\[]|\\\{)|\\[bB]igg?l?\s*[(\[]|[(\[])", rhs)
    if opening is None or matching(rhs, opening.start(1)) != len(rhs):
        return None
    inner = rhs[opening.end() :]
    closing = re.search(r"(?:\\right\s*|\\[bB]igg?r?\s*)?(?:[)\]]|\\\})$", inner)
    return inner[: closing.start()].strip() if closing else None


def chain_opening(text: Text, step: Step, steps: list[Step]) -> tuple[str, str] | None:
    """The two sides of ``step`` when it is an equation that opens its chain, else None."""
    if step.lhs is None or step.kind != "eq":
        return None
    if any(s.rhs == step.lhs and s.display == step.display for s in steps):
        return None  # not the first step of its chain
    return text.slice(step.lhs.start, step.lhs.end), text.slice(step.rhs.start, step.rhs.end)


def named_by_its_derivative(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    """The definition of J that the first step of a chain ``\\frac{\\partial J}{\\partial v} =
    \\frac{\\partial}{\\partial v}\\left( … \\right)`` gives (see the module's rules)."""
    if (sides := chain_opening(text, step, steps)) is None:
        return None
    head, rhs = _HEAD.fullmatch(sides[0]), sides[1]
    operator = _OPERATOR.match(rhs)
    if head is None or operator is None or operator.group("by") != head.group("by"):
        return None
    value = operand(rhs[operator.end() :])
    if not value or subscript_letters(value) - sum_indices(value):
        return None
    name, base = head.group("name"), head.group("base")
    if not _only_differentiated(text.slice(0, len(text.chars)), name, base):
        return None
    line, _ = text.place(step.lhs.start)
    return (name, value, f"line {line}", (step.lhs.start, step.rhs.start), step.lhs.start)


def _only_differentiated(everything: str, name: str, base: str) -> bool:
    """``name`` written only as ``\\partial name`` over a derivative by ``base``: never named in
    the prose (a sentence may change it: "$J$ is then averaged over a batch", a penalty added),
    never defined, called, scripted, nor written ``dJ``."""
    written = re.escape(name) + r"(?![A-Za-z0-9])"
    uses = list(re.finditer(r"(?<![\\A-Za-ce-z])" + written, everything))
    differentiated = [
        m
        for m in re.finditer(r"\\partial\s*" + written + _BY, everything)
        if m.group("base") == base
    ]
    return bool(differentiated) and len(uses) == len(differentiated)


_PRIMED_HEAD = lazy(rf"\s*(?P<name>[a-zA-Z]){PRIME_MARK}\s*\(\s*(?P<by>[a-zA-Z])\s*\)\s*")
_ORDINARY = lazy(
    r"\s*\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*(?P<by>[a-zA-Z])\s*\}\s*"
    r"|\s*\\frac\s*\{\s*\\mathrm\s*\{\s*d\s*\}\s*\}\s*\{\s*\\mathrm\s*\{\s*d\s*\}\s*(?P<by2>[a-zA-Z])\s*\}\s*"
)


def named_by_its_prime(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    """``s'(x) = \\frac{d}{dx}\\left( \\frac{1}{e^{-x}+1} \\right)`` opening a chain, in a text
    that never says what s is: the definition ``s(x) = …`` (the operand), when s is written
    nowhere but as ``s(x)`` and ``s'(x)`` of that one variable (never alone, scripted or in a
    sentence), and the operand, wrapped whole in brackets, has no free index."""
    if (sides := chain_opening(text, step, steps)) is None:
        return None
    head, rhs = _PRIMED_HEAD.fullmatch(sides[0]), sides[1]
    operator = _ORDINARY.match(rhs)
    if head is None or operator is None:
        return None
    name, by = head.group("name"), head.group("by")
    if (operator.group("by") or operator.group("by2")) != by or name == by:
        return None
    value = operand(rhs[operator.end() :])
    if (
        not value
        or subscript_letters(value) - sum_indices(value)
        or re.search(rf"(?<![\\A-Za-z]){name}(?![A-Za-z])", value)
    ):
        return None
    math = [text.slice(s.lhs.start, s.lhs.end) for s in steps if s.lhs is not None]
    math += [text.slice(s.rhs.start, s.rhs.end) for s in steps]
    math += [m.group() for m in INLINE_MATH.finditer(text.slice(0, len(text.chars)))]
    written = rf"(?<![\\A-Za-z]){name}(?![A-Za-z])"
    called = rf"(?<![\\A-Za-z]){name}(?:{PRIME_MARK})?\s*\(\s*{by}\s*\)"
    if any(len(re.findall(written, part)) != len(re.findall(called, part)) for part in math):
        return None  # s alone, s_i, s^2, or s of another variable somewhere
    words = ANY_MATH.sub(" ", text.slice(0, len(text.chars)))
    if re.search(rf"(?<![\\A-Za-z'’]){name}(?![A-Za-z'’])", words):
        return None  # "s(x) denotes the softplus", "now s is the cubic": a meaning in words
    line, _ = text.place(step.lhs.start)
    return (
        f"{name}({by})",
        value,
        f"line {line}",
        (step.lhs.start, step.rhs.start),
        step.lhs.start,
    )
