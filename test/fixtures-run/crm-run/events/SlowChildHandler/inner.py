import subprocess
import sys
import time


def customFunc(*args, **kwargs):
    app.event.publish(sender="services.CustomerBatchService.summaryReady", args=({"stage": "before sleep"},))
    child = subprocess.Popen(["sleep", "60"])
    print("child pid %d" % child.pid)
    print("ready")
    sys.stdout.flush()
    time.sleep(60)
    return "never"
