"""Compares the relations and propositions of a Spark job's output folder with those of a
`claimgraph report --format json`: the same entries in the same order, or the first
difference and exit status 1."""

import glob
import json
import os
import sys


def lines(folder):
    out = []
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def main(report_path, output):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    same = True
    for name in ("relations", "propositions"):
        want, got = report[name], lines(os.path.join(output, name))
        if want == got:
            print("%s: the same %d" % (name, len(want)))
            continue
        same = False
        print("%s: %d in the report, %d from Spark" % (name, len(want), len(got)))
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                print("  first difference at %d:\n  report: %s\n  spark:  %s" % (i, w, g))
                break
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
