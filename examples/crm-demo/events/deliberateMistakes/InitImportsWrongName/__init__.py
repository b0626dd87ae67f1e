from .inner import handleOrderApproval
