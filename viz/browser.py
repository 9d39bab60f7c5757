"""Headless Chromium for PNG views, screenshots, browser tests and the render benchmark.

Uses Debian's ``chromium`` through playwright's ``executable_path`` (playwright's
own browser download is not reachable here and is never run).
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from samspil.loaders.errors import SamspilError

__all__ = ["chromium_path", "open_page", "LAUNCH_ARGS", "BrowserMissing"]

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")


class BrowserMissing(SamspilError):
    status = 501


def chromium_path() -> str | None:
    """``SAMSPIL_CHROMIUM``, else Debian's chromium, else one on PATH; None if none."""
    env = os.environ.get("SAMSPIL_CHROMIUM")
    if env and Path(env).exists():
        return env
    for c in CANDIDATES:
        if Path(c).exists():
            return c
    return shutil.which("chromium")


@contextmanager
def open_page(width: int = 1400, height: int = 900, *, offline: bool = True) -> Iterator[object]:
    """A playwright page in headless Chromium; ``offline`` cuts it off the network."""
    path = chromium_path()
    if path is None:
        raise BrowserMissing("PNG output needs Chromium: `apt-get install -y chromium` "
                             "(or set SAMSPIL_CHROMIUM), or use --format svg")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height},
                                          offline=offline)
            yield context.new_page()
        finally:
            browser.close()
