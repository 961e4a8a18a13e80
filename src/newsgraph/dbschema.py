"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Facts (mentions, events, quotes, relations, claims) carry `day`, their article's publication date
('' when undated; for an event its own start date first) so that a page of one actor's facts, newest
first, is read straight off an index that starts with the actor and follows the page's order: the
query stops after the page instead of sorting every row of the actor. '' rather than NULL because
the two backends put NULLs at opposite ends of an index, and '' sorts below every date on both.

Summary tables answer what would otherwise aggregate every row of an actor on each request: actor_stats
(articles and mentions per actor, and `acts`: the events, ties and quotes it takes part in as an end or
the speaker, which tells a medium that acts from one only cited as a quote's channel), actor_aliases
(each distinct mention text and how often), actor_months (the timeline), event_edges (the network),
quotes_about and claims_about (which quotes and claims name an actor; links, not counts, but derived
from the facts as the summaries are). story_events and story_reports group the events of all articles
into happenings (resolve/stories.py), and story_edges counts them per (source, target, type) for the
network.
They hold no foreign keys: nothing deletes articles, and the checks would cost every insert a lookup.
The summaries, the links and the stories are counted by dbsettle.py for many articles at once: an
article stored before they count it is listed in unsettled_articles, in the transaction that stores
it, and unlisted in the one that counts it.

Resolved actors (resolve/actors.py): actor_resolution maps an entity merged into another to its
canonical entity, with the reason, the score and whether a user decided it; an entity without a row is
its own canonical. Facts keep the entity the article named; the summary tables and quotes_about and
claims_about are keyed by the canonical entity, so a merged actor counts once. actor_apart holds the
pairs a user split (never merged again), actor_keys the blocking keys of each resolvable entity's name.

Schema changes are not migrated: a database made by an earlier newsgraph is re-ingested.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()


def _day() -> Column:
    return Column("day", String(10), nullable=False)


def _position() -> Column:
    """A quote's or claim's place in its article's list: with the article, its key in quotes_about and
    claims_about, known before the row has an id."""
    return Column("n", Integer, nullable=False)


def _fact() -> list[Column]:
    """The columns every fact starts with: its id, its article, its sentence in the article."""
    return [Column("id", Integer, primary_key=True),
            Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
            Column("sentence", Integer, nullable=False)]


articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("article_id", String(300), nullable=False, index=True),
    Column("title", Text), Column("published", String(10), index=True), Column("outlet", String(300)),
    Column("url", Text), Column("language", String(10)), Column("source_path", Text),
    Column("text", Text, nullable=False),
    Column("model", String(100)),
)
# Offsets only: a sentence's text is sliced from its article's when it is read.
sentences = Table(
    "sentences", metadata,
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
)
entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),  # knowledge-base id, or a slug of the name
    Column("name", Text, nullable=False), Column("type", String(40), nullable=False, index=True),
    Column("country", String(2)), Column("kb", Boolean, nullable=False), Column("role", Text),
)
mentions = Table(
    "mentions", metadata,
    *_fact(),
    Column("entity", String(200), ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    _day(),
)
events = Table(
    "events", metadata,
    *_fact(),
    Column("type", String(20), nullable=False, index=True), Column("mode", String(40)),
    Column("source", String(200)), Column("target", String(200)),
    Column("source_text", Text), Column("target_text", Text),
    Column("trigger_text", Text), Column("trigger_start", Integer), Column("trigger_end", Integer),
    Column("status", String(20)), Column("attributed_to", String(200)), Column("negated", Boolean),
    Column("date_text", Text), Column("date_start", String(10), index=True), Column("date_end", String(10)),
    Column("quantity", JSON), Column("location", Text),
    _day(),  # the event's start date, else its article's publication date
)
quotes = Table(
    "quotes", metadata,
    *_fact(),
    Column("speaker", String(200)), Column("speaker_text", Text),
    Column("cue_text", Text), Column("cue_start", Integer), Column("cue_end", Integer),
    Column("content_text", Text), Column("content_start", Integer), Column("content_end", Integer),
    Column("direct", Boolean), Column("channel", String(200)),
    _day(), _position(),
)
relations = Table(
    "relations", metadata,
    *_fact(),
    Column("class", String(20), nullable=False), Column("type", String(40)),
    Column("source", String(200), nullable=False),
    Column("target", String(200), nullable=False),
    Column("evidence", Text),
    _day(),
)
claims = Table(
    "claims", metadata,
    *_fact(),
    Column("status", String(20), nullable=False, index=True),
    Column("holder", String(200), index=True), Column("holder_text", Text), Column("cue", Text),
    _day(), _position(),
    # what the claim is about, normalised at extraction (nlp/claim_keys.py), and whether it denies it
    Column("subject", String(200)), Column("predicate", String(200)), Column("denies", Boolean),
)
quotes_about = Table(  # an actor named inside a quote's content
    "quotes_about", metadata,
    Column("entity", String(200), primary_key=True), Column("article", Integer, primary_key=True),
    Column("n", Integer, primary_key=True), _day(), Column("content_start", Integer),
)
claims_about = Table(  # an actor named in a claim's sentence
    "claims_about", metadata,
    Column("entity", String(200), primary_key=True), Column("article", Integer, primary_key=True),
    Column("n", Integer, primary_key=True), _day(), Column("sentence", Integer, nullable=False),
)
actor_stats = Table(
    "actor_stats", metadata,
    Column("entity", String(200), primary_key=True),
    Column("articles", Integer, nullable=False), Column("mentions", Integer, nullable=False),
    # events (either end), ties (either end) and quotes (the speaker) the actor takes part in: 0 for an
    # outlet that is only ever a channel ("told Radio Ruritania"), left out of actor lists by default
    Column("acts", Integer, nullable=False),
)
actor_aliases = Table(
    "actor_aliases", metadata,
    Column("entity", String(200), primary_key=True), Column("text", Text, primary_key=True),
    Column("mentions", Integer, nullable=False),
)
actor_months = Table(  # events by or against an actor per month and type
    "actor_months", metadata,
    Column("entity", String(200), primary_key=True), Column("month", String(7), primary_key=True),
    Column("type", String(20), primary_key=True), Column("count", Integer, nullable=False),
)
event_edges = Table(  # events per (source, target, type), both ends actors
    "event_edges", metadata,
    Column("source", String(200), primary_key=True), Column("target", String(200), primary_key=True),
    Column("type", String(20), primary_key=True), Column("count", Integer, nullable=False),
)
story_events = Table(  # reports of one happening across articles (resolve/stories.py)
    "story_events", metadata,
    Column("id", Integer, primary_key=True),  # the id of its first report's event
    Column("match_key", String(450), nullable=False),  # family, source and target: what a report must share
    Column("family", String(20), nullable=False), Column("type", String(20), nullable=False),
    Column("source", String(200)), Column("target", String(200)),
    Column("date_start", String(10)), Column("date_end", String(10)), Column("location", Text),
    Column("words", Text),  # what its reports say the act was done to (resolve/stories.py), space-separated
    # reports: articles that report it (GDELT's NumArticles); outlets: distinct outlets (NumSources);
    # mentions: its events, an article that says it twice counting twice
    Column("reports", Integer, nullable=False), Column("outlets", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("first_report", String(10)), Column("last_report", String(10)),  # publication days
    _day(),  # its start date, else ''
)
story_edges = Table(  # story events per (source, target, type), both ends actors: the network's edges
    "story_edges", metadata,
    Column("source", String(200), primary_key=True), Column("target", String(200), primary_key=True),
    Column("type", String(20), primary_key=True), Column("count", Integer, nullable=False),
)
story_reports = Table(  # each event row, as a report of its story
    "story_reports", metadata,
    Column("event", Integer, primary_key=True), Column("story", Integer, nullable=False),
    Column("article", Integer, nullable=False), Column("sentence", Integer, nullable=False),
    Column("outlet", String(300)), Column("status", String(20)), Column("negated", Boolean),
    Column("published", String(10)),
)
unsettled_articles = Table(  # stored articles whose summaries and stories are not counted yet (dbsettle.py)
    "unsettled_articles", metadata,
    Column("article", Integer, primary_key=True),
)
actor_resolution = Table(
    "actor_resolution", metadata,
    Column("entity", String(200), primary_key=True),
    Column("canonical", String(200), nullable=False, index=True),
    Column("reason", String(60), nullable=False), Column("score", Float, nullable=False),
    Column("by_user", Boolean, nullable=False),
)
actor_apart = Table(  # stored once per pair, the smaller id first
    "actor_apart", metadata,
    Column("entity", String(200), primary_key=True), Column("other", String(200), primary_key=True),
)
actor_keys = Table(
    "actor_keys", metadata,
    Column("key", String(300), primary_key=True), Column("entity", String(200), primary_key=True),
)

# Each page index starts with the actor and continues in the page's order, ending on the row id.
Index("ix_mentions_entity_page", mentions.c.entity, mentions.c.day.desc(), mentions.c.article, mentions.c.start,
      mentions.c.id)
Index("ix_mentions_article", mentions.c.article, mentions.c.sentence)
Index("ix_events_source_page", events.c.source, events.c.day.desc(), events.c.article, events.c.trigger_start,
      events.c.id)
Index("ix_events_target_page", events.c.target, events.c.day.desc(), events.c.article, events.c.trigger_start,
      events.c.id)
Index("ix_events_page", events.c.day.desc(), events.c.article, events.c.trigger_start, events.c.id)
# the interactive chart's newest events of one (source, target, type), read a few at a time
Index("ix_events_pair_page", events.c.source, events.c.target, events.c.type, events.c.day.desc(), events.c.id.desc())
Index("ix_events_article", events.c.article)
Index("ix_quotes_speaker_page", quotes.c.speaker, quotes.c.day.desc(), quotes.c.article, quotes.c.content_start,
      quotes.c.id)
Index("ix_quotes_page", quotes.c.day.desc(), quotes.c.article, quotes.c.content_start, quotes.c.id)
Index("ix_quotes_article", quotes.c.article, quotes.c.n, unique=True)
Index("ix_relations_source_page", relations.c.source, relations.c["class"], relations.c.day.desc(), relations.c.id)
Index("ix_relations_target_page", relations.c.target, relations.c["class"], relations.c.day.desc(), relations.c.id)
Index("ix_relations_article", relations.c.article)
Index("ix_claims_page", claims.c.day.desc(), claims.c.article, claims.c.sentence, claims.c.id)
Index("ix_claims_article", claims.c.article, claims.c.n, unique=True)
Index("ix_quotes_about_page", quotes_about.c.entity, quotes_about.c.day.desc(), quotes_about.c.article,
      quotes_about.c.content_start, quotes_about.c.n)
Index("ix_claims_about_page", claims_about.c.entity, claims_about.c.day.desc(), claims_about.c.article,
      claims_about.c.sentence, claims_about.c.n)
Index("ix_actor_stats_rank", actor_stats.c.articles.desc(), actor_stats.c.mentions.desc())
Index("ix_event_edges_target", event_edges.c.target)
Index("ix_story_events_match", story_events.c.match_key, story_events.c.date_start)
Index("ix_story_events_page", story_events.c.day.desc(), story_events.c.id.desc())
Index("ix_story_events_source_page", story_events.c.source, story_events.c.day.desc(), story_events.c.id.desc())
Index("ix_story_events_target_page", story_events.c.target, story_events.c.day.desc(), story_events.c.id.desc())
Index("ix_story_edges_target", story_edges.c.target)
Index("ix_story_reports_story", story_reports.c.story, story_reports.c.published, story_reports.c.event)
Index("ix_claims_key", claims.c.subject, claims.c.predicate)

FACT_TABLES = (sentences, mentions, events, quotes, relations, claims)
