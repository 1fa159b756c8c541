"""Sound and MIDI in the window: the output, the player, the MIDI adapter that pumps session.live, the live controls."""
