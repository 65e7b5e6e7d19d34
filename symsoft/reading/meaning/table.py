"""What the names of a document mean: a Meaning (name_index = value), a FunctionMeaning
(f(x) = value) and the table of a document, Meanings, with the standard meanings of softmax,
the cross-entropy loss and the partition sum."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

import sympy

from symsoft.reading.judge.derivative_points import at_point
from symsoft.reading.judge.names import Unreadable, check_unread
from symsoft.reading.judge.symbolic import (
    N,
    _bound,
    name_of,
)

FREE_BEFORE = "free before its next definition: "
"""How a definition not read, followed by one that is, is marked (``Meaning.unread``): the
steps between judge the name as any value, and no flag rests on one."""
AFTER_HEADING = ", again after a heading"
"""How the first definition is marked where it holds again (``Meaning.source``): a value in one
case ("- If $y = 0$: $\\ell = …$") holds to the next heading, not past it."""


@dataclass(frozen=True)
class Meaning:
    """``name_index = value`` (``index`` None for a scalar such as ``L``)."""

    name: str
    index: sympy.Symbol | None
    value: sympy.Expr
    source: str  # "standard", "line 12", "--define"
    latex: str
    slip: bool = False  # the written definition has an index slip; this is what it meant
    unread: str = ""  # a new definition this reader cannot read: why (steps under it: unread)
    second: sympy.Symbol | None = None  # J_{ij} = ∂s_i/∂x_j: the second index (entry_pairs.py)
    # read from a later side of its chain, past a side not read (what that side is): a value the
    # text states only through a link not checked, so no flag may rest on it
    past: str = ""
    # a name the text sets entry by entry (z_0 = w_0 x_0 + b_0, a_0 = σ(z_0), a_1 = w_1 a_0):
    # the value picks each entry's own by the index, and only those entries have one
    by_entry: bool = False


def softmax_meaning(
    name: str, logits: str, size: int | None = None, source: str = "standard"
) -> Meaning:
    """``name_m = e^{logits_m} / Σ_k e^{logits_k}``, the sum to N, or to ``size`` for a softmax
    the text writes out at one size.

    >>> softmax_meaning("S", "a").value
    exp(a[_m])/Sum(exp(a[_k]), (_k, 1, N))
    >>> softmax_meaning("a", "z", 3, "line 3").value
    exp(z[_m])/Sum(exp(z[_k]), (_k, 1, 3))
    """
    m, k, x = sympy.Dummy("m", integer=True, positive=True), _bound(), sympy.IndexedBase(logits)
    value = sympy.exp(x[m]) / sympy.Sum(sympy.exp(x[k]), (k, 1, N if size is None else size))
    bound = "k" if size is None else f"{{k=1}}^{{{size}}}"
    latex = rf"{name}_m = \frac{{e^{{{logits}_m}}}}{{\sum_{bound} e^{{{logits}_k}}}}"
    return Meaning(name, m, value, source, latex)


def loss_meaning(probabilities: str = "p") -> Meaning:
    """``L = -Σ_k y_k log p_k``."""
    k = _bound()
    y, p = sympy.IndexedBase("y"), sympy.IndexedBase(probabilities)
    value = -sympy.Sum(y[k] * sympy.log(p[k]), (k, 1, N))
    return Meaning("L", None, value, "standard", rf"L = -\sum_k y_k \log {probabilities}_k")


PAST = ", past a side not read"
"""How a value read from a later side of its chain ends (``Meaning.past``)."""
PAST_PROBABILITY = ", past a probability not read"
"""How it ends when the side not read is a conditional probability the text does not define so
that the value is its instance: then no verdict at all rests on it, not even "holds"."""
BESIDE = " (the sum written beside it)"
"""Marks the meaning of a name read as the sum of exponentials the text writes beside it."""


def partition_meaning(logits: str, name: str = "Z") -> Meaning:
    """``Z = Σ_k e^{logits_k}``."""
    k = _bound()
    value = sympy.Sum(sympy.exp(sympy.IndexedBase(logits)[k]), (k, 1, N))
    return Meaning(name, None, value, "standard", rf"{name} = \sum_k e^{{{logits}_k}}")


_EXP_SUM = re.compile(  # \sum_j e^{z_j} exactly
    r"\\sum_\{?\s*+([a-z])[^{}$]{0,12}\}?\s*+e\^\{?\s*+([a-zA-Z])_\{?\s*+\1\s*+\}?\s*+\}(?![a-zA-Z])"
)
_ANY_EXP_SUM = re.compile(r"\\sum_\{?\s*[a-z][^{}$]{0,12}\}?\s*e\^")  # e^{z_j - m} too
# the name said in words: "let S denote", "S is the score", "where S stands for"
_SAID = re.compile(
    r"(?i)\b(?:let|where|write|call|denote|with)\s+\$?\ue000\$?(?![\w$])"
    r"|(?<![\w\\])\$?\ue000\$?\s+(?:is|be|denotes?|stands|means|represents|for)\b"
)


@dataclass(frozen=True)
class FunctionMeaning:
    """``name(variable) = value`` in function notation; ``value`` None: an unknown function
    (``g`` and ``h`` of the quotient rule), whose value and derivatives at a point are
    independent real numbers."""

    name: str
    variable: sympy.Symbol
    value: sympy.Expr | None
    source: str
    unread: str = ""  # why a step that calls it is not judged (a meaning not read)

    def at(self, argument: sympy.Expr, primes: int = 0) -> sympy.Expr:
        """``name^{(primes)}(argument)``."""
        if self.unread:
            raise Unreadable(
                f"{self.name} is defined at {self.source} in a way not read here ({self.unread})"
            )
        if self.value is None:
            applied = sympy.Function(self.name, real=True)(self.variable)
        else:
            applied = self.value
        if primes:
            applied = sympy.diff(applied, self.variable, primes)
        if argument == self.variable:
            return applied
        if primes and not isinstance(argument, sympy.Symbol) and applied.has(sympy.Derivative):
            if self.value is None:  # f'(g(x)) of an unknown f: its derivative at that point
                return at_point(self.name, argument, primes)
            raise Unreadable(f"{self.name}' at {argument}: write the derivative at a variable")
        if isinstance(argument, sympy.Symbol) and argument in applied.free_symbols:
            # f(x) = \frac{e^x}{e^x + e^y}, then f(y): y put in twice, or x and y swapped?
            raise Unreadable(
                f"{self.name}({argument}): {argument} is also written in {self.name}'s definition; "
                "put in twice, or the variables swapped? not read"
            )
        return applied.xreplace({self.variable: argument})


@dataclass
class Meanings:
    """What each name means, and which names are free variables (``leaves``)."""

    table: dict[str, Meaning] = field(default_factory=dict)
    leaves: set[str] = field(default_factory=lambda: {"a", "o", "y"})
    size: sympy.Symbol = N  # the document's name for the number of classes (N, or K)
    # other letters that count the same classes (\sum_{j=1}^{J} e^{z_j} beside \sum_{k=1}^{K})
    size_aliases: frozenset[str] = frozenset()
    functions: dict[str, FunctionMeaning] = field(default_factory=dict)
    # a function defined again with another value (g in one section, g in the next): each
    # meaning with where its definition is; a step is judged under the last one before it
    function_scopes: dict[str, list[tuple[int, FunctionMeaning]]] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # defined where symsoft cannot read
    # names unread only as functions (σ(z_i) where σ is the softmax of a vector): their entries
    # σ_i keep the meaning the document gives them
    unread_as_function: frozenset[str] = frozenset()
    # letters written with a summation index as a superscript (\sum_i y^i): each with how
    superscripted: dict[str, str] = field(default_factory=dict)
    # where the section of such a definition starts: a step in an earlier section is not in it
    unreadable_from: dict[str, int] = field(default_factory=dict)
    defined_at: dict[str, int] = field(default_factory=dict)  # where each definition read is
    unread_inputs: dict[str, str] = field(default_factory=dict)  # x in z = w^T x, not read
    unread_definitions: dict[int, tuple[str, str]] = field(default_factory=dict)  # z = wx + b
    # second definitions in the display right after the first, announced only by the words
    # before both ("With two classes … reads"): new meanings or restatements? (scopes.py)
    guessed: set[int] = field(default_factory=set)
    sigma_arguments: set[str] = field(default_factory=set)  # the v of every \sigma(v) written
    used: set[str] = field(default_factory=set)  # the names expanded since the last clear()
    normalized: set[str] = field(default_factory=set)  # Σ_k X_k = 1 stated (X other than y)
    hinted: set[str] = field(default_factory=set)  # t in t_{n,k} \log …, a classification's
    labels: str = "y"  # the letter of the labels whose Σ = 1 a step may need (t in E = -Σ t log p)
    macros: dict[str, str] = field(default_factory=dict)  # \newcommand{\dd}{\partial}
    stated_sizes: set[int] = field(default_factory=set)  # "with $N = 3$ inputs"
    constants: dict[str, str] = field(default_factory=dict)  # h(x) = 2: not read (prose_cases)
    worded_values: set[str] = field(default_factory=set)  # "every $a$ is the number two"
    example_texts: list[tuple[int, str, str, str]] = field(default_factory=list)  # (at, name, l, r)
    parameters: set[str] = field(default_factory=set)  # indices a scalar may depend on (a label)
    indexed_letters: frozenset[str] = frozenset()  # letters the text writes with a subscript
    matrix_letters: frozenset[str] = frozenset()  # capitals written with two indices, W_{kj}
    described_matrices: frozenset[str] = frozenset()  # ... whose indices the words describe
    free_names: bool = False  # a claim: names with no meaning are free variables, also to refute
    # free only by symsoft's default (y, the labels of the standard loss): the text never says so
    unstated_leaves: set[str] = field(default_factory=set)
    # of those, names defined in a way not read by names no step differentiates (a teacher's q):
    # independent of the variables, so a flag that holds for each of their values stands
    unread_free: set[str] = field(default_factory=set)
    primes_differentiate: bool = True  # u' of a defined u its derivative (primed_names)
    prime_text: str = ""  # a_j as written there
    prime_by: sympy.Expr | None = None  # g' by a_j in a chain \frac{\partial S_i}{\partial a_j} = …
    # names a definition takes the logarithm of and the text never defines: predictions, which a
    # flag on a derivative must not take to be free variables
    undefined_predictions: set[str] = field(default_factory=set)
    lone_letters: frozenset[str] = frozenset()  # letters the math writes alone: wx is w·x
    # the default logits a, o in a text that never writes their entries: plain a is its own
    unwritten: frozenset[str] = frozenset()
    aliases: dict[str, str] = field(default_factory=dict)  # "inputs $a_1 = u$": u is a_1
    numbered: frozenset[tuple[str, int]] = frozenset()  # z_2 of z_{2,i}: a layer's vector
    vector_letters: frozenset[str] = frozenset()  # plain letters that are vectors (w^T x)
    read_as_numbers: set[str] = field(default_factory=set)  # of those, numbers in a definition
    logit_letters: frozenset[str] = frozenset()  # letters summed as \sum_j e^{z_j}: logits
    shaped_capitals: frozenset[str] = frozenset()  # W \in \mathbb{R}^{K \times d}: not a scalar
    entry_capitals: dict[str, str] = field(default_factory=dict)  # z = W x + b beside z_i
    # x_{max} = \max(x), a maximum read as a free number: a step holds for every value of it
    maxima: dict[str, str] = field(default_factory=dict)
    existential: dict[str, str] = field(default_factory=dict)  # "there exists $\\xi$": where

    def through_maximum(self, names: set[str]) -> str | None:
        """Why a derivative of a quantity that writes one of ``names`` is not read: it goes
        through a maximum read as any number (``u_i = e^{z_i - c}``, ``c = \\max_k z_k``)."""
        if through := sorted(names & set(self.maxima)):
            maximum = f"{through[0]} = {self.maxima[through[0]]}"
            return (
                f"a derivative through {maximum}, read as any number: not a constant of the logits"
            )
        return None

    def shaped(self, name: str) -> str | None:
        """Why ``name`` is a matrix or a vector, not a number; None when nothing says so."""
        if name in self.shaped_capitals:
            return "the text says so"
        if name in self.entry_capitals:
            return f"{name} times a letter gives the entries of {self.entry_capitals[name]}"
        return None

    euler_name: str = ""  # how the text makes e a name of its own (e = y - \hat{y}), or ""
    sum_letter: str | None = None  # x of the text's sums Σ_k e^{x_k}: a bare \\sum is that sum

    @classmethod
    def standard(cls, s_logits: str = "a", p_logits: str = "o") -> Meanings:
        """The standard meanings: ``S = softmax(a)``, ``p = softmax(o)``, ``L``, ``Z``."""
        table = {
            "S": softmax_meaning("S", s_logits),
            "p": softmax_meaning("p", p_logits),
            "L": loss_meaning(),
        }
        meanings = cls(table, {"y", s_logits, p_logits})
        return meanings

    def expand(
        self,
        expr: sympy.Expr,
        keep: frozenset[str] = frozenset(),
        free: set[str] | None = None,
        entries: frozenset[sympy.Indexed] = frozenset(),
    ) -> sympy.Expr:
        """``expr`` with every name (but those in ``keep``, and the ``entries`` of a name set
        entry by entry) replaced by its meaning; with ``free``, entries of a name defined in a
        way not read are left, their names added to it (see :func:`check_unread`)."""
        if self.unreadable or self.superscripted:
            check_unread(expr, self, free)
        if self._circular(expr, keep):  # o_j = softmax(z_j) beside z_j = \sum_i w_{ij} o_i + b
            raise Unreadable("circular definitions")
        shadows: dict[sympy.Basic, sympy.Basic] = {}
        for _ in range(12):
            shadows |= self._shadowed_bases(expr)
            expr = expr.xreplace(shadows)
            new = expr
            if self._uses(expr, keep):  # else the replacement returns it, after a walk
                new = expr.replace(
                    lambda e: e not in entries and self._defined(e, keep), self._meaning_of
                )
            if new == expr:
                return new.xreplace({v: k for k, v in shadows.items()})
            expr = new
        raise Unreadable("circular definitions")

    def _shadowed_bases(self, expr: sympy.Expr) -> dict[sympy.Basic, sympy.Basic]:
        """The bases of entries whose letter the text gives a number (``w = \frac{1}{4}``, then
        weights ``w_{k0}``): a number has no entries, so they are other things, kept apart
        while the meanings are put in (the letter would otherwise be replaced inside them)."""
        shadows: dict[sympy.Basic, sympy.Basic] = {}
        for base in expr.atoms(sympy.IndexedBase):
            meaning = self.table.get(str(base.label))
            if meaning is not None and meaning.index is None and meaning.value.is_number:
                shadows[base] = sympy.IndexedBase(sympy.Dummy(str(base.label)))
        return shadows

    def sizes(self) -> dict[sympy.Symbol, sympy.Symbol]:
        """The document's name for the number of classes, as a size or a value, read as N."""
        names = {self.size.name, *self.size_aliases}
        return {
            symbol: N
            for name in sorted(names)
            for symbol in (
                sympy.Symbol(name, integer=True, positive=True),
                sympy.Symbol(name, real=True),
            )
        }

    @property
    def shorthand(self) -> tuple[str | None, str]:
        """What a bare ``\\sum`` (or ``\\sum_{C}``) stands for: the letter of the text's sums of
        exponentials, and the letter that counts the classes."""
        return self.sum_letter, self.size.name

    def size_names(self) -> set[str]:
        """The names of the number of classes: N, the document's own, and its aliases."""
        return {"N", self.size.name, *self.size_aliases}

    def defaults(self) -> list[Meaning]:
        """The meanings used since the last ``used.clear()`` that the document never stated."""
        # a name judged free in one reading (a teacher's p beside one-hot labels) has no entry
        found = (self.table.get(name) for name in sorted(self.used))
        return [
            meaning
            for meaning in found
            if meaning is not None and (meaning.source == "standard" or meaning.past)
        ]

    def partition_named(self, name: str, text: str) -> None:
        """``name`` (S) the sum of exponentials ``\\sum_j e^{x_j}`` when ``text`` writes it
        alone, never with an index, leaves it the default softmax, and sums exponentials of x
        alone: S² under ``e^{z_k} \\cdot S`` in a quotient rule; a default no flag rests on."""
        meaning = self.table.get(name)
        written = re.search(rf"(?<![a-zA-Z\\]){name}(?![a-zA-Z_])", text)
        if meaning is None or meaning.source != "standard" or not written:
            return
        if re.search(rf"(?<![a-zA-Z\\]){name}\s*_", text) or re.search(
            rf"(?<!\$)\$[^$\n]*(?<![a-zA-Z\\]){name}(?![a-zA-Z])[^$\n]*\$(?!\$)", text
        ):
            return  # S_k, or "$S$ the score" in a sentence: the text says what S is
        if _SAID.search(text.replace(name, "\ue000")):
            return  # "Let S denote the sum of squared logits": the text says what S is
        letters = {match.group(2) for match in _EXP_SUM.finditer(text)}
        if len(letters) == 1 and len(_ANY_EXP_SUM.findall(text)) == len(_EXP_SUM.findall(text)):
            meaning = partition_meaning(letters.pop(), name)
            self.table[name] = replace(meaning, latex=meaning.latex + BESIDE)

    def arguments(self) -> set[str]:
        """The names the meanings are functions of (``a``, ``o``, ``y`` by default)."""
        values = tuple(m.value for m in self.table.values())
        try:
            return set(_arguments(values))
        except TypeError:  # a value that cannot be hashed: no cache
            return set(_arguments.__wrapped__(values))

    def capital_inputs(self) -> set[str]:
        """Capital scalars a definition is written in (``W`` in ``z = W \\cdot x``), sizes
        left out: not arguments by default (``Z`` in ``p_i = e^{z_i} / Z`` is a shorthand), but a
        variable where a step differentiates by one."""
        sizes = self.size_names()
        return {
            s.name
            for m in self.table.values()
            for s in m.value.free_symbols
            if s.name[:1].isupper() and s.name not in sizes and not self.shaped(s.name)
        }

    def closes_a_cycle(self, meaning: Meaning) -> bool:
        """Whether ``meaning``, a new definition, uses a name whose meaning reaches back to the
        name it defines (``z_j = \\sum_i w_{ij} o_i + b`` after ``o_j = softmax(z_j)``)."""
        seen: set[str] = set()
        todo = [n for n, _ in _names_in(meaning.value) if n != meaning.name]
        while todo:
            used = todo.pop()
            if used in seen or used not in self.table or self._entry_edge(meaning, used):
                continue
            seen.add(used)
            reached = {n for n, _ in _names_in(self.table[used].value)} - {used}
            if meaning.name in reached:
                return True
            todo.extend(reached)
        return False

    def _circular(self, expr: sympy.Expr, keep: frozenset[str]) -> bool:
        """Whether a name that ``expr`` reaches through the meanings reaches itself: replacing
        would never end, and each round would multiply the expression (found before, not after
        twelve rounds of growth)."""
        state: dict[str, int] = {}  # 1: on the path, 2: done

        def reaches_itself(name: str) -> bool:
            state[name] = 1
            meaning = self.table[name]
            itself = {name} if meaning.by_entry else set()  # (a_2 of a_0: entries in order)
            for used in self._uses(meaning.value, keep) - {name_of(meaning.value)} - itself:
                if self._entry_edge(meaning, used):
                    continue
                if state.get(used) == 1 or (used not in state and reaches_itself(used)):
                    return True
            state[name] = 2
            return False

        return any(name not in state and reaches_itself(name) for name in self._uses(expr, keep))

    def _entry_edge(self, meaning: Meaning, used: str) -> bool:
        """Whether ``meaning`` uses ``used`` entry by entry, both set so (a_2 = σ(z_2) and z_2 =
        w_4 a_0 + …): a cycle between their names is none between their entries, and one
        between entries is caught when the meanings are put in (twelve rounds at most)."""
        return meaning.by_entry and self.table[used].by_entry

    def _uses(self, expr: sympy.Basic, keep: frozenset[str]) -> set[str]:
        """The names of ``expr`` that ``expand`` replaces by their meanings."""
        return {
            name
            for name, indexed in _names_in(expr)
            if name in self.table
            and name not in keep
            and (indexed or self.table[name].index is None)
        }

    def _defined(self, e: sympy.Basic, keep: frozenset[str]) -> bool:
        name = name_of(e)
        if name not in self.table or name in keep:
            return False
        return isinstance(e, sympy.Indexed) or self.table[name].index is None  # not a label

    def _meaning_of(self, e: sympy.Expr) -> sympy.Expr:
        meaning = self.table[name_of(e)]  # type: ignore[index]
        self.used.add(meaning.name)
        if isinstance(e, sympy.Indexed):
            indices = (meaning.index, meaning.second) if meaning.second else (meaning.index,)
            written = e.indices
            if len(indices) == 2 and re.fullmatch(r"[1-9]{2}", str(written[0])) and not written[1:]:
                written = tuple(sympy.Integer(d) for d in str(written[0]))  # J_{12}: J_{1,2}
            if meaning.index is None or len(written) != len(indices):
                raise Unreadable(f"{e} has the wrong number of indices for {meaning.latex}")
            value = meaning.value.xreplace(dict(zip(indices, written, strict=True)))
            if meaning.by_entry and (value.has(sympy.Piecewise) or value.has(sympy.nan)):
                raise Unreadable(f"{e} is not an entry the text sets: {meaning.latex}")
            return value
        if meaning.index is not None:
            raise Unreadable(f"{e} needs an index: {meaning.latex}")
        return meaning.value


@functools.lru_cache(maxsize=256)
def _names_in(expr: sympy.Basic) -> frozenset[tuple[str, bool]]:
    """The names of ``expr``'s entries (indexed) and of its symbols (not)."""
    entries = {(str(e.base.label), True) for e in expr.atoms(sympy.Indexed)}
    return frozenset(entries | {(s.name, False) for s in expr.atoms(sympy.Symbol)})


@functools.lru_cache(maxsize=64)  # asked for every name of every step, of the same meanings
def _arguments(values: tuple[sympy.Expr, ...]) -> frozenset[str]:
    names = {str(e.base.label) for value in values for e in value.atoms(sympy.Indexed)}
    # a scalar such as Z or S in p_i = e^{z_i} / Z is a shorthand the text explains in words,
    # not a free variable: only lower-case scalars and parameters count
    return frozenset(
        names
        | {
            s.name
            for value in values
            for s in value.free_symbols
            if not (s.name[:1].isupper() or s.name.startswith("Sigma"))
        }
    )
