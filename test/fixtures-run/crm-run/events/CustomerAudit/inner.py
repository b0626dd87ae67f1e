def customFunc(eventOutData):
    before = eventOutData.prevData.value
    after = eventOutData.postData.value
    print("status", eventOutData.prevData.status.value, "->", eventOutData.postData.status.value)
    CustomerModel_query = __import__("models.CustomerModel", fromlist=["CustomerModel"]).CustomerModel
    try:
        CustomerModel_query.query(filter=None)
    except NotImplementedError as exc:
        print("query:", exc)
    return {"model": eventOutData.model.value, "changed": sorted(k for k in after if before.get(k) != after.get(k))}
