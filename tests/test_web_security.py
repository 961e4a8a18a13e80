"""What an attacker-style review asked of the web face: an article URL becomes a link only when it is
http(s); only the trusted Host names are answered; every response, errors and crashes included,
carries the security headers; a number out of range is a 404 or 422, never a 500; the OpenAPI
schema documents what the API answers, and undeclared methods are a 405 with Allow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from typer.testing import CliRunner

from newsgraph.dbvalues import REPLACEMENT
from newsgraph.record import Article, Extraction
from newsgraph.store import Store
from newsgraph.web.app import create_app
from newsgraph.web.security import HEADERS, HOSTS_VARIABLE, allowed_hosts, http_url

# Spellings of a script URL a browser would still run: case, leading spaces and control characters,
# tabs and newlines inside the scheme.
HOSTILE_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "\x01\x1fjavascript:alert(1)",
                "java\tscript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
                " \x00VBScript:msgbox(1)", "//evil.example/x", "/relative/path", "http:alert(1)", "https://",
                "ftp://files.example.com/a"]
HTTP_URLS = ["https://www.voanews.com/a/story/8011115.html", "HTTP://EXAMPLE.COM/", " http://example.com/a?b=c"]
MAX_KEY = 2**63 - 1
API_PATHS = ["/api/search", "/api/actors", "/api/actors/venezuela", "/api/actors/venezuela/network",
             "/api/actors/venezuela/timeline", "/api/articles/1", "/api/events", "/api/quotes", "/api/claims",
             "/api/network"]


@dataclass
class UrlDb:
    path: Path
    keys: dict[str, int]  # article URL -> the article's key


@pytest.fixture(scope="module")
def urls(tmp_path_factory) -> UrlDb:
    """One text-only article per URL (no extraction needed: the page shows the URL whatever the text)."""
    path = tmp_path_factory.mktemp("web-security") / "urls.db"
    store = Store(str(path))
    try:
        keys = {url: store.add(Extraction(Article(id=f"url-{n}", text=f"Article {n}.", url=url))).article_key
                for n, url in enumerate(HOSTILE_URLS + HTTP_URLS)}
    finally:
        store.close()
    return UrlDb(path, keys)


@pytest.fixture(scope="module")
def db(urls: UrlDb) -> Path:
    return urls.path


def client_for(app, host: str = "localhost") -> TestClient:
    return TestClient(app, base_url=f"http://{host}", raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(str(db))

    # Two routes that crash, to see what a 500 answers (added before the first request builds the app).
    def crash() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/api/crash", crash, include_in_schema=False)
    app.add_api_route("/crash", crash, include_in_schema=False)
    with client_for(app) as test_client:
        yield test_client


def check_headers(response: httpx.Response) -> None:
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (response.request.url, response.status_code, name)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


# --- article URLs --------------------------------------------------------------------------------

@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_urls_are_links(url: str) -> None:
    assert http_url(url) is None


@pytest.mark.parametrize("url", HTTP_URLS)
def test_http_urls_are_followed_as_a_browser_would(url: str) -> None:
    assert http_url(url) == url.strip()


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_article_page_shows_a_hostile_url_as_text(client: TestClient, urls: UrlDb, url: str) -> None:
    page = client.get(f"/articles/{urls.keys[url]}").text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("/", "#")) for h in hrefs), hrefs  # only the site's own links
    assert ">source</a>" not in page
    shown = re.search(r'<span class="url">(.*?)</span>', page, flags=re.S)
    stored = url.replace("\x00", REPLACEMENT)  # the store keeps NUL as U+FFFD (newsgraph.dbvalues)
    assert shown and shown.group(1) == str(escape(stored)), page


@pytest.mark.parametrize("url", HTTP_URLS)
def test_article_page_links_an_http_url(client: TestClient, urls: UrlDb, url: str) -> None:
    page = client.get(f"/articles/{urls.keys[url]}").text
    link = f'<a href="{url.strip()}" rel="noopener noreferrer nofollow">source</a>'
    assert link in page
    assert '<span class="url">' not in page


# --- trusted hosts -------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.2",
                                  "[::2]:8000", "127.0.0.1.nip.io"])
def test_a_foreign_host_is_refused(db: Path, host: str) -> None:
    with client_for(create_app(str(db)), host) as foreign:
        for url in ["/", "/api/actors", "/openapi.json"]:
            response = foreign.get(url)
            assert response.status_code == 400, (host, url)
            check_headers(response)


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LOCALHOST", "127.0.0.1", "127.0.0.1:8000",
                                  "[::1]", "[::1]:8000"])
def test_loopback_hosts_are_answered(db: Path, host: str) -> None:
    with client_for(create_app(str(db)), host) as local:
        assert local.get("/api/actors").status_code == 200


def test_allowed_hosts_from_the_environment_and_the_listening_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOSTS_VARIABLE, raising=False)
    assert allowed_hosts() == ["localhost", "127.0.0.1", "[::1]"]
    monkeypatch.setenv(HOSTS_VARIABLE, " news.lan, 10.0.0.5 ,fe80::1,")
    assert allowed_hosts() == ["localhost", "127.0.0.1", "[::1]", "news.lan", "10.0.0.5", "[fe80::1]"]
    assert allowed_hosts(["Box.Lan"]) == ["localhost", "127.0.0.1", "[::1]", "box.lan"]  # the option wins
    assert allowed_hosts([], bind="192.168.1.4")[-1] == "192.168.1.4"
    assert allowed_hosts([], bind="0.0.0.0") == allowed_hosts([], bind="::") == ["localhost", "127.0.0.1", "[::1]"]


def test_environment_variable_lets_a_name_in(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOSTS_VARIABLE, "news.lan")
    with client_for(create_app(str(db)), "news.lan:8000") as lan:
        assert lan.get("/api/actors").status_code == 200
    monkeypatch.delenv(HOSTS_VARIABLE)
    with client_for(create_app(str(db)), "news.lan:8000") as lan:
        assert lan.get("/api/actors").status_code == 400


def test_serve_option_lets_a_name_in(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from newsgraph.cli import app as cli

    served: dict = {}
    monkeypatch.delenv(HOSTS_VARIABLE, raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: served.update(app=application, **options))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--allowed-host", "news.lan",
                                      "--allowed-host", "Box.Lan", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert served["port"] == 8123
    for host, status in [("news.lan", 200), ("box.lan:8123", 200), ("localhost", 200), ("evil.example", 400)]:
        with client_for(served["app"], host) as probe:
            assert probe.get("/api/actors").status_code == status, host
    # without the option, the variable is read; the --host address is answered too
    monkeypatch.setenv(HOSTS_VARIABLE, "wiki.lan")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "127.0.0.5"])
    assert result.exit_code == 0, result.output
    for host, status in [("wiki.lan", 200), ("127.0.0.5:8000", 200), ("news.lan", 400)]:
        with client_for(served["app"], host) as probe:
            assert probe.get("/api/actors").status_code == status, host


# --- headers on every response -------------------------------------------------------------------

@pytest.mark.parametrize(("method", "url", "status"), [
    ("GET", "/", 200), ("GET", "/api/actors", 200), ("GET", "/static/style.css", 200), ("GET", "/docs", 200),
    ("GET", "/openapi.json", 200), ("GET", "/nowhere", 404), ("GET", "/api/nowhere", 404),
    ("GET", "/api/actors/nobody", 404), ("GET", "/actors/nobody", 404), ("POST", "/api/actors", 405),
    ("DELETE", "/", 405), ("GET", "/api/events?since=notadate", 422), ("GET", "/events?since=notadate", 422),
    ("GET", "/api/articles/abc", 422), ("GET", "/api/crash", 500), ("GET", "/crash", 500)])
def test_every_response_carries_the_security_headers(client: TestClient, method: str, url: str,
                                                     status: int) -> None:
    response = client.request(method, url)
    assert response.status_code == status, (url, response.text[:300])
    check_headers(response)


@pytest.mark.parametrize(("url", "kind"), [("/api/crash", "application/json"), ("/crash", "text/html")])
def test_a_crash_is_a_plain_500_that_leaks_nothing(client: TestClient, url: str, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith(kind)
    assert "secret internal detail" not in response.text and "Traceback" not in response.text


# --- numbers out of range ------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    f"/api/articles/{MAX_KEY + 1}", f"/articles/{MAX_KEY + 1}", f"/api/articles/{2**64}", f"/articles/{10**30}",
    f"/api/articles/-{MAX_KEY + 2}", "/api/articles/-1", "/api/articles/0", "/articles/-1", "/articles/0",
    f"/api/events?page={MAX_KEY + 1}", f"/api/events?per_page={2**64}", "/api/events?page=-1&per_page=-1",
    f"/api/quotes?page={10**30}", "/api/claims?per_page=-5", f"/api/search?q=a&limit={MAX_KEY + 1}",
    "/api/search?q=a&limit=-1", f"/api/actors?limit={2**64}", "/api/actors?limit=-1", f"/api/network?limit={2**64}",
    "/api/network?limit=-1", f"/events?page={MAX_KEY + 1}", "/quotes?page=-1", f"/claims?page={2**64}",
    "/api/events?until=0", "/api/quotes?since=1700000000", "/api/claims?since=2024-1-1", "/api/network?until=-1",
    f"/api/articles/{MAX_KEY}"])
def test_numbers_out_of_range_are_404_or_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (404, 422), (url, response.status_code, response.text[:300])
    check_headers(response)


def test_the_largest_key_is_a_plain_404(client: TestClient) -> None:
    assert client.get(f"/api/articles/{MAX_KEY}").status_code == 404
    assert client.get(f"/api/articles/{MAX_KEY + 1}").status_code == 422


# --- the OpenAPI schema and undeclared methods ---------------------------------------------------

def test_schema_documents_every_answer(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, operations in paths.items():
        documented = set(operations["get"]["responses"])
        assert {"200", "400", "422"} <= documented, path
        assert ("404" in documented) == ("{" in path), path  # only operations that name an id can miss it
    key = paths["/api/articles/{key}"]["get"]["parameters"][0]["schema"]
    assert (key["minimum"], key["maximum"]) == (1, MAX_KEY)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
def test_undeclared_methods_are_405_with_allow(client: TestClient, method: str) -> None:
    for url in API_PATHS:
        response = client.request(method, url)
        assert response.status_code == 405, (method, url)
        assert response.headers["allow"] == "GET", (method, url)
        assert response.headers["content-type"].startswith("application/json")
        check_headers(response)
