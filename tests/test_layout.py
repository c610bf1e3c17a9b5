"""The package's shape: stages in pipeline order, small modules, the layers written down.

The import direction itself is checked by `lint-imports` (run by `make test`);
these tests keep the parts of the shape it cannot see.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "verify"
MAX_MODULE_LINES = 400


def _stages() -> list[str]:
    return sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def _layer_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    return [name.strip() for layer in layers for name in layer.split("|")]


def test_every_stage_package_is_in_the_layers_contract() -> None:
    # A new stage outside the contract could import anything from anywhere.
    layered = {name.removeprefix("verify.") for name in _layer_packages()}
    assert set(_stages()) <= layered


def test_the_top_level_is_a_dozen_entries() -> None:
    entries = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= 16, entries


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_modules_stay_under_the_size_limit(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.name}: {lines} lines; split it along a seam"


@pytest.mark.parametrize("stage", _stages())
def test_each_stage_names_what_other_stages_may_use(stage: str) -> None:
    if stage == "cli":
        pytest.skip("the command line is the top: nothing imports it")
    tree = ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8"))
    exported = next(
        (
            node.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        ),
        None,
    )
    assert isinstance(exported, ast.List) and exported.elts, f"verify.{stage} has no __all__"
    assert ast.get_docstring(tree), f"verify.{stage} does not say what comes in and goes out"


def test_other_stages_import_a_stage_by_its_public_names() -> None:
    # Within a stage, modules import each other by module path; across stages,
    # only what the stage's __init__ exports.
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        here = path.relative_to(PACKAGE).parts[0]
        for module in re.findall(r"^\s*from (verify\.\w+\.[\w.]+) import", path.read_text(), re.M):
            stage = module.split(".")[1]
            if stage != here and stage != "cli":
                offenders.append(f"{path.relative_to(ROOT)}: {module}")
    assert not offenders


def test_the_readme_lists_the_stages_in_layout_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- `(\w+)/`", layout, re.M)
    assert sorted(listed) == _stages()
