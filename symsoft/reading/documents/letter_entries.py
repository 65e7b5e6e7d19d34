"""A letter applied to one entry of a vector, as a function the document defines on entries:
``s(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}`` makes every ``s(z_k)`` the entry ``s_k`` (the
document's softmax written as a function of the entry it is computed at). Without such a
definition ``s(z_k)`` stays ambiguous (``s`` times ``z_k``, or a function of ``z_k``?).
Same length: columns stay the file's."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_OPEN = r"(?:\\left\s*|\\[bB]igg?l?\s*)?\("
_CLOSE = r"(?:\\right\s*|\\[bB]igg?r?\s*)?\)"
_INDEX = r"(?:\{\s*(?P<braced>[a-zA-Z0-9])\s*\}|(?P<bare>[a-zA-Z0-9]))"

# a letter alone (not the end of a command or a word, no script of its own) applied to
# something: s(, p\left(; the letters e (Euler's number) and d (a differential) are never names;
# also a capital written against a bare log (logS(x_i): the log of S(x_i), the grammar's logS_i)
_CALL = lazy(
    rf"(?:(?<![\\A-Za-z_^])|(?<=(?<![A-Za-z])log)(?=[A-Z])|(?<=(?<![A-Za-z])ln)(?=[A-Z]))"
    rf"(?P<name>[a-cf-zA-Z])(?![A-Za-z])\s*{_OPEN}"
)
_ENTRY_ARGUMENT = lazy(rf"\s*(?P<vector>[A-Za-z])\s*_\s*{_INDEX}\s*{_CLOSE}")
_VECTOR_ARGUMENT = lazy(r"\s*(?P<vector>[A-Za-z])\s*_")  # z_{j,i}: an entry all the same
_DEFINED = r"\s*&?\s*(?::=|=|\\coloneqq|\\equiv)"


# a function named by a word: \text{lsm}(, \operatorname{logsoftmax}\left(, logsoftmax( (a bare
# word of four letters or more, never a command's name nor a word the grammar knows)
_WORD_CALL = lazy(
    r"(?:\\(?:text|operatorname|mathrm|textrm)\s*\{\s*(?P<braced>[A-Za-z]{2,})\s*\}"
    r"|\ue001(?P<marked>[A-Za-z]{2,})|(?<![\\A-Za-z\ue001_^])(?P<bare>[a-z]{4,}))\s*" + _OPEN
)
_KNOWN_WORDS = frozenset(
    {"softmax", "sigmoid", "tanh", "relu", "exp", "log", "sum", "prod", "diag", "max", "min"}
    | {"lse", "logsumexp", "bce", "ce", "nll", "mse", "kl", "crossentropy", "entropy"}
)


# a whole vector as the argument: loss(x), \text{CE}(\mathbf{z})
_WHOLE_ARGUMENT = lazy(
    rf"\s*(?P<vector>[A-Za-z]|\\(?:mathbf|boldsymbol|bm)\s*\{{\s*[A-Za-z]\s*\}})\s*{_CLOSE}"
)


def _one_argument(wholes: list[tuple[re.Match[str], re.Match[str] | None]]) -> bool:
    """Whether every call has the same whole vector as its argument."""
    if any(whole is None for _, whole in wholes):
        return False
    return len({re.sub(r"\s+", "", whole["vector"]) for _, whole in wholes if whole}) == 1


def spell_word_entries(text: Text) -> list[str]:
    """Every ``\\text{lsm}(z_k)``, ``logsoftmax\\left(x_{k}\\right)`` as the word's entry k for
    each word name the document defines on an entry with an index letter (``logsoftmax(x_i) =
    …``) and applies to entries of that one vector only, where that spelling fits in the place
    of the call (columns stay the file's); a word applied to one whole vector at every use and
    defined so (``loss(x) = -\\sum_i y_i \\log …``) is the name of that value; returns those
    words."""
    everything = text.slice(0, len(text.chars))
    calls: dict[str, list[re.Match[str]]] = {}
    for call in _WORD_CALL.finditer(everything):
        word = call["braced"] or call["marked"] or call["bare"]
        if word.lower() not in _KNOWN_WORDS:
            calls.setdefault(word, []).append(call)
    spelled = []
    for word, found in sorted(calls.items()):
        wholes = [(call, _WHOLE_ARGUMENT.match(everything, call.end())) for call in found]
        bare = all(call["bare"] for call in found)  # \text{lse}(z): a word the grammar reads
        if (
            bare
            and len(wholes) > 1  # defined and used: lsex(a) = a alone stays a question
            and _one_argument(wholes)
            and any(re.match(_DEFINED, everything[w.end() :]) for _, w in wholes)
        ):
            for call, whole in wholes:  # loss(x) = … and loss(x) at every use: the name loss
                written = f"\ue001{word}"
                text.chars[call.start() : whole.end()] = list(
                    written.ljust(whole.end() - call.start())
                )
            spelled.append(word)
            continue
        entries = [(call, _ENTRY_ARGUMENT.match(everything, call.end())) for call in found]
        vectors = {entry["vector"] for _, entry in entries if entry is not None}
        if any(entry is None for _, entry in entries) or len(vectors) != 1:
            continue  # logsoftmax(x): not a function of entries only
        if not any(
            re.match(_DEFINED, everything[entry.end() :])
            and (entry["braced"] or entry["bare"]).isalpha()
            for _, entry in entries
        ):
            continue  # no definition of the text's own on an entry with an index letter
        written = [
            (call, entry, f"\ue001{word}_{{{entry['braced'] or entry['bare']}}}")
            for call, entry in entries
        ]
        if any(len(w) > entry.end() - call.start() for call, entry, w in written):
            continue
        for call, entry, w in written:
            text.chars[call.start() : entry.end()] = list(w.ljust(entry.end() - call.start()))
        spelled.append(word)
    return spelled


def spell_letter_entries(text: Text) -> list[str]:
    """Every ``s(z_k)`` as ``s_{k}`` for each letter ``s`` that the document defines on an entry
    with an index letter (``s(z_i) = …``), applies to entries of that one vector ``z`` only, and
    never writes with a script of its own (``s_i`` would be another name); returns those
    letters. A call on an entry with more indices (``s(z_{j,i})``) is left as written.

    >>> text = Text.of(r"$$s(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$ $$s(z_j)(1 - s(z_j))$$")
    >>> spell_letter_entries(text)
    ['s']
    >>> text.slice(0, 11), text.slice(46, 68)
    ('$$s_{i}  = ', 's_{j} (1 - s_{j} )$$')
    """
    everything = text.slice(0, len(text.chars))
    calls: dict[str, list[re.Match[str]]] = {}
    for call in _CALL.finditer(everything):
        calls.setdefault(call["name"], []).append(call)
    templates = quotient_templates(everything)
    parts = {part: f for f, (_, g, h) in templates.items() for part in (g, h)}
    spelled: list[str] = []
    # (the quotient's parts after the letters they divide: g(x_j) is read as g_j only when
    # f(x_j) is)
    for name, found in sorted(calls.items(), key=lambda item: (item[0] in parts, item[0])):
        entries, vectors = [], set()
        variable = templates[name][0] if name in templates else None
        if name in parts and parts[name] in spelled:
            variable = templates[parts[name]][0]
        for call in found:
            entry = _ENTRY_ARGUMENT.match(everything, call.end())
            vector = entry or _VECTOR_ARGUMENT.match(everything, call.end())
            if vector is None and variable and _LEFT_AS_WRITTEN.match(everything, call.end()):
                if _LEFT_AS_WRITTEN.match(everything, call.end())["vector"] == variable:
                    continue  # f(x) of the rule, f(x^j): left as written (not read as f_j)
            if vector is None:
                break  # s(x), p(1 - p): not a function of entries only
            vectors.add(vector["vector"])
            if entry is not None:
                entries.append((call, entry))
        else:
            if len(vectors) != 1 or not entries or _scripted(everything, name):
                continue
            if variable and vectors != {variable}:
                continue
            own = any(
                re.match(_DEFINED, everything[entry.end() :])
                and (entry["braced"] or entry["bare"]).isalpha()
                for _, entry in entries
            )
            if not own and not (name in parts and parts[name] in spelled):
                continue  # no definition of the text's own on an entry with an index letter
            for call, entry in entries:
                index = entry["braced"] or entry["bare"]
                written = f"{name}_{{{index}}}"
                start, end = call.start(), entry.end()
                text.chars[start:end] = list(written.ljust(end - start))
            spelled.append(name)
    return spelled + spell_word_entries(text)


# f(x) = \frac{g(x)}{h(x)}: the quotient rule's letters, on one variable
_QUOTIENT = lazy(
    r"(?<![\\A-Za-z])(?P<f>[a-z])\s*\(\s*(?P<x>[a-z])\s*\)\s*=\s*\\[dt]?frac\s*"
    r"\{\s*(?P<g>[a-z])\s*\(\s*(?P=x)\s*\)\s*\}\s*\{\s*(?P<h>[a-z])\s*\(\s*(?P=x)\s*\)\s*\}"
)
# a call left as written beside entries: on the variable itself, f(x), or on x^j
_LEFT_AS_WRITTEN = lazy(rf"\s*(?P<vector>[a-z])\s*(?:\^\s*(?:\{{\s*[a-z]\s*\}}|[a-z])\s*)?{_CLOSE}")


def quotient_templates(everything: str) -> dict[str, tuple[str, str, str]]:
    """The quotient rule stated with letters, ``f(x) = \\frac{g(x)}{h(x)}``, for each f: its
    variable, numerator and denominator letters (three different letters; a text that states two
    such rules with one f gives none).

    >>> quotient_templates(r"$$f(x) = \\frac{g(x)}{h(x)}$$")
    {'f': ('x', 'g', 'h')}
    """
    found: dict[str, tuple[str, str, str]] = {}
    twice: set[str] = set()
    for match in _QUOTIENT.finditer(everything):
        f, x, g, h = match.group("f", "x", "g", "h")
        if len({f, x, g, h}) != 4:
            continue
        if f in found and found[f] != (x, g, h):
            twice.add(f)
        found[f] = (x, g, h)
    return {f: parts for f, parts in found.items() if f not in twice}


def _scripted(everything: str, name: str) -> bool:
    """``name`` written with a subscript or superscript of its own somewhere (``s_i``, ``s^2``
    is fine only as a power of a call: ``s(z_i)^2``)."""
    return re.search(rf"(?<![\\A-Za-z]){name}(?![A-Za-z])\s*[_^]", everything) is not None
