"""Inserting many rows of one model quickly, for the IPRA import only.

Django's bulk_create builds a model instance per row and prepares each value through the
field's methods (some 40 columns an IPRA): 20,519 IPRA with their citizens and measures took
over 20 s on this machine, where the database itself needs a few. Here the rows are plain dicts
of column values; each column's default and adapter are worked out once per call, and the rows
go as multi-row INSERT … RETURNING id (SQLite ≥ 3.35, as bulk_create does) or executemany
when no ids are needed; on PostgreSQL as COPY, with the ids taken from the sequence first.
A column missing from a row takes the field's default, an
auto_now field the time of the call, so the rows are what bulk_create would have written; no
signals are sent (bulk_create sends none either).
"""

from operator import itemgetter

from django.db import connection, models
from django.db.models.lookups import In
from django.utils import timezone

MAX_PARAMS = 30_000  # under PostgreSQL's 65,535 and SQLite's 250,000 (Django assumes 999)


def _adapter(field):
    internal = field.get_internal_type()
    if internal == "DateTimeField":
        return connection.ops.adapt_datetimefield_value
    if internal == "DateField":
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.FileField):
        return lambda value: str(value or "")
    return None


def _is_identity(adapt):
    """PostgreSQL's date adapters hand the value on unchanged; calling them is wasted time."""
    probe = object()
    try:
        return adapt(probe) is probe
    except Exception:  # noqa: BLE001 (an adapter that refuses a probe is a real one)
        return False


class AnyOf(In):
    """`column IN (values)` for the import's lookups of a thousand keys a batch. On PostgreSQL the
    values go as one array parameter (`= ANY(%s)`): psycopg's client-side binding parses the query
    text for every `%s`, and a thousand of them cost ~20 ms a query. Elsewhere, a plain IN.

        Citizen.objects.filter(AnyOf(F("snils"), wanted))
    """

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, [v for v in self.rhs if v is not None])


def _default(field, now):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def insert(model, rows, *, returning=False):
    """INSERT the rows ({attname: value}); with `returning`, the new primary keys in order."""
    if not rows:
        return []
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    defaults, adapters = {}, []
    for i, f in enumerate(fields):
        adapt, default = _adapter(f), _default(f, now)
        if adapt and default is not None:
            default = adapt(default)  # once, not once a row
        defaults[f.attname] = default
        if adapt and not _is_identity(adapt):
            adapters.append((i, adapt))
    # A row's missing columns take their defaults by one dict merge, and the values come out in
    # the columns' order by one itemgetter: both run in C, where a loop over 40 columns of 20,000
    # rows in Python took over a second.
    pick = itemgetter(*(f.attname for f in fields))
    values = [list(pick({**defaults, **row})) for row in rows]
    for i, adapt in adapters:
        for line in values:
            if line[i] is not None and line[i] is not defaults[fields[i].attname]:
                line[i] = adapt(line[i])
    if connection.vendor == "postgresql":
        return _copy(model, fields, values, returning)
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    cols = ", ".join(qn(f.column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if not returning:
            # Names from the model's _meta, quoted; every value is a parameter.
            cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES {one}", values)  # noqa: S608
            return []
        per = max(1, MAX_PARAMS // len(fields))
        pk = qn(model._meta.pk.column)
        pks = []
        for start in range(0, len(values), per):
            chunk = values[start : start + per]
            cursor.execute(
                f"INSERT INTO {table} ({cols}) VALUES {', '.join([one] * len(chunk))} "  # noqa: S608
                f"RETURNING {pk}",
                [v for line in chunk for v in line],
            )
            pks += [row[0] for row in cursor.fetchall()]
    return pks


def _copy(model, fields, values, returning):
    """PostgreSQL: COPY … FROM STDIN, the ids (when wanted) drawn from the table's own identity
    sequence first, so that they are known without RETURNING."""
    qn = connection.ops.quote_name
    meta = model._meta
    columns = [f.column for f in fields]
    pks = []
    with connection.cursor() as cursor:
        if returning:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(values)],
            )
            pks = [row[0] for row in cursor.fetchall()]
            columns = [meta.pk.column, *columns]
            values = [[pk, *line] for pk, line in zip(pks, values, strict=True)]
        names = ", ".join(qn(c) for c in columns)
        with cursor.cursor.copy(f"COPY {qn(meta.db_table)} ({names}) FROM STDIN") as copy:
            for line in values:
                copy.write_row(line)
    return pks
