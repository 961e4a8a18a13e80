"""Runs of words the repository shares with an evaluation text.

    python benchmarks/evaluation_overlap.py [--words 8]

Rules, comments and tests must not quote the texts the extractor is scored on (a rule written around one
evaluation sentence is fitted to what can be seen). This lists every run of N consecutive words (lower case,
punctuation dropped) that a source, data, test or document file shares with an evaluation text: the gold sets
and the study sets (their article.txt), PolNeAR's articles and PLOVER's development records, all read from
../shared at run time. Organisation names are facts and may be shared ("the Bureau of International Narcotics
and Law Enforcement Affairs"); sentences may not.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[a-z0-9']+")
CHECKED = ("src/**/*.py", "src/**/*.yaml", "tests/*.py", "benchmarks/*.py", "docs/*.md")


def runs(text: str, size: int) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def evaluation_texts() -> dict[str, str]:
    """Each evaluation text by a short name of where it comes from."""
    texts = {}
    for path in [*SHARED.glob("gold/*/*/article.txt"), *ROOT.glob("study/*/*/article.txt")]:
        texts[f"{path.parent.parent.name}/{path.parent.name}"] = path.read_text(encoding="utf-8")
    plover = SHARED / "plover" / "dev.json"
    if plover.exists():
        records = json.loads(plover.read_text(encoding="utf-8"))
        for number, record in enumerate(records if isinstance(records, list) else records.values()):
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                texts[f"plover/{number}"] = record["text"]
    for path in (SHARED / "polnear").rglob("*"):
        if path.is_file() and path.suffix not in {".md", ".tsv"}:
            texts[f"polnear/{path.name}"] = path.read_text(encoding="utf-8", errors="ignore")
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=8, help="length of a shared run (default 8)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to compare with")
        return 1
    origin: dict[str, str] = {}
    for name, text in evaluation_texts().items():
        for run in runs(text, args.words):
            origin.setdefault(run, name)
    shared = 0
    for pattern in CHECKED:
        for path in sorted(ROOT.glob(pattern)):
            found = sorted(runs(path.read_text(encoding="utf-8"), args.words) & origin.keys())
            for run in found:
                shared += 1
                print(f"{path.relative_to(ROOT)}: {origin[run]}: {run}")
    print(f"{shared} shared run(s) of {args.words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
