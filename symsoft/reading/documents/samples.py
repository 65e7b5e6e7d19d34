"""One training example's quantities: ``p^{(i)}``, ``y^{(i)}``, ``\\hat{y}^{(i)}`` in a row that
works on the example i alone (``\\frac{dL^{(i)}}{dp^{(i)}} = \\frac{p^{(i)} - y^{(i)}}{p^{(i)}(1 -
p^{(i)})}``) are that example's numbers: the row is read without the superscripts, as the
per-example identity it states (``\\frac{dL}{dp} = \\frac{p - y}{p(1 - p)}``).

Only where the letter is a sample index of the document (a sum runs over it and its terms carry
``^{(i)}``), the row writes no other superscript in parentheses, does not sum over i nor use i
otherwise, and every use of a superscripted name in the row carries the superscript: a row with
``\\sum_{i=1}^{n}`` (all the examples) or with ``y^{(i)}`` beside a plain ``y`` keeps it.
Blanked with spaces, so columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_SAMPLE = lazy(r"\^\s*\{\s*\(\s*([a-z])\s*\)\s*\}")  # ^{(i)}
_ANY_PARENTHESISED = lazy(r"\^\s*\{\s*\(")  # ^{(i)}, ^{(1)}, ^{(l-1)}
# where a piece of math ends: a math delimiter, a blank line
_BLOCK_END = lazy(r"\$|\n[ \t]*\n|\\\[|\\\]|\\\(|\\\)")
_ROW_END = lazy(r"\\\\|&")
# the name a superscript sits on: a letter, maybe inside \hat{…}, \mathbf{…}, with a subscript
_NAME_BEFORE = lazy(
    r"(?:(?<![\\A-Za-z])|(?<=(?<![\\A-Za-z])d))([A-Za-z])\s*(?:\}\s*)*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?(?:\}\s*)*$"
)
_SHAPE = lazy(r"=\s*\(?\s*(?:\d+|[a-z])\s*\\times")  # Shape of $p^{(i)} = 1\times 1$: no value
# h_\theta(x^{(i)}), w^T x^{(i)}, \theta^\top \mathbf{x}^{(i)}: the data matrix's notation
_HYPOTHESIS = lazy(
    r"h\s*_\s*\{?\s*\\theta|(?:\\theta|\\beta|(?<![\\A-Za-z])w)\s*+\}?+\s*+\^\s*+\{?+\s*+(?:T|\\top)"
    r"\s*+\}?+\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?+x\s*+\}?+\s*+\^\s*+\{\s*+\("
)
_MEMBERSHIP = lazy(r"\\in(?![a-zA-Z])")
_OPENERS, _CLOSERS = "([{", ")]}"


def _sample_letters(text: str) -> set[str]:
    """The letters a sum runs over whose terms carry them as ``^{(i)}``: the examples."""
    found = set()
    for letter in set(_SAMPLE.findall(text)):
        if re.search(
            rf"\\sum\s*(?:\\(?:no)?limits\s*)?_\s*(?:\{{\s*{letter}\s*(?:=|\\in|\}})|{letter}(?![A-Za-z]))",
            text,
        ):
            found.add(letter)
    return found


def _one_example(text: str) -> set[str]:
    """The letter of a text whose every parenthesised superscript is ``^{(i)}`` (or ``^{(n)}``;
    ``^{(l)}`` is a layer) and which uses i
    nowhere else but alone in a sentence ("for example $i$"): every formula is about that one
    example (``L^{(i)} = -\\log a^{(i)}_{y^{(i)}}``), summed over none."""
    letters = set(_SAMPLE.findall(text))
    if len(letters) != 1 or len(_SAMPLE.findall(text)) != len(_ANY_PARENTHESISED.findall(text)):
        return set()
    (letter,) = letters
    if letter not in "in":
        return set()  # a^{(l)}: the layer l, not an example
    rest = re.sub(rf"\$\s*{letter}\s*\$", " ", _SAMPLE.sub(" ", text))
    maths = re.findall(r"\$\$.*?\$\$|\$[^$]*\$|\\\[.*?\\\]", rest, re.DOTALL)
    if any(re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", math) for math in maths):
        return set()
    return {letter}


def _balanced(row: str) -> bool:
    depth = 0
    for char in re.sub(r"\\[{}]", "", row):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _per_example(block: str, samples: set[str]) -> list[re.Match[str]]:
    """The superscripts ``^{(i)}`` of ``block`` (a display, or math in a sentence) to blank, or
    none when the block is not about one example alone: a chain's steps join its rows, so every
    row is read alike."""
    row = block
    marks = list(_SAMPLE.finditer(row))
    if not marks or len(marks) != len(_ANY_PARENTHESISED.findall(row)):
        return []
    letters = {m.group(1) for m in marks}
    if len(letters) != 1 or not letters <= samples or _SHAPE.search(row):
        return []
    if "=" not in row or _MEMBERSHIP.search(row):
        return []  # $x^{(i)} \in \mathbb{R}^n$, $y^{(i)}$: a mention, not a step
    if not all(_balanced(part) for part in _ROW_END.split(row)):
        return []
    (letter,) = letters
    rest = _SAMPLE.sub(" ", row)
    if re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", rest):
        return []  # \sum_{i=1}^{n}, x_i, i = 1: the row speaks of i otherwise
    names = set()
    for mark in marks:
        name = _NAME_BEFORE.search(row[: mark.start()])
        if name is None or name.group(1) in "xX":
            return []  # (…)^{(i)}: no name's; x^{(i)}: the features, the data model's
        names.add(name.group(1))
    for name in names:
        alone = rf"(?:(?<![\\A-Za-z])|(?<=(?<![\\A-Za-z])d)){name}(?![A-Za-z])"  # p, dp
        for use in re.finditer(alone, row):
            after = re.match(
                r"\s*(?:\}\s*)*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?(?:\}\s*)*\^\s*\{\s*\(",
                row[use.end() :],
            )
            if after is None:
                return []  # y^{(i)} beside a plain y: two quantities, not one renamed
    return marks


def spell_per_example(text: Text) -> None:
    """Blank the superscript ``^{(i)}`` of every row about one example (see the module)."""
    everything = text.slice(0, len(text.chars))
    samples = _sample_letters(everything) or _one_example(everything)
    if not samples or _HYPOTHESIS.search(everything):
        return  # h_\theta(x^{(i)}): the data matrix's notation, read entry by entry there
    start = 0
    for end in [m.start() for m in _BLOCK_END.finditer(everything)] + [len(everything)]:
        row = everything[start:end]
        for mark in _per_example(row, samples):
            text.chars[start + mark.start() : start + mark.end()] = [" "] * len(mark.group())
        start = end
