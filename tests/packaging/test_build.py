"""The packaged build: what the PyInstaller spec ships, the wheel, and the frozen executable.

The first tests are cheap and always run: they check packaging/spec_inputs.py (which the spec
uses) against the source tree, so that a new .ui file, resource folder, command or page module
is never left out of the build. The wheel test builds a wheel without network access when
setuptools can. The `packaging`-marked tests run the smoke test on dist/mop-desktop/ and are
skipped unless that folder exists, or MOP_BUILD=1 asks for a build first (packaging/build.sh).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist" / "mop-desktop"
WINDOWS = sys.platform == "win32"


def _spec_inputs():
    spec = importlib.util.spec_from_file_location("spec_inputs", PACKAGING / "spec_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def inputs():
    return _spec_inputs()


def _built_location(inputs, source: Path) -> PurePosixPath | None:
    """Where the build puts a source file, from the spec's data folders (None: not shipped)."""
    for folder, dest in inputs.data_folders():
        folder_path = Path(folder)
        if folder_path in source.parents:
            return PurePosixPath(dest, *source.relative_to(folder_path).parts)
    return None


def test_every_layout_and_resource_ships_where_resource_path_looks(inputs):
    shipped = sorted((ROOT / "ui").glob("*.ui")) + sorted(
        p for p in (ROOT / "resources").rglob("*") if p.is_file()
    )
    assert shipped, "ui/ and resources/ are empty"
    for source in shipped:
        # resource_path("ui", "x.ui") looks for <bundle>/ui/x.ui: the same path as in the checkout
        assert _built_location(inputs, source) == PurePosixPath(source.relative_to(ROOT).as_posix())


def test_alembic_scripts_ship_as_files_beside_the_store(inputs):
    from mop_desktop.store import db

    scripts = sorted((ROOT / "mop_desktop" / "store" / "migrations").rglob("*.py"))
    assert any(p.parent.name == "versions" for p in scripts)
    package_dir = Path(db.__file__).resolve().parent.parent.parent
    expected_folder = PurePosixPath(db.MIGRATIONS_DIR.relative_to(package_dir).as_posix())
    for script in scripts:
        built = _built_location(inputs, script)
        assert built is not None and expected_folder in built.parents, script


def test_every_command_and_page_module_is_a_hidden_import(inputs):
    from mop_desktop.cli import COMMANDS

    hidden = set(inputs.hidden_imports())
    lazily_imported = [
        *(ROOT / "mop_desktop" / "commands").glob("*.py"),
        *(ROOT / "mop_desktop" / "gui" / "pages").glob("*.py"),
        *(ROOT / "mop_desktop" / "gui" / "dialogs").glob("*.py"),
    ]
    for path in lazily_imported:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        assert name in hidden, f"{name} is not a hidden import of the build"
    for module_name, _help in COMMANDS.values():
        module_file = ROOT / Path(*module_name.split("."))
        if module_file.with_suffix(".py").exists() or (module_file / "__init__.py").exists():
            assert module_name in hidden, module_name
    assert not any("migrations" in name for name in hidden), "Alembic scripts ship as files"
    spec_text = (PACKAGING / "mop-desktop.spec").read_text(encoding="utf-8")
    for used in (
        "spec_inputs.hidden_imports()",
        "spec_inputs.data_folders()",
        "spec_inputs.excludes()",
        "spec_inputs.is_unwanted(",
        "copy_metadata(",
    ):
        assert used in spec_text, f"the spec no longer uses {used}"


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt6Multimedia.dll",
        "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/translations/qtbase_de.qm",
        "docx/templates/default-docx-template/word/styles.xml",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        # the layouts are compiled into gui/forms: no QtUiTools, nor the OpenGL it linked
        "PySide6/Qt/lib/libQt6UiTools.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "PySide6/QtUiTools.abi3.so",
    ],
)
def test_unused_qt_is_left_out(inputs, dest):
    assert inputs.is_unwanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt6Widgets.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "pypdfium2_raw/libpdfium.so",
        "docx/templates/default.docx",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_what_the_app_uses_is_kept(inputs, dest):
    assert not inputs.is_unwanted(dest)


