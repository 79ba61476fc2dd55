"""Dutch translations of the labs screens; merged into the table of translate_nl.py."""

from __future__ import annotations

# context -> English source -> Dutch (the terms of translate_nl.py's docstring).
TABLE: dict[str, dict[str, str | tuple[str, ...]]] = {}
