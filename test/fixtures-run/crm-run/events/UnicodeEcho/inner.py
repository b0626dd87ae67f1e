def customFunc(*args, **kwargs):
    print("收到:", args[0]["客户"], kwargs.get("备注"))
    return {"回显": args[0], "备注": kwargs.get("备注"), "emoji": "🎉"}
