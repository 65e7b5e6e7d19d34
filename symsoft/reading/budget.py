"""Wall-time budgets for work that SymPy cannot bound by size alone.

The size bounds (exponents, terms, nesting) come first and decide most hostile inputs at once;
:func:`time_limit` is the backstop for a step or claim that stays within them and still takes
too long.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class OutOfTime(BaseException):
    """Raised by the alarm inside SymPy; a BaseException so that no ``except Exception`` on the
    way out swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` of wall time with :class:`OutOfTime` (POSIX, main
    thread only; elsewhere the size bounds and the overall budgets still apply).

    >>> with time_limit(5):
    ...     1 + 1
    2
    """
    main = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not main:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        # raised inside a garbage-collector callback or a __del__, the exception is lost
        # ("unraisable") and the body runs on: the alarm rings again until one gets out
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        raise OutOfTime

    # inside another limit (a claim of a file, a step being read): the outer one keeps running
    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    began = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer else seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
            if outer:
                signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - began), 1e-3))
