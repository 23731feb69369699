"""The records: every dataclass that crosses a stage (a source as read, a document and its parts,
mentions, entities, what the store reads back, search expressions, filters and hits). Plain data with pure helpers; this
layer imports nothing else of Chronika's but `errors`."""
