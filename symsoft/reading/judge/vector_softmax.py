"""A step between whole softmax vectors, ``\\text{softmax}(z) = \\text{softmax}(z + c)`` or
``\\mathrm{softmax}(\\mathbf{x}) = \\mathrm{softmax}(\\mathbf{x} - \\max(\\mathbf{x}))``: each side
one softmax of one vector, with no entry index.  It says that every entry is equal, so it is
judged as the entry ``\\frac{e^{z_k + c}}{\\sum_j e^{z_j + c}}`` at every k, at sizes 2 and 3, by
the max-shift judge (:mod:`~symsoft.reading.judge.shifts`): a maximum of the vector is one atom
m, for which a step holding for every m holds.

A scalar the arguments add or multiply (the c of "for any constant c", a temperature T) is read
as a free number: a step that holds for every value of it holds; one that fails for some value
is left to the other readers, since the text may give it a value (``c = 0``) where the step
holds.  So is a step about bold vectors without a maximum that does not hold: the vector
reader's (notation/vectors.py) names the entry.  The
vector is the one letter every argument writes; a second letter written in bold, with an index,
or said to be a vector is no scalar, and the step is not read here.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from symsoft.reading.grammar.builder import OWN_LSE, OWN_SOFTMAX
from symsoft.reading.judge import shifts
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging

_CALL = lazy(
    r"(?:\\(?:mathrm|operatorname|text|textrm|mathsf)\s*+\{\s*+[sS]oftmax\s*+\}"
    r"|(?<![\\a-zA-Z])[sS]oftmax)(?![a-zA-Z])\s*+(?:\\left\s*+)?\("
)
_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*+(?:\{\s*+([a-z])\s*+\}|([a-z])(?![a-zA-Z]))"
_ONES = lazy(r"\\(?:mathbf|boldsymbol|bm|vec|mathbb)\s*+(?:\{\s*+1\s*+\}|1)")
_LETTER = lazy(rf"{_BOLD}|(?<![\\a-zA-Z])([a-z])(?![a-zA-Z])")
_INDEXED = lazy(r"^\s*+[_^']")
_END = lazy(r"[\s.,;]*+(?:\\[,;:!]\s*+)*+$")
_SPARE = "kjlnqrs"


def worth(sides: list[str]) -> bool:
    """Whether the max-shift judges may read the step: a maximum, or a softmax call."""
    joined = "".join(sides)
    return "\\max" in joined or _CALL.search(joined) is not None


def _argument(side: str) -> str | None:
    """The argument of the one softmax call that is the whole side, else None."""
    call = _CALL.match(side.strip())
    if call is None:
        return None
    text = side.strip()
    depth, pos = 1, call.end()
    while pos < len(text) and depth:
        depth += {"(": 1, ")": -1}.get(text[pos], 0)
        pos += 1
    if depth or not _END.fullmatch(text, pos):
        return None  # an entry index, a power, or more after the call
    inner = text[call.end() : pos - 1]
    return re.sub(r"\\right\s*$", "", inner)


def _letters(argument: str) -> tuple[set[str], set[str]]:
    """The plain letters and the bold letters an argument writes (its maxima taken out)."""
    plain, bold = set(), set()
    for found in _LETTER.finditer(_ONES.sub(" 1 ", argument)):
        if _INDEXED.match(argument[found.end() :]):
            plain.add(found.group() + "_")  # z_k, z': no whole vector, no free number
        elif found.group(3):
            plain.add(found.group(3))
        else:
            bold.add(found.group(1) or found.group(2))
    return plain - {"e"}, bold


def judge(sides: list[str], judging: _Judging) -> tuple[str, str] | None:
    """(status, summary) of a step between softmax vectors (see the module's notes), else the
    max-shift judge's, else None."""
    shift, sigma, meanings = judging.shift, judging.sigma, judging.meanings
    if "\\max" in "".join(sides) or shift is not None:
        judged = shifts.judge(*sides, shift, sigma)
        if judged is None and shift is not None and "\\sigma" not in "".join(sides):
            if named := _softmax_named(judging._source, shift.letter):  # \log p_k - (z_k - m)
                entry = rf"(?<![\\a-zA-Z]){named}\s*_\s*(?:\{{\s*([a-z])\s*\}}|([a-z])(?![a-zA-Z]))"
                written = [
                    re.sub(entry, lambda m: rf"\sigma({shift.letter})_{m[1] or m[2]}", side)
                    for side in sides
                ]
                judged = shifts.judge(*written, shift, shift.letter)
        if judged is not None:
            return judged
    if OWN_SOFTMAX.get() or len(sides) != 2:
        return None
    arguments = [_argument(side) for side in sides]
    if None in arguments:
        return None
    vectors = meanings.vector_letters | _said_vectors(judging._source)
    return _entrywise([a for a in arguments if a is not None], vectors, judging._source)


@functools.lru_cache(maxsize=8)
def _softmax_named(document: str, letter: str) -> str | None:
    """The one letter p the document defines as the softmax of ``letter`` (``p_k =
    \\frac{e^{z_k}}{\\sum_j e^{z_j}}``), so that a max-shift step may write its entries; None
    when it defines none, or two, or a softmax of its own."""
    if OWN_SOFTMAX.get():
        return None
    z = re.escape(letter)
    normalized = shifts._normalized(document)
    found = [
        m.group(1)
        for m in re.finditer(
            rf"(?<![\\a-zA-Z])([a-zA-Z])_([a-z])=\\frac\{{(?:e\^\{{{z}_\2\}}|e\^{z}_\2|\\exp\({z}_\2\))\}}"
            rf"\{{\\sum_([a-z])(?:e\^\{{{z}_\3\}}|e\^{z}_\3|\\exp\({z}_\3\))\}}",
            normalized,
        )
    ]
    if len(set(found)) != 1 or letter in found:
        return None
    name = re.escape(found[0])  # defined once, and never said to denote anything else
    defined = [  # (a worked example's value, p_k = \frac{e}{3e}, defines nothing)
        value
        for value in re.findall(
            rf"(?<![\\a-zA-Z~]){name}(?:_\{{?[a-z]\}}?)?(?::?=|\\coloneqq)([^$=]*)", normalized
        )
        if re.search(r"[a-df-zA-Z]", re.sub(r"\\[a-zA-Z]+", " ", value))
    ]
    if len(defined) != len(found) or re.search(rf"\$\s*{name}\s*\$\s+(?:denotes|stands)", document):
        return None
    return found[0]


def _said_vectors(text: str) -> frozenset[str]:
    """Letters the text writes bold or with an index (``c_k``), or calls a vector in the
    sentence that writes them alone ("let $c$ be a vector", "the vector $c$")."""
    found = {m.group(1) or m.group(2) for m in re.finditer(_BOLD, text)}
    found |= set(re.findall(r"(?<![\\a-zA-Z])([a-z])\s*+_\s*+\{?\s*+[a-z0-9]", text))  # c_k
    for alone in _ALONE.finditer(text):
        before, after = text[max(0, alone.start() - 40) : alone.start()], text[alone.end() :]
        if _VECTOR_BEFORE.search(before) or _VECTOR_AFTER.match(after):
            found.add(alone.group(1))
    return frozenset(found)


def scalars_said(text: str, letter: str) -> bool:
    """Whether the text calls ``letter`` a number: "any constant $c$", "a scalar $c$", "$c$ is a
    constant", ``c \\in \\mathbb{R}`` (not ``\\mathbb{R}^K``); or speaks of a constant or a scalar
    ("invariant to constant offsets") and never calls the letter logits, inputs or scores."""
    alone = rf"\$\s*+{letter}\s*+\$"
    named = re.search(rf"(?i){alone}[^.$]{{0,40}}?\b(?:logits?|inputs?|scores?|outputs?)\b", text)
    if not named and re.search(r"(?i)\b(?:constant|scalar)s?\b", text):
        return True  # "invariant to constant offsets", "adding a scalar to each of the inputs"
    return bool(
        re.search(rf"(?i)\b(?:constants?|scalars?|numbers?|reals?)\s++{alone}", text)
        or re.search(rf"(?i){alone}[^.$]{{0,40}}?\b(?:constant|scalar|number)\b", text)
        or re.search(rf"(?<![\\a-zA-Z]){letter}\s*+\\in\s*+\\mathbb\s*+\{{?R\}}?(?!\s*+\^)", text)
    )


_ALONE = lazy(r"\$\s*+([a-z])\s*+\$")
_VECTOR_BEFORE = lazy(r"(?i)\bvectors?\s*+$")
_VECTOR_AFTER = lazy(r"(?i)[^.$]{0,60}?\bvectors?\b")


def _entrywise(arguments: list[str], vectors: frozenset[str], text: str) -> tuple[str, str] | None:
    maxima = [shifts._maxima(argument) for argument in arguments]
    bare = []
    for argument, found in zip(arguments, maxima, strict=True):
        for match, _ in sorted(found, key=lambda f: -f[0].start()):
            argument = argument[: match.start()] + " \ue000 " + argument[match.end() :]
        bare.append(argument)
    letters = [_letters(argument) for argument in bare]
    common = set.intersection(*(plain | bold for plain, bold in letters))
    if len(common) != 1 or any(s.endswith("_") for plain, _ in letters for s in plain):
        return None
    (vector,) = common
    if {letter for found in maxima for _, letter in found} - {vector}:
        return None  # the maximum of another vector
    scalars = set().union(*(plain | bold for plain, bold in letters)) - {vector}
    if any(len(s) > 1 for s in scalars) or len(scalars) > 1 or "m" in scalars and any(maxima):
        return None  # an indexed letter, two free numbers, or m beside a maximum
    if made := sorted(scalars & (set(vectors) | set().union(*(bold for _, bold in letters)))):
        # a letter the text makes a vector: no free number, and no other reader's either
        return "not checked", f"not checked: {made[0]} is a vector here, not a constant shift"
    if scalars and any(maxima):
        return None
    used = set(re.findall(r"[a-zA-Z]", re.sub(r"\\[a-zA-Z]+", " ", "".join(arguments))))
    spare = [letter for letter in _SPARE if letter not in used]
    if len(spare) < 2:
        return None
    entry, summed = spare[:2]
    scalar = scalars.pop() if scalars else None
    texts = [_entry_text(a, vector, scalar, entry, summed) for a in bare]
    own = (False, OWN_LSE.get())
    judged = shifts._judged(texts[0], texts[1], vector, None, own, entrywise=True)
    if judged is None:
        return None
    status, summary = judged
    if status != "holds" and not any(maxima) and any(bold for _, bold in letters):
        return None  # bold vectors without a maximum: the vector reader's (notation/vectors.py)
    where = f"every entry {entry} of softmax({vector}), at N = {', '.join(map(str, shifts.SIZES))}"
    if status == "holds" and scalar is not None and not scalars_said(text, scalar):
        return "not checked", (  # "the logits $a$ and $b$ of two heads": b may be a vector
            f"not checked: ambiguous: holds for every entry if {scalar} is a number, which the "
            "text does not say (a constant, a scalar)"
        )
    if status == "holds":
        if any(maxima):
            return status, f"holds for {where}, for every m, so for m = max_k {vector}_k"
        return status, f"holds for {where}" + (f", for every {scalar}" if scalar else "")
    summary = summary.replace(f", {entry} = ", f", entry {entry} = ")
    if scalar is not None:
        summary = re.sub(r"\bm = max = (-?\d+)", rf"{scalar} = \1", summary)
    if not any(maxima):
        summary = re.sub(r", m = max = -?\d+", "", summary)
    if scalar is not None and status == "fails":
        return None  # it may hold at the value the text gives the scalar: the general readers
    return status, summary


def _entry_text(argument: str, vector: str, scalar: str | None, entry: str, summed: str) -> str:
    """``\\frac{e^{(…z_k…)}}{\\sum_j e^{(…z_j…)}}``: entry ``entry`` of the softmax of the
    argument, every maximum the atom m and the free number (if any) written m too."""
    text = _ONES.sub(" 1 ", argument).replace("\ue000", "m")
    if scalar is not None:
        text = re.sub(rf"(?<![\\a-zA-Z]){scalar}(?![a-zA-Z])", "m", text)

    def at(index: str) -> str:
        return re.sub(
            rf"{_BOLD}|(?<![\\a-zA-Z]){vector}(?![a-zA-Z_])",
            lambda m: (
                f"{vector}_{{{index}}}"
                if (m.group(1) or m.group(2) or vector) == vector
                else m.group()
            ),
            text,
        )

    return f"\\frac{{e^{{({at(entry)})}}}}{{\\sum_{{{summed}}} e^{{({at(summed)})}}}}"
