from .inner import customFunc
