"""The fork pool of the parallel verifier: results in task order, a dead worker is an error."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from symsoft.verification.forks import WorkerFailed, in_order

posix = pytest.mark.skipif(sys.platform == "win32", reason="fork")


@posix
@pytest.mark.parametrize("jobs", [1, 2, 3, 7, 40])
def test_results_come_in_task_order_whatever_the_number_of_workers(jobs):
    tasks = list(range(23))
    assert list(in_order(lambda x: (x, x * x), tasks, jobs)) == [(x, x * x) for x in tasks]


@posix
def test_a_worker_that_dies_is_an_error_not_a_wait():
    def work(x):
        if x == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return x

    with pytest.raises(WorkerFailed, match="ended early"):
        list(in_order(work, list(range(10)), 2))


@posix
def test_an_error_inside_a_worker_is_reported_by_the_parent():
    def work(x):
        if x == 3:
            raise ValueError("boom")
        return x

    with pytest.raises(WorkerFailed):
        list(in_order(work, list(range(6)), 3))


@posix
def test_no_worker_is_left_behind_when_the_caller_stops_early(monkeypatch):
    forked = []
    fork = os.fork

    def recording_fork():
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    results = in_order(lambda x: x, list(range(50)), 3)
    assert next(results) == 0
    results.close()  # the generator's cleanup kills and reaps every worker
    assert len(forked) == 3
    for pid in forked:
        with pytest.raises(ChildProcessError):  # reaped already: no zombie, no orphan
            os.waitpid(pid, os.WNOHANG)
