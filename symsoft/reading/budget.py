"""CPU-time budgets for work that SymPy cannot bound by size alone.

The size bounds (exponents, terms, nesting) come first and decide most hostile inputs at once;
:func:`time_limit` is the backstop for a step or claim that stays within them and still takes
too long.  Budgets count the process's own CPU time (user and system), not the wall clock: on a busy
machine a step gets the same work done before its budget ends as on an idle one, so a verdict
does not depend on what else the machine runs.  (Reading and judging never wait on anything
but the CPU.)
"""

from __future__ import annotations

import functools
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class OutOfTime(BaseException):
    """Raised by the alarm inside SymPy; a BaseException so that no ``except Exception`` on the
    way out swallows it."""


def clock() -> float:
    """The CPU time (user and system) this process has spent, in seconds: the clock of every
    budget."""
    return time.process_time()


_TICK = 0.05  # seconds of wall time between two looks at the clock
_deadlines: list[float] = []  # the limits in force, outermost first, on the clock


def _look(signum: int, frame: object) -> None:
    """The alarm's handler: the body is interrupted once the clock passes a limit in force."""
    if not _deadlines:
        return  # rung after the last limit ended: nothing to look at, and no next look
    _arm()
    # raised inside a garbage-collector callback or a __del__, the exception is lost
    # ("unraisable") and the body runs on: the next look raises it again
    if clock() >= min(_deadlines):
        raise OutOfTime


def _unraisable(reported: Callable[[Any], object], unraisable: Any) -> None:
    """An :class:`OutOfTime` lost in a finalizer or a garbage-collector callback is not
    reported (the next look raises it again, where it is not lost); anything else is."""
    if unraisable.exc_type is not OutOfTime:
        reported(unraisable)


def _arm() -> None:
    """The next look: in 50 ms, or sooner when the nearest limit is nearer in CPU time (the
    wall clock never runs slower than the CPU clock of one thread)."""
    left = min(_deadlines) - clock()
    # once a limit is spent, 50 ms between two rings: an OutOfTime lost in a finalizer gets out
    # at the next one, and a quick series of rings could land inside the interpreter's report
    # of the lost one
    signal.setitimer(signal.ITIMER_REAL, _TICK if left <= 0 else min(_TICK, max(left, 1e-3)))


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` of the process's CPU time (:func:`clock`) with
    :class:`OutOfTime` (POSIX, main thread only; elsewhere the size bounds and the overall
    budgets still apply).  An alarm looks at the clock every 50 ms of wall time; a limit inside
    another (a step of a document, a claim of a file) keeps the outer one in force.

    >>> with time_limit(5):
    ...     1 + 1
    2
    """
    main = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not main:
        yield
        return
    depth = len(_deadlines)
    if depth == 0:
        # an alarm someone else set (a test harness) is put back afterwards
        outer, _ = signal.getitimer(signal.ITIMER_REAL)
        began = time.monotonic()
        previous = signal.signal(signal.SIGALRM, _look)
        reported = sys.unraisablehook
        sys.unraisablehook = functools.partial(_unraisable, reported)
    _deadlines.append(clock() + seconds)
    _arm()
    try:
        yield
    finally:
        while True:
            try:
                # first the limit ends (a look after it neither raises nor comes again), then
                # the alarm: never the default action of SIGALRM (the end of the process)
                del _deadlines[depth:]
                if depth == 0:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
                    sys.unraisablehook = reported
                    if outer:
                        left = max(outer - (time.monotonic() - began), 1e-3)
                        signal.setitimer(signal.ITIMER_REAL, left)
                break
            except OutOfTime:
                # rung during this clean-up: the body is over; an outer limit rings again
                continue
