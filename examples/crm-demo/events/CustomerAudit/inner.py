def _read(data, key):
    """eventOutData is a JitDict at runtime (attributes holding .value); a plain dict when run locally."""
    item = data.get(key) if isinstance(data, dict) else getattr(data, key, None)
    return getattr(item, "value", item)


def customFunc(eventOutData):
    """Model event (UpdateAfter on models.CustomerModel): prints which audited fields changed."""
    before = _read(eventOutData, "prevData") or {}
    after = _read(eventOutData, "postData") or {}
    changed = sorted(key for key in after if before.get(key) != after.get(key))
    print("customer %s changed: %s" % (after.get("id"), ", ".join(changed) or "nothing"))
    return changed
