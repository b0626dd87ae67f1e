from .service import NotifyService
