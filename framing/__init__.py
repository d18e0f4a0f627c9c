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

# the HTML renderers register the rich display of Analysis and Comparison (Jupyter)
from framing.render import html as _html  # noqa: F401  (registers on import)
from framing.render.compare import html as _compare_html  # noqa: F401  (registers on import)

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
