"""Compares problems.xlsx with numbers.csv filtered to the rows that are not HEALTHY.

    check_workbook.py openpyxl WORKBOOK NUMBERS_CSV
    check_workbook.py csv CONVERTED_CSV NUMBERS_CSV   (the Problems sheet as LibreOffice exports it)

Prints JSON: rows compared, mismatches (the first 20), and what the workbook looks like.
"""
import csv
import datetime
import json
import sys


def expected_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        records = list(csv.reader(f, strict=True))
    header, rows = records[0], records[1:]
    health = header.index("health")
    return header, [r for r in rows if r[health] != "HEALTHY"]


def instant(text):
    """A naive UTC datetime of an RFC 3339 text, or None."""
    try:
        value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value


def close(a, b):
    return a is not None and b is not None and abs((a - b).total_seconds()) <= 0.001


BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def xml_safe(text):
    """The text as a workbook cell holds it (SafeText.clean, as in the report): a bidirectional control shown as
    [U+202E], a character XML 1.0 forbids as U+FFFD."""
    out = []
    for ch in text:
        code = ord(ch)
        if code in BIDI:
            out.append("[U+%04X]" % code)
        elif code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000:
            out.append(ch)
        else:
            out.append("\ufffd")
    return "".join(out)


def same_text(got, want):
    # numbers.csv guards formula-like cells with a leading ' (output.csv.excelSafe); a text cell needs none.
    want = xml_safe(want)
    return got == want or (want.startswith("'") and got == want[1:])


def check_openpyxl(workbook_path, csv_path):
    import openpyxl

    header, rows = expected_rows(csv_path)
    book = openpyxl.load_workbook(workbook_path)
    sheet = book["Problems"]
    values = list(sheet.iter_rows(values_only=True))
    mismatches, types = [], {}
    if list(values[0]) != header:
        mismatches.append({"header": list(values[0])})
    got_rows = values[1:]
    for index, (got, want) in enumerate(zip(got_rows, rows)):
        got = list(got) + [None] * (len(header) - len(got))
        for name, g, w in zip(header, got, want):
            types.setdefault(name, set()).add(type(g).__name__)
            if w == "":
                ok = g is None
            elif isinstance(g, bool):
                ok = w == ("true" if g else "false")
            elif isinstance(g, datetime.datetime):
                ok = close(g, instant(w))
            elif isinstance(g, (int, float)):
                ok = str(g) == w
            else:
                ok = isinstance(g, str) and same_text(g, w)
            if not ok and len(mismatches) < 20:
                mismatches.append({"row": index + 2, "column": name, "got": repr(g), "want": w})
    return {
        "rows": len(got_rows),
        "expectedRows": len(rows),
        "mismatches": mismatches,
        "sheets": book.sheetnames,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "types": {k: sorted(v - {"NoneType"}) for k, v in types.items()},
        "changesHeader": [c.value for c in book["Changes"][1]],
        "glossaryRows": book["Glossary"].max_row - 1,
    }


def check_converted(converted_path, csv_path):
    header, rows = expected_rows(csv_path)
    with open(converted_path, newline="", encoding="utf-8") as f:
        converted = list(csv.reader(f))
    mismatches = []
    if converted[0] != header:
        mismatches.append({"header": converted[0]})
    got_rows = [r for r in converted[1:] if any(r)]
    for index, (got, want) in enumerate(zip(got_rows, rows)):
        got = got + [""] * (len(header) - len(got))
        for name, g, w in zip(header, got, want):
            if w == "":
                ok = g == ""
            elif w in ("true", "false") and g in ("TRUE", "FALSE"):
                ok = g.lower() == w
            elif instant(w) is not None and g != w:
                ok = close(datetime.datetime.strptime(g, "%Y-%m-%d %H:%M:%S.%f"), instant(w)) if "." in g else False
            else:
                # LibreOffice keeps a line break inside a cell as LF: the workbook's CR LF reads back as LF.
                ok = same_text(g, w) or same_text(g, w.replace("\r\n", "\n"))
            if not ok and len(mismatches) < 20:
                mismatches.append({"row": index + 2, "column": name, "got": g, "want": w})
    return {"rows": len(got_rows), "expectedRows": len(rows), "mismatches": mismatches}


if __name__ == "__main__":
    mode, path, csv_path = sys.argv[1:4]
    result = check_openpyxl(path, csv_path) if mode == "openpyxl" else check_converted(path, csv_path)
    print(json.dumps(result))
