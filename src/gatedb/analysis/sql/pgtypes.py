"""Which PostgreSQL types are built in, where sqlglot does not know it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lazy_sqlglot
from .lazy_sqlglot import Quiet

if TYPE_CHECKING:
    from sqlglot import exp
else:
    lazy_sqlglot.bind(globals())

# PostgreSQL built-in types that sqlglot reports as "user defined".
PG_BUILTIN_TYPES = frozenset(
    """tsvector tsquery macaddr macaddr8 cidr char varbit box line lseg path polygon
    circle serial2 serial4 serial8 int2vector oidvector regproc regprocedure regoper
    regoperator regtype regrole regnamespace regconfig regdictionary pg_lsn
    pg_snapshot txid_snapshot jsonpath refcursor record void trigger event_trigger
    anyelement anyarray anynonarray anyenum anyrange cstring internal aclitem
    int4multirange int8multirange nummultirange datemultirange tsmultirange
    tstzmultirange xid xid8 cid tid""".split()
)


def is_known_type(name: str) -> bool:
    """Is name a type sqlglot knows (i.e. not user-defined)?"""
    try:
        with Quiet():
            dt = exp.DataType.build(name, dialect="postgres")
    except Exception:
        return False
    return bool(dt.this != exp.DataType.Type.USERDEFINED)
