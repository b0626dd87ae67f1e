def customFunc(*args, **kwargs):
    return {"unclosed": [1, 2
