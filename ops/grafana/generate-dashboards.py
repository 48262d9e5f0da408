# Generates the complaint-flow Grafana dashboards (dashboards/*.json); edit here, run it, commit both
# (check-dashboards.sh, run by 'mvn verify', fails when the committed JSON is not what this writes).
# Usage: generate-dashboards.py [output folder, default dashboards/]
import json, os, sys
DS = {"type": "prometheus", "uid": "prometheus"}
A = 'application="analytics"'

def target(expr, legend="", ref="A", instant=False, exemplar=False):
    t = {"datasource": DS, "expr": expr, "legendFormat": legend, "refId": ref}
    if exemplar:
        # the histogram's exemplars (trace ids), linked to Jaeger by the Prometheus datasource
        t["exemplar"] = True
    if instant:
        t["instant"] = True
        t["range"] = False
    return t

def share(metric, by, part, window, whole=""):
    """The share of a counter's increase over the window that has the labels `part`, of those with `whole`."""
    sel = 'job="complaint-flow"'
    return (f'sum by ({by}) (increase({metric}{{{sel},{part}}}[{window}]))'
            f' / sum by ({by}) (increase({metric}{{{sel}{"," + whole if whole else ""}}}[{window}]))')


def panel(pid, title, kind, targets, x, y, w, h, unit=None, desc=None, extra=None):
    p = {"id": pid, "title": title, "type": kind, "datasource": DS,
         "gridPos": {"x": x, "y": y, "w": w, "h": h}, "targets": targets,
         "fieldConfig": {"defaults": {}, "overrides": []}, "options": {}}
    if unit:
        p["fieldConfig"]["defaults"]["unit"] = unit
    if desc:
        p["description"] = desc
    if kind == "bargauge":
        p["options"] = {"orientation": "horizontal", "displayMode": "gradient", "showUnfilled": True,
                        "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False}}
    if kind == "stat":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "colorMode": "value", "graphMode": "area", "textMode": "auto"}
    if kind == "timeseries":
        p["fieldConfig"]["defaults"]["custom"] = {"drawStyle": "line", "lineWidth": 2, "fillOpacity": 10}
        p["options"] = {"legend": {"displayMode": "list", "placement": "bottom"}, "tooltip": {"mode": "multi"}}
    if extra:
        for k, v in extra.items():
            p["fieldConfig"]["defaults"][k] = v
    return p

def dashboard(uid, title, desc, panels):
    return {"uid": uid, "title": title, "description": desc, "tags": ["complaint-flow"],
            "timezone": "utc", "schemaVersion": 39, "version": 1, "editable": False,
            "refresh": "30s", "time": {"from": "now-24h", "to": "now"},
            "links": [{"title": "complaint-flow", "type": "dashboards", "tags": ["complaint-flow"], "asDropdown": True}],
            "templating": {"list": []}, "annotations": {"list": []}, "panels": panels}

thresholds_ratio = {"thresholds": {"mode": "absolute", "steps": [
    {"color": "red", "value": None}, {"color": "orange", "value": 0.8}, {"color": "green", "value": 0.95}]},
    "min": 0, "max": 1}

def complaints(stage):
    return f'max by (channel, category) (complaintflow_complaints{{{A},stage="{stage}"}})'

