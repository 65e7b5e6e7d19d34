"""`import symsoft` stays cheap: SymPy, FLINT and Jinja load on first use, not at import; the
commands that need no mathematics (`--help`, `list`, bad input) never load SymPy."""

import subprocess
import sys

import pytest

HEAVY = ("sympy", "flint", "jinja2", "lark")


def _loaded_after(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys\nprint('loaded:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("loaded:"), result.stdout
    return [name for name in last.removeprefix("loaded:").split(",") if name]


def test_import_is_lazy():
    assert _loaded_after("import symsoft") == []


COMMANDS = [
    ["--help"],
    ["verify", "--help"],
    ["list"],
    ["--version"],
    ["verify", "--n", "abc"],
    ["verify", "--n", "0"],
    ["verify", "--n", "4", "--theorem", "no-such-theorem"],
    ["verify", "--n", "4", "--samples", "99"],
    ["frobnicate"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_commands_without_mathematics_never_load_sympy(argv):
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['symsoft', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('symsoft', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass"
    )
    assert "sympy" not in _loaded_after(code)


def test_a_command_that_proves_does_load_sympy():
    # the twin: the probe would see SymPy if a command loaded it
    code = (
        "from symsoft.cli import main\n"
        "main(['verify', '--n', '2', '--theorem', 'softmax-jacobian-diagonal', '--no-witness'])"
    )
    assert "sympy" in _loaded_after(code)


def test_public_names_resolve():
    import symsoft

    for name in symsoft.__all__:
        assert getattr(symsoft, name) is not None
    assert symsoft.__version__
