#!/usr/bin/env python3
"""Writes the schema/loader agreement cases: tests/data/good/*.json and tests/data/bad/*.json.

Each bad file is the minimal good ledger with exactly one defect. What the schema and the loader
must say about each file is kept in one place, the table in tests/schema/check_schema.mjs; this
script only makes the files (run it again after changing a case, and commit its output).

    python3 tests/schema/make_cases.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data")


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def minimal():
    """A small, complete, valid ledger in the canonical layout (docs/ledger-format.md)."""
    return {
        "format": "key-project-ledger",
        "format_version": 1,
        "ledger_id": "minimal-2016",
        "revision": 3,
        "meta": {"title": "最小台账示例", "year": 2016, "as_of": "2016-05", "money_unit": "万元",
                 "issuing_unit": "项目竣工攻坚组办公室", "demo": False, "rev": 1, "modified_by": "项目竣工攻坚组办公室",
                 "modified_at": "2016-05-31T17:00:00+08:00"},
        "task_force": {"name": "项目竣工攻坚组", "office": "市住建局",
                       "roles": [{"id": "R-01", "role": "组长", "holder": "市住建局局长", "rev": 1}],
                       "member_unit_ids": ["U-ZJJ", "U-JTJ"]},
        "districts": [{"id": "D-LL", "name": "醴陵市", "kind": "city", "rev": 1},
                      {"id": "D-YX", "name": "攸县", "kind": "county", "rev": 1}],
        "departments": [{"id": "U-ZJJ", "name": "市住建局", "rev": 1}, {"id": "U-JTJ", "name": "市交通局", "rev": 1}],
        "city_leaders": [{"id": "CL-01", "title": "副市长（分管城建）", "rev": 0}],
        "projects": [{
            "id": "P001", "code": "2015-430281-48-01-000123", "name": "醴陵市渌江大道（南桥路至东富段）新建工程",
            "category": "基础设施", "district_id": "D-LL", "owner_unit": "醴陵市城市建设投资有限公司",
            "content": "全长3.2公里，红线宽度40米。", "start_year": 2015, "planned_completion": "2016-12-20",
            "city_leader_id": "CL-01", "department_id": "U-ZJJ", "responsible_leader": "市住建局分管副局长",
            "responsible_person": "市住建局建管科科长", "contact": "",
            "total_investment_wan": 12000, "completed_before_year_wan": 4500.5, "plan_wan": 6000.25,
            "funds_required_wan": 6000.25, "funds_in_place_wan": 3000,
            "status": "under_construction", "completion_target": True, "actual_start": "2015-03-18",
            "milestones": [
                {"id": "P001-M1", "name": "路基工程完成", "planned": "2016-04-30", "actual": "2016-05-06", "rev": 2,
                 "modified_by": "市住建局", "modified_at": "2016-05-08T10:00:00+08:00"},
                {"id": "P001-M2", "name": "竣工验收", "planned": "2016-12-20", "rev": 1},
            ],
            "reports": [
                {"month": "2016-04", "investment_wan": 2100, "percent_complete": 52.5,
                 "progress_text": "1—4月累计完成投资，正在进行路基土石方。", "problems_text": "",
                 "funds_in_place_wan": 2500, "rev": 1},
                {"month": "2016-05", "investment_wan": 800.75, "percent_complete": 58,
                 "progress_text": "路基工程完成，正在进行桥涵及雨污管网。", "problems_text": "施工便道未打通",
                 "funds_in_place_wan": 3000, "rev": 1, "modified_by": "市住建局",
                 "modified_at": "2016-05-26T09:30:00+08:00"},
            ],
            "rev": 4, "modified_by": "市住建局", "modified_at": "2016-05-26T09:30:00+08:00",
        }],
        "problems": [{
            "id": "Q001", "project_id": "P001", "category": "road", "text": "进场施工便道约600米未打通，需协调沿线村组。",
            "responsible_unit_id": "D-LL", "assigned_date": "2016-05-10", "deadline": "2016-06-10",
            "state": "feedback",
            "history": [
                {"id": "Q001-A1", "kind": "assign", "date": "2016-05-10", "by": "项目竣工攻坚组办公室",
                 "text": "5月项目调度会交办。", "rev": 1},
                {"id": "Q001-A2", "kind": "accept", "date": "2016-05-12", "by": "醴陵市人民政府", "text": "已签收。",
                 "rev": 1},
                {"id": "Q001-A3", "kind": "feedback", "date": "2016-05-25", "by": "醴陵市人民政府",
                 "text": "已与沿线村组达成协议，便道正在施工。", "rev": 1},
            ],
            "rev": 3, "modified_by": "醴陵市人民政府", "modified_at": "2016-05-25T16:00:00+08:00",
        }],
        "settings": {
            "warnings": {"behind_yellow_points": 10, "behind_red_points": 30, "funds_red_percent": 100,
                         "late_start_red_months": 3, "due_soon_days": 7},
            "ranking": {"investment_completion_weight": 40, "start_rate_weight": 20, "funds_rate_weight": 20,
                        "completion_rate_weight": 20, "bottom_n": 3},
            "indicators": {"schedule_basis": "calendar_months", "schedule_start_month": 4,
                           "milestone_grace_days": 0},
            "assessment": {"quantitative_weight": 70, "qualitative_weight": 30, "overdue_problem_deduction": 1,
                           "qualitative_scores": [{"unit_id": "D-LL", "score": 85.5}]},
        },
    }


def good_cases():
    cases = {"minimal.json": minimal()}

    # Unknown members at several levels, as a newer version might write them. The saver writes
    # unknown members after the known ones, sorted by key, so this file is canonical too.
    u = minimal()
    u["meta"]["x_region_code"] = "430200"
    u["projects"][0]["x_geo"] = {"lat": 27.65, "lng": 113.5, "source": "测绘"}
    u["projects"][0]["reports"][0]["x_photos"] = ["2016-04-a.jpg", "2016-04-b.jpg"]
    u["problems"][0]["history"][0]["x_channel"] = "调度会"
    u["settings"]["warnings"]["x_funds_red_ratio"] = 0.6
    u["settings"]["x_future"] = {"enabled": True, "note": None}
    u["x_attachments"] = [{"name": "调度会纪要.pdf", "size": 204800}]
    cases["unknown-fields.json"] = u

    # Everything optional left out: no settings (defaults), no stamps, no as_of, no optional dates,
    # empty lists. Valid, but not in the canonical layout (the saver writes settings and rev).
    d = minimal()
    del d["settings"]
    del d["meta"]["as_of"]
    for rec in [d["meta"]] + d["task_force"]["roles"] + d["districts"] + d["departments"] + d["city_leaders"]:
        for k in ("rev", "modified_by", "modified_at"):
            rec.pop(k, None)
    p = d["projects"][0]
    for k in ("planned_completion", "actual_start", "rev", "modified_by", "modified_at"):
        p.pop(k)
    p["milestones"] = [{"id": "P001-M1", "name": "竣工验收"}]
    p["reports"] = []
    d["problems"] = []
    cases["optional-absent.json"] = d

    # Sharing (§14): an ownership rule in the settings and an open conflict kept in the ledger. Keys
    # sorted, as the saver writes unknown-kept members.
    sh = minimal()
    unit = sh["departments"][0]["id"]
    project = sh["projects"][0]["id"]
    sh["settings"]["ownership"] = [{"id": project, "kind": "project", "unit_id": unit}]
    side = {"base": "0731-1", "modified_at": "2016-07-01T10:00:00+08:00", "modified_by": "市住建局",
            "package_id": unit + "-r3-0123456789abcdef", "unit_id": unit, "value": "0731-2"}
    sh["sharing"] = {
        "conflicts": [{"base": "0731-1", "field": "contact", "mine": "0731-3",
                       "record": "projects/" + project, "theirs": [side]}],
        "imported": [],
        "imports": [{"base_revision": 3, "exported_at": "2016-07-01T18:00:00+08:00", "exported_by": unit,
                     "package_id": side["package_id"], "unit_id": unit}],
        "pending": [],
    }
    cases["sharing.json"] = sh

    # Published rankings (§15): one month, districts and departments, one rate without a
    # denominator left out; in the saver's member order, so canonical.
    pub = minimal()
    d_ids = [d["id"] for d in pub["districts"]]
    u_ids = [u["id"] for u in pub["departments"]]

    def entry(unit, name, rates, points, score, rank, bottom):
        return {"unit_id": unit, "name": name, "rates": rates, "points": points, "score": score,
                "rank": rank, "bottom": bottom}

    keys = ["investment_completion", "start", "funds", "completion"]
    pub["published_rankings"] = [{
        "month": "2016-05",
        "published_at": "2016-06-03T09:00:00+08:00",
        "published_by": "项目竣工攻坚组办公室",
        "bottom_n": 1,
        "districts": [entry(d_ids[0], pub["districts"][0]["name"], {"investment_completion": 40.5, "start": 100, "funds": 60},
                            dict(zip(keys, [20.25, 25, 15, 0])), 60.25, 1, False)],
        "departments": [entry(u_ids[0], pub["departments"][0]["name"], dict(zip(keys, [40.5, 100, 60, 0])),
                              dict(zip(keys, [16.2, 20, 12, 0])), 48.2, 1, False)],
    }]
    cases["published.json"] = pub

    # Legal but suspicious: the loader accepts it with warnings (see the table in check_schema.mjs).
    w = minimal()
    w["projects"][0]["completed_before_year_wan"] = 11000          # + this year > total
    w["projects"][0]["reports"][1]["percent_complete"] = 50        # goes down from 52.5
    cases["warnings.json"] = w
    return cases


def bad_cases():
    """name -> (text or object). One defect each, applied to the minimal ledger."""
    cases = {}

    def mutate(name, fn):
        obj = minimal()
        fn(obj)
        cases[name] = obj

    P = lambda o: o["projects"][0]  # noqa: E731

    def published(o):
        """The first publication of the good case published.json, added to `o` when absent."""
        if "published_rankings" not in o:
            o["published_rankings"] = json.loads(json.dumps(good_cases()["published.json"]["published_rankings"]))
        return o["published_rankings"][0]

    Q = lambda o: o["problems"][0]  # noqa: E731

    # --- caught by the schema and by the loader
    mutate("format-name.json", lambda o: o.update(format="project-ledger"))
    mutate("format-version-2.json", lambda o: o.update(format_version=2))
    mutate("missing-meta.json", lambda o: o.pop("meta"))
    mutate("missing-project-name.json", lambda o: P(o).pop("name"))
    mutate("plan-is-string.json", lambda o: P(o).update(plan_wan="6000.25"))
    mutate("money-negative.json", lambda o: P(o).update(funds_in_place_wan=-5))
    mutate("status-unknown.json", lambda o: P(o).update(status="finished"))
    mutate("date-slashes.json", lambda o: P(o).update(planned_completion="2016/12/20"))
    mutate("date-feb-30.json", lambda o: P(o).update(actual_start="2016-02-30"))
    mutate("month-13.json", lambda o: P(o)["reports"][0].update(month="2016-13"))
    mutate("id-bad-chars.json", lambda o: o["task_force"]["roles"][0].update(id="R 01"))
    mutate("id-too-long.json", lambda o: o["districts"][1].update(id="D-" + "X" * 63))
    mutate("percent-over-100.json", lambda o: P(o)["reports"][1].update(percent_complete=120))
    mutate("problem-state-unknown.json", lambda o: Q(o).update(state="done"))
    mutate("action-kind-unknown.json", lambda o: Q(o)["history"][1].update(kind="approve"))
    mutate("history-starts-with-accept.json", lambda o: Q(o).update(history=Q(o)["history"][1:], state="accepted"))
    mutate("history-empty.json", lambda o: Q(o).update(history=[]))
    mutate("state-assigned-after-accept.json", lambda o: Q(o).update(state="assigned"))
    mutate("demo-not-boolean.json", lambda o: o["meta"].update(demo="yes"))
    mutate("money-unit-yuan.json", lambda o: o["meta"].update(money_unit="元"))
    mutate("timestamp-no-zone.json", lambda o: P(o).update(modified_at="2016-05-26 09:30:00"))
    mutate("district-kind-unknown.json", lambda o: o["districts"][0].update(kind="province"))
    mutate("year-fraction.json", lambda o: o["meta"].update(year=2016.5))
    mutate("milestones-not-array.json", lambda o: P(o).update(milestones={"P001-M1": "路基工程完成"}))
    mutate("rev-negative.json", lambda o: o["districts"][0].update(rev=-1))
    mutate("bottom-n-negative.json", lambda o: o["settings"]["ranking"].update(bottom_n=-1))
    mutate("schedule-basis-unknown.json", lambda o: o["settings"]["indicators"].update(schedule_basis="weekly"))
    mutate("schedule-start-month-13.json", lambda o: o["settings"]["indicators"].update(schedule_start_month=13))
    mutate("qualitative-score-over-100.json",
           lambda o: o["settings"]["assessment"]["qualitative_scores"][0].update(score=101))
    mutate("published-rank-zero.json", lambda o: published(o)["districts"][0].update(rank=0))
    mutate("published-rate-negative.json",
           lambda o: published(o)["districts"][0]["rates"].update(start=-1))
    cases["not-an-object.json"] = "[]\n"
    cases["malformed-double-comma.json"] = dumps(minimal()).replace('"revision": 3,', '"revision": 3,,', 1)

    # --- legal for the schema; only the loader can tell
    mutate("duplicate-district-id.json", lambda o: o["districts"][1].update(id="D-LL"))
    mutate("duplicate-milestone-id.json", lambda o: P(o)["milestones"][1].update(id="P001-M1"))
    mutate("dangling-district.json", lambda o: P(o).update(district_id="D-NONE"))
    mutate("dangling-responsible-unit.json", lambda o: Q(o).update(responsible_unit_id="U-NONE"))
    mutate("dangling-member-unit.json", lambda o: o["task_force"]["member_unit_ids"].append("U-GTJ"))
    mutate("department-shares-district-id.json", lambda o: o["districts"][1].update(id="U-JTJ"))
    mutate("duplicate-report-month.json", lambda o: P(o)["reports"][1].update(month="2016-04"))
    mutate("money-three-decimals.json", lambda o: P(o).update(plan_wan=6000.255))
    mutate("deadline-before-assigned.json", lambda o: Q(o).update(deadline="2016-05-01"))
    mutate("history-illegal-step.json", lambda o: Q(o).update(history=[Q(o)["history"][0], Q(o)["history"][2]]))
    mutate("state-disagrees-with-history.json", lambda o: Q(o)["history"].append(
        {"id": "Q001-A4", "kind": "close_out", "date": "2016-06-02", "by": "醴陵市人民政府", "text": "便道已打通。", "rev": 1}))
    mutate("red-below-yellow.json", lambda o: o["settings"]["warnings"].update(behind_red_points=5))
    mutate("published-month-twice.json",
           lambda o: (lambda first: o["published_rankings"].append(copy.deepcopy(first)))(published(o)))
    mutate("published-month-other-year.json", lambda o: published(o).update(month="2015-12"))
    mutate("published-unit-unknown.json", lambda o: published(o)["departments"][0].update(unit_id=o["districts"][0]["id"]))
    mutate("year-zero-date.json", lambda o: P(o)["milestones"][1].update(planned="0000-12-20"))
    cases["format-version-1.0.json"] = dumps(minimal()).replace('"format_version": 1,', '"format_version": 1.0,', 1)
    cases["duplicate-key.json"] = dumps(minimal()).replace('"name": "醴陵市渌江大道（南桥路至东富段）新建工程",',
                                                           '"name": "醴陵市渌江大道（南桥路至东富段）新建工程",\n'
                                                           '      "name": "另一个名称",', 1)
    cases["invalid-utf8.json"] = dumps(minimal()).encode("utf-8").replace("最小台账示例".encode("utf-8"),
                                                                          b"\xe6\x9c\x80\xff\xfe", 1)
    return cases


def write(folder, cases):
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.endswith(".json"):
            os.remove(os.path.join(folder, old))
    for name, value in sorted(cases.items()):
        data = value if isinstance(value, bytes) else (value if isinstance(value, str) else dumps(value)).encode("utf-8")
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def main():
    good, bad = good_cases(), bad_cases()
    for name, text in [("duplicate-key.json", bad["duplicate-key.json"]),
                       ("format-version-1.0.json", bad["format-version-1.0.json"]),
                       ("malformed-double-comma.json", bad["malformed-double-comma.json"])]:
        assert text != dumps(minimal()), name + ": the replacement did not apply"
    write(os.path.join(DATA, "good"), good)
    write(os.path.join(DATA, "bad"), bad)
    print("make_cases: %d good, %d bad files" % (len(good), len(bad)))


if __name__ == "__main__":
    main()