volume = dashboard("cf-volume", "complaint-flow / Volume",
    "Complaints per stage, channel and category (analytics-service rollups). Counts are all-time gauges; rates use delta().",
    [
        panel(1, "Received (all time)", "stat", [target(f'sum({complaints("received")})')], 0, 0, 4, 4),
        panel(2, "Received, last 24 h", "stat", [target(f'sum(delta({complaints("received")}[24h:5m]))')], 4, 0, 4, 4),
        panel(3, "Opened, last 24 h", "stat", [target(f'sum(delta({complaints("opened")}[24h:5m]))')], 8, 0, 4, 4),
        panel(4, "Closed, last 24 h", "stat", [target(f'sum(delta({complaints("closed")}[24h:5m]))')], 12, 0, 4, 4),
        panel(5, "Repeat complaints (all time)", "stat", [target(f'max(complaintflow_complaint_flags{{{A},flag="repeat"}})')], 16, 0, 4, 4),
        panel(6, "Communicative, later breached or escalated", "stat", [target(f'max(complaintflow_complaint_flags{{{A},flag="communicativeEscalated"}})')], 20, 0, 4, 4,
              desc="Help-seeking, inquiry and venting complaints that breached a milestone or were escalated: handled badly, they become valid complaints."),
        panel(7, "Complaints per hour by stage", "timeseries",
              [target(f'sum by (stage) (delta(max by (stage, channel, category) (complaintflow_complaints{{{A}}})[1h:1m]))', "{{stage}}")], 0, 4, 12, 9),
        panel(8, "Received per hour by channel", "timeseries",
              [target(f'sum by (channel) (delta({complaints("received")}[1h:1m]))', "{{channel}}")], 12, 4, 12, 9),
        panel(9, "Received per hour by category", "timeseries",
              [target(f'sum by (category) (delta({complaints("received")}[1h:1m]))', "{{category}}")], 0, 13, 12, 9),
        panel(10, "Received by category, last 24 h", "bargauge",
              [target(f'sort_desc(sum by (category) (delta({complaints("received")}[24h:5m])))', "{{category}}", instant=True)], 12, 13, 12, 9),
    ])

sla = dashboard("cf-sla", "complaint-flow / SLA",
    "Promises kept: milestones met and breached per kind, response and resolution times (analytics-service).",
    [
        panel(1, "SLA compliance, last 24 h (all milestones)", "stat",
              [target(f'sum(delta(complaintflow_sla_milestones{{{A},result="met"}}[24h:5m])) / sum(delta(complaintflow_sla_milestones{{{A}}}[24h:5m]))')],
              0, 0, 6, 5, unit="percentunit", extra=thresholds_ratio),
        panel(2, "Breaches, last 24 h", "stat",
              [target(f'sum(delta((max by (milestone) (complaintflow_sla_milestones{{{A},result="breached"}}))[24h:5m]))')], 6, 0, 6, 5),
        panel(3, "About to breach (follow-up)", "stat", [target('sum(max by (milestone) (followup_milestones_about_to_breach))')], 12, 0, 6, 5,
              desc="Open milestones due within the next hour, from followup-service."),
        panel(4, "First response p90 (last 24 h)", "stat",
              [target(f'max(complaintflow_first_response_seconds{{{A},percentile="90"}})')], 18, 0, 6, 5, unit="s"),
        panel(5, "Compliance by milestone (all time)", "bargauge",
              [target(f'sum by (milestone) (complaintflow_sla_milestones{{{A},result="met"}}) / sum by (milestone) (complaintflow_sla_milestones{{{A}}}) > -1', "{{milestone}}", instant=True)],
              0, 5, 12, 9, unit="percentunit", extra=thresholds_ratio),
        panel(6, "Breaches per hour by milestone", "timeseries",
              [target(f'delta((max by (milestone) (complaintflow_sla_milestones{{{A},result="breached"}}))[1h:1m])', "{{milestone}}")], 12, 5, 12, 9),
        panel(7, "Time to first response", "timeseries",
              [target(f'max by (percentile) (complaintflow_first_response_seconds{{{A}}})', "p{{percentile}}")], 0, 14, 12, 9, unit="s"),
        panel(8, "Time to resolution", "timeseries",
              [target(f'max by (percentile) (complaintflow_resolution_seconds{{{A}}})', "p{{percentile}}")], 12, 14, 12, 9, unit="s"),
    ])

