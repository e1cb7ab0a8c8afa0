"""Writes zone_offsets.txt: UTC offsets of every IANA zone at random instants, as Python's
zoneinfo computes them from the system tz database, an oracle independent of chrono-tz.

Run once and commit the output (the tests must not depend on the machine's tzdata):
    python3 domain/tests/data/zone_offsets.py > domain/tests/data/zone_offsets.txt
Both sides must use the same tz database release (named on the first line); chrono-tz 0.10.4
and Debian's tzdata were both 2025b when the file was made.

Each zone gets 12 instants drawn uniformly from 1980-2037 and, where the zone changes
offset between 2025 and 2028, the second before and the second at each change.
"""
import random
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

START = int(datetime(1980, 1, 1, tzinfo=timezone.utc).timestamp())
END = int(datetime(2037, 12, 31, tzinfo=timezone.utc).timestamp())
rng = random.Random(20261122)


def offset(zone, t):
    return int(datetime.fromtimestamp(t, zone).utcoffset().total_seconds())


def transitions(zone, start, end):
    """Instants where the offset changes, found by hourly steps then bisection."""
    out, t, prev = [], start, offset(zone, start)
    while t < end:
        nxt = t + 3600
        cur = offset(zone, nxt)
        if cur != prev:
            lo, hi = t, nxt
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset(zone, mid) == prev:
                    lo = mid
                else:
                    hi = mid
            out.append(hi)
            prev = cur
        t = nxt
    return out


version = open("/usr/share/zoneinfo/tzdata.zi").readline().split()[-1]
print(f"# tz {version}: zone, then unix-seconds:offset-seconds pairs")
near_start = int(datetime(2025, 1, 1, tzinfo=timezone.utc).timestamp())
near_end = int(datetime(2028, 1, 1, tzinfo=timezone.utc).timestamp())
for name in sorted(zoneinfo.available_timezones()):
    if name in ("Factory", "localtime") or name.startswith("posix/") or name.startswith("right/"):
        continue
    zone = zoneinfo.ZoneInfo(name)
    instants = [rng.randint(START, END) for _ in range(12)]
    for t in transitions(zone, near_start, near_end):
        instants += [t - 1, t]
    pairs = " ".join(f"{t}:{offset(zone, t)}" for t in sorted(instants))
    print(f"{name} {pairs}")
