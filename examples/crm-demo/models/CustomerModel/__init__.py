from .model import CustomerModel
