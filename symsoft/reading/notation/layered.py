"""Andrew Ng's vectorised backpropagation, judged as matrices at concrete sizes.

A document that writes a network's names with the layer's label in brackets (``Z^{[l]} =
W^{[l]} A^{[l-1]} + b^{[l]}``, ``A^{[l]} = g^{[l]}(Z^{[l]})``, ``A^{[0]} = X``, one example a
column) and their d-names (``dZ^{[2]}``, ``dW^{[l]}``) has its matrix steps judged entry by
entry on networks of ``UNITS`` units a layer and :data:`EXAMPLES` examples (one, for one
example's lowercase ``dz^{[1]}``): every depth from the step's largest label to the text's (to
3 where it also writes letters), every layer a letter (``l``, ``L``) may stand for.

The derivatives are mechanical: the cost ``J = \\frac{1}{m}\\sum_i \\ell(a^{[L](i)},
y^{(i)})`` is built from the forward pass and differentiated by SymPy, layer by layer by the
chain rule. Every activation is an unknown function g and the loss an unknown function of each
example's output and target: the text's own are not read (review 63b: sections, words and
spellings that change them fooled every reading of them), so a step holds only when it holds
for every elementwise activation and every loss of each example.

Ng's d-names: ``dZ``, ``dA`` are the gradients of each example's loss (m ∂J/∂Z), ``dW``, ``db``
those of the mean cost J. A step holds when it holds so on every network above; where it holds
only with the d-names read otherwise (all ∂J, all m ∂J, dW as W's transpose), it is ambiguous,
and so is every step of a text that has such a step. It fails only when it fails on each network
in every reading with no unknown function in the difference. A text whose words name another
setting (softmax, a squared error, a regulariser, a likelihood to maximise …), whose cost is not
the mean, whose d-names are the mean cost's (``dZ = \\frac{\\partial J}{\\partial Z}``) or whose
layers are defined otherwise is not read here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Text
from symsoft.reading.notation.layered_model import (
    UNITS,
    Model,
    _Unread,
    entry_verdict,
)
from symsoft.reading.notation.layered_parse import Node, parse
from symsoft.reading.notation.layered_values import Sides, as_matrix

EXAMPLES = 3  # (not UNITS: two batches side by side are then no matrix product)
_DEPTH = 3  # the layers of the network a letter label (l, L) is judged on
# dZ = m∂J/∂Z, dW = ∂J/∂W; all ∂J; all m∂J; Ng's with dW laid out as the transpose of W
_CONVENTIONS = ("ng", "cost", "losses", "transposed")


@dataclass(frozen=True)
class Network:
    """What a document says of its layers: how many its labels count, and its steps as written
    (the reader's rewrites of names aside), by the position of their left side."""

    layers: int  # the largest number among the labels (0: letters only)
    written: tuple[tuple[int, str, str], ...]  # (position, left side, right side)
    keys: frozenset[tuple[int, int]]  # the steps that define a layer (Z = WA + b, A = g(Z))
    letters: bool = False  # the text also writes labels as letters (l, L): any depth may be meant
    label: str = "definition (a layer of the network)"

    def judge(self, lhs: str, rhs: str, position: int = 0) -> tuple[str, str] | None:
        """(status, summary) of the step at ``position``, read as written, or None."""
        del lhs, rhs  # (rewritten for the other readers: d-names, labels spelled as words)
        found = [(left, right) for at, left, right in self.written if at == position]
        if len(found) != 1:
            return None
        judged = _judged(self, *found[0])
        if judged is not None and judged[0] == "holds" and self.read_otherwise:
            return "not checked", f"not checked: ambiguous: {judged[1]}; {_OTHERWISE}"
        return judged

    @functools.cached_property
    def read_otherwise(self) -> bool:
        """Whether a step of the text holds only with its d-names read otherwise than Ng's
        (``dZ^{[2]} = \\frac{1}{m}(A^{[2]} - Y)``): which reading its other steps are in is
        then not known."""
        return any(
            (judged := _judged(self, left, right)) is not None and _ANOTHER in judged[1]
            for _, left, right in self.written
        )


_LABELLED = r"\s*\^\s*\{\s*\[\s*LABEL\s*\]\s*(?:\(\s*i\s*\))?\s*\}"  # A^{[2]}, a^{[2](i)}
_D_NAME = re.compile(r"(?<![A-Za-z\\])d[ZAWbza]\s*\^\s*\{\s*\[")
# words of another setting, in which the network judged would not be the text's: another loss,
# another output, a regulariser, a maximised likelihood, another optimiser's quantities
_OTHER_SETTING = re.compile(
    r"(?i)softmax|squared|quadratic|\bmse\b|euclidean|\bl2\b|regulari|\\lambda|weight\s+decay"
    r"|dropout|hinge|focal|likelihood|maximi|ascent|categorical|multi-?class|momentum|batch\s*norm"
)
_COST_D_NAME = re.compile(  # dZ^{[2]} = \frac{\partial J}{\partial Z^{[2]}}: the mean cost's
    r"d[ZA]\s*\^\s*\{\s*\[[^\]]+\]\s*\}\s*(?::=|=)\s*\\[dt]?frac\s*\{\s*\\partial\s*"
    r"(?:J\b|\\mathcal\s*\{\s*J\s*\})"
)
_COST = re.compile(  # J = …, \mathcal{J}(w, b) = …, \mathcal{L}(A, Y) = …
    r"(?<![A-Za-z\\])(J|\\mathcal\s*\{\s*[JL]\s*\})\s*(?:\([^()=]*\))?\s*=([^=$]*)"
)


def network_of(text: str, sides: list[tuple[tuple[int, int], str, str]]) -> Network | None:
    """The network of a text that writes Ng's d-names with a layer's label in brackets, with
    ``sides`` its steps as written: ((left start, right start), left, right). None where the
    text may mean another network than this reader's: other words of the setting, a cost that
    is not the mean (``J = -\\sum …``, a batch's 𝓛 with its 1/m), d-names of the mean cost, a
    layer defined otherwise than ``Z^{[k]} = W^{[k]} A^{[k-1]} + b^{[k]}``."""
    if not _D_NAME.search(text) or _OTHER_SETTING.search(text) or _COST_D_NAME.search(text):
        return None
    for name, value in _COST.findall(text):
        mean = re.match(r"\s*-?\s*\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*m\s*\}", value)
        cost = "L" not in name  # (J or \mathcal{J}: the cost; \mathcal{L}: each example's loss)
        if cost != bool(mean) and (cost or re.search(r"[AY]\s*\^|\\sum", value)):
            return None  # J = -\sum …: a sum; \mathcal{L}(A, Y) = -\frac{1}{m} …: a batch's mean
    labels = set(re.findall(r"\^\s*\{\s*\[\s*([0-9]|[lL](?:\s*[-+]\s*1)?)\s*\]", text))
    layers = max((int(x) for x in labels if x.isdigit()), default=0)
    if layers > 3:
        return None  # (a letter's steps are judged on a network of 3 layers)
    for found in _LAYER_DEFINED.finditer(text):  # (in sentences too: "$Z^{[2]} = …$")
        if not _standard(found.group().rstrip(" ,")):
            return None
    keys = set()
    for key, left, right in sides:
        if re.fullmatch(r"\s*[Zz]" + _LABELLED.replace("LABEL", r"[^\]]+") + r"\s*", left):
            if not _standard(f"{left}={right}"):
                return None  # a layer defined otherwise (Z^{[2]} = W^{[2]} A^{[2]} + b)
            keys.add(key)
        elif _FORWARD.fullmatch(f"{left}={right}"):
            keys.add(key)
    written = tuple((key[0], left, right) for key, left, right in sides)
    letters = any(not x.isdigit() for x in labels)
    return Network(layers, written, frozenset(keys), letters)


def network_in(document: Text, steps: list[Step]) -> Network | None:
    """The network of a document (see :func:`network_of`), its steps sliced as written."""
    sides = [
        (
            (s.lhs.start, s.rhs.start),
            *(_as_written(document, x.start, x.end) for x in (s.lhs, s.rhs)),
        )
        for s in steps
        if s.lhs is not None
    ]
    return network_of(document.original, sides)


def _as_written(document: Text, start: int, end: int) -> str:
    """A side as the file writes it: a name the reader spelled shorter (``dz^{[l]}`` as a word
    and spaces) runs on over the spaces that pad it."""
    while end < len(document.chars) and document.chars[end] == " " != document.original[end]:
        end += 1
    return document.original[start:end]


# A^{[2]} = \sigma(Z^{[2]}), A^{[l]} = g^{[l]}(Z^{[l]}): a layer's activation defined
_FORWARD = re.compile(
    r"\s*([Aa])\s*\^\s*\{\s*\[([^\]]+)\]\s*\}\s*=\s*"
    r"(?:g\s*\^\s*\{\s*\[\2\]\s*\}|\\sigma|\\tanh)\s*(?:\\left)?\s*\(\s*[Zz]\s*\^\s*\{\s*\[\2\]\s*\}"
    r"\s*(?:\\right)?\s*\)\s*"
)


_LAYER_DEFINED = re.compile(
    r"(?<![A-Za-z\\{])[Zz]\s*\^\s*\{\s*\[[^\]]+\]\s*\}\s*=\s*[^$=\n&]*?(?=\$|\\\\|\\q?quad|,\s|\n|$)"
)


def _standard(definition: str) -> bool:
    """Whether a layer is defined as this reader's network defines it."""
    found = _STANDARD.fullmatch(definition)
    if found is None:
        return False
    layer, below = found["k"], found["below"]
    if below is not None:
        return layer.isdigit() and int(below) == int(layer) - 1
    return not found["x"] or layer == "1"


# Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]} (or X below layer 1; the bias optional)
_STANDARD = re.compile(
    r"\s*[Zz]\s*\^\s*\{\s*\[(?P<k>[0-9]|[lL])\]\s*\}\s*=\s*W\s*\^\s*\{\s*\[(?P=k)\]\s*\}\s*"
    r"(?:[Aa]\s*\^\s*\{\s*\[(?:(?P<below>[0-9])|(?P=k)\s*-\s*1)\]\s*\}|(?P<x>[Xx]))\s*"
    r"(?:\+\s*b\s*(?:\^\s*\{\s*\[(?P=k)\]\s*\})?)?\s*[.,]?\s*"
)


@functools.lru_cache(maxsize=256)
def _judged(network: Network, lhs: str, rhs: str) -> tuple[str, str] | None:
    sides = (parse(lhs), parse(rhs))
    if sides[0] is None or sides[1] is None:
        return None
    if not any(_labelled(side) for side in sides):
        return None  # (only steps with a layer's name are this reader's)
    labels = _labels(sides[0]) | _labels(sides[1])
    numbered = all(label.isdigit() for label in labels)
    if not numbered and any(label.isdigit() for label in labels):
        return None  # dA^{[2]} = W^{[L]T} dZ^{[L]}: which layer L is, is not read
    one = _one_example(sides)
    if one is None or (one and numbered):
        return None  # (one example's a^{[2]}: names of their own, with the text's meanings)
    situations = []  # (depth, labels): every network the text may mean
    if numbered:
        top = max((int(x) for x in labels), default=1)
        deepest = _DEPTH if network.letters else network.layers
        situations = [(d, {x: int(x) for x in labels}) for d in range(max(top, 1), deepest + 1)]
    else:
        situations = [(_DEPTH, values) for values in _label_values(labels) or []]
    if not situations:
        return None
    try:
        return _verdict(sides, situations, one)
    except (_Unread, ValueError, TypeError, ArithmeticError, sympy.ShapeError, RecursionError):
        return None


def _labelled(node: Node) -> bool:
    return bool(node.label or node.d) or any(_labelled(p) for p in node.parts)


def _labels(node: Node) -> set[str]:
    found = {node.label} if node.label else set()
    for part in node.parts:
        found |= _labels(part)
    return found


def _one_example(sides: tuple[Node, Node]) -> bool | None:
    """True for a step of one example's names (z, a, x, y), False for a batch's (Z, A, X, Y, m,
    a sum over the examples) or for neither, None for both."""
    lower = set()
    stack = list(sides)
    while stack:
        n = stack.pop()
        stack.extend(n.parts)
        if n.kind in ("name", "gradient") and n.name in "ZAXYzaxy":
            lower.add(n.name.islower())
        if n.kind in ("count", "total"):
            lower.add(False)
    return None if len(lower) > 1 else (lower.pop() if lower else False)


def _label_values(labels: set[str]) -> list[dict[str, int]]:
    """Every assignment of letter labels (l, l-1, l+1, L) to layers 0 … 3 of the network."""
    cases = []
    for here in range(1, _DEPTH + 1):
        values = {}
        for label in labels:
            letter, sign, shift = re.match(r"([lL])([-+]?)(\d*)", label).groups()
            base = _DEPTH if letter == "L" else here
            values[label] = base + (int(shift) if sign == "+" else -int(shift or 0))
        if all(0 <= v <= _DEPTH for v in values.values()):
            cases.append(values)
    return cases


@functools.lru_cache(maxsize=16)
def _model(depth: int, m: int) -> Model:
    """(one model for every text: it reads nothing of the text's own)"""
    return Model(depth, m)


def _verdict(
    sides: tuple[Node, Node], situations: list[tuple[int, dict[str, int]]], one: bool
) -> tuple[str, str]:
    """Holds when it holds with Ng's d-names on every network the text may mean (each depth,
    each layer a letter may stand for); fails when it fails on each of them in every reading
    with no unknown function in the difference; else not checked."""
    m = 1 if one else EXAMPLES
    outcome: dict[str, list[tuple[str, str]]] = {}
    for convention in _CONVENTIONS:
        found = []
        for depth, labels in situations:
            model = _model(depth, m)
            reader = Sides(model, labels, convention)
            try:
                left, right = (as_matrix(reader.value(side)) for side in sides)
            except _Unread:
                continue  # (l = 1 makes dA^{[l-1]} the inputs' derivative: not this network's)
            if left.shape != right.shape:
                return "not checked", (
                    f"not checked: sizes do not match on a layered network ({left.rows}×"
                    f"{left.cols} and {right.rows}×{right.cols}, m = {m} examples as columns)"
                )
            worst = ("holds", "")
            point = model.point()
            for i in range(left.rows):
                for j in range(left.cols):
                    status, shown = entry_verdict(left[i, j], right[i, j], point)
                    if _RANK[status] > _RANK[worst[0]]:
                        at = [f"{k} = {v}" for k, v in sorted(labels.items()) if not k.isdigit()]
                        where = ", ".join([f"{depth} layers", *at])
                        worst = (status, f"entry ({i + 1}, {j + 1}) with {where}: {shown}")
            found.append(worst)
        if not found:
            raise _Unread
        outcome[convention] = found
        if convention == "ng" and all(status == "holds" for status, _ in found):
            break  # (the other readings matter only where Ng's does not hold)
    depths = sorted({depth for depth, _ in situations})
    size = f"{'a network' if len(depths) == 1 else 'networks'} of {' and '.join(map(str, depths))}"
    size += f" layers of {UNITS} units, m = {m}"
    shown = ", any activations and loss"  # (the text's own are not read: review 63b)
    if all(status == "holds" for status, _ in outcome["ng"]):
        return "holds", f"holds on {size}{shown}{_NG}"
    if any(all(status == "holds" for status, _ in found) for found in outcome.values()):
        return "not checked", (
            f"not checked: ambiguous: {_ANOTHER} (dZ the gradient of each example's loss, dW "
            "that of the mean cost J, in W's shape)"
        )
    if all(status == "fails" for found in outcome.values() for status, _ in found):
        return "fails", f"fails on {size}{shown}: {outcome['ng'][0][1]}{_AT}"
    if any(status == "holds" for status, _ in outcome["ng"]):
        return "not checked", (
            "not checked: ambiguous: holds on some of the networks the text may mean (another "
            "depth, another layer for its letter), fails on others"
        )
    if any(status == "fails-unknown" for found in outcome.values() for status, _ in found):
        unknown = next(shown for status, shown in outcome["ng"] if status != "holds")
        return "not checked", (
            "not checked: fails for some activation or loss (this reader takes them unknown, "
            f"not the text's own): {unknown or 'with polynomials for them'}"
        )
    return "not checked", "not checked: undecided on a layered network"


_AT = (  # (the point of Model.point, said in words)
    " (X, Y, then each layer's W and b, entry by entry, take the values 1/2, -1/3, 2/5, 3/4, "
    "-2/7, 1/5, … in turn, the targets' absolute values; each Z computed from them)"
)
_ANOTHER = "holds only with its d-names read otherwise than Ng's"
_OTHERWISE = "another step of the text holds only with its d-names read otherwise than Ng's"
_NG = " (Ng's d-names: dZ per example, dW of the mean cost J)"
_RANK = {"holds": 0, "undecided": 1, "fails-unknown": 2, "fails": 3}
