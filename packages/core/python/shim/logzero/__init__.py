"""A stand-in for logzero, used by Faultline's Python bridge only when logzero is not installed.

Chaos Toolkit used logzero until 1.x, so many team modules start with `from logzero import logger`.
Here `logger` is the "chaostoolkit" logger of the standard library; what it logs reaches
Faultline's log through stderr. The set-up functions accept their arguments and do nothing.
"""

import logging
import sys

logger = logging.getLogger("chaostoolkit")
if not logger.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    logger.addHandler(_handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False


def setup_logger(name=None, *args, **kwargs):
    return logging.getLogger(name) if name else logger


def setup_default_logger(*args, **kwargs):
    return logger


def loglevel(*args, **kwargs):
    pass


def logfile(*args, **kwargs):
    pass


def formatter(*args, **kwargs):
    pass


class LogFormatter(logging.Formatter):
    def __init__(self, fmt=None, datefmt=None, *args, **kwargs):
        super().__init__(fmt, datefmt)
