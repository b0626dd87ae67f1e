def _read(row, key):
    """rowData is a RowData at runtime (attributes holding .value); a plain dict when run locally."""
    item = row.get(key) if isinstance(row, dict) else getattr(row, key, None)
    return getattr(item, "value", item)


def customFunc(rowData):
    """Runs three days before a customer's contractEnd, at 09:00."""
    message = "contract of %s ends on %s" % (_read(rowData, "name"), _read(rowData, "contractEnd"))
    print("reminder:", message)
    return message
