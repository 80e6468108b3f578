"""GraphiQL, the search page and a credential's page in a real Chromium with no internet."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.support.browser import DESKTOP, PHONE, Visit

QUALIFICATION = "ie-gti-5s-welding-fabrication"


def test_graphiql_runs_a_query_from_vendored_files(visit: Callable[..., Visit]) -> None:
    v = visit(DESKTOP)
    v.open("/graphql")
    editor = v.page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=30_000)
    assert editor is not None
    v.page.click(".graphiql-execute-button")
    v.page.wait_for_function(
        "() => (document.querySelector('.result-window') || {}).textContent?.includes('totalCount')",
        timeout=30_000,
    )
    # CodeMirror renders only the lines in view, so read the answer's head, not all of it
    result = v.page.inner_text(".result-window").replace("\xa0", " ")
    count = re.search(r'"totalCount": (\d+)', result)
    assert count and int(count.group(1)) > 0 and '"edges": [' in result
    v.shot("graphiql")
    v.assert_offline_clean()


def test_search_filters_and_links_to_credentials(visit: Callable[..., Visit]) -> None:
    for size in (DESKTOP, PHONE):
        v = visit(size)
        v.open("/")
        v.page.fill("input[name=q]", "welding")
        v.page.select_option("select[name=country]", "IE")
        with v.page.expect_navigation():
            v.page.keyboard.press("Enter")
        ids = v.page.eval_on_selector_all(
            "li.result[data-credential-id]", "els => els.map(e => e.dataset.credentialId)"
        )
        assert ids, "no results for welding in IE"
        assert all(i.startswith("ie-") for i in ids), ids
        assert QUALIFICATION in ids
        v.shot("search")
        v.assert_offline_clean()


def test_credential_page_shows_elements_level_rules_and_quality(
    visit: Callable[..., Visit],
) -> None:
    for size in (DESKTOP, PHONE):
        v = visit(size)
        response = v.open(f"/credentials/{QUALIFICATION}")
        assert response.status == 200
        page = v.page
        assert page.inner_text("h1") == "Welding and Fabrication"
        assert "EQF 4" in page.inner_text("#level ~ .crosswalk")
        parts = page.eval_on_selector_all(
            ".requirements [data-credential-id]", "els => els.map(e => e.dataset.credentialId)"
        )
        assert len(parts) >= 4
        assert "%" in page.inner_text("#quality ~ p")
        assert page.locator("table.principles tr[data-principle]").count() == 10
        # the page is readable at this width: nothing scrolls sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        v.shot("credential")
        v.assert_offline_clean()


def test_unknown_credential_is_a_404_page(visit: Callable[..., Visit]) -> None:
    v = visit(DESKTOP)
    response = v.open("/credentials/no-such-thing")
    assert response.status == 404
    text = v.page.inner_text("main")
    assert "No credential with id 'no-such-thing'" in text
    assert "Traceback" not in v.page.content()
    assert v.foreign == []
