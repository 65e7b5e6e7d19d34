"""Layer labels written as letters in a superscript: Nielsen's ``a_i^L``, ``z^L_j``,
``w^L_{jk}``, ``\\delta^L_j``, and the bracketed ``z^{[L]}_i``, ``a^{[2]}_j`` of other courses.

A superscript ``L`` or ``l`` could be a power; it is a layer's label only where the document
says so by its use: every use of the name in the math carries such a label, and the label's
letter is written nowhere else in the math (``L`` the loss, ``\\sum_l``, ``x^l`` beside ``x_l``:
then ``^L``, ``^l`` may be powers and nothing is read).  A label in brackets, ``^{[L]}``,
``^{[2]}``, or in parentheses, ``^{(L)}``, ``^{(2)}`` (CS229's layers), is never a power
(``f^{(n)}``, ``g``, ``h``: an order, not read).  A plain digit, ``a^2_i``, is layers.py's;
``^{(l)}`` without an index is renaming.py's entry.

A name with one label throughout is read as the name itself (``z_i^L`` is ``z_i``: the label
tells nothing the step needs).  A name with two labels (``a^l_i`` and ``a^L_i``, a hidden and
the output layer; ``z^{L-1}_j`` beside ``z^L_j``) is a name a layer, ``a^l``, ``a^L``,
``z^{L-1}``, spelled as layers.py spells ``w^1_{i,j}``: the layer below is never taken for the
layer above, and what the text does not say of it stays free (a step by it whose quantity does
not depend on it is not checked).  Without an index (``a^L``, the vector) or a Greek letter
(``\\delta^{l+1}`` beside ``\\delta^L``) such a name is left as written, not read.  Every
spelling keeps the text's length: columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.labelled_names import spell_labelled_names
from symsoft.reading.documents.layers import _math_spans
from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.documents.temperature_labels import spell_temperature_labels
from symsoft.reading.lazy_regex import lazy

# letters the grammar reads as one thing when written alone: the partition sum, the
# temperature, counts and indices
_KEPT = frozenset("ZTNKMijkmn")
_LABEL_TEXT = r"[Ll](?:\s*[-+]\s*[0-9])?"
_SUB = r"_\s*(?:\{[^{}]*\}|[A-Za-z0-9])"
# a_i^L, z^{L}_{j}, w^{[L]}_{jk}, \delta^L_j, a^{[2]}: a name, its label, and its index
# before or after the label (or none: the vector)
_LABELLED = lazy(
    r"(?<![\\A-Za-z])(?P<name>[a-df-km-zA-KM-Z](?![A-Za-z])|\\delta(?![A-Za-z]))"
    rf"\s*+(?P<before>{_SUB})?\s*+\^\s*"  # (possessive: linear over a run of spaces)
    rf"(?:\{{\s*(?:(?:\[\s*(?P<bracket>{_LABEL_TEXT}|[0-9])\s*\]"
    rf"|\(\s*(?P<paren>{_LABEL_TEXT}|[0-9])\s*\))(?P<top>\s*(?:T|\\top)(?![A-Za-z]))?"
    rf"|(?P<braced>{_LABEL_TEXT}))\s*\}}"  # (a^{(1)T}, a^{[1]T}: a layer's vector, transposed)
    r"|(?P<plain>[Ll]))"
    rf"(?:\s*(?P<after>{_SUB}))?"
)
# words, references and an annotation over '=' hold no use of a name
_NOT_MATH = lazy(
    r"\\(?:text|textrm|textbf|mathrm|operatorname|label|eqref|ref|tag|begin|end)\s*\{[^{}]*\}"
    r"|\\stackrel\s*\{(?:[^{}]|\{[^{}]*\})*\}"
)
_KRONECKER = lazy(r"\\delta\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}")
_DELTA = lazy(r"\\Delta(?![A-Za-z])")
_USE = lazy(r"(?<![\\A-Za-z])([a-zA-Z](?![A-Za-z])|\\delta(?![A-Za-z]))")
# $L$, $l^{th}$, $l = 1, \dots, L$: the layer named in the prose, no other letter
_NAMING_WORDS = lazy(r"\\(?:[lc]?dots|in|text\s*\{\s*th\s*\})(?![A-Za-z])|(?<=\^)\{?\s*th\b")


def _label(match: re.Match[str]) -> tuple[str, bool]:
    """The label written, without spaces, and whether it may be a power (``^L``, ``^{l}``)."""
    for group in ("bracket", "paren", "braced", "plain"):
        if (written := match.group(group)) is not None:
            label = re.sub(r"\s+", "", written)  # (z^{(1)} is not z^{[1]}: two labels)
            return f"({label})" if group == "paren" else label, group in ("braced", "plain")
    raise AssertionError(match.group())


def _cleaned(body: str) -> str:
    return _NOT_MATH.sub(lambda m: " " * len(m.group()), body)


def spell_layer_superscripts(text: Text, displays: list[Display]) -> frozenset[str]:
    """:func:`_spell_indexed`, then the names with a label in brackets and no index that it
    left (``a^{[2]}`` beside ``a^{[1]}``): labelled_names.py's."""
    tempered = spell_temperature_labels(text, displays)  # q_i^T of a softmax at temperature T
    layered = _spell_indexed(text, displays)
    spell_labelled_names(text, displays)
    return layered | tempered


