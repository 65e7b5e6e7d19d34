"""One exception module: every exception a caller or the command line may see is defined in
symsoft/errors.py; other modules define only private control-flow signals."""

import ast
from pathlib import Path

import symsoft.errors as errors

PACKAGE = Path(errors.__file__).parent
SIGNALS = {"OutOfTime", "ReadingSpent"}  # internal: raised and caught inside the reader


def exception_classes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
            if any(
                base.endswith(("Error", "Exception", "Failed")) or base in dir(errors)
                for base in bases
                if base
            ):
                found.append(node.name)
    return found


def test_public_exceptions_live_in_errors():
    strays = {
        f"{path.relative_to(PACKAGE)}:{name}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "errors.py"
        for name in exception_classes(path)
        if not name.startswith("_") and name not in SIGNALS
    }
    assert strays == set()


def test_the_finder_sees_an_exception_defined_elsewhere(tmp_path):
    stray = tmp_path / "stray.py"
    stray.write_text("class Oops(ValueError):\n    pass\n\nclass _Quiet(Exception):\n    pass\n")
    assert exception_classes(stray) == ["Oops", "_Quiet"]


def test_every_error_a_user_can_provoke_is_a_symsoft_error():
    for name in ("ClaimSyntaxError", "Unreadable", "WorkerFailed", "UsageError", "InputError"):
        assert issubclass(getattr(errors, name), errors.SymsoftError), name
