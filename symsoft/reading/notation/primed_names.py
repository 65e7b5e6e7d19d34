"""A letter the document defines, written primed without an argument: its derivative.

"Denote $u = e^x$ and $v = e^{-x}$ … $\\frac{dy}{dx} = \\frac{v u' - u v'}{(u + v)^2}$ … $u' =
e^x$": ``u'`` is the derivative of u's meaning by its one variable, as calculus courses write
the quotient rule for particular functions. Read so only when the meaning in force has exactly
one variable (a letter that is no index and no size): ``u = wx + b`` has two, and ``u'`` then
names no one derivative (by w? by x?), so it is left to the grammar, which does not read it.
A letter the document defines in function notation, ``f(x) = …``, is its derivative at its own
variable.

>>> from symsoft.reading.meaning.table import Meaning, Meanings
>>> x = sympy.Symbol("x", real=True)
>>> meanings = Meanings(table={"u": Meaning("u", None, sympy.exp(2 * x), "line 1", "u = e^{2x}")})
>>> values = {}
>>> primed_names("v u' - u v'", meanings, values).replace("\\ue000", "#")
"v #_{2,1} - u v'"
>>> values
{\\ue000[2, 1]: 2*exp(2*x)}
"""

from __future__ import annotations

import re

import sympy

from symsoft.reading.judge.names import Unreadable
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.derivatives import primed_group

CUT = "\ue000"  # a private-use character: a name no document can write
_PLACEHOLDER = sympy.IndexedBase(CUT)  # CUT_{k,n}: the n-th value cut out of a side (sides.py)
# u', u'', u^{\prime}: a letter alone (no index, no call after it)
_PRIMED_NAME = lazy(
    r"(?<![\\a-zA-Z_])(?<!_\{)([a-zA-Z])\s*((?:'|\u2019|\^\s*\{?\s*\\prime\s*\}?)+)"
    r"(?!\s*(?:\\left\s*)?[(_'\u2019])"
)


# N(z), K(\mathbf{x}): a count of the grammar applied to a letter
_COUNT_CALL = lazy(
    r"(?<![\\a-zA-Z])([NKM])\s*(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*[a-zA-Z]\s*\}?"
    r"\s*(?:\\right\s*)?\)"
)


_POWER_CALL = lazy(r"(?<![\\A-Za-z])([A-Za-z])\s*\^\s*(?:\{\s*\d\s*\}|\d)\s*(?:\\left\s*)?\(")


def check_written(text: str, meanings: Meanings) -> None:
    """:class:`Unreadable` for what no side may write: the reader's private character, and a
    count letter applied to a letter (``N(z)`` beside ``\\sum_{k=1}^N``: the count times z, or
    a function N of z?) where the text gives the letter no meaning of its own, and a power of a
    function applied (``f^2(x)`` left so in a text that composes functions: see power_calls)."""
    if CUT in text:
        raise Unreadable("the character U+E000 is reserved", text.index(CUT))
    for power in _POWER_CALL.finditer(text):
        if power.group(1) in meanings.functions:  # (a text that composes functions: f∘f?)
            raise Unreadable(
                f"ambiguous {power.group().strip()!r}: a power of {power.group(1)}(…), or "
                f"{power.group(1)} applied again? not read",
                power.start(),
            )
    for call in _COUNT_CALL.finditer(text):
        meaning = meanings.table.get(call.group(1))
        if meaning is None or meaning.source == "standard":
            raise Unreadable(
                f"ambiguous {call.group().strip()!r}: the count {call.group(1)} times what follows,"
                f" or a function {call.group(1)}? not read",
                call.start(),
            )


def primed_names(text: str, meanings: Meanings, values: dict[sympy.Expr, sympy.Expr]) -> str:
    """``text`` with each primed letter of one variable replaced by a placeholder ``CUT_{2,n}``
    whose value (the derivative) is put in ``values``."""
    text = _primed_groups(text, meanings)
    if not meanings.primes_differentiate or not re.search(r"'|\u2019|\\prime", text):
        return text
    text = _primed_entries(text, meanings)
    out, pos = [], 0
    for match in _PRIMED_NAME.finditer(text):
        value = _derivative(match.group(1), _order(match.group(2)), meanings)
        if value is None:
            continue
        key = _PLACEHOLDER[2, len(values) + 1]
        values[key] = value
        out.append(text[pos : match.start()] + f"{CUT}_{{2,{len(values)}}}")
        pos = match.end()
    return "".join(out) + text[pos:]


