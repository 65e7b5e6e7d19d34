"""`import symsoft` stays cheap: SymPy, FLINT and Jinja load on first use, not at import; the
commands that need no mathematics (`--help`, `list`, bad input) never load SymPy."""

import ast
import subprocess
import sys
from pathlib import Path

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
    ["check", "/no/such/notes.md"],
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


# ------------------------------------------------------------------------------ import graph

PACKAGE = Path(__file__).resolve().parent.parent / "symsoft"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(name: str, path: Path, modules: set[str]) -> set[str]:
    """The symsoft modules ``name`` imports anywhere (functions included), except under
    ``if TYPE_CHECKING:``; the package root, which every submodule passes through, is left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for statement in branch.body
        for node in ast.walk(statement)
    }
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.update(t for t in targets if t in modules and t not in (name, "symsoft"))
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: _imports(name, path, set(paths)) for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 30 and graph["symsoft.render.report"]
    assert cycles(graph) == set()  # deferred imports inside functions count too


def test_the_cycle_finder_sees_a_cycle_through_a_deferred_import():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == {frozenset({"a", "b", "c"})}
    assert cycles({"a": {"b"}, "b": set()}) == set()


def test_the_results_model_imports_nothing_of_symsoft():
    assert import_graph()["symsoft.results"] == set()


def test_a_printer_imports_the_results_not_the_other_way():
    graph = import_graph()
    assert "symsoft.results" in graph["symsoft.render.fragments"]
    assert not any(name.startswith("symsoft.render") for name in graph["symsoft.results"])


def test_the_annotated_report_receives_a_document_it_does_not_import_the_reader():
    imported = import_graph()["symsoft.render.annotation"]
    assert "symsoft.render.environment" in imported
    assert not any(name.startswith("symsoft.reading") for name in imported)


def test_import_of_the_results_and_the_report_is_lazy():
    assert _loaded_after("import symsoft.results, symsoft.render.report") == []


def test_every_module_is_under_500_lines():
    """Issue 10: a module is one piece of logic a reader can hold; past 500 lines it is split."""
    long = {
        _module_name(path): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
