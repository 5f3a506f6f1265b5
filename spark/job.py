"""claimgraph on Spark: the pipeline of `claimgraph report` over a corpus past one machine.

The stages are the binary's (`claimgraph stage ...`), run on the workers with RDD.pipe;
what lies between them is Spark's:

1. extraction as a map: article lines -> `stage claims` -> one record a claim;
2. the claims numbered in story order (article line, then place in the article);
3. candidate pairs by shuffles on blocking keys, with the limits the binary prints
   (`stage limits`): pairs sharing keys, pairs of one named source sharing a key, and
   neighbours in one article, each claim keeping its best partners as `link` does;
4. the key counts that weigh the claims' views, joined to each pair;
5. relations as a map: blocks of pairs with the claims they name -> `stage relate`;
6. connected groups of claims: a union-find on the driver, or past --driver-groups
   relations, label propagation over the cluster;
7. propositions per group: `stage propositions`, which writes the report's relations and
   propositions, sorted here into the report's order.

Output: OUT/relations and OUT/propositions, JSON lines in the order of the lists of the
same names in `claimgraph report --format json`.

Usage (see the README): spark-submit [--master URL] spark/job.py ARTICLES.jsonl -o OUT
    [--claimgraph PATH] [--registry sources.ron] [--partitions N]
The binary and the registry must be at the same path on every worker.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import time

from pyspark import SparkConf, SparkContext


# the pairs of this many consecutive claims go to `stage relate` on one line
PAIR_BLOCK = 256


def idf_weight(n, df, limits):
    """A key's weight for ranking partners, as the binary makes it: ln(n / df) scaled and
    rounded half away from zero; None for a key that makes no pairs."""
    if df < 2 or df > limits["max_key_frequency"]:
        return None
    x = math.log(n / df) * limits["weight_scale"]
    r = math.floor(x)
    return int(r + 1 if x - r >= 0.5 else r)


def best_partners(limits, min_shared):
    """(claim, [(partner, score, count)]) -> the pairs it keeps, as (lower, higher)."""
    cap = limits["max_candidates_per_claim"]

    def keep(item):
        i, found = item
        found = [f for f in found if f[2] >= min_shared]
        found.sort(key=lambda f: (-f[1], -f[2], f[0]))
        return [(min(i, j), max(i, j)) for j, _, _ in found[:cap]]

    return keep


def blocked_pairs(tokens, n, limits, min_shared, parts):
    """Pairs through shared tokens: tokens is an RDD of (token, claim). A token carried by
    too many claims makes none; each claim keeps its best partners by summed weight."""

    def meet(item):
        _, claims = item
        claims = sorted(set(claims))
        w = idf_weight(n, len(claims), limits)
        if w is None:
            return []
        return [((i, j), (w, 1)) for x, i in enumerate(claims) for j in claims[x + 1 :]]

    def both_ways(kv):
        (i, j), (score, count) = kv
        return [(i, (j, score, count)), (j, (i, score, count))]

    return (
        tokens.groupByKey(parts)
        .flatMap(meet)
        .reduceByKey(lambda x, y: (x[0] + y[0], x[1] + y[1]), parts)
        .flatMap(both_ways)
        .groupByKey(parts)
        .flatMap(best_partners(limits, min_shared))
    )


def neighbour_pairs(claims, limits, parts):
    """Claims of one article within the paragraph window, each with its next few."""
    window, most = limits["neighbour_paragraphs"], limits["max_neighbours"]

    def near(item):
        _, members = item
        members = sorted(members)
        out = []
        for x, (p, i) in enumerate(members):
            for q, j in members[x + 1 : x + 1 + most]:
                if q - p > window:
                    break
                out.append((min(i, j), max(i, j)))
        return out

    return (
        claims.map(lambda kv: (kv[1]["article"], (kv[1]["paragraph"], kv[0])))
        .groupByKey(parts)
        .flatMap(near)
    )


def components_on_driver(sc, relations, parts):
    """components(), the relations' claims gathered on the driver and joined there (a
    union-find): one job instead of a job for every round."""
    parent = {}

    def find(i):
        root = i
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(i, i) != root:
            parent[i], i = root, parent[i]
        return root

    for a, b in relations.map(lambda r: (r[0], r[1])).collect():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    labels = [(i, find(i)) for i in list(parent)]
    labels += [(i, i) for i in {r for _, r in labels} if i not in parent]
    return sc.parallelize(labels, parts), 1


def components(relations, parts):
    """(claim, label) for every claim a relation names: the least claim of its group,
    by rounds of label propagation, as many as the longest path in a group."""
    edges = relations.flatMap(lambda r: [(r[0], r[1]), (r[1], r[0])]).distinct(parts).cache()
    labels = edges.keys().distinct(parts).map(lambda i: (i, i)).cache()
    rounds = 0
    while True:
        rounds += 1
        new = (
            edges.join(labels, parts)
            .map(lambda kv: (kv[1][0], kv[1][1]))
            .union(labels)
            .reduceByKey(min, parts)
            .cache()
        )
        changed = new.join(labels, parts).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = new
        if changed == 0:
            return labels, rounds


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", help="JSONL articles, each line with an id (path or URL Spark reads)")
    ap.add_argument("-o", "--output", required=True, help="folder to write (must not exist)")
    ap.add_argument("--claimgraph", default="claimgraph", help="the binary, on every worker")
    ap.add_argument("--registry", help="the story's sources.ron, on every worker")
    ap.add_argument("--partitions", type=int, default=None, help="article partitions")
    ap.add_argument("--master", help="the Spark master, when not run by spark-submit")
    ap.add_argument(
        "--driver-groups",
        type=int,
        default=5_000_000,
        metavar="N",
        help="up to N relations, join the groups on the driver (default 5000000); "
        "past it, by label propagation over the cluster",
    )
    args = ap.parse_args(argv)

    conf = (
        SparkConf()
        .setAppName("claimgraph")
        .setIfMissing("spark.ui.showConsoleProgress", "false")
    )
    if args.master:
        conf.setMaster(args.master)
    began = time.time()

    def say(what):
        print("[%.1f s] %s" % (time.time() - began, what), file=sys.stderr)

    sc = SparkContext(conf=conf)
    say("Spark started")
    sc.setLogLevel("WARN")
    registry = ["--registry", args.registry] if args.registry else []
    # every shuffle makes this many parts, so that iterating does not multiply them
    parts = args.partitions or sc.defaultParallelism

    def stage(name):
        return shlex.join([args.claimgraph, "stage", name] + registry)

    limits = json.loads(
        subprocess.run(
            [args.claimgraph, "stage", "limits"], check=True, capture_output=True, text=True
        ).stdout
    )

    lines = (
        sc.textFile(args.articles, args.partitions)
        if args.partitions
        else sc.textFile(args.articles)
    )
    # each part's first line in the whole input: claims are ordered by article line
    sizes = lines.mapPartitionsWithIndex(lambda p, it: [(p, sum(1 for _ in it))]).collect()
    first, start = {}, 0
    for p, size in sorted(sizes):
        first[p] = start
        start += size
    first = sc.broadcast(first)

    # 1-2: claims, numbered in story order, and the unknown speakers as first met
    def placed(p, made):
        for raw in made:
            r = json.loads(raw)
            line = first.value[p] + r["line"]
            if "unknown" in r:
                yield "met", (r["unknown"]["id"], ((line, r["order"]), r["unknown"]))
                continue
            c = r["claim"]
            yield "claim", ((line, r["position"]), (
                raw,
                {
                    "article": c["article"],
                    "paragraph": c["paragraph"],
                    "keys": r["keys"],
                    "view_keys": r["view_keys"],
                    "source": r["same_source"],
                    "unknown": [u["id"] for u in r["sources"]],
                },
            ))

    made = lines.pipe(stage("claims"), checkCode=True).mapPartitionsWithIndex(placed).cache()
    found = made.filter(lambda kv: kv[0] == "claim").values()
    # an article id on two lines is one article, the first, as when a story loads
    repeated = (
        found.map(lambda kv: (kv[1][1]["article"], kv[0][0]))
        .distinct(parts)
        .groupByKey(parts)
        .mapValues(sorted)
        .filter(lambda kv: len(kv[1]) > 1)
        .collect()
    )
    skipped = set()
    for article, at in repeated:
        for line in at[1:]:
            print(
                "warning: input line %d: article id %r is also on line %d; skipped"
                % (line, article, at[0]),
                file=sys.stderr,
            )
            skipped.add(line)
    skipped = sc.broadcast(skipped)
    numbered = (
        found.filter(lambda kv: kv[0][0] not in skipped.value)
        .sortByKey(numPartitions=parts)
        .zipWithIndex()
        .map(lambda kv: (kv[1], kv[0][1]))
        .cache()
    )
    claims = numbered.mapValues(lambda v: v[1])
    n = numbered.count()
    say("%d claims" % n)
    # each unknown speaker named as the story first names it
    named = (
        made.filter(lambda kv: kv[0] == "met" and kv[1][1][0][0] not in skipped.value)
        .values()
        .reduceByKey(min, parts)
        .mapValues(lambda v: v[1])
        .collectAsMap()
    )
    named = sc.broadcast(named)
    made.unpersist()

    def first_named(ids):
        return json.dumps([named.value[i] for i in sorted(set(ids)) if i in named.value])

    # 3: candidate pairs
    keyed = claims.flatMap(lambda kv: [(k, kv[0]) for k in kv[1]["keys"]])
    sourced = claims.filter(lambda kv: kv[1]["source"] is not None).flatMap(
        lambda kv: [((kv[1]["source"], k), kv[0]) for k in kv[1]["keys"]]
    )
    pairs = (
        blocked_pairs(keyed, n, limits, limits["min_shared_keys"], parts)
        .union(blocked_pairs(sourced, n, limits, limits["min_shared_source_keys"], parts))
        .union(neighbour_pairs(claims, limits, parts))
        .distinct(parts)
    )

    # 4: each claim's record with the counts of its view keys
    df = claims.flatMap(lambda kv: [(k, 1) for k in kv[1]["view_keys"]]).reduceByKey(
        lambda x, y: x + y, parts
    )
    counts = (
        claims.flatMap(lambda kv: [(k, kv[0]) for k in kv[1]["view_keys"]])
        .join(df, parts)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .groupByKey(parts)
    )
    weighed = numbered.mapValues(lambda v: (v[0], v[1]["unknown"])).leftOuterJoin(
        counts, parts
    )

    def block_line(item):
        _, (block, members) = item
        listed, df, unknown = [], {}, []
        for i, ((raw, ids), counts) in members:
            listed.append('{"index":%d,"record":%s}' % (i, raw))
            df.update(counts or [])
            unknown.extend(ids)
        return '{"n":%d,"claims":[%s],"pairs":%s,"df":%s,"sources":%s}' % (
            n,
            ",".join(listed),
            json.dumps(sorted(block)),
            json.dumps(df),
            first_named(unknown),
        )

    # 5: relations, the pairs of PAIR_BLOCK consecutive claims sent together with the
    # records they name, each once
    blocks = pairs.map(lambda p: (p[0] // PAIR_BLOCK, p)).cache()
    needed = blocks.flatMap(lambda kv: [(kv[1][0], kv[0]), (kv[1][1], kv[0])]).distinct(parts)
    records = needed.join(weighed, parts).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    relations = (
        blocks.cogroup(records, parts)
        .map(block_line)
        .pipe(stage("relate"), checkCode=True)
        .map(lambda raw: (json.loads(raw), raw))
        .map(lambda rr: (rr[0]["a"], rr[0]["b"], rr[1]))
        .cache()
    )

    # 6-7: groups and their propositions
    related = relations.count()
    if related <= args.driver_groups:
        labels, rounds = components_on_driver(sc, relations, parts)
    else:
        labels, rounds = components(relations, parts)
    say("%d relations; connected groups joined in %d round(s)" % (related, rounds))
    members = (
        numbered.mapValues(lambda v: (v[0], v[1]["unknown"]))
        .leftOuterJoin(labels, parts)
        .map(lambda kv: (kv[0] if kv[1][1] is None else kv[1][1], (kv[0], kv[1][0])))
    )
    joined = (
        relations.map(lambda r: (r[0], r[2]))
        .join(labels, parts)
        .map(lambda kv: (kv[1][1], kv[1][0]))
    )

    def group_line(item):
        _, (claims, rels) = item
        listed = ",".join('{"index":%d,"record":%s}' % (i, raw) for i, (raw, _) in claims)
        unknown = [u for _, (_, ids) in claims for u in ids]
        return '{"claims":[%s],"relations":[%s],"sources":%s}' % (
            listed,
            ",".join(rels),
            first_named(unknown),
        )

    entries = (
        members.cogroup(joined, parts)
        .map(group_line)
        .pipe(stage("propositions"), checkCode=True)
        .map(json.loads)
        .cache()
    )
    (
        entries.filter(lambda e: e["kind"] == "relation")
        .map(lambda e: (tuple(e["at"]), e["relation"]))
        .sortByKey(numPartitions=parts)
        .map(lambda kv: json.dumps(kv[1], ensure_ascii=False))
        .saveAsTextFile(os.path.join(args.output, "relations"))
    )
    (
        entries.filter(lambda e: e["kind"] == "proposition")
        .map(lambda e: ((-e["proposition"]["confidence"], e["at"]), e["proposition"]))
        .sortByKey(numPartitions=parts)
        .map(lambda kv: json.dumps(kv[1], ensure_ascii=False))
        .saveAsTextFile(os.path.join(args.output, "propositions"))
    )
    say("written to %s" % args.output)
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
