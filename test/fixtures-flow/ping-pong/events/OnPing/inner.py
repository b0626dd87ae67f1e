def customFunc(*args, **kwargs):
    payload = args[0] if args else {}
    count = payload.get("count", 0)
    print("ping", count)
    app.event.publish(sender="services.PingService.pong", kwargs={"count": count})
    return count
