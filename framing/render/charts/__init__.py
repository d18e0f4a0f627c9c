"""Charts: Display objects that compute first and draw with ``plot(ax=None)``, one house style."""
