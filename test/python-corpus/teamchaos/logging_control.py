"""Logs every step of the run, as teams' logging/tracing controls do."""

import json
import os

from logzero import logger

_trail = []


def configure_control(configuration=None, secrets=None, settings=None, experiment=None, trail_file=None):
    _trail.clear()
    _trail.append("configure:" + experiment["title"])


def before_experiment_control(context, **kwargs):
    _trail.append("before_experiment")


def before_hypothesis_control(context, **kwargs):
    _trail.append("before_hypothesis")


def after_hypothesis_control(context, state, **kwargs):
    _trail.append("after_hypothesis:%s" % state.get("steady_state_met"))


def before_method_control(context, **kwargs):
    _trail.append("before_method")


def after_method_control(context, state, **kwargs):
    _trail.append("after_method:%d" % len(state))


def before_rollback_control(context, **kwargs):
    _trail.append("before_rollback")


def after_rollback_control(context, state, **kwargs):
    _trail.append("after_rollback:%d" % len(state))


def before_activity_control(context, **kwargs):
    _trail.append("before_activity:" + context["name"])


def after_activity_control(context, state, **kwargs):
    _trail.append("after_activity:%s:%s" % (context["name"], state.get("status")))


def after_experiment_control(context, state, trail_file=None, **kwargs):
    _trail.append("after_experiment:" + state["status"])
    logger.info("trail: %s", _trail)
    if trail_file:
        with open(trail_file, "w") as f:
            json.dump(_trail, f)


def cleanup_control():
    _trail.clear()
