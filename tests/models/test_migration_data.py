"""A SQLite batch migration (table rebuild) of `documents` keeps every dependent row."""
from __future__ import annotations

import shutil

import sqlalchemy as sa
from alembic import command
from sqlalchemy import create_engine, func, select

from models import repository as repo
from models.db import make_engine, make_session_factory
from models.migrate import MIGRATIONS, alembic_config
from models.tables import Commitment, Evidence, Party
from tests.models.factories import new_document, sample_extraction

REVISION = '''"""test: rebuild documents
Revision ID: t_rebuild
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "t_rebuild"
down_revision = "{head}"


def upgrade():
    with op.batch_alter_table("documents", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("documents", recreate="always") as batch:
        batch.drop_column("note")
'''


def test_table_rebuild_does_not_cascade_delete(tmp_path):
    from models.migrate import current_heads
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts)
    (scripts / "versions" / "t_rebuild.py").write_text(REVISION.format(head=current_heads()[0]))
    url = f"sqlite:///{tmp_path / 'data.db'}"
    cfg = alembic_config(url)
    cfg.set_main_option("script_location", str(scripts))
    command.upgrade(cfg, current_heads()[0])
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        doc_id = new_document(s)
        repo.save_extraction(s, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    engine.dispose()

    command.upgrade(cfg, "t_rebuild")
    plain = create_engine(url)
    with plain.connect() as conn:
        counts = [conn.scalar(select(func.count()).select_from(t)) for t in (Party, Commitment, Evidence)]
        assert "note" in [c["name"] for c in sa.inspect(conn).get_columns("documents")]
    assert counts == [2, 2, 6]
    command.downgrade(cfg, "-1")
    with plain.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Party)) == 2
