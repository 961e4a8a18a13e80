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
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

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
    graph = driver.find_element(By.CSS_SELECTOR, "#ego-graph .chart svg")
    assert not driver.find_element(By.CSS_SELECTOR, "#ego-graph > svg").is_displayed()  # the fallback
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
    # the static drawing, for a browser without JavaScript; this one runs the chart in its place
    graph = driver.find_element(By.CSS_SELECTOR, "#network-graph > svg")
    assert not graph.is_displayed()
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


# --- the interactive link chart (static/chart.js) -------------------------------------------------

def chart_node(driver: Any, node_id: str) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f'.chart a.node[data-id="{node_id}"]')


def chart_edge(driver: Any, source: str, target: str) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f'.chart a.edge[data-source="{source}"][data-target="{target}"]')


def centre_of(element: Any) -> tuple[float, float]:
    rect = element.rect
    return rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2


def click_on_curve(driver: Any, edge: Any) -> None:
    """Click an edge's curve a third of the way from its source (the middle of its bounding box may be off
    the stroke, and the target's label may lie over its middle)."""
    dx, dy = driver.execute_script(
        "const p = arguments[0].querySelector('path.line'); const svg = p.ownerSVGElement;"
        "const at = p.getPointAtLength(p.getTotalLength() / 3).matrixTransform(p.getScreenCTM());"
        "const box = svg.getBoundingClientRect();"
        "return [at.x - box.left - box.width / 2, at.y - box.top - box.height / 2];", edge)
    svg = driver.find_element(By.CSS_SELECTOR, ".chart svg.chart-svg")
    ActionChains(driver).move_to_element_with_offset(svg, round(dx), round(dy)).click().perform()


