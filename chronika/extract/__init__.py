"""Extraction: one document from bytes to records, pure — read (a reader per format), clean,
segment, build (title, date, language), and find its names, times, figures and memory signals.
Nothing here touches the store, so it runs as well in a worker."""
