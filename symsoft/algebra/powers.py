"""Powers with a symbolic exponent, ``(1 - p_t)^{\\gamma}`` beside ``(1 - p_t)^{\\gamma - 1}``
(the focal loss): one generator ``G = b^{\\gamma}`` for each base and exponent, up to a whole
number, so that ``b^{\\gamma + k} = G b^k``.  For integer k that is an identity wherever b is
not 0 (principal branch: ``e^{(\\gamma + k) \\log b} = e^{\\gamma \\log b} b^k``), so a difference
that is 0 as a rational function of G and the rest is 0: a proof, never a refutation."""

from __future__ import annotations

import sympy


def with_power_generators(
    lhs: sympy.Expr, rhs: sympy.Expr
) -> tuple[sympy.Expr, sympy.Expr, dict[sympy.Dummy, sympy.Expr]] | None:
    """Both sides with each symbolic power ``b^{e + k}`` written ``G·b^k``, and what each G
    stands for; None when no power has a symbolic exponent.

    >>> g, p = sympy.symbols("gamma p", positive=True)
    >>> left, right, stands = with_power_generators((1 - p) ** g, (1 - p) * (1 - p) ** (g - 1))
    >>> sympy.simplify(left - right), list(stands.values())
    (0, [(1 - p)**gamma])
    """
    powers = [
        power
        for side in (lhs, rhs)
        for power in side.atoms(sympy.Pow)
        if power.exp.free_symbols and not power.exp.is_Integer
    ]
    if not powers:
        return None
    generators: dict[tuple[sympy.Expr, sympy.Expr], sympy.Dummy] = {}
    rewritten: dict[sympy.Expr, sympy.Expr] = {}
    for power in powers:
        whole, rest = power.exp.as_coeff_Add()
        if not whole.is_Integer:
            whole, rest = sympy.S.Zero, power.exp
        key = (power.base, rest)
        generator = generators.setdefault(key, sympy.Dummy(f"G{len(generators)}", real=True))
        rewritten[power] = generator * power.base**whole
    stands = {generator: base**rest for (base, rest), generator in generators.items()}
    return lhs.xreplace(rewritten), rhs.xreplace(rewritten), stands
