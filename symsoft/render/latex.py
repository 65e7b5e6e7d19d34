"""LaTeX text for the reports: escaping prose for LaTeX, and long formulas set on several lines
(shared by the LaTeX and the HTML report, so that both show the same lines)."""

from __future__ import annotations

import functools
import re

__all__ = ["LINE_WIDTH", "break_lines", "latex_escape"]

# --------------------------------------------------------------------------- escaping

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "\n": " ",
}
# Characters pdfLaTeX cannot typeset from UTF-8 without extra packages.
_LATEX_UNICODE = {
    "≈": r"$\approx$",
    "≠": r"$\neq$",
    "≤": r"$\leq$",
    "≥": r"$\geq$",
    "→": r"$\to$",
    "⇒": r"$\Rightarrow$",
    "−": r"$-$",
    "·": r"$\cdot$",
    "×": r"$\times$",
    "∂": r"$\partial$",
    "∑": r"$\sum$",
    "Σ": r"$\Sigma$",
    "δ": r"$\delta$",
    "∈": r"$\in$",
    "∎": r"$\blacksquare$",
    "…": r"\dots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
}


def latex_escape(text: object) -> str:
    """``text`` as LaTeX that typesets it literally (for titles and reasons, not for math).

    >>> latex_escape("p_i - y_i holds 100% & more ≈ {all}")
    'p\\\\_i - y\\\\_i holds 100\\\\% \\\\& more $\\\\approx$ \\\\{all\\\\}'
    """
    out = []
    for char in str(text):
        if char in _LATEX_SPECIALS:
            out.append(_LATEX_SPECIALS[char])
        elif char in _LATEX_UNICODE:
            out.append(_LATEX_UNICODE[char])
        elif ord(char) < 0x80 or 0xA0 <= ord(char) <= 0xFF:
            out.append(char)
        else:
            # Never let an unknown character stop the PDF build; name it instead.
            out.append(rf"\texttt{{[U+{ord(char):04X}]}}")
    return "".join(out)


# --------------------------------------------------------------------------- long formulas
# SymPy's derivatives of large sums run far past a line, and neither TeX's display math nor
# MathML in a browser breaks lines.  A long formula is set as a left-aligned array, broken
# before a top-level + or −, so that both formats show the same lines.

LINE_WIDTH = 52.0  # in rough character widths of the displayed formula
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}^_]|\s+|[^\\{}^_\s]")


def _group(tokens: list[str], start: int) -> int:
    """The index just past the group or single token starting at ``start``."""
    if start >= len(tokens) or tokens[start] != "{":
        return start + 1
    depth = 0
    for position in range(start, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[position], 0)
        if depth == 0:
            return position + 1
    return len(tokens)


def _width(tokens: list[str]) -> float:
    """How wide ``tokens`` typeset, roughly: fractions as wide as their wider part."""
    width, position = 0.0, 0
    while position < len(tokens):
        token = tokens[position]
        if token == r"\frac":
            top_end = _group(tokens, position + 1)
            end = _group(tokens, top_end)
            width += max(_width(tokens[position + 1 : top_end]), _width(tokens[top_end:end]))
            position = end
            continue
        if token in ("^", "_"):
            end = _group(tokens, position + 1)
            width += 0.7 * _width(tokens[position + 1 : end])
            position = end
            continue
        if token in (r"\left", r"\right", "{", "}") or token.isspace():
            pass
        elif token.startswith("\\") and len(token) > 2:
            width += 2.0 if token in (r"\log", r"\exp", r"\sin", r"\cos") else 1.0
        else:
            width += 1.0
        position += 1
    return width


def _terms(latex: str) -> list[str]:
    r"""``latex`` cut before each + or − that is not inside braces or ``\left … \right``."""
    tokens = _TOKEN.findall(latex)
    terms, current, depth = [], [], 0
    for token in tokens:
        if token == "{" or token == r"\left":
            depth += 1
        elif token == "}" or token == r"\right":
            depth -= 1
        elif depth == 0 and token in ("+", "-") and "".join(current).strip():
            terms.append("".join(current).strip())
            current = []
        current.append(token)
    terms.append("".join(current).strip())
    return terms


@functools.lru_cache(maxsize=1024)
def break_lines(latex: str, width: float = LINE_WIDTH) -> str:
    r"""``latex`` set on several lines when it is wider than ``width`` (else unchanged).

    >>> break_lines(r"a + b", width=10)
    'a + b'
    >>> break_lines(r"a + b - c", width=3)
    '\\begin{array}{l}\\displaystyle a + b\\\\ \\displaystyle \\qquad - c\\end{array}'
    """
    if _width(_TOKEN.findall(latex)) <= width:
        return latex
    lines: list[str] = []
    for term in _terms(latex):
        term_width = _width(_TOKEN.findall(term))
        if lines and _width(_TOKEN.findall(lines[-1])) + term_width <= width:
            lines[-1] += " " + term
        else:
            lines.append(term)
    if len(lines) == 1:
        return latex
    rows = [r"\displaystyle " + lines[0]]
    rows += [r"\displaystyle \qquad " + line for line in lines[1:]]
    return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"
