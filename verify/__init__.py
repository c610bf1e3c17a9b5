"""verify: extract checkable claims from news articles and check them against references."""

__version__ = "0.1.0"

__all__ = ["__version__"]
