#!/usr/bin/env python3
"""Puts the output of store.sh into docs/CLI.md: each "### name" part of the output
replaces the console block that follows the matching <!-- transcript: name --> marker."""
import re
import sys

transcript, cli = sys.argv[1], sys.argv[2]
parts, current = {}, None
for line in open(transcript, encoding="utf-8").read().split("\n"):
    if line.startswith("### "):
        current = line[4:].strip()
        parts[current] = []
    elif current is not None:
        parts[current].append(line)

doc = open(cli, encoding="utf-8").read()
pattern = re.compile(r"(<!-- transcript: (.+?) -->\n```console\n)(.*?)(```)", re.S)
# a marker whose part is not in this transcript (another script's) is left as it is
doc, count = pattern.subn(lambda m: m.group(1) + "\n".join(parts[m.group(2)]).strip("\n") + "\n" + m.group(4)
                          if m.group(2) in parts else m.group(0), doc)
open(cli, "w", encoding="utf-8").write(doc)
print(f"replaced {sum(1 for m in pattern.finditer(doc) if m.group(2) in parts)} transcripts")
