"""Corpora: reading rows from folders and tables, per-document count records, their cache."""
