"""Jinja templates and the GB/T 9704 style profile (installed as planwriter.templates)."""
