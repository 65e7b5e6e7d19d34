"""The patterns of the atoms of a vector expression (:mod:`~symsoft.reading.notation.atoms`):
gradients, Jacobians written as fractions, diag, accents, functions taken entry by entry, bold
letters, the identity."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.written_out import _BOLD

_LETTER = rf"(?:{_BOLD}|([a-zA-Z]))"
# L, \ell, and the loss of one sample \ell_i (a number too)
_SCALAR = (
    r"((?:\\mathcal\s*\{\s*L\s*\}|\\(?:ell|eta|zeta|xi)(?![a-zA-Z])|[A-Za-z])"
    r"(?:\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?)"
)
_CALL = r"(?:\s*(?:\\left\s*)?\([^()]*(?:\\right\s*)?\))?"
# a bold letter, or one under an accent (\hat{\mathbf{y}}): three groups
_ACCENTED = r"(?:\\(hat|tilde|bar)\s*\{\s*" + _BOLD + r"\s*\}|" + _BOLD + ")"


_D = r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|d(?=\s*(?:\\|[A-Za-z]\s*\})))"  # ∂, or a total d


_DIAG = (  # diag, written as an operator, in text or as a command
    r"(?:\\operatorname\s*\{\s*[dD]iag\s*\}|\\(?:text|mathrm|textrm)\s*\{\s*[dD]iag\s*\}"
    r"|\\diag(?![a-zA-Z]))"
)


_ATOMS = [
    (  # [\nabla_{v} L]_i: one entry, a scalar
        "entry_gradient",
        lazy(
            r"\[\s*\\nabla\s*_\s*\{?\s*"
            + _LETTER
            + r"\s*\}?\s*"
            + _SCALAR
            + _CALL
            + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"
        ),
    ),
    (  # [\mathbf{v}]_i
        "entry",
        lazy(r"\[\s*" + _BOLD + r"\s*\]\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))"),
    ),
    (  # \nabla^2_{v} L, \nabla_{v} L, \nabla_{\hat{\mathbf{y}}} L
        "gradient",
        lazy(
            r"\\nabla\s*(\^\s*\{?\s*2\s*\}?)?\s*_\s*\{?\s*"
            + rf"(?:{_ACCENTED}|([a-zA-Z]))"
            + r"\s*\}?\s*"
            + r"(\^\s*\{?\s*2\s*\}?)?\s*"
            + _SCALAR
            + _CALL
        ),
    ),
    (  # J_{\mathbf{x}}(\mathbf{s}), \mathbf{J}_{\mathbf{x}}(\mathbf{s}): the Jacobian of s by x
        "jacobian",
        lazy(
            r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*J\s*\}|\\(?:mathbf|boldsymbol|bm)\s+J|(?<![\\a-zA-Z])J)"
            r"\s*_\s*\{\s*"
            + _BOLD
            + r"\s*\}\s*(?:\\left\s*)?\(\s*"
            + _BOLD
            + r"\s*(?:\\right\s*)?\)"
        ),
    ),
    (  # \frac{\partial L}{\partial \mathbf{o}}, \frac{\partial \mathbf{p}}{\partial \mathbf{o}},
        # \frac{\partial J(\mathbf{w})}{\partial \hat{\mathbf{y}}}: groups 1-5 the vector above
        # (an accent, then a bold letter under it, or a bold letter), 6 a scalar, 7-11 the variable
        "fraction",
        lazy(
            r"\\[dt]?frac\s*\{\s*" + _D + r"\s*(?:" + _ACCENTED + r"|" + _SCALAR + _CALL + r")"
            r"\s*\}\s*\{\s*" + _D + r"\s*" + _ACCENTED + r"\s*\}"
        ),
    ),
    (  # \partial \mathbf{p} / \partial \mathbf{z}: the same, written with a slash
        "slashed",
        lazy(
            r"\\partial\s*(?:" + _ACCENTED + r"|" + _SCALAR + _CALL + r")"
            r"\s*/\s*\\partial\s*" + _ACCENTED
        ),
    ),
    (
        "diag",
        lazy(
            _DIAG + r"\s*(?:\\left\s*)?\(\s*" + _BOLD + r"\s*(?:\\right\s*)?\)"
            r"(\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1))?"  # its inverse: diag(1/p)
        ),
    ),
    (  # \hat{\mathbf{y}}: the vector ŷ
        "accented",
        lazy(r"\\(hat|tilde|bar)\s*\{\s*" + _BOLD + r"\s*\}(?!\s*_)"),
    ),
    (  # \log \mathbf{p}, \exp(\mathbf{o}): the function entry by entry
        "elementwise",
        lazy(
            r"\\(log|ln|exp)\s*(?:\\left\s*\(\s*"
            + _ACCENTED
            + r"\s*\\right\s*\)|\(\s*"
            + _ACCENTED
            + r"\s*\)(?!\s*[_^])|"
            + _ACCENTED
            # nothing after it in its term (but a transpose: \log \mathbf{s}^\top is (\log s)^T):
            # \log \mathbf{p} \mathbf{q} may be \log(p q)
            + r"(?=\s*(?:\^\s*(?:\{\s*(?:\\top|T|\\intercal)\s*\}|\\top|T|\\intercal)(?![a-zA-Z]))?"
            + r"\s*(?:$|[-+)\]}.,=&]|\\right(?![a-zA-Z])|\\end(?![a-zA-Z])|\\\\)))"
        ),
    ),
    ("bold", lazy(_BOLD + r"(?!\s*_)")),
    ("identity", lazy(r"(?<![\\a-zA-Z])I(?![a-zA-Z_])")),
]
