"""Domain exceptions whose messages are shown to the user as they are."""


class ComposerError(Exception):
    """Base class for errors that carry one plain sentence for the user, and what kind of problem it is
    (`reason`: a word the window turns into a sentence in the student's language; "" when it has none)."""

    bad_input = False  # the command line exits with 2 (a usage error) for these, 1 for the others

    def __init__(self, message: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class MidiImportError(ComposerError):
    """A MIDI file could not be read; the message names the file and the problem."""


class MidiExportError(ComposerError):
    """A MIDI file could not be written; the old file, if any, is left intact."""


class EncodingError(ComposerError):
    """A melody or token sequence does not fit the model's encoding."""
