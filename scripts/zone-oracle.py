#!/usr/bin/env python3
"""Writes test/fixtures/zone-oracle.json: what Python's zoneinfo says about wall
clocks in ~50 IANA zones from 2025 to 2032, as an independent oracle for Luxon and for
src/calendars/domain/zoned-time.ts (test/calendars/zone-oracle.spec.ts reads it).

For every DST transition it records the transition itself, wall times in the gap or
overlap (fold=0 and fold=1, PEP 495), wall times on the day before, of and after, and
instants either side of it read back as wall clock and offset. Zones without
transitions get a few samples per quarter. No pip packages: the standard library's zoneinfo reads the
system tz database (or the `tzdata` package when installed); the fixture notes which
version, so the spec can tell a tz database difference from a bug.

Usage: python3 scripts/zone-oracle.py [output path]
"""

import json
import platform
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo

FIRST_YEAR, LAST_YEAR = 2025, 2032
ZONES = [
    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
    "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Toronto",
    "America/St_Johns", "America/Havana", "America/Mexico_City", "America/Bogota",
    "America/Lima", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    "Atlantic/Azores", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Warsaw",
    "Europe/Berlin", "Europe/Bucharest", "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
    "Africa/Cairo", "Africa/Casablanca", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi",
    "Asia/Jerusalem", "Asia/Beirut", "Asia/Riyadh", "Asia/Dubai", "Asia/Tehran", "Asia/Karachi",
    "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Ho_Chi_Minh", "Asia/Shanghai",
    "Asia/Manila", "Asia/Tokyo", "Australia/Perth", "Australia/Adelaide", "Australia/Sydney",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
]
WALL_TIMES = ["00:00", "09:00", "21:00"]
UTC = timezone.utc
START = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
END = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)


def tzdata_version():
    """The tz database release zoneinfo reads: the tzdata package, else tzdata.zi on TZPATH."""
    try:
        import tzdata  # type: ignore[import-not-found]

        return tzdata.IANA_VERSION, "tzdata package"
    except ImportError:
        pass
    for root in TZPATH:
        zi = Path(root) / "tzdata.zi"
        if zi.exists():
            first = zi.read_text(encoding="utf-8").splitlines()[0]
            if first.startswith("# version "):
                return first.removeprefix("# version ").strip(), str(zi)
    return "unknown", "unknown"


