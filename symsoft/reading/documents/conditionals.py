"""Conditional probabilities as logistic and softmax regression posts write them:
``P(y=1|x)``, ``p(y=0 | x, \\theta)``, ``P(Y = j \\mid X)``, ``\\Pr(y|x)``, ``logP(y|x)``,
``p_\\theta(y|x)``, ``\\sum_k q(k|x_i) \\log p(k|x_i)``.

A conditional probability ``f(<event> | <given>)`` is one name, keyed by what it writes (white
space aside): the same probability written twice is the same name, two events or two given
parts are two names (``P(y=1|x)`` is not ``P(y_i=1|x_i)``: the text says which it means by
defining each). When the event is an index letter (i … n, or one a sum of the text runs over:
``q(k|x_i)``), the probability is the entry k of a distribution q given ``x_i``, whose entries
sum to one: read so only when every conditional probability the text writes with that function
is one such entry with the same given part. What stays unread, with the reason a step using it
reports (``unread_conditional``): an event that is an inequality or a set (``P(y > 0|x)``,
``P(y \\in A|x)``), a joint event (``P(x, y|z)``), the entries of a distribution given parts
that change (``p(k|x_i)`` beside ``p(k|x_j)``), or written beside other events (``p(k|x)``
beside ``p(y=1|x)``).

The rewriting keeps the text's length, so columns stay the file's: the probability is written
as its letter, the mark ``WORD_MARK`` and ``c`` with a letter of its own (``P\\ue001cA``,
``q\\ue001cB_k``), which the grammar reads as one name; messages show it as written
(``word_names.SPELLED_AS``).
"""

from __future__ import annotations

import re
import string
from contextvars import ContextVar

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import sum_indices
from symsoft.reading.documents.word_names import SPELLED_AS, WORD_MARK
from symsoft.reading.lazy_regex import lazy

# the names of the conditional probabilities the reader does not read, each with the reason
UNREAD_CONDITIONALS: ContextVar[dict[str, str] | None] = ContextVar("unread", default=None)
# the conditional probabilities (scalars) the text never writes alone left of an '=', as written
UNDEFINED_CONDITIONALS: ContextVar[dict[str, str] | None] = ContextVar("undefined", default=None)
# the distributions read from their entries (q of q(k|x_i)): their entries sum to one
DISTRIBUTIONS: ContextVar[frozenset[str]] = ContextVar("distributions", default=frozenset())

# the function: P, p, q, Q (primed: q' is a function of its own), \Pr, \mathbb{P}, perhaps
# with a subscript (p_\theta, p_{\mathbf{w}}, P_T) or a word made a name (p\ue001model);
# written after a letter only as logP (a log without its backslash) or ^Cq (a sum's bound)
_HEAD = lazy(
    r"(?:(?<![\\A-Za-z0-9])|(?<=(?<![\\A-Za-z])log)|(?<=(?<![\\A-Za-z])ln)|(?<=\^[A-Za-z0-9]))"
    r"(?P<head>(?P<letter>[PpqQ])(?:\ue001[A-Za-z][A-Za-z0-9]*)?(?P<prime>\s*')?"
    r"|\\Pr(?![A-Za-z])|\\mathbb\s*\{\s*P\s*\})"
    r"(?P<script>\s*_\s*(?:\\?[A-Za-z]+|[A-Za-z0-9]|\{(?:[^{}]|\{[^{}]*\})*\}))?"
    r"\s*(?P<left>\\left\s*|\\bigl?\s*|\\Bigl?\s*)?\("
)
_BAR = lazy(r"\\middle\s*(?:\||\\vert(?![A-Za-z]))|\\mid(?![A-Za-z])|\\vert(?![A-Za-z])|(?<!\\)\|")
_SIZING = lazy(r"\\(?:left|right|middle|bigl?|bigr?|Bigl?|Bigr?)(?![A-Za-z])|\s+")
_INEQUALITY = lazy(
    r"[<>≤≥≠∈]|\\(?:le|ge|leq|geq|lt|gt|ne|neq|in|notin|subset|subseteq|leqslant|geqslant)"
    r"(?![A-Za-z])"
)
_JOINT = lazy(r",|;|\\cap(?![A-Za-z])|\\wedge(?![A-Za-z])|\\land(?![A-Za-z])")
_LETTER = lazy(r"\{?([A-Za-z])\}?")
_IDS = string.ascii_uppercase + string.ascii_lowercase + string.digits


