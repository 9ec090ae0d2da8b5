"""Bulk writing of raw rows: executemany on SQLite, COPY on PostgreSQL. Never one ORM save per row.

Both run on Django's own connection, so they take part in the file's single transaction.
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

    def flush(self, rows=None) -> None:
        rows = self.rows if rows is None else rows
        if not rows:
            return
        connection.ensure_connection()
        if self.postgres:
            with connection.cursor() as cursor, cursor.cursor.copy(self.sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            raw = connection.connection.cursor()
            try:
                raw.executemany(self.sql, rows)
            finally:
                raw.close()
        self.written += len(rows)
        if rows is self.rows:
            rows.clear()  # in place: the row loops hold a reference to this list
