"""A real PulseAudio server with a null sink, for sound out (captured from its monitor) and sound in (its monitor,
remapped as an ordinary source, as the microphone)."""

import pytest

from tests.pulse_server import pulse_server


@pytest.fixture
def pulse_null_sink(tmp_path):
    with pulse_server(tmp_path) as env:
        yield {**env, "QT_QPA_PLATFORM": "offscreen"}
