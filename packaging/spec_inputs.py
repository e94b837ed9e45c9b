"""What goes into the PyInstaller build: data folders, hidden imports and what is left out.

Used by ``packaging/mop-desktop.spec`` and by ``tests/packaging``. Plain Python (no PyInstaller
import), so the tests can check the lists without building anything.

- Data: ``ui/`` (every Designer file), ``resources/`` (fonts, icons, the model protocol) and the
  Alembic scripts in ``mop_desktop/store/migrations`` — Alembic reads its revision files from a
  folder, so they ship as files, not as compiled modules in the archive.
- Hidden imports: every module of ``mop_desktop`` found in the source tree. The command line
  imports ``mop_desktop.commands.<name>`` by a string (``cli.COMMANDS``) and the window imports
  its pages lazily, so PyInstaller's import scan cannot see them; listing the tree means a new
  module is never forgotten. Plus the third-party modules that are only imported inside
  functions or through C extensions.
- Excludes: the Qt modules the app does not use (WebEngine, QML/Quick, Multimedia, 3D, Charts,
  Bluetooth, PDF — pypdfium2 renders PDFs — and the rest of PySide6-Addons), their libraries,
  plugins and translations.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mop_desktop"
MIGRATIONS = PACKAGE / "store" / "migrations"
APP_NAME = "mop-desktop"


def data_folders() -> list[tuple[str, str]]:
    """(source folder, folder inside the build) pairs, as PyInstaller's ``datas`` wants them."""
    return [
        (str(ROOT / "ui"), "ui"),
        (str(ROOT / "resources"), "resources"),
        (str(MIGRATIONS), "mop_desktop/store/migrations"),
    ]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> list[str]:
    """Every importable module of the app (not the Alembic scripts, which ship as files)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if MIGRATIONS in path.parents or "__pycache__" in path.parts:
            continue
        names.append(_module_name(path))
    return names


#: Imported lazily, by name, or from C: PyInstaller's scan may miss them.
THIRD_PARTY_HIDDEN = [
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.sqlite.pysqlcipher",
    "alembic",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "argon2",
    "argon2.low_level",
    "_cffi_backend",
    "cryptography.hazmat.primitives.ciphers.aead",
    "pypdfium2",
    # the history's anchor in the OS credential store: keyring finds its backends by name
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    # the clerk's own concerns log (.xlsx) and repeating meetings in calendar files
    "openpyxl",
    "openpyxl.reader.excel",
    "dateutil.rrule",
    "pypdfium2_raw",
    "platformdirs",
    "reportlab",
    "docx",
    "icalendar",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
    "PySide6.QtNetwork",
]


def hidden_imports() -> list[str]:
    return app_modules() + THIRD_PARTY_HIDDEN


#: Qt modules the app does not use: never imported, and their libraries are dropped as well.
UNUSED_QT = [
    "3DAnimation",
    "3DCore",
    "3DExtras",
    "3DInput",
    "3DLogic",
    "3DRender",
    "Bluetooth",
    "CanvasPainter",
    "Charts",
    "Concurrent",
    "DataVisualization",
    "Designer",
    "Graphs",
    "GraphsWidgets",
    "Help",
    "HttpServer",
    "LabsStyleKit",
    "Location",
    "Multimedia",
    "MultimediaWidgets",
    "NetworkAuth",
    "Nfc",
    "OpenGL",
    "OpenGLWidgets",
    "UiTools",  # the layouts are compiled into gui/forms; nothing loads a .ui at run time
    "Pdf",
    "PdfWidgets",
    "Positioning",
    "Qml",
    "QmlFeatures",
    "Quick",
    "Quick3D",
    "QuickControls2",
    "QuickTest",
    "QuickWidgets",
    "RemoteObjects",
    "Scxml",
    "Sensors",
    "SerialBus",
    "SerialPort",
    "SpatialAudio",
    "Sql",
    "StateMachine",
    "Test",
    "TextToSpeech",
    "WebChannel",
    "WebEngineCore",
    "WebEngineQuick",
    "WebEngineWidgets",
    "WebSockets",
    "WebView",
    "Xml",
]

EXCLUDES = [f"PySide6.Qt{name}" for name in UNUSED_QT] + [
    "PySide6.QtAsyncio",
    "PySide6.scripts",
    "PyQt5",
    "PyQt6",
    "tkinter",
    "alembic.testing",
    "sqlalchemy.testing",
    "pytest",
    "pytestqt",
    "selenium",  # the test suite's browser check only
    "IPython",
    "matplotlib",
    "numpy",
    # East Asian codecs (about 1 MB of C modules): protocols are UTF-8 or Windows-1252.
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_cn",
    "_codecs_tw",
    "_codecs_hk",
    "_codecs_iso2022",
    # reportlab reads images through Pillow's core; leave out the codecs and font engine it does
    # not use, and their libraries (AVIF alone is about 5 MB).
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # python-docx needs lxml.etree only.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
    "lxml.builder",
    # Packaging tools some libraries would pull in; nothing imports them at run time.
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    # The DBus bindings (Qt itself still links libQt6DBus).
    "PySide6.QtDBus",
    # Only reportlab's XMP-from-a-file path guesses a file's encoding; the app never uses it.
    "charset_normalizer",
    # Interactive help and test runners; decimal uses its pure-Python twin without _decimal.
    "pydoc",
    "pydoc_data",
    "doctest",
    "unittest",
    "_decimal",
]

#: Linux: system libraries are left to the clerk's distribution (every desktop has glib, X11,
#: fontconfig, CUPS ...; bundled copies of them clash with the system's graphics drivers),
#: except these, which Qt or Python need and which a desktop may not have installed. (OpenSSL is
#: the system's: the app never uses TLS, SQLCipher and cryptography carry their own, and
#: hashlib falls back to its built-in SHA-256. SQLite for policy.db is the system's libsqlite3,
#: as for every desktop program that keeps an SQLite file.)
LINUX_BUNDLED_SYSTEM_LIBS = [
    "libxcb*",
    "libX11-xcb*",
    "libxkbcommon*",
    "libffi*",
    "libbz2*",
    "liblzma*",
    "libexpat*",
    "libuuid*",
    "libmpdec*",
]


def excludes() -> list[str]:
    """What the build leaves out of the Python modules it would otherwise collect."""
    return list(EXCLUDES)


# Qt libraries, plugins and data to drop from the collected files (the Python modules above are
# excluded; this catches the libraries the Qt hooks or plugins would still pull in). OpenGL goes
# with QtUiTools, the only part that linked it.
_DROPPED_LIBS = (
    "3D",
    "OpenGL",
    "UiTools",
    "Bluetooth",
    "CanvasPainter",
    "Charts",
    "DataVisualization",
    "Designer",
    "EglFS",
    "EglFs",
    "Graphs",
    "Help",
    "HttpServer",
    "LabsStyleKit",
    "Location",
    "Multimedia",
    "NetworkAuth",
    "Nfc",
    "Pdf",
    "Positioning",
    "Qml",
    "Quick",
    "RemoteObjects",
    "Scxml",
    "Sensors",
    "Serial",
    "ShaderTools",
    "SpatialAudio",
    "Sql",
    "StateMachine",
    "Test",
    "TextToSpeech",
    "VirtualKeyboard",
    "Wayland",
    "Web",
    "WlShell",
)
_DROPPED_PLUGINS = (
    "assetimporters",
    "canbus",
    "designer",
    "egldeviceintegrations",
    "generic",
    "geometryloaders",
    "geoservices",
    "multimedia",
    "networkinformation",
    "position",
    "qmllint",
    "qmltooling",
    "renderers",
    "renderplugins",
    "sceneparsers",
    "scenegraph",
    "sensors",
    "sqldrivers",
    "texttospeech",
    "tls",
    "virtualkeyboard",
    "webview",
    # OpenGL integrations: the app draws with widgets only (QUiLoader still links QtOpenGL).
    "xcbglintegrations",
    # Wayland: on a Wayland desktop Qt runs through XWayland instead (about 2 MB saved).
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)
_LIB_RE = re.compile(r"(^|[/\\])(lib)?Qt6?(" + "|".join(_DROPPED_LIBS) + r")\w*[.-]")
_PLUGIN_RE = re.compile(r"[/\\]plugins[/\\](" + "|".join(_DROPPED_PLUGINS) + r")[/\\]")
# Image formats: PNG is built in; JPEG, GIF, SVG, ICO and ICNS stay (logos, icons).
_PDF_IMAGEFORMAT_RE = re.compile(r"[/\\]imageformats[/\\](lib)?q(pdf|tiff|webp|tga|wbmp)")
# Embedded-device platforms, and the GTK theme plugin (it would drag GTK's own libraries in;
# the xdg-desktop-portal theme still follows the desktop's dark mode).
_PLATFORM_RE = re.compile(
    r"[/\\]platforms[/\\](lib)?q(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|wayland[\w-]*)\.|"
    r"[/\\]platformthemes[/\\](lib)?qgtk3\."
)
# python-docx's unpacked copy of its template (it uses default.docx, and only to make new files).
_DOCX_TEMPLATE_RE = re.compile(r"docx[/\\]templates[/\\]default-docx-template[/\\]")
_QML_RE = re.compile(r"PySide6[/\\](Qt[/\\])?qml[/\\]")
_TRANSLATION_RE = re.compile(r"PySide6[/\\](Qt[/\\])?translations[/\\]")


def is_unwanted(dest: str) -> bool:
    """True for a collected file (its path inside the build) that the app never uses."""
    if _TRANSLATION_RE.search(dest):
        # The app is in British English; keep Qt's own English strings only.
        return not Path(dest).name.startswith("qtbase_en")
    return bool(
        _LIB_RE.search(dest)
        or _PLUGIN_RE.search(dest)
        or _PDF_IMAGEFORMAT_RE.search(dest)
        or _PLATFORM_RE.search(dest)
        or _DOCX_TEMPLATE_RE.search(dest)
        or _QML_RE.search(dest)
    )
