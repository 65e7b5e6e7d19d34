"""Logistic and linear regression over a data matrix: the roles and definitions a document gives.

A document that defines a hypothesis (``h_\\theta(x) = \\sigma(\\theta^T x)``, ``\\hat{y}^{(i)} =
\\sigma(z^{(i)})`` with ``z^{(i)} = w^T x^{(i)} + b``, ``z = X\\theta``) and a loss summed over its
samples (``J(\\theta) = -\\frac{1}{m} \\sum_{i=1}^m […]``) has its steps in that notation judged
entry by entry at the sizes in :data:`SIZES` (m samples, d features): the sample index (from
``x^{(i)}``, ``y_i``, a sum to the sample count), the feature index (``\\theta_j``,
``x_j^{(i)}``) and the definitions in force where a step stands are the document's.  A matrix
identity such as ``\\nabla_\\theta J = \\frac{1}{m} X^T(\\sigma(X\\theta) - y)`` has entries of one
form at every size, so it is judged at these sizes and the reason names them; a wrong transpose,
a missing 1/m or a wrong sign fails at a named entry and size, with a concrete point.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.data_parse import (
    Term,
    _NotRead,
    mentions,
    mentions_generic_x,
    mentions_vector,
    normalized,
    parse,
    scored,
    sum_limit,
)
from symsoft.reading.notation.data_readings import _Readings
from symsoft.reading.notation.data_values import Size, parameter
from symsoft.reading.notation.data_verdict import INTERCEPT_SIZES, judged_step, same
from symsoft.reading.notation.data_words import (
    HEADING as _HEADING,
)
from symsoft.reading.notation.data_words import (
    bias_vector,
    label_case_before,
    layout_said,
    one_example_before,
    sample_subscripts,
    sigma_names,
)

SIZES = ((2, 2), (2, 3), (3, 3))
"""(m samples, d features) at which a step is judged; d ≥ m, so every score vector is reached."""

_HYPOTHESIS = lazy(
    r"([a-z])(?:_(?:\{(θ|β|w,b|w)\}|(θ|β)))?\(x(?:\^\{\(([a-z])\)\}|_\{([a-z])\})?\)"
)
_LOGISTIC = lazy(r"(\\sigma|g)\(([a-z])\)=\\frac\{1\}\{1\+e\^\{-\2\}\}")
_LOGISTIC_ENTRY = lazy(r"\\sigma_\{([a-z])\}=\\frac\{1\}\{1\+e\^\{-([a-z])_\{\1\}\}\}")
_SIGMA_ENTRY = lazy(r"\\sigma_\{([a-z])\}")
_GENERAL = lazy(r"(?i)\bin\s+general\b|\bany\s+number\b|\bfor\s+(?:all|every|any)\s+\$?m\b")
_SIGMA_INDEXED = lazy(r"\\sigma(?=_\{?[a-z]\}?)")
_SIGMA_BARE = lazy(r"\\sigma(?![a-zA-Z~(_'^])")
_LOSS = lazy(r"([JLℓ])(?:\((?:θ|β|w|w,b|ŷ,y|[θβw]_0,[θβw]_1|[θβw]_\{0\},[θβw]_\{1\})\))?")
# z^{(i)}, L^{(i)} (the loss of sample i, spelled W_{i} by the document's reader)
_SAMPLE_NAME = lazy(r"([a-zŷṗςℓA-IKM-WZ])(?:\^\{\(([a-z])\)\}|_\{?([a-z])\}?)(?:\((?:θ|β|w)\))?")
_SAMPLE_LOSS = lazy(r"([JLℓℭ])\^\{\(([a-z])\)\}")  # the loss of sample i (a call, normalized)
_PLAIN_NAME = lazy(r"([a-zŷṗςA-WYZŶ])(?:(?<=[Lℓ])\([aŷṗp],y\))?")  # L(a, y): one example's
_RESERVED = set("xyXθβwbm")


@dataclass(frozen=True)
class _Definition:
    position: int
    kind: str  # "function", "sample", "vector", "loss"
    name: str
    letter: str  # the sample letter of a per-sample definition ("@x": the generic sample x)
    term: Term


class DataModel(_Readings):
    """The definitions of a regression over a data matrix, in document order."""

    label = "definition (regression on a data matrix)"

    def __init__(self, document: str) -> None:
        self.document = document
        self.definitions: dict[str, list[_Definition]] = {}
        self.parameters: list[tuple[int, str, bool]] = []  # (position, θ or w, with a bias b)
        self.logistic_names: tuple[str, ...] = ()
        self.sample_subscripts = sample_subscripts(document)
        self.keys: set[tuple[int, int]] = set()
        self.data = False  # a definition speaks of the samples x or the data matrix X
        self.conflicts: dict[str, int] = {}  # a name defined twice without a heading between
        self.redefined: dict[str, list[int]] = {}  # y = \frac{1}{1 + e^{-z}}: y is no label there
        self.valued: dict[str, list[tuple[int, int]]] = {}  # $m = 2$: (where, the number)
        self.labels_named = True  # Y, never given a value, is the vector of labels
        self.sigma_logistic = True  # σ is the logistic function unless the text says otherwise
        self.sigma_entries = ""  # σ_i is σ(z_i): σ defined on the entries of z
        self.written_as: dict[str, str] = {}  # a letter the reader renamed: W is L
        self.elsewhere: set[str] = set()  # loss letters defined in a way not read here
        # the text says which way X is laid out: one row per sample, or one column
        self.rows, self.columns = layout_said(document)
        self.said: set[int] = set()  # where the definitions said after "where" or "," are
        self.again: dict[str, list[int]] = {}  # where a name is given a value it had not
        self.restated: set[int] = set()  # definitions under a new heading with the old value
        self.sigma_names = sigma_names(document)  # σ_i a name? a bold σ the vector of them?
        self.scores = False  # θ_0 + θ_1 x: one feature and an intercept
        self.vectors = False  # θ^T x, Xθ: a parameter vector

    @property
    def intercept(self) -> bool:
        """Whether the model is ``θ_0 + θ_1 x`` (one feature, a column of ones in X) only."""
        return self.scores and not self.vectors

    def spelled(self, text: str) -> str:
        """A normalized side with ``\\sigma_{i}`` as ``\\sigma(z_{i})`` when σ is defined on the
        entries of z (the document's reader spells ``\\sigma(z^{(i)})`` so); else ``\\sigma_i``
        and a bold ``\\boldsymbol{\\sigma}`` alone are names (ς), as in ``\\sigma_i =
        \\sigma(x_i^T \\beta)``."""
        if not self.sigma_entries:
            text = _SIGMA_INDEXED.sub("ς", text) if self.sigma_names[0] else text
            return _SIGMA_BARE.sub("ς", text) if self.sigma_names[1] else text
        return _SIGMA_ENTRY.sub(rf"\\sigma({self.sigma_entries}_{{\1}})", text)

    # ------------------------------------------------------------------ reading definitions

    def read(self, key: tuple[int, int], lhs_text: str, rhs_text: str) -> None:
        lhs = normalized(lhs_text)
        self._read(key, lhs, normalized(rhs_text))
        if lhs[:1] in ("J", "L", "ℓ") and lhs[1:2] in ("", "(") and key not in self.keys:
            self.elsewhere.add(lhs[0])  # \mathcal{L}(a, y) = …: a loss not the model's

    def defined_elsewhere(self, letter: str) -> bool:
        """Whether the text gives the loss letter a definition the model does not read."""
        return letter in self.elsewhere

    def _read(self, key: tuple[int, int], lhs: str, rhs: str) -> None:
        position = key[0]
        if (found := _LOGISTIC_ENTRY.fullmatch(f"{lhs}={rhs}")) and self.sigma_entries in (
            "",
            found.group(2),
        ):
            # σ(z^{(i)}) = \frac{1}{1 + e^{-z^{(i)}}}, spelled σ_i by the document's reader
            self.sigma_entries = found.group(2)
            self.keys.add(key)
            return
        lhs, rhs = self.spelled(lhs), self.spelled(rhs)
        found = _LOGISTIC.fullmatch(f"{lhs}={rhs}")
        if found and self.in_force(found.group(2), position) is None:
            if found.group(1) == "g":
                self.logistic_names = ("g",)
            self.keys.add(key)
            return
        if lhs in _RESERVED:
            self.redefined.setdefault(lhs, []).append(position)
        if lhs == "Y":
            self.labels_named = False  # Y = \sigma(X\theta): Y is no vector of labels
        term = parse(rhs)
        if term is None:
            if (name := self._named(lhs)) in self.definitions:
                # h_θ(x) = Φ(θ_0 + θ_1 x), σ_i = y_i - E[y_i | x_i]: a new value not read
                self.conflicts.setdefault(name, position)
                self.again.setdefault(name, []).append(position)
            return
        if found := _HYPOTHESIS.fullmatch(lhs):
            name = found.group(1) + (found.group(2) or found.group(3) or "").replace(",", "")
            letter = (
                found.group(4) or found.group(5) or "@x"
            )  # h_\theta(x^{(i)}) = …: defined at sample i
            self._define(key, _Definition(position, "function", name, letter, term))
        elif (found := _LOSS.fullmatch(lhs)) and (upper := sum_limit(term)):
            self._define(key, _Definition(position, "loss", found.group(1), upper, term))
        elif found := _SAMPLE_LOSS.fullmatch(lhs):  # \mathcal{L}(a^{(i)}, y^{(i)}) = …
            self._define(key, _Definition(position, "sample", found.group(1), found.group(2), term))
        elif (found := _SAMPLE_NAME.fullmatch(lhs)) and found.group(1) not in _RESERVED:
            letter = found.group(2) or found.group(3)
            name = self.written_as.get(found.group(1), found.group(1))
            self._define(key, _Definition(position, "sample", name, letter, term))
        elif (found := _PLAIN_NAME.fullmatch(lhs)) and found.group(1) not in _RESERVED:
            # x, or a loss L(a, y) of names defined from x: of one sample, the generic x
            generic = mentions_generic_x(term) or (
                found.group(1) in ("L", "ℓ") and self._from_x(term, position)
            )
            kind, letter = ("sample", "@x") if generic else ("vector", "")
            self._define(key, _Definition(position, kind, found.group(1), letter, term))
        if mentions(term, "x") or mentions(term, "X"):
            self.data = True
        for name in ("θ", "β", "w"):
            if mentions(term, name) or scored(term, name):
                self.parameters.append((position, name, mentions(term, "b")))
            if scored(term, name):
                self.scores = True
            elif mentions_vector(term, name):
                self.vectors = True

    def _named(self, lhs: str) -> str:
        """The name a definition's left side gives (h_θ(x): hθ; J(θ): J; σ_i: ς), or ""."""
        if found := _HYPOTHESIS.fullmatch(lhs):
            return found.group(1) + (found.group(2) or found.group(3) or "").replace(",", "")
        if (found := _LOSS.fullmatch(lhs) or _SAMPLE_LOSS.fullmatch(lhs)) is not None:
            return found.group(1)
        found = _SAMPLE_NAME.fullmatch(lhs) or _PLAIN_NAME.fullmatch(lhs)
        if found and found.group(1) not in _RESERVED:
            return self.written_as.get(found.group(1), found.group(1))
        return ""

    def _define(self, key: tuple[int, int] | None, definition: _Definition) -> None:
        if label_case_before(self.document, definition.position):
            # Cost(h, y) = -\\log h under "Case $y = 1$": a value in one case, no definition
            self.conflicts.setdefault(definition.name, definition.position)
            return
        earlier = self.definitions.setdefault(definition.name, [])
        if earlier and earlier[-1].position == definition.position:
            return  # said in a sentence and a step of its chain: one definition, read twice
        if earlier:
            between = self.document[earlier[-1].position : definition.position]
            if not _HEADING.search(between):
                # said twice in one section: a restatement to judge, not a new meaning; one
                # that differs leaves the name unread from there on
                if not self._restates(earlier[-1], definition):
                    self.conflicts.setdefault(definition.name, definition.position)
                    self.again.setdefault(definition.name, []).append(definition.position)
                return
        if earlier and self._same(earlier[-1], definition):
            self.restated.add(definition.position)  # said again under a new heading, alike
        earlier.append(definition)
        if key is not None:
            self.keys.add(key)

    def _same(self, old: _Definition, new: _Definition) -> bool:
        return old.term == new.term or self._restates(old, new)

    def _restates(self, old: _Definition, new: _Definition) -> bool:
        """Whether a second definition in one section has the value of the first (at m = d = 2)."""
        if (old.kind, old.letter) != (new.kind, new.letter) or old.kind == "function":
            return False
        if old.term == new.term:
            return True  # written alike: the same value, also where it cannot be evaluated yet
        try:
            size = Size(self, 2, 2, new.position)
            samples = (1, 2) if old.letter and old.letter != "@x" else (None,)
            for sample in samples:
                size.env = {old.letter: sample} if sample else {}
                if not same(size.value(old.term), size.value(new.term), size):
                    return False
        except (_NotRead, RecursionError, ArithmeticError, TypeError, ValueError, KeyError):
            return False
        return True

    @property
    def ready(self) -> bool:
        """A loss summed over samples, samples x or X, and a parameter vector θ or w."""
        has_loss = any(d.kind == "loss" for ds in self.definitions.values() for d in ds)
        return has_loss and self.data and bool(self.parameters)

    def one_example_at(self, position: int) -> bool:
        """Whether the words of the section before ``position`` say its steps are about one
        example ("for one training example $(x, y)$", "for a single sample"), and none after
        them speak of all of them ("summing over all m examples", "the batch gradient")."""
        return one_example_before(self.document, position)

    def parameter_at(self, position: int) -> tuple[str, bool]:
        """The parameter vector (θ or w) and whether a bias b goes with it, where a step stands."""
        found = ("", False)
        for at, name, bias in self.parameters:
            if at <= position:
                found = (name, bias)
            elif not found[0] and "\n\n" not in self.document[position:at]:
                found = (name, bias)
        return found

    def count_at(self, position: int) -> str:
        """The letter of the sample count: the upper limit of the loss in force."""
        for name in "JLℓ":
            definition = self.in_force(name, position)
            if definition is not None and definition.kind == "loss":
                return definition.letter
        return ""

    # ------------------------------------------------------------------ meanings at a size

    def in_force(self, name: str, position: int) -> _Definition | None:
        found = None
        later = None
        for definition in self.definitions.get(name, ()):
            if definition.position <= position:
                found = definition
            elif found is None and "\n\n" not in self.document[position : definition.position]:
                found = definition  # "with: …, \quad z^{(i)} = …": defined later in the display
            elif later is None:
                later = definition
        conflict = self.conflicts.get(name, len(self.document) + 1)
        if found is None or found.position < conflict <= position:
            return None  # defined twice in one section, differently: unread to the next heading's
        if self.definitions[name].index(found) > 0 and found.position not in self.restated:
            if _HEADING.search(self.document, found.position, position):
                return None  # a name given another value in a section (for comparison, aside):
                # that section's only; after it, which value the text means is not said
        if later is not None and later.term != found.term and later.position not in self.restated:
            if not _HEADING.search(self.document, position, later.position):
                return None  # "… where $σ_i = y_i - σ(…)$" after the step: which one is meant?
        for at in self.again.get(name, ()):
            if position < at and not _HEADING.search(self.document, position, at):
                return None  # given another value later in the step's section
            if found.position < at <= position:
                return None  # given another value, not read, since the definition in force
        return found

    def own_meaning(self, name: str, position: int) -> bool:
        """Whether the section of ``position`` gives a role letter (x, y, X, θ, w, b, m) a value
        of its own before it (``y = \\frac{1}{1 + e^{-z}}``: there y is no label)."""
        return any(
            at <= position and not _HEADING.search(self.document[at:position])
            for at in self.redefined.get(name, ())
        )

    def name_value(self, size: Size, term: Term):  # noqa: C901, PLR0911, PLR0912
        base, sub, tag = term.name, term.sub, term.tag
        env = size.env
        if base == size.count and not sub and not tag and self.count_value(size.position):
            return sympy.Integer(size.m)  # the sizes judged are the ones of m's value
        if self.own_meaning(base, size.position):
            raise _NotRead
        if base == size.count and not sub and not tag:
            return sympy.Integer(size.m)
        if base == "X":
            if self.columns and self.rows:
                raise _NotRead  # the text says both: which one a step means is not said
            if not sub and not tag:
                return size.x.T if self.columns else size.x  # one column per sample: X^T
            if len(sub) == 2 and not tag:
                row, column = (_at(env, letter) - 1 for letter in sub)
                return size.x[column, row] if self.columns else size.x[row, column]
            raise _NotRead
        if base == "x":
            return self._sample_x(size, sub, tag)
        if base == "y" or (base == "Y" and not sub and not tag and self.labels_named):
            sample = self._sample_of(env, sub, tag)
            if sample is None:  # Y of one column per sample: a row (y: a column, as before)
                return size.y.T if self.columns and base == "Y" else size.y
            return size.y[sample - 1, 0]
        if base == size.parameter and not sub and not tag:
            if self.intercept:
                raise _NotRead  # θ as a vector beside θ_0 + θ_1 x: not read
            return parameter()
        if base == "b" and size.bias and not sub and not tag and not bias_vector(self.document):
            return size.b  # (b \in \mathbb{R}^m, \mathbf{b}: not one number, review 68b)
        definition = self.in_force(base, size.position)
        if definition is None:
            raise _NotRead
        if definition.kind == "loss":
            if sub or tag or self._stale(definition, size.position):
                raise _NotRead
            return size.value(definition.term)
        if definition.kind == "vector":
            value = size.value(definition.term)
            sample = self._sample_of(env, sub, tag)
            if sample is None:
                return value
            if not isinstance(value, sympy.MatrixBase) and not sub and not tag:
                return value  # a = σ(z), z of the one sample x: a number already
            if not isinstance(value, sympy.MatrixBase) or size.m not in value.shape:
                raise _NotRead
            if value.shape == (size.m, 1):
                return value[sample - 1, 0]
            if value.shape == (1, size.m) and self.columns:
                return value[0, sample - 1]  # Z = w^T X + b: a row, one column per sample
            raise _NotRead
        if definition.kind == "sample":
            sample = self._sample_of(env, sub, tag)
            if sample is None:
                return sympy.Matrix(
                    [self._at_sample(size, definition, k) for k in range(1, size.m + 1)]
                )
            return self._at_sample(size, definition, sample)
        raise _NotRead

    def _sample_of(self, env: dict[str, int], sub: str, tag: str) -> int | None:
        if tag and not sub:
            return _at(env, tag)
        if sub and not tag:
            if len(sub) != 1:
                raise _NotRead
            return _at(env, sub)
        if sub or tag:
            raise _NotRead
        return env.get("@x")

    def _sample_x(self, size: Size, sub: str, tag: str):
        env = size.env
        if self.intercept:  # x^{(i)}, x_i, x: the one feature (X's second column, after the ones)
            if (sub and not sub.isalpha()) or len(sub) > 1 or (sub and tag):
                raise _NotRead
            return size.x[_at(env, tag or sub or "@x") - 1, 1]
        if tag:
            sample = _at(env, tag)
            if not sub:
                return size.x.row(sample - 1).T
            if len(sub) != 1:
                raise _NotRead
            feature = int(sub) if sub.isdigit() else _at(env, sub)  # x_1^{(i)}: feature 1
            if not 1 <= feature <= size.d:  # (x_0^{(i)} = 1 of a text's own numbering)
                raise _NotRead
            return size.x[sample - 1, feature - 1]
        if not sub:
            if "@x" not in env:
                raise _NotRead
            return size.x.row(env["@x"] - 1).T
        if not self.sample_subscripts and len(sub) == 1 and "@x" in env:
            feature = int(sub) if sub.isdigit() else _at(env, sub)
            if not 1 <= feature <= size.d:
                raise _NotRead
            return size.x[env["@x"] - 1, feature - 1]  # x_j of the one sample x: a feature
        if not self.sample_subscripts:
            raise _NotRead  # x_j: a feature of x, or the sample j? the text does not say
        if self.columns and len(sub) == 2:
            raise _NotRead  # x_{ji}: with one column per sample, its row is the feature
        if len(sub) == 1:
            return size.x.row(_at(env, sub) - 1).T
        if len(sub) == 2:
            return size.x[_at(env, sub[0]) - 1, _at(env, sub[1]) - 1]
        raise _NotRead

    def _at_sample(self, size: Size, definition: _Definition, sample: int):
        letter = "@x" if definition.letter == "@x" else definition.letter
        saved = size.env.get(letter)
        size.env[letter] = sample
        try:
            return size.value(definition.term)
        finally:
            if saved is None:
                del size.env[letter]
            else:
                size.env[letter] = saved

    def apply(self, size: Size, term: Term):
        definition = self.in_force(term.name, size.position)
        if definition is not None and definition.kind != "function" and len(term.name) == 1:
            # h(1 - h) with h a number the text defines: a product, the one reading
            factor = size.value(Term("name", name=term.name))
            if isinstance(factor, sympy.MatrixBase):
                raise _NotRead
            return factor * size.value(term.parts[0])
        if definition is None or definition.kind != "function":
            raise _NotRead
        argument = term.parts[0]
        sample = argument.sub if self.intercept or self.sample_subscripts else ""
        if (
            argument.kind == "name"
            and argument.name == "x"
            and sample.isalpha()
            and len(sample) == 1
        ):
            return self._at_sample(size, definition, _at(size.env, sample))  # h(x_i): sample i
        if argument.kind != "name" or argument.name not in "xX" or argument.sub:
            raise _NotRead
        if argument.name == "X" and not argument.tag:
            values = [self._at_sample(size, definition, k) for k in range(1, size.m + 1)]
            return sympy.Matrix(values)
        if argument.name == "x" and argument.tag:
            return self._at_sample(size, definition, _at(size.env, argument.tag))
        if argument.name == "x" and "@x" in size.env:
            return self._at_sample(size, definition, size.env["@x"])
        raise _NotRead

    def count_value(self, position: int) -> int | None:
        """The number the section of ``position`` gives the sample count before it ("for a
        mini-batch we write $m = 2$"): the step is judged at that m only."""
        letter, found = self.count_at(position), None
        for at, value in self.valued.get(letter, ()):
            between = self.document[at:position]
            if at <= position and not _HEADING.search(between) and not _GENERAL.search(between):
                found = value  # (not after "in general", "for any number of examples")
        return found

    def range_of(self, size: Size, letter: str, upper: str) -> int:
        if upper and self.own_meaning(upper, size.position) and upper != size.count:
            raise _NotRead
        if (upper and upper == size.count) or (not upper and size.roles.get(letter) == "sample"):
            return size.m
        raise _NotRead

    # ------------------------------------------------------------------ judging

    def judge(self, lhs: str, rhs: str, position: int = 0) -> tuple[str, str] | None:
        """(status, summary) of the step ``lhs = rhs`` standing at ``position``, or None."""
        sides = self.spelled(normalized(lhs)), self.spelled(normalized(rhs))
        return judged_step(self, *sides, position, INTERCEPT_SIZES if self.intercept else SIZES)


def _at(env: dict[str, int], letter: str) -> int:
    if letter not in env:
        raise _NotRead
    return env[letter]


__all__ = ["SIZES", "DataModel"]
