"""Which names a step may use: every name left after its meanings are put in is a defined quantity,
an index, a parameter or, in a step without derivatives, a free variable; a name written both
with and without an index is not guessed at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy

from symsoft.algebra.prover import prove
from symsoft.errors import SymsoftError
from symsoft.errors import Unreadable as Unreadable  # defined with the others
from symsoft.reading.documents.conditionals import UNREAD_CONDITIONALS
from symsoft.reading.documents.counts import ZERO_APART
from symsoft.reading.judge.symbolic import (
    N,
    is_index,
    name_of,
)
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.meaning.table import Meanings


PARAMETERS = frozenset({"T", "epsilon", "tau", "alpha", "beta", "gamma", "eta", "lambda"})
PARAMETERS |= {"√d", "√d_k", "√d_q", "√d_v", "√d_h"}  # \sqrt{d}, \sqrt{d_k}: attention's scale


def check_shaped(sides: list[sympy.Expr], meanings: Meanings) -> None:
    """A step that writes a capital the text says is a matrix or a vector, as a factor of its
    own (not an entry ``W_{ij}``), is not read: as a number, ``Wx = xW`` would hold."""
    for side in sides:
        labels = {e.base.label for e in side.atoms(sympy.Indexed)}
        bare = {s.name for s in side.free_symbols - labels}
        for name in sorted(bare):
            if why := meanings.shaped(name):
                raise Unreadable(
                    f"{name} is a matrix or a vector ({why}): read as a number, "
                    "a product with it would commute, so it is not read here"
                )


def _bare_names(expr: sympy.Expr) -> set[str]:
    """The names ``expr`` writes without an index (not the labels of its entries)."""
    entries = {e: sympy.Dummy() for e in expr.atoms(sympy.Indexed)}
    return {s.name for s in expr.xreplace(entries).free_symbols if not isinstance(s, sympy.Dummy)}


def check_unread(expr: sympy.Expr, meanings: Meanings, entries: set[str] | None = None) -> None:
    """``expr`` writes no name the document defines in a way not read here; with ``entries``,
    such a name written only with an index (``\\eta_i`` of ``\\eta_i = x_i^T \\beta``) is added
    to it instead: a free variable, for a step that must hold for every value (never one with
    a meaning in the table, ``p`` the default softmax: it would not be free)."""
    indexed = {str(e.base.label) for e in expr.atoms(sympy.Indexed)}
    names = indexed | {s.name for s in expr.free_symbols}
    unread = UNREAD_CONDITIONALS.get() or {}
    for name in sorted(names & unread.keys()):
        raise Unreadable(unread[name])
    for name in sorted((names - meanings.unread_as_function) & meanings.unreadable.keys()):
        if entries is not None and name in indexed - _bare_names(expr) - meanings.table.keys():
            entries.add(name)
            continue
        raise Unreadable(f"{name} is defined at {meanings.unreadable[name]} in a way not read here")
    # a written with a superscript (a^i, a^2; not 1/a): plain a is a itself (real round 77)
    powers = {str(p.base) for p in expr.atoms(sympy.Pow) if not (p.exp.is_Integer and p.exp < 0)}
    for name in sorted(names & meanings.superscripted.keys() & powers):
        raise Unreadable(
            f"ambiguous {name}: the text writes {meanings.superscripted[name]} with a summation "
            f"index as the superscript; a power of {name}, or an entry of {name}? not read"
        )


def check_names(sides: list[sympy.Expr], meanings: Meanings, open_names: bool = False) -> set[str]:
    """Every name left after expansion is a free variable; never guess what ``x_k`` means.

    With ``open_names`` (a step without derivatives) a name the document never gives a meaning
    is read as a free variable and returned: the step holds for the author's meaning if it holds
    for every value, and is not judged otherwise."""
    free = meanings.leaves | meanings.arguments() | PARAMETERS
    free |= {f.variable.name for f in meanings.functions.values()}
    unread: set[str] | None = set() if open_names else None
    for side in sides:
        check_unread(side, meanings, unread)
        for e in sorted(side.atoms(sympy.Indexed), key=str):
            if (str(e.base.label), e.indices[0]) in meanings.numbered and len(e.indices) == 1:
                name, layer = e.base.label, e.indices[0]
                raise Unreadable(
                    f"{name}_{layer} names the vector of a layer (the text writes "
                    f"{name}_{{{layer},i}}), not an entry of {name}: not read"
                )
    with_index = {str(e.base.label) for side in sides for e in side.atoms(sympy.Indexed)}
    with_index |= {
        m.name for m in meanings.table.values() if m.index is not None and m.source != "standard"
    }
    # a step that writes no entry at all (σ(-z) = 1 - σ(z) in a text with z_i) reads its plain
    # letters as numbers: entrywise, a vector reading says the same
    entries = any(side.atoms(sympy.Indexed) for side in sides) or any(
        is_index(symbol) for side in sides for symbol in side.free_symbols
    )
    for side in sides if entries else ():
        bare = side.free_symbols - {e.base.label for e in side.atoms(sympy.Indexed)}
        bare -= side.atoms(sympy.Indexed)
        for symbol in sorted(bare, key=str):
            if str(symbol) in with_index and not is_index(symbol):
                raise Unreadable(
                    f"{symbol} is written here without an index and with one elsewhere: "
                    "a vector in plain letters? not read"
                )
    undefined: set[str] = set(unread or ())  # free: the step must hold for every value
    for side in sides:
        indexed = side.atoms(sympy.Indexed)
        labels = {e.base.label for e in indexed}
        for e in sorted(indexed, key=str):  # sorted: the same name named on every run
            if str(e.base.label) not in free:
                if open_names:
                    undefined.add(str(e.base.label))
                    continue
                if not isinstance(e.base.label, sympy.Symbol):  # E_n after E = -\log …
                    raise Unreadable(
                        "a name the text defines without an index is written here with one "
                        "(one sample's, or one entry's?): not read"
                    )
                raise Unreadable(
                    f"'{e}' has no meaning here: define {e.base.label} in the document"
                )
        for symbol in sorted(side.free_symbols - labels - indexed, key=str):
            # (a plain a in a text that never writes a_i: not the default logits, its own)
            named = str(symbol) in free and str(symbol) not in meanings.unwritten
            if not (is_index(symbol) or symbol == N or named):
                if open_names:
                    undefined.add(str(symbol))
                    continue
                raise Unreadable(f"'{symbol}' has no meaning here: define it in the document")
    return undefined


def check_bounds(sides: list[sympy.Expr]) -> None:
    """A sum that runs to a letter the step uses nowhere else (``\\sum_{j=1}^d`` in a document
    whose size is K) runs to a size other than the document's N: judging it as a partial sum up
    to an index d would refute the author's full sum at d = 1, so it is not judged."""
    elsewhere: set[sympy.Basic] = set()
    bounds: set[sympy.Symbol] = set()
    for side in sides:
        for total in side.atoms(sympy.Sum, sympy.Product):
            for _, _, upper in total.limits:
                bounds |= {
                    s
                    for s in upper.free_symbols
                    if is_index(s) and not isinstance(s, sympy.Dummy)  # an outer sum's index
                }
    if not bounds:
        return  # the common case: what the sums' terms hold need not be computed
    for side in sides:
        terms = side.replace(sympy.Sum, lambda term, *_: term)
        elsewhere |= terms.replace(sympy.Product, lambda term, *_: term).free_symbols
    for bound in sorted(bounds - elsewhere, key=str):
        kind = "sum" if any(s.has(sympy.Sum) for s in sides) else "product"
        raise Unreadable(
            f"a {kind} runs to {bound}, which is not the size of the document's other sums: "
            f"two sizes, or a partial {kind}? not read"
        )


