"""The part-writing checker finds what a teacher marks, and nothing in correct writing."""

from composer_app.core.part_writing import check_part_writing

Q = 480


def voices(*chords):
    """Four voices from chords given as (soprano, alto, tenor, bass), a quarter note each."""
    out = {"soprano": [], "alto": [], "tenor": [], "bass": []}
    for i, chord in enumerate(chords):
        for name, pitch in zip(out, chord):
            out[name].append((i * Q, Q, pitch))
    return out


def kinds(faults):
    return sorted((f.tick, f.kind, f.voices) for f in faults)


def test_a_correct_cadence_has_no_faults():
    # I IV V I in C, textbook voicings
    assert check_part_writing(voices((72, 67, 64, 48), (72, 69, 65, 53), (71, 67, 62, 55), (72, 67, 64, 48)), 0) == []


def test_parallel_fifths_and_octaves_are_found_with_their_voices():
    # C to D in root position with every voice moving up a step: fifths tenor-bass, octaves soprano-bass
    faults = check_part_writing(voices((72, 64, 55, 48), (74, 66, 57, 50)))
    assert (Q, "parallel_octaves", ("soprano", "bass")) in kinds(faults)
    assert (Q, "parallel_fifths", ("tenor", "bass")) in kinds(faults)
    # the same fifth held (no motion) is no fault; a rest in between breaks the line
    assert check_part_writing(voices((72, 64, 55, 48), (72, 64, 55, 48))) == []
    broken = voices((72, 64, 55, 48), (74, 66, 57, 50))
    broken["soprano"] = [(0, Q // 2, 72), (Q, Q, 74)]
    broken["alto"] = [(0, Q, 64), (Q // 2, Q // 2, 65), (Q, Q, 66)]  # a moment where the soprano rests
    assert not [f for f in check_part_writing(broken) if f.kind.startswith("parallel")]


def test_ranges_crossing_spacing_and_the_leading_tone():
    faults = kinds(check_part_writing(voices((84, 60, 62, 38), (71, 67, 62, 43), (69, 65, 62, 43)), tonic=0))
    assert (0, "range", ("soprano",)) in faults and (0, "range", ("bass",)) in faults
    assert (0, "crossing", ("alto", "tenor")) in faults and (0, "spacing", ("soprano", "alto")) in faults
    assert (2 * Q, "leading_tone", ("soprano",)) in faults  # B (the leading tone in C) falls to A
