"""The Settings page (``ui/settings_page.ui``): the council's details, the review interval, the
concern register's retention period and idle lock, and the pictures for the signed PDF.

Read and saved through ``services.council_settings`` (one transaction each). The review
interval is shown here but set in one place, the Review schedule page (one rule:
``services.review_settings``), to which "Change on the Review schedule page" leads. The
council's logo and the chair's and clerk's signatures are kept in the store as data, so nothing
depends on the original file staying where it was. A saved idle time is used at once (the idle
lock listens for ``Change.COUNCIL``). Problems are shown beside the field at fault and nothing
is saved until they are put right. ``flush()`` (called by the window on close) saves changes
that are valid.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from mop_desktop.domain.records import Council
from mop_desktop.domain.storable import unpaired_surrogate_at
from mop_desktop.gui.forms.ui_settings_page import Ui_SettingsPage
from mop_desktop.gui.shell.context import AppContext
from mop_desktop.gui.widgets.form_helpers import (
    FieldErrors,
    error_colour,
    keep_space,
    plural_suffix,
)
from mop_desktop.gui.widgets.operation import Change, Operation
from mop_desktop.services.council_settings import (
    REGISTER_NUMBERS,
    data_uri,
    image_type,
    load_council_settings,
    save_council_settings,
)
from mop_desktop.services.review_settings import review_interval

if TYPE_CHECKING:
    from mop_desktop.gui.shell.main_window import MainWindow

#: register spin box -> (number in services.council_settings, allowed range)
REGISTER_SETTINGS = {
    "retentionSpin": ("retention_years", REGISTER_NUMBERS["retention_years"][1]),
    "idleLockSpin": ("idle_lock_minutes", REGISTER_NUMBERS["idle_lock_minutes"][1]),
}
MAX_LINE = 200
MAX_ADDRESS = 1000

#: field -> (objectName prefix in the .ui, label used in messages)
FIELDS = {
    "name": ("name", "The council's name"),
    "principal_authority": ("principal", "The principal authority"),
    "clerk": ("clerk", "The clerk's name"),
    "chair": ("chair", "The chair's name"),
    "personnel_chair": ("personnelChair", "The personnel committee chair's name"),
    "address": ("address", "The address"),
}

#: picture -> label used in messages ("logo" is the council's; the others are settings)
IMAGES = {
    "logo": "The council's logo",
    "chairSignature": "The chair's signature",
    "clerkSignature": "The clerk's signature",
}
#: picture on the page -> picture in services.council_settings
_PICTURES = {
    "logo": "logo",
    "chairSignature": "chair_signature",
    "clerkSignature": "clerk_signature",
}
__all__ = ["data_uri", "image_type"]  # kept importable from here


def read_picture(path: Path, label: str) -> bytes:
    """The bytes of a PNG or JPEG file, or ValueError with one line naming the file."""
    from mop_desktop.services.pdf.content import MAX_IMAGE_BYTES

    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise ValueError(
                f"{label}: {path.name} is too large ({size // (1024 * 1024)} MB; "
                f"at most {MAX_IMAGE_BYTES // (1024 * 1024)} MB)."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{label}: {path.name} cannot be read ({exc.strerror}).") from None
    if image_type(data) is None or QPixmap().loadFromData(data) is False:
        raise ValueError(f"{label}: {path.name} is not a PNG or JPEG picture.")
    return data


def _has_control(text: str, allow_newlines: bool) -> bool:
    allowed = {"\n"} if allow_newlines else set()
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def clean_council(council: Council) -> Council:
    """Whitespace tidied: single-line fields collapsed, the address's lines trimmed."""
    lines = [" ".join(line.split()) for line in council.address.replace("\r", "").split("\n")]
    return Council(
        name=" ".join(council.name.split()),
        principal_authority=" ".join(council.principal_authority.split()),
        clerk=" ".join(council.clerk.split()),
        chair=" ".join(council.chair.split()),
        personnel_chair=" ".join(council.personnel_chair.split()),
        address="\n".join(line for line in lines if line),
        logo_path=council.logo_path,
    )


