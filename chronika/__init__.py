"""Chronika: historical sources in, a cited and searchable chronicle out."""

__version__ = "0.1.0"
