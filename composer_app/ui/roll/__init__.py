"""The piano roll: the note canvas, keyboard, ruler and velocity lane, their shared view state and the coordinate transform."""
