"""Ingestion: files and folders read, built into documents, saved, then resolved; and the user's
corrections applied. It sits over the queries (it refreshes the search index) and beside the views."""
