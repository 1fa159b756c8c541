import pytest

from composer_app.engine.model import bundled_model_path, load_model


@pytest.fixture(scope="session")
def model():
    """The real bundled model."""
    return load_model(bundled_model_path(), force_cpu=True)
