"""A name written with the vectors it is a function of: ``s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum
e^{x_j}}``, ``H(\\mathbf y, \\mathbf s) = -\\sum_i y_i \\log s_i``, or an entry written before
its argument, ``y_i(x) = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}`` (a plain letter is then a vector),
or before the entry of its argument at the same index,
``y_i(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}`` (every ``y_k(z_j)`` is then
``y_k``: applied to an entry of z, y is no product).

Where the document defines ``NAME(ARGUMENTS)`` so, every later ``NAME(ARGUMENTS)`` with the very
same arguments is that name: the argument list is blanked (``s(\\mathbf x)_i`` reads as ``s_i``).
The same name at other arguments (``s(\\mathbf x + c)_i``) is left as written, and is not read.
Every rewrite keeps the text's length, so columns stay those of the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from types import MappingProxyType

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.word_names import WORD_MARK
from symsoft.reading.lazy_regex import lazy

CALLED: ContextVar[Mapping[str, str]] = ContextVar("called", default=MappingProxyType({}))
# the names the text writes more than once as functions of several arguments opening an
# equation (``\ell(x, y) = (x - y)^2``, later ``\ell(x, y) = 3(x - y)``): which one a call at
# other arguments means is not read (other_arguments.py)
SEVERAL_DEFINED: ContextVar[frozenset[str]] = ContextVar("several_defined", default=frozenset())
_SEVERAL_CALL = lazy(
    r"(?:\$|\\\[|\\\\|&|^)\s*(\\ell(?![a-zA-Z])|\\mathcal\s*\{\s*[A-Z]\s*\}|[a-zA-Z])\s*"
    r"(?:\\left\s*)?\(([^()]*,[^()]*)(?:\\right\s*)?\)\s*&?\s*(?::=|=)(?!=)",
    re.MULTILINE,
)


def several_defined(text: str) -> frozenset[str]:
    """The names ``text`` defines more than once as functions of several arguments: at the same
    arguments, or at parameters of other letters (``f(a, b) = a b`` after ``f(x, y) = x - y``; a
    permutation of the same letters, ``f(y, x) = …``, is a call)."""
    seen: dict[tuple[str, str], int] = {}
    letters: dict[str, set[frozenset[str]]] = {}  # the parameters' letters of each definition
    for match in _SEVERAL_CALL.finditer(text):
        key = (re.sub(r"\s+", "", match.group(1)), re.sub(r"\s+", "", match.group(2)))
        seen[key] = seen.get(key, 0) + 1  # (at other arguments: a call, f(1, 0) = …)
        parts = [p.strip() for p in match.group(2).split(",")]
        if all(re.fullmatch(r"\\?[A-Za-z]+|\\hat\s*\{\s*[A-Za-z]\s*\}", p) for p in parts):
            letters.setdefault(key[0], set()).add(frozenset(parts))  # f(a, b) = … after f(x, y)
    twice = {name for (name, _), count in seen.items() if count > 1}
    return frozenset(twice | {name for name, sets in letters.items() if len(sets) > 1})


"""The letters the document being read defines with an argument list, each as written
(``H`` of ``H(p, q) = -\\sum_k p_k \\log q_k``): a call at other arguments (``H(p)``, the
entropy beside the cross-entropy; ``H(q, p)``) is another function, or the same at another
point, and is not read as the name."""

_GREEK = r"\\(?:theta|beta|alpha|omega|phi|psi|eta|mu|xi|zeta)(?![a-zA-Z])"
_VECTOR = (
    rf"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{{\s*(?:[a-zA-Z]|{_GREEK})\s*\}}|[a-zA-Z]|{_GREEK})"
)
# H(Y, \sigma(A)): the vector σ(A) as an argument (σ the text's own, see spell_sigma_entries)
# (a^{[2]} spelled as the word a\ue0012 by labelled_names.py: L(a^{[2]}, y))
_ARGUMENT = rf"(?:{_VECTOR}|\\sigma\s*\(\s*[a-zA-Z]\s*\)|[a-zA-Z](?:{WORD_MARK}\w)?|{_GREEK})"
_ENTRY = r"_\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z])"
# \phi(\mathbf{z})_i = \frac{\exp(z_i)}{…}: a Greek letter named with its vector, as a Latin one
# (not σ, whose calls the softmax readings spell; nor a letter the text only applies)
_NAMED_GREEK = r"\\(?:phi|varphi|psi)(?![a-zA-Z])"
# \hat{y}(\mathbf{z})_i = \frac{e^{z_i}}{…}: a prediction named with its vector
_ACCENTED = r"\\(?:hat|tilde|bar)\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z](?![a-zA-Z]))"
_APPLIED = lazy(  # (also after the d of a differential: \frac{dL(a, y)}{da})
    rf"(?:(?<![\\a-zA-Z])|(?<=[{{\s]d))(?:(?:\\mathbf|\\boldsymbol|\\bm)\s*)?"
    rf"([a-zA-Z]|\\ell(?![a-zA-Z])|{_NAMED_GREEK}|{_ACCENTED})\s*({_ENTRY})?\s*"
    rf"(?:\\left)?\(\s*({_ARGUMENT}(?:\s*,\s*{_ARGUMENT})*)\s*(?:\\right)?\)"
)
# y_i(x) = \frac{e^{x_i}}{…}: an entry written with the vector it is a function of, a plain
# letter whose own entries the value uses
_ENTRY_APPLIED = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*_\s*(?:\{[^{}]*\}|[a-zA-Z])\s*(?:\\left)?\(\s*([a-zA-Z])\s*"
    r"(?:\\right)?\)"
)
# y_i(z_i) = \frac{e^{z_i}}{…}: an entry written with the entry of the vector it is a function
# of, the same index on both (checked where it is used)
_ENTRY_OF_ENTRY = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*(?:\\left)?\(\s*"
    r"([a-zA-Z])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))\s*(?:\\right)?\)"
)
_DEFINED = lazy(r"\s*+(?:_\s*+(?:\{[^{}]*\}|[a-zA-Z]))?\s*+&?\s*+(?:=|:=|\\coloneqq)(?!=)")


def _key(name: str, arguments: str) -> tuple[str, str]:
    return name, re.sub(r"\s+|\\(?:mathbf|boldsymbol|bm|vec)(?![a-zA-Z])|[{}]", "", arguments)


def _same_index(match: re.Match[str]) -> bool:
    """``y_k(z_k)``: the entry and its argument at one index (``y_k(z_j)`` is not read so)."""
    return (match.group(2) or match.group(3)) == (match.group(5) or match.group(6))


def _at_start(everything: str, start: int, starts: set[int]) -> bool:
    """``NAME`` at ``start`` opens a display, a ``$…$`` or a row: it may be defined there."""
    before = re.sub(r"(?:\\begin\s*\{[a-zA-Z*]+\}\s*)+$", "", everything[:start])
    before = before.rstrip(" \t\n&")
    return start in starts or before.endswith(("$", "$$", "\\[", "\\\\"))


def _of_a_plain_vector(everything: str, call: re.Match[str]) -> bool:
    """``J(\\theta) = -\\sum_i y_i \\log \\hat{y}_i`` in a text that writes ``\\theta_i``: the one
    argument is a vector (its entries are written), so J is a function of that vector, as
    ``J(\\boldsymbol\\theta)``; not where its value writes the letter bare (``g(a) =
    \\frac{1}{1 + e^{-a}}``: a function of a number, applied to the entries ``g(a_i)``), nor
    where the text writes its prime (``h'(x)``: function notation), nor ``\\sigma_T(z)`` (T a
    script of σ)."""
    argument = call.group(3).strip()
    if not re.fullmatch(rf"[a-zA-Z]|{_GREEK}", argument):
        return False
    if everything[: call.start()].rstrip(" \t{").endswith(("_", "^")):
        return False
    name, bare = re.escape(call.group(1)), re.escape(argument)
    primed = rf"(?<![\\a-zA-Z]){name}\s*(?:'|\\prime(?![a-zA-Z])|\^\s*\{{?\s*\\prime\s*\}}?)+"
    if re.search(rf"{primed}\s*\(\s*{bare}\s*\)", everything):
        return False  # h'(x), g\prime(x) written: h(x) = \sum_k e^{x_k} is function notation
    defining = _DEFINED.match(everything, call.end())
    if defining is not None:
        value = re.split(r"\$|\\\]|\\end\b|\\\\", everything[defining.end() :], maxsplit=1)[0]
        if re.search(rf"(?<![\\a-zA-Z]){re.escape(argument)}(?![a-zA-Z])(?!\s*_)", value):
            return False
    letter = re.escape(argument)
    return (
        re.search(rf"(?<![\\a-zA-Z]){letter}\s*_\s*(?:\{{\s*[a-z]\s*\}}|[a-z])", everything)
        is not None
    )


def drop_arguments(text: Text, displays: list[Display]) -> dict[str, str]:
    """Blank the argument lists of the names the document defines as functions of vectors (or
    of several arguments).  Returns the names so read, each letter as written (``s(\\mathbf
    x)``)."""
    everything = text.slice(0, len(text.chars))
    SEVERAL_DEFINED.set(several_defined(everything))  # \ell(x, y) = … twice (a context value)
    starts = {display.body.start for display in displays}
    defined: dict[tuple[str, str], str] = {}
    plain: set[tuple[str, str]] = set()  # J(\theta): a plain letter made a vector by its entries
    for match in _APPLIED.finditer(everything):
        arguments = match.group(3)
        vector = re.search(_VECTOR, arguments) or "," in arguments or match.group(2)
        if not vector and _of_a_plain_vector(everything, match):
            plain.add(_key(match.group(1), arguments))
        elif not vector:
            continue  # f(x) with one plain letter: function notation, read elsewhere
        before = re.sub(r"(?:\\begin\s*\{[a-zA-Z*]+\}\s*)+$", "", everything[: match.start()])
        before = before.rstrip(" \t\n&")
        at_start = (
            match.start() in starts
            or before.endswith(("$", "$$", "\\[", ">", "\\\\"))
            or any(everything[s : match.start()].strip(" \t\n&") == "" for s in starts)
        )
        if at_start and _DEFINED.match(everything, match.end()):
            key = _key(match.group(1), arguments)
            if "," in arguments and any(n == key[0] and a != key[1] for n, a in defined):
                continue  # f(y, x) = … after f(x, y) = …: a call (a step), not a definition
            defined.setdefault(key, match.group())
    for match in _ENTRY_APPLIED.finditer(everything):
        before = re.sub(r"(?:\\begin\s*\{[a-zA-Z*]+\}\s*)+$", "", everything[: match.start()])
        before = before.rstrip(" \t\n&")
        defining = _DEFINED.match(everything, match.end())
        if not (
            defining and (match.start() in starts or before.endswith(("$", "$$", "\\[", "\\\\")))
        ):
            continue
        value = re.split(r"\$|\\\]|\\end\b", everything[defining.end() :], maxsplit=1)[0]
        if re.search(rf"(?<![\\a-zA-Z]){match.group(2)}\s*_", value):
            defined.setdefault(_key(match.group(1), match.group(2)), match.group())
    for match in _ENTRY_OF_ENTRY.finditer(everything):
        if not _same_index(match) or not _at_start(everything, match.start(), starts):
            continue
        if (defining := _DEFINED.match(everything, match.end())) is None:
            continue
        value = re.split(r"\$|\\\]|\\end\b", everything[defining.end() :], maxsplit=1)[0]
        if re.search(rf"(?<![\\a-zA-Z]){match.group(4)}\s*_", value):
            defined.setdefault(_key(match.group(1), match.group(4) + "_"), match.group())
    entries: dict[tuple[str, str], list[str]] = {}  # S(\mathbf{x})_j, never defined
    for match in _APPLIED.finditer(everything):
        if re.search(_VECTOR, match.group(3)) and not match.group(2):
            after = everything[match.end() : match.end() + 12]
            entries.setdefault(_key(match.group(1), match.group(3)), []).append(
                match.group() if re.match(r"\s*_\s*[{a-z]", after) else ""
            )
    for (name, arguments), written in entries.items():
        uses = re.findall(rf"(?<![\\a-zA-Z]){re.escape(name)}(?![a-zA-Z])", everything)
        if len(name) == 1 and all(written) and len(uses) == len(written):
            # the text writes the letter nowhere but as that entry of that call: S_j
            defined.setdefault((name, arguments), written[0])
    for key in plain & set(defined):
        if any(name == key[0] and key != (name, _) for name, _ in defined):
            del defined[key]  # H(p) beside H(p, q): two functions of one name, not read so
        elif key[0] in "NKM" and re.search(rf"(?<![\\a-zA-Z]){key[0]}(?![a-zA-Z(])", everything):
            del defined[key]  # N(z) beside \sum_{k=1}^N: N is a count too (review 71)
    if not defined:
        return {}
    for match in list(_ENTRY_OF_ENTRY.finditer(everything)):
        if _key(match.group(1), match.group(4) + "_") in defined:  # y_k(z_j) too: y_k
            start = match.start() + match.group().index("(")
            if "\\left" in match.group():
                start = match.start() + match.group().index("\\left")
            text.blank(start, match.end())
    for match in list(_ENTRY_APPLIED.finditer(everything)):
        if _key(match.group(1), match.group(2)) in defined:
            start = match.start() + match.group().index("(")
            if "\\left" in match.group():
                start = match.start() + match.group().index("\\left")
            text.blank(start, match.end())
    for match in list(_APPLIED.finditer(everything)):
        if _key(match.group(1), match.group(3)) in defined:
            at = match.start(3) - match.start()
            arguments_start = match.start() + match.group().rindex("(", 0, at)
            if "\\left" in match.group():
                arguments_start = match.start() + match.group().index("\\left")
            text.blank(arguments_start, match.end())
    return {name: written for (name, _), written in sorted(defined.items())}


# [\sigma(\mathbf{a})]_i, \left[\operatorname{softmax}(z)\right]_k, [f(\vec{x})]_i: a bracket
# around one function call, and the index outside it
_BRACKETED_CALL = lazy(
    r"(\\left\s*)?\[\s*(?:\\(?:sigma|phi|operatorname|text|mathrm)(?![a-zA-Z])\s*"
    r"(?:\{\s*[a-zA-Z]+\s*\})?|(?<![\\a-zA-Z])[sS]oftmax(?![a-zA-Z])|[a-zA-Z](?![a-zA-Z]))\s*"
    r"(?=(?:\\left\s*)?\()"
)
_CLOSED_THEN_INDEX = lazy(r"\s*((?:\\right\s*)?\])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z])")


def unbracket_entries(text: Text) -> None:
    """``[\\sigma(\\mathbf{a})]_i`` is ``\\sigma(\\mathbf{a})_i``: a bracket that holds one
    function call and nothing else, with an index after it, is the call's entry (the bracket
    only shows where the index applies).  Not ``[g(x)]_+`` (no index letter) nor a bracket
    holding more than the call.  Same length: the brackets become blanks."""
    everything = text.slice(0, len(text.chars))
    for match in _BRACKETED_CALL.finditer(everything):
        end = matching(everything, match.end())
        closed = _CLOSED_THEN_INDEX.match(everything, end) if end > 0 else None
        if closed is None:
            continue
        opening = match.start(1) if match.group(1) else match.start()
        text.blank(opening, everything.index("[", match.start()) + 1)
        text.blank(closed.start(1), closed.end(1))
