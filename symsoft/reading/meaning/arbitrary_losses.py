"""A loss the document never defines and only differentiates, through a step it does define:
``\\frac{\\partial E}{\\partial z_i} = \\frac{\\partial E}{\\partial a_i} \\sigma'(z_i)`` beside
``a_i = \\sigma(z_i)``, E never given a value (an upstream gradient, as backpropagation writes).

Such a loss is read as *any* differentiable function of the defined letter the text
differentiates it by last in the chain (``a``): ``E = E_0 + Σ_k g_k a_k``, where ``E_0`` and the
gradient ``g_k = ∂E/∂a_k`` at the point are free numbers.  At one point every first derivative
of a differentiable function is its gradient there, and every gradient is possible, so a step
in first derivatives of E holds for every E exactly when it holds for every ``E_0`` and ``g``
(the chain rule ``Σ_k g_k ∂a_k/∂z_i`` is all the stand-in knows).  A second derivative of E is
not read (the stand-in has none: see :func:`second_derivative`).

The reading is a default the text never states: a step that fails under it is reported
ambiguous, never flagged (the author may mean one loss, said in words), and one that holds says
it holds for any such E.  L keeps its standard meaning (the cross-entropy of p) where that
meaning depends on what the text differentiates it by."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import N, _bound
from symsoft.reading.meaning.prose import defined_name
from symsoft.reading.meaning.table import Meaning, Meanings
from symsoft.reading.meaning.variables import derivative_pairs

# the letter bounding a sum: \sum_{j=1}^{M}, \sum_{j=1}^M
_BOUND = re.compile(r"\\sum\s*+_\s*+\{[^{}]*+\}\s*+\^\s*+\{?\s*+([A-Za-z])(?![A-Za-z])")
# a capital said to count something: "$M$ units", "$K$ classes"
_COUNT = re.compile(
    r"\$\s*([A-Z])\s*\$\s+(?:hidden\s+)?(?:units|classes|outputs|inputs|neurons|nodes|features)\b"
)
# a derivative by a bold vector: \partial L / \partial \mathbf{s}, \frac{\partial L}{…}
_BOLD = r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}"
_BOLD_PAIR = re.compile(
    rf"\\partial\s*([A-Z])\s*/\s*\\partial\s*{_BOLD}"
    rf"|\\frac\s*\{{\s*\\partial\s*([A-Z])\s*\}}\s*\{{\s*\\partial\s*{_BOLD}\s*\}}"
)
MARK = "∂"  # the gradient's letter begins with it: ∂E/∂a; no name the reader makes does


def arbitrary_losses(
    meanings: Meanings, everything: str, original: str, unread: dict[str, str] | None = None
) -> None:
    """Give each undefined loss the text differentiates through one of its definitions the
    meaning of an arbitrary function of that definition's letter (see the module): only a
    loss the text (``original``, its code too) writes nowhere but in derivatives, or calls
    "any loss" in a sentence that adds nothing to it (a penalty on the inputs, say, would make
    it depend on more than the letter).  ``unread``: the definitions not read, written as
    ``lhs = rhs`` by name (an upstream gradient ``g_i = \\partial L / \\partial s_i``)."""
    counts = set(_BOUND.findall(everything)) | set(_COUNT.findall(everything))
    if len(counts | ({meanings.size.name} - {"N"})) > 1:
        return  # \sum_{j=1}^{M} beside N classes: the stand-in's one size would be wrong
    by: dict[str, set[str]] = {}
    bold = {(m[0] or m[2], m[1] or m[3]) for m in _BOLD_PAIR.findall(everything)}
    for quantity, variable in derivative_pairs(everything) | bold:
        by.setdefault(quantity, set()).add(variable)
    variables = set().union(*by.values()) if by else set()
    for name, letters in sorted(by.items()):
        current = meanings.table.get(name)
        if (
            name in variables
            or name in meanings.unreadable
            or name in meanings.functions
            or name in meanings.leaves
            or name in meanings.size_names()
            or (current is not None and current.source != "standard")
            or (current is not None and name != "L" and current.index is None)
            or re.search(rf"(?<![a-zA-Z\\]){name}\s*(?:_|\^|\()", everything)
        ):
            continue  # defined, a variable, written with an index or as a function: not a loss
        step = _last_step(meanings, letters)
        if step is None:
            continue
        if not _only_differentiated(name, original, {step}):
            if (
                current is not None
                and current.source == "standard"
                and _said_arbitrary(name, everything)
            ):  # "any loss of $o$ and $W$": no stand-in, and not the default cross-entropy
                del meanings.table[name]
                meanings.unreadable[name] = "a sentence that calls it a loss of several letters"
            continue  # "let $E$ be the squared error plus a penalty", "any loss of $o$ and $W$"
        if (
            current is not None
            and current.index is None
            and letters <= _names(meanings, current.value)
            and not _said_arbitrary(name, everything)
            and not _gradient_named(name, everything)
        ):
            continue  # the cross-entropy of p reads every derivative the text writes of L
        meanings.table[name] = meaning = arbitrary_meaning(name, step)
        _regradient(meanings, name, step)
        _regradient_unread(meanings, name, step, unread or {})
        meanings.leaves |= {str(b.label) for b in meaning.value.atoms(sympy.IndexedBase)} - {step}
        meanings.leaves |= {s.name for s in meaning.value.free_symbols if s != N}


def _by(name: str) -> str:
    """The start of a derivative of ``name`` by an entry, up to the variable's letter:
    ``\\frac{\\partial L}{\\partial ``, ``\\partial L / \\partial ``."""
    return (
        rf"(?:\\[dt]?frac\s*\{{\s*\\partial\s*{name}\s*\}}\s*\{{\s*\\partial"
        rf"|\\partial\s*{name}\s*/\s*\\partial)\s*"
    )


def _regradient(meanings: Meanings, name: str, letter: str) -> None:
    """The text's names for the loss's gradient (``g_i = \\partial L / \\partial o_i``), read
    before the loss was made arbitrary, given the stand-in's gradient ``∂L/∂o[i]``."""
    derivative = _by(name) + rf"{letter}\s*_\s*\{{?\s*([a-z])\s*\}}?\s*\}}?\s*$"
    gradient = sympy.IndexedBase(f"{MARK}{name}/{MARK}{letter}")
    for other, meaning in list(meanings.table.items()):
        right = meaning.latex.partition("=")[2]
        found = re.match(r"\s*" + derivative, right)
        if meaning.index is None or found is None or found.group(1) != str(meaning.index):
            continue
        meanings.table[other] = replace(meaning, value=gradient[meaning.index])


def _regradient_unread(meanings: Meanings, name: str, letter: str, unread: dict[str, str]) -> None:
    """The text's names for the loss's gradient that were not read, as the derivative of a loss
    the text never defines (``g_i = \\partial L / \\partial s_i``, ``\\mathbf{g} = \\partial
    L / \\partial \\mathbf{s}``: an upstream gradient), given the stand-in's gradient."""
    bold = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
    by = rf"\s*{_by(name)}{bold}{letter}(?:\s*\}})?\s*(?:_\s*\{{?\s*([a-z])\s*\}}?)?\s*\}}?\s*"
    gradient = sympy.IndexedBase(f"{MARK}{name}/{MARK}{letter}")
    for other, written in unread.items():
        lhs, _, rhs = written.partition("=")
        named, found = defined_name(lhs), re.fullmatch(by, rhs)
        if other not in meanings.unreadable or named is None or found is None:
            continue
        if (found.group(1) or None) != (str(named[1]) if named[1] is not None else None):
            continue  # g_i = ∂L/∂s_j: another entry's
        index = (
            _bound()
            if named[1] is None
            else sympy.Symbol(str(named[1]), integer=True, positive=True)
        )
        where = meanings.unreadable.pop(other)
        meanings.unreadable_from.pop(other, None)
        meanings.table[other] = Meaning(other, index, gradient[index], where, written)


def arbitrary_meaning(name: str, letter: str) -> Meaning:
    """``name = name_0 + Σ_k g_k letter_k``, g the gradient at the point (see the module).

    >>> arbitrary_meaning("E", "a").value
    E₀ + Sum(a[_k]*∂E/∂a[_k], (_k, 1, N))
    """
    k = _bound()
    gradient = sympy.IndexedBase(f"{MARK}{name}/{MARK}{letter}")
    value = sympy.Symbol(f"{name}₀", real=True) + sympy.Sum(
        gradient[k] * sympy.IndexedBase(letter)[k], (k, 1, N)
    )
    latex = rf"{name} = {name}({letter}_1, \ldots, {letter}_N)"
    return Meaning(name, None, value, "standard", latex)


def second_derivative(expr: sympy.Expr) -> None:
    """Raise :class:`Unreadable` when ``expr``, about to be differentiated, already holds the
    gradient of an arbitrary loss: a second derivative, which the stand-in does not have."""
    for base in expr.atoms(sympy.IndexedBase):
        if str(base.label).startswith(MARK):
            loss = str(base.label)[1:].split("/")[0]
            raise Unreadable(
                f"a second derivative of {loss}, which the document does not define: not read"
            )


def _only_differentiated(name: str, original: str, letters: set[str]) -> bool:
    """Whether every place ``original`` writes ``name`` is a derivative of it (``\\partial E``,
    ``∂E``, ``dE`` of a fraction), or the name in a sentence calling it any loss."""
    said = {
        m.start(m.lastindex or 1)
        for m in _ARBITRARY.finditer(original)
        if _adds_nothing(original, m, letters)
    }
    for found in re.finditer(rf"(?<![A-Za-z\\]){name}(?![A-Za-z])", original):
        if found.start() in said:
            continue
        before = original[max(0, found.start() - 24) : found.start()]
        if not _DIFFERENTIAL.search(before):
            return False
    return True


def _adds_nothing(text: str, match: re.Match[str], letters: set[str]) -> bool:
    """Whether the sentence of ``match`` says no more of the loss than that it is any loss."""
    window = max(0, match.start() - 300)
    start = max(text.rfind(".", window, match.start()), text.rfind("\n\n", window, match.start()))
    end = text.find(".", match.end(), match.end() + 300)
    sentence = text[max(start + 1, window) : end if end >= 0 else match.end() + 300]
    of = {  # "any loss of the outputs $o$", "a loss of $x$ and $w$"
        letter
        for found in _OF.finditer(sentence)
        for letter in (found.group(1), *re.findall(_LETTER, found.group(2)))
    }
    return _MORE.search(sentence) is None and of <= letters


_DIFFERENTIAL = re.compile(
    r"(?:\\partial|∂|\\delta|(?<![A-Za-z\\])d)(?:\s*\^\s*\{?\s*\d\s*\}?)?[\s{]*"
    r"(?:\\math(?:cal|scr)\s*\{\s*)?\Z"  # (∂\mathcal{L} too)
)
_MORE = re.compile(r"(?i)\+|\bplus\b|penalt|regulari|\\lambda|λ|weight\s+decay|\bdepends?\b")
# "a loss of $x$ and $w$": what the loss is a function of, each letter
_LETTER = r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?\\?([A-Za-z]+)[^$]*\$"
_OF = re.compile(
    rf"(?i)\bof\s+(?:the\s+[a-z]+\s+)?{_LETTER}"
    rf"((?:\s*(?:,|and)\s*(?:the\s+[a-z]+\s+)?{_LETTER.replace('([A-Za-z]+)', '[A-Za-z]+')})*)"
)


def _gradient_named(name: str, everything: str) -> bool:
    """Whether the text names the loss's gradient by an entry (``g_i = \\partial L / \\partial
    o_i``, ``\\delta_i := \\frac{\\partial L}{\\partial z_i}``) or as a bold vector (``\\mathbf{g} =
    \\partial L / \\partial \\mathbf{p}``): an upstream gradient, the
    loss any loss (a cross-entropy's gradient would be written out, not named)."""
    derivative = _by(name) + r"[a-z]\s*_"
    gradient = r"(?<![\\a-zA-Z])\\?[a-zA-Z]+\s*_\s*\{?\s*[a-z]\s*\}?\s*(?::=|=|\\coloneqq)\s*"
    bold = r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*[a-z]\s*\}"  # \mathbf{g} = ∂L/∂\mathbf{p}
    vector = rf"{bold}\s*(?::=|=|\\coloneqq)\s*{_by(name)}{bold}"
    return re.search(f"{gradient}{derivative}|{vector}", everything) is not None


