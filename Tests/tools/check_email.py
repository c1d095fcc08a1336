"""Parses a report.eml strictly with Python's email package and prints its structure as JSON.

Usage: check_email.py REPORT.eml  (exits non-zero on any defect)
"""
import email
import email.policy
import gzip
import hashlib
import json
import sys

raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\r\n")
assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare CR or LF"
assert max(len(line) for line in lines) <= 998, "line over 998 octets"
message = email.message_from_bytes(raw, policy=email.policy.SMTP.clone(raise_on_defect=True))
assert not message.defects, message.defects
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
parts = []
attachment_sha256 = None
html = None
text = None
last_text = None
for part in message.walk():
    assert not part.defects, part.defects
    # problems.xlsx, or the note that it is not attached: WorkbookTests check it; the rest is about the CSV.
    if part.get_content_type() == XLSX or (
        part.get_content_type() == "text/plain" and part.get_content().startswith("problems.xlsx is not attached")
    ):
        continue
    parts.append(part.get_content_type())
    if part.get_content_disposition() == "attachment":
        data = part.get_payload(decode=True)
        if part.get_content_type() == "application/gzip":
            data = gzip.decompress(data)
        attachment_sha256 = hashlib.sha256(data).hexdigest()
    elif part.get_content_type() == "text/html":
        html = part.get_payload(decode=True)
    elif part.get_content_type() == "text/plain":
        last_text = part.get_content()
        if text is None:
            text = last_text
print(json.dumps({
    "from": str(message["From"]), "to": str(message["To"]), "cc": str(message["Cc"]),
    "subject": str(message["Subject"]), "date": str(message["Date"]), "messageId": str(message["Message-ID"]),
    "mimeVersion": str(message["MIME-Version"]), "parts": parts, "attachmentSha256": attachment_sha256,
    "htmlSha256": hashlib.sha256(html).hexdigest() if html else None, "htmlBytes": len(html) if html else None,
    "text": text,
    "lastText": last_text,
}))
