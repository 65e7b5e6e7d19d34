"""The gradient of a function written at its one argument, ``\\nabla \\ell(\\mathbf{w})``,
``\\nabla J(\\theta)``, ``\\nabla_{} L(w)``: the gradient by that argument, spelled
``\\nabla_{\\mathbf{w}} \\ell`` (same length: the columns stay the file's).  An argument that is
no one letter (``\\nabla L(\\mathbf{w}, b)``, ``\\nabla f(\\mathbf{x}_i)``) is left as written.
"""

from __future__ import annotations

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_LETTER = r"(?:[A-Za-z]|\\(?:theta|beta|alpha|omega|phi|psi|eta|mu|xi))(?![A-Za-z])"
_ARGUMENT = (
    r"(?:\\(?:mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*" + _LETTER + r"\s*\}"
    r"|\\(?:mathbf|boldsymbol|bm|vec)\s+[A-Za-z](?![A-Za-z])|" + _LETTER + ")"
)
_CALL = lazy(
    r"\\nabla(?![A-Za-z])(?:\s*_\s*\{\s*\})?(?P<space>\s*)"
    r"(?P<name>[A-Za-z](?![A-Za-z])|\\ell(?![A-Za-z])|\\mathcal\s*\{\s*[A-Z]\s*\}|\\mathcal\s+[A-Z])"
    r"\s*(?:\\left\s*)?\(\s*(?P<argument>" + _ARGUMENT + r")\s*(?:\\right\s*)?\)"
)


def spell_nabla_calls(text: Text) -> None:
    """Each ``\\nabla F(v)`` of one argument spelled ``\\nabla_{v} F`` in place."""
    everything = "".join(text.chars)
    for call in _CALL.finditer(everything):
        name, argument = call.group("name"), " ".join(call.group("argument").split())
        spelled = f"\\nabla_{{{argument}}}{name}"
        width = call.end() - call.start()
        if len(spelled) > width and len(argument) == 1:
            spelled = f"\\nabla_{argument}{name}"  # \nabla\ell(w): \nabla_w\ell
        if len(spelled) > width:
            continue
        text.chars[call.start() : call.end()] = list(spelled.ljust(width))