def test_pillow_core_stays_for_reportlab(inputs):
    # reportlab imports PIL.Image at start; only Pillow's extra codecs and font engine go.
    excluded = inputs.excludes()
    assert "PIL" not in excluded and "PIL.Image" not in excluded and "PIL._imaging" not in excluded
    assert "PIL._avif" in excluded


def _can_build_wheel_offline() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    major = int(setuptools.__version__.split(".")[0])
    return major >= 71 or importlib.util.find_spec("wheel") is not None


@pytest.mark.skipif(not _can_build_wheel_offline(), reason="needs setuptools (and wheel) here")
def test_wheel_holds_layouts_and_resources_and_finds_them_installed(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("mop_desktop", "ui", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(tmp_path / "wheels"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = (tmp_path / "wheels").glob("mop_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "installed")
    for layout in (ROOT / "ui").glob("*.ui"):
        assert f"mop_desktop/ui/{layout.name}" in names
    for resource in (p for p in (ROOT / "resources").rglob("*") if p.is_file()):
        relative = resource.relative_to(ROOT / "resources").as_posix()
        assert f"mop_desktop/resources/{relative}" in names
    assert "mop_desktop/store/migrations/env.py" in names
    layout = next((ROOT / "ui").glob("*.ui"))
    # From the unpacked wheel (not the checkout), resource_path finds the files inside the package.
    probe = (
        "from mop_desktop.paths import resource_path;"
        "print(resource_path('resources', 'icons', 'mop-desktop.svg'));"
        f"print(resource_path('ui', {layout.name!r}).parent)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tmp_path / "installed")
    found = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    icon, ui_folder = (Path(line) for line in found.stdout.splitlines())
    package = tmp_path / "installed" / "mop_desktop"
    assert icon == package / "resources" / "icons" / "mop-desktop.svg" and icon.is_file()
    assert ui_folder == package / "ui"


# --- the frozen build -------------------------------------------------------------------------


def _executable() -> Path:
    return DIST / ("mop-desktop-cli.exe" if WINDOWS else "mop-desktop")


@pytest.fixture(scope="module")
def built():
    if os.environ.get("MOP_BUILD") == "1" and not WINDOWS:
        subprocess.run(["bash", str(PACKAGING / "build.sh")], check=True, timeout=3600)
    if not _executable().exists():
        pytest.skip("no dist/mop-desktop/ (run packaging/build.sh, or set MOP_BUILD=1)")
    return DIST


@pytest.mark.packaging
def test_frozen_build_passes_the_smoke_test(built):
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke_test.sh"), str(_executable())],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAILED" not in result.stdout
    assert "ok       --smoke-test: startup-ms " in result.stdout
    assert "ok       --version: MOP Desktop " in result.stdout


@pytest.mark.packaging
def test_frozen_build_holds_its_data_and_no_unused_qt(built, inputs):
    internal = built / "_internal"
    for layout in (ROOT / "ui").glob("*.ui"):
        assert (internal / "ui" / layout.name).is_file(), layout.name
    for folder in (p for p in (ROOT / "resources").iterdir() if p.is_dir()):
        assert (internal / "resources" / folder.name).is_dir(), folder.name
    versions = internal / "mop_desktop" / "store" / "migrations" / "versions"
    assert sorted(p.name for p in versions.glob("[0-9]*.py")) == sorted(
        p.name for p in (ROOT / "mop_desktop/store/migrations/versions").glob("[0-9]*.py")
    )
    unwanted = [
        p for p in internal.rglob("*") if inputs.is_unwanted(p.relative_to(internal).as_posix())
    ]
    assert unwanted == []
    size_mb = (
        sum(p.stat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink())
        / 2**20
    )
    assert size_mb <= 160, f"dist/mop-desktop/ is {size_mb:.0f} MB"


def test_the_postgresql_driver_keeps_what_it_imports(inputs):
    """psycopg (its binary build too) imports Python's ssl module: leaving ssl out of the
    build made every command on a shared store fail with "no pq wrapper available"."""
    for needed in ("ssl", "_ssl", "psycopg", "psycopg_binary", "asyncio"):
        assert needed not in inputs.excludes()
