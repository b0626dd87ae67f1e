from .service import PingService
