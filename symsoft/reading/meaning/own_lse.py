"""A text that defines log-sum-exp its own way: ``lse`` is then its name, not the convention.

``lse(z)``, ``\\mathrm{LSE}(\\mathbf{x})`` and ``logsumexp(a)`` are read as ``\\log \\sum_k
e^{z_k}``.  A post that writes ``$lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k}$`` (a sharpened
version) or ``\\mathrm{lse}(\\mathbf{x}) := \\log \\frac{1}{n} \\sum_i e^{x_i}`` means something
else; its correct steps were refuted under the convention.  A definition is one written with
``:=`` (``\\coloneqq``, ``\\triangleq``, ``\\equiv``), alone in inline math in the prose, or at the
start of a display row where the text first writes the name; its value is compared with the
convention at N = 3.

>>> defines_lse_otherwise(r"We use $lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k}$ here.")
True
>>> defines_lse_otherwise(r"$\\mathrm{lse}(\\mathbf{x}) := \\log \\sum_k e^{x_k}$")
False
>>> defines_lse_otherwise(r"$$ lse(z + c) = lse(z) + c $$")
False
>>> defines_lse_otherwise(r"$$ lse(z) = \\log \\sum_k e^{2 z_k} $$")
True
>>> defines_lse_otherwise(r"$$ lse(z) = -b + \\log \\sum_k e^{z_k + b} $$")
False
"""

from __future__ import annotations

import random
import re

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings, softmax_meaning

_NAME = (
    r"(?:\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\s*\{\s*"
    r"(?:LSE|lse|logsumexp|LogSumExp)\s*\}|(?<![a-zA-Z\\])(?:logsumexp|LogSumExp|lse|LSE))"
)
_SOFTMAX = (  # the softmax's entry: \text{softmax}(z)_i, \mathrm{softmax}(\mathbf{z})_{j}, [i]
    r"(?:\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\s*\{\s*[sS]oftmax\s*\}"
    r"|(?<![a-zA-Z\\])[sS]oftmax(?=\\left|\())"
)
_ARGUMENT = r"\s*(?:\\left\s*)?\((?:[^()$]|\([^()$]*\)){1,60}?(?:\\right\s*)?\)"
_ENTRY = r"\s*(?:_\s*(?:\{\s*[a-z]\s*\}|[a-z])|\[\s*[a-z]\s*\])"
# where a formula ends: its closing delimiter, a row break, a paragraph break, the text's end
_FORMULA_END = r"(?:\$|\\\]|\\\\|\n\s*\n|$)"
_SET = r"\s*(?::=|\\coloneqq|\\triangleq|\\equiv|\\stackrel\s*\{[^{}]*\}\s*\{\s*=\s*\})"


class _Forms:
    """Where a text defines the function ``name``: with ``:=``, alone in inline math, or at the
    start of a display row where the text first writes it."""

    def __init__(self, name: str, first: str | None = None) -> None:
        self.defined = lazy(
            r"("
            + name
            + r")"
            + _SET
            + r"\s*([^$]{1,300}?)\s*"
            + _FORMULA_END
            + r"|(?<![$\\])\$\s*("
            + name
            + r")\s*=\s*([^$]{1,300}?)\s*[.,;]?\s*\$(?!\$)"
        )
        self.row = lazy(
            r"(?:\$\$|\\\[|\\\\|\\begin\s*\{[a-z*]+\})\s*(" + name + r")\s*&?\s*=\s*"
            r"((?:(?!\$\$|\\\]|\\\\|\\end\s*\{).){1,300})"
        )
        self.first = lazy(first or name)  # the text's first writing of the name
        self.proportional = lazy(  # \text{softmax}(z)_i \propto e^{z_i / T}
            r"(" + name + r")\s*\\propto\s*([^$]{1,300}?)\s*" + _FORMULA_END
        )


_LSE = _Forms(_NAME + _ARGUMENT, _NAME)
_SOFTMAX_ENTRY = _Forms(_SOFTMAX + _ARGUMENT + _ENTRY)
_SOFTMAX_INDEX_FIRST = _Forms(_SOFTMAX + _ENTRY + _ARGUMENT)  # \text{softmax}_i(z)


