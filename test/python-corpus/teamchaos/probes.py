import json
import urllib.request

from chaoslib.exceptions import ActivityFailed
from chaoslib.types import Configuration, Secrets
from logzero import logger

__all__ = ["orders_health", "order_count"]


def orders_health(base_url: str, timeout: float = 2.0) -> dict:
    with urllib.request.urlopen(base_url + "/health", timeout=timeout) as response:
        body = json.loads(response.read().decode("utf-8"))
        logger.info("orders health: %s", body)
        return {"status": response.status, "body": body}


def order_count(configuration: Configuration = None, secrets: Secrets = None) -> int:
    request = urllib.request.Request(
        configuration["base_url"] + "/orders",
        headers={"authorization": "Bearer " + (secrets or {}).get("api_token", "")},
    )
    with urllib.request.urlopen(request, timeout=2) as response:
        if response.status != 200:
            raise ActivityFailed("orders endpoint answered %d" % response.status)
        return len(json.loads(response.read().decode("utf-8")))
