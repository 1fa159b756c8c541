"""What `composer-app train` tells whoever runs it: lines for a person, or JSON lines for a program
(`--progress json`, read by the window's Train dialog: one object per line with an "event" key)."""

from __future__ import annotations

import json
import sys
import time

from composer_app.core.training_events import event


class Reporter:
    def __init__(self, json_lines: bool = False, quiet: bool = False) -> None:
        self.json_lines, self.quiet = json_lines, quiet
        self._bar_shown = 0.0

    def log(self, text: str) -> None:
        if self.quiet:
            return
        if self.json_lines:
            self.event(event("log", text=text))
        else:
            print(text, flush=True)

    def event(self, payload: dict) -> None:
        if self.quiet:
            return
        if self.json_lines:
            print(json.dumps(payload, ensure_ascii=False), flush=True)

    def preparing(self, done: int, total: int) -> None:
        """Progress of the folder's preparation: an event, or a bar on stderr."""
        if self.quiet:
            return
        if self.json_lines:
            self.event(event("prepare", done=done, total=total))
            return
        now = time.time()
        if now - self._bar_shown < 0.3 and done < total:
            return
        self._bar_shown = now
        frac = done / max(total, 1)
        print(f"\rpreparing [{'#' * int(frac * 30):<30}] {done}/{total} files", end="\n" if done >= total else "",
              file=sys.stderr, flush=True)
