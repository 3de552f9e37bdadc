#!/usr/bin/env python3
"""The review queue's queries (GetReviewQueue: a page of 50 and the filtered count) on a seeded database, one line per
view: median round trip of 7 runs through psql, the buffers the plan touched, the filtered total and how the count is
read. Usage: review-queue-plans.py PORT [DATABASE] [--plans]. See benchmarks/results/review-queue.md."""
import subprocess, sys, re
port = sys.argv[1]
database = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith('--') else 'hirevet_scale'
FROM="from candidates c where c.status = 'review'"
cases = [
 ("no filter, score", "", "c.score desc, c.id", 0),
 ("no filter, score, page 500", "", "c.score desc, c.id", 24950),
 ("band=high", " and c.band = 'high'", "c.score desc, c.id", 0),
 ("indicator=PAY-13 (rare)", " and c.indicator_ids @> array['PAY-13'::text]", "c.score desc, c.id", 0),
 ("indicator=NET-01 (none)", " and c.indicator_ids @> array['NET-01'::text]", "c.score desc, c.id", 0),
 ("indicator=ID-11 (65%)", " and c.indicator_ids @> array['ID-11'::text]", "c.score desc, c.id", 0),
 ("indicator=LINK-02", " and c.indicator_ids @> array['LINK-02'::text]", "c.score desc, c.id", 0),
 ("waiting>7d, oldest", " and c.review_since < now() - interval '7 days'", "c.review_since, c.id", 0),
 ("waiting>14d, score", " and c.review_since < now() - interval '14 days'", "c.score desc, c.id", 0),
 ("unclaimed, score", " and c.claimed_by is null", "c.score desc, c.id", 0),
 ("claimed by me, score", " and c.claimed_by = 'sam'", "c.score desc, c.id", 0),
 ("newest", "", "c.review_since desc, c.id desc", 0),
 ("name", "", "c.legal_name, c.id", 0),
 ("name, page 500", "", "c.legal_name, c.id", 24950),
 ("band=high, LINK-02, >3d, unclaimed, oldest", " and c.band = 'high' and c.indicator_ids @> array['LINK-02'::text] and c.review_since < now() - interval '3 days' and c.claimed_by is null", "c.review_since, c.id", 0),
]
def run(sql):
    out=subprocess.run(["psql","-h","127.0.0.1","-p",port,"-U","postgres","-d",database,"-Atc",sql],capture_output=True,text=True)
    return out.stdout+out.stderr
verbose = '--plans' in sys.argv
print("| view | page: median ms (buffers) | count: median ms (buffers) | total | how the count is read |")
print("|---|---|---|---|---|")
for name, f, order, offset in cases:
    page=f"""select c.id, c.external_id, c.legal_name, c.role, c.score, c.band, c.review_since, c.claimed_by,
       u.display_name as claimed_by_name, c.claimed_at, c.updated_at, c.indicator_ids as indicators
from unnest(array(select c.id {FROM} {f} order by {order} limit 50 offset {offset})) with ordinality as page(id, n)
join candidates c on c.id = page.id
left join users u on u.username = c.claimed_by order by page.n"""
    count=f"select count(*)::int {FROM} {f}"
    best=[]
    for q in (page,count):
        times=[]
        o=run("explain (analyze, buffers) "+q)
        for i in range(7):
            t=subprocess.run(["psql","-h","127.0.0.1","-p",port,"-U","postgres","-d",database,"-At","-c","\\timing on","-c",q],capture_output=True,text=True).stdout
            times.append(float(re.search(r"Time: ([\d.]+) ms",t).group(1)))
        bufs=sum(int(x) for x in re.findall(r"shared hit=(\d+)", o.split("Planning")[0])[:1])
        best.append((sorted(times)[3], o, bufs))
    total=run(count).strip()
    plan=[l.strip() for l in best[1][1].splitlines() if 'Scan' in l]
    print(f"| {name} | {best[0][0]:.1f} ({best[0][2]}) | {best[1][0]:.1f} ({best[1][2]}) | {total} | {re.sub(r'  +',' ', '; '.join(p.split('(')[0].strip('-> ') for p in plan))} |")
    if verbose: print(best[0][1]); print(best[1][1])
