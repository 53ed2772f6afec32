"""`planwriter fmt`: plans and results rewritten in the canonical form (store writes it)."""
