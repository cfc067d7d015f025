"""Draws the texts to annotate from the two trainable parts of the public corpus.

Only training-pool-reddit-2013.jsonl and the parent posts listed in
parent-posts-training-ids.txt are read; the measuring texts are never opened.
Run from the repository root:  python3 training/understanding/sample.py ../shared/corpus
"""
import json, random, re, sys, collections, pathlib

corpus = pathlib.Path(sys.argv[1])
out = pathlib.Path(__file__).parent / "batches"
rng = random.Random(20261203)
ANNOTATORS = ["A1", "A2", "A3", "A4", "A5", "A6"]
MAX_WORDS = 600  # long posts cost an annotator several times as much; noted in the model card

ids = set(corpus.joinpath("parent-posts-training-ids.txt").read_text().split())
parents = [json.loads(l) for l in corpus.joinpath("parent-posts-reddit-2013.jsonl").open()
           if json.loads(l)["id"] in ids]
assert len(parents) == 587, len(parents)
pool = [json.loads(l) for l in corpus.joinpath("training-pool-reddit-2013.jsonl").open()]

# per forum: how many to draw from the pool
QUOTA = {"r/SuicideWatch": 300, "r/depression": 130, "r/breastfeeding": 180, "r/raisingkids": 90,
         "r/AsianParentStories": 80, "r/Anxiety": 170, "r/bipolar": 90, "r/BipolarReddit": 90,
         "r/relationships": 90, "r/relationship_advice": 90, "r/offmychest": 110, "r/needadvice": 50}
# words of themes that are rare in general forums; posts with them are drawn first for part of each quota
RARE = re.compile(r"\b(baby|babies|newborn|postpartum|post-partum|ppd|pnd|pregnan\w*|birth|labou?r|"
                  r"intrusive|hallucinat\w*|voices|manic|mania|psychos\w*|delusion\w*|"
                  r"hurt (him|her|my (son|daughter|kid|child))|hit(s|ting)? me|beat(s|ing)? me|"
                  r"overdose|pills|cutting|medication|meds|lithium|ssri|zoloft|sertraline)\b", re.I)

def words(r): return len(r["text"].split())

chosen = []
by_source = collections.defaultdict(list)
for r in pool:
    if 20 <= words(r) <= MAX_WORDS:
        by_source[r["source"]].append(r)
for source, quota in QUOTA.items():
    rows = by_source[source]
    rng.shuffle(rows)
    rare = [r for r in rows if RARE.search(r["title"] + " " + r["text"])]
    take = rare[: int(quota * 0.4)]
    taken = {r["id"] for r in take}
    take += [r for r in rows if r["id"] not in taken][: quota - len(take)]
    chosen += take
chosen += parents
rng.shuffle(chosen)
print("texts:", len(chosen), collections.Counter(r["source"] for r in chosen))

fields = ("id", "source", "title", "text")
batches = {a: chosen[i::len(ANNOTATORS)] for i, a in enumerate(ANNOTATORS)}
for i, a in enumerate(ANNOTATORS):
    with out.joinpath(f"batch-{a}.jsonl").open("w") as f:
        for r in batches[a]:
            f.write(json.dumps({k: r[k] for k in fields}, ensure_ascii=False) + "\n")
    # the second opinion: every tenth text of the next annotator's batch, labelled blind
    nxt = ANNOTATORS[(i + 1) % len(ANNOTATORS)]
    with out.joinpath(f"double-{a}-on-{nxt}.jsonl").open("w") as f:
        for r in batches[nxt][::10]:
            f.write(json.dumps({k: r[k] for k in fields}, ensure_ascii=False) + "\n")
