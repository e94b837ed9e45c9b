"""Typed forms compiled from the layouts in ui/ (see ``compile.py``)."""
