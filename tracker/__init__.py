"""tracker: watches news feeds for leadership changes at watched companies."""

__version__ = "0.1.0"
