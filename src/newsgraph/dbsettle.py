"""The tables derived from the stored facts, counted for many articles at once: the summaries the actor
pages read (actor_stats, actor_aliases, actor_months, event_edges) and the links of quotes and claims to
the actors they name (quotes_about, claims_about), one set-based statement each, and the stories
(resolve/storystore.py).

Counting them per stored batch cost the store a quarter of its load rate (issue 14): each batch of 32
articles added to the same actors' rows again, and looked up and recounted the same stories; and the
links, made in Python and sent row by row, cost more than the database deriving them itself. So a write
lists its new articles in unsettled_articles, in the transaction that stores them, and `settle` counts
every listed article and unlists it, in one transaction: an article is counted exactly once, whoever
settles it (the ingest that stored it, any later write after that ingest was killed, a merge of actors),
and until then the database says which articles the summaries lack, so nothing is lost.

Settling runs with the list locked (`lock_unsettled`), so two processes never count one article twice.
Actors are counted as their canonical entity (resolve/actors.py) as it stands when they are settled.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from newsgraph.resolve.storystore import group_events

# The listed articles a settle counts: those up to a key, the smallest first (stories group in the order
# articles were stored). Each table's rows are added to the stored ones: an actor's row may be there.
CHOSEN = "WITH chosen AS (SELECT article FROM unsettled_articles WHERE article <= :last)"


def _canonical(column: str, alias: str) -> str:
    """The join that gives `column`'s canonical entity as COALESCE(alias.canonical, column)."""
    return f"LEFT JOIN actor_resolution {alias} ON {alias}.entity = {column}"


# The mentions of the chosen articles, each with its canonical actor, copied once into a table of this
# transaction with the two indexes the links need: four statements read them, and the links' joins by
# sentence and by offset are answered from these indexes rather than from the mentions table's rows.
SETTLING = (
    'CREATE TEMP TABLE settling (article INTEGER, sentence INTEGER, start INTEGER, "end" INTEGER, '
    'actor VARCHAR(200), "text" TEXT)',
    f"""{CHOSEN}
INSERT INTO settling (article, sentence, start, "end", actor, "text")
SELECT m.article, m.sentence, m.start, m."end", COALESCE(r.canonical, m.entity), m."text"
FROM chosen c JOIN mentions m ON m.article = c.article {_canonical("m.entity", "r")}""",
    "CREATE INDEX settling_in ON settling (article, sentence, actor)",
    "CREATE INDEX settling_at ON settling (article, start)",
)

# SQLite reads "ON CONFLICT" after a FROM as a join's ON unless the SELECT has a WHERE: hence "WHERE true".
ALIASES = """INSERT INTO actor_aliases (entity, "text", mentions)
SELECT actor, "text", count(*) FROM settling WHERE true GROUP BY actor, "text" ORDER BY 1, 2
ON CONFLICT (entity, "text") DO UPDATE SET mentions = actor_aliases.mentions + excluded.mentions"""

# acts: the events and ties an actor named in the article is an end of (once, were it both ends), and the
# quotes it speaks; an outlet with none was only a channel or a name there (dbschema.actor_stats)
STATS = f"""{CHOSEN},
named AS (SELECT article, actor, count(*) AS n FROM settling GROUP BY article, actor),
ends AS (
  SELECT e.article, COALESCE(s.canonical, e.source) AS one, COALESCE(t.canonical, e.target) AS other
  FROM chosen c JOIN events e ON e.article = c.article {_canonical("e.source", "s")} {_canonical("e.target", "t")}
  UNION ALL SELECT e.article, COALESCE(s.canonical, e.source), COALESCE(t.canonical, e.target)
  FROM chosen c JOIN relations e ON e.article = c.article {_canonical("e.source", "s")} {_canonical("e.target", "t")}
  UNION ALL SELECT q.article, COALESCE(s.canonical, q.speaker), NULL
  FROM chosen c JOIN quotes q ON q.article = c.article {_canonical("q.speaker", "s")} WHERE q.speaker IS NOT NULL),
acting AS (
  SELECT actor, count(*) AS acts FROM (
    SELECT n.actor FROM ends x JOIN named n ON n.article = x.article AND n.actor = x.one
    UNION ALL SELECT n.actor FROM ends x JOIN named n ON n.article = x.article AND n.actor = x.other
    WHERE x.one IS NULL OR x.other <> x.one) AS taking_part
  GROUP BY actor)
INSERT INTO actor_stats (entity, articles, mentions, acts)
SELECT n.actor, count(*), sum(n.n), COALESCE(max(a.acts), 0) FROM named n LEFT JOIN acting a ON a.actor = n.actor
WHERE true GROUP BY n.actor ORDER BY 1
ON CONFLICT (entity) DO UPDATE SET articles = actor_stats.articles + excluded.articles,
  mentions = actor_stats.mentions + excluded.mentions, acts = actor_stats.acts + excluded.acts"""

