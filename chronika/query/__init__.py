"""Queries over the store: search and its name expansion, ranking, search by meaning, ask, claims
and conflicts, memory events and the barometer. They read the store's records; none speaks SQL."""
