"""One definition read from a display: what its left side names, whether its right side is the
softmax, a function of its own (f(x) = …) or a new expression, macros the document defines,
lists of values and the sizes they fix.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.errors import InputError, SymsoftError
from symsoft.reading.documents.word_names import GREEK_FUNCTION, GREEK_VARIABLE, LETTER_OR_WORD
from symsoft.reading.grammar.builder import OWN_SOFTMAX
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.symbolic import fresh_bounds, is_index, log_weights
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.affine import affine_entry
from symsoft.reading.meaning.classes import class_parameters
from symsoft.reading.meaning.classes import classes as _classes
from symsoft.reading.meaning.exercise_parts import new_part
from symsoft.reading.meaning.function_lists import composed, in_a_list, through_scoped
from symsoft.reading.meaning.listed import listed_entries
from symsoft.reading.meaning.plain_softmax import plain_softmax_letter, softmax_of_vector
from symsoft.reading.meaning.products import product_of_names
from symsoft.reading.meaning.prose import defined_name, stated_normalized
from symsoft.reading.meaning.quotient_forms import another_through_parts
from symsoft.reading.meaning.redefinitions import (
    aliases_listed,
    announced_again,
    calls,
    generic_rules,
    heading_between,
    instead_after,
    listed,
    new_or_restated,
    other_table_row,
)
from symsoft.reading.meaning.scaled_vectors import scaled_entry
from symsoft.reading.meaning.table import FunctionMeaning, Meaning, Meanings, softmax_meaning
from symsoft.reading.meaning.through_names import through_names
from symsoft.reading.notation.sides import Reader
from symsoft.reading.notation.vector_definitions import entrywise_definition
from symsoft.reading.notation.vectors import one_plain_vector, plain_vectors

_LETTER_ALONE = lazy(r"\s*([a-hoz-zA-Z])\s*")  # not an index letter (i … n)


def named_on_the_right(lhs: str, rhs: str, earlier: str) -> str | None:
    """``y_1 = a``, ``e^{x_2} = b`` (a display of this one equation): a letter the math has not
    written before, named on the right, is a shorthand the text introduces for the left side:
    no step to judge (with ``a`` and ``y`` free it was flagged)."""
    letter = _LETTER_ALONE.fullmatch(rhs)
    if letter is None or letter.group(1) == "e" or _LETTER_ALONE.fullmatch(lhs):
        return None
    if re.search(rf"(?<![\\a-zA-Z]){letter.group(1)}(?![a-zA-Z])", earlier + " " + lhs):
        return None  # \frac{a}{2} + \frac{a}{2} = a: a step about a
    return letter.group(1)


_FUNCTION_LHS = lazy(
    rf"\s*({LETTER_OR_WORD}|\\ell|{GREEK_FUNCTION})\s*\(\s*([a-zA-Z]|{GREEK_VARIABLE})\s*\)\s*"
)


_STATED_CONDITION = lazy(r"\(\s*([a-zA-Z])\s*(?:>|<|\\geq?|\\leq?|\\neq?)\s*0\s*\)\s*$")
_NEEDS_A_SIGN = lazy(r"\\sqrt|\\log|\\ln|(?<![a-zA-Z\\])(?:log|ln)|\||\\lvert|\\vert|\\abs")
_APPLIED = lazy(rf"(?<![\\a-zA-Z])({LETTER_OR_WORD})\s*(?:'|\^\s*\{{?\s*\\prime\s*\}}?)*\s*\(")


def _functions(
    candidates: list[tuple[str, str, str, tuple[int, int] | None, int]],
    meanings: Meanings,
    definitions: dict[tuple[int, int], str],
    prose: str = "",
) -> None:
    """Function notation: ``f(x) = \\frac{g(x)}{h(x)}`` defines f; g and h, used there and
    defined nowhere with their variable, are unknown functions (the quotient rule is then
    judged as calculus, for every g and h)."""
    written: dict[str, tuple[str, str, str, tuple[int, int] | None]] = {}
    first_at: dict[str, int] = {}
    latest: dict[str, tuple[int, str]] = {}  # where the meaning in force was given, its value
    again: list[tuple[str, str, str, tuple[int, int] | None, int, bool]] = []
    guessed: list[tuple[str, str, str, tuple[int, int] | None, tuple[int, int, str, bool]]] = []
    for lhs, rhs, where, key, position in candidates:
        match = _FUNCTION_LHS.fullmatch(lhs)
        standard = meanings.table.get(match.group(1)) if match else None
        if not match or (standard and standard.source != "standard"):
            continue
        name = match.group(1)
        if name not in written:
            written[name] = (match.group(2), rhs, where, key)
            first_at[name], latest[name] = position, (position, rhs)
            continue
        if "".join(rhs.split()) == "".join(latest[name][1].split()):
            continue  # (the meaning in force, restated; the first one again is a return to it)
        # a rule's generic form after another's, in a display of its own (h = fg, then h = f/g)
        at, value = latest[name]
        generic = generic_rules(value, rhs, match.group(2), prose, (at, position))
        chosen = aliases_listed(prose, first_at[name], position)  # g(x) = σ(x), g(x) = \tanh(x)
        if not chosen and (
            generic
            or heading_between(prose, first_at[name], position)
            or announced_again(prose, first_at[name], position)
            or other_table_row(prose, first_at[name], position)
        ):  # in a later section, said to reuse the letter, a cheat sheet's next row: a new
            # meaning (else a step)
            again.append((name, match.group(2), rhs, key, position, generic))
            latest[name] = (position, rhs)
        elif (several := chosen or listed(prose, first_at[name], position)) or (
            instead_after(prose, position) or new_part(prose, first_at[name], position)
        ):  # listed, "instead", an exercise's next part: a new meaning, or a restatement?
            at_ = (first_at[name], position, where, bool(several or instead_after(prose, position)))
            guessed.append((name, match.group(2), rhs, key, at_))
    if not written:
        return
    used = {name for _, rhs, _, _ in written.values() for name in _APPLIED.findall(rhs)}
    for name in sorted(used):
        variable = sympy.Symbol("x", real=True)
        if name not in meanings.table:
            meanings.functions[name] = FunctionMeaning(name, variable, None, "unknown function")
    for name, (variable_name, rhs, where, key) in written.items():
        variable = sympy.Symbol(variable_name.lstrip("\\"), real=True)
        # f(x) = \frac{1}{1 + e^{-ax}} (a > 0): a condition on a parameter no step can need
        # (no root, |·| or log in the value; never on the variable: \sqrt{x^2} (x > 0) is x)
        stated = _STATED_CONDITION.search(rhs)
        if stated and stated.group(1) != variable_name and not _NEEDS_A_SIGN.search(rhs):
            rhs = rhs[: stated.start()]
        value = _read_apart(rhs, meanings)
        if isinstance(value, str):
            continue
        value = through_names(value, variable, candidates, lambda r: _read_apart(r, meanings))
        if not value.free_symbols and not in_a_list(name, written, first_at, prose):
            # h(x) = 2: a constant function, or h's value at a point?
            meanings.constants[name] = f"{name}({variable_name}) = {' '.join(rhs.split())}"
            continue
        entries = {entry: sympy.Dummy() for entry in value.atoms(sympy.Indexed)}
        if (
            value.free_symbols
            and variable not in value.xreplace(entries).free_symbols
            and not any(
                f.args == (variable,) for f in value.atoms(sympy.core.function.AppliedUndef)
            )
        ):
            if name in meanings.table and meanings.table[name].source == "standard":  # ℓ(β) = Σ …
                meanings.unreadable[name] = where  # (its value through other names: not read)
            continue  # g(x) = e^{a_i}, h(x) = Σ_k e^{x_k}: no function of x (x_k its entries)
        meanings.functions[name] = FunctionMeaning(name, variable, value, where)
        if name in meanings.table:  # L(u) = …: the document's own L, not the standard loss
            del meanings.table[name]
        if key is not None:
            definitions[key] = f"definition of {name}({variable_name})"
    for name, variable_name, rhs, key, position, generic in again:
        _defined_again(
            name, variable_name, rhs, (position, first_at[name]), meanings, generic, prose
        )
        if key is not None and name in meanings.function_scopes:
            definitions[key] = f"definition of {name}({variable_name}) (a new meaning)"
    for name, variable_name, rhs, key, at in guessed:
        why = new_or_restated(name, variable_name, rhs, at, meanings)
        if why and key is not None:
            definitions[key] = f"definition of {name}({variable_name}) ({why}; which one a"
            definitions[key] += " later step uses is not read)"
    through_scoped(written, meanings, _read_apart, _APPLIED)  # f = g / h, g defined again
    composed(meanings)  # f(x) = g(x) / h(x) with g(x) = x, h(x) = 1 + e^{-x}: f is x / (1 + e^{-x})


def _defined_again(name: str, variable_name: str, rhs: str, at: tuple[int, int],
                   meanings: Meanings, generic: bool, prose: str) -> None:  # fmt: skip
    """``g(x) = e^x - e^{-x}`` in a later section than ``g(x) = 1 + e^{-x}`` (the letter
    reused): the steps after it are judged under the new value, those before under the first.
    A new value that does not read as a function of its variable (``g(x) = \\frac{u}{v}``, a
    rule's generic form) opens no scope (quotient_forms.py), unless the first was one too."""
    if name not in meanings.functions:
        return
    variable = sympy.Symbol(variable_name.lstrip("\\"), real=True)
    try:
        value, unread = Reader(meanings).expression(rhs), ""
    except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError):
        value, unread = None, "its new value"  # g(x) = \frac{u(x)}{v(x)}: the first ends
    if unread == "" and not generic and variable not in value.free_symbols:  # g(x) = u/v
        value = another_through_parts(value, variable, meanings.functions[name], prose, at[0])
        if value is None:
            return  # the quotient rule's form of the same g (its parts' values): no new meaning
        value, unread = (None, "a form of parts not given") if value is sympy.nan else (value, "")
    scopes = meanings.function_scopes.setdefault(name, [(at[1], meanings.functions[name])])
    again = f"a new definition of {name}"  # (also through unknown functions: h = f(x) g(x))
    scopes.append((at[0], FunctionMeaning(name, variable, value, again, unread)))


