#!/usr/bin/env python3
"""Checks that every anchor of questionnaires/quellen-index.toml occurs in the studies.

Usage: scripts/check-source-index.py DIR   (DIR holds the two studies as text files)
Letters are compared lower-case without white space and hyphens, since text extracted
from the PDFs breaks words at line ends.
"""
import pathlib, re, sys, tomllib

WORKS = {"Trendreport 2025": "Trendreport", "NEGZ Kurzstudie 36 (2025)": "NEGZ"}

def squash(text):
    return re.sub(r"[\s\-–#*]+", "", text).lower()

def main(folder):
    texts = [squash(p.read_text(encoding="utf-8")) for p in sorted(pathlib.Path(folder).glob("*.txt"))]
    index = tomllib.loads(pathlib.Path(__file__).parent.parent.joinpath("questionnaires/quellen-index.toml").read_text())
    missing = [p for p in index["passages"] if not any(squash(p["anchor"]) in t for t in texts)]
    for p in missing:
        print(f"not found: {p['work']}: {p['anchor']}")
    print(f"{len(index['passages']) - len(missing)} of {len(index['passages'])} anchors found")
    return 1 if missing else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
