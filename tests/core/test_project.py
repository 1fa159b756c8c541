"""The project file: round trip, versions, and a fuzzed loader that only ever raises ProjectError."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer_app.core.melody import Melody
from composer_app.core.project import (
    FORMAT,
    VERSION,
    Project,
    ProjectError,
    load_project,
    project_from_bytes,
    save_project,
)
from composer_app.core.timing import TempoChange, TimeSignature


def sample_project() -> Project:
    melody = Melody.from_notes([(0, 480, 60, 90), (480, 240, 64, 70), (960, 960, 67, 100)],
                               tempos=[TempoChange(0, 600_000), TempoChange(1920, 500_000)],
                               time_signature=TimeSignature(3, 4), key_signature="G", name="Tune")
    melody.remove([melody.notes[1].id])  # ids with a gap must survive
    melody.add(480, 240, 65, 71)
    return Project(melody, pending=[[(1920, 480, 69, 80)], [(1920, 240, 71, 80), (2160, 240, 72, 80)]],
                   pending_index=1, pending_range=(1920, 3840), accepted=[{"name": "Variation 2", "note_ids": [4]}],
                   generation={"bars": 4, "variations": 2, "temperature": 1.2, "key": None, "style": "song",
                               "end_on": "tonic"}, model={"name": "bundled", "sha256": "ab" * 32})


def test_round_trip_keeps_ids_settings_and_variations(tmp_path):
    project = sample_project()
    save_project(project, tmp_path / "p.composer")
    again = load_project(tmp_path / "p.composer")
    assert again.melody == project.melody
    assert [n.id for n in again.melody] == [n.id for n in project.melody]
    assert again.melody.name == "Tune"
    assert again.pending == project.pending and again.pending_index == 1 and again.pending_range == (1920, 3840)
    assert again.accepted == project.accepted and again.generation == project.generation
    assert again.model == project.model


def test_a_newer_version_is_refused_and_the_file_left_alone(tmp_path):
    path = tmp_path / "new.composer"
    doc = sample_project().to_json()
    doc["version"] = VERSION + 1
    raw = json.dumps(doc).encode()
    path.write_bytes(raw)
    with pytest.raises(ProjectError, match="newer composer-app"):
        load_project(path)
    assert path.read_bytes() == raw


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(format="something else"), "not a composer-app project"),
    (lambda d: d["melody"]["notes"].append([99, 0, 10, 200, 80]), "pitch 200 is out of range"),
    (lambda d: d["melody"]["notes"].append(d["melody"]["notes"][0]), "appears twice"),
    (lambda d: d["melody"].pop("tempos"), "'tempos' is missing"),
    (lambda d: d["melody"].update(key_signature="H#"), "not a key"),
    (lambda d: d["generation"].update(bars="four"), "wrong type"),
])
def test_damaged_projects_say_what_is_wrong(mutate, message):
    doc = sample_project().to_json()
    mutate(doc)
    with pytest.raises(ProjectError, match=message):
        project_from_bytes(json.dumps(doc).encode(), "p.composer")


def test_inspect_reads_a_project(tmp_path, capsys):
    from composer_app.cli import main

    save_project(sample_project(), tmp_path / "p.composer")
    assert main(["inspect", str(tmp_path / "p.composer")]) == 0
    out = capsys.readouterr().out
    assert "composer-app project, 3 notes" in out and "2 pending" in out
    (tmp_path / "bad.composer").write_bytes(b"{\"format\": ")
    assert main(["inspect", str(tmp_path / "bad.composer")]) == 2
    assert "not valid JSON" in capsys.readouterr().err


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=60)


def _mutated(draw_doc, path_keys, value):
    node = draw_doc
    for k in path_keys[:-1]:
        node = node[k]
    node[path_keys[-1]] = value
    return draw_doc


SLOTS = [("melody",), ("melody", "notes"), ("melody", "tempos"), ("melody", "time_signature"), ("melody", "key_signature"),
         ("melody", "name"), ("variations",), ("variations", "pending"), ("variations", "index"), ("accepted",),
         ("generation",), ("model",), ("version",), ("format",)]


def _expect_only_project_error(data: bytes) -> None:
    started = time.perf_counter()
    try:
        project_from_bytes(data, "fuzz.composer")
    except ProjectError:
        pass
    assert time.perf_counter() - started < 1.0


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SLOTS), json_values)
def test_fuzz_wrong_types_and_huge_numbers_in_any_field(slot, value):
    doc = _mutated(sample_project().to_json(), slot, value)
    _expect_only_project_error(json.dumps(doc, allow_nan=True).encode())


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2000), st.binary(max_size=8))
def test_fuzz_truncated_and_corrupted_files(cut, junk):
    raw = json.dumps(sample_project().to_json()).encode()
    _expect_only_project_error(raw[:cut] + junk)


@pytest.mark.parametrize("depth", [10, 1000, 100_000])
def test_deep_nesting_is_refused(depth):
    nested = "[" * depth + "]" * depth
    raw = ('{"format": "' + FORMAT + '", "version": 1, "melody": {"notes": ' + nested + "}}").encode()
    with pytest.raises(ProjectError):
        project_from_bytes(raw)


def test_huge_numbers_are_refused_quickly():
    raw = ('{"format": "' + FORMAT + '", "version": 1, "melody": {"notes": [[1, ' + "9" * 5000 + ", 1, 60, 80]]}}").encode()
    _expect_only_project_error(raw)
    with pytest.raises(ProjectError):
        project_from_bytes(raw)
