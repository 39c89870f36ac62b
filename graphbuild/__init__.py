"""graphbuild: knowledge graphs of geopolitical events from Kazakh, Russian and English news."""

import os

__version__ = "0.1.0"

# The parsers multiply small matrices; OpenBLAS (and OpenMP) would start one thread per core for
# them, and those threads spin: on this project's 2-core machine, 60 articles took 19 CPU-seconds
# of extraction with them and 11 with one thread, and with --jobs every process would start its
# own. Set before numpy loads (importing graphbuild first does that); a value already set wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
del _name
