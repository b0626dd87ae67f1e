# DELIBERATE MISTAKE: reads "peroid"; the publisher (MistakesDemoService.publishReport) sends "period".
def customFunc(*args, **kwargs):
    report = args[0] if args else {}
    return report["peroid"], report.get("url")