# g_i', g'_i, g_{i}^{\prime}: a letter with one subscript, primed before or after it
_PRIMES = r"((?:'|\u2019|\^\s*\{?\s*\\prime\s*\}?)+)"
_SUBSCRIPT = r"_\s*(\{[^{}]*\}|[a-zA-Z0-9])"
_PRIMED_ENTRY = lazy(
    rf"(?<![\\a-zA-Z_])(?<!_\{{)([a-zA-Z])\s*(?:{_SUBSCRIPT}\s*{_PRIMES}|{_PRIMES}\s*{_SUBSCRIPT})"
    r"(?!\s*(?:\\left\s*)?[(_'\u2019^])"
)


def _primed_entries(text: str, meanings: Meanings) -> str:
    """``g_i'`` of a letter the document defines entry by entry (``g_i = e^{a_i}``), in a chain
    that a derivative opens: that derivative of the entry, written out (prime_heads.py)."""
    if meanings.prime_by is None or not meanings.prime_text:
        return text

    def spelled(match: re.Match[str]) -> str:
        letter = match.group(1)
        meaning = meanings.table.get(letter)
        if meaning is None or meaning.index is None or meaning.source in ("standard", "--define"):
            return match.group()
        if not isinstance(meaning.value, sympy.Expr) or not _direct(letter, meanings):
            return match.group()
        index = match.group(2) or match.group(5)
        order = _order(match.group(3) or match.group(4))
        power = f"^{{{order}}}" if order > 1 else ""
        by = meanings.prime_text
        return rf"\frac{{\partial{power} {letter}_{{{index.strip('{}')}}}}}{{\partial {by}{power}}}"

    return _PRIMED_ENTRY.sub(spelled, text)


def _order(primes: str) -> int:
    return primes.count("'") + primes.count("\u2019") + primes.count("\\prime")


# written against a group, a letter is a factor (\\cdot, \\left are no factors)
_FACTOR = lazy(
    r"(?:\\(?:sigma|alpha|beta|theta|lambda|mu|phi|psi|tau|eta|pi|omega)|(?<![\\A-Za-z])[A-Za-z])$"
)


def _primed_groups(text: str, meanings: Meanings) -> str:
    """``(1 - p)'`` where the text defines p by one variable x: ``\\frac{d}{dx}(1 - p)``, as
    ``p'`` is its derivative by x (never by p: 1 - p is no function of p there).  A letter
    written against the group, ``p(1 - p)'``, makes it the prime of ``(1 - p)`` or of the
    product ``p(1 - p)``: not read."""
    pos = 0
    while (group := primed_group(text, pos)) is not None:
        factor = _FACTOR.search(text[: group.start()].rstrip())
        if factor is not None:
            raise Unreadable(
                f"ambiguous {text[factor.start() : group.end()].strip()!r}: the prime of the "
                "group, or of the product before it? not read",
                factor.start(),
            )
        pos = group.end()
        meaning = meanings.table.get(group.letter)
        if meaning is None or meaning.source in ("standard", "--define"):
            continue  # ((1 + e^{-x})^{-1})': by x
        if (found := _variable(group.letter, meanings)) is None:
            raise Unreadable(
                f"{group.letter} is defined, not by one variable: the prime of a group of it "
                "is a derivative by which? not read",
                group.start(),
            )
        variable, _ = found
        closing = text.rindex(")", group.start(), group.end())
        operand = rf"\frac{{d}}{{d{variable.name}}}" + text[group.start() : closing + 1]
        text = text[: group.start()] + operand + text[group.end() :]
        pos = group.start() + len(operand)
    return _chain_groups(_parameter_groups(text, meanings), meanings)


_PRIMED_CLOSE = lazy(r"(?:\\right\s*)?\)\s*(?:'|\u2019|\^\s*\{?\s*\\prime\s*\}?)(?!')")
_GROUP_RUN = lazy(r"(?<![\\A-Za-z])[A-Za-z]+(?![A-Za-z])")  # ax: a and x


