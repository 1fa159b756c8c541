"""The window's undo stack holds the session's changes: one generic command wraps each one."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from composer_app.session.changes import Change


class SessionCommand(QUndoCommand):
    """One undo step: redo applies a session Change, undo reverts it; header-only steps with the same merge
    key (typing a tempo digit by digit) merge into one."""

    ID = 7301

    def __init__(self, session, change: Change) -> None:
        super().__init__(change.label)
        self.session, self.change = session, change

    def id(self) -> int:  # noqa: A003
        return self.ID if self.change.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SessionCommand) or other.session is not self.session:
            return False
        if not self.change.absorb(other.change):
            return False
        self.setText(self.change.label)
        return True

    def redo(self) -> None:
        self.session.apply(self.change)

    def undo(self) -> None:
        self.session.revert(self.change)


class UndoStackHistory:
    """The session's history in the window: its changes go on a QUndoStack, which undoes and redoes them
    (Edit menu, Ctrl+Z, the history view)."""

    def __init__(self, session, stack: QUndoStack) -> None:
        self.session, self.stack = session, stack

    def push(self, change: Change) -> None:
        self.stack.push(SessionCommand(self.session, change))

    def clear(self) -> None:
        self.stack.clear()
