"""Sign-in attempts remember the client (IP address) and the browser (a device cookie's hash).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_attempt") as table:
        table.add_column(sa.Column("client", sa.String(64), nullable=False, server_default=""))
        table.add_column(sa.Column("device", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("login_attempt") as table:
        table.drop_column("device")
        table.drop_column("client")
