"""What a document's steps say, by line: the helpers the reading tests share."""

from __future__ import annotations

from symsoft.reading.document import check_document


def statuses(text: str) -> list[str]:
    """The status of every step, in order."""
    return [step.status for step in check_document(text).steps]


def summaries(text: str) -> dict[int, str]:
    """The summary of the first step on each line."""
    found: dict[int, str] = {}
    for step in check_document(text).steps:
        found.setdefault(step.line, step.summary)
    return found


def all_summaries(text: str) -> dict[int, list[str]]:
    """The summaries of every step on each line."""
    found: dict[int, list[str]] = {}
    for step in check_document(text).steps:
        found.setdefault(step.line, []).append(step.summary)
    return found


def judged(text: str) -> list[tuple[str, str]]:
    """The status and summary of every step that is no definition, in order."""
    return [(s.status, s.summary) for s in check_document(text).steps if s.status != "definition"]


def filled(template: str, given: dict[str, str], values: dict[str, str]) -> str:
    """``template`` with each placeholder replaced by its value (``values`` over ``given``)."""
    for key, value in (given | values).items():
        template = template.replace(key, value)
    return template
