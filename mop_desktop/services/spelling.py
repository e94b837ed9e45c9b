"""British English spelling: the Hunspell en_GB dictionary shipped with the app (no network),
and the council's own words (names, place names) learnt into a council dictionary kept in the
store (``spelling.council_words`` in the ``setting`` table).

``Speller`` is plain Python (spylls, Hunspell ported to Python). Loading the dictionary takes
a few seconds, so the editor loads it in the background; checking a word afterwards is fast
and cached.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from typing import Any

from mop_desktop.paths import resource_path
from mop_desktop.store.db import Store
from mop_desktop.store.models import SettingRow

COUNCIL_WORDS_KEY = "spelling.council_words"
WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z\u00c0-\u024f]+)*")
MAX_SUGGESTIONS = 6


def words_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


_DICTIONARY: list[Any] = []  # loaded once per process (a few seconds)
_LOCK = threading.Lock()


def dictionary() -> Any:
    """The shipped en_GB Hunspell dictionary (loaded on first use, then shared)."""
    with _LOCK:
        if not _DICTIONARY:
            from spylls.hunspell import Dictionary

            stem = resource_path("resources", "dictionaries", "en_GB")
            _DICTIONARY.append(Dictionary.from_files(str(stem)))
        return _DICTIONARY[0]


class Speller:
    def __init__(self, council_words: Iterable[str] = ()) -> None:
        self._dictionary = dictionary()
        self._council = {w.casefold() for w in council_words}
        self._cache: dict[str, bool] = {}

    def is_correct(self, word: str) -> bool:
        word = word.replace("\u2019", "'")
        known = self._cache.get(word)
        if known is None:
            known = (
                word.casefold() in self._council
                or (word.isupper() and len(word) <= 6)  # RFO, MOP: acronyms
                or bool(self._dictionary.lookup(word))
            )
            self._cache[word] = known
        return known

    def suggestions(self, word: str) -> list[str]:
        out: list[str] = []
        for suggestion in self._dictionary.suggest(word.replace("\u2019", "'")):
            out.append(suggestion)
            if len(out) >= MAX_SUGGESTIONS:
                break
        return out

    def learn(self, word: str) -> None:
        self._council.add(word.casefold())
        self._cache.pop(word.replace("\u2019", "'"), None)


def council_words(store: Store) -> list[str]:
    with store.session() as session:
        row = session.get(SettingRow, COUNCIL_WORDS_KEY)
        try:
            words = json.loads(row.value) if row is not None else []
        except ValueError:
            return []
    return [w for w in words if isinstance(w, str)] if isinstance(words, list) else []


def add_council_word(store: Store, word: str) -> list[str]:
    """Learn ``word`` into the council dictionary; returns the words now in it."""
    word = word.strip()
    words = council_words(store)
    if word and word.casefold() not in {w.casefold() for w in words}:
        words.append(word)
        words.sort(key=str.casefold)
    text = json.dumps(words, ensure_ascii=False)
    with store.session() as session:
        row = session.get(SettingRow, COUNCIL_WORDS_KEY)
        if row is None:
            session.add(SettingRow(key=COUNCIL_WORDS_KEY, value=text))
        else:
            row.value = text
    return words
