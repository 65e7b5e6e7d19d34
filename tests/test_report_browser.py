"""The HTML report in Chromium: it fetches nothing and lays out every formula (slow)."""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_runs import (
    ARTIFACTS,
    _all_runs,
    general_run,
    large_run,
    proved_run,
    real_run,
    refuted_run,
)

from symsoft.render.report import render, write_report
from symsoft.results import (
    Run,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return found
    return None


_no_chromium = pytest.mark.skipif(
    _chromium() is None, reason="no Chromium on PATH: apt-get install chromium"
)


def needs_chromium(test):  # type: ignore[no-untyped-def]
    """The test starts Chromium: marked slow, and skipped where Chromium is missing."""
    return pytest.mark.slow(_no_chromium(test))


def _chromium_run(page: Path, profile: Path, *extra: str) -> str:
    command = [
        str(_chromium()),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return out.stdout


class _Resources(html.parser.HTMLParser):
    """Every attribute that could make a browser fetch something, and the CSP meta tag."""

    FETCHING = {"src", "href", "srcset", "action", "data", "poster", "xlink:href", "background"}

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str, str]] = []
        self.csp: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        for name, value in attrs:
            if name in self.FETCHING:
                self.references.append((tag, name, value or ""))


@pytest.mark.parametrize("run", _all_runs(), ids=["proved", "refuted", "large", "general"])
def test_html_fetches_nothing(run: Run) -> None:
    page = render(run, "html")
    parser = _Resources()
    parser.feed(page)
    assert parser.csp == [CSP]
    assert parser.scripts == 0
    assert all(value.startswith("#") for _, _, value in parser.references), parser.references
    style = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "url(" not in style and "@import" not in style
    text = re.sub(r"/\*.*?\*/", "", page, flags=re.S)  # CSS comments may say anything
    assert not re.search(r"(?i)\b(?:https?|ftp|wss?|data|blob):|//", text)


def _page_requests(netlog: Path) -> list[str]:
    """URLs of requests made on behalf of a page (Chromium's own background traffic excluded)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
    ]


@needs_chromium
def test_slow_chromium_loads_no_resource(tmp_path: Path, report_refuted_run: Run) -> None:
    (page,) = write_report(report_refuted_run, tmp_path, formats=("html",))
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<img src="http://127.0.0.1:9/x.png">', encoding="utf-8")
    for target, expected in ((page, []), (leaky, ["http://127.0.0.1:9/x.png"])):
        netlog = tmp_path / f"{target.stem}.netlog.json"
        _chromium_run(target, tmp_path / "profile", f"--log-net-log={netlog}", "--dump-dom")
        assert _page_requests(netlog) == expected


_MEASURE = """
<script>
document.querySelectorAll("details").forEach((d) => { d.open = true; });
const boxes = [...document.querySelectorAll("math")].map((m) => {
  const r = m.getBoundingClientRect();
  return [r.width, r.height, getComputedStyle(m).display, m.getAttribute("display")];
});
const out = document.createElement("pre");
out.id = "symsoft-layout";
out.textContent = JSON.stringify(boxes);
document.body.appendChild(out);
</script>
"""


@needs_chromium
@pytest.mark.parametrize("which", ["proved", "refuted", "large", "all", "real"])
def test_slow_chromium_lays_out_every_formula(tmp_path: Path, which: str) -> None:
    factories = {"proved": proved_run, "refuted": refuted_run, "large": large_run}
    factories |= {"all": general_run, "real": lambda: real_run(4)}
    run = factories[which]()
    (page,) = write_report(run, tmp_path, formats=("html",))
    source = page.read_text(encoding="utf-8")
    expected = source.count("<math ")
    assert expected > 10
    # A copy, never the product: the measuring script needs a CSP that lets it run.
    probe = tmp_path / "probe.html"
    probe.write_text(
        source.replace(CSP, CSP + "; script-src 'unsafe-inline'").replace(
            "</body>", _MEASURE + "</body>"
        ),
        encoding="utf-8",
    )
    dom = _chromium_run(probe, tmp_path / "profile", "--dump-dom")
    match = re.search(r'<pre id="symsoft-layout">(.*?)</pre>', dom, re.S)
    assert match, "the measuring script did not run"
    boxes = json.loads(match.group(1))
    assert len(boxes) == expected
    for width, height, display, kind in boxes:
        assert width > 1 and height > 1
        # Laid out by the native MathML engine ("math" is the computed form of "inline math").
        assert display == {"block": "block math", "inline": "math"}[kind]

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"report-{which}.png"
    shot.unlink(missing_ok=True)
    _chromium_run(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    shutil.copy(page, ARTIFACTS / f"report-{which}.html")
