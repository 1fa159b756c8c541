"""Numbers as the student reads them in the window's language (10,820 and 1.00 in English; 10.820 and 1,00
in Spanish): the default QLocale, which the start-up sets from the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def _locale() -> QLocale:
    here = QLocale()
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates) if here.language() == QLocale.Language.C else here


def whole(n) -> str:
    return _locale().toString(int(n))


def decimal(x, places: int = 2) -> str:
    return _locale().toString(float(x), "f", places)
