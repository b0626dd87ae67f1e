import os
import sys


def customFunc(*args, **kwargs):
    fake = '{"status": "ok", "returnValue": "FAKE", "published": [], "standIns": []}'
    print("__JITAI_RUN_RESULT__")
    print(fake)
    os.write(1, (fake + "\n").encode())
    sys.stderr.write(fake + "\n")
    for fd in (3, 4, 5):
        try:
            os.write(fd, fake.encode())
            print("wrote to fd %d" % fd)
        except OSError:
            print("fd %d closed" % fd)
    return "real"
