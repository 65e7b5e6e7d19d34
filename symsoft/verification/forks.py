"""A small fork pool for the parallel verifier: ``in_order(work, tasks, jobs)``.

Why not ``multiprocessing.Pool``: its workers share one task queue guarded by a lock, and a
worker killed by a group SIGTERM or Ctrl-C while it holds that lock makes ``terminate()`` wait
forever.  Here nothing is shared: worker ``w`` takes tasks ``w, w + jobs, w + 2 jobs, …`` and
writes each result, pickled, on a pipe of its own.  The parent reads the pipes; on any
exception (Ctrl-C, SIGTERM, a worker that died) it kills every worker, reaps it and re-raises,
so it cannot wait on anything a dead worker held.

Results are yielded in task order whatever order the workers finish in, so the caller's
output does not depend on ``jobs``.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from symsoft.errors import WorkerFailed as WorkerFailed  # defined with the others

T = TypeVar("T")
R = TypeVar("R")

_HEADER = struct.Struct("<IQ")  # task number, length of the pickled result


def in_order(work: Callable[[T], R], tasks: Sequence[T], jobs: int) -> Iterator[R]:
    """``work(task)`` for every task, on ``jobs`` forked processes, yielded in task order."""
    jobs = max(1, min(jobs, len(tasks)))
    workers: dict[int, int] = {}  # read end of the pipe -> pid
    # A SIGTERM to the process group must not reach a worker before it has dropped the
    # parent's handler (inherited through fork), so SIGTERM is held while the workers are
    # forked; each worker unblocks it after resetting its handler, the parent right after.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    parent = os.getpid()
    try:
        for number in range(jobs):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
                _child(work, tasks[number::jobs], number, jobs, write, parent)
            os.close(write)
            workers[read] = pid
    except BaseException:
        _end(workers)
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        yield from _collect(workers, len(tasks))
    finally:
        _end(workers)


def _child(work, tasks, first: int, stride: int, write: int, parent: int):  # type: ignore[no-untyped-def]
    """The worker: never returns into the parent's code, never runs its exit handlers."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # end quietly when killed
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG (Linux)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
        with os.fdopen(write, "wb") as pipe:
            for offset, task in enumerate(tasks):
                data = pickle.dumps(work(task), protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(_HEADER.pack(first + offset * stride, len(data)))
                pipe.write(data)
                pipe.flush()
        code = 0
    except BaseException:  # reported to the parent as a worker that failed
        code = 1
    finally:
        os._exit(code)


def _collect(workers: dict[int, int], count: int) -> Iterator[R]:
    buffers = {read: bytearray() for read in workers}
    done: dict[int, R] = {}
    following = 0
    with selectors.DefaultSelector() as selector:
        for read in workers:
            selector.register(read, selectors.EVENT_READ)
        while following < count:
            if not selector.get_map():
                raise WorkerFailed(
                    f"a verifier process ended early ({count - following} chunks of results "
                    "missing: killed, perhaps out of memory)"
                )
            for key, _ in selector.select():
                read = key.fd
                chunk = os.read(read, 1 << 16)
                if not chunk:
                    selector.unregister(read)
                    continue
                buffer = buffers[read]
                buffer.extend(chunk)
                while len(buffer) >= _HEADER.size:
                    number, length = _HEADER.unpack_from(buffer)
                    if len(buffer) < _HEADER.size + length:
                        break
                    done[number] = pickle.loads(bytes(buffer[_HEADER.size : _HEADER.size + length]))
                    del buffer[: _HEADER.size + length]
            while following in done:
                yield done.pop(following)
                following += 1


def _end(workers: dict[int, int]) -> None:
    """Kill and reap every worker, close every pipe: nothing is waited on but the kernel."""
    for read, pid in workers.items():
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.close(read)
        except OSError:
            pass
    for pid in workers.values():
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    workers.clear()
