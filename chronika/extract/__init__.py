"""Extraction: spaCy components and pure functions from a document's text to its mentions
(names, times, figures). Nothing here touches the store."""