def _spell_indexed(text: Text, displays: list[Display]) -> frozenset[str]:
    """Read the layer labels of superscripts: a name with one label everywhere as the name
    (``a_i^L`` as ``a_i``), a name with several as one name a label (``a^l_i``, ``a^L_i``, as
    ``w^1_{i,j}``: the letters returned are layers.py's ``LAYERED``).  Nothing when the
    label's letter is also written otherwise (``L`` a loss, ``\\sum_l``: ``^L`` may be a power)
    or a name is also written without a label (``a_i`` beside ``a_i^L``)."""
    source = text.slice(0, len(text.chars))
    spans = [
        (span.start, _cleaned(source[span.start : span.end]))
        for span in _math_spans(text, displays)
    ]
    found: list[tuple[int, re.Match[str]]] = []
    labels: dict[str, set[str]] = {}
    powers: dict[str, set[str]] = {}  # the labels a power could be written as: ^L, ^{l}
    for start, body in spans:
        for match in _LABELLED.finditer(body):
            if match.group("before") and match.group("after"):
                continue
            label, may_be_power = _label(match)
            if match.group("paren") and match.group("name") in "fgh":
                labels.setdefault(match.group("name"), set()).add("order")
                continue  # f^{(L)}(z): a derivative's order, or a layer's function?
            found.append((start, match))
            labels.setdefault(match.group("name"), set()).add(label)
            if may_be_power:
                powers.setdefault(match.group("name"), set()).add(label[0])
    if not found:
        return frozenset()
    uses: dict[str, int] = {}
    kronecker = 0  # \delta_{jk} beside Nielsen's error \delta^L_j
    elsewhere: set[str] = set()
    for start, body in spans:
        labelled = [m for s, m in found if s == start]
        blanked = list(body)
        for match in labelled:
            label_start = match.end("before") if match.group("before") else match.end("name")
            label_end = match.start("after") if match.group("after") else match.end()
            blanked[label_start:label_end] = " " * (label_end - label_start)
        rest = "".join(blanked)
        # $L$, $l^{th}$: the layer named in words, not a use of the letter as a quantity
        named = not re.search(r"[A-KM-Za-km-z\\]", _NAMING_WORDS.sub(" ", body))
        kronecker += len(_KRONECKER.findall(rest))
        for use in _USE.finditer(rest):
            uses[use.group(1)] = uses.get(use.group(1), 0) + 1
            if use.group(1) in "Ll" and not named:
                elsewhere.add(use.group(1))
    counts: dict[str, int] = {}
    indexed: dict[str, list[bool]] = {}
    for _, match in found:
        counts[match.group("name")] = counts.get(match.group("name"), 0) + 1
        index = bool(match.group("before") or match.group("after"))
        indexed.setdefault(match.group("name"), []).append(index)
    read: dict[str, set[str]] = {}
    for name, written in labels.items():
        if "order" in written or uses.get(name, 0) != counts[name]:
            continue  # a_i beside a_i^L: the letter is also written without a label
        if powers.get(name, set()) & elsewhere:
            continue  # L a loss, \sum_l: ^L, ^l may be powers
        if name in _KEPT and not all(indexed.get(name, ())):
            continue  # Z^{[L]} alone would be the partition sum, N^{[2]} a count
        read[name] = written
    delta = "\\delta"
    # the error \delta^L_j beside a Kronecker \delta_{jk}: read as a name of its own, \Delta_j
    if delta in labels and delta not in read and len(labels[delta]) == 1:
        if uses.get(delta, 0) == counts[delta] + kronecker and not _DELTA.search(source):
            read[delta] = {"Delta"}
    layered: set[str] = set()
    for start, match in found:
        name = match.group("name")
        if name not in read:
            continue
        label, _ = _label(match)
        index = re.sub(r"\s+", "", match.group("before") or match.group("after") or "")
        if match.group("top"):
            if index or len(read[name]) > 1:
                continue  # a^{(1)T}_j, or a transposed layer beside another: not read
            spelled = f"{name}^T"  # W^{(2)T} with one label everywhere: W^T (review 61a)
        elif read[name] == {"Delta"}:
            if not index:
                continue  # \delta^L, the vector: not read
            spelled = "\\Delta" + index
        elif len(read[name]) == 1:
            spelled = name + index  # one label everywhere: the name itself
        elif index and not name.startswith("\\"):
            # a^L_i beside a^l_i, a^{L-1}_k beside a^L_j: two names, one a layer
            if label[:1] == "(":  # a^{(2)}_j: the label in parentheses, layers.py's a^2_j
                label = label[1:-1]
            spelled = f"{name}^{label if len(label) == 1 else '{' + label + '}'}{index}"
            layered.add(name)
        else:
            continue  # \delta^{l+1} beside \delta^L, or a^L without an index: not read
        begin, end = start + match.start(), start + match.end()
        if len(spelled) <= end - begin:
            text.chars[begin:end] = list(spelled.ljust(end - begin))
    return frozenset(layered)