# an event counts in the month of its own start date, else of its article's publication; an actor at
# both ends of one event once (the UNION), as `source = X OR target = X` would count it
MONTHS = f"""{CHOSEN},
dated AS (
  SELECT e.id, e.type, substr(COALESCE(e.date_start, a.published), 1, 7) AS month, e.source, e.target
  FROM chosen c JOIN events e ON e.article = c.article JOIN articles a ON a.id = e.article
  WHERE COALESCE(e.date_start, a.published) IS NOT NULL),
touched AS (
  SELECT d.id, d.type, d.month, COALESCE(r.canonical, d.source) AS actor
  FROM dated d {_canonical("d.source", "r")} WHERE d.source IS NOT NULL
  UNION SELECT d.id, d.type, d.month, COALESCE(r.canonical, d.target)
  FROM dated d {_canonical("d.target", "r")} WHERE d.target IS NOT NULL)
INSERT INTO actor_months (entity, month, type, "count")
SELECT actor, month, type, count(*) FROM touched WHERE true GROUP BY actor, month, type ORDER BY 1, 2, 3
ON CONFLICT (entity, month, type) DO UPDATE SET "count" = actor_months."count" + excluded."count\""""

EDGES = f"""{CHOSEN}
INSERT INTO event_edges (source, target, type, "count")
SELECT COALESCE(s.canonical, e.source), COALESCE(t.canonical, e.target), e.type, count(*)
FROM chosen c JOIN events e ON e.article = c.article {_canonical("e.source", "s")} {_canonical("e.target", "t")}
WHERE e.source IS NOT NULL AND e.target IS NOT NULL
GROUP BY COALESCE(s.canonical, e.source), COALESCE(t.canonical, e.target), e.type ORDER BY 1, 2, 3
ON CONFLICT (source, target, type) DO UPDATE SET "count" = event_edges."count" + excluded."count\""""

# an actor named by a mention inside a quote's content, or in a claim's sentence: one row per actor and
# quote or claim, however many of its entities or mentions are there; inserted in the order of the key
# (actor, article, n), which the table's indexes start with, so that their pages are filled in turn
# rather than each row landing on another (a third of the claims links' cost)
QUOTES_ABOUT = f"""{CHOSEN}
INSERT INTO quotes_about (entity, article, n, day, content_start)
SELECT DISTINCT s.actor, q.article, q.n, q.day, q.content_start
FROM chosen c JOIN quotes q ON q.article = c.article
JOIN settling s ON s.article = q.article AND s.start BETWEEN q.content_start AND q.content_end
  AND s."end" <= q.content_end
ORDER BY 1, 2, 3"""

CLAIMS_ABOUT = f"""{CHOSEN}
INSERT INTO claims_about (entity, article, n, day, sentence)
SELECT DISTINCT s.actor, k.article, k.n, k.day, k.sentence
FROM chosen c JOIN claims k ON k.article = c.article
JOIN settling s ON s.article = k.article AND s.sentence = k.sentence
ORDER BY 1, 2, 3"""

# in this order, every writer: shared rows locked in one order
DERIVED = (*SETTLING, STATS, ALIASES, MONTHS, EDGES, QUOTES_ABOUT, CLAIMS_ABOUT, "DROP TABLE settling")


def lock_unsettled(conn: Connection) -> None:
    """Hold the list of unsettled articles for this transaction, before anything else in it: another
    writer may still list articles (SQLite: not until this commits; PostgreSQL: they wait) but no other
    settle can count the same ones. On SQLite the write lock is taken at once (BEGIN IMMEDIATE), so what
    the settle reads is what it writes over; a transaction that has written already holds it."""
    if conn.dialect.name == "sqlite":
        if not conn.connection.dbapi_connection.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE unsettled_articles IN SHARE ROW EXCLUSIVE MODE")


def settle(conn: Connection, stories: bool = True, limit: int | None = None) -> int:
    """Count the summaries, the links and (if `stories`) the stories of the listed articles, at most
    `limit` of them, the smallest keys first, and unlist them; in the caller's transaction, which has
    locked the list (lock_unsettled). The number of articles settled."""
    chosen = conn.execute(text("SELECT article FROM unsettled_articles ORDER BY article"
                               + ("" if limit is None else " LIMIT :limit")),
                          {} if limit is None else {"limit": limit}).scalars().all()
    if not chosen:
        return 0
    last = {"last": chosen[-1]}
    for statement in DERIVED:
        conn.execute(text(statement), last)
    if stories:
        meta: dict[int, dict[str, Any]] = {row.id: {"outlet": row.outlet, "published": row.published}
                                           for row in conn.execute(text(
            "SELECT id, outlet, published FROM articles WHERE id IN "
            "(SELECT article FROM unsettled_articles WHERE article <= :last) ORDER BY id"), last)}
        group_events(conn, meta)
    conn.execute(text("DELETE FROM unsettled_articles WHERE article <= :last"), last)
    return len(chosen)
