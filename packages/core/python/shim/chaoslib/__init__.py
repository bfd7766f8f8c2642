"""A stand-in for chaoslib, used by Faultline's Python bridge only when chaoslib is not installed.

Modules written for Chaos Toolkit import its exceptions and type aliases; these let them load
without installing Chaos Toolkit. An installed chaoslib comes first on sys.path and wins.
"""

__version__ = "1.45.0+faultline"