def _definitions(text: str, forms: _Forms) -> list[tuple[str, str, bool | None]]:
    """The (name, value, by its place only) triples ``text`` writes as definitions (None: with
    ``:=``, a definition whatever its value)."""
    found = [  # by place False; a := definition (group 1) is explicit: marked by None
        (*((m.group(1), m.group(2)) if m.group(1) else m.group(3, 4)), None if m[1] else False)
        for m in forms.defined.finditer(text)
    ]
    first = next((m for m in forms.first.finditer(text) if not _named_alone(text, m)), None)
    for row in forms.row.finditer(text):
        # the row where the text first writes the name, or (a softmax) a later row of the
        # display that first uses it: L = -\log softmax(z)_y \\ softmax(z)_i = …
        later = forms is not _LSE and first and first.start() < row.start(1)
        if later and _CLOSED.search(text, first.end(), row.start(1)):
            break
        if first and (row.start(1) == first.start() or later) and _of_a_name(row, forms):
            found.append((row.group(1), _first_member(row.group(2)), True))
        if not later:
            break
    return found


_CLOSED = lazy(r"\$\$|\\\]|\\end\s*\{\s*(?:aligned|align|eqnarray|gathered|split)")


def _named_alone(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` stands alone in a sentence's ``$…$`` ("Here $\\text{softmax}(z)_i$ is
    the probability of class $i$"): a mention of the name, not a use of its meaning."""
    opened = text.rfind("$", 0, match.start())
    closed = text.find("$", match.end())
    if (
        opened < 0
        or closed < 0
        or text[opened - 1 : opened] == "$"
        or text[closed + 1 : closed + 2] == "$"
    ):
        return False
    return not text[opened + 1 : match.start()].strip() and not text[match.end() : closed].strip()


def _of_a_name(row: re.Match[str], forms: _Forms) -> bool:
    """Whether a display row that starts with the softmax takes it of a name alone: one of an
    expression (``softmax(\\frac{z}{T})_i = …``) applies the softmax, a claim, no definition."""
    softmax = forms in (_SOFTMAX_ENTRY, _SOFTMAX_INDEX_FIRST)
    return not softmax or _OF_A_NAME.search(row.group(1)) is not None


_OF_A_NAME = lazy(
    r"\((?:\\left)?\s*+(?:\\(?:mathbf|boldsymbol|bm|vec)\s*+\{?\s*+)?[a-zA-Z]\s*+\}?\s*+"
    r"(?:\\right)?\)"
)


def _first_member(value: str) -> str:
    """``value`` up to its first ``=`` outside braces and parentheses (a chain goes on)."""
    depth = 0
    for at, char in enumerate(value):
        if char in "{(":
            depth += 1
        elif char in "})":
            depth -= 1
        elif char == "=" and depth == 0:
            return value[:at]
    return value


def defines_lse_otherwise(text: str) -> bool:
    """Whether ``text`` defines ``lse(…)`` (or ``logsumexp``, ``LSE``) as anything but
    ``\\log \\sum_k e^{…_k}`` of its argument, or in a way not read."""
    return _otherwise(text, _LSE, own_letters=False)


def defines_softmax_otherwise(text: str) -> bool:
    """Whether ``text`` defines the softmax's entry (``\\text{softmax}(z)_i = \\frac{e^{z_i / T}}
    {\\sum_k e^{z_k / T}}``, ``e^{-z_i}`` over its sum) as anything but ``e^{z_i} / \\sum_k
    e^{z_k}``, or in a way not read. A value with an index of its own (``e^{z_j}`` for entry i)
    is a slip, not a definition; any other value (a temperature T, a null class, a sign) is the
    text's own softmax: a definition is no claim to judge."""
    if _SAID_TEMPERED.search(text) and not _TEMPERED_ARGUMENT.search(text):
        return True  # "softmax is taken at temperature $T$": its entries are not e^{z_i} / …
    return any(
        _otherwise(text, forms, own_letters=True)
        for forms in (_SOFTMAX_ENTRY, _SOFTMAX_INDEX_FIRST)
    )


# a softmax with a temperature said in words, in one sentence; and one written with the
# temperature in its argument (softmax(z / T)_i), which the grammar reads
_TEMPERED = (  # a temperature, in the words that say it
    r"(?<!no )(?<!without )(?<!not )\b(?:temperature|tempered|sharpen\w*)\b"
    r"|\b(?:divided|scaled)\s+by\s+(?:a\s+factor|\$\s*(?:T|\\tau|\\beta)\s*\$)"
)
_SAID_TEMPERED = lazy(
    r"(?i)\bsoftmax\b[^.]{0,120}?(?:"
    + _TEMPERED
    + r")|(?:"
    + _TEMPERED
    + r")[^.]{0,120}?\bsoftmax\b"
)
_TEMPERED_ARGUMENT = lazy(r"(?i)softmax\s*\}?\s*(?:\\left\s*)?\([^()$]{0,40}?(?:/|\\frac)")


def _otherwise(text: str, forms: _Forms, own_letters: bool) -> bool:
    if own_letters and any(
        not _proportional(*m.groups()) for m in forms.proportional.finditer(text)
    ):
        return True  # \text{softmax}(z)_i \propto e^{z_i / T}: not the convention's e^{z_i}
    for name, value, by_place in _definitions(text, forms):
        value = value.strip().rstrip(".,;").strip()
        try:
            standard = parse_expression(name, open_names=True)
        except SymsoftError:
            continue  # lse(**a**) = $…$: a name in plain text, not a formula read here
        if not value or (by_place and forms.first.search(value)):
            continue  # lse(x) = lse(x - c) + c: an identity about lse, not its definition
        try:
            own = parse_expression(_as_value(value), open_names=True)
        except SymsoftError:
            if by_place and _MAXIMUM.search(value):
                continue  # lse(x) = \\log \\sum_i \\exp(x_i - \\max{x}) + \\max{x}: the max shift
            return True  # a value not read: the text's own lse, perhaps
        own = _renamed(own, standard)
        if own_letters and by_place is not None and _indices(own) != _indices(standard):
            continue  # e^{z_j} / … for entry i: a slip in the index, not a definition
        if by_place and not own_letters and _letters(own) - _letters(standard):
            continue  # lse(x) = -b + \\log \\sum_i e^{x_i + b}: a claim with a b of its own
        if not _agree(standard, own):
            return True
    return False


def _as_value(value: str) -> str:
    """``value`` with a letter of an index's kind written only as a value (``m + \\log \\sum_i
    e^{x_i - m}``: m the maximum, never a subscript there) spelled as another letter (ω), so
    that the comparison with the convention reads it as the number it is."""
    for letter in "ijklmn":
        alone = rf"(?<![\\a-zA-Z_]){letter}(?![a-zA-Z])"
        script = rf"_\s*(?:{letter}(?![a-zA-Z])|\{{[^{{}}]*(?<![\\a-zA-Z]){letter}(?![a-zA-Z]))"
        bound = rf"\\(?:sum|prod)\s*_\s*(?:\{{[^{{}}]*\}}|\w)\s*\^\s*\{{?\s*{letter}(?![a-zA-Z])"
        if re.search(alone, value) and not re.search(f"{script}|{bound}", value):
            value = re.sub(alone, r"\\omega ", value)
    return value


def _proportional(name: str, value: str) -> bool:
    """Whether ``value`` is the numerator of the convention's ``name`` (``e^{z_i}``)."""
    try:
        standard = parse_expression(name, open_names=True)
        own = _renamed(parse_expression(value.strip().rstrip(".,;"), open_names=True), standard)
    except SymsoftError:
        return False
    return _agree(sympy.fraction(standard)[0], own)


_MAXIMUM = lazy(r"\\max(?![a-zA-Z])|(?<![a-zA-Z\\])max(?![a-zA-Z])")


def _renamed(own: sympy.Expr, standard: sympy.Expr) -> sympy.Expr:
    """``own`` with its one vector named as in ``standard`` (``softmax(X)_i = \\frac{e^{x_i}}
    {\\sum_k e^{x_k}}`` beside ``X = [x_1, …, x_n]``: X and x one vector to this comparison,
    a question of names the judge settles, not of the formula)."""
    bases = [{e.base for e in expr.atoms(sympy.Indexed)} for expr in (own, standard)]
    if len(bases[0]) != 1 or len(bases[1]) != 1 or bases[0] == bases[1]:
        return own
    (old,), (new,) = bases
    return own.replace(
        lambda e: isinstance(e, sympy.Indexed) and e.base == old, lambda e: new[e.indices]
    )


def _indices(expr: sympy.Expr) -> set[str]:
    """The free indices ``expr`` writes (``i`` of ``z_i``), not those summed over."""
    return {str(i) for e in expr.atoms(sympy.Indexed) for i in e.indices if i in expr.free_symbols}


def _letters(expr: sympy.Expr) -> set[str]:
    """The names of the values ``expr`` is written in (not its indices nor the size N)."""
    names = {str(e.base) for e in expr.atoms(sympy.Indexed)}
    indices = {i for e in expr.atoms(sympy.Indexed) for i in e.indices}
    return names | {
        s.name
        for s in expr.free_symbols - indices
        if isinstance(s, sympy.Symbol) and not s.is_integer and s.name != "N"
    }


def _agree(a: sympy.Expr, b: sympy.Expr) -> bool:
    """``a`` and ``b`` take one value at N = 3 at a few points (entries drawn per name)."""
    sums = a.atoms(sympy.Sum) | b.atoms(sympy.Sum)
    size = {s: 3 for s in (a.free_symbols | b.free_symbols) if s.name == "N"}
    size |= {top: 3 for total in sums for *_, top in total.limits if isinstance(top, sympy.Symbol)}
    try:
        a, b = (e.xreplace(size).doit() for e in (a, b))
    except (TypeError, ValueError, NotImplementedError):
        return False
    atoms = sorted(a.atoms(sympy.Indexed) | b.atoms(sympy.Indexed), key=str)
    atoms += sorted((a.free_symbols | b.free_symbols) - set(atoms), key=str)
    rng = random.Random(0)  # deterministic
    for _ in range(3):
        point = {x: sympy.Rational(rng.randint(-20, 20), 7) for x in atoms}
        try:
            difference = complex(sympy.N((a - b).xreplace(point), 30))
        except (TypeError, ValueError):
            return False
        if abs(difference) > 1e-12:
            return False
    return True


# p_i \propto e^{-z_i}: a name's entries defined up to their sum
_NAME_PROPORTIONAL = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*+_\s*+\{?\s*+([a-z])\s*+\}?\s*+\\propto\s*+"
    r"([^$]{1,200}?)\s*" + _FORMULA_END
)


def proportional_names(text: str, meanings: Meanings) -> None:
    """A name whose entries the text defines by ``\\propto`` (``p_i \\propto e^{-z_i}``): the
    softmax of x when the value is ``e^{x_i}``, else a meaning not read (not the default
    softmax the name would otherwise take)."""
    for name, index, value in _NAME_PROPORTIONAL.findall(text):
        meaning = meanings.table.get(name)
        if meaning is not None and meaning.source != "standard":
            continue  # defined otherwise too: that definition is read
        try:
            own = parse_expression(value.strip().rstrip(".,;"), open_names=True)
        except SymsoftError:
            own = None
        if (
            isinstance(own, sympy.exp)
            and isinstance(own.args[0], sympy.Indexed)
            and str(own.args[0].indices[0]) == index
        ):
            meanings.table[name] = softmax_meaning(name, str(own.args[0].base), source="the text")
            continue
        meanings.table.pop(name, None)
        meanings.unreadable[name] = f"{name}_{index} \\propto {' '.join(value.split())}"