def _said_arbitrary(name: str, everything: str) -> bool:
    """Whether a sentence calls ``name`` any loss ("any loss $L$", "some cost function $L$",
    "an arbitrary scalar function $L$")."""
    found = _ARBITRARY.finditer(everything)
    return any(match.group(match.lastindex or 1) == name for match in found)


_ANY = (
    r"(?i:\b(?:any|some|an\s+arbitrary|a\s+generic|a\s+general|whatever)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:loss|cost|objective|error|function)(?:\s+function)?)"
)
# "any loss $L$", and "let $L$ be any loss", "$L$ is some scalar loss" (the name in group 1)
_ARBITRARY = re.compile(
    rf"{_ANY}\s*\$\s*([A-Za-z])\s*\$"
    rf"|(?<=\$)\s*(?=[A-Za-z]\s*\$\s+(?i:be|is|denotes?)\s+{_ANY})([A-Za-z])"
)


def _last_step(meanings: Meanings, letters: set[str]) -> str | None:
    """The one letter of ``letters`` the document defines entry by entry, through which every
    other letter of ``letters`` enters (``a`` of ``a_i = σ(z_i)`` beside ``z``), or None."""
    found = []
    for letter in sorted(letters):
        meaning = meanings.table.get(letter)
        if meaning is None or meaning.source == "standard" or meaning.index is None:
            continue
        if meaning.slip or meaning.unread:
            continue
        if letters - {letter} <= _names(meanings, meaning.value):
            found.append(letter)
    return found[0] if len(found) == 1 else None


def _names(meanings: Meanings, value: sympy.Expr) -> set[str]:
    """The names ``value`` is written in, and those their meanings are written in, on down
    (``z`` and ``w`` of ``a_j = σ(z_j)`` beside ``z_j = Σ_i w_{ij} x_i``)."""
    found: set[str] = set()
    todo = [value]
    while todo and len(found) < 200:
        expr = todo.pop()
        names = {str(e.label) for e in expr.atoms(sympy.IndexedBase)}
        names |= {s.name for s in expr.free_symbols}
        for name in names - found:
            found.add(name)
            if name in meanings.table:
                todo.append(meanings.table[name].value)
    return found


__all__ = ["MARK", "arbitrary_losses", "arbitrary_meaning", "second_derivative"]
