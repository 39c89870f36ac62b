"""graphbuild: knowledge graphs of geopolitical events from Kazakh, Russian and English news."""

__version__ = "0.1.0"
