from datatypes.Meta import datatypes
from services.NormalType import NormalService
from jit.commons.utils.logger import log


class CustomerBatchService(NormalService):
    def processCustomers(self, batchSize):
        count = 100
        app.event.publish(sender="services.CustomerBatchService.dataProcessed",
                          args=({"processedCount": count},), kwargs={"batchSize": batchSize})
        return {"processed": count}

    def onProcessed(self, *args, **kwargs):
        payload = args[0] if args else {}
        log.info("onProcessed called")
        print("service", self.__fullName__, "got", payload.get("processedCount"), "batch", kwargs.get("batchSize"))
        return {"handledBy": type(self).__name__, "count": payload.get("processedCount"), "title": self.__title__}
