"""Resolution: stored name mentions, aliases and corrections made into entities."""