def _closing(source: str, start: int) -> int | None:
    """Where the group opened by the ``(`` before ``start`` closes (the ``)``), or None: a
    group left open, or closed by another bracket first."""
    depth = 0
    for pos in range(start, min(len(source), start + 400)):
        char = source[pos]
        if char in "({[":
            depth += 1
        elif char in ")}]":
            if depth == 0:
                return pos if char == ")" else None
            depth -= 1
        elif (char == "$" and source[pos - 1] != "\\") or source.startswith("\n\n", pos):
            return None  # the end of the math, or of the paragraph
    return None


def _top_level_bars(inside: str) -> list[re.Match[str]]:
    """The bars of ``inside`` outside every group of it."""
    bars = []
    for match in _BAR.finditer(inside):
        before = inside[: match.start()]
        depth = sum(before.count(c) for c in "({[") - sum(before.count(c) for c in ")}]")
        if depth == 0:
            bars.append(match)
    return bars


class _Found:
    """One conditional probability: where it is, its function, event and given part."""

    def __init__(self, start: int, end: int, letter: str, function: str, event: str, given: str):
        self.start, self.end = start, end
        self.letter, self.function, self.given = letter, function, _SIZING.sub("", given)
        self.raw_event, self.event = event, _SIZING.sub("", event)  # y \in A, read as y\inA

    @property
    def written(self) -> str:
        return f"{self.function}({self.event}|{self.given})"


def _found(source: str) -> list[_Found]:
    """Every conditional probability of ``source``, in order."""
    found: list[_Found] = []
    reached = 0
    for head in _HEAD.finditer(source):
        if head.start() < reached:
            continue
        closing = _closing(source, head.end())
        if closing is None:
            continue
        inside = source[head.end() : closing]
        bars = _top_level_bars(inside)
        if len(bars) != 1 or "\\|" in inside or source[closing - 1] == "\\":
            continue
        event, given = inside[: bars[0].start()], inside[bars[0].end() :]
        if not _SIZING.sub("", event) or not _SIZING.sub("", given):
            continue
        letter = "P" if head.group("letter") is None else head.group("letter")
        function = _SIZING.sub("", head.group("head") + (head.group("script") or ""))
        function = function.replace(WORD_MARK, "_")
        found.append(_Found(head.start(), closing + 1, letter, function, event, given))
        reached = closing + 1
    return found


# a letter written as an index inside a probability: y_i, x_{i}, x^{(i)}
_INDEXED = lazy(r"_\s*\{?\s*([a-z])\s*\}?(?![A-Za-z])|\^\s*\{?\s*\(\s*([a-z])\s*\)")


def _unread_why(item: _Found, summed: set[str], vector: bool) -> str:
    if _INEQUALITY.search(item.raw_event):
        return "an event that is an inequality or a set"
    if _JOINT.search(item.event):
        return "a joint event"
    indices = {a or b for a, b in _INDEXED.findall(item.event + "|" + item.given)}
    if indices and not (vector and not indices & summed and "_" not in item.event):
        # P(y_i=1|x_i) under \sum_i: one name would be the same number for every i
        return f"a probability that changes with the index {', '.join(sorted(indices))}"
    return ""


