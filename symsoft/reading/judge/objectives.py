"""An objective written as a step: ``\\max_{w} \\prod_i p_i = \\max_{w} \\sum_i \\log p_i``,
``\\arg\\min_\\theta …``, ``\\underset{w}{\\arg\\max} …``.  Such a step says that both sides are
maximised (or minimised) by the same parameters, not that two values are equal: the maximum of
a likelihood is not the maximum of its logarithm.  It is neither proved nor refuted as an
equality of values.

The max shift of log-sum-exp, ``m = \\max_k z_k``, is a value: a ``\\max`` over an index letter
(i to n) is left to :mod:`symsoft.reading.judge.shifts`.
"""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

_OPERATOR = (
    r"\\arg\s*\\?(?:max|min)|\\operatorname\*?\s*\{\s*arg\s*(?:\\[,;!]\s*)?(?:max|min)\s*\}"
    r"|\\(?:mathrm|text|textrm)\s*\{\s*arg\s*\\?(?:max|min)\s*\}|\\arg(?:max|min)"
)
_GROUP = r"\{(?:[^{}]|\{[^{}]*\})*\}"
# an operator at the start of a side (after a sign): argmax and argmin whatever they run over,
# \max and \min over what is not an index letter (\max_{w,b}, \min_\theta, \max\limits_{\mathbf{w}})
_LEADING = lazy(
    r"^\s*[-+]?\s*(?:"
    rf"(?:{_OPERATOR})(?![a-zA-Z])(?:\s*(?:\\limits\s*)?_\s*(?:{_GROUP}|\\[a-zA-Z]+|[a-zA-Z]))?"
    rf"|\\underset\s*{_GROUP}\s*\{{\s*(?:{_OPERATOR}|\\max|\\min)\s*\}}"
    rf"|\\(?:max|min)\s*(?:\\limits\s*)?_\s*(?P<over>{_GROUP}|\\[a-zA-Z]+|[a-zA-Z])"
    r")"
)
# a max over an index (\max_k, \max_{1 \le k \le K}, \max_{k'}): the max shift's value
_INDEX = lazy(r"(?<![a-zA-Z\\])[i-n](?![a-zA-Z])")
_COMMAND = lazy(r"\\[a-zA-Z]+")


def objective(lhs: str, rhs: str) -> str:
    """Why a step led by ``\\max_w`` / ``\\arg\\max`` / ``\\min`` over parameters is not an
    equality of values, or "".

    >>> objective(r"\\max_{w} \\prod_i p_i", r"\\max_{w} \\sum_i \\log p_i")[:29]
    'an optimisation objective (\\\\m'
    >>> objective(r"m", r"\\max_k z_k"), objective(r"m", r"\\max_{1 \\le k \\le K} z_k")
    ('', '')
    """
    for side in (lhs, rhs):
        found = _LEADING.search(side)
        if found and not (found["over"] and _INDEX.search(_COMMAND.sub(" ", found["over"]))):
            return (
                f"an optimisation objective ({found.group().strip()} …): the step says what "
                "the parameters maximise or minimise, not that two values are equal"
            )
    return ""
