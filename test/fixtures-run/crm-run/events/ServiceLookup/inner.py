from jit.errcode import Code


def customFunc(*args, **kwargs):
    svc = app.getElement("services.CustomerBatchService")
    again = app.services.CustomerBatchService
    result = svc.processCustomers(kwargs.get("batchSize", 10))
    model = app.getElement("models.CustomerModel")
    flt = Q("status", "=", "active")
    return {"same": svc is again, "result": result, "model": model.__name__, "filter": repr(flt), "code": str(Code(code=1, reason="x"))}