def spell_conditionals(text: Text) -> dict[str, str]:
    """Write every conditional probability of ``text`` as one name (same length): the entry k of
    a distribution for ``q(k|x_i)`` when the text sums over k and writes q given ``x_i`` alone.

    Returns ``{name: as written}``; the names not read are in ``UNREAD_CONDITIONALS``."""
    source = text.slice(0, len(text.chars))
    found = _found(source)
    if not found:
        return {}
    bound = sum_indices(source)
    summed = bound | set("ijklmn")  # the letters of indices: k of p(k|x)
    by_function: dict[str, list[_Found]] = {}
    for item in found:
        by_function.setdefault(item.function, []).append(item)
    names: dict[str, str] = {}  # key → name
    spelled: dict[str, str] = {}  # name → as written
    unread: dict[str, str] = {}
    distributions: set[str] = set()
    for function, items in by_function.items():
        entries = [i for i in items if _entry_index(i.event) in summed]
        givens = {i.given for i in items}
        vector = len(entries) == len(items) and len(givens) == 1
        given_values = {  # the samples' probabilities the text gives a value: P(y_i|x_i) = …
            _INDEXED.sub("_{·}", i.written)
            for i in items
            if re.match(r"\s*(?::=|=)", source[i.end :])
            and re.search(_ROW_START + "$", source[: i.start])
        }
        for item in items:
            why = _unread_why(item, bound, vector)
            sample = "" if vector else _sample_index(item)
            sample = sample if _INDEXED.sub("_{·}", item.written) in given_values else ""
            if sample and why.startswith("a probability that changes"):
                why = ""  # P(y_i|x_i, w): sample i's, an entry of the samples' vector
            if item in entries and not vector:
                why = f"the entry {item.event} of a distribution {function} written also " + (
                    "given other parts" if len(givens) > 1 else "with other events"
                )
            key = f"{function}(\\cdot|{item.given})" if vector else item.written
            key = _INDEXED.sub("_{·}", key) if sample else key
            if key not in names:
                if len(names) == len(_IDS):
                    continue
                names[key] = f"{item.letter}_c{_IDS[len(names)]}"
            name = names[key]
            index = _entry_index(item.event) if vector else sample
            written = name.replace("_", WORD_MARK, 1) + (f"_{{{index}}}" if index else "")
            if len(written) > item.end - item.start and index:
                written = written.replace("{", "").replace("}", "")
            if len(written) > item.end - item.start:
                continue
            text.blank(item.start, item.end)
            text.chars[item.start : item.start + len(written)] = list(written)
            spelled[name] = key.replace("_{·}", "") if sample else key  # P(y|x,w)_{i}
            if vector:
                distributions.add(name)
            if why:
                unread[name] = f"{item.written}: {why} is not read"
    if spelled:
        SPELLED_AS.set({**(SPELLED_AS.get() or {}), **spelled})
        UNREAD_CONDITIONALS.set(unread)
        after = text.slice(0, len(text.chars))
        UNDEFINED_CONDITIONALS.set(
            {
                name: written
                for name, written in spelled.items()
                if name not in distributions and not _defined(after, name)
            }
        )
        DISTRIBUTIONS.set(frozenset(distributions - unread.keys()))
    return spelled


def is_conditional_name(name: str) -> bool:
    """Whether ``name`` is a conditional probability as :func:`spell_conditionals` names one
    (``P_cA``, ``q_cB``)."""
    return _NAME.fullmatch(name) is not None


_NAME = lazy(rf"[PpqQ]_c[{_IDS}]")


def unread_conditional(written: str) -> str:
    """Why a step writing ``written`` is not read, when it writes a conditional probability
    not read (``P(y > 0|x)``), else ""."""
    for name, why in (UNREAD_CONDITIONALS.get() or {}).items():
        if re.search(rf"{re.escape(name.replace('_', WORD_MARK, 1))}(?![A-Za-z0-9])", written):
            return why
    return ""


# a name alone at the start of a row or of the math, then '=': P(y|x) = …, & P(Y=1|X) = …
_ROW_START = r"(?:^|\$|\\\\|&|\\\[|\\begin\{[a-z*]+\}|\n)\s*"


def _defined(source: str, name: str) -> bool:
    marked = re.escape(name.replace("_", WORD_MARK, 1))
    script = r"(?:_\{?[a-z]\}?)?"  # P(y_i|x_i, w) = …: sample i's, defined for each i
    return re.search(rf"{_ROW_START}{marked}{script}\s*(?::=|=)", source) is not None


# the event "y = k" of a class index k (as k alone): the entry k of the distribution over classes
_CLASS_EVENT = lazy(r"\{?[A-Za-z]\}?=\{?([a-z])\}?")


def _entry_index(event: str) -> str:
    """The index letter an event names an entry by (``k``, ``y=k``), or ""."""
    found = _LETTER.fullmatch(event) or _CLASS_EVENT.fullmatch(event)
    return found.group(1) if found else ""


def _sample_index(item: _Found) -> str:
    """The one index both the event and the given part write (``P(y_i \\mid x_i, w)``: the
    probability of sample i's label given its input), or "" when there is none or more."""
    event = {a or b for a, b in _INDEXED.findall(item.event)}
    given = {a or b for a, b in _INDEXED.findall(item.given)}
    if len(event) == 1 and event == given and not _INEQUALITY.search(item.raw_event):
        return event.pop()
    return ""


def undefined_conditional(written: str) -> str:
    """The first conditional probability ``written`` writes that the text never defines (a
    likelihood ``P(T|X)`` named only), as written; "" when none."""
    for name, shown in (UNDEFINED_CONDITIONALS.get() or {}).items():
        if re.search(rf"{re.escape(name.replace('_', WORD_MARK, 1))}(?![A-Za-z0-9])", written):
            return shown
    return ""
