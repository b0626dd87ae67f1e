from models.NormalType import NormalModel
from datatypes.Meta import datatypes


class OrderModel(NormalModel):
    id = datatypes.AutoInt(name="id", title="ID", primaryKey=True)