def check_one_meaning(exprs: list[sympy.Expr], where: str = "") -> None:
    """One letter, one meaning in a step: ``T`` written as an index (``\\sigma_T``) and as a value
    (``z_i / T``, ``\\partial T``) would be two different symbols, and a derivative by the value
    would pass the index by (0, so a correct step "fails"): not read."""
    seen: dict[str, sympy.Symbol] = {}
    for expr in exprs:
        labels = {e.base.label for e in expr.atoms(sympy.Indexed)}  # y of y_i: no value
        for symbol in sorted(expr.free_symbols - labels, key=sympy.default_sort_key):
            if not isinstance(symbol, sympy.Symbol) or isinstance(symbol, sympy.Dummy):
                continue
            other = seen.setdefault(symbol.name, symbol)
            if other != symbol:
                raise Unreadable(
                    f"'{symbol.name}' is written both as an index and as a value{where}: "
                    "which is meant? not read"
                )


_ACCENTED = lazy(r"[a-zA-Z](?:hat|tilde|bar)")
_DERIVATIVE = lazy(r"\\partial|\\nabla|∂|\\frac\s*\{\s*d")


def free_leaves(
    sides: list[str], read: tuple[sympy.Expr, sympy.Expr], used: set[str], meanings: Meanings
) -> list[str]:
    """The names a step writes (itself or through the names it uses: L = -\\log p_c brings the
    labels y of L) that the document never states: a flag must not rest on them. A prediction
    the text never defines counts only in a step with a derivative (∂L/∂z_i beside
    L = -Σ p_i log q_i)."""
    written = {name_of(e) for side in read for e in side.atoms(sympy.Indexed)}
    written |= {  # ŷ written without an index (a scalar output the text differentiates)
        s.name for side in read for s in side.free_symbols if _ACCENTED.fullmatch(s.name)
    }
    written |= {
        name_of(e)
        for name in used & meanings.table.keys()
        for e in meanings.table[name].value.atoms(sympy.Indexed)
    }
    unstated = set(meanings.unstated_leaves)
    if any(_DERIVATIVE.search(side) for side in sides):
        unstated |= meanings.undefined_predictions
    else:  # -Σ y_i log ŷ_i = -Σ y_i log \frac{e^{x_i}}{…}: a prediction put in, its meaning
        unstated |= meanings.undefined_predictions & _one_sided(read, meanings)
    return sorted(
        name
        for name in written & unstated
        if name not in meanings.unread_free or _matters(name, read)
    )


