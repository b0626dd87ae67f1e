def describe(count):
    return "processed %s customers" % count
