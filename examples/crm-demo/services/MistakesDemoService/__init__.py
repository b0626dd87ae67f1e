from .service import MistakesDemoService
