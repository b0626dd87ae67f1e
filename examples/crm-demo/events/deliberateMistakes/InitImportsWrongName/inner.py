def customFunc(eventOutData):
    print("approval status:", eventOutData.status.value)
    return None
