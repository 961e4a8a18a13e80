"""The web face in a real browser: `newsgraph serve` in a background process and headless Chromium
driven by selenium. An analyst's journey from the search box to the sentence behind an event, the
network page, and a hostile article whose script must show as text and never run.
Screenshots of each step go to artifacts/screenshots/."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from web_fixtures import IMG, MADURO, SCRIPT, NewsDb

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"{CHROMIUM} or {CHROMEDRIVER} is missing", allow_module_level=True)
pytest.importorskip("selenium")

from selenium import webdriver  # noqa: E402 - only once the browser is known to be there
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1300,1000",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    browser.set_page_load_timeout(20)
    try:
        yield browser
    finally:
        browser.quit()


def shot(driver: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def csp_violations(driver: Any) -> list[str]:
    """Console messages since the last call that report something the Content-Security-Policy blocked."""
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]


def fetch_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def wait_for_path(driver: Any, pattern: str) -> None:
    WebDriverWait(driver, 10).until(lambda d: re.search(pattern, urlsplit(d.current_url).path))


def test_journey_from_search_to_the_sentence_of_an_event(news_server: str, driver: Any) -> None:
    driver.get(f"{news_server}/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "5 articles"
    shot(driver, "journey-1-home")

    box = driver.find_element(By.ID, "search-box")
    box.send_keys("Maduro", Keys.ENTER)
    wait_for_path(driver, r"^/search$")
    assert parse_qs(urlsplit(driver.current_url).query) == {"q": ["Maduro"]}
    results = driver.find_elements(By.CSS_SELECTOR, "ul.results li a")
    assert [a.text for a in results] == ["Nicolás Maduro"]
    shot(driver, "journey-2-search")

    results[0].click()
    wait_for_path(driver, rf"^/actors/{MADURO}$")
    assert driver.find_element(By.ID, "actor-name").text == "Nicolás Maduro"
    graph = driver.find_element(By.CSS_SELECTOR, "#ego-graph svg")
    assert graph.is_displayed() and graph.size["width"] > 100 and graph.size["height"] > 100
    circles = graph.find_elements(By.TAG_NAME, "circle")
    assert len(circles) >= 2
    assert {t.text for t in graph.find_elements(By.TAG_NAME, "text")} >= {"Nicolás Maduro", "Iran", "United States"}
    timeline = driver.find_element(By.CSS_SELECTOR, "#timeline svg")
    assert timeline.is_displayed() and timeline.find_elements(By.TAG_NAME, "rect")
    assert not csp_violations(driver)
    shot(driver, "journey-3-actor")

    first_event = fetch_json(f"{news_server}/api/actors/{MADURO}")["events"][0]
    link = driver.find_element(By.CSS_SELECTOR, "table.events a.evidence")
    href = urlsplit(link.get_attribute("href"))
    assert (href.path, href.fragment) == (f"/articles/{first_event['article_key']}", f"s{first_event['sentence']}")
    link.click()
    wait_for_path(driver, r"^/articles/\d+$")
    landed = urlsplit(driver.current_url)
    anchor = landed.fragment
    assert re.fullmatch(r"s\d+", anchor) and (landed.path, anchor) == (href.path, href.fragment)
    sentence = driver.find_element(By.ID, anchor)
    assert driver.execute_script("return document.querySelector(':target').id") == anchor
    assert first_event["trigger_text"] in sentence.text
    assert first_event["trigger_text"] in [m.text for m in sentence.find_elements(By.CSS_SELECTOR, "mark.trigger")]
    assert sentence.is_displayed()
    assert not csp_violations(driver)
    shot(driver, "journey-4-sentence")


def test_hostile_article_shows_its_script_as_text(news_server: str, driver: Any, news: NewsDb) -> None:
    driver.get(f"{news_server}/articles/{news.hostile_key}")
    text = driver.find_element(By.ID, "article-text")
    assert SCRIPT in text.text
    assert IMG in text.text and "This <b>bold</b> forgery" in text.text
    assert not text.find_elements(By.CSS_SELECTOR, "script, img, b")
    assert SCRIPT in driver.find_element(By.TAG_NAME, "h1").text
    assert SCRIPT in driver.title
    assert driver.execute_script("return window.__pwned === undefined") is True
    # its javascript: URL is shown as text; every link on the page stays on the site
    assert "JavaScript:window.__pwned=3" in driver.find_element(By.CSS_SELECTOR, "span.url").text
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.TAG_NAME, "a")]
    assert hrefs and all(href.startswith(f"{news_server}/") for href in hrefs), hrefs
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is what raises when no alert is open
    shot(driver, "xss-article")

    driver.get(f"{news_server}/quotes")  # the hostile quote, shown in a list of quotes
    assert "This <b>bold</b> forgery" in driver.find_element(By.TAG_NAME, "main").text
    assert driver.execute_script("return window.__pwned === undefined") is True
    assert not driver.find_elements(By.CSS_SELECTOR, "main img, main script")


def test_network_page_draws_linked_edges(news_server: str, driver: Any) -> None:
    driver.get(f"{news_server}/network")
    graph = driver.find_element(By.CSS_SELECTOR, "#network-graph svg")
    assert graph.is_displayed()
    edges = graph.find_elements(By.CSS_SELECTOR, "a.edge")
    assert edges and len(graph.find_elements(By.TAG_NAME, "line")) == len(edges)
    assert len(graph.find_elements(By.CSS_SELECTOR, "a.node circle")) >= 4
    assert not csp_violations(driver)
    shot(driver, "network")

    links = [edge.get_dom_attribute("href") for edge in edges]
    assert all(link.startswith("/events?source=") for link in links)
    assault = next(link for link in links if parse_qs(urlsplit(link).query) == {"source": ["israel"],
                                                                                "target": ["hezbollah"]})
    driver.get(f"{news_server}{assault}")
    types = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.events span.etype")]
    assert types == ["ASSAULT"]
    shot(driver, "network-edge-events")


def test_api_docs_page_is_not_blocked_by_the_csp(news_server: str, driver: Any) -> None:
    driver.get(f"{news_server}/")
    csp_violations(driver)  # forget earlier pages
    driver.find_element(By.LINK_TEXT, "API").click()
    wait_for_path(driver, r"^/docs$")
    shot(driver, "api-docs")
    assert not csp_violations(driver)
    assert "/api/events" in driver.find_element(By.TAG_NAME, "main").text
