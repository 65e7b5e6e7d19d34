"""Shared helpers: re-evaluate a counterexample independently, with SymPy, at its point."""

from __future__ import annotations

import pytest
import sympy
from report_runs import report_large_run, report_proved_run, report_refuted_run  # noqa: F401
from sympy.parsing.sympy_parser import parse_expr

from symsoft.results import Counterexample


def point_values(
    counterexample: Counterexample, symbols: list[sympy.Symbol]
) -> dict[sympy.Symbol, sympy.Expr]:
    """Every symbol's value at the counterexample (our own output, so parsing it is safe)."""
    named = dict(counterexample.point)
    shared = dict(counterexample.others)
    values = {}
    for symbol in symbols:
        name = str(symbol)
        text = named[name] if name in named else shared[name.split("_")[0]]
        values[symbol] = parse_expr(text, {"log": sympy.log})
    return values


def differ_at(lhs: sympy.Expr, rhs: sympy.Expr, counterexample: Counterexample) -> bool:
    """True when lhs and rhs really differ at the point, and take the reported values."""
    lhs, rhs = sympy.sympify(lhs), sympy.sympify(rhs)
    symbols = sorted(lhs.free_symbols | rhs.free_symbols, key=str)
    values = point_values(counterexample, symbols)
    left = sympy.nsimplify(sympy.N(lhs.subs(values), 60), rational=True, tolerance=1e-40)
    right = sympy.nsimplify(sympy.N(rhs.subs(values), 60), rational=True, tolerance=1e-40)
    if counterexample.exact:
        assert left == sympy.Rational(counterexample.lhs), (left, counterexample.lhs)
        assert right == sympy.Rational(counterexample.rhs), (right, counterexample.rhs)
    return abs(sympy.N(lhs.subs(values) - rhs.subs(values), 60)) > 1e-30


def pytest_configure(config: pytest.Config) -> None:
    """The collector of each test process looks at its young objects as ``python -m symsoft``
    does (``cli.console``): every 10,000 allocations, not every 700.  SymPy makes objects by
    the hundred thousand and few cycles among them; the tests that ask ``main()`` in-process
    and read documents spent some 4 % of their CPU in collections that freed nothing."""
    import gc

    from symsoft.cli import _YOUNG_GENERATION

    gc.set_threshold(_YOUNG_GENERATION, *gc.get_threshold()[1:])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The doctest of ``build_pdf`` starts TeX: slow, and skipped where TeX is missing."""
    import shutil

    tex = shutil.which("latexmk") is not None and shutil.which("pdflatex") is not None
    for item in items:
        if item.nodeid.endswith("::symsoft.render.files.build_pdf"):
            item.add_marker(pytest.mark.slow)
            if not tex:
                item.add_marker(pytest.mark.skip(reason="latexmk/pdflatex not on PATH"))
