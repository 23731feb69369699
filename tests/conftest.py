"""Shared test fixtures: a fresh in-memory store per test, the fixture and seed folders, and the
seeds and the examples each ingested once per run into a store file that tests read or copy."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Iterator

import pytest

from chronika.ingest.pipeline import ingest
from chronika.store import Store, open_store
from pg_cluster import cluster, create_database

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/*.json from the current output")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as fresh:
        yield fresh


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away PostgreSQL cluster for the run (its base URL; `database` adds a database).
    Without PostgreSQL installed the tests that need it fail, unless CHRONIKA_NO_POSTGRES=1.
    What a PostgreSQL store caches (OCR, page images) goes to the run's temporary folder."""
    if os.environ.get("CHRONIKA_NO_POSTGRES") == "1":
        pytest.skip("CHRONIKA_NO_POSTGRES=1: the PostgreSQL store is not tested")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    try:
        with cluster() as base:
            yield base
    except RuntimeError as e:
        pytest.fail(f"{e} (or set CHRONIKA_NO_POSTGRES=1 to leave the PostgreSQL store untested)")


_databases = itertools.count(1)


@pytest.fixture
def database(postgres: str) -> str:
    """An empty database of its own in the run's cluster: its URL, as `--db` takes it."""
    return create_database(postgres, f"t{next(_databases)}")


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh store on each backend: an in-memory SQLite one, and an empty PostgreSQL database."""
    target = ":memory:" if request.param == "sqlite" else request.getfixturevalue("database")
    with open_store(target) as fresh:
        yield fresh


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed corpus is expected at {SEEDS} (shared/ beside the repo)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus ingested once per run (the slowest step of the suite). Tests only read this
    file; one that writes works on a `copy_store` of it."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        summary = ingest(store, [seeds])
    assert summary.skipped == [] and len(summary.added) == 3
    return path


@pytest.fixture(scope="session")
def seeds_and_examples_store(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed store with examples/ added, as one ingest of both would store them (the
    names stored lend their evidence, and the entities are rebuilt over the whole store)."""
    path = copy_store(seed_store, tmp_path_factory.mktemp("seeds-and-examples") / "seeds.db")
    with Store(path) as store:
        summary = ingest(store, [EXAMPLES])
    assert not summary.skipped
    return path


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ ingested once per run, a small store for the commands to read."""
    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        summary = ingest(store, [EXAMPLES])
    assert summary.skipped == [] and summary.added
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A copy of the store file `source` at `target`: its committed state, WAL included (VACUUM INTO)."""
    with Store(source) as store:
        store.db.execute("VACUUM INTO ?", (str(target),))
    return target


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.glob("0*.txt"))
