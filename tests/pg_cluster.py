"""A throw-away PostgreSQL cluster for the tests and benchmarks: initdb and pg_ctl in a temporary
folder, listening only on a Unix socket in it, stopped and deleted at the end. Debian's
`postgresql` package provides the programs (scripts/system-deps.sh installs it). initdb refuses to
run as root, so as root the cluster runs as the `postgres` user the package creates."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


@contextmanager
def cluster() -> Iterator[str]:
    """A running cluster's base URL (`postgresql://USER@/?host=SOCKET_FOLDER` without a database
    name: add one with `database_url`); stopped and deleted on leaving."""
    binaries = postgres_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (initdb not found): run `make setup` or install Debian's postgresql")
    root = os.geteuid() == 0
    user = "postgres" if root else pwd.getpwuid(os.geteuid()).pw_name
    folder = Path(tempfile.mkdtemp(prefix="chronika-pg-"))
    data = folder / "data"
    if root:
        shutil.chown(folder, user)
    as_user = ["runuser", "-u", user, "--"] if root else []

    def run(*argv: str) -> None:
        subprocess.run([*as_user, *argv], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    try:
        run(str(binaries / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run(str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        try:
            yield f"postgresql://{user}@/?host={folder}"
        finally:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_database(base: str, name: str) -> str:
    """Create an empty database in the cluster; its URL."""
    import psycopg

    with psycopg.connect(database_url(base, "postgres"), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    return database_url(base, name)


def database_url(base: str, name: str) -> str:
    return base.replace("/?", f"/{name}?", 1)
