"""Bulk writing of raw rows: many rows per INSERT statement on SQLite, COPY on PostgreSQL. Never one ORM save
per row.

Both run on Django's own database connection, so they take part in the file's single transaction.
(Writing on a helper thread while the next block is parsed was measured twice and made loads slower:
binding the parameters holds the interpreter lock. See docs/adr/0301.)
"""

import numpy as np
from django.db import connection

CHUNK_ROWS = 20_000
STATEMENT_ROWS = 500  # rows per INSERT … VALUES (…), (…) on SQLite: measured, see docs/adr/0301


class BulkWriter:
    """`rows` (lists of every column) go out on flush(); write_block() takes a NumPy array of the columns that
    are not `constants` (integers the same for every row, such as the batch id)."""

    def __init__(self, model, columns: list[str], constants: dict[str, int] | None = None):
        self.table = model._meta.db_table
        self.columns = columns
        self.constants = {c: int(v) for c, v in (constants or {}).items()}
        self.rows: list = []
        self.written = 0
        self.postgres = connection.vendor == "postgresql"
        cols = ", ".join(f'"{c}"' for c in columns)
        self._statements: dict[int, str] = {}
        if self.postgres:
            self.sql = f'COPY "{self.table}" ({cols}) FROM STDIN'
        else:
            self.sql = f'INSERT INTO "{self.table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'  # noqa: S608 (model metadata, not input)
            one = ", ".join(str(self.constants[c]) if c in self.constants else "?" for c in columns)
            self._values = f"({one})"
            self._head = f'INSERT INTO "{self.table}" ({cols}) VALUES '  # noqa: S608 (model metadata, not input)

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

    def write_block(self, values: np.ndarray, raw=None) -> None:
        """Write rows given as a 2-D object array of the non-constant columns, in order. `raw` is the database
        connection's own driver connection (from a helper thread, which cannot use Django's)."""
        n = len(values)
        if not n:
            return
        if raw is None:
            connection.ensure_connection()
            raw = connection.connection
        if self.postgres:
            self._copy_block(raw, values)
        else:
            width = values.shape[1]
            flat = values.ravel().tolist()
            step = STATEMENT_ROWS * width
            cursor = raw.cursor()
            try:
                for start in range(0, len(flat), step):
                    part = flat[start:start + step]
                    cursor.execute(self._statement(len(part) // width), part)
            finally:
                cursor.close()
        self.written += n

    def _statement(self, rows: int) -> str:
        sql = self._statements.get(rows)
        if sql is None:
            sql = self._statements[rows] = self._head + ", ".join([self._values] * rows)
        return sql

    def _copy_block(self, raw, values: np.ndarray) -> None:
        """COPY in CSV made by Arrow (in C++): an empty string is written "", a NULL as nothing."""
        import io

        import pyarrow as pa
        import pyarrow.csv as pacsv

        varying = iter(range(values.shape[1]))
        arrays = [pa.array(np.full(len(values), self.constants[c], dtype=np.int64)) if c in self.constants
                  else pa.array(values[:, next(varying)]) for c in self.columns]
        text = io.BytesIO()
        pacsv.write_csv(pa.table(arrays, names=self.columns), text,
                        write_options=pacsv.WriteOptions(include_header=False, quoting_style="needed"))
        with raw.cursor() as cursor, cursor.copy(f"{self.sql} WITH (FORMAT csv)") as copy:
            copy.write(text.getbuffer())

    def close(self) -> None:
        """Everything is written by flush() and write_block(); kept so callers mark the end of a file."""

