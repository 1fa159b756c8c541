"""Note and key names as students read them: C4, F#3, Em, Bb in English; Do4, Fa#3, Mi menor, Si bemol mayor in
Spanish. The window picks the language once (`set_language`); the command line stays in English.

Octaves are numbered as in the English names (middle C, MIDI 60, is C4 and Do4), so a number typed in either
language means the same note.
"""

from __future__ import annotations

from composer_app.core.keys import Key

SHORT = {
    "en": ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"),
    "es": ("Do", "Do#", "Re", "Mib", "Mi", "Fa", "Fa#", "Sol", "Lab", "La", "Sib", "Si"),
}
# Key tonics spelled as in MIDI key signatures (Db major, C# minor...).
_MAJOR = ("C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
_MINOR = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B")
_ES_LETTER = {"C": "Do", "D": "Re", "E": "Mi", "F": "Fa", "G": "Sol", "A": "La", "B": "Si"}
_ES_ACCIDENTAL = {"#": " sostenido", "b": " bemol", "": ""}
_LETTER_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_ES_SYLLABLE_PC = {"do": 0, "re": 2, "mi": 4, "fa": 5, "sol": 7, "la": 9, "si": 11}

_language = "en"


def set_language(language: str) -> None:
    """"es" for Spanish names, anything else for English."""
    global _language
    _language = "es" if str(language).lower().startswith("es") else "en"


def language() -> str:
    return _language


def pitch_name(pitch: int, lang: str | None = None) -> str:
    """C4 / Do4 for MIDI 60; Bb3 / Sib3 for 58."""
    return f"{SHORT[lang or _language][pitch % 12]}{pitch // 12 - 1}"


def key_name(key: Key, lang: str | None = None) -> str:
    """A key as students read it: "Em", "Db" in English; "Mi menor", "Re bemol mayor" in Spanish."""
    if (lang or _language) != "es":
        return key.name
    tonic = (_MAJOR if key.mode == "major" else _MINOR)[key.tonic]
    return f"{_ES_LETTER[tonic[0]]}{_ES_ACCIDENTAL[tonic[1:]]} {'mayor' if key.mode == 'major' else 'menor'}"


def parse_pitch(text: str) -> int | None:
    """A pitch from what a student types, in either language: "C4", "c#3", "Bb5", "F♯2", "Do4", "sib3",
    "Fa#2", "Re bemol 4", or a MIDI number; None if it is not one."""
    t = text.strip().replace("♯", "#").replace("♭", "b")
    if t.lstrip("-").isdigit():
        value = int(t)
        return value if 0 <= value <= 127 else None
    low = t.lower().replace(" sostenido", "#").replace(" bemol", "b").replace(" ", "")
    base = None
    for syllable in sorted(_ES_SYLLABLE_PC, key=len, reverse=True):
        if low.startswith(syllable):
            base, rest = _ES_SYLLABLE_PC[syllable], low[len(syllable):]
            break
    if base is None:
        if len(low) < 2 or low[0].upper() not in _LETTER_PC:
            return None
        base, rest = _LETTER_PC[low[0].upper()], low[1:]
    while rest and rest[0] in "#b":
        base += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    try:
        octave = int(rest)
    except ValueError:
        return None
    value = (octave + 1) * 12 + base
    return value if 0 <= value <= 127 else None


def might_become_pitch(text: str) -> bool:
    """True while a student is still typing a note name (a letter or syllable, an accidental, a minus sign)."""
    t = text.strip().lower()
    if t == "" or t.lstrip("-").isdigit():
        return True
    if len(t) <= 4 and t[0].upper() in _LETTER_PC:
        return True
    return any(s.startswith(t[:3]) or t.startswith(s) for s in _ES_SYLLABLE_PC) and len(t) <= 14