retention = dashboard("cf-retention", "complaint-flow / Retention",
    "Which playbooks keep customers: outcomes of closed cases, callback satisfaction and compensation (analytics-service).",
    [
        panel(1, "Retention rate by playbook", "bargauge",
              [target(f'sort_desc(max by (playbook) (complaintflow_retention_rate{{{A}}}))', "{{playbook}}", instant=True)], 0, 0, 12, 10,
              unit="percentunit", extra=thresholds_ratio,
              desc="(RETAINED + NUMBER_KEPT) over closed cases, all time."),
        panel(2, "Closed cases by playbook and outcome", "bargauge",
              [target(f'max by (playbook, outcome) (complaintflow_cases_closed{{{A}}}) > 0', "{{playbook}} {{outcome}}", instant=True)], 12, 0, 12, 10),
        panel(3, "Average callback satisfaction", "stat",
              [target(f'max(complaintflow_satisfaction_average{{{A}}})')], 0, 10, 6, 5, extra={"min": 1, "max": 5, "decimals": 2}),
        panel(4, "Callbacks by score", "bargauge",
              [target(f'max by (score) (complaintflow_callbacks{{{A}}})', "{{score}} / 5", instant=True)], 6, 10, 6, 5),
        panel(5, "Compensation offered vs accepted (value)", "bargauge",
              [target(f'max by (stage) (complaintflow_compensation{{{A},measure="value"}})', "{{stage}}", instant=True)], 12, 10, 6, 5),
        panel(6, "Compensation offered vs accepted (count)", "bargauge",
              [target(f'max by (stage) (complaintflow_compensation{{{A},measure="count"}})', "{{stage}}", instant=True)], 18, 10, 6, 5),
        panel(7, "Retention rate by playbook over time", "timeseries",
              [target(f'max by (playbook) (complaintflow_retention_rate{{{A}}})', "{{playbook}}")], 0, 15, 24, 9, unit="percentunit"),
        panel(8, "Triage as staff see it: share of checked decisions they corrected, by model (30 days)", "timeseries",
              [target(share("triage_decision_checks_total", "model", 'outcome="corrected"', "30d"), "{{model}}")],
              0, 24, 24, 8, unit="percentunit",
              desc="Of the fields staff checked on the case page or the review list (category, persona, playbook, churn risk), "
                   "the share they corrected rather than confirmed, by the learned model that weighed in (none: the rules "
                   "decided alone; unrecorded: decided before model versions were recorded). After a retraining the new model's line should run below the old one's. "
                   "By field and playbook, all time: analytics' dashboard."),
        panel(9, "Suggestions staff took, by field (30 days)", "timeseries",
              [target(share("triage_decision_checks_total", "field", 'suggestion="taken"', "30d", 'suggestion!="none"'), "{{field}}")],
              0, 32, 24, 8, unit="percentunit",
              desc="Where triage was unsure of a field no one had checked and its model named another value, the console suggested it "
                   "(perhaps BILLING) and offered it first: the share of those first checks that took it. Held out, a reader who "
                   "knows the right value takes 31 % (English) / 30 % (Chinese) of them (docs/triage-model-evaluation.md, the "
                   "asking table); far above that, staff may be taking it unread, and their corrections "
                   "teach the model its own second guess (docs/triage.md, triage_decision_checks_total)."),
        panel(10, "Decisions triage was unsure of, by field and language (1 day)", "timeseries",
              [target(share("triage_decision_fields_total", "field, language", 'unsure="true"', "1d"), "{{language}} {{field}}")],
              0, 40, 24, 8, unit="percentunit",
              desc="Of each day's new decisions, the share whose field triage was less than 50 % sure of: where the console "
                   "asks staff, and what the review list puts first. Held out, 0.54 (English) and 0.59 (Chinese) of the four fields "
                   "a complaint, about one in seven (docs/triage-model-evaluation.md, the asking table). A line that jumps is complaints of a kind the model does not know, or a new model or "
                   "rules file less sure than the one before (ComplaintTriageUnsureRising)."),
        panel(11, "Labels from staff the models in force have not learned from", "timeseries",
              [target('max by (language) (triage_corrections_untrained{job="complaint-flow"})', "{{language}}")],
              0, 48, 24, 8,
              desc="Complaints' fields staff corrected or confirmed since the model in force for the language was trained, each once "
                   "(GET /api/v1/triage/corrections/untrained; counted every 5 minutes). They change nothing until the model is "
                   "trained with them: at 300, ComplaintTriageRetrainingDue (docs/OPERATIONS.md, Retraining). The line drops "
                   "when a new model is in force."),
    ])

