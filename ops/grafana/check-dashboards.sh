#!/bin/sh
# Checks the Grafana dashboards: valid JSON, unique uids, the Prometheus datasource, and every panel
# query parses as PromQL (promtool, Debian's 'prometheus' package). Usage: ops/grafana/check-dashboards.sh
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
rules=$(mktemp)
trap 'rm -f "$rules"' EXIT
python3 - "$dir/dashboards" "$rules" <<'PY'
import glob, json, sys
uids, exprs = set(), []
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    dashboard = json.load(open(path))
    assert dashboard["uid"] not in uids, "duplicate uid in " + path
    uids.add(dashboard["uid"])
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == "prometheus", path + ": panel without the Prometheus datasource"
        exprs += [target["expr"] for target in panel["targets"]]
with open(sys.argv[2], "w") as out:
    out.write("groups:\n  - name: dashboards\n    rules:\n")
    for i, expr in enumerate(exprs):
        out.write("      - record: dashboard:expr%d\n        expr: %s\n" % (i, json.dumps(expr)))
print("%d dashboards, %d queries" % (len(uids), len(exprs)))
PY
promtool check rules "$rules"
