"""framing: find loaded language in news text and compare framing across outlets."""

from framing._version import __version__
from framing.errors import FramingError

__all__ = ["FramingError", "__version__"]
