"""The parameters of the JSON API and the error answers its schema documents.

Every bound here is what keeps a request out of the store's reach when it is malformed: a number
past SQLite's 64 bits, a page so far that the offset overflows, a date written as a timestamp. Each
such request answers 422, as the OpenAPI schema says, and none gets as far as a 500.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BaseModel, BeforeValidator

MAX_KEY = 2**63 - 1  # SQLite's largest integer: a larger key overflows the driver instead of missing


class Status(StrEnum):
    asserted = "asserted"
    attributed = "attributed"
    hedged = "hedged"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day_only(value: Any) -> Any:
    # pydantic also reads "0" or "1700000000" as a date (a Unix time); the schema says YYYY-MM-DD.
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_iso_day_only)]
Page = Annotated[int, Query(ge=1, le=100000, description="page number, from 1")]
PageParam = Annotated[int, Query(ge=1, le=100000, alias="page", description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=200)]
NetworkLimit = Annotated[int, Query(ge=1, le=1000)]
# ?channels=1: also list media only ever cited as a quote's channel ("told Radio Ruritania")
Channels = Annotated[bool, Query(description="include media that are only cited as a channel (1) or not (0)")]
StoryId = Annotated[int, Path(ge=1, le=MAX_KEY, description="the story event's id", examples=[1])]
ArticleKey = Annotated[int, Path(ge=1, le=MAX_KEY, description="the article's key in the store", examples=[1])]
# Examples tell a reader (and a schema fuzzer) what an id looks like: a knowledge-base id or a slug.
ActorId = Annotated[str, Path(description="the actor's id", examples=["venezuela", "nicolas-maduro"])]


class Problem(BaseModel):
    """What an error answers: one sentence saying what was wrong."""

    detail: str


# Documented on every operation: the host check (Starlette's, plain text) answers before any route does.
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "the Host header is not one this server answers",
          "content": {"text/plain": {"schema": {"type": "string"}}}},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "no such actor or article"}}
