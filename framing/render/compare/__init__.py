"""A comparison drawn for the terminal, HTML and Markdown."""
