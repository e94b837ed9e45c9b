"""PySide6 6.12 on Python 3.11 takes a reference from None on every Qt call that returns
nothing; the document view makes thousands per rebuild. The guard keeps the process alive."""

import os
import subprocess
import sys

from tests.conftest import ROOT

LOOP = """
import sys
from PySide6.QtGui import QTextCursor, QTextDocument
import mop_desktop.gui.protocol.editor.document_view  # imports set the guard
cursor = QTextCursor(QTextDocument())
for i in range(300_000):
    cursor.block().setUserState(i)  # returns nothing
print("alive")
"""


def test_many_qt_calls_returning_nothing_do_not_abort_the_process():
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", LOOP], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"


def test_guard_is_harmless_to_call_again():
    from mop_desktop.gui.shell.none_refcount import FLOOR, guard

    guard()
    guard()
    if sys.version_info < (3, 12):
        assert FLOOR <= sys.getrefcount(None) < 3 * FLOOR


PLAIN_LOOP = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(50_000):
    label.setText("x")  # returns nothing
print("alive")
"""


def test_the_installed_qt_keeps_none_alive_without_the_guard():
    """The installed PySide6 itself must not lose references to None (pyproject leaves out
    6.12.0, which does): the rest of the app relies on it, not on the guard."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_LOOP], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
