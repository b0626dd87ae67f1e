import os
import sys


def customFunc(*args, **kwargs):
    sys.stderr.write("about to exit hard\n")
    sys.stderr.flush()
    os._exit(3)
