from datatypes.Meta import datatypes
from services.NormalType import NormalService


class NotifyService(NormalService):
    def notifySales(self, *args, **kwargs):
        payload = args[0] if args else {}
        self._sendEmail("sales@acme.example", "Batch done: %s customers" % payload.get("processedCount", 0))

    def alertOps(self, *args, **kwargs):
        self._sendEmail("ops@acme.example", "Customer batch failed: %s" % kwargs.get("reason", "unknown"))

    def sendPaymentReceipt(self, *args, **kwargs):
        self._sendEmail("billing@acme.example", "Receipt for %s" % kwargs.get("orderNo", "?"))

    def onAssistantFinished(self, *args, **kwargs):
        print("assistant run finished", args, kwargs)

    def sendDailyDigest(self):
        self._sendEmail("team@acme.example", "Daily CRM digest")

    def remindPaymentDue(self, rowData):
        self._sendEmail("billing@acme.example", "Payment due: %s" % rowData)

    def _sendEmail(self, to, subject):
        print("email to %s: %s" % (to, subject))
        app.event.publish(sender='services.NotifyService.emailSent', kwargs={"to": to, "subject": subject})
