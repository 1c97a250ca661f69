"""SQL helpers shared by the repository modules."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.sql.elements import ColumnElement


def ids_in(column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN (...)` for any number of integer ids. The ids are rendered as literals (they are
    ints, so this is safe) because drivers cap bound parameters (psycopg: 65,535 per statement)."""
    values = [int(i) for i in ids]
    return column.in_(bindparam(None, values, expanding=True, literal_execute=True))


MAX_ID = 2**31 - 1  # INTEGER primary keys


def get_row(session: Any, table: Any, row_id: Any, *, populate_existing: bool = False) -> Any:
    """`session.get`, but an id no row can have (not an int, <= 0, beyond INTEGER) is simply not
    found instead of a database error (e.g. `/documents/99999999999999999999`)."""
    if isinstance(row_id, bool) or not isinstance(row_id, int) or not 0 < row_id <= MAX_ID:
        return None
    return session.get(table, row_id, populate_existing=populate_existing)
