"""graphbuild: knowledge graphs of geopolitical events from Kazakh, Russian and English news.

The Python API (graphbuild/api.py) is loaded on first use, so ``import graphbuild`` stays cheap::

    import graphbuild
    kg = graphbuild.build(["examples/"])     # or graphbuild.load("out/")
    kg.to_pandas()["dyads"]
"""

import importlib
import os
from typing import Any

__version__ = "0.1.0"

# The parsers multiply small matrices; OpenBLAS (and OpenMP) would start one thread per core for
# them, and those threads spin: on this project's 2-core machine, 60 articles took 19 CPU-seconds
# of extraction with them and 11 with one thread, and with --jobs every process would start its
# own. Set before numpy loads (importing graphbuild first does that); a value already set wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
del _name

# Public name -> module that defines it; read by __getattr__ on first use.
_API: dict[str, str] = {
    "build": "graphbuild.api", "load": "graphbuild.api", "write": "graphbuild.api", "push": "graphbuild.api",
    "BuildError": "graphbuild.api", "KnowledgeGraph": "graphbuild.graph.knowledge_graph",
    "RecordError": "graphbuild.graph.records", "CorrectionError": "graphbuild.corrections",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
