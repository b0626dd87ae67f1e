import subprocess


def customFunc(*args, **kwargs):
    # Left running on purpose: it holds the run's stdout pipe open.
    child = subprocess.Popen(["sleep", "60"])
    print("child pid %d" % child.pid)
    return "returned while a child still runs"
