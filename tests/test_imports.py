"""`import symsoft` stays cheap: SymPy, FLINT and Jinja load on first use, not at import."""

import subprocess
import sys


def test_import_is_lazy():
    code = (
        "import sys, symsoft; "
        "heavy = [m for m in ('sympy', 'flint', 'jinja2', 'lark') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_public_names_resolve():
    import symsoft

    for name in symsoft.__all__:
        assert getattr(symsoft, name) is not None
    assert symsoft.__version__