_MACRO = lazy(  # (a macro with arguments: [1], #1)
    r"\\(?:re)?newcommand\*?\s*\{?\s*\\([a-zA-Z]+)\s*\}?\s*(?:\[\s*\d\s*\]\s*)?"
    r"\{((?:[^{}]|\{[^{}]*\})*)\}|\\def\s*\\([a-zA-Z]+)\s*(?:#\d\s*)*\{((?:[^{}]|\{[^{}]*\})*)\}"
    r"|\\DeclareMathOperator\*?\s*\{\s*\\([a-zA-Z]+)\s*\}\s*\{([^{}]*)\}"
)


_KEPT_COMMANDS = frozenset({"frac", "partial", "sum", "log", "exp", "left", "right", "cdot"})


def _macros(text: str) -> dict[str, str]:
    """The macros a document defines (with arguments ``#1`` too, even for a command symsoft
    knows: ``\\renewcommand{\\exp}[1]{e^{2 #1}}``)."""
    macros = {}
    for match in _MACRO.finditer(text):
        name, body = next((g, match.group(i + 2)) for i, g in enumerate(match.groups()) if g)
        if match.group(5):
            body = f"\\operatorname{{{body}}}"
        if (name not in _KEPT_COMMANDS or "#" in body) and len(body) <= 200:
            macros[name] = body
    return macros


