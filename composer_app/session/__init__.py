"""The Qt-free session: what a student has open (document, variations, settings) and how it is kept safe."""
