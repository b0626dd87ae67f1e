from datatypes.Meta import datatypes
from models.NormalType import NormalModel


class CustomerModel(NormalModel):
    id = datatypes.AutoInt(name="id", title="id", primaryKey=True, readOnly=1)
    createdAt = datatypes.Datetime(name="createdAt", title="Created")
    updatedAt = datatypes.Datetime(name="updatedAt", title="Updated")
    name = datatypes.Stext(name="name", title="Name")
    email = datatypes.Stext(name="email", title="Email")
    phone = datatypes.Phone(name="phone", title="Phone")
    level = datatypes.Dropdown(name="level", title="Level")
    status = datatypes.Dropdown(name="status", title="Status")
    owner = datatypes.Member(name="owner", title="Account owner")
    contractEnd = datatypes.Date(name="contractEnd", title="Contract end")

    class Meta:
        modelType = "NormalType"
        name = "CustomerModel"
        title = "Customer"
        db = "databases.Default"
        dataTitle = "name"
        dbTable = "CustomerModel"
        unionIndexList = []
        unionUniqueList = []
