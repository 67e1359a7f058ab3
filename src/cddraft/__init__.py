"""cddraft: Conference on Disarmament documents from YAML outlines."""

__version__ = "0.1.0"
