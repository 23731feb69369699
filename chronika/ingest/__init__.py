"""Ingestion: files and folders read, built into documents, saved, then resolved; and the user's
corrections applied. It sits beside the queries, over the store."""
