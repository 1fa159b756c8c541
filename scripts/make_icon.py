"""Draw the app icon (a piano-roll phrase rising into a ghost continuation) to resources/icons."""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    bg = QLinearGradient(0, 0, 0, size)
    bg.setColorAt(0, QColor("#2b4c7e"))
    bg.setColorAt(1, QColor("#1a2a44"))
    path = QPainterPath()
    path.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.fillPath(path, bg)
    p.setPen(QPen(QColor(255, 255, 255, 40), 2 * s))
    for y in range(56, 220, 28):
        p.drawLine(int(28 * s), int(y * s), int(228 * s), int(y * s))
    notes = [(32, 170, 40), (76, 142, 30), (110, 156, 30), (144, 114, 34)]
    ghosts = [(182, 86, 30), (212, 100, 20)]
    for x, y, w in notes:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#7fb3ff"))
        p.drawRoundedRect(QRectF(x * s, y * s, w * s, 20 * s), 6 * s, 6 * s)
    for x, y, w in ghosts:
        p.setPen(QPen(QColor("#ffb070"), 3 * s, Qt.PenStyle.DashLine))
        p.setBrush(QColor(255, 150, 70, 90))
        p.drawRoundedRect(QRectF(x * s, y * s, w * s, 20 * s), 6 * s, 6 * s)
    p.end()
    return img


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    out = Path(__file__).resolve().parents[1] / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "composer-app.png"))
    draw(64).save(str(out / "composer-app-64.png"))
    print(f"wrote {out / 'composer-app.png'}")
