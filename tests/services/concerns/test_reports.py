"""The case report and the subject access export show roles, categories and statuses as the
window does ("Bullying or harassment"), not as stored."""

from __future__ import annotations

from pypdf import PdfReader

from mop_desktop.services.concerns import reports


def _text(path, password):
    reader = PdfReader(str(path))
    assert reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_case_report_shows_labels(service, make_concern, tmp_path):
    reference = service.add(
        make_concern(
            raised_by="Sam Walker",
            raised_by_role="member of the public",
            about="Cllr Jo Bloggs",
            about_role="councillor",
            category="bullying or harassment",
            status="referred to monitoring officer",
        )
    )
    concern = service.get(reference)
    target = tmp_path / "case.pdf"
    reports.case_report(
        target,
        concern,
        service.timeline(reference),
        service.audit_trail(reference),
        "Oakford Town Council",
        "secret pdf",
    )
    text = _text(target, "secret pdf")
    assert "Bullying or harassment" in text and "bullying or harassment" not in text
    assert "(Member of the public)" in text and "(Councillor)" in text
    assert "Referred to the Monitoring Officer" in text


def test_subject_access_export_shows_labels(service, make_concern, tmp_path):
    reference = service.add(
        make_concern(about="Cllr Jo Bloggs", about_role="councillor", category="undue pressure")
    )
    cases = [(service.get(reference), service.timeline(reference))]
    target = tmp_path / "sar.pdf"
    reports.subject_access_report(
        target, "Cllr Jo Bloggs", cases, "Oakford Town Council", "secret pdf"
    )
    text = _text(target, "secret pdf")
    assert "Undue pressure" in text and "(Officer)" in text and "(Councillor)" in text


def test_recovery_sheet_is_written_for_the_clerk_and_the_chair(tmp_path):
    import datetime as dt

    target = tmp_path / "sheet.pdf"
    reports.recovery_sheet(
        target, "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345", "Oakford Town Council", dt.date(2026, 3, 23)
    )
    reader = PdfReader(str(target))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "mop-desktop" not in text and "--recovery-key" not in text  # no command line
    assert "Concerns page" in text and "Forgotten passphrase? Use the recovery key" in text
    assert "Clerk:" in text and "Chair:" in text
    assert "23 March 2026" in text
