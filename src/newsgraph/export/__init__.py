"""Exports of the store for other tools: FollowTheMoney, PLOVER, GEXF, GraphML, CSV and Parquet.

`selection` reads what the filters select (once, read-only); one module per format family writes it;
`formats` is the one table the command line dispatches through."""
