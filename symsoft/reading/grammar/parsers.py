"""LALR parsers of the package's grammars, their tables kept between runs.

Building the LALR(1) tables of ``latex.lark`` takes about 0.1 s, as long as everything else a
claim needs beyond importing SymPy.  Lark can keep the built parser in a file and check, before
it loads it, that the file was built from the same grammar, options, Lark and Python
(``Lark(cache=…)``); a stale or damaged file is rebuilt.  The file lives in the user's own cache
directory (``$XDG_CACHE_HOME/symsoft``, else ``~/.cache/symsoft``), never in a shared temporary
folder, and its name carries a hash of the grammar, so checkouts with different grammars do not
overwrite each other.  Without a writable cache directory the parser is built every time.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import sys
from pathlib import Path

import lark


def cache_directory() -> Path | None:
    """Where built parsers are kept, created if needed; None when it cannot be written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "symsoft"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def lalr(grammar_file: str, **options: object) -> lark.Lark:
    """The LALR parser of ``symsoft/reading/<grammar_file>``, loaded from the cache when it was
    built before (see the module's docstring).

    >>> lalr("latex.lark", lexer="basic", start=["expression"]).parse("x").data
    'expression'
    """
    grammar = (
        importlib.resources.files("symsoft.reading.grammar")
        .joinpath(grammar_file)
        .read_text("utf-8")
    )
    folder = cache_directory()
    if folder is None:
        return lark.Lark(grammar, parser="lalr", **options)
    key = repr((grammar, sorted(options.items()), lark.__version__, sys.version_info[:2]))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    cache = folder / f"{Path(grammar_file).stem}-{digest}.lark-cache"
    return lark.Lark(grammar, parser="lalr", cache=str(cache), **options)


__all__ = ["cache_directory", "lalr"]
