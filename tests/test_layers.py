"""The layers run one way, as ARCHITECTURE.md draws them: records <- extract <- resolve <- store <-
query <- ingest | views <- web <- cli. Read from the source, the way test_docs reads the docs: an
import that runs back up, an import cycle, or an NLP library loaded by a command that does not use
it fails here."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chronika"

# A package may import its own modules and those of any lower layer, never a higher or a sibling one.
LAYERS = {
    "errors": 0,
    "records": 0,
    "extract": 1,
    "resolve": 2,
    "store": 3,
    "query": 4,
    "ingest": 5,
    "views": 5,  # beside ingest: neither imports the other
    "web": 6,
    "cli": 7,
    "__main__": 8,
}
# Libraries that take seconds to load: only the modules that run a model import them, and only
# where they use them.
HEAVY = ("spacy", "thinc", "natasha", "pymorphy3", "torch", "sentence_transformers", "transformers", "pyspark", "py4j", "pyarrow")
LOADS_A_MODEL_AT_IMPORT = {"chronika.extract.name_pipeline"}  # imported inside the functions that need it


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Every module `path` imports, with whether the import runs when the module is loaded (at its
    top level, outside `if TYPE_CHECKING`) rather than inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, False)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(child, False)
            elif isinstance(child, ast.Import):
                found.extend((alias.name, at_load) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    here = _module_name(path).split(".")
                    if path.name != "__init__.py":
                        here = here[:-1]
                    base = ".".join(here[: len(here) - child.level + 1] + ([base] if base else []))
                for alias in child.names:
                    # `from chronika.extract import names` imports the module chronika.extract.names
                    sub = f"{base}.{alias.name}"
                    found.append((sub if sub in MODULES else base, at_load))
            else:
                visit(child, at_load)

    visit(tree, True)
    return found


def _layer(module: str) -> tuple[str, int]:
    parts = module.split(".")
    package = parts[1] if len(parts) > 1 else "records"  # chronika/__init__.py holds nothing
    if package not in LAYERS:
        raise AssertionError(f"{module} is in no layer: add its package to LAYERS and to ARCHITECTURE.md")
    return package, LAYERS[package]


def test_every_import_runs_down_the_layers() -> None:
    wrong = []
    for module, path in MODULES.items():
        package, layer = _layer(module)
        for imported, _ in _imports(path):
            if not imported.startswith("chronika.") or imported not in MODULES and imported != "chronika":
                continue
            their_package, their_layer = _layer(imported)
            if their_package != package and their_layer >= layer:
                wrong.append(f"{module} ({package}) imports {imported} ({their_package})")
    assert wrong == []


def test_no_import_cycles() -> None:
    graph = {
        module: {m for m, _ in _imports(path) if m in MODULES and m != module}
        for module, path in MODULES.items()
    }
    # A package's __init__ may gather its own modules; a module importing its package's __init__
    # then reaches itself, which Python allows. Only cycles between distinct modules count.
    cycles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def strongly_connected(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                strongly_connected(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            members = [m for m in component if not _gathers(m, component)]
            if len(members) > 1:
                cycles.append(sorted(component))

    for module in graph:
        if module not in index:
            strongly_connected(module)
    assert cycles == []


def _gathers(module: str, component: list[str]) -> bool:
    """A package __init__ in a cycle only with its own modules (it gathers them, they import it)."""
    return MODULES[module].name == "__init__.py" and all(m == module or m.startswith(module + ".") for m in component)


def test_heavy_libraries_load_only_inside_the_functions_that_use_them() -> None:
    loaded_at_import = sorted(
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if module not in LOADS_A_MODEL_AT_IMPORT
        for imported, at_load in _imports(path)
        if at_load and imported.split(".")[0] in HEAVY
    )
    assert loaded_at_import == []


QUERY_COMMANDS = [["documents"], ["search", "Kirov"], ["entity", "Kirov"], ["timeline"], ["figures"], ["memory"]]


@pytest.mark.slow
def test_the_query_commands_and_the_web_app_start_without_nlp(examples_store: Path) -> None:
    """`--help`, each query command (plain and --json) over a small store, then the web app built,
    in one fresh process: each command's exit status, and the heavy libraries loaded after each step."""
    runs = [["--help"]] + [command + extra for command in QUERY_COMMANDS for extra in ([], ["--json"])]
    probe = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from chronika.cli import app\n"
        "def heavy():\n"
        f"    return sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "status, loaded = {}, {}\n"
        f"for command in {runs!r}:\n"
        f"    status[' '.join(command)] = CliRunner().invoke(app, ['--db', {str(examples_store)!r}, *command]).exit_code\n"
        "    loaded[' '.join(command)] = heavy()\n"
        "from chronika.web import Settings, create_app\n"
        f"create_app(Settings({str(examples_store)!r}))\n"
        "loaded['web app'] = heavy()\n"
        "print(json.dumps([status, loaded]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    status, loaded = json.loads(done.stdout)
    assert len(status) == len(runs) and set(status.values()) == {0}, status
    assert loaded == {step: [] for step in [*status, "web app"]}


def test_every_view_the_package_names_is_there() -> None:
    """`chronika.views` loads some views on demand: every name it exports is found, and is callable."""
    import chronika.views as views

    assert all(callable(getattr(views, name)) for name in views.__all__)
