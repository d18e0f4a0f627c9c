"""framing: find loaded language in news text, tell whose voice it is in, compare outlets.

>>> import framing
>>> analysis = framing.analyze("Militants seized the town, the army said.")   # doctest: +SKIP
"""

from framing._version import __version__
from framing.analysis import Analysis, AnalysisOptions, Match, analyze, analyze_many
from framing.compare.comparison import Comparison, compare
from framing.document import Document
from framing.errors import FramingError
from framing.lexicon import Lexicon, load_lexicon

__all__ = [
    "Analysis",
    "AnalysisOptions",
    "Comparison",
    "Document",
    "FramingError",
    "Lexicon",
    "Match",
    "__version__",
    "analyze",
    "analyze_many",
    "compare",
    "load_lexicon",
]
