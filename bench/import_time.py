"""Start-up time of each command: `chronika --help`, the query commands over a small store, and
what `serve` does before uvicorn runs, beside `python -c "import sqlite3"` in the same run; and
whether a heavy NLP library (spaCy, natasha, torch...) got imported on the way.

Each command runs in a fresh process (`python -m chronika ...`, this repository first on
PYTHONPATH, in a temporary folder) over a store made from examples/ at the start. The runs go
round by round, every command once a round after one untimed warm-up round, so that the machine's
load falls on all of them alike; the median of --repeat rounds is reported, with the median CPU
time (user + system) of the same runs, which the machine's other load changes far less. `serve`
is timed as `import uvicorn`, `chronika.cli` and `chronika.web` and the app built, which is all it
does before uvicorn starts. One more run of each with `-X importtime` lists the heavy libraries it
imported and the libraries that took longest to import (cumulative, as -X importtime counts them:
slower than a plain run).

    .venv/bin/python bench/import_time.py [--repeat N] [--json]

Target: each command within 0.3 s of `import sqlite3`. A missed target is reported, never an error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TARGET_S = 0.3
HEAVY = ("spacy", "thinc", "natasha", "pymorphy3", "torch", "sentence_transformers", "transformers")
SERVE = (
    "import uvicorn, chronika.cli\n"
    "from chronika.web import Settings, create_app\n"
    "create_app(Settings({db!r}))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout, the table on stderr")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    with tempfile.TemporaryDirectory(prefix="chronika-import-time-") as tmp:
        db = str(Path(tmp) / "examples.db")
        ingest = [sys.executable, "-m", "chronika", "--db", db, "ingest", str(EXAMPLES), "--json"]
        documents = json.loads(subprocess.run(ingest, cwd=tmp, env=env, capture_output=True, text=True, check=True).stdout)
        commands = _commands(db)
        load = [os.getloadavg()[0]]
        seconds = _timed(commands, args.repeat, tmp, env)
        load.append(os.getloadavg()[0])
        imports = {name: _imports(argv, tmp, env) for name, argv in commands.items() if name != "import sqlite3"}
    sqlite3 = seconds.pop("import sqlite3")
    base, base_cpu = statistics.median(wall for wall, _ in sqlite3), statistics.median(cpu for _, cpu in sqlite3)
    rows = [_row(name, runs, base, imports[name]) for name, runs in seconds.items()]
    table = sys.stderr if args.json else sys.stdout
    print(f"Chronika start-up: wall time of each command in a fresh process, median of {args.repeat} rounds "
          f"after a warm-up round, over a store of examples/ ({documents['documents_added']} documents); "
          f"load average {load[0]:.1f} before, {load[1]:.1f} after", file=table)
    print(f'python -c "import sqlite3": {base:.3f} s ({base_cpu:.2f} s CPU)', file=table)
    print(f"{'command':<10}{'median s':>9}{'above sqlite3':>15}  {'target':<8}{'CPU s':>6}  {'heavy NLP imported':<19}"
          "largest imports (-X importtime, cumulative s)", file=table)
    for row in rows:
        largest = ", ".join(f"{name} {s:.2f}" for name, s in row["largest_imports_s"].items())
        print(f"{row['command']:<10}{row['median_s']:>9.3f}{row['above_sqlite3_s']:>15.3f}  "
              f"{'met' if row['target_met'] else 'not met':<8}{row['cpu_median_s']:>6.2f}  "
              f"{', '.join(row['heavy_imported']) or 'none':<19}{largest}",
              file=table)
    missed = [row["command"] for row in rows if not row["target_met"]]
    print(f"target: within {TARGET_S} s of import sqlite3: " + (f"not met by {', '.join(missed)}" if missed else "met by all"),
          file=table)
    if args.json:
        print(json.dumps({"repeat": args.repeat, "load_average": load, "sqlite3_s": round(base, 3), "sqlite3_cpu_s": round(base_cpu, 3), "target_s": TARGET_S,
                          "commands": rows}))


def _row(name: str, runs: list[tuple[float, float]], base: float, imports: dict[str, Any]) -> dict[str, Any]:
    median = statistics.median(wall for wall, _ in runs)
    return {
        "command": name,
        "median_s": round(median, 3),
        "above_sqlite3_s": round(median - base, 3),
        "target_met": median - base <= TARGET_S,
        "cpu_median_s": round(statistics.median(cpu for _, cpu in runs), 3),
        "heavy_imported": imports["heavy"],
        "largest_imports_s": imports["largest"],
        "runs_s": [round(wall, 3) for wall, _ in runs],
    }


def _commands(db: str) -> dict[str, list[str]]:
    """Each command's arguments after the Python executable (a plain run, human output)."""
    cli = ["-m", "chronika", "--db", db]
    return {
        "import sqlite3": ["-c", "import sqlite3"],
        "--help": ["-m", "chronika", "--help"],
        "documents": [*cli, "documents"],
        "search": [*cli, "search", "Kirov"],
        "entity": [*cli, "entity", "Kirov"],
        "timeline": [*cli, "timeline"],
        "figures": [*cli, "figures"],
        "memory": [*cli, "memory"],
        "serve": ["-c", SERVE.format(db=db)],
    }


def _timed(
    commands: dict[str, list[str]], repeat: int, cwd: str, env: dict[str, str]
) -> dict[str, list[tuple[float, float]]]:
    """Each command's (wall, CPU) seconds per round; CPU is the child's user + system time, which
    the machine's other load changes far less than the wall time."""
    seconds: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(max(1, repeat) + 1):
        for name, argv in commands.items():
            cpu, started = _children_cpu(), time.perf_counter()
            done = subprocess.run([sys.executable, *argv], cwd=cwd, env=env, capture_output=True)
            wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
            if done.returncode != 0:
                raise SystemExit(f"{name} failed (exit {done.returncode}): {done.stderr.decode(errors='replace')}")
            if round_:
                seconds[name].append((wall, cpu))
    return seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| *(\S+)$")


def _imports(argv: list[str], cwd: str, env: dict[str, str]) -> dict[str, Any]:
    """From one `-X importtime` run: the heavy libraries imported, and the five libraries (outside
    the standard library and Chronika) whose import took longest."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=cwd, env=env, capture_output=True, text=True)
    heavy: set[str] = set()
    libraries: dict[str, float] = {}
    for line in done.stderr.splitlines():
        found = _IMPORT_LINE.match(line)
        if not found:
            continue
        cumulative_us, name = int(found.group(1)), found.group(2)
        root = name.split(".")[0]
        if root in HEAVY:
            heavy.add(root)
        if name == root and root != "chronika" and root not in sys.stdlib_module_names and not root.startswith("__"):
            libraries[root] = max(libraries.get(root, 0.0), cumulative_us / 1e6)
    largest = sorted(libraries.items(), key=lambda item: -item[1])[:5]
    return {"heavy": sorted(heavy), "largest": {name: round(s, 3) for name, s in largest if s >= 0.005}}


if __name__ == "__main__":
    main()
