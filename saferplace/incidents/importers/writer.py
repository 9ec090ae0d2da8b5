"""Bulk writing of raw rows: executemany on SQLite, COPY on PostgreSQL. Never one ORM save per row.

Both run on Django's own database connection, so they take part in the file's single transaction.
(Writing on a helper thread while the next chunk is parsed was measured and gained nothing: binding the
parameters holds the interpreter lock. See docs/adr/0301.)
"""

from django.db import connection

CHUNK_ROWS = 20_000


class BulkWriter:
    def __init__(self, model, columns: list[str]):
        self.table = model._meta.db_table
        self.columns = columns
        self.rows: list = []
        self.written = 0
        self.postgres = connection.vendor == "postgresql"
        cols = ", ".join(f'"{c}"' for c in columns)
        if self.postgres:
            self.sql = f'COPY "{self.table}" ({cols}) FROM STDIN'
        else:
            self.sql = f'INSERT INTO "{self.table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'  # noqa: S608 (model metadata, not input)

    def flush(self) -> None:
        if not self.rows:
            return
        connection.ensure_connection()
        raw = connection.connection
        if self.postgres:
            with raw.cursor() as cursor, cursor.copy(self.sql) as copy:
                for row in self.rows:
                    copy.write_row(row)
        else:
            cursor = raw.cursor()
            try:
                cursor.executemany(self.sql, self.rows)
            finally:
                cursor.close()
        self.written += len(self.rows)
        self.rows.clear()  # in place: the row loops hold a reference to this list

    def close(self) -> None:
        """Everything is written by flush(); kept so callers mark the end of a file explicitly."""
