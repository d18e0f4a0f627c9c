"""Everything that prints or draws: terminal (rich), HTML (Jinja2, autoescaped), Markdown."""
