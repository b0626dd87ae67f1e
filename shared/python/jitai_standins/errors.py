"""Errors raised by stand-ins when handler code reaches something only a JitAi node can do."""


class StandInUnavailable(NotImplementedError):
    """Raised when handler code calls a runtime feature the local stand-ins cannot emulate."""

    def __init__(self, what):
        NotImplementedError.__init__(
            self,
            "%s is not available outside a JitAi node (JitAi Events stand-in) / "
            "%s 需要 JitAi 运行时（本地替身不支持）" % (what, what))
