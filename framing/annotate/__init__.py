"""Layers that annotate one document: voice and attribution, sentiment, actors and their labels.

Each module takes a :class:`~framing.document.Document` (or the spans of a lower layer) and returns
spans into its text; none of them knows about lexicon categories, corpora or rendering.
"""
