#!/usr/bin/env python3
"""Extracts the peers' labelled name pairs that concern an entry on the OFAC SDN list HireVet loads.

Reads opensanctions/nomenklatura's contrib/name_bench/cases.csv from a local clone (git show) and the SDN advanced XML
from ../shared/data/ofac, and writes benchmarks/HireVet.Quality/Sanctions/cases/nomenklatura-name-bench.tsv. A pair is
kept when one of its two names is, as a set of words, a name of exactly one SDN entry; that entry is the target and the
other name is the query (must match the target when the pair is labelled a match, must not match it otherwise).
Usage: sanctions-cases.py NOMENKLATURA_GIT_DIR [SDN_XML_GZ]
"""
import csv, gzip, io, re, subprocess, sys, unicodedata, xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

repo = Path(__file__).resolve().parents[2]
git_dir = sys.argv[1]
sdn = sys.argv[2] if len(sys.argv) > 2 else str(repo.parent / "shared/data/ofac/sdn_advanced.xml.gz")
TYPES = {"1": "vessel", "2": "aircraft", "3": "entity", "4": "individual"}

def key(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['.\u2019`]", "", text)
    return frozenset(t for t in re.split(r"[^\w]+", text) if t)

names = defaultdict(set)
ns = ""
for event, el in ET.iterparse(gzip.open(sdn), events=("end",)):
    tag = el.tag.split("}")[-1]
    if tag != "DistinctParty":
        continue
    ns = el.tag[: el.tag.index("}") + 1] if el.tag.startswith("{") else ""
    profile = el.find(f"{ns}Profile")
    ident = el.get("FixedRef")
    kind = TYPES.get(profile.get("PartySubTypeID"), "other")
    for doc in el.iter(f"{ns}DocumentedName"):
        text = " ".join(v.text or "" for v in doc.iter(f"{ns}NamePartValue"))
        names[key(text)].add((int(ident), kind))
    el.clear()

source = "opensanctions/nomenklatura"
path = "contrib/name_bench/cases.csv"
commit = subprocess.run(["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
text = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"], capture_output=True, text=True, check=True).stdout
dropped = Counter()
rows = []
for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
    kept = False
    wrong_type = False
    if "Liberation Army" in row["name1"] + row["name2"]:
        # The peer means China's PLA; OFAC's "PEOPLE'S LIBERATION ARMY" is an alias of Sendero Luminoso (Peru).
        dropped["the SDN name belongs to a different body (PLA: Sendero Luminoso's alias)"] += 1
        continue
    if row["schema"] == "Vessel":
        dropped["a vessel (HireVet screens people and organisations)"] += 1
        continue
    for query, target in ((row["name1"], row["name2"]), (row["name2"], row["name1"])):
        found = names.get(key(target), set())
        if len(found) != 1 or key(query) == key(target) and row["is_match"] != "true":
            continue
        (sdn_id, kind), = found
        fits = {"Person": ("individual",), "Company": ("entity",), "Organization": ("entity",)}.get(row["schema"], ("individual", "entity"))
        if kind not in fits:
            wrong_type = True
            continue
        expect = "match" if row["is_match"] == "true" else "no-match"
        qtype = "person" if row["schema"] == "Person" else "organisation" if row["schema"] in ("Company", "Organization", "LegalEntity") else "any"
        rows.append([f"{source}@{commit[:12]}:{path}#L{line}", query, qtype, "", "", expect, str(sdn_id), target])
        kept = True
        break
    if not kept and wrong_type:
        dropped["the SDN name is an entry of another type (e.g. the vessel NURSULTAN NAZARBAYEV for the person)"] += 1
    elif not kept:
        ambiguous = any(len(names.get(key(n), ())) > 1 for n in (row["name1"], row["name2"]))
        dropped["target names several SDN entries" if ambiguous else "neither name is an SDN name"] += 1

out = repo / "benchmarks/HireVet.Quality/Sanctions/cases/nomenklatura-name-bench.tsv"
with out.open("w", newline="") as fh:
    fh.write("# Extracted by benchmarks/scripts/sanctions-cases.py; pairs whose names are not on the SDN list were dropped: "
             + ", ".join(f"{n} {why}" for why, n in dropped.items()) + f" (of {sum(dropped.values()) + len(rows)} pairs)\n")
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    w.writerow(["origin", "query", "type", "dob", "country", "expect", "sdn_id", "sdn_name"])
    w.writerows(rows)
print(f"kept {len(rows)}, dropped {dict(dropped)}", file=sys.stderr)
