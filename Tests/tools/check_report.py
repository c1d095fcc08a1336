"""Reads a report.xhtml as a mail client's parser would and prints what it finds, as JSON.

Usage: check_report.py REPORT.xhtml
Prints {"elements": [...], "links": [...], "totals": {LEVEL: n}, "text": "...", "scripts": n, "handlers": n}.
"""
import json
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"
tree = ET.parse(sys.argv[1])
root = tree.getroot()
elements = sorted({element.tag.replace(NS, "") for element in root.iter()})
links = [element.get("href") for element in root.iter(NS + "a")]
totals = {}
for element in root.iter():
    identifier = element.get("id") or ""
    if identifier.startswith("total-"):
        totals[identifier[len("total-"):]] = int("".join(element.itertext()))
handlers = sum(1 for element in root.iter() for name in element.attrib if name.lower().startswith("on"))
more = root.find(f".//*[@id='problems-more']")
print(json.dumps({
    "elements": elements,
    "links": links,
    "totals": totals,
    "text": "".join(root.itertext()),
    "scripts": sum(1 for _ in root.iter(NS + "script")),
    "handlers": handlers,
    "more": "".join(more.itertext()) if more is not None else None,
    "problemRows": len(root.findall(f".//*[@id='problems']//{NS}tbody/{NS}tr")),
}))
