"""Median response time of the actor page and the network page on a database of 10,000 articles.

    python benchmarks/web_latency.py [--articles 10000] [--requests 40] [--db PATH]

The database is filled with synthetic extraction records (actors drawn from the knowledge base,
events, quotes, ties and claims between them, each with its sentence), because what is measured
is the query and rendering cost at that size, not extraction. The real server (uvicorn) answers
over HTTP; the script prints median and 95th-percentile times per page.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from common import free_port

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "SANCTION", "COERCE", "ASSAULT"]


def synthetic_records(count: int, seed: int = 11):  # noqa: ANN201 - a generator of Extraction
    from newsgraph.kb.loader import default_kb
    from newsgraph.record import Article, Claim, Entity, Event, Mention, Quote, Relation, Sentence, Span

    kb = default_kb()
    pool = [e for e in kb.entries.values() if e.type in {"country", "person", "armed_group", "government_body"}][:400]
    weights = [1 / (i + 1) for i in range(len(pool))]  # a few actors dominate the news, as in life
    rng = random.Random(seed)
    for n in range(count):
        actors = list({e.id: e for e in rng.choices(pool, weights=weights, k=5)}.values())
        sentences, text, entities = [], "", []
        for i, actor in enumerate(actors):
            other = actors[(i + 1) % len(actors)]
            line = f"{actor.name} discussed the situation with {other.name} in statement {n}-{i}. "
            start = len(text)
            text += line
            sentences.append(Sentence(i, start, start + len(line) - 1))
            entities.append(Entity(id=actor.id, name=actor.name, type=actor.type, country=actor.country, kb=True,
                                   mentions=[Mention(actor.name, start, start + len(actor.name), i)]))
        events = [Event(type=rng.choice(TYPES), source=a.id, target=actors[(i + 1) % len(actors)].id,
                        trigger=Span("discussed", sentences[i].start + len(a.name) + 1,
                                     sentences[i].start + len(a.name) + 10), sentence=i)
                  for i, a in enumerate(actors)]
        quotes = [Quote(speaker=actors[0].id, speaker_text=actors[0].name, cue=Span("discussed", 0, 9),
                        content=Span(text[:20], 0, 20), direct=False, sentence=0)]
        relations = [Relation(cls="alliance", type="alliance", source=actors[0].id, target=actors[-1].id, sentence=0)]
        claims = [Claim(sentence=i, status="asserted") for i in range(len(actors))]
        month = 1 + n % 12
        article = Article(id=f"synthetic-{n}", text=text, title=f"Synthetic article {n}",
                          published=f"{2024 + n % 2}-{month:02d}-{1 + n % 28:02d}")
        from newsgraph.record import Extraction

        yield Extraction(article, sentences, entities, events, quotes, relations, claims)


def build(db: Path, count: int) -> None:
    from newsgraph.store import Store

    store = Store(str(db))
    if store.count_articles() >= count:
        return
    started = time.perf_counter()
    for record in synthetic_records(count):
        store.add(record)
    print(f"built {count} synthetic articles in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()

    import uvicorn

    from newsgraph.store import Store
    from newsgraph.web.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "web.db"
        build(db, args.articles)
        top = [row["id"] for row in Store(str(db)).actor_table(limit=args.requests)]
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(str(db)), port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        pages = {
            "actor page": [f"/actors/{actor}" for actor in top],
            "network page": [f"/network?actor={actor}" for actor in top[: args.requests // 2]] + ["/network"] * 2,
            "network page, date range": [f"/network?since=2024-03-01&until=2024-09-30&actor={a}" for a in top[:10]],
        }
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            client.get("/")  # warm up
            print(f"{Store(str(db)).count_articles()} articles in the database")
            for name, urls in pages.items():
                times = []
                for url in urls:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                print(f"{name:<26} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   "
                      f"({len(times)} requests)")
        server.should_exit = True


if __name__ == "__main__":
    main()
