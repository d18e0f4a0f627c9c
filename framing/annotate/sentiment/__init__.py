"""Sentiment: TextBlob's pattern polarity and subjectivity, fast, per document and sentence; VADER.

:func:`pattern_sentiment` returns what ``TextBlob(text).sentiment`` returns (its default
``PatternAnalyzer``, the algorithm of Pattern's ``pattern.en.sentiment``), equal to the last bit,
computed in our own pass several times faster (``bench/bench_sentiment.py``).
:func:`document_sentiment` gives the same for a document and each of its sentences from one
tokenization. :func:`vader_compound` is ``vaderSentiment``'s compound score.

The steps, one module each:

* :mod:`~framing.annotate.sentiment.tokens` -- TextBlob's ``find_tokens``, reproduced token for
  token, and the check for where its emoticon and ``(!)`` rules glue tokens together;
* :mod:`~framing.annotate.sentiment.lexicon` -- Pattern's lexicon, read from the installed
  ``textblob`` (:func:`pattern_lexicon`), the keys that find its words in a scan
  (:func:`word_keys`), and VADER's analyzer;
* :mod:`~framing.annotate.sentiment.assessment` -- the scoring pass: TextBlob's assessment rules
  over the tokens that count, per document and per sentence.

Both numbers are equal to TextBlob's, not just to two decimals: on every one of the 804 FA-KES
articles, 301 PTC articles and 2,904 BABE sentences, and on over 100,000 random strings of
lexicon words, negations, punctuation, emoticons, abbreviations and line breaks. No difference
is known.
"""

from framing.annotate.sentiment.assessment import (
    SentimentScore,
    document_sentiment,
    pattern_sentiment,
    vader_compound,
    vader_sentences,
)
from framing.annotate.sentiment.lexicon import (
    SENTIMENT_MODELS,
    PatternEntry,
    pattern_lexicon,
    word_keys,
)

__all__ = [
    "SENTIMENT_MODELS",
    "PatternEntry",
    "SentimentScore",
    "document_sentiment",
    "pattern_lexicon",
    "pattern_sentiment",
    "vader_compound",
    "vader_sentences",
    "word_keys",
]
