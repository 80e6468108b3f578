"""The learner's plan picture and the recognition desk in a real Chromium with no internet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

from tests.support.browser import DESKTOP, PHONE, Visit

TARGET = "ie-gti-5s-welding-fabrication"
HELD = "ee-voco-mag-keevitus"
NODE_IDS = "els => els.map(e => e.dataset.credentialId)"


def pick(v: Visit, selector: str, typed: str, wanted: str) -> None:
    """Type into a picker until the API's suggestions offer `wanted`, then choose it."""
    field = v.page.locator(selector)
    field.click()
    field.press_sequentially(typed, delay=30)
    list_id = field.get_attribute("data-picker")
    v.page.wait_for_selector(f"datalist#{list_id} option[value='{wanted}']", state="attached")
    field.fill(wanted)


def test_plan_is_picked_by_typing_and_drawn(visit: Callable[..., Visit]) -> None:
    for size in (DESKTOP, PHONE):
        v = visit(size)
        v.open("/plan")
        pick(v, "input[name=target]", "welding", TARGET)
        pick(v, "input[name=held][data-picker]", "Plaatide MAG", HELD)
        with v.page.expect_navigation():
            v.page.keyboard.press("Enter")
        v.page.wait_for_selector("#picture[data-drawn=true] svg")
        page = v.page
        drawn = page.eval_on_selector_all("#picture g.node[data-credential-id]", NODE_IDS)
        steps = page.eval_on_selector_all("ol.steps > li[data-credential-id]", NODE_IDS)
        kinds = page.eval_on_selector_all(
            "#picture g.node",
            "e => Object.fromEntries(e.map(n => [n.dataset.credentialId, n.dataset.kind]))",
        )
        # every held credential, every step (in order) and the target are nodes
        assert kinds[HELD] == "held" and kinds[TARGET] == "target"
        assert len(steps) == 4 and all(kinds[s] == "step" for s in steps)
        notes = [
            page.text_content(f"#picture g.node[data-credential-id='{s}'] text.kind") or ""
            for s in steps
        ]
        assert [n.split(" ")[:2] for n in notes] == [["Step", str(i)] for i in range(1, 5)]
        edge_kinds = set(
            page.eval_on_selector_all("#picture g.edge", "e => e.map(n => n.dataset.kind)")
        )
        assert edge_kinds == {"counts-as", "prerequisite-of", "fills-requirement-of"}
        assert "19 ECTS" in page.inner_text("#totals")
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        # nodes lie inside the drawing and do not overlap each other
        boxes = page.eval_on_selector_all(
            "#picture g.node rect",
            "els => els.map(r => { const b = r.getBBox(); const m = r.parentNode.parentNode"
            ".transform.baseVal[0].matrix; return [m.e, m.f, b.width, b.height]; })",
        )
        for i, (x1, y1, w1, h1) in enumerate(boxes):
            for x2, y2, w2, h2 in boxes[i + 1 :]:
                assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
        layout_ms = page.get_attribute("#picture", "data-layout-ms")
        print(f"dagre layout at {size['width']}px: {layout_ms} ms for {len(drawn)} nodes")
        v.shot("plan")
        v.assert_offline_clean()


def test_plan_picture_works_by_keyboard(visit: Callable[..., Visit]) -> None:
    v = visit(DESKTOP)
    v.open(f"/plan?target={TARGET}&held={HELD}")
    v.page.wait_for_selector("#picture[data-drawn=true] svg")
    for _ in range(60):
        v.page.keyboard.press("Tab")
        inside = v.page.evaluate(
            "() => { const a = document.activeElement; const g = a && a.closest('g.node');"
            " return g ? g.dataset.credentialId : null; }"
        )
        if inside:
            break
    assert inside, "Tab never reached a node of the picture"
    with v.page.expect_navigation():
        v.page.keyboard.press("Enter")
    assert v.page.url.endswith(f"/credentials/{quote(inside)}")
    v.assert_offline_clean()


def test_recognition_desk_rows_and_differences(visit: Callable[..., Visit]) -> None:
    for size in (DESKTOP, PHONE):
        v = visit(size)
        v.open("/recognise")
        pick(v, "input[name=credential]", "Plaatide MAG", HELD)
        v.page.select_option("select[name=country]", "IE")
        with v.page.expect_navigation():
            v.page.click("button[type=submit]")
        page = v.page
        rows = page.eval_on_selector_all("tr.candidate[data-credential-id]", NODE_IDS)
        bases = page.eval_on_selector_all("tr.candidate", "e => e.map(r => r.dataset.basis)")
        assert len(rows) > 1
        assert rows[0] == "ie-gti-mig-welding" and bases[0] == "RECOGNITION_DECISION"
        assert set(bases[1:]) == {"COMPUTED"}
        assert page.locator("tr.candidate td[data-criterion]").count() == 5 * len(rows)
        first_diffs = page.eval_on_selector_all(
            "tr.candidate:first-child td.diff", "e => e.map(c => c.dataset.criterion)"
        )
        assert first_diffs == ["level"]  # EQF 3 against EQF 4, still named
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        v.shot("recognise")
        v.assert_offline_clean()


def test_desk_reads_an_uploaded_document(visit: Callable[..., Visit], tmp_path: Path) -> None:
    v = visit(DESKTOP)
    document = httpx.get(f"{v.origin}/credentials/{HELD}?format=ob3").text
    path = tmp_path / "badge.json"
    path.write_text(document)
    v.open("/recognise")
    v.page.set_input_files("#document-file", str(path))
    v.page.wait_for_function(
        "() => document.querySelector('textarea[name=document]').value.length > 100"
    )
    v.page.select_option(".document-form select[name=country]", "IE")
    with v.page.expect_navigation():
        v.page.click(".document-form button[type=submit]")
    assert "Read from the OB3 document" in v.page.inner_text("main")
    rows = v.page.eval_on_selector_all("tr.candidate[data-credential-id]", NODE_IDS)
    assert "ie-gti-mig-welding" in rows
    v.shot("recognise-document")
    v.assert_offline_clean()
