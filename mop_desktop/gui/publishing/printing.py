"""Printing a PDF as it is (vector text, small files), not as page pictures.

After the system print dialog, ``print_pdf_file(path, printer)`` sends the PDF itself:

- "Print to file" (PDF) writes the PDF's own pages (those chosen) to the file: the text stays
  text, selectable and searchable, and the file is the size of the original.
- On Linux and macOS, the chosen printer gets the PDF through CUPS (``lp -d PRINTER``) with
  the copies and pages chosen; CUPS prints PDFs as they are.
- On Windows, the PDF goes to the chosen printer through the PDF reader's "printto" verb.
- Only where none of these can be used are the pages drawn as pictures (``paint``).

``run`` (subprocess) and ``shell_print`` are module functions so tests can replace them.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages chosen in the print dialog (all of them by default)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return list(range(first - 1, last))
    return list(range(count))


def write_pages(source: Path, target: Path, pages: list[int]) -> int:
    """The chosen pages of ``source`` as a PDF at ``target`` (vector, as they are)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(source))
    if pages == list(range(len(reader.pages))):
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
        return len(pages)
    writer = PdfWriter()
    for index in pages:
        writer.add_page(reader.pages[index])
    with target.open("wb") as out:
        writer.write(out)
    return len(pages)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def lp_command(path: Path, printer: QPrinter, pages: list[int], count: int) -> list[str] | None:
    lp = shutil.which("lp")
    if lp is None:
        return None
    args = [lp]
    if printer.printerName():
        args += ["-d", printer.printerName()]
    copies = printer.copyCount()
    if copies > 1:
        args += ["-n", str(copies)]
    if pages != list(range(count)) and pages:
        args += ["-P", f"{pages[0] + 1}-{pages[-1] + 1}"]
    args += ["-t", path.stem, "--", str(path)]
    return args


def shell_print(path: Path, printer_name: str) -> bool:
    """Windows: the PDF reader prints ``path`` on ``printer_name`` ("printto"); False when no
    reader takes the verb."""
    if sys.platform != "win32":
        return False
    import ctypes

    result = ctypes.windll.shell32.ShellExecuteW(
        None, "printto", str(path), f'"{printer_name}"', str(path.parent), 0
    )
    return int(result) > 32


def print_pdf_file(
    path: str | Path,
    printer: QPrinter,
    paint: Callable[[Path, QPrinter], int],
    keeps_file: bool = True,
) -> int:
    """Print the PDF at ``path`` as set in ``printer``; the number of pages sent. ``paint`` is
    the last resort that draws the pages as pictures. ``keeps_file=False``: the file is
    deleted straight after (the recovery sheet), so it is not handed to a Windows PDF reader
    that would read it later."""
    from pypdf import PdfReader

    path = Path(path)
    count = len(PdfReader(str(path)).pages)
    pages = chosen_pages(printer, count)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return write_pages(path, Path(printer.outputFileName()), pages)
    if sys.platform == "win32":
        if keeps_file and pages == list(range(count)) and shell_print(path, printer.printerName()):
            return count
    else:
        args = lp_command(path, printer, pages, count)
        if args is not None:
            done = run(args)
            if done.returncode == 0:
                return len(pages)
            log.warning(
                "lp could not print (%s): drawing the pages instead",
                (done.stderr or "").strip()[:200],
            )
    return paint(path, printer)
