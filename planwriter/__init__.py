"""planwriter: write, check and print a civil-affairs bureau's yearly work plan."""

__version__ = "0.1.0"