def _parameter_groups(text: str, meanings: Meanings) -> str:
    """``(\\frac{1}{1 + e^{-ax}})'`` and ``(-ax)'`` where the text defines its functions of
    one variable x with a parameter a (``f(x) = \\frac{1}{1 + e^{-ax}}``): the derivative by
    x, the variable the text writes its functions of; a is no variable there."""
    found = _variable_and_parameters(meanings)
    if found is None or not _PRIMED_CLOSE.search(text):
        return text
    variable, parameters = found
    if {variable} | parameters <= meanings.lone_letters:  # ax: a product, as the value reads it
        letter = f"[{''.join(parameters)}{variable}]"
        text = re.sub(rf"(?<![\\A-Za-z])({letter})({letter})(?![A-Za-z])", r"\1 \2", text)
    pos = 0
    while (match := _PRIMED_CLOSE.search(text, pos)) is not None:
        pos = match.end()
        close = text.index(")", match.start())
        opening = _opening(text, close)
        inner = text[opening + 1 : close].removesuffix("\\right")
        bare = re.sub(r"\\[A-Za-z]+", " ", inner)
        letters = {c for run in _GROUP_RUN.findall(bare) if run != "e" for c in run}
        if (
            opening < 0
            or variable not in letters
            or not letters - {variable}
            or not letters - {variable} <= parameters
            or re.search(r"[_'\u2019]", inner)
            or _FACTOR.search(text[:opening].rstrip())
        ):
            continue
        text, pos = _differentiated(
            text, opening, close, match.end(), rf"\frac{{d}}{{d{variable}}}"
        )
    return text


def _differentiated(
    text: str, opening: int, close: int, end: int, operator: str
) -> tuple[str, int]:
    """``text`` with ``operator`` put before the group that opens at ``opening`` (or at its
    ``\\left``) and the prime up to ``end`` dropped; and where reading goes on."""
    left = re.search(r"\\left\s*$", text[:opening])
    start = opening - len(left.group()) if left else opening
    operand = operator + text[start : close + 1]
    return text[:start] + operand + text[end:], start + len(operand)


_BOUNDS = lazy(r"\\(?:sum|prod)\s*(?:[_^]\s*(?:\{[^{}]*\}|\w)\s*){0,2}")
_SCRIPT = lazy(r"_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w)")


def _of_the_variable(inner: str, variable: str) -> bool:
    r"""Whether the group writes no letter but the variable's own (its entries, e, indices and
    the bounds of sums aside): ``(\sum_j e^{x_j})'`` by x_i, ``(1)'``; not ``(\sigma(z))'`` in
    a chain by w (σ'(z), or its derivative by w?) nor ``(wx + b)'`` (by which?)."""
    letter = re.fullmatch(
        r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([a-zA-Z])(?![a-zA-Z]).*", variable
    )
    if letter is None:
        return False
    bare = _SCRIPT.sub(" ", _BOUNDS.sub(" ", inner))
    bare = re.sub(r"\\[A-Za-z]+", " ", bare)
    return set(re.findall(r"[A-Za-z]", bare)) <= {letter.group(1), "e"}


def _chain_groups(text: str, meanings: Meanings) -> str:
    r"""``(e^{x_i})'``, ``(\sum_j e^{x_j})'``, ``(1)'`` in a chain that a derivative by x_i opens
    (prime_heads.py): that derivative of the group, as a primed letter there is.  Not where a
    factor stands against the group (``p(1 - p)'``: the prime of which?) nor where the group
    holds a prime of its own."""
    if not meanings.prime_text or not meanings.primes_differentiate:
        return text
    pos = 0
    while (match := _PRIMED_CLOSE.search(text, pos)) is not None:
        pos = match.end()
        close = text.index(")", match.start())
        opening = _opening(text, close)
        if (
            opening < 0
            or re.search(r"['\u2019]|\\prime", text[opening:close])
            or _FACTOR.search(text[:opening].rstrip())
            or not _of_the_variable(text[opening + 1 : close], meanings.prime_text)
        ):
            continue
        by = rf"\frac{{\partial}}{{\partial {meanings.prime_text}}}"
        text, pos = _differentiated(text, opening, close, match.end(), by)
    return text


def _variable_and_parameters(meanings: Meanings) -> tuple[str, frozenset[str]] | None:
    """The one variable of the functions the text defines by a value and the other letters of
    their values, which no definition gives a meaning (``f(x) = \\frac{1}{1 + e^{-ax}}``: x,
    {a}); None when they are functions of different variables."""
    defined = [f for f in meanings.functions.values() if f.value is not None]
    if len({f.variable for f in defined}) != 1:
        return None
    parameters = {
        symbol.name
        for f in defined
        for symbol in f.value.free_symbols  # type: ignore[union-attr]
        if symbol != f.variable and re.fullmatch(r"[A-Za-z]", symbol.name)
    }
    parameters -= set(meanings.table) | set(meanings.functions)
    return defined[0].variable.name, frozenset(parameters)