def _one_sided(read: tuple[sympy.Expr, sympy.Expr], meanings: Meanings) -> set[str]:
    """The names of entries one side writes (itself or through a name it uses) and the other
    does not."""
    names = []
    for side in read:
        written = {name_of(e) for e in side.atoms(sympy.Indexed)}
        written |= {s.name for s in side.free_symbols}
        for name in written & meanings.table.keys():
            written |= {name_of(e) for e in meanings.table[name].value.atoms(sympy.Indexed)}
        names.append(written)
    return names[0] ^ names[1]


def _matters(name: str, read: tuple[sympy.Expr, sympy.Expr]) -> bool:
    """Whether the two sides' difference may depend on the entries of ``name`` (a flag that
    holds for every value of them does not rest on them: ``log(p/q) + 1`` against ``log(p/q)``)."""
    try:
        difference = (read[0] - read[1]).doit()
        entries = [e for e in difference.atoms(sympy.Indexed) if name_of(e) == name]
        return (
            any(
                prove(sympy.diff(difference, e), sympy.Integer(0)).status != "proved"
                for e in entries
            )
            or not entries
            and _named(difference, name)
        )
    except (TypeError, ValueError, ArithmeticError, RecursionError, SymsoftError):
        return True


def _named(expr: sympy.Expr, name: str) -> bool:
    return any(s.name == name for s in expr.free_symbols if isinstance(s, sympy.Symbol))


def below_one(variables: list[sympy.Expr], expr: sympy.Expr) -> str | None:
    """Why a derivative of ``expr`` by an entry at an index below 1 (``z_0``) is not read: the
    reader's sums count from 1, so through a sum it would miss the first term; None otherwise."""
    for variable in variables:
        zero = isinstance(variable, sympy.Indexed) and any(
            i.is_Integer and i < 1 for i in variable.indices
        )
        if zero and str(variable.base) in ZERO_APART.get():  # type: ignore[attr-defined]
            continue  # w_0 + \sum_{j=1}^M w_j x_j: entry 0 apart, the sums from 1 the text's
        if zero and expr.has(sympy.Sum):
            written = f"{variable.base}_{variable.indices[0]}"  # type: ignore[attr-defined]
            return f"a derivative by {written} through a sum that counts from 1: not read"
    return None
