def _read(data, key):
    """eventOutData is a JitDict at runtime (attributes holding .value); a plain dict when run locally."""
    item = data.get(key) if isinstance(data, dict) else getattr(data, key, None)
    return getattr(item, "value", item)


def customFunc(eventOutData):
    """Approval event (Process on models.OrderModel): reacts to the final approval status."""
    status = _read(eventOutData, "status")
    row = _read(eventOutData, "row") or {}
    print("order %s approval status: %s" % (row.get("orderNo", "?"), status))
    return status
