"""Shared test fixtures: a fresh in-memory store per test, the fixture and seed folders."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from chronika.store import Store

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
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed corpus is expected at {SEEDS} (shared/ beside the repo)")
    return SEEDS


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.glob("0*.txt"))
