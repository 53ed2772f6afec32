"""`planwriter validate`: read plans and results strictly (store does the reading)."""
