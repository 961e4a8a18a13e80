"""The error of a spaCy pipeline that is not installed, importable without importing spaCy: `ingest` and
`extract --workers N` catch it from worker processes, and importing spaCy only to name it cost the command
half a second before the workers could start loading their models (issue 14)."""

from __future__ import annotations


class ModelNotFound(RuntimeError):
    pass
