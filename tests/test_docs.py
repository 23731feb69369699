"""Docs that cannot drift: every command and option of the CLI is in the README's reference."""

from __future__ import annotations

import typer

from chronika.cli import app
from conftest import ROOT


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands, "the CLI has no commands"
    for param in group.params:
        for option in param.opts:
            assert option in readme, f"global option {option} is not in README.md"
    headings = "\n".join(line for line in readme.splitlines() if line.startswith("### "))
    for name, command in commands.items():
        assert f"`chronika {name}" in headings, f"command {name} has no section in README.md"
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("-"):
                    assert option in readme, f"{name} {option} is not in README.md"


def test_architecture_names_every_module() -> None:
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for module in sorted((ROOT / "chronika").rglob("*.py")):
        name = str(module.relative_to(ROOT / "chronika"))
        if module.name not in ("__init__.py", "__main__.py"):
            assert name in architecture, f"ARCHITECTURE.md does not say what {name} does"