def validate_council(council: Council) -> dict[str, str]:
    """Field -> one-line problem, for a council already passed through ``clean_council``."""
    problems: dict[str, str] = {}
    if not council.name:
        problems["name"] = "Enter the council's name, e.g. Oakford Town Council."
    for field, (_prefix, label) in FIELDS.items():
        value = getattr(council, field)
        is_address = field == "address"
        limit = MAX_ADDRESS if is_address else MAX_LINE
        if len(value) > limit:
            problems.setdefault(field, f"{label} is too long (at most {limit} characters).")
        if _has_control(value, allow_newlines=is_address):
            problems.setdefault(field, f"{label} contains a control character: retype it.")
        broken = unpaired_surrogate_at(value)
        if broken is not None:
            problems.setdefault(
                field,
                f"{label} has a broken character (half of an emoji or symbol) at character "
                f"{broken + 1}: retype that part.",
            )
    return problems


class SettingsPage(QWidget):
    def __init__(
        self, app: AppContext, parent: QWidget | None = None, window: MainWindow | None = None
    ) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("settingsPage")
        self.app = app
        root = QWidget(self)
        self.form = Ui_SettingsPage()
        self.form.setupUi(root)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(root)
        self.dirty = False
        self._loading = False
        self.form.intervalLinkButton.clicked.connect(self.show_review_schedule)
        self.errors = FieldErrors(
            {
                field: (getattr(self.form, f"{prefix}Edit"), self._error_label(prefix))
                for field, (prefix, _label) in FIELDS.items()
            },
            wrap=False,
        )  # one line kept under each field: the form never jumps
        for prefix, _label in FIELDS.values():
            editor = getattr(self.form, f"{prefix}Edit")
            editor.textChanged.connect(self._changed)
        keep_space(self.form.imagesError, lines=2)
        for name, (_setting, allowed) in REGISTER_SETTINGS.items():
            spin = getattr(self.form, name)
            spin.setRange(allowed.start, allowed.stop - 1)
            spin.valueChanged.connect(self._changed)
            plural_suffix(spin)
        self.images: dict[str, bytes | None] = {}
        self._images_changed: set[str] = set()
        for kind in IMAGES:
            chooser = getattr(self.form, f"{kind}ChooseButton")
            chooser.clicked.connect(lambda _=False, k=kind: self.choose_picture(k))
            remover = getattr(self.form, f"{kind}RemoveButton")
            remover.clicked.connect(lambda _=False, k=kind: self.set_picture(k, None))
        self.form.saveButton.clicked.connect(self.save)
        self.form.revertButton.clicked.connect(self.load)
        app.changed.connect(self._on_changed)
        from mop_desktop.gui.shell.shared_store_settings import add_section

        self.shared_store = add_section(self, app)  # where this PC's protocol store is
        self.load()

    def _error_label(self, prefix: str) -> QLabel:
        label: QLabel = getattr(self.form, f"{prefix}Error")
        return label

    # -- reading and writing the form -----------------------------------------------------------
    def council_from_form(self) -> Council:
        f = self.form
        return Council(
            name=f.nameEdit.text(),
            principal_authority=f.principalEdit.text(),
            clerk=f.clerkEdit.text(),
            chair=f.chairEdit.text(),
            personnel_chair=f.personnelChairEdit.text(),
            address=f.addressEdit.toPlainText(),
        )

    def load(self) -> None:
        """Show what is stored (also "Undo changes")."""
        stored = load_council_settings(self.app.store)
        council, interval = stored.council, stored.interval_months
        images = {kind: stored.pictures.get(name) for kind, name in _PICTURES.items()}
        register = {spin: stored.numbers[name] for spin, (name, _r) in REGISTER_SETTINGS.items()}
        self._loading = True
        try:
            f = self.form
            f.nameEdit.setText(council.name)
            f.principalEdit.setText(council.principal_authority)
            f.clerkEdit.setText(council.clerk)
            f.chairEdit.setText(council.chair)
            f.personnelChairEdit.setText(council.personnel_chair)
            f.addressEdit.setPlainText(council.address)
            self._set_interval(interval)
            for name, value in register.items():
                getattr(self.form, name).setValue(value)
            for kind, data in images.items():
                self.set_picture(kind, data)
        finally:
            self._loading = False
        self._images_changed.clear()
        self.form.imagesError.clear()
        self._show_problems({})
        self.dirty = False
        self.form.messageLabel.setText("")

    def _set_interval(self, months: int | None) -> None:
        """The interval as set on the Review schedule page (shown, not edited, here)."""
        from mop_desktop.gui.widgets.messages import counted

        self.form.intervalValue.setText(
            "No protocol yet" if months is None else f"Every {counted(months, 'month')}"
        )

    def _on_changed(self, kinds: frozenset[Change]) -> None:
        if kinds & {Change.COUNCIL, Change.DOCUMENT}:
            self._reload_if_clean()
        if Change.SCHEDULE in kinds:
            self._show_interval_now()

    def _show_interval_now(self) -> None:
        self._set_interval(review_interval(self.app.store))

    def show_review_schedule(self) -> None:
        if self.window_ is not None:
            self.window_.show_page("review")

    # -- pictures ------------------------------------------------------------------------------
    def ask_picture_file(self, kind: str) -> str | None:
        """The picture file to use, or None if the clerk cancelled (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, IMAGES[kind], "", "Pictures (*.png *.jpg *.jpeg);;All files (*)"
        )
        return path or None

    def choose_picture(self, kind: str) -> None:
        chosen = self.ask_picture_file(kind)
        if not chosen:
            return
        try:
            data = read_picture(Path(chosen), IMAGES[kind])
        except ValueError as exc:
            self.form.imagesError.setText(str(exc))
            self.form.imagesError.setStyleSheet(f"color: {error_colour(self)};")
            getattr(self.form, f"{kind}ChooseButton").setFocus()
            return
        self.form.imagesError.clear()
        self.set_picture(kind, data)

    def set_picture(self, kind: str, data: bytes | None) -> None:
        """Show ``data`` (None: no picture) as the form's value for ``kind``."""
        self.images[kind] = data
        preview: QLabel = getattr(self.form, f"{kind}Preview")
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            size = preview.contentsRect().size()
            preview.setPixmap(
                pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            preview.clear()
            preview.setText("No picture")
        getattr(self.form, f"{kind}RemoveButton").setEnabled(bool(data))
        if not self._loading:
            self._images_changed.add(kind)
            self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.dirty = True
            self.form.messageLabel.setText("")

    def _reload_if_clean(self) -> None:
        if not self.dirty:
            self.load()

    def _show_problems(self, problems: dict[str, str]) -> None:
        """Each problem below its field (in space kept for it), the focus on the first."""
        self.errors.show_all(problems)

    def save(self) -> bool:
        """Save the form if it is valid; returns whether it was saved."""
        council = clean_council(self.council_from_form())
        problems = validate_council(council)
        self._show_problems(problems)
        if problems:
            self.form.messageLabel.setText("Nothing was saved: put right what is marked above.")
            return False
        pictures = {_PICTURES[kind]: self.images[kind] for kind in self._images_changed}
        numbers = {
            name: int(getattr(self.form, spin).value())
            for spin, (name, _allowed) in REGISTER_SETTINGS.items()
        }

        def saved(_result: object) -> None:
            self.form.messageLabel.setText(f"Saved the details of {council.name}.")

        def failed(message: str, _error: BaseException) -> None:
            self.form.messageLabel.setText(message)

        self.dirty = False  # the reload that the announcement brings shows what was saved
        done = (
            Operation(
                self.app,
                self,
                lambda: save_council_settings(self.app.store, council, pictures, numbers),
                changes={Change.COUNCIL},
                title="Settings",
            )
            .success(saved)
            .failure(failed)
            .run_now()
        )
        if not done:
            self.dirty = True
        return done

    def flush(self) -> None:
        """Save valid changes before the window closes."""
        if self.dirty:
            self.save()


def create_page(app: AppContext, window: MainWindow | None) -> QWidget:
    return SettingsPage(app, window=window)
