from .model import OrderModel
