"""The report folder's files: HTML, Markdown, CSV/Parquet tables and charts."""
