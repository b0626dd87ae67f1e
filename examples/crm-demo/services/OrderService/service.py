import datetime

from datatypes.Meta import datatypes
from services.NormalType import NormalService


class OrderService(NormalService):
    def createOrder(self, customerId, amount):
        orderNo = "SO-%s" % datetime.date.today().strftime("%Y%m%d")
        order = {"orderNo": orderNo, "customerId": getattr(customerId, "value", customerId),
                 "amount": getattr(amount, "value", amount)}
        app.event.publish(sender="services.OrderService.orderCreated", args=(order,), kwargs={})
        return order

    def markPaid(self, orderNo):
        paidAt = datetime.datetime.now().isoformat(timespec="seconds")
        app.event.publish(sender="services.OrderService.orderPaid",
                          kwargs={"orderNo": getattr(orderNo, "value", orderNo), "paidAt": paidAt})

    def cancelOrder(self, orderNo, reason):
        app.event.publish(sender="services.OrderService.orderCancelled",
                          args=({"orderNo": getattr(orderNo, "value", orderNo),
                                 "reason": getattr(reason, "value", reason)},))

    def auditOrderChange(self, eventOutData):
        print("order change:", eventOutData)

    def onFinanceDecision(self, eventOutData):
        print("finance decision:", eventOutData)

    def auditAgentTool(self, eventOutData):
        print("agent tool call:", eventOutData)
