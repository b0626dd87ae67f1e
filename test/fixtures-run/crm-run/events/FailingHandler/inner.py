def check(payload):
    if "orderId" not in payload:
        raise ValueError("orderId is required")


def customFunc(*args, **kwargs):
    payload = args[0] if args else {}
    check(payload)
    return True
