"""Publishing the protocol beyond PDF: an accessible web page, a Word document, and the
council-pack changes as Word tracked changes. Each reads the same ``ProtocolSource`` or
``ReportSource`` as the PDFs (services/pdf/content.py), so every format prints the same words,
numbers, version table and sign-off."""
