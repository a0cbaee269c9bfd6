"""The NiceGUI studio: pages and panels over the application layer (``studio.app``)."""
