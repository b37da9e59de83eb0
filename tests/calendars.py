"""Every example's .ics and .vcf, read back by independent parsers
(icalendar and vobject, from PyPI), carry what the release declares.

Run by .ci/run after `cargo build`:  python3 tests/calendars.py
"""
import datetime
import json
import pathlib
import subprocess
import sys

import icalendar
import vobject

ROOT = pathlib.Path(__file__).resolve().parent.parent
RELC = ROOT / "target" / "debug" / "relc"


def build(path, fmt):
    out = subprocess.run([str(RELC), "build", str(path), "--format", fmt],
                         check=True, capture_output=True)
    return out.stdout


def check(path):
    model = json.loads(build(path, "json"))
    places = {p["id"]: p for p in model["places"]}

    # A meeting known only to the month or the year has no day to go on
    # in a calendar.
    dated = [m for m in model["meetings"] if m["precision"] == "day"]
    if dated:
        cal = icalendar.Calendar.from_ical(build(path, "ics"))
        events = [c for c in cal.walk("VEVENT")]
    else:
        # No meetings with days, no calendar: relc refuses to write an
        # empty one.
        refused = subprocess.run([str(RELC), "build", str(path), "--format", "ics"],
                                 capture_output=True)
        assert refused.returncode == 1 and not refused.stdout, refused
        events = []
    assert len(events) == len(dated), "an event per meeting with its days"
    for ev, m in zip(events, dated):
        assert str(ev["SUMMARY"]) == m["title"], (ev["SUMMARY"], m["title"])
        assert str(ev["UID"]).startswith(f'{m["id"]}.{model["id"]}@')
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND") if "DTEND" in ev else None
        if "start_time" not in m:
            assert start == datetime.date.fromisoformat(m["start"])
            # Exclusive end: the day after the last day.
            assert end == datetime.date.fromisoformat(m["end"]) + datetime.timedelta(days=1)
        else:
            assert start.date().isoformat() == m["start"]
            assert start.strftime("%H:%M:%S") == m["start_time"]
            if "zone" in m:
                assert str(start.tzinfo) == m["zone"] or getattr(start.tzinfo, "key", None) == m["zone"], start.tzinfo
        if "place" in m:
            assert places[m["place"]]["name"] in str(ev["LOCATION"])
        if "online" in m:
            assert str(ev["URL"]) == m["online"], ev["URL"]
        expected = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(m["status"], "CONFIRMED")
        assert str(ev["STATUS"]) == expected

    listed = [c for g in model["contact_groups"] for c in g["contacts"]]
    contacts = {c["id"]: c for c in model["contacts"]}
    if not model["contacts"]:
        # No contacts, no address book: relc refuses to write an empty one.
        refused = subprocess.run([str(RELC), "build", str(path), "--format", "vcf"],
                                 capture_output=True)
        assert refused.returncode == 1 and not refused.stdout, refused
        return len(events), 0
    cards = list(vobject.readComponents(build(path, "vcf").decode("utf-8")))
    assert len(cards) == len(listed), "a card per listed contact"
    for card, cid in zip(cards, listed):
        c = contacts[cid]
        assert card.version.value == "4.0"
        assert card.fn.value == c["name"]
        tels = [t.value for t in card.contents.get("tel", [])]
        assert tels == [f'tel:{p["e164"]}' for p in c["phones"]], tels
        emails = [e.value for e in card.contents.get("email", [])]
        assert emails == c["emails"], emails
    return len(events), len(cards)


def main():
    passed = failed = 0
    for path in sorted((ROOT / "examples").glob("*.rel")):
        try:
            events, cards = check(path)
            print(f"ok   {path.name}: {events} events, {cards} cards")
            passed += 1
        except Exception as e:  # report every example, then fail
            print(f"FAIL {path.name}: {e!r}")
            failed += 1
    print(f"calendars: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
