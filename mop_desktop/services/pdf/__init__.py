"""Signed-off PDFs: the protocol, the council-pack report, and the record of exports.

reportlab is imported only inside this package (and only when a PDF is made); nothing here
imports Qt. The entry points are in ``exports``: ``export_pdf``, ``verify``, ``list_exports``.
"""
