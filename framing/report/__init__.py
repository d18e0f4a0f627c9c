"""The corpus report: what it states (tables, findings, examples), built from count records."""
