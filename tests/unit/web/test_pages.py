"""The pages in process: status codes, error pages, headers and the offline GraphiQL page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from pathways.app import create_app
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore

HTML = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
ASSET = re.compile(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"')


@pytest.fixture
def client(small_graph: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(Service(MemoryStore(small_graph)))) as c:
        yield c


def test_search_lists_matches_with_links(client: TestClient) -> None:
    r = client.get("/", params={"q": "welding", "country": "ie"}, headers=HTML)
    assert r.status_code == 200
    ids = re.findall(r'class="result" data-credential-id="([^"]+)"', r.text)
    assert ids and all(i.startswith("ie-") for i in ids)
    assert 'href="/credentials/ie-mig"' in r.text


def test_search_filters_by_kind_and_eqf(client: TestClient) -> None:
    r = client.get("/", params={"kind": "QUALIFICATION"})
    assert re.findall(r'class="result" data-credential-id="([^"]+)"', r.text) == ["ie-welding-cert"]
    none = client.get("/", params={"eqf": "8"})
    assert 'data-credential-id="' not in none.text and "Nothing matches" in none.text


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"eqf": "x"}, "The EQF level must be 1 to 8"),
        ({"eqf": "9"}, "at most 8, got 9"),
        ({"kind": "DIPLOMA"}, "is not a kind of credential"),
        ({"q": "w" * 201}, "at most 200 characters"),
        ({"after": "garbage"}, "is not a valid cursor"),
    ],
)
def test_bad_filters_are_400_pages_saying_why(
    client: TestClient, params: dict[str, str], words: str
) -> None:
    r = client.get("/", params=params)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/html")
    assert words in r.text


def test_credential_page_shows_what_is_known(client: TestClient) -> None:
    r = client.get("/credentials/ie-welding-cert")
    assert r.status_code == 200
    assert r.headers["vary"] == "Accept"
    assert "<h1>Certificate in Welding</h1>" in r.text
    # the rule tree names each part, linked
    for part in ("ie-safety", "ie-mig", "ie-tig", "ie-drawing", "ee-joonised"):
        assert f'href="/credentials/{part}"' in r.text
    assert "At least 3 ECTS from" in r.text
    assert "EQF 4" in r.text


def test_unknown_credential_is_a_404_page(client: TestClient) -> None:
    r = client.get("/credentials/no-such-id")
    assert r.status_code == 404
    assert "No credential with id &#39;no-such-id&#39;." in r.text
    assert "Traceback" not in r.text


def test_unknown_path_is_a_404_page(client: TestClient) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Nothing is served at" in r.text


def test_a_bug_is_a_500_page_without_internals(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Service, "quality_report", broken)
    r = client.get("/credentials/ie-mig")
    assert r.status_code == 500
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert "Unexpected error" in r.text


def test_json_clients_are_not_sent_a_page(client: TestClient) -> None:
    r = client.get("/credentials/ie-mig", headers={"accept": "application/ld+json"})
    assert r.status_code == 200  # the ELM document (pathways.api.documents_http)
    assert r.headers["content-type"].startswith("application/ld+json")
    assert "<html" not in r.text


def test_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    for path in ("/", "/credentials/ie-mig", "/graphql", "/nope"):
        r = client.get(path, headers=HTML)
        assert "default-src 'self'" in r.headers["content-security-policy"], path
        assets = ASSET.findall(r.text)
        assert assets, path
        for asset in assets:
            assert asset.startswith("/static/"), (path, asset)
            assert client.get(asset).status_code == 200, asset


def test_graphiql_is_served_from_vendored_files(client: TestClient) -> None:
    r = client.get("/graphql", headers=HTML)
    assert r.status_code == 200
    assert "unpkg" not in r.text and "cdn" not in r.text.lower()
    assert "/static/vendor/graphiql-3.8.3/graphiql.min.js" in r.text
    vendored = client.get("/static/vendor/graphiql-3.8.3/graphiql.min.js")
    assert "immutable" in vendored.headers["cache-control"]
    # queries still go to the API, not the page
    q = client.get("/graphql", params={"query": "{ frameworks { code } }"}, headers=HTML)
    assert q.json()["data"]["frameworks"]


PLAN_DATA = re.compile(r'<script type="application/json" id="plan-data">(.*?)</script>', re.S)


def test_plan_page_without_a_target_is_the_picker(client: TestClient) -> None:
    r = client.get("/plan")
    assert r.status_code == 200
    assert 'data-picker="target-options"' in r.text
    assert 'id="plan-data"' not in r.text


def test_plan_page_embeds_the_picture_and_explains(client: TestClient) -> None:
    r = client.get("/plan", params=[("target", "ie-welding-cert"), ("held", "ee-keevitus")])
    assert r.status_code == 200
    match = PLAN_DATA.search(r.text)
    assert match
    data = json.loads(match.group(1))
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds == {
        "ee-keevitus": "held",
        "ie-mig": "countsas",
        "ie-drawing": "step",
        "ie-safety": "step",
        "ie-welding-cert": "target",
    }
    assert "5 ECTS" in r.text  # 3 + 2 still to take
    assert "counts as &#39;MIG welding of steel plate&#39;" in r.text


def test_plan_picture_data_cannot_close_its_script(small_graph: Graph) -> None:
    from dataclasses import replace

    creds = dict(small_graph.credentials)
    creds["ie-safety"] = replace(creds["ie-safety"], title="</script><script>alert(1)</script>")
    graph = replace(small_graph, credentials=creds)
    with TestClient(create_app(Service(MemoryStore(graph)))) as c:
        r = c.get("/plan", params={"target": "ie-welding-cert"})
    match = PLAN_DATA.search(r.text)
    assert match
    titles = [n["title"] for n in json.loads(match.group(1))["nodes"]]
    assert "</script><script>alert(1)</script>" in titles
    assert "<script>alert(1)" not in r.text


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ([("target", "nope")], 404, "No target credential with id &#39;nope&#39;"),
        ([("target", "ie-welding-cert"), ("held", "zzz")], 404, "No held credential"),
        ([("target", "ie-mig")], 400, "nothing stacks into it"),
        ([("target", "ie-mig"), ("target", "ie-tig")], 400, "Choose one target"),
        ([("target", "ie-welding-cert"), ("objective", "FUN")], 400, "is not an objective"),
        (
            [("target", "ie-welding-cert")] + [("held", f"h{i}") for i in range(51)],
            400,
            "At most 50",
        ),
        ([("target", "x" * 201)], 400, "at most 200 characters"),
    ],
)
def test_plan_page_errors_say_what_is_wrong(
    client: TestClient, params: list[tuple[str, str]], status: int, words: str
) -> None:
    r = client.get("/plan", params=params)
    assert r.status_code == status
    assert words in r.text


def test_recognition_desk_lists_recorded_decision_first(client: TestClient) -> None:
    r = client.get("/recognise", params={"credential": "ee-keevitus", "country": "ie"})
    assert r.status_code == 200
    rows = re.findall(
        r'<tr class="candidate[^"]*" data-credential-id="([^"]+)" data-basis="(\w+)"', r.text
    )
    assert rows[0] == ("ie-mig", "RECOGNITION_DECISION")
    assert all(basis == "COMPUTED" for _, basis in rows[1:])
    assert len(rows) > 1
    assert r.text.count('data-criterion="') == 5 * len(rows)
    assert 'class="diff"' in r.text  # EQF 3 against EQF 4 at least


def test_country_choice_keeps_the_asked_country_on_search_and_both_desk_forms(
    client: TestClient,
) -> None:
    chosen = re.compile(r'<select name="country">\s*<option value="">(any[^<]*)</option>')
    search = client.get("/", params={"q": "welding", "country": "ie"}, headers=HTML).text
    desk = client.get("/recognise", params={"credential": "ee-keevitus", "country": "ie"}).text
    assert chosen.findall(search) == ["any"]
    assert chosen.findall(desk) == ["any country", "any country"]
    assert search.count('<option value="IE" selected>') == 1
    assert desk.count('<option value="IE" selected>') == 2


def test_recognition_desk_unknown_credential_is_404(client: TestClient) -> None:
    r = client.get("/recognise", params={"credential": "nope"})
    assert r.status_code == 404
    assert "No credential with id &#39;nope&#39;" in r.text


def test_credential_page_links_its_documents(client: TestClient) -> None:
    r = client.get("/credentials/ee-keevitus", headers=HTML)
    for fmt in ("elm", "ob3", "ctdl"):
        assert f'href="/credentials/ee-keevitus?format={fmt}"' in r.text
        # a browser following the link gets the document, not the page
        doc = client.get(f"/credentials/ee-keevitus?format={fmt}", headers=HTML)
        assert doc.headers["content-type"].startswith("application/ld+json"), fmt
    assert 'href="/credentials/ee-keevitus/recognitions"' in r.text


def test_desk_reads_a_pasted_document_and_compares_it(client: TestClient) -> None:
    document = client.get("/credentials/ee-keevitus?format=ob3").text
    r = client.post("/recognise", data={"document": document, "country": "ie"})
    assert r.status_code == 200
    assert "Read from the OB3 document" in r.text
    rows = re.findall(r'<tr class="candidate[^"]*" data-credential-id="([^"]+)"', r.text)
    assert "ie-mig" in rows
    assert all(cid.startswith("ie-") for cid in rows)
    assert "MIG/MAG keevitus" in r.text  # the document's title, echoed back


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"document": ""}, 400, "Paste a document"),
        ({"document": "not json"}, 400, "The document is not JSON"),
        ({"document": "[" * 50 + "]" * 50}, 400, "too large to read"),
        ({"document": "x" * 1_100_000}, 400, "at most 1000 KB"),
    ],
)
def test_desk_document_errors_are_pages(
    client: TestClient, body: dict[str, str], status: int, words: str
) -> None:
    r = client.post("/recognise", data=body)
    assert r.status_code == status
    assert words in r.text and "Traceback" not in r.text


def test_search_says_what_matched_in_another_language(shipped_graph: Graph) -> None:
    with TestClient(create_app(Service(MemoryStore(shipped_graph)))) as c:
        r = c.get("/", params={"q": "soldadura", "country": "IE"})
    assert r.status_code == 200
    assert 'class="meta matched">matched skill' in r.text and 'lang="es"' in r.text


def test_credential_page_has_the_principles_report(client: TestClient) -> None:
    r = client.get("/credentials/ie-mig")
    rows = re.findall(r'<tr data-principle="(\w+)" data-status="(\w+)">', r.text)
    assert len(rows) == 10
    assert {p for p, _ in rows} >= {"QUALITY", "TRANSPARENCY", "STACKABLE_PATHWAYS"}
    assert {s for _, s in rows} <= {"MET", "PARTLY_MET", "NOT_MET", "NEEDS_REVIEW"}
