"""Parses a Prometheus text-format file with prometheus_client's own parser and prints its samples as JSON.

Usage: check_metrics.py FILE  (exits non-zero when the file does not parse)
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

text = open(sys.argv[1], encoding="utf-8").read()
assert text.endswith("\n"), "the file must end with a newline"
samples = []
types = {}
helps = {}
for family in text_string_to_metric_families(text):
    types[family.name] = family.type
    helps[family.name] = family.documentation
    for sample in family.samples:
        samples.append({"name": sample.name, "labels": dict(sample.labels), "value": sample.value})
assert all(helps.values()), "every metric has HELP text"
print(json.dumps({"samples": samples, "types": types}))
