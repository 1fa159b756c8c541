"""The model library: bundled and trained models, checks before use, rename and remove (no Qt)."""

from __future__ import annotations

import json
import shutil

import pytest

from composer_app.engine.model import bundled_model_path, load_model
from composer_app.session.models import BUNDLED, ModelLibrary, ModelsError


def _trained_copy(folder, name):
    """A trained model's folder, made from the bundled files (model.onnx + model.json with its weights)."""
    src = bundled_model_path()
    folder.mkdir(parents=True)
    shutil.copy(src, folder / "model.onnx")
    card = json.loads(src.with_suffix(".json").read_text())
    card["name"] = name
    (folder / "model.json").write_text(json.dumps(card))
    return folder


def test_lists_bundled_first_then_trained_by_name_with_their_cards(tmp_path):
    lib = ModelLibrary(tmp_path / "models")
    _trained_copy(lib.folder / "zeta", "zeta tunes")
    _trained_copy(lib.folder / "alpha", "Alpha jigs")
    (lib.folder / "half-trained").mkdir()
    (lib.folder / "half-trained" / "checkpoint.pt").write_bytes(b"x")
    entries = lib.entries()
    assert [e.key for e in entries] == [BUNDLED, "alpha", "zeta"]
    assert all(e.usable for e in entries)
    facts = entries[0].facts()  # what the card says, in the units the dialog shows
    card = json.loads(bundled_model_path().with_suffix(".json").read_text(encoding="utf-8"))
    evaluation, training = card["evaluation"], card["training"]
    assert (facts["bits_per_note"], facts["ngram_bits_per_note"], facts["held_out_melodies"]) == (
        evaluation["bits_per_note"], evaluation["ngram_bits_per_note"], evaluation["held_out_melodies"])
    assert facts["melodies"] == sum(training["data"]["melodies"].values()) > 10_000
    assert facts["notes"] == sum(training["data"]["notes"].values()) > 1_000_000
    assert facts["parameters"] == card["parameters"] > 1_000_000
    assert facts["epochs"] == training["epochs"] and facts["seconds"] == training["seconds"]
    assert facts["bytes"] == bundled_model_path().stat().st_size
    assert lib.unfinished() == [lib.folder / "half-trained"]


def test_a_damaged_model_is_listed_with_the_reason_and_never_opened(tmp_path):
    lib = ModelLibrary(tmp_path / "models")
    folder = _trained_copy(lib.folder / "mine", "mine")
    data = bytearray((folder / "model.onnx").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "model.onnx").write_bytes(bytes(data))
    _trained_copy(lib.folder / "nocard", "x")
    (lib.folder / "nocard" / "model.json").write_text("{not json")
    by_key = {e.key: e for e in lib.entries()}
    assert not by_key["mine"].usable and "SHA-256 differs" in by_key["mine"].problem
    assert not by_key["nocard"].usable and "not valid JSON" in by_key["nocard"].problem
    assert by_key["mine"].facts() == {}


def test_rename_and_remove(tmp_path):
    lib = ModelLibrary(tmp_path / "models")
    folder = _trained_copy(lib.folder / "mine", "mine")
    lib.rename("mine", "  My   reels ")
    assert lib.entry("mine").name == "My reels"
    assert load_model(folder / "model.onnx").name == "My reels"  # the checksum covers the .onnx, not the card
    with pytest.raises(ModelsError):
        lib.rename("mine", "   ")
    with pytest.raises(ModelsError):
        lib.remove(BUNDLED)
    with pytest.raises(ModelsError):
        lib.remove("../models")
    lib.remove("mine")
    assert not folder.exists() and [e.key for e in lib.entries()] == [BUNDLED]
    assert bundled_model_path().exists()


def test_new_model_folders_never_reuse_a_name(tmp_path):
    lib = ModelLibrary(tmp_path / "models")
    first = lib.folder_for("Chopin: nocturnes!")
    assert first.name == "Chopin-nocturnes"
    first.mkdir(parents=True)
    assert lib.folder_for("Chopin: nocturnes!").name == "Chopin-nocturnes-2"
