"""`extract --workers 2` extracts in two processes and prints, byte for byte, what one process prints, in
the input order; a bad count fails in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import parallel

# Written for this test. The first is the longest by far, so that the worker given the first chunk is
# still parsing when the other has finished the second: the order printed must still be the input's.
ARTICLES = [
    ("harbour-1", "2025-04-02",
     "Chile's transport minister, Juan Carlos Muñoz, said on Tuesday that dock workers in Valparaíso "
     "had ended a four-day strike after the port authority agreed to review night-shift pay. "
     "\"We reached an agreement that protects the workers and keeps the port open,\" Muñoz told "
     "reporters in Santiago. The union's leader, Pamela Soto, said the deal was a first step. "
     "Exporters had warned that fruit shipments to China and the United States were at risk. "
     "The Chilean government said it would send a mediator if talks stalled again. "
     "Peru's foreign ministry welcomed the end of the strike, which had delayed cargo bound for Callao. "
     "Soto warned that the union would walk out again if the review was not finished by June."),
    ("summit-2", "2025-04-03",
     "Brazil's President Luiz Inácio Lula da Silva met Argentina's President Javier Milei in Brasília "
     "on Wednesday. Milei said the two countries would cut tariffs on steel."),
    ("quake-3", "2025-04-04",
     "An earthquake struck southern Peru on Thursday, damaging homes in Arequipa. "
     "Peru's civil defence institute said two people were injured."),
    ("talks-4", "2025-04-05",
     "Colombia and Venezuela agreed on Friday to reopen two border crossings, the Colombian foreign "
     "ministry said. \"Trade will resume next week,\" a ministry spokesman said."),
    ("protest-5", "2025-04-06",
     "Thousands of students marched in Quito on Saturday to protest cuts to university budgets. "
     "Police fired tear gas near the National Assembly."),
    ("visit-6", "2025-04-07",
     "Mexico's foreign minister visited Havana on Sunday and promised Cuba fuel shipments, "
     "according to Cuban state media."),
]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": ident, "published": date, "text": text}) + "\n"
                              for ident, date, text in ARTICLES), encoding="utf-8")
    return source


def test_two_workers_print_what_one_prints_in_the_input_order(cli_run, news: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    in_processes = parallel.extract_in_processes

    def spy(articles, workers, model, batch_size=32, pool=None):  # noqa: ANN001, ANN202
        calls.append(workers)
        return in_processes(articles, workers, model, batch_size, pool)

    monkeypatch.setattr(parallel, "extract_in_processes", spy)
    for form in (["--json"], []):  # JSON Lines, and the readable summary
        one = cli_run("extract", news, *form, "--workers", "1", "--batch-size", "2")
        assert one.exit_code == 0, one.output
        assert calls == []  # one worker: this process
        two = cli_run("extract", news, *form, "--workers", "2", "--batch-size", "2")
        assert two.exit_code == 0, two.output
        assert calls == [2]  # three chunks of two articles, on two worker processes
        assert two.stdout_bytes == one.stdout_bytes
        calls.clear()
    records = [json.loads(line) for line in cli_run("extract", news, "--json", "--workers", "2",
                                                     "--batch-size", "2").stdout.splitlines()]
    assert [record["article"]["id"] for record in records] == [ident for ident, _, _ in ARTICLES]
    assert all(record["entities"] for record in records)


def test_an_input_of_one_batch_stays_in_this_process(cli_run, news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "extract_in_processes", lambda *args, **kwargs: pytest.fail("a process started"))
    result = cli_run("extract", news, "--json", "--workers", "2")  # six articles, batches of 32
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(ARTICLES)


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize(("option", "value"), [("--workers", "0"), ("--workers", "-2"), ("--batch-size", "0")])
def test_a_bad_count_fails_in_one_line(cli_run, news: Path, tmp_path: Path, command: str, option: str,
                                       value: str) -> None:
    extra = ["--db", tmp_path / "news.db"] if command == "ingest" else []
    result = cli_run(command, news, *extra, option, value)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"newsgraph: error: {option} must be at least 1, not {value}"]
    assert not (tmp_path / "news.db").exists()
