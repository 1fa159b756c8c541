#!/usr/bin/env bash
# Set up (system libraries, JACK, .venv, packages with the dev and train extras) and run every test.
set -euo pipefail
source "$(dirname "$0")/scripts/setup-env.sh"
install_system_packages "${QT_DEBS[@]}" jackd2 pulseaudio pulseaudio-utils desktop-file-utils shared-mime-info binutils \
    xvfb openbox xdotool x11-utils \
    fluidsynth timgm6mb-soundfont abcmidi  # a real X server for tests/real_display; an independent synth for transcription; abc2midi writes other tools' MIDI files
make_venv
# The CPU build of PyTorch first, so the train extra does not pull several GB of CUDA packages (where the
# default index has no such build, pip's own configuration or PIP_INDEX_URL / PIP_EXTRA_INDEX_URL name one).
if ! "$PY" -c 'import torch' 2>/dev/null; then
    pip_install "torch==2.13.0"
fi
install_app "$ROOT[dev,train]"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$PY" -m pytest "$@"
