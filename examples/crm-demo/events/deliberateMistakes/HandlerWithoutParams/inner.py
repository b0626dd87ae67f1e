def customFunc():
    print("order paid")
    return True
