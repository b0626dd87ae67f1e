def customFunc(*args, **kwargs):
    """Subscribed to services.CustomerBatchService.dataProcessed: records the batch statistics."""
    payload = args[0] if args else {}
    processed = payload.get("processedCount", 0)
    skipped = payload.get("skipped", 0)
    print("archived statistics: processed=%s skipped=%s batchSize=%s"
          % (processed, skipped, kwargs.get("batchSize")))
    return {"processed": processed, "skipped": skipped}
