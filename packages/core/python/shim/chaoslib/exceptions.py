"""The exception classes of chaoslib.exceptions, by the same names."""

__all__ = [
    "ChaosException",
    "InvalidExperiment",
    "InvalidActivity",
    "ActivityFailed",
    "DiscoveryFailed",
    "InvalidSource",
    "InterruptExecution",
    "ControlPythonFunctionLoadingError",
    "InvalidControl",
    "ValidationError",
]


class ChaosException(Exception):
    pass


class InvalidActivity(ChaosException):
    pass


class ActivityFailed(ChaosException):
    pass


class DiscoveryFailed(ChaosException):
    pass


class InvalidSource(ChaosException):
    pass


class InterruptExecution(ChaosException):
    pass


class ControlPythonFunctionLoadingError(Exception):
    pass


class InvalidControl(ChaosException):
    pass


class ValidationError(ChaosException):
    def __init__(self, msg, errors=None, *args, **kwargs):
        super().__init__(msg, *args, **kwargs)
        self.errors = errors or []


class InvalidExperiment(ValidationError):
    pass
