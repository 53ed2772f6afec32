"""Textual widgets the planwriter app is built from (installed as planwriter.widgets)."""
