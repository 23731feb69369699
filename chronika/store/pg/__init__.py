"""The store on PostgreSQL: the same `Store`, its SQL sent through a connection that speaks
PostgreSQL (`connection.py`), its own numbered migrations (`schema.py`), and full-text search with
PostgreSQL's tsvector and GIN (`fulltext.py`). psycopg is imported only when a postgresql://
target is opened."""
