from services.NormalType import NormalService


class PingService(NormalService):
    def start(self, count):
        app.event.publish(sender="services.PingService.ping", args=({"count": count},))

    def onPong(self, *args, **kwargs):
        count = kwargs.get("count", 0)
        if count > 3:
            app.event.publish(sender="services.PingService.done", args=())
            return
        app.event.publish(sender="services.PingService.ping", args=({"count": count + 1},))