def offset_minutes(zone, instant):
    return int(instant.astimezone(zone).utcoffset().total_seconds() // 60)


def iso_utc(instant):
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def transitions(zone):
    """(instant, offset before, offset after) for every offset change in the range, to the second."""
    found = []
    step = timedelta(hours=6)
    previous = START
    previous_offset = offset_minutes(zone, previous)
    while previous < END:
        current = min(previous + step, END)
        current_offset = offset_minutes(zone, current)
        if current_offset != previous_offset:
            low, high = previous, current  # offset(low) = before, offset(high) = after
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    break
                if offset_minutes(zone, middle) == previous_offset:
                    low = middle
                else:
                    high = middle
            found.append((high, previous_offset, current_offset))
        previous, previous_offset = current, current_offset
    return found


def wall_time(zone, naive):
    """[local, fold=0 instant, fold=1 instant, kind] for one wall-clock time."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    u0, u1 = first.astimezone(UTC), second.astimezone(UTC)
    if u0 == u1:
        kind = "unique"
    elif u0.astimezone(zone).replace(tzinfo=None) != naive:
        kind = "skipped"  # the wall time does not exist; neither instant reads back as it
    else:
        kind = "repeated"
    return [naive.strftime("%Y-%m-%dT%H:%M"), iso_utc(u0), iso_utc(u1), kind]


def instant(zone, moment):
    """[UTC instant, local wall time, offset minutes] for one instant."""
    local = moment.astimezone(zone)
    return [iso_utc(moment), local.strftime("%Y-%m-%dT%H:%M:%S"), offset_minutes(zone, moment)]


def zone_samples(name):
    zone = ZoneInfo(name)
    changes = transitions(zone)
    wall_times, instants, seen = [], [], set()

    def add_wall(naive):
        key = naive.isoformat()
        if key not in seen:
            seen.add(key)
            wall_times.append(wall_time(zone, naive))

    for moment, before, after in changes:
        # The wall-clock minute at which the clocks jump, and how far.
        jump_wall = (moment + timedelta(minutes=before)).replace(tzinfo=None)
        delta = timedelta(minutes=abs(after - before))
        if after > before:  # spring forward: [jump_wall, jump_wall + delta) does not exist
            inside = jump_wall + delta / 2
            edges = [jump_wall - timedelta(minutes=1), jump_wall + delta]
        else:  # fall back: [jump_wall - delta, jump_wall) happens twice
            inside = jump_wall - delta / 2
            edges = [jump_wall - delta - timedelta(minutes=1), jump_wall]
        for naive in [inside.replace(second=0), *edges]:
            add_wall(naive)
        day = jump_wall.date()
        for offset_days in (-1, 0, 1):
            for wall in WALL_TIMES:
                hour, minute = map(int, wall.split(":"))
                add_wall(datetime.combine(day + timedelta(days=offset_days), datetime.min.time()).replace(hour=hour, minute=minute))
        for seconds in (-1, 0):
            instants.append(instant(zone, moment + timedelta(seconds=seconds)))
    if not changes:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for month in (1, 4, 7, 10):
                add_wall(datetime(year, month, 1, 9, 0))
                instants.append(instant(zone, datetime(year, month, 15, 12, 0, tzinfo=UTC)))
    return {
        "transitions": [[iso_utc(m), b, a] for m, b, a in changes],
        "wallTimes": wall_times,
        "instants": instants,
    }


def render(fixture):
    """JSON laid out as Prettier lays it out (printWidth 110), one sample per line."""

    def flat(value):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    def block(key, items, indent):
        pad = " " * indent
        if not items:
            return [f"{pad}{flat(key)}: []"]
        return [f"{pad}{flat(key)}: ["] + [f"{pad}  {flat(item)}," for item in items[:-1]] + [f"{pad}  {flat(items[-1])}", f"{pad}]"]

    lines = ["{"]
    for key in ("generator", "python", "tzdataVersion", "tzdataSource", "years"):
        lines.append(f"  {flat(key)}: {flat(fixture[key])},")
    lines.append('  "columns": {')
    columns = list(fixture["columns"].items())
    for index, (key, names) in enumerate(columns):
        lines.append(f"    {flat(key)}: {flat(names)}{',' if index < len(columns) - 1 else ''}")
    lines.append("  },")
    lines.append('  "zones": {')
    zones = list(fixture["zones"].items())
    for index, (name, samples) in enumerate(zones):
        lines.append(f"    {flat(name)}: {{")
        parts = [block(key, samples[key], 6) for key in ("transitions", "wallTimes", "instants")]
        for part_index, part in enumerate(parts):
            if part_index < len(parts) - 1:
                part[-1] += ","
            lines.extend(part)
        lines.append("    }" + ("," if index < len(zones) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "test/fixtures/zone-oracle.json"
    version, source = tzdata_version()
    fixture = {
        "generator": "scripts/zone-oracle.py",
        "python": platform.python_version(),
        "tzdataVersion": version,
        "tzdataSource": source,
        "years": [FIRST_YEAR, LAST_YEAR],
        "columns": {
            "transitions": ["utcInstant", "offsetBeforeMinutes", "offsetAfterMinutes"],
            "wallTimes": ["localWallTime", "utcFold0", "utcFold1", "kind (unique | skipped | repeated)"],
            "instants": ["utcInstant", "localWallTime", "offsetMinutes"],
        },
        "zones": {name: zone_samples(name) for name in ZONES},
    }
    output.write_text(render(fixture), encoding="utf-8")
    print(f"wrote {output} (tzdata {version}, {len(ZONES)} zones)")


if __name__ == "__main__":
    main()
