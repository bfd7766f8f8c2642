"""The type aliases of chaoslib.types, by the same names (annotations only)."""

from typing import Any, Dict, List, Union

Activity = Dict[str, Any]
Configuration = Dict[str, Any]
Control = Dict[str, Any]
Experiment = Dict[str, Any]
Extension = Dict[str, Any]
Hypothesis = Dict[str, Any]
Journal = Dict[str, Any]
Layer = Any
MicroservicesStatus = Any
Probe = Dict[str, Any]
Action = Dict[str, Any]
Run = Dict[str, Any]
Secrets = Dict[str, Dict[str, str]]
Settings = Dict[str, Any]
EventPayload = Dict[str, Any]
Tolerance = Union[int, str, bool, list, Dict[str, Any]]
Discovery = Dict[str, Any]
DiscoveredActivities = Dict[str, Any]
DiscoveredSystemInfo = Dict[str, Any]
Schedule = Any
Strategy = Any
Dry = Any
ValueType = Any
