"""A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started with pg_ctl,
listening only on a unix socket inside that folder (no TCP port to collide with anything else on the
machine), stopped and deleted when the session ends. Each test gets a fresh database in it.

The server binaries come from Debian's `postgresql` package (/usr/lib/postgresql/N/bin) or PATH;
without them, or without psycopg (`pip install 'newsgraph[postgres]'`), the PostgreSQL half of the
suite skips with the reason, or fails when NEWSGRAPH_TEST_POSTGRES=required (CI sets it, so a CI run
that silently skipped PostgreSQL cannot pass). PostgreSQL refuses to run as root, so as root the cluster
belongs to the `postgres` system user the Debian package creates.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest

SERVER_USER = "postgres"  # the account Debian's package creates; used only when the tests run as root
ROLE = "newsgraph"  # the superuser role initdb creates inside the throwaway cluster
PORT = 5432  # only names the socket file: the cluster listens on no TCP address


def server_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: the newest Debian install, else whatever PATH finds."""
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if debian:
        return Path(debian[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


@dataclass
class PostgresServer:
    folder: Path
    bindir: Path
    run_as: list[str]  # the command prefix that runs a server binary as the cluster's owner
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str, password: str | None = None) -> str:
        """A plain postgresql:// URL over the socket (newsgraph itself picks the psycopg 3 dialect).
        The cluster trusts local connections, so a password in the URL is accepted and ignored."""
        credentials = f"{ROLE}:{password}" if password else ROLE
        return f"postgresql://{credentials}@/{database}?host={self.socket_dir}&port={PORT}"

    def create_database(self, password: str | None = None) -> str:
        """A new, empty database; its URL (with the password given, which the server ignores)."""
        import psycopg

        name = f"test_{next(self._numbers)}"
        with psycopg.connect(host=str(self.socket_dir), port=PORT, user=ROLE, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name, password)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.run_as, *args], capture_output=True, text=True, timeout=120)


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("NEWSGRAPH_TEST_POSTGRES") == "required":
        pytest.fail(f"PostgreSQL tests are required here: {reason}")
    pytest.skip(reason)


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        unavailable(f"running as root and there is no {SERVER_USER!r} user to own a PostgreSQL cluster "
                    "(apt-get install postgresql creates it)")
    return ["runuser", "-u", SERVER_USER, "--"]


def start_server() -> Iterator[PostgresServer]:
    """Start a cluster, yield it, then stop and delete it (the body of the session fixture)."""
    bindir = server_bindir()
    if bindir is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed: pip install 'newsgraph[postgres]'")
    run_as = _run_as()
    # not under pytest's basetemp: that folder is private to the user running pytest, and as root the
    # server runs as another user that must reach its data and socket folders
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    server = PostgresServer(folder, bindir, run_as)
    server.socket_dir.mkdir()
    if run_as:
        owner = pwd.getpwnam(SERVER_USER)
        for path in (folder, server.socket_dir):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    data, log = folder / "data", folder / "server.log"
    try:
        init = server.run(str(bindir / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync")
        if init.returncode != 0:
            pytest.fail(f"initdb failed: {init.stderr.strip()}")
        # durability is pointless for a cluster deleted at the end of the session: fsync off is faster
        options = (f"-k {server.socket_dir} -p {PORT} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        start = server.run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                           "-o", options, "start")
        if start.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            pytest.fail(f"pg_ctl start failed: {start.stderr.strip()} {server_log.strip()}")
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            server.run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
