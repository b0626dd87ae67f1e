"""A meta path finder, placed after the normal ones, that serves JitAi framework module names.

`services.NormalType` is not in the app folder (it comes from a framework app), while `services` is
a namespace package made of the app's `services/` folder. The normal path finder is asked first, so
local elements and a real JitAi runtime win; only names nobody else provides reach this finder.
"""

import importlib.machinery
import sys

from . import mark_used
from .framework import MODULES

# Every prefix of a served module is a package (e.g. `jit`, `jit.commons`, `jit.commons.utils`).
PACKAGES = set()
for _name in MODULES:
    _parts = _name.split('.')
    for _i in range(1, len(_parts)):
        PACKAGES.add('.'.join(_parts[:_i]))


class StandInLoader(object):
    # Not derived from importlib.abc (importing it costs ~30 ms at startup); the protocol is duck-typed.
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__name__
        fill = MODULES.get(name)
        if fill is not None:
            fill(module)
            mark_used(name)
        module.__jitai_standin__ = True


class StandInFinder(object):
    def find_spec(self, fullname, path=None, target=None):
        is_module = fullname in MODULES
        is_package = fullname in PACKAGES
        if not (is_module or is_package):
            return None
        spec = importlib.machinery.ModuleSpec(fullname, StandInLoader(), is_package=is_package)
        if is_package:
            spec.submodule_search_locations = []
        return spec


def install_finder():
    if not any(isinstance(f, StandInFinder) for f in sys.meta_path):
        sys.meta_path.append(StandInFinder())
