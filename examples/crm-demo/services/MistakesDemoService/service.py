# DELIBERATE MISTAKES: this service is broken on purpose so the language server has something to
# report. Every mistake is listed in examples/crm-demo/README.md and expected-problems.json.
from datatypes.Meta import datatypes
from services.NormalType import NormalService


class MistakesDemoService(NormalService):
    def generateReport(self, period):
        # Mistake: reportGenerated is not declared in this service's eventDescs (unknown-event).
        app.event.publish(sender="services.MistakesDemoService.reportGenerated", args=({"period": period},))
        # Mistake: typo in the service name, OrderServce instead of OrderService (sender-service-not-found).
        app.event.publish(
            sender="services.OrderServce.orderPaid",
            kwargs={"orderNo": "SO-0001"},
        )
        # Mistake: a dict in parentheses is not a tuple, a trailing comma is missing (publish-args-not-tuple).
        app.event.publish(sender="services.MistakesDemoService.reportRequested", args=({"period": period}))
        # Mistake: kwargs must be a dict of keyword arguments, not a list (publish-kwargs-not-dict).
        app.event.publish(sender="services.MistakesDemoService.reportRequested", args=(period,), kwargs=["period"])
        # Mistake: there is no element models.CustomerModle, the model is models.CustomerModel (element-ref-not-found).
        customers = app.getElement("models.CustomerModle")
        # Mistake: app.models.OrderModl is a typo of models.OrderModel (element-ref-not-found).
        return app.models.OrderModl.query()


    def publishReport(self, period, url):
        app.event.publish(sender="services.MistakesDemoService.reportReady", args=({"period": period, "url": url},))

    def requeue(self, *args, **kwargs):
        # Mistake: this handler of reportQueued publishes reportQueued again, so it never stops (event-loop).
        app.event.publish(sender="services.MistakesDemoService.reportQueued", kwargs={"attempt": kwargs.get("attempt", 0) + 1})

    # Mistake: functionList declares the parameter "reportId"; callers pass reportId=..., not reportNo (params-mismatch).
    def archiveReport(self, reportNo):
        return None
