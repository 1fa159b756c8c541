"""Docked panels beside the roll: the Continue panel."""
