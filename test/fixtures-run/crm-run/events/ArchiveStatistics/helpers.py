def total(n):
    return n * 2
