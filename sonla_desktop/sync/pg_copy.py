"""New rows of a bundle written with PostgreSQL's COPY instead of one INSERT per row.

At the hub a commune's bundle brings some 10,000 new rows; psycopg's executemany sends them
one statement each, COPY streams them in one (a third of the time, measured by ``python -m
bench province``). Nothing about what is stored changes: the rows are the ones ``Merger``
decided to insert after every check, each value goes through its column type's own bind
conversion (as an INSERT would), a column left out of the rows gets its Python-side default
per row (as an INSERT would), and the server applies the same constraints and triggers to
COPY as to INSERT. It runs on the session's own connection, so inside the import's one
transaction; a server error comes back as the same SQLAlchemy exception an INSERT raises
(the writer-turn retry reads its SQLSTATE from there).
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def can_copy(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def copy_insert(session: Session, table: Table, rows: list[dict]) -> bool:
    """COPY ``rows`` into ``table``; False (nothing written) when they cannot go that way:
    rows with different columns, or a missing column whose default is not a plain value or
    function (the caller then inserts them as before)."""
    names = list(rows[0])
    if any(len(r) != len(names) or r.keys() != rows[0].keys() for r in rows):
        return False
    defaults = []
    for col in table.columns:
        if col.name in rows[0]:
            continue
        default = col.default
        if default is None:
            continue  # the server's default, or NULL, exactly as an INSERT leaving it out
        if not (default.is_scalar or default.is_callable):
            return False
        defaults.append((col.name, default))
    conn = session.connection()
    dialect = conn.dialect
    columns = names + [name for name, _ in defaults]
    # The public route to what SQLAlchemy itself would send for each column's type.
    convert = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
               for name in columns]
    quote = dialect.identifier_preparer.quote
    statement = (f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                 "FROM STDIN")
    raw = conn.connection.driver_connection
    import psycopg  # only on PostgreSQL, whose driver it is

    try:
        with raw.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                values = [row[name] for name in names]
                # Per row, as an executemany INSERT evaluates a default for each row.
                values += [d.arg if d.is_scalar else d.arg(None) for _, d in defaults]
                copy.write_row([fn(v) if fn is not None else v
                                for fn, v in zip(convert, values, strict=True)])
    except psycopg.Error as err:
        # As SQLAlchemy raises it for an INSERT (IntegrityError, OperationalError, ... with
        # ``.orig``), without the rows' values (hide_parameters).
        raise DBAPIError.instance(statement, None, err, psycopg.Error, hide_parameters=True,
                                  dialect=dialect) from err
    return True
