"""The house's floors, read from every module's imports: ground, apps, top.

core imports no app; each app imports only the apps below it (projects ←
consultations ← workshops ← petitions ← disclosure); kenitra_portal, on top, may
import them all. No module imports, directly or through others, a module that
imports it back.
"""

import ast
from pathlib import Path

from django.conf import settings

FLOORS = [
    "core",
    "projects",
    "consultations",
    "workshops",
    "petitions",
    "disclosure",
    "kenitra_portal",
]
BASE = Path(settings.BASE_DIR)


def modules():
    """{dotted name: source path} of every module of the packages."""
    found = {}
    for package in FLOORS:
        for path in (BASE / package).rglob("*.py"):
            parts = path.relative_to(BASE).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def imported(name, path):
    """The project modules `name` imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    return targets


def graph():
    known = modules()
    return {
        name: {target for target in imported(name, path) if target in known}
        for name, path in known.items()
    }


def floor(module):
    return FLOORS.index(module.split(".")[0])


def test_no_module_imports_a_higher_floor():
    upward = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in targets
        if floor(target) > floor(name)
    ]
    assert upward == []


def test_the_ground_imports_no_app():
    assert not [
        (name, target)
        for name, targets in graph().items()
        if floor(name) == 0
        for target in targets
        if floor(target) != 0
    ]


def test_no_import_circle():
    edges = graph()
    circles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for target in sorted(edges[node]):
            # A package importing its own submodules is Python's way, not a circle.
            if target.startswith(node + ".") or node.startswith(target + "."):
                continue
            if state.get(target) == "open":
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == []
