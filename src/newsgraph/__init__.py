"""newsgraph: news articles into a sourced, queryable intelligence graph."""

__version__ = "0.1.0"
