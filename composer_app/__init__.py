"""composer-app: a desktop composing assistant that continues melodies."""

__version__ = "0.1.0"
