from datatypes.Meta import datatypes
from models.NormalType import NormalModel


class CustomerModel(NormalModel):
    id = datatypes.AutoInt(name="id", title="id", primaryKey=True, readOnly=1)
    name = datatypes.Stext(name="name", title="Name")
    status = datatypes.Dropdown(name="status", title="Status")

    class Meta:
        modelType = "NormalType"
        name = "CustomerModel"
        title = "Customer"
        db = "databases.Default"
        dbTable = "CustomerModel"
