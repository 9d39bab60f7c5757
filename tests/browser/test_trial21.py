"""Session 21's new-user trial, the explorer's part (headless Chromium, a real uvicorn).

* The status line over the views is one line cut with "…" (its whole text only in a
  hover title, which a phone has not): on twenty-four plans the co-partnership view's
  advice ("... so all 1356 links are drawn: choose fewer plans for a lighter picture")
  was cut after "(orga…" at 390 px and after "so all 1356 …" at 1400 px. A cut line now
  has a "more" button beside it that opens it whole (a click, a tap, Enter).
* A plan's name without spaces ("04_fredericia_erritsoe_helhedsplan_2012", a file's
  name standing in for a plan name the agreement does not give) ran out of the plan
  list, cut at its edge; now it wraps.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from views import open_view, serve_agreements  # noqa: E402

pytestmark = pytest.mark.browser

FREDERICIA = (Path(__file__).parents[1] / "fixtures" / "blind_q" / "docs"
              / "04_fredericia_erritsoe_helhedsplan_2012.txt")


@pytest.fixture(scope="module")
def url(tmp_path_factory, served):
    from samspil.loaders.pipeline import bundled_examples

    # the plan without its cover's two title lines, so the agreement names no plan and the file's name stands in
    # (since session 28 the cover's "NYT LIV I ERRITSØ" under "Boligsocial helhedsplan 2012-2016" names it)
    nameless = tmp_path_factory.mktemp("nameless") / FREDERICIA.name
    nameless.write_text("".join(FREDERICIA.read_text(encoding="utf-8").splitlines(keepends=True)[3:]), encoding="utf-8")
    yield from serve_agreements(tmp_path_factory, served, "trial21", [bundled_examples(), nameless])


STATUS = """() => { const s = document.getElementById('status'),
                         more = document.getElementById('status-more');
    return {text: s.textContent, cut: s.scrollWidth > s.clientWidth + 1 ||
                                      s.scrollHeight > s.clientHeight + 1,
            more: !!more && !more.hidden, open: more && more.getAttribute('aria-expanded')}; }"""
OPEN = "document.getElementById('status-more').getAttribute('aria-expanded') === '%s'"


@pytest.mark.parametrize("device", ["phone", "page"])
def test_a_cut_status_line_opens_whole(request, url, device, wait_js, tmp_path):
    pg = request.getfixturevalue(device)
    open_view(pg, url, "#view=copartnership", "network")
    before = pg.evaluate(STATUS)
    assert "Click a node for details." in before["text"]
    if not before["cut"]:          # the desktop's line may hold it all
        assert not before["more"]
        return
    assert before["more"] and before["open"] == "false", before   # says that it is cut
    if device == "phone":
        pg.tap("#status-more")
    else:
        pg.focus("#status-more")    # a button: a keyboard reaches it
        pg.keyboard.press("Enter")
    wait_js(pg, OPEN % "true")
    pg.screenshot(path=str(tmp_path / f"status-{device}.png"))
    after = pg.evaluate(STATUS)
    assert not after["cut"] and after["text"] == before["text"], after
    pg.click("#status")            # the line itself closes it (and opens it) too
    wait_js(pg, OPEN % "false")
    assert pg.errors == []


def test_the_phone_status_line_was_cut(phone, url):
    """(the case above is not vacuous: at 390 px this line is cut)"""
    open_view(phone, url, "#view=copartnership", "network")
    assert phone.evaluate(STATUS)["cut"]


PLAN_LIST = """() => { const left = document.querySelector('aside.left').getBoundingClientRect();
    return Array.from(document.querySelectorAll('ul.plans li label')).map(l => {
        const r = l.getBoundingClientRect();
        return {name: l.textContent, out: r.right > left.right + 1 ||
                                          l.scrollWidth > l.clientWidth + 1}; }); }"""


@pytest.mark.parametrize("device", ["phone", "page"])
def test_plan_names_without_spaces_wrap_in_the_plan_list(request, url, device):
    pg = request.getfixturevalue(device)
    open_view(pg, url, "#view=overlap", "matrix")
    rows = pg.evaluate(PLAN_LIST)
    assert any("04_fredericia_erritsoe_helhedsplan_2012" in r["name"] for r in rows), rows
    assert [r["name"] for r in rows if r["out"]] == []