hotspots = dashboard("cf-hotspots", "complaint-flow / Hotspots",
    "Region x category pairs whose volume in the last window jumped against their own trailing baseline (analytics-service).",
    [
        panel(1, "Hotspots now", "stat", [target(f'max(complaintflow_hotspots{{{A}}})')], 0, 0, 6, 6,
              extra={"thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 1}]}}),
        panel(2, "Top hotspots: growth factor", "bargauge",
              [target(f'sort_desc(max by (region, category) (complaintflow_hotspot_growth{{{A}}}))', "{{region}} {{category}}", instant=True)], 6, 0, 18, 10,
              desc="Volume in the last window over the average of the trailing windows; only the top N are exported (complaintflow.analytics.hotspots.exported)."),
        panel(3, "Growth factor over time", "timeseries",
              [target(f'max by (region, category) (complaintflow_hotspot_growth{{{A}}})', "{{region}} {{category}}")], 0, 10, 24, 9),
    ])

pipeline = dashboard("cf-pipeline", "complaint-flow / Pipeline health",
    "Is the event pipeline flowing: consumer lag, dead letters, ingest rate, analytics backlog, services up.",
    [
        panel(1, "Services up", "stat", [target('up{job="complaint-flow"}', "{{instance}}")], 0, 0, 12, 4),
        panel(2, "Dead letters (all DLTs)", "stat", [target(f'sum(max by (topic) (complaintflow_dlt_records{{{A}}}))')], 12, 0, 6, 4,
              extra={"thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 1}]}}),
        panel(3, "Analytics backlog (records behind: Streams + sink)", "stat",
              [target(f'sum(max by (group, topic) (complaintflow_consumer_lag{{{A}, group=~"analytics|analytics.sink"}}))')], 18, 0, 6, 4),
        panel(4, "Consumer lag by group and topic", "timeseries",
              [target(f'max by (group, topic) (complaintflow_consumer_lag{{{A}}})', "{{group}} {{topic}}")], 0, 4, 12, 9),
        panel(5, "Consumer lag (client side, max per service)", "timeseries",
              [target('max by (application) (kafka_consumer_fetch_manager_records_lag_max)', "{{application}}")], 12, 4, 12, 9),
        panel(6, "Records in each dead-letter topic", "timeseries",
              [target(f'max by (topic) (complaintflow_dlt_records{{{A}}})', "{{topic}}")], 0, 13, 12, 9),
        panel(7, "Events ingested by analytics per second", "timeseries",
              [target(f'sum by (type) (rate(complaintflow_analytics_events_ingested_total{{{A}}}[5m]))', "{{type}}")], 12, 13, 12, 9, unit="ops"),
        panel(8, "HTTP request latency p95 by service", "timeseries",
              [target('histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket{job="complaint-flow"}[5m])))',
                      "{{application}}", exemplar=True)], 0, 22, 24, 9, unit="s",
              desc="The dots are exemplars: one request each, with its trace id; click one to open the trace in Jaeger."),
        panel(9, "Console requests to triage per hour by outcome", "timeseries",
              [target('sum by (request, outcome) (increase(followup_console_triage_requests_total[1h]))', "{{request}} {{outcome}}")],
              0, 31, 24, 8,
              desc="Staff corrections, confirmations and review lists sent from followup's console to triage. "
                   "refused or unavailable: staff cannot check triage (alert ComplaintConsoleCannotReachTriage)."),
    ])

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")
for name, d in [("volume", volume), ("sla", sla), ("retention", retention), ("hotspots", hotspots), ("pipeline", pipeline)]:
    with open(os.path.join(out, f"complaintflow-{name}.json"), "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
print("ok")
