"""Session 22's new-user trial, the explorer's part (headless Chromium, a real uvicorn).

A name chosen in the search box opens "Network of selected", but the options of the view
before stayed on the left: from the gaps view its "columns" list (target groups, zones,
...) and "as a network", from the overlaps "overlap by"; they do nothing to a node's
network. The radio buttons hid them; a search choice (and a broker's name, which takes
the same path) did not.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from views import open_view  # noqa: E402

pytestmark = pytest.mark.browser

OPTIONS = ["#by-row", "#gap-by-row", "#form-row", "#min-row"]


@pytest.mark.parametrize("device", ["page", "phone"])
@pytest.mark.parametrize("start", ["#view=gaps&by=zones", "#view=overlap&form=network"])
def test_a_searched_name_opens_its_network_without_the_last_views_options(
        request, server_url, device, start, wait_js, tmp_path):
    pg = request.getfixturevalue(device)
    open_view(pg, server_url, start, "network" if "form=network" in start else "matrix")
    assert any(pg.locator(o).is_visible() for o in OPTIONS)       # the view's own options
    pg.locator("#search").fill("Boligforeningen 3B")
    pg.wait_for_selector("#search-results li", timeout=10_000)
    pg.keyboard.press("Enter")
    wait_js(pg, "document.body.dataset.view === 'ego' && document.body.dataset.form === 'network'",
            timeout=20_000)
    pg.screenshot(path=str(tmp_path / f"ego-{device}.png"))
    assert pg.locator('#views input[value="ego"]').is_checked()
    shown = [o for o in OPTIONS if pg.locator(o).is_visible()]
    assert shown == [], f"the last view's options stayed in the ego view: {shown}"
    assert pg.errors == []
