"""The shop team's chaos helpers (written for Chaos Toolkit)."""

__version__ = "0.3.0"
