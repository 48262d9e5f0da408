#!/bin/sh
# Checks the Grafana dashboards: the committed JSON is exactly what generate-dashboards.py writes (so
# the two cannot drift), valid JSON, unique uids, the Prometheus datasource, and every panel query
# parses as PromQL (promtool, Debian's 'prometheus' package). Run by ops/verify.sh, so by 'mvn verify'
# where promtool is installed, and always in CI. Usage: ops/grafana/check-dashboards.sh
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
rules=$(mktemp)
generated=$(mktemp -d)
trap 'rm -rf "$rules" "$generated"' EXIT
python3 "$dir/generate-dashboards.py" "$generated" >/dev/null
if ! diff -r "$generated" "$dir/dashboards"; then
  echo "ops/grafana/dashboards differ from what ops/grafana/generate-dashboards.py writes:" >&2
  echo "edit the generator, run it (python3 ops/grafana/generate-dashboards.py) and commit both" >&2
  exit 1
fi
echo "dashboards: the committed JSON is what the generator writes"
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
