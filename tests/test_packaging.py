"""The package as pip sees it: every import declared, one license, one version."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import verify

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def _name(requirement: str) -> str:
    """The distribution a requirement names, normalised as PEP 503 does."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name, requirement
    return re.sub(r"[-_.]+", "-", name.group(0)).lower()


# The Datasette plugin runs only inside Datasette, from the optional browse extra.
BROWSE_PLUGIN = ROOT / "verify" / "store" / "datasette_plugin.py"


def _imported(*paths: Path, leave_out: Path | None = None) -> set[str]:
    """The top-level names imported anywhere in ``paths`` (files or folders)."""
    found: set[str] = set()
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py"))]
    for path in files:
        if path == leave_out:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def _distributions(modules: set[str], own: set[str]) -> set[str]:
    """The installed distributions that provide ``modules`` (stdlib and ``own`` left out)."""
    providers = metadata.packages_distributions()
    third_party = {m for m in modules if m not in sys.stdlib_module_names and m not in own}
    missing = sorted(m for m in third_party if m not in providers)
    assert not missing, f"imported but not installed: {missing}"
    return {_name(providers[m][0]) for m in third_party}


def _declared(*extras: str) -> set[str]:
    requirements = list(PROJECT["dependencies"])
    for extra in extras:
        requirements += PROJECT["optional-dependencies"][extra]
    return {_name(r) for r in requirements}


def test_every_package_the_code_imports_is_a_dependency() -> None:
    used = _distributions(_imported(ROOT / "verify", leave_out=BROWSE_PLUGIN), {"verify"})
    assert "click" in used  # the command line; once used without being declared
    assert used <= _declared(), sorted(used - _declared())


def test_the_datasette_plugin_imports_only_the_browse_extra() -> None:
    used = _distributions(_imported(BROWSE_PLUGIN), {"verify"})
    assert "datasette" in used
    assert used <= _declared("browse"), sorted(used - _declared("browse"))
    entry_points = PYPROJECT["project"]["entry-points"]["datasette"]
    assert entry_points == {"verify": "verify.store.datasette_plugin"}


def test_every_package_the_tests_import_is_a_test_dependency() -> None:
    # A benchmark imports its sibling modules (corpus.py) by their own names.
    siblings = [*(ROOT / "tests").glob("*.py"), *(ROOT / "benchmarks").glob("*.py")]
    local = {p.stem for p in siblings} | {"verify", "benchmarks"}
    used = _distributions(_imported(ROOT / "tests", ROOT / "benchmarks"), local)
    assert used <= _declared("test"), sorted(used - _declared("test"))


def test_the_license_is_an_spdx_expression_with_its_text() -> None:
    # A TOML table here is deprecated: setuptools warned about it on every install.
    assert PROJECT["license"] == "Apache-2.0"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("Apache License\n                           Version 2.0")
    assert "END OF TERMS AND CONDITIONS" in text
    assert any(r.startswith("setuptools>=77") for r in PYPROJECT["build-system"]["requires"])


def test_the_installed_metadata_carries_the_license_and_the_version() -> None:
    installed = metadata.metadata("verify-claims")
    assert installed["License-Expression"] == "Apache-2.0"
    assert installed["Version"] == verify.__version__


def test_the_version_is_written_in_one_place() -> None:
    assert PROJECT["dynamic"] == ["version"] and "version" not in PROJECT
    attr = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "verify.__version__"
    written = [
        path.relative_to(ROOT).as_posix()
        for path in [ROOT / "README.md", ROOT / "Makefile", *sorted((ROOT / "verify").rglob("*"))]
        if path.is_file()
        and path.suffix in ("", ".md", ".py", ".json", ".toml")
        and re.search(rf"\b{re.escape(verify.__version__)}\b", path.read_text(encoding="utf-8"))
    ]
    assert written == ["verify/__init__.py"]


def test_the_changelog_has_the_current_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog")
    assert f"\n## {verify.__version__} " in changelog
