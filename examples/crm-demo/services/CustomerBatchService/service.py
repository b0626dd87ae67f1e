from datatypes.Meta import datatypes
from services.NormalType import NormalService


class CustomerBatchService(NormalService):
    def processCustomers(self, batchSize):
        size = getattr(batchSize, "value", batchSize) or 100
        try:
            processed, skipped = self._runBatch(size)
        except Exception as exc:
            app.event.publish(sender="services.CustomerBatchService.batchFailed", args=(), kwargs={"reason": str(exc)})
            raise
        # Multi-line publish: every subscriber of dataProcessed receives args[0] and the kwargs.
        app.event.publish(
            sender="services.CustomerBatchService.dataProcessed",
            args=({"processedCount": processed, "skipped": skipped},),
            kwargs={"batchSize": size},
        )
        return {"processed": processed, "skipped": skipped}

    def logChange(self, eventOutData):
        print("customer change logged:", eventOutData)
        return None

    def _runBatch(self, size):
        skipped = size // 10
        return size - skipped, skipped