def _opening(text: str, closing: int) -> int:
    """Where the ``(`` that the ``)`` at ``closing`` closes is, or -1."""
    depth = 0
    for at in range(closing, -1, -1):
        depth += (text[at] == ")") - (text[at] == "(")
        if depth == 0:
            return at
    return -1


def _derivative(name: str, order: int, meanings: Meanings) -> sympy.Expr | None:
    function = meanings.functions.get(name)
    if function is not None:
        if function.value is None:
            return None  # an unknown function of a rule: read where it stands (primed.py)
        return function.at(function.variable, order)
    found = _variable(name, meanings)
    if found is None:
        return _by_chain(name, order, meanings)
    variable, value = found
    return sympy.diff(value, variable, order)


def _by_chain(name: str, order: int, meanings: Meanings) -> sympy.Expr | None:
    """``g'`` of ``g = e^{a_i}`` in a chain that ``\\frac{\\partial S_i}{\\partial a_j}``
    opens: its derivative by a_j (prime_heads.py); None when no derivative opens the chain, when
    the meaning does not depend on its variable (a prime of a constant names nothing), or when
    it is written through another name the text defines (the prime may be by that name)."""
    by, value = meanings.prime_by, _own_value(name, meanings)
    if by is None or value is None:
        return None
    if not _direct(name, meanings):
        return None  # a = σ(z), z = wx + b: a' may be by z, its own argument, not by w
    if isinstance(by, sympy.Indexed):
        depends = any(entry.base == by.base for entry in value.atoms(sympy.Indexed))
    else:
        depends = isinstance(by, sympy.Symbol) and by in value.free_symbols
    return sympy.diff(value, by, order) if depends else None


def _direct(name: str, meanings: Meanings) -> bool:
    """The meaning of ``name`` is written through no other name the text defines (a = σ(z),
    z = wx + b: a' may be by z, its own argument), no capital but a size and no vector (with
    r = y - X\\beta, r'r may be a transpose, as statisticians write it), and applies its
    functions to variables only (not σ(wx + b))."""
    written = meanings.table[name].value
    names = {str(s) for s in written.free_symbols}
    names |= {str(entry.base) for entry in written.atoms(sympy.Indexed)}
    sizes = {str(size) for size in meanings.sizes()} | {"N"}
    capitals = {n for n in names if re.fullmatch(r"[A-Z]", n)} - sizes
    defined = set(meanings.table) - {name}
    if capitals or names & (defined | set(meanings.vector_letters)):
        return False
    # e^{a_i}, \log x: a function of one variable each; σ(wx + b) is a function of its own
    # argument, whose derivative a' may mean (and the text may say so)
    applied = written.atoms(sympy.Function) - written.atoms(sympy.Indexed)
    return all(len(f.args) == 1 and _bare(f.args[0]) for f in applied)


def _bare(argument: sympy.Expr) -> bool:
    """A variable, an entry, or one of them negated (e^{-z})."""
    if isinstance(argument, sympy.Mul) and argument.args[0] == -1 and len(argument.args) == 2:
        argument = argument.args[1]
    return isinstance(argument, sympy.Symbol | sympy.Indexed)


def _own_value(name: str, meanings: Meanings) -> sympy.Expr | None:
    """The meaning the document gives the letter ``name`` (no index), expanded, or None."""
    meaning = meanings.table.get(name)
    if (
        meaning is None
        or meaning.index is not None
        or meaning.source in ("standard", "--define")
        or not isinstance(meaning.value, sympy.Expr)
    ):
        return None
    try:
        return meanings.expand(meaning.value)
    except Unreadable:
        return None


def _variable(name: str, meanings: Meanings) -> tuple[sympy.Symbol, sympy.Expr] | None:
    """The one variable of the meaning of ``name`` in the table and the meaning expanded, or
    None."""
    value = _own_value(name, meanings)
    if value is None:
        return None
    sizes = set(meanings.sizes())
    variables = [
        s
        for s in value.free_symbols
        if s not in sizes and not s.is_integer and not re.fullmatch(r"[A-Z]", s.name)
    ]
    if len(variables) != 1 or value.atoms(sympy.Indexed):
        return None
    return variables[0], value
