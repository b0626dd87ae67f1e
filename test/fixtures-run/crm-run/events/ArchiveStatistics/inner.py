import sys

from commons.formatting import describe
from .helpers import total


def customFunc(*args, **kwargs):
    payload = args[0] if args else {}
    processed = payload.get("processedCount", 0)
    print(describe(processed))
    sys.stderr.write("warning: archive is a dry run\n")
    app.event.publish(sender="services.CustomerBatchService.summaryReady",
                      args=({"total": total(processed)},), kwargs={"source": "archive"})
    return {"archived": processed, "batch": kwargs.get("batchSize")}
