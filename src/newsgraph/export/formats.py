"""The export formats, what each writes to and what it needs: the one place `newsgraph export` asks."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.export.selection import Selection


class ExportError(Exception):
    """An export that cannot be made (a missing optional library, an unusable --out); one line."""


@dataclass(frozen=True)
class Format:
    name: str
    folder: bool  # writes a folder of files (--out required) rather than one file or stdout
    binary: bool  # one file written as bytes
    needs_text: bool = False  # reads the articles' full text


FORMATS = {f.name: f for f in (
    Format("ftm", folder=False, binary=True, needs_text=True),
    Format("plover", folder=False, binary=False),
    Format("gexf", folder=False, binary=True),
    Format("graphml", folder=False, binary=True),
    Format("csv", folder=True, binary=False),
    Format("parquet", folder=True, binary=False),
)}


def _writer(name: str) -> Callable[..., object]:
    """The module of a format, imported when asked: followthemoney is an optional extra."""
    if name == "ftm":
        try:
            from newsgraph.export.ftm import write_ftm
        except ModuleNotFoundError as error:
            if (error.name or "").split(".")[0] != "followthemoney":
                raise
            raise ExportError("the ftm format needs the followthemoney library: "
                              "pip install 'newsgraph[export]'") from None
        return write_ftm
    if name == "plover":
        from newsgraph.export.plover import write_plover
        return write_plover
    if name in {"gexf", "graphml"}:
        from newsgraph.export import graph
        return graph.write_gexf if name == "gexf" else graph.write_graphml
    from newsgraph.export import tables
    return tables.write_csv if name == "csv" else tables.write_parquet


def check_format(name: str, out: Path | None) -> Format:
    """The format named, checked against --out before anything is read; ExportError says what is wrong."""
    fmt = FORMATS.get(name)
    if fmt is None:
        raise ExportError(f"--format must be one of {', '.join(FORMATS)}, got {name!r}")
    if fmt.folder and out is None:
        raise ExportError(f"--format {name} writes a folder of tables: give it with --out DIR")
    if out is not None:
        if fmt.folder and out.exists() and not out.is_dir():
            raise ExportError(f"--out {out}: not a folder (the {name} format writes one file per table into it)")
        if not fmt.folder and out.is_dir():
            raise ExportError(f"--out {out}: is a folder; the {name} format writes one file")
        parent = out if fmt.folder and out.exists() else out.parent
        if not parent.is_dir():
            raise ExportError(f"--out {out}: folder {parent} does not exist")
    _writer(name)  # a missing optional library is said now, before the database is read
    return fmt


def write(fmt: Format, selection: Selection, out: Path | None) -> str:
    """Write the selection; a short summary of what was written, for the terminal."""
    writer = _writer(fmt.name)
    if fmt.folder:
        assert out is not None
        paths = writer(selection, out)
        return f"{len(paths)} tables in {out}: " + ", ".join(p.name for p in paths)  # type: ignore[attr-defined]
    if out is None:
        stream = sys.stdout.buffer if fmt.binary else sys.stdout
        returned = writer(selection, stream)
        stream.flush()
    else:
        with out.open("wb" if fmt.binary else "w", **({} if fmt.binary else {"encoding": "utf-8"})) as handle:
            returned = writer(selection, handle)
    summary = (f"{len(selection.events)} events, {len(selection.ties)} ties, {len(selection.actors)} actors, "
               f"{len(selection.articles)} articles" + (f" to {out}" if out else ""))
    if fmt.name == "plover" and returned:  # the PLOVER writer returns how many events it left out
        summary += f"; {returned} undated event(s) left out (PLOVER requires a date)"
    return summary