def test_network_chart_pan_zoom_drag_filter_and_follow_an_edge_to_its_sentence(news_server: str, driver: Any,
                                                                               news: NewsDb) -> None:
    driver.get(f"{news_server}/network")
    csp_violations(driver)  # forget earlier pages
    svg = driver.find_element(By.CSS_SELECTOR, "#network-graph .chart svg.chart-svg")
    assert svg.is_displayed() and svg.size["width"] > 300
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    viewport = svg.find_element(By.CSS_SELECTOR, "g.viewport")
    shot(driver, "chart-1-network")

    # drag a node: it follows the pointer, stays where it is dropped, and the drop opens nothing
    israel = chart_node(driver, "israel")
    before, transform = centre_of(israel.find_element(By.TAG_NAME, "circle")), israel.get_attribute("transform")
    ActionChains(driver).click_and_hold(israel.find_element(By.TAG_NAME, "circle")).move_by_offset(30, 10) \
        .move_by_offset(40, 30).release().perform()
    after = centre_of(israel.find_element(By.TAG_NAME, "circle"))
    assert abs(after[0] - before[0] - 70) < 4 and abs(after[1] - before[1] - 40) < 4, (before, after)
    assert israel.get_attribute("transform") != transform
    assert urlsplit(driver.current_url).path == "/network"
    shot(driver, "chart-2-dragged")

    # pan by dragging the background, zoom with the buttons and the wheel
    ActionChains(driver).move_to_element_with_offset(svg, -svg.size["width"] // 2 + 8, -svg.size["height"] // 2 + 8) \
        .click_and_hold().move_by_offset(50, 20).release().perform()
    assert re.fullmatch(r"translate\(\d+(\.\d+)? \d+(\.\d+)?\) scale\(1\.0000\)", viewport.get_attribute("transform"))
    assert viewport.get_attribute("transform") != "translate(0.00 0.00) scale(1.0000)"
    driver.find_element(By.CSS_SELECTOR, ".chart button.zoom-in").click()
    assert viewport.get_attribute("transform").endswith("scale(1.2500)")
    driver.find_element(By.CSS_SELECTOR, ".chart button.zoom-out").click()
    driver.find_element(By.CSS_SELECTOR, ".chart button.zoom-out").click()
    assert viewport.get_attribute("transform").endswith("scale(0.8000)")
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(svg), 0, -200).perform()
    WebDriverWait(driver, 5).until(lambda d: not viewport.get_attribute("transform").endswith("scale(0.8000)"))
    driver.find_element(By.CSS_SELECTOR, ".chart button.zoom-reset").click()
    assert viewport.get_attribute("transform") == "translate(0.00 0.00) scale(1.0000)"
    shot(driver, "chart-3-panned-zoomed")

    # filter by event type: only ASSAULT edges stay
    edges = driver.find_elements(By.CSS_SELECTOR, ".chart a.edge")
    kinds = {edge.get_dom_attribute("data-types") for edge in edges}
    assert "ASSAULT" in kinds and len(kinds) > 1, kinds
    Select(driver.find_element(By.ID, "chart-type")).select_by_value("ASSAULT")
    visible = [edge for edge in edges if edge.is_displayed()]
    assert visible and all(edge.get_dom_attribute("data-types") == "ASSAULT" for edge in visible)
    hidden = [edge for edge in edges if not edge.is_displayed()]
    assert hidden and len(visible) + len(hidden) == len(edges)
    assert chart_edge(driver, "israel", "hezbollah").is_displayed()
    shot(driver, "chart-4-filtered-assault")

    # by tone: cooperation hides every conflict edge; then a date range that holds no event hides all
    Select(driver.find_element(By.ID, "chart-type")).select_by_value("")
    Select(driver.find_element(By.ID, "chart-tone")).select_by_value("cooperation")
    visible = [edge for edge in edges if edge.is_displayed()]
    assert visible and all("cooperation" in edge.get_dom_attribute("class") for edge in visible)
    Select(driver.find_element(By.ID, "chart-tone")).select_by_value("")
    driver.execute_script("const i = document.getElementById('chart-from'); i.value = '2024-07-01';"
                          "i.dispatchEvent(new Event('change'));")
    later = [edge for edge in edges if edge.is_displayed()]
    assert later and len(later) < len(edges) and not chart_edge(driver, "iran", "venezuela").is_displayed()
    driver.execute_script("const i = document.getElementById('chart-from'); i.value = '';"
                          "i.dispatchEvent(new Event('change'));")
    assert all(edge.is_displayed() for edge in edges)

    # an edge opens its events, each linked to its sentence
    Select(driver.find_element(By.ID, "chart-type")).select_by_value("ASSAULT")
    click_on_curve(driver, chart_edge(driver, "israel", "hezbollah"))
    panel = driver.find_element(By.CSS_SELECTOR, ".chart-panel")
    WebDriverWait(driver, 5).until(lambda d: panel.is_displayed())
    assert urlsplit(driver.current_url).path == "/network"
    assert panel.find_element(By.TAG_NAME, "h3").text == "Israel → Hezbollah"
    entries = panel.find_elements(By.CSS_SELECTOR, "ul.chart-events li")
    assert [entry.find_element(By.CSS_SELECTOR, ".etype").text for entry in entries] == ["ASSAULT"]
    assert "Israel attacked Hezbollah" in entries[0].text and "2024-07-21" in entries[0].text
    shot(driver, "chart-5-edge-events")
    event = fetch_json(f"{news_server}/api/events?source=israel&target=hezbollah&type=ASSAULT")[0]
    link = entries[0].find_element(By.CSS_SELECTOR, "a.evidence")
    href = urlsplit(link.get_attribute("href"))
    assert (href.path, href.fragment) == (f"/articles/{news.keys['border-3']}", f"s{event['sentence']}")
    assert not csp_violations(driver)
    link.click()
    wait_for_path(driver, r"^/articles/\d+$")
    anchor = urlsplit(driver.current_url).fragment
    assert anchor == href.fragment
    assert driver.execute_script("return document.querySelector(':target').id") == anchor
    assert event["trigger_text"] in driver.find_element(By.ID, anchor).text
    shot(driver, "chart-6-sentence")

    # a click on a node (no drag) opens the actor
    driver.back()
    wait_for_path(driver, r"^/network$")
    chart_node(driver, "hezbollah").find_element(By.TAG_NAME, "circle").click()
    wait_for_path(driver, r"^/actors/hezbollah$")
    assert driver.find_element(By.ID, "actor-name").text == "Hezbollah"
    assert driver.execute_script("return window.__pwned === undefined") is True
    assert not csp_violations(driver)
    shot(driver, "chart-7-actor")


def test_actor_page_chart_shows_standing_ties(news_server: str, driver: Any) -> None:
    driver.get(f"{news_server}/actors/{MADURO}")
    csp_violations(driver)
    chart = driver.find_element(By.CSS_SELECTOR, "#ego-graph .chart")
    centre = chart_node(driver, MADURO)
    assert centre.find_element(By.TAG_NAME, "circle").get_attribute("r") == "11"
    ties = chart.find_elements(By.CSS_SELECTOR, "a.edge.tie")
    assert ties and all(edge.is_displayed() for edge in ties)
    box = driver.find_element(By.ID, "chart-ties")
    box.click()
    assert not any(edge.is_displayed() for edge in ties)
    box.click()
    # a tie's panel shows the hostile story's sentence as text, and nothing in it runs
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    click_on_curve(driver, chart_edge(driver, MADURO, "venezuela"))
    panel = chart.find_element(By.CSS_SELECTOR, ".chart-panel")
    WebDriverWait(driver, 5).until(lambda d: panel.is_displayed())
    assert IMG in panel.text and not panel.find_elements(By.CSS_SELECTOR, "img, script, b")
    assert driver.execute_script("return window.__pwned === undefined") is True
    shot(driver, "chart-actor")
    assert not csp_violations(driver)
