"""Reading a step's sides into SymPy, with the reason a side is not read (a mixin of the
document's judge: its ``text``, ``reader`` and ``meanings``)."""

from __future__ import annotations

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.spans import Span
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.unsure import _NotChecked
from symsoft.reading.meaning.products import product_of_names


class _SideReading:
    """``read`` a side of the text, ``read_written`` a side rewritten (plain vectors bold)."""

    def read(self, span: Span) -> sympy.Expr:
        written, spaces = self.text.slice(span.start, span.end), []
        while True:
            try:
                return self.reader.expression(written)
            except Unreadable as exc:
                pos = product_of_names(exc, written, self.meanings.lone_letters)
                if pos is None or len(spaces) >= 4:
                    at = exc.pos - sum(1 for space in spaces if space <= exc.pos)
                    raise _NotChecked(exc.reason, span.start + at) from None
                written, spaces = written[:pos] + " " + written[pos:], [*spaces, pos]
            except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
                raise _NotChecked(f"cannot read it ({type(exc).__name__})", span.start) from None

    def read_written(self, written: str, start: int) -> sympy.Expr:
        try:
            return self.reader.expression(written)
        except Unreadable as exc:
            raise _NotChecked(exc.reason, start) from None
        except (SymsoftError, RecursionError, ValueError, TypeError, ArithmeticError) as exc:
            raise _NotChecked(f"cannot read it ({type(exc).__name__})", start) from None
