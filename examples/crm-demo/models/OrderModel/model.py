from datatypes.Meta import datatypes
from models.NormalType import NormalModel


class OrderModel(NormalModel):
    id = datatypes.AutoInt(name="id", title="id", primaryKey=True, readOnly=1)
    createdAt = datatypes.Datetime(name="createdAt", title="Created")
    updatedAt = datatypes.Datetime(name="updatedAt", title="Updated")
    orderNo = datatypes.Serial(name="orderNo", title="Order number")
    customer = datatypes.RelateData(name="customer", title="Customer", generic="models.CustomerModel")
    amount = datatypes.Money(name="amount", title="Amount")
    status = datatypes.Dropdown(name="status", title="Status")
    paidAt = datatypes.Datetime(name="paidAt", title="Paid at")
    dueDate = datatypes.Date(name="dueDate", title="Payment due")

    class Meta:
        modelType = "NormalType"
        name = "OrderModel"
        title = "Order"
        db = "databases.Default"
        dataTitle = "orderNo"
        dbTable = "OrderModel"
        unionIndexList = []
        unionUniqueList = []
