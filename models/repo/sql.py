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
