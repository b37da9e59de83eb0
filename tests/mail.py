"""Every example's .eml, read back by Python's own MIME parser (the
standard library's `email` package, independent of the crate that wrote
it): the headers, the parts in their order, and each part's content equal
to what relc writes for that format alone.

Run by .ci/run after `cargo build`:  python3 tests/mail.py [HTML_DIR]
With HTML_DIR, the HTML part of each message is saved there, for the W3C
Nu checker (.ci/validate-html runs it on them).
"""
import email
import email.policy
import email.utils
import html as html_entities
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RELC = ROOT / "target" / "debug" / "relc"
FROM = "Press Office <press@example.org>"
REPLY = "Newsdesk <newsdesk@example.org>"
TO = ["Media list <media-list@example.org>", "wire@example.net"]
# Before the Northwind example's embargo lifts (16:05 in Los Angeles).
NOW = "2025-10-28T12:00:00Z"


def relc(path, fmt, *more):
    out = subprocess.run(
        [str(RELC), "build", str(path), "--format", fmt, "--now", NOW, *more],
        check=True, capture_output=True)
    return out.stdout


def check(path, html_dir):
    model = json.loads(relc(path, "json"))
    raw = relc(path, "eml", "--from", FROM, "--reply-to", REPLY,
               "--to", TO[0], "--to", TO[1])
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), \
        "every line ends in CRLF"
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert not msg.defects, msg.defects

    # Headers: the sender, the replies and the list as given.
    assert msg["From"].addresses[0].addr_spec == "press@example.org"
    assert msg["From"].addresses[0].display_name == "Press Office"
    assert msg["Reply-To"].addresses[0].addr_spec == "newsdesk@example.org"
    assert [a.addr_spec for a in msg["To"].addresses] == \
        ["media-list@example.org", "wire@example.net"]
    # The subject is the headline, with EMBARGOED in front while it holds.
    subject = str(msg["Subject"])
    if "embargo" in model:
        assert subject == "EMBARGOED: " + model["headline"], subject
    else:
        assert subject == model["headline"], subject
    # The date is the release's, not the build's.
    date = email.utils.parsedate_to_datetime(str(msg["Date"]))
    assert date.date().isoformat() == model["dateline"]["date"], date
    assert str(msg["Message-ID"]).startswith(f'<{model["id"]}.'), msg["Message-ID"]
    assert str(msg["MIME-Version"]) == "1.0"
    assert str(msg["Content-Language"]) == model["locale"]

    # The parts: the text and the HTML as alternatives, then the calendar
    # and the cards when the release has them.
    has_calendar = bool(model["meetings"])
    has_cards = any(g["contacts"] for g in model["contact_groups"])
    if has_calendar or has_cards:
        assert msg.get_content_type() == "multipart/mixed"
        alternative, *attachments = msg.iter_parts()
    else:
        alternative, attachments = msg, []
    assert alternative.get_content_type() == "multipart/alternative"
    text, html = alternative.iter_parts()
    assert text.get_content_type() == "text/plain"
    # Text travels with CRLF line ends (RFC 2046, 4.1.1).
    assert text.get_content().replace("\r\n", "\n") == relc(path, "text").decode(), \
        "the wire text"
    assert html.get_content_type() == "text/html"
    page = html.get_content()
    # Made for mail clients: styles inline, nothing fetched, no script.
    lowered = page.lower()
    for banned in ("<style", "<script", "<img", "<link", "src=", "@import"):
        assert banned not in lowered, banned
    # The headline as the page shows it (a mail's HTML writes a no-break
    # space as `&nbsp;`).
    assert model["headline"] in html_entities.unescape(page), model["headline"]
    # The page's own markup, its mail stylesheet inlined into each element.
    assert '<h1 class="p-name" style="' in page, page
    if html_dir:
        (pathlib.Path(html_dir) / f'{model["id"]}.mail.html').write_text(page)

    kinds = [(a.get_content_type(), a.get_filename()) for a in attachments]
    expected = []
    if has_calendar:
        expected.append(("text/calendar", f'{model["id"]}.ics'))
    if has_cards:
        expected.append(("text/vcard", f'{model["id"]}.vcf'))
    assert kinds == expected, kinds
    for a in attachments:
        assert a.get_content_disposition() == "attachment"
        fmt = "ics" if a.get_content_type() == "text/calendar" else "vcf"
        body = a.get_payload(decode=True)
        assert body == relc(path, fmt), f"the {fmt} attachment is the {fmt} output"

    # Without a sender, no message: exit 2 and a sentence saying why.
    out = subprocess.run([str(RELC), "build", str(path), "--format", "eml"],
                         capture_output=True)
    assert out.returncode == 2 and not out.stdout, out
    assert b"--from" in out.stderr, out.stderr

    # The same message on every build.
    again = relc(path, "eml", "--from", FROM, "--reply-to", REPLY,
                 "--to", TO[0], "--to", TO[1])
    assert again == raw, "byte-identical"


def main():
    html_dir = sys.argv[1] if len(sys.argv) > 1 else None
    failed = 0
    examples = sorted((ROOT / "examples").glob("*.rel"))
    for path in examples:
        try:
            check(path, html_dir)
            print(f"ok   {path.name}")
        except AssertionError as e:
            failed += 1
            print(f"FAIL {path.name}: {e}")
    print(f"mail: {len(examples) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
