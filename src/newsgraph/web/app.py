"""The analyst's face: server-rendered pages over the store, and the same data as JSON under /api.

Pages and API call the Store's queries only. Article text and extracted strings are untrusted:
templates autoescape, the SVG is built from escaped pieces, an article's URL is a link only when it
is http(s), and a Content-Security-Policy allows no inline script, so nothing from an article can
run in the page. `security.py` wraps the whole application: the Host check and those headers.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from newsgraph.ontology import PLOVER_TYPES
from newsgraph.store import Store
from newsgraph.web.chart import chart_data, pair_events
from newsgraph.web.dyad_chart import dyad_svg
from newsgraph.web.graph import build_graph, graph_svg, layout, timeline_svg, tone
from newsgraph.web.highlight import highlighted
from newsgraph.web.params import (
    COMMON_ERRORS,
    NOT_FOUND,
    ActorId,
    ArticleKey,
    Channels,
    Day,
    NetworkLimit,
    Page,
    PageParam,
    PerPage,
    Status,
    StoryId,
)
from newsgraph.web.security import allowed_hosts, guarded, http_url

HERE = Path(__file__).parent
PER_PAGE = 25

EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)  # type: ignore[misc]


class GuardedAPI(FastAPI):
    """FastAPI with the host check and the security headers outside every layer it builds, Starlette's
    error middleware included: a middleware added the usual way sits inside that one and never sees
    the 500 it sends."""

    def __init__(self, hosts: list[str], **settings: Any) -> None:
        super().__init__(**settings)
        self.allowed_hosts = hosts

    def build_middleware_stack(self) -> ASGIApp:
        return guarded(super().build_middleware_stack(), self.allowed_hosts)


def create_app(db: str | None = None, hosts: list[str] | None = None) -> FastAPI:
    """The web face over a database, answering the Host names `hosts` (default: allowed_hosts())."""
    store = Store(db, create=False)
    # FastAPI's own /docs loads Swagger UI from a CDN with inline script: neither works offline nor
    # under the CSP, so the API is documented by a server-rendered page of the OpenAPI schema.
    app = GuardedAPI(allowed_hosts() if hosts is None else hosts, title="newsgraph", version="0.1.0",
                     docs_url=None, redoc_url=None, responses=COMMON_ERRORS,
                     description="Actors, events, quotes, ties and claims extracted from news, each with its sentence.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["tone"] = tone
    templates.env.filters["http_url"] = http_url
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        heading = {404: "Not found", 405: "Method not allowed", 422: "Bad request"}.get(status, "Error")
        return templates.TemplateResponse(request, "error.html", {"message": message, "heading": heading},
                                          status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Any:
        # error.headers carries Allow on a 405, which RFC 9110 requires
        return error_response(request, error.status_code, error.detail, error.headers)

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> Any:
        # Starlette's error middleware sends this, then re-raises for the server's log: the client
        # is told nothing of the internals.
        return error_response(request, 500, "internal error: the request could not be answered")

    def actor_or_404(entity_id: str) -> dict[str, Any]:
        profile = store.actor_profile(entity_id, mention_limit=30)
        if profile is None:
            raise HTTPException(404, f"no actor with id {entity_id!r}")
        return profile

    def story_or_404(story_id: int) -> dict[str, Any]:
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story event {story_id}")
        return story

    def ego(entity_id: str) -> dict:
        edges = store.network(actor=entity_id, limit=60)
        ties = store.ties(entity_id, limit=60)
        ids = {e["source"] for e in edges} | {e["target"] for e in edges} | {t["source"] for t in ties} \
            | {t["target"] for t in ties}
        return build_graph(edges, ties, store.entity_names(ids))

    def charted(graph: dict, centre: str | None, since: str | None = None, until: str | None = None,
                ties: list[dict[str, Any]] | None = None) -> tuple[Any, dict[str, Any] | None]:
        """The static SVG (the page without JavaScript) and the interactive chart's data, both from
        one server-side layout."""
        if not graph["nodes"]:
            return graph_svg(graph), None
        positions = layout(graph, centre)
        pairs = {(e["source"], e["target"]) for e in graph["edges"] if e["kind"] != "tie"}
        data = chart_data(graph, positions, pair_events(store.engine, pairs, since, until), ties, centre)
        return graph_svg(graph, centre=centre, positions=positions), data

    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    # --- JSON API ---------------------------------------------------------------------------
    @app.get("/api/search", tags=["api"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)], limit: PerPage = 20) -> list[dict]:
        return store.search_entities(q, limit)

    @app.get("/api/actors", tags=["api"])
    def api_actors(limit: PerPage = 50, type: str | None = None,  # noqa: A002 - the query name
                   channels: Channels = False) -> list[dict]:
        return store.actor_table(limit=limit, actor_type=type, include_channels=channels)

    @app.get("/api/actors/{entity_id}", tags=["api"], responses=NOT_FOUND)
    def api_actor(entity_id: ActorId) -> dict:
        profile = actor_or_404(entity_id)
        entity_id = profile["id"]
        profile["ties"] = store.ties(entity_id)
        profile["events"] = store.events(actor=entity_id, limit=50)
        profile["quotes_by"] = store.quotes(speaker=entity_id, limit=50)
        profile["quotes_about"] = store.quotes(about=entity_id, limit=50)
        return profile

    @app.get("/api/actors/{entity_id}/network", tags=["api"], responses=NOT_FOUND)
    def api_actor_network(entity_id: ActorId) -> dict:
        actor_or_404(entity_id)
        return ego(entity_id)

    @app.get("/api/actors/{entity_id}/timeline", tags=["api"], responses=NOT_FOUND)
    def api_actor_timeline(entity_id: ActorId) -> list[dict]:
        actor_or_404(entity_id)
        return store.timeline(entity_id)

    @app.get("/api/articles/{key}", tags=["api"], responses=NOT_FOUND)
    def api_article(key: ArticleKey) -> dict:
        found = store.article(key)
        if found is None:
            raise HTTPException(404, f"no article {key}")
        return found

    @app.get("/api/events", tags=["api"])
    def api_events(source: str | None = None, target: str | None = None, type: EventType | None = None,  # noqa: A002
                   status: Status | None = None, since: Day | None = None, until: Day | None = None,
                   page: Page = 1, per_page: PerPage = PER_PAGE) -> list[dict]:
        return store.events(source=source, target=target, event_type=type.value if type else None,
                            status=status.value if status else None, since=day(since), until=day(until),
                            limit=per_page, offset=(page - 1) * per_page)

    @app.get("/api/stories", tags=["api"])
    def api_stories(source: str | None = None, target: str | None = None, actor: str | None = None,
                    type: EventType | None = None, status: Status | None = None,  # noqa: A002
                    since: Day | None = None, until: Day | None = None, reports: bool = False, page: Page = 1,
                    per_page: PerPage = PER_PAGE) -> list[dict]:
        """Story events: the reports of one happening across articles, with how many articles and distinct
        outlets report it and the first and last report; `reports=true` lists them."""
        return store.story_events(source=source, target=target, actor=actor, event_type=type.value if type else None,
                                  status=status.value if status else None, since=day(since), until=day(until),
                                  limit=per_page, offset=(page - 1) * per_page, with_reports=reports)

    @app.get("/api/stories/{story_id}", tags=["api"], responses=NOT_FOUND)
    def api_story(story_id: StoryId) -> dict:
        return story_or_404(story_id)

    @app.get("/api/claims/groups", tags=["api"])
    def api_claim_groups(contested: bool = False, about: str | None = None, limit: PerPage = 50) -> list[dict]:
        """Claims of one subject and predicate across articles, who states and who denies them;
        `contested=true`: only those with both sides."""
        return store.claim_groups(contested=contested, about=about, limit=limit)

    @app.get("/api/dyad", tags=["api"])
    def api_dyad(a: Annotated[str, Query(min_length=1, max_length=200)],
                 b: Annotated[str, Query(min_length=1, max_length=200)]) -> list[dict]:
        """Story events between two actors (ids) per week and PLOVER type, with the week's
        cooperation-conflict score (mean PLOVER weight, -10 to +10)."""
        return store.dyad(a, b)

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(speaker: str | None = None, about: str | None = None, since: Day | None = None,
                   until: Day | None = None, page: Page = 1, per_page: PerPage = PER_PAGE) -> list[dict]:
        return store.quotes(speaker=speaker, about=about, since=day(since), until=day(until), limit=per_page,
                            offset=(page - 1) * per_page)

    @app.get("/api/claims", tags=["api"])
    def api_claims(status: Status | None = None, holder: str | None = None, about: str | None = None,
                   since: Day | None = None, until: Day | None = None, page: Page = 1,
                   per_page: PerPage = PER_PAGE) -> list[dict]:
        return store.claims(status=status.value if status else None, holder=holder, about=about, since=day(since),
                            until=day(until), limit=per_page, offset=(page - 1) * per_page)

    @app.get("/api/network", tags=["api"])
    def api_network(actor: str | None = None, since: Day | None = None, until: Day | None = None,
                    limit: NetworkLimit = 150) -> dict:
        edges = store.network(actor=actor, since=day(since), until=day(until), limit=limit)
        ids = {e["source"] for e in edges} | {e["target"] for e in edges}
        return build_graph(edges, [], store.entity_names(ids))

    # --- pages ------------------------------------------------------------------------------
    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        schema = app.openapi()
        routes = [{"path": path, "method": method.upper(), "summary": spec.get("summary", ""),
                   "parameters": spec.get("parameters", [])}
                  for path, methods in schema["paths"].items() for method, spec in methods.items()]
        return page(request, "docs.html", routes=routes)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, channels: Channels = False) -> HTMLResponse:
        return page(request, "home.html", actors=store.actor_table(limit=20, include_channels=channels),
                    channels=channels, events=store.events(limit=10),
                    quotes=store.quotes(limit=10), articles=store.count_articles())

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        return page(request, "search.html", q=q, results=store.search_entities(q, 50) if q.strip() else [])

    @app.get("/actors/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor(request: Request, entity_id: str) -> HTMLResponse:
        profile = actor_or_404(entity_id)
        entity_id = profile["id"]  # an entity merged into another shows that actor
        graph, chart = charted(ego(entity_id), entity_id, ties=store.ties(entity_id, limit=60))
        articles: dict[int, dict] = {}
        for mention in profile["mentions"]:
            articles.setdefault(mention["article_key"], mention)
        return page(request, "actor.html", actor=profile, graph=graph, chart=chart,
                    timeline=timeline_svg(store.timeline(entity_id)), ties=store.ties(entity_id),
                    events=store.events(actor=entity_id, limit=30),
                    stories=store.story_events(actor=entity_id, limit=30),
                    quotes_by=store.quotes(speaker=entity_id, limit=20),
                    quotes_about=store.quotes(about=entity_id, limit=20),
                    claims=store.claims(about=entity_id, limit=20),
                    sources=list(articles.values()))

    @app.get("/articles/{key}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, key: ArticleKey) -> HTMLResponse:
        found = store.article(key)
        if found is None:
            raise HTTPException(404, f"no article {key}")
        names = store.entity_names({m["entity"] for m in found["mentions"]})
        return page(request, "article.html", article=found, text=highlighted(found), names=names)

    # Filter forms send empty fields for "any"; pages read them as text and check them here.
    def form_date(value: str | None, name: str) -> str | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise HTTPException(422, f"{name} must be a date YYYY-MM-DD") from None

    def form_choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
        if not value:
            return None
        if value not in allowed:
            raise HTTPException(422, f"{name} must be one of {', '.join(allowed)}")
        return value

    statuses = tuple(s.value for s in Status)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, source: str | None = None, target: str | None = None,
                    type: str | None = None, status: str | None = None,  # noqa: A002
                    since: str | None = None, until: str | None = None, actor: str | None = None,
                    other: str | None = None, reports: str | None = None, page_number: PageParam = 1,
                    ) -> HTMLResponse:
        """Story events by default (one row per happening); reports=1: every report, one row per sentence."""
        filters = {"source": source, "target": target, "type": form_choice(type, "type", PLOVER_TYPES),
                   "status": form_choice(status, "status", statuses), "since": form_date(since, "since"),
                   "until": form_date(until, "until"), "actor": actor, "other": other,
                   "reports": "1" if reports else None}
        window = {"limit": PER_PAGE + 1, "offset": (page_number - 1) * PER_PAGE}
        if reports:
            rows = store.events(source=source or None, target=target or None, event_type=filters["type"],
                                status=filters["status"], since=filters["since"], until=filters["until"],
                                actor=actor or None, **window)
        else:
            rows = store.story_events(source=source or None, target=target or None, event_type=filters["type"],
                                      status=filters["status"], since=filters["since"], until=filters["until"],
                                      actor=None if other else actor or None,
                                      between=(actor, other) if actor and other else None, **window)
        return page(request, "events.html", rows=rows[:PER_PAGE], more=len(rows) > PER_PAGE, page=page_number,
                    filters=filters, types=PLOVER_TYPES)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: StoryId) -> HTMLResponse:
        return page(request, "story.html", story=story_or_404(story_id))

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: Annotated[str, Query(max_length=200)] = "",
                  b: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        names = store.entity_names([x for x in (a, b) if x])
        weeks = store.dyad(a, b) if a in names and b in names and a != b else []
        return page(request, "dyad.html", a=a, b=b, names=names, weeks=weeks, chart=dyad_svg(weeks, a, b))

    @app.get("/claims/contested", response_class=HTMLResponse, include_in_schema=False)
    def contested_page(request: Request, about: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        return page(request, "contested.html", groups=store.claim_groups(contested=True, about=about or None),
                    about=about)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: str | None = None, about: str | None = None,
                    since: str | None = None, until: str | None = None,
                    page_number: PageParam = 1) -> HTMLResponse:
        filters = {"speaker": speaker, "about": about, "since": form_date(since, "since"),
                   "until": form_date(until, "until")}
        rows = store.quotes(speaker=speaker or None, about=about or None, since=filters["since"],
                            until=filters["until"], limit=PER_PAGE + 1, offset=(page_number - 1) * PER_PAGE)
        return page(request, "quotes.html", rows=rows[:PER_PAGE], more=len(rows) > PER_PAGE, page=page_number,
                    filters=filters)

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, status: str | None = None, holder: str | None = None,
                    about: str | None = None, since: str | None = None, until: str | None = None,
                    page_number: PageParam = 1) -> HTMLResponse:
        filters = {"status": form_choice(status, "status", statuses), "holder": holder, "about": about,
                   "since": form_date(since, "since"), "until": form_date(until, "until")}
        rows = store.claims(status=filters["status"], holder=holder or None, about=about or None,
                            since=filters["since"], until=filters["until"], limit=PER_PAGE + 1,
                            offset=(page_number - 1) * PER_PAGE)
        return page(request, "claims.html", rows=rows[:PER_PAGE], more=len(rows) > PER_PAGE, page=page_number,
                    filters=filters)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, actor: str | None = None, since: str | None = None,
                     until: str | None = None) -> HTMLResponse:
        since, until = form_date(since, "since"), form_date(until, "until")
        edges = store.network(actor=actor or None, since=since, until=until, limit=120)
        ids = {e["source"] for e in edges} | {e["target"] for e in edges}
        graph = build_graph(edges, [], store.entity_names(ids))
        svg, chart = charted(graph, actor or None, since, until)
        return page(request, "network.html", graph=svg, chart=chart, edges=graph["edges"],
                    names={n["id"]: n["name"] for n in graph["nodes"]},
                    filters={"actor": actor, "since": since, "until": until})

    return app
