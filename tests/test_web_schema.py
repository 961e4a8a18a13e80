"""The JSON API against its own OpenAPI schema, as schemathesis sees it: `newsgraph serve` in a child
process on 127.0.0.1, over a SQLite database of the five test articles extracted for real, and
schemathesis' own command line (`st run`, as a reviewer runs it) with every check it has: no 5xx,
documented status codes and bodies, schema-violating requests rejected, undeclared methods a 405
with Allow. Its phases (the schema's examples, coverage cases: boundaries, negative values, other
methods; generated cases; stateful sequences) run a bounded number of cases from a fixed seed, so
the run is reproducible and stays well under a minute. The server's Host check is tried here too,
over real HTTP."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CASES_PER_OPERATION = 30
SEED = "20261130"


def test_api_keeps_its_schema(news_server: str, tmp_path: Path) -> None:
    # The pytest plugin's lazy loader does not run under pytest 9, and the schema is only there once
    # the server is: the command line is the stable interface. It runs in tmp_path, where it caches.
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{news_server}/openapi.json", "--checks", "all",
               "--mode", "all", "--phases", "examples,coverage,fuzzing,stateful", "--max-examples",
               str(CASES_PER_OPERATION), "--seed", SEED, "--workers", "1", "--generation-database", "none",
               "--request-timeout", "10", "--no-color"]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-6000:]
    generated = re.search(r"(\d+) generated", report)
    assert generated and int(generated.group(1)) >= 14 * CASES_PER_OPERATION, report[-2000:]  # all 14 were tried
    assert "Tested: 14" in report, report[-2000:]


def raw_get(base: str, path: str, host: str) -> http.client.HTTPResponse:
    """A GET with the Host header as given (an HTTP client would otherwise send the URL's)."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.mark.parametrize(("host", "status"), [("evil.example", 400), ("attacker.test:80", 400),
                                              ("localhost", 200), ("[::1]:8000", 200)])
def test_real_server_answers_only_trusted_hosts(news_server: str, host: str, status: int) -> None:
    response = raw_get(news_server, "/api/actors?limit=1", host)
    assert response.status == status
    assert response.getheader("content-security-policy") and response.getheader("x-frame-options") == "DENY"
