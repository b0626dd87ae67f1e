from .service import CustomerBatchService
