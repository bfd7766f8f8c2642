def healthy(value: dict = None) -> bool:
    return value["status"] == 200 and value["body"].get("ok") is True


def at_least(value: int = None, minimum: int = 0) -> bool:
    return value >= minimum
