"""Reads an iCalendar feed on stdin with Python's icalendar (an independent parser) and
prints its names (NAME, X-WR-CALNAME) and its events as JSON: uid, start and end as UTC
instants, summary, url, sequence (0 when absent) and status (null when absent)."""
import json
import sys
from datetime import timezone

import icalendar

calendar = icalendar.Calendar.from_ical(sys.stdin.read())
events = []
for event in calendar.walk("VEVENT"):
    def utc(name):
        value = event.decoded(name)
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    events.append({
        "uid": str(event.get("UID")),
        "start": utc("DTSTART"),
        "end": utc("DTEND"),
        "summary": str(event.get("SUMMARY")),
        "url": str(event.get("URL")),
        "stamp": utc("DTSTAMP"),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event["STATUS"]) if "STATUS" in event else None,
    })
json.dump({
    "name": str(calendar.get("NAME")),
    "wr_name": str(calendar.get("X-WR-CALNAME")),
    "events": events,
}, sys.stdout)
