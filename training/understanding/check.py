"""Checks annotation files against the texts they label; prints every problem with its line.

    python3 training/understanding/check.py ANNOTATIONS.jsonl [more...]

Texts are looked up by id in batches/*.jsonl here and in measuring/understanding/batches/. Exit status 1 when any problem is found.
With --offsets, writes the records with evidence offsets to standard output instead.
"""
import json, sys, pathlib, re

HERE = pathlib.Path(__file__).parent
THEMES = {"bonding_difficulty", "perinatal_depression", "anxiety", "intrusive_thoughts",
          "separation_distress", "parental_guilt", "infant_crying", "relationship_strain",
          "regret_or_rejection", "anger_irritability", "isolation", "work_pressure",
          "sleep_deprivation", "feeding", "birth_trauma", "medication", "self_harm",
          "harm_to_child", "psychosis_signs"}
PERSONS = {"writer", "partner", "child", "other"}
ROLES = {"mother", "father", "partner", "carer", "unknown"}
SUBJECTS = {"writer", "partner", "both", "child", "unknown"}
LEVELS = ["none", "low", "moderate", "high", "urgent"]
URGENT = {"self_harm", "harm_to_child", "psychosis_signs"}
MODERATE = {"perinatal_depression", "anxiety", "bonding_difficulty", "medication",
            "relationship_strain", "regret_or_rejection", "birth_trauma"}

BATCHES = [HERE.joinpath("batches"), HERE.parent.parent.joinpath("measuring", "understanding", "batches")]

def texts():
    out = {}
    for f in (f for d in BATCHES for f in sorted(d.glob("*.jsonl"))):
        for line in f.open():
            r = json.loads(line)
            out[r["id"]] = r
    return out

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def locate(text, quote):
    """Offsets of quote in text, tolerant of whitespace differences only."""
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None

def floor_level(themes):
    """The lowest level the guide's table allows for these themes (high combinations included)."""
    codes = {(t["code"], t["person"]) for t in themes}
    names = {c for c, _ in codes}
    if any(c in URGENT and (c != "self_harm" or True) for c in names):
        return "urgent"
    if "intrusive_thoughts" in names:
        return "high"
    persons = {p for _, p in codes}
    if any(("regret_or_rejection", p) in codes and ("anger_irritability", p) in codes for p in persons):
        return "high"
    if "anger_irritability" in names and "infant_crying" in names:
        return "high"
    if names & MODERATE:
        return "moderate"
    return "low" if names else "none"

def check(record, text_of):
    problems = []
    rid = record.get("id")
    src = text_of.get(rid)
    if src is None:
        return [f"unknown id {rid!r}"]
    text = src["text"]
    if record.get("role") not in ROLES: problems.append(f"role {record.get('role')!r}")
    if record.get("subject") not in SUBJECTS: problems.append(f"subject {record.get('subject')!r}")
    age = record.get("childAgeMonths")
    if age is not None and not (isinstance(age, int) and 0 <= age <= 240):
        problems.append(f"childAgeMonths {age!r}")
    if age is not None and record.get("agePhrase"):
        if locate(src["title"] + "\n" + text, record["agePhrase"]) is None:
            problems.append(f"agePhrase not found: {record['agePhrase']!r}")
    seen = set()
    for t in record.get("themes", []):
        if t.get("code") not in THEMES: problems.append(f"theme {t.get('code')!r}")
        if t.get("person") not in PERSONS: problems.append(f"person {t.get('person')!r}")
        key = (t.get("code"), t.get("person"))
        if key in seen: problems.append(f"theme twice {key}")
        seen.add(key)
        ev = t.get("evidence") or []
        if not ev: problems.append(f"no evidence for {t.get('code')}")
        for q in ev:
            if locate(text, q) is None and locate(src["title"], q) is None:
                problems.append(f"evidence not in text ({t.get('code')}): {q[:80]!r}")
    risk = record.get("risk")
    if risk not in LEVELS:
        problems.append(f"risk {risk!r}")
    else:
        floor = floor_level(record.get("themes", []))
        if LEVELS.index(risk) < LEVELS.index(floor):
            problems.append(f"risk {risk} below what the themes give ({floor})")
        if risk == "none" and record.get("themes"):
            problems.append("risk none with themes")
    for r in record.get("reasons", []):
        if r not in THEMES: problems.append(f"reason {r!r}")
        elif r not in {t.get("code") for t in record.get("themes", [])}:
            problems.append(f"reason {r} is not among the themes")
    return problems

def with_offsets(record, text_of):
    src = text_of[record["id"]]
    out = dict(record)
    out["themes"] = []
    for t in record["themes"]:
        spans = []
        for q in t["evidence"]:
            loc = locate(src["text"], q)
            if loc: spans.append({"start": loc[0], "end": loc[1]})
        out["themes"].append({**t, "spans": spans})
    return out

def main(args):
    emit = "--offsets" in args
    files = [a for a in args if not a.startswith("--")]
    text_of = texts()
    bad = 0
    total = 0
    for f in files:
        for n, line in enumerate(open(f), 1):
            if not line.strip(): continue
            total += 1
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{f}:{n}: broken JSON: {e}"); bad += 1; continue
            problems = check(rec, text_of)
            for p in problems:
                print(f"{f}:{n}: {rec.get('id')}: {p}", file=sys.stderr if emit else sys.stdout)
            bad += bool(problems)
            if emit and not problems:
                print(json.dumps(with_offsets(rec, text_of), ensure_ascii=False))
    print(f"{total} records, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
