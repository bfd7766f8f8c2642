import threading
import time
import urllib.request

from chaoslib.types import Configuration

__all__ = ["generate_load", "place_order", "reset_orders", "explode"]


def generate_load(base_url: str, requests: int = 20, concurrency: int = 4) -> dict:
    """A small load generator: `requests` GETs spread over `concurrency` threads."""
    done = []

    def worker(n):
        for _ in range(n):
            with urllib.request.urlopen(base_url + "/health", timeout=2) as r:
                done.append(r.status)

    threads = [threading.Thread(target=worker, args=(requests // concurrency,)) for _ in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(done), "ok": done.count(200), "seconds": round(time.monotonic() - started, 3)}


def place_order(configuration: Configuration = None, item: str = "book") -> int:
    request = urllib.request.Request(configuration["base_url"] + "/orders", data=item.encode(), method="POST")
    with urllib.request.urlopen(request, timeout=2) as response:
        return response.status


def reset_orders(base_url: str) -> int:
    request = urllib.request.Request(base_url + "/orders", method="DELETE")
    with urllib.request.urlopen(request, timeout=2) as response:
        return response.status


def explode(reason: str = "boom"):
    raise RuntimeError(reason)
