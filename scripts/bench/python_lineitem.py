#!/usr/bin/python3
"""Baseline for the benchmark: lineitem-shaped rows made the way Python data fakers make them
(the random module and the csv module), written to standard output. Usage: python_lineitem.py N"""
import csv
import datetime
import random
import sys

WORDS = ("carefully final deposits detect slyly regular accounts sleep quickly pending "
         "requests haggle furiously ironic packages boost blithely express theodolites").split()
INSTRUCT = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"]
MODES = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"]
START = datetime.date(1992, 1, 2)


def comment(rng):
    target = rng.randint(10, 43)
    text = ""
    while len(text) < target:
        text += rng.choice(WORDS) + " "
    return text[:target].rstrip()


def main():
    rows = int(sys.argv[1])
    rng = random.Random(1)
    out = csv.writer(sys.stdout, lineterminator="\n")
    for _ in range(rows):
        ship = START + datetime.timedelta(days=rng.randint(0, 2525))
        out.writerow([
            rng.randint(1, 6000000), rng.randint(1, 200000), rng.randint(1, 10000),
            rng.randint(1, 7), rng.randint(1, 50),
            f"{rng.randint(90000, 10495000) / 100:.2f}", f"{rng.randint(0, 10) / 100:.2f}",
            f"{rng.randint(0, 8) / 100:.2f}", rng.choice("RAN"), rng.choice("OF"),
            ship.isoformat(), (ship + datetime.timedelta(days=rng.randint(-30, 60))).isoformat(),
            (ship + datetime.timedelta(days=rng.randint(1, 30))).isoformat(),
            rng.choice(INSTRUCT), rng.choice(MODES), comment(rng)])


if __name__ == "__main__":
    main()