def _listed(text: str) -> list[str]:
    """``g_i = e^{a_i}, h_i = \\sum_k e^{a_k}``: one definition per part cut at the commas
    outside any group, when every part is one (else ``text`` whole: ``p = (0.7, 0.2)``); the
    rows of ``$$\\textbf{a} = W\\textbf{x} + b\\\\[1ex] \\textbf{z} = …$$`` in a sentence
    (a stats.SE question), when every row is an equation with something left of its ``=``."""
    rows = _ROW_BREAK.split(text)
    if len(rows) > 1 and all(row.partition("=")[0].strip() and "=" in row for row in rows):
        return rows
    spaced = re.split(r"\\q?quad(?![a-zA-Z])", text)  # t_i = s e^{x_i} \qquad s = …
    if len(spaced) > 1 and all(defined_name(part.partition("=")[0]) for part in spaced):
        return spaced
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += char in "{([" and 1 or -(char in "})]")
        if char == "," and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    parts.append(text[start:])
    if len(parts) > 1 and all(defined_name(part.partition("=")[0]) for part in parts):
        return parts
    return [text]


_ROW_BREAK = lazy(r"(?<!\\)\\\\(?!\\)(?:\s*\[[^\]\[]*\])?")


def _has_top_level_equals(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "{([" and 1 or -(char in "})]")
        if char == "=" and depth == 0:
            return True
    return False


def _definition(lhs: str, rhs: str, meanings: Meanings, where: str) -> Meaning | str:
    """``lhs := rhs`` as a meaning, or the reason it is not one."""
    if entry := scaled_entry(lhs, rhs, meanings.indexed_letters, meanings):  # u_k = z_k / T
        return _read_definition(*entry, meanings, where)
    if entry := affine_entry(lhs, rhs, meanings):  # z = W x + b: z_r = \sum_g W_{rg} x_g + b_r
        return _read_definition(*entry, meanings, where)
    bolded = plain_vectors([lhs, rhs], frozenset(), meanings.vector_letters)
    if bolded is None:
        return _read_definition(lhs, rhs, meanings, where)
    # z = w^T x + b with w, x vectors: z = \mathbf{w}^T \mathbf{x} + b
    read = _read_definition(*bolded, meanings, where)
    if isinstance(read, str) and one_plain_vector([lhs, rhs], meanings.vector_letters):
        plain = _read_definition(lhs, rhs, meanings, where)  # p = σ(x), x a number here
        if isinstance(plain, Meaning):
            meanings.read_as_numbers |= set(re.findall(r"[a-zA-Z]", f"{lhs} {rhs}"))
            return plain
        return read
    return read


def _read_definition(lhs: str, rhs: str, meanings: Meanings, where: str) -> Meaning | str:
    named = defined_name(lhs)
    if named is None:
        return f"{lhs.strip()!r} is not a name with at most one index"
    name, index = named
    if twice := [name for name in sorted(meanings.function_scopes) if calls(rhs, name)]:
        return f"through {twice[0]}, which the text defines more than once"  # a = f(z)
    vector = softmax_of_vector(rhs)  # \mathbf{p} = \mathrm{softmax}(\mathbf{o}): its letter
    if vector and OWN_SOFTMAX.get():
        return "the softmax of a text that defines its own softmax"
    plain = plain_softmax_letter(rhs) if index is None else None  # A = \frac{e^z}{\sum e^z}
    if (vector or plain) and index is None:  # entry by entry
        letter = vector or plain
        meaning = softmax_meaning(name, letter)
        return replace(meaning, source=where, latex=f"{lhs.strip()} = {' '.join(rhs.split())}")
    if index is None and (listed := listed_entries(lhs, rhs)):  # P = [\\frac{e^{y_1}}{S}, …]
        read = _read_definition(*listed, meanings, where)
        latex = f"{lhs.strip()} = {' '.join(rhs.split())}"
        return replace(read, latex=latex) if isinstance(read, Meaning) else read
    if index is None and (entries := entrywise_definition(lhs, rhs)) is not None:
        if isinstance(entries, str):  # \mathbf{p} = \frac{\exp(\mathbf{o})}{…}: entry by entry
            return entries
        read = _definition(*entries, meanings, where)
        latex = f"{lhs.strip()} = {' '.join(rhs.split())}"
        return replace(read, latex=latex) if isinstance(read, Meaning) else read
    value = _read_apart(rhs, meanings)
    if isinstance(value, str):
        return value
    value = value.xreplace(meanings.sizes())
    if (
        isinstance(value, sympy.Indexed)
        and str(value.base.label) not in meanings.table
        and str(value.base.label) not in meanings.leaves
    ):  # p_i = \sigma_i(\mathbf{z}): another name for a quantity the text defines in words
        return f"{lhs.strip()} is named {value}, which has no meaning here"
    if value.is_number and index is not None:
        return "a value of an entry (y_c = 1), not a definition of every entry"
    if name in {str(e.base.label) for e in value.atoms(sympy.Indexed)} | {
        s.name for s in value.free_symbols
    }:
        return _SELF_REFERENCE
    free = {s for s in value.free_symbols if is_index(s) and s.name not in meanings.parameters}
    symbol = sympy.Symbol(index, integer=True, positive=True) if index else None
    slip = False
    free -= _classes(value, symbol)
    if symbol is None:  # L = -\log p_y: y the true class, a parameter of the loss
        free -= class_parameters(value, meanings.indexed_letters)
    if free - {symbol}:
        (other,) = free if len(free) == 1 and symbol is not None else (None,)
        if other is None or not _is_softmax(value.xreplace({other: symbol})):
            return f"the indices of {lhs.strip()} and of its definition differ"
        # S_j = e^{a_i} / Σ_k e^{a_k}: a softmax meant, its index slipped; the step is judged
        value, slip = value.xreplace({other: symbol}), True
    return Meaning(
        name,
        symbol,
        fresh_bounds(value),
        where,
        f"{lhs.strip()} = {' '.join(rhs.split())}",
        slip,
    )


_SELF_REFERENCE = "the definition refers to the name it defines"


def _is_softmax(value: sympy.Expr) -> bool:
    """``e^{x_m} / Σ_k e^{x_k}``, the one form whose index slip has a single reading."""
    numerator, denominator = sympy.fraction(sympy.together(value))
    return (
        isinstance(numerator, sympy.exp)
        and isinstance(numerator.args[0], sympy.Indexed)
        and isinstance(denominator, sympy.Sum)
        and isinstance(denominator.function, sympy.exp)
    )


def at_an_entry(meaning: Meaning, table: dict[str, Meaning]) -> str | None:
    """The entry of a defined vector a scalar's value is taken at (``L = -\\log p_3``, the loss
    of a worked example whose true class is 3), which makes it a value, not a definition of
    ``L``; None for a value built from variables (``Z = e^{z_1} + e^{z_2}``)."""
    if meaning.index is not None:
        return None
    bases = {entry.base.label for entry in meaning.value.atoms(sympy.Indexed)}
    if meaning.value.atoms(sympy.Symbol) - bases:
        return None  # \ell = -y \log p_1 - (1 - y) \log p_2: built from a variable y too
    entries = meaning.value.atoms(sympy.Indexed)
    free = any(str(b) not in table for b in bases)  # the entries of a variable: T_1, T_2, T_3
    if free and any(len({e for e in entries if e.base.label == b}) > 1 for b in bases):
        return None  # L = -(T_1 \ln P_1 + T_2 \ln P_2 + T_3 \ln P_3): a sum written out
        # (not -(0.05 \log p_1 + 0.9 \log p_2 + 0.05 \log p_3): a worked example's targets)
    for entry in sorted(meaning.value.atoms(sympy.Indexed), key=str):
        if str(entry.base.label) in table and all(i.is_Integer for i in entry.indices):
            return f"{entry.base.label}_{','.join(map(str, entry.indices))}"
    return None


# "$y_j=0, \quad i \neq j$": a number, then the index case it holds in
VALUE_IN_A_CASE = lazy(
    r"\s*-?\d+(?:\.\d+)?\s*(?:,|;|\\q?quad|\\text\s*\{[^{}]*\}|\\[,;!]|\s)+"
    r"[i-n]\s*(?:\\neq?(?![a-zA-Z])|≠|=)\s*[i-n]\s*"
)


def softmax_by_default(
    table: dict[str, Meaning], free: set[str], everything: str, softmax_said: bool
) -> None:
    """The standard ``p`` (softmax of ``o``) and ``S`` (softmax of ``a``) in a document that
    never writes ``o_k`` (``a_k``) but says "softmax" and differentiates by one other letter
    alone (``\\frac{\\partial l}{\\partial z_i}``): the softmax of that letter.  Still the
    standard meaning, a default: flags that rest on it are reported ambiguous.  Never a letter
    the document's own loss weighs its logarithms with (``C = -\\sum_i p_i \\log q_i``: p the
    teacher's probabilities, free) nor one a sentence says sums to one or is one-hot."""
    weights, normalized = loss_weights(table), stated_normalized(everything)
    exponentiated = _exponentiated(table)
    for output, logits in (("p", "o"), ("S", "a")):
        meaning = table.get(output)
        if meaning is None or meaning.source != "standard":
            continue
        if output in weights or output in exponentiated:
            # the targets of the document's loss, or the scores its own definitions exponentiate
            # (P_j = e^{S_j} / Σ_k e^{S_k}): free, not a softmax
            del table[output]
            continue
        if not softmax_said or output in normalized:
            continue
        if re.search(rf"(?<![a-zA-Z\\]){logits}\s*_", everything):
            continue
        others = {name for name in free if len(name) == 1 and name != output} - table.keys()
        if len(others) == 1 and re.search(rf"(?<![a-zA-Z\\]){output}\s*_", everything):
            table[output] = softmax_meaning(output, others.pop())


def _exponentiated(table: dict[str, Meaning]) -> set[str]:
    """The names whose entries the document's own definitions exponentiate."""
    return {
        str(entry.base.label)
        for meaning in table.values()
        if meaning.source not in ("standard", "--define") and isinstance(meaning.value, sympy.Expr)
        for power in meaning.value.atoms(sympy.exp)
        for entry in power.atoms(sympy.Indexed)
    }


def losses(table: dict[str, Meaning]) -> dict[str, set[str]]:
    """The document's own losses (names defined with a sum of label-weighted logarithms) and the
    letters each weighs its logarithms with: their labels."""
    found: dict[str, set[str]] = {}
    for name, meaning in table.items():
        if meaning.source in ("standard", "--define") or not isinstance(meaning.value, sympy.Expr):
            continue
        if weights := log_weights(meaning.value):
            found[name] = weights
    return found


def loss_weights(table: dict[str, Meaning]) -> set[str]:
    """The letters the document's own losses weigh their logarithms with."""
    return set().union(*losses(table).values())


def labels_of(table: dict[str, Meaning], everything: str) -> str:
    """The letter of the labels whose Σ = 1 a step may need: y, unless the document's own
    losses weigh their logarithms with one other letter alone (``E = -\\sum_k t_k \\log
    \\hat{y}_k``), which it does not define, and it writes no ``y_k``."""
    weights = loss_weights(table)
    writes_y = re.search(r"(?<![a-zA-Z\\])y\s*_", everything)
    if len(weights) == 1 and "y" not in weights and not writes_y:
        (letter,) = weights
        if letter not in table:
            return letter
    return "y"


# "For functions $f(x)$ and $g(x)$", "a function $h(x)$": names said to be functions of x
_SAID_FUNCTIONS = lazy(
    r"\bfunctions?\s+((?:\$\s*[a-zA-Z]\s*\(\s*[a-zA-Z]\s*\)\s*\$(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+)",
    re.IGNORECASE,
)
_SAID_FUNCTION = lazy(r"\$\s*([a-zA-Z])\s*\(\s*([a-zA-Z])\s*\)\s*\$")


def said_functions(prose: str, meanings: Meanings) -> None:
    """``For functions $f(x)$ and $g(x)$:`` makes f and g unknown functions of x (the quotient
    rule that follows is then judged as calculus, for every f and g), unless the document gives
    them a meaning of their own."""
    for phrase in _SAID_FUNCTIONS.finditer(prose):
        for name, variable in _SAID_FUNCTION.findall(phrase.group(1)):
            if name in meanings.table or name in meanings.functions or name == variable:
                continue
            x = sympy.Symbol(variable, real=True)
            meanings.functions[name] = FunctionMeaning(name, x, None, "unknown function")


# y_{n,k}: a name with two indices (a sample and a class), which a definition cannot give a
# meaning here; what depends on it is not judged (judged with it free, its own definition
# would fail)
TWO_INDEX_NAME = lazy(r"\s*([a-zA-Z])\s*_\s*\{\s*[a-z]\s*,\s*[a-z]\s*\}\s*")


def _read_apart(rhs: str, meanings: Meanings) -> sympy.Expr | str:
    """The value ``rhs``, two letters written together read as a product when the document
    writes each alone (``\\hat{y} = wx + b``); the reason it is not read otherwise."""
    for _ in range(5):
        try:
            return Reader(meanings).expression(rhs)
        except Unreadable as exc:
            pos = product_of_names(exc, rhs, meanings.lone_letters)
            if pos is None:
                return str(exc)
            rhs = rhs[:pos] + " " + rhs[pos:]
        except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
            return str(exc)
    return "too many letters written together"


def defined_on_the_command_line(define: list[str], meanings: Meanings) -> set[str]:
    """Enter each ``--define`` (``S_i = …``) in the table; the names defined so."""
    overridden: set[str] = set()
    for written in define:
        lhs, equals, rhs = written.partition("=")
        if not equals:
            raise InputError(f"--define {written!r} needs the form 'S_i = …'")
        meaning = _definition(lhs, rhs, meanings, "--define")
        if isinstance(meaning, str):
            raise InputError(f"--define {written!r}: {meaning}")
        if meaning.name in overridden and meanings.table[meaning.name].latex != meaning.latex:
            raise InputError(f"--define {written!r}: {meaning.name} is already defined otherwise")
        meanings.table[meaning.name] = meaning
        overridden.add(meaning.name)
    return overridden
