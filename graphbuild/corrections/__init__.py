"""User corrections applied at build time (``--corrections corrections.yaml``; docs/corrections.md)."""

from graphbuild.corrections.alias_kb import write_alias_kb
from graphbuild.corrections.apply import Applied, apply_corrections
from graphbuild.corrections.schema import Correction, CorrectionError, Corrections, read_corrections

__all__ = ["Applied", "Correction", "CorrectionError", "Corrections", "apply_corrections", "read_corrections",
           "write_alias_kb"]
