"""The local stack's own files, read the way its Worker finds them.

`wrangler dev` keeps D1 and KV as SQLite files under its --persist-to folder (wrangler 4.86's
layout: v3/d1/miniflare-D1DatabaseObject/<id>.sqlite; v3/kv/miniflare-KVNamespaceObject/
<id>.sqlite, whose _mf_entries name each value's file under v3/kv/<namespace>/blobs/).
`wrangler d1 execute` and `wrangler kv key get` read the same files, but start a workerd for
each call: seconds, hundreds of times a run. Python's sqlite3 reads them in milliseconds.

Only reads: the files are opened read-only. workerd's SQLite waits on no lock (a write of the
Worker that meets another writer fails at once, and breaks its database object), and a WAL
reader never holds one a writer waits on; a statement that would write is refused here
(exit status 4), and the caller writes through wrangler, as the Worker's own workerd does.

    python3 local_state.py sql STATE        < SQL     every statement's rows, as JSON
    python3 local_state.py kv-get STATE KEY           the value, or exit status 3 when none
"""

import glob
import json
import os
import sqlite3
import sys
import time

MISSING = 3
WRITES = 4


def only_file(pattern):
    files = [f for f in glob.glob(pattern) if os.path.basename(f) != "metadata.sqlite"]
    if len(files) != 1:
        sys.exit(f"expected one file at {pattern}, found {files}")
    return files[0]


def statements(script):
    """Each complete statement of `script`, a trigger's body kept whole."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                yield pending
            pending = ""
    if pending.strip(" \t\r\n;"):
        sys.exit(f"an incomplete statement: {pending}")


def plain(value):
    # As `wrangler d1 execute --json` writes a blob: the text of its array of bytes.
    if isinstance(value, bytes):
        return "[" + ", ".join(str(b) for b in value) + "]"
    return value


def read_only(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60, isolation_level=None)


def run_sql(state):
    database = only_file(os.path.join(state, "v3/d1/miniflare-D1DatabaseObject/*.sqlite"))
    script = sys.stdin.read()
    conn = read_only(database)
    rows = []
    # One snapshot for every statement, as one command sees the database.
    conn.execute("BEGIN")
    try:
        for statement in statements(script):
            cursor = conn.execute(statement)
            if cursor.description:
                names = [d[0] for d in cursor.description]
                rows += [dict(zip(names, map(plain, row))) for row in cursor.fetchall()]
    except sqlite3.OperationalError as error:
        if "readonly" in str(error):
            sys.exit(WRITES)
        sys.exit(f"{error}")
    except sqlite3.Error as error:
        sys.exit(f"{error}")
    conn.execute("COMMIT")
    json.dump(rows, sys.stdout)


def kv_get(state, key):
    index = only_file(os.path.join(state, "v3/kv/miniflare-KVNamespaceObject/*.sqlite"))
    conn = read_only(index)
    found = conn.execute(
        "SELECT blob_id, expiration FROM _mf_entries WHERE key = ?", (key,)
    ).fetchone()
    if found is None or (found[1] is not None and found[1] <= time.time() * 1000):
        sys.exit(MISSING)
    (blob,) = glob.glob(os.path.join(state, "v3/kv/*/blobs", found[0]))
    with open(blob, "rb") as f:
        sys.stdout.buffer.write(f.read())


if __name__ == "__main__":
    command, state, *rest = sys.argv[1:]
    if command == "sql":
        run_sql(state)
    elif command == "kv-get":
        kv_get(state, *rest)
    else:
        sys.exit(f"unknown command {command}")
