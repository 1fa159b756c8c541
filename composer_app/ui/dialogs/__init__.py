"""The window's dialogs: preferences, models, training, recovery, track choice, help."""
