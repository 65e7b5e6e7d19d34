"""The one Jinja2 environment of the reports: a loader that finds ``templates/`` in the wheel or
in the checkout, HTML with autoescape, and a LaTeX overlay with its own delimiters (``{#`` opens
a Jinja comment and breaks ``\\newcommand``) and an escaping filter for prose."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from symsoft.errors import ReportError
from symsoft.render.latex import latex_escape
from symsoft.render.mathml import math_filter
from symsoft.render.values import _decimal, _entry

if TYPE_CHECKING:
    import jinja2

__all__ = ["html_environment", "latex_environment", "template_root"]


def template_root() -> Traversable:
    """``templates/``: inside the installed package (wheel) or next to it (checkout)."""
    package = resources.files("symsoft")
    shipped = package / "templates"
    if shipped.is_dir():
        return shipped
    if isinstance(package, Path):
        checkout = package.parent / "templates"
        if (checkout / "report.html.j2").is_file():
            return checkout
    raise ReportError(f"the report templates are missing: looked in '{shipped}' and next to it")


def _loader() -> jinja2.BaseLoader:
    import jinja2

    root = template_root()
    if isinstance(root, Path):
        return jinja2.FileSystemLoader(root)

    def load(name: str) -> str:  # a zipped install: read through importlib.resources
        return (root / name).read_text(encoding="utf-8")

    return jinja2.FunctionLoader(load)


def _filters() -> dict[str, object]:
    return {"entry": _entry, "decimal": _decimal}


def _typographic_minus(text: str) -> str:
    return text.replace("-", "\u2212")


@functools.cache
def html_environment() -> jinja2.Environment:
    """The environment of every template: HTML, autoescaped, undefined names are errors."""
    import jinja2

    env = jinja2.Environment(
        loader=_loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    env.filters["minus"] = _typographic_minus
    env.filters["math"] = math_filter
    env.filters["displaymath"] = functools.partial(math_filter, display="block")
    return env


@functools.cache
def latex_environment() -> jinja2.Environment:
    r"""The same environment for LaTeX templates: ``\BLOCK{…}``, ``\VAR{…}`` and ``\#{…}``
    delimiters, no autoescape, and ``latex_escape`` for text that is not LaTeX."""
    from jinja2.defaults import DEFAULT_FILTERS

    env = html_environment().overlay(
        block_start_string=r"\BLOCK{",
        block_end_string="}",
        variable_start_string=r"\VAR{",
        variable_end_string="}",
        comment_start_string=r"\#{",
        comment_end_string="}",
        autoescape=False,
        cache_size=400,  # a template cache of its own: names are shared, delimiters are not
    )
    # An overlay shares its parent's filter dict; the LaTeX templates get their own.
    env.filters = {**DEFAULT_FILTERS, **_filters(), "latex_escape": latex_escape}
    return env
