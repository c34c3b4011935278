"""framing: compare how news outlets frame the same events.

The package loads articles from many outlets (:func:`load_corpus`), cleans
them keeping character offsets, and produces tidy tables (:func:`analyze`,
:func:`analyze_text`). Heavy dependencies are imported only when used, so
``import framing`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_names

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Corpus",
    "Diagnostic",
    "Document",
    "FramingError",
    "InputError",
    "LexiconError",
    "LoadOptions",
    "OutputError",
    "__version__",
    "analyze",
    "analyze_document",
    "analyze_text",
    "load_corpus",
    "write_analysis",
]

_LAZY = {
    "Analysis": "analysis",
    "analyze": "analysis",
    "analyze_document": "analysis",
    "analyze_text": "analysis",
    "write_analysis": "analysis",
    "Corpus": "corpus",
    "LoadOptions": "corpus",
    "load_corpus": "corpus",
    "Document": "model",
    "Diagnostic": "errors",
    "FramingError": "errors",
    "InputError": "errors",
    "LexiconError": "errors",
    "OutputError": "errors",
}

if TYPE_CHECKING:
    from .analysis import Analysis, analyze, analyze_document, analyze_text, write_analysis
    from .corpus import Corpus, LoadOptions, load_corpus
    from .errors import Diagnostic, FramingError, InputError, LexiconError, OutputError
    from .model import Document


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
