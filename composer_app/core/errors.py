"""Domain exceptions whose messages are shown to the user as they are."""


class ComposerError(Exception):
    """Base class for errors that carry one plain sentence for the user, and what kind of problem it is
    (`reason`: a word the window turns into a sentence in the student's language; "" when it has none)."""

    # The command line's one rule (README, "Exit codes"): 2 when something the user gave cannot be used (a file,
    # an option, a value: a usage error, as argparse's), 1 when the command could not finish with good input (a
    # file that cannot be written, a device that is missing or busy, a check that failed).
    bad_input = True

    def __init__(self, message: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class MidiImportError(ComposerError):
    """A MIDI file could not be read; the message names the file and the problem."""


class MidiExportError(ComposerError):
    """A MIDI file could not be written; the old file, if any, is left intact."""

    bad_input = False


class MissingPartError(ComposerError):
    """A part of the app that a command needs is not installed (an optional extra); the input was fine."""

    bad_input = False


class EncodingError(ComposerError):
    """A melody or token sequence does not fit the model's encoding."""
