#!/usr/bin/env python3
"""Deterministic generator of the demo ledger (assets/demo-ledger.json) and of big benchmark ledgers.

The demo is modelled on Zhuzhou's 2016 plan of the Project Completion Task Force (项目竣工攻坚组):
153 continuing key projects, 59 of them completion targets, this year's plans summing to exactly
736,500万元 (73.65亿元), ten counties/cities/districts, eleven member units, monthly reports from April
to the as-of month (October) and a few dozen assigned problems in every state. Roles and positions
only: no person's name appears anywhere.

Output is the canonical layout of docs/ledger-format.md (the C++ saver writes the same bytes):
json.dumps(..., ensure_ascii=False, indent=2) plus a final newline, keys in model order.

Usage:
    python3 tools/gen_demo_ledger.py                      # writes assets/demo-ledger.json
    python3 tools/gen_demo_ledger.py --check              # exit 1 unless the committed file is reproduced
    python3 tools/gen_demo_ledger.py --projects 10000 --out build/bench/ledger-10k.json

Standard library only. Deterministic: a seeded Mersenne Twister used only through random() (whose
output Python guarantees across versions), no clock, no environment, no set/dict-order dependence.
"""
import argparse
import datetime as dt
import json
import os
import random
import sys
import uuid

# ---------------------------------------------------------------------------------------------
# [SECTION] Fixed facts of the source document
# ---------------------------------------------------------------------------------------------
YEAR = 2016
AS_OF_MONTH = 10                      # reports April..October; "today" is 2016-10-31
TODAY = dt.date(YEAR, 10, 31)
END_2015 = dt.date(2015, 12, 31)
FIRST_REPORT_MONTH = 4                # the campaign is mobilised in April; its first report carries Jan-Apr
DEMO_PROJECTS = 153
DEMO_TARGETS = 59
DEMO_PLAN_WAN = 736500                # 73.65亿元
DEMO_PROBLEMS = 36
OFFICE = "项目竣工攻坚组办公室"
SEED = 20160401

DISTRICTS = [
    # id, name, kind, 区划代码, places, roads, parks, river
    ("D-LS", "芦淞区", "district", "430203", ["董家塅", "白关", "枫溪", "建设南路片区"],
     ["建设南路", "董家塅大道", "芦淞大道", "南环线"], ["芦淞服饰产业集聚区", "董家塅高科园"], "湘江"),
    ("D-HT", "荷塘区", "district", "430202", ["金山", "仙庾", "明照", "宋家桥"],
     ["新华东路", "红旗北路", "荷塘大道", "金山路"], ["金山科技工业园", "荷塘工业集中区"], "湘江"),
    ("D-SF", "石峰区", "district", "430204", ["清水塘", "田心", "龙头铺", "井墈"],
     ["田心大道", "响石岭路", "铜霞路", "清霞路"], ["田心高科园", "清水塘生态科技产业园"], "湘江"),
    ("D-TY", "天元区", "district", "430211", ["栗雨", "马家河", "群丰", "雷打石"],
     ["栗雨路", "长江北路", "黄河北路", "泰山路", "湘芸路", "天易大道"], ["株洲高新区栗雨工业园", "天易科技城"], "湘江"),
    ("D-ZZX", "株洲县", "county", "430221", ["渌口", "淦田", "南洲", "朱亭"],
     ["渌口大道", "渌湘大道", "南洲大道"], ["渌口经济开发区", "株洲县工业园"], "湘江"),
    ("D-LL", "醴陵市", "city", "430281", ["浦口", "孙家湾", "白兔潭", "东富", "嘉树"],
     ["瓷城大道", "南桥路", "渌江大道"], ["醴陵经济开发区陶瓷产业园", "醴陵电瓷电器产业园"], "渌水"),
    ("D-YX", "攸县", "county", "430223", ["网岭", "皇图岭", "酒埠江", "新市"],
     ["攸州大道", "东环路", "联星路"], ["攸县工业集中区", "攸县网岭循环经济园"], "洣水"),
    ("D-CL", "茶陵县", "county", "430224", ["洣江", "火田", "腰潞", "严塘"],
     ["犀城大道", "紫微大道", "茶陵大道"], ["茶陵经济开发区", "茶陵湘东工业园"], "洣水"),
    ("D-YL", "炎陵县", "county", "430225", ["霞阳", "鹿原", "十都", "神农谷"],
     ["炎帝大道", "神农大道", "洣泉路"], ["炎陵工业集中区", "炎陵黄桃产业园"], "沔水"),
    ("D-YLZ", "云龙示范区", "zone", "430200", ["职教城", "云田", "学林", "龙头铺"],
     ["云龙大道", "智慧路", "云峰大道", "职教大道"], ["云龙职教科技园", "云龙发展区产业园"], "白石港"),
]
DISTRICT_WEIGHTS = {"D-LS": 10, "D-HT": 10, "D-SF": 10, "D-TY": 14, "D-ZZX": 9, "D-LL": 13, "D-YX": 11,
                    "D-CL": 8, "D-YL": 6, "D-YLZ": 9}

# id, name, responsible leader (position), responsible person (position)
DEPARTMENTS = [
    ("U-FGW", "市发改委", "市发改委分管副主任", "市发改委重点项目科科长"),
    ("U-JXW", "市经信委", "市经信委分管副主任", "市经信委投资规划科科长"),
    ("U-GTJ", "市国土局", "市国土局分管副局长", "市国土局用地科科长"),
    ("U-ZJJ", "市住建局", "市住建局分管副局长", "市住建局建管科科长"),
    ("U-GHJ", "市规划局", "市规划局分管副局长", "市规划局规划管理科科长"),
    ("U-JTJ", "市交通局", "市交通局分管副局长", "市交通局建设管理科科长"),
    ("U-NYW", "市农业委", "市农业委分管副主任", "市农业委计划财务科科长"),
    ("U-SWJ", "市水务局", "市水务局分管副局长", "市水务局规划建设科科长"),
    ("U-LYJ", "市林业局", "市林业局分管副局长", "市林业局造林绿化科科长"),
    ("U-GZW", "市国资委", "市国资委分管副主任", "市国资委规划发展科科长"),
    ("U-FCJ", "市房产局", "市房产局分管副局长", "市房产局房屋征收科科长"),
]
DEPT = {d[0]: d for d in DEPARTMENTS}
DEPT_BY_NAME = {d[1]: d[0] for d in DEPARTMENTS}

TASK_FORCE_ROLES = [
    ("R-01", "组长", "市住建局局长"),
    ("R-02", "副组长", "市经信委主任"),
    ("R-03", "副组长", "市交通运输局局长"),
    ("R-04", "副组长", "市农业委主任"),
    ("R-05", "副组长", "市发改委副主任"),
    ("R-06", "办公室主任", "市住建局分管副局长"),
    ("R-07", "办公室副主任", "市住建局重点项目科科长"),
]

CITY_LEADERS = [
    ("CL-01", "市委副书记、市长"),
    ("CL-02", "市委常委、常务副市长"),
    ("CL-03", "副市长（分管城建）"),
    ("CL-04", "副市长（分管工业）"),
    ("CL-05", "副市长（分管农业农村）"),
    ("CL-06", "副市长（分管交通）"),
    ("CL-07", "副市长（分管教育卫生）"),
    ("CL-08", "市委常委、副市长（分管国土房产）"),
]

SETTINGS = {
    "warnings": {"behind_yellow_points": 10, "behind_red_points": 30, "funds_red_percent": 100,
                 "late_start_red_months": 3, "due_soon_days": 7},
    "ranking": {"investment_completion_weight": 40, "start_rate_weight": 20, "funds_rate_weight": 20,
                "completion_rate_weight": 20, "bottom_n": 3},
    "indicators": {"schedule_basis": "calendar_months", "schedule_start_month": 4, "milestone_grace_days": 0},
    # The office's qualitative scores (定性评分) are entered at the year-end assessment; the demo
    # ledger is as of October, so none are entered yet.
    "assessment": {"quantitative_weight": 70, "qualitative_weight": 30, "overdue_problem_deduction": 1,
                   "qualitative_scores": []},
}

# ---------------------------------------------------------------------------------------------
# [SECTION] Deterministic randomness (only Random.random() is used: stable across Python versions)
# ---------------------------------------------------------------------------------------------
class Rng:
    def __init__(self, seed):
        self._r = random.Random(seed)

    def random(self):
        return self._r.random()

    def uniform(self, a, b):
        return a + (b - a) * self._r.random()

    def randint(self, a, b):  # inclusive
        return a + int(self._r.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self._r.random() * len(seq))]

    def chance(self, p):
        return self._r.random() < p

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self._r.random() * total
        for item, w in pairs:
            x -= w
            if x < 0:
                return item
        return pairs[-1][0]

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.randint(0, i)
            items[i], items[j] = items[j], items[i]
        return items


# ---------------------------------------------------------------------------------------------
# [SECTION] Small helpers: money, dates, stamps
# ---------------------------------------------------------------------------------------------
def money(cents):
    """Cents of 万元 -> JSON number: int when whole, else a float whose repr has <= 2 decimals."""
    assert cents >= 0
    return cents // 100 if cents % 100 == 0 else cents / 100


def percent(x):
    x = round(x, 2)
    return int(x) if x == int(x) else x


def month_end(year, month):
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def iso(d):
    return d.isoformat()


def stamp(record, by, when):
    record["rev"] = 1
    record["modified_by"] = by
    record["modified_at"] = when
    return record


def ts(d, hour=9, minute=0):
    return "%sT%02d:%02d:00+08:00" % (d.isoformat(), hour, minute)


SETUP_STAMP = ts(dt.date(YEAR, 4, 15), 9, 0)  # the ledger was set up at the April mobilisation

# ---------------------------------------------------------------------------------------------
# [SECTION] Project types: names, contents, owners, milestones
# ---------------------------------------------------------------------------------------------
MILESTONES = {
    "road": [("征地拆迁完成", 10), ("路基工程完成", 45), ("桥涵及管网工程完成", 70), ("路面工程完成", 90), ("竣工验收", 100)],
    "bridge": [("桩基工程完成", 25), ("主墩及承台完成", 45), ("主梁合龙", 75), ("桥面系及附属工程完成", 92), ("竣工通车", 100)],
    "riverbank": [("防洪堤加固完成", 35), ("滨江步道贯通", 60), ("景观绿化工程完成", 85), ("竣工验收", 100)],
    "building": [("基础工程完成", 20), ("主体结构封顶", 55), ("装饰装修完成", 80), ("设备安装调试完成", 92), ("竣工验收", 100)],
    "industry": [("厂房主体完工", 40), ("设备进场安装", 65), ("设备调试", 85), ("试生产", 95), ("竣工投产", 100)],
    "water": [("管网铺设完成", 45), ("构筑物主体完成", 70), ("设备安装调试", 90), ("通水运行", 100)],
    "flood": [("堤身填筑完成", 40), ("护坡护岸工程完成", 70), ("穿堤建筑物完成", 90), ("竣工验收", 100)],
    "port": [("码头水工结构完成", 40), ("堆场及道路完成", 65), ("装卸设备安装", 85), ("竣工验收", 100)],
    "highway": [("路基工程完成", 40), ("桥涵工程完成", 60), ("路面工程完成", 90), ("交工验收", 100)],
    "farm": [("土地平整完成", 35), ("灌排设施完成", 60), ("田间道路完成", 85), ("竣工验收", 100)],
    "forest": [("造林整地完成", 30), ("苗木栽植完成", 65), ("配套设施完成", 90), ("检查验收", 100)],
    "housing": [("房屋征收完成", 20), ("安置房主体封顶", 60), ("配套工程完成", 88), ("交付安置", 100)],
    "power": [("土建工程完成", 45), ("电气设备安装", 75), ("调试", 92), ("投运", 100)],
    "gallery": [("基坑支护完成", 25), ("主体结构完成", 60), ("管线入廊", 85), ("竣工验收", 100)],
}

# type -> department, category, industry code, milestone set, plan range (万元), city leader
TYPES = {
    "road": ("U-ZJJ", "基础设施", "48", "road", (1500, 9000), "CL-03"),
    "bridge": ("U-ZJJ", "基础设施", "48", "bridge", (8000, 30000), "CL-02"),
    "riverbank": ("U-ZJJ", "基础设施", "78", "riverbank", (3000, 12000), "CL-03"),
    "gallery": ("U-GHJ", "基础设施", "48", "gallery", (3000, 10000), "CL-03"),
    "public": ("U-GHJ", "社会民生", "47", "building", (2000, 8000), "CL-03"),
    "hospital": ("U-FGW", "社会民生", "84", "building", (2000, 9000), "CL-07"),
    "school": ("U-FGW", "社会民生", "83", "building", (1200, 6000), "CL-07"),
    "park": ("U-JXW", "产业", "48", "industry", (2000, 9000), "CL-04"),
    "enterprise": ("U-JXW", "产业", "30", "industry", (1500, 12000), "CL-04"),
    "soe": ("U-GZW", "产业", "72", "building", (3000, 15000), "CL-02"),
    "water": ("U-SWJ", "基础设施", "46", "water", (1500, 7000), "CL-03"),
    "sewage": ("U-SWJ", "生态环保", "77", "water", (1500, 6000), "CL-03"),
    "flood": ("U-SWJ", "基础设施", "76", "flood", (2000, 8000), "CL-05"),
    "port": ("U-JTJ", "基础设施", "55", "port", (5000, 15000), "CL-06"),
    "highway": ("U-JTJ", "基础设施", "48", "highway", (2500, 14000), "CL-06"),
    "farm": ("U-NYW", "现代农业", "05", "farm", (800, 4000), "CL-05"),
    "forest": ("U-LYJ", "生态环保", "02", "forest", (600, 3500), "CL-05"),
    "housing": ("U-FCJ", "社会民生", "70", "housing", (2000, 10000), "CL-08"),
    "land": ("U-GTJ", "基础设施", "05", "farm", (800, 4000), "CL-08"),
    "power": ("U-FGW", "基础设施", "44", "power", (2000, 9000), "CL-04"),
}
TYPE_WEIGHTS = [("road", 14), ("bridge", 2), ("riverbank", 2), ("gallery", 2), ("public", 3),
                ("hospital", 7), ("school", 8), ("park", 14), ("enterprise", 16), ("soe", 6),
                ("water", 6), ("sewage", 4), ("flood", 4), ("port", 1), ("highway", 8), ("farm", 4),
                ("forest", 3), ("housing", 8), ("land", 4), ("power", 4)]

PHASES = ["一期", "二期", "三期", "四期"]
CN_NUM = "一二三四五六七八九十"


def _seat(d):
    return d["name"]


SHORT = {"D-LS": "芦淞", "D-HT": "荷塘", "D-SF": "石峰", "D-TY": "天元", "D-ZZX": "渌口", "D-LL": "醴陵",
         "D-YX": "攸州", "D-CL": "茶陵", "D-YL": "炎陵", "D-YLZ": "云龙"}


def _urban(d):
    return d["kind"] in ("district", "zone")


def name_road(g, d):
    road = g.choice(d["roads"])
    kind = g.choice(["新建工程", "提质改造工程", "延伸线工程", "拓改工程"])
    ends = [x for x in d["roads"] + d["places"] if x != road and not road.startswith(x)]
    place_a = g.choice(ends)
    place_b = g.choice([x for x in ends if x != place_a and not x.startswith(place_a) and not place_a.startswith(x)])
    name = "%s%s（%s至%s段）%s" % (d["name"], road, place_a, place_b, kind)
    length = round(g.uniform(1.2, 8.5), 1)
    width = g.choice([24, 30, 36, 40, 50, 60])
    content = "全长%s公里，红线宽度%d米，建设内容包括道路、桥涵、排水、照明、绿化及交通设施工程。" % (length, width)
    owner = g.choice(["%s城市建设投资有限公司" % _seat(d), "%s住房和城乡建设局" % _seat(d),
                      "株洲市城市建设发展集团有限公司"])
    return name, content, owner


def name_bridge(g, d):
    river = d["river"]
    place = g.choice(d["places"])
    if river == "湘江":
        name = "%s%s湘江大桥" % ("" if place.startswith(d["name"][:2]) else "", place)
    else:
        name = "%s%s%s大桥" % (d["name"], place, river)
    length = g.randint(380, 1800)
    content = "主桥采用%s，全长%d米，桥面宽%s米，双向%s车道，含两岸接线工程。" % (
        g.choice(["预应力混凝土连续梁", "斜拉桥", "中承式钢箱拱桥", "矮塔斜拉桥"]), length,
        g.choice(["26.5", "31", "35"]), g.choice(["四", "六"]))
    owner = g.choice(["株洲市城市建设发展集团有限公司", "%s交通建设投资有限公司" % _seat(d)])
    return name, content, owner


def name_riverbank(g, d):
    river = d["river"]
    name = "%s%s风光带（%s段）建设工程" % (d["name"], river, g.choice(d["places"]))
    content = "加固防洪堤%s公里，建设滨江步道、景观绿化%s万平方米及停车场、公厕等配套设施。" % (
        round(g.uniform(1.5, 9.0), 1), round(g.uniform(5, 40), 1))
    owner = "%s城市建设投资有限公司" % _seat(d)
    return name, content, owner


def name_gallery(g, d):
    name = "%s%s地下综合管廊工程" % (d["name"], g.choice(d["roads"]))
    content = "建设地下综合管廊%s公里，纳入给水、电力、通信、燃气等管线，配套监控中心一座。" % round(g.uniform(2, 9), 1)
    owner = "株洲市城市建设发展集团有限公司" if _urban(d) else "%s城市建设投资有限公司" % _seat(d)
    return name, content, owner


def name_public(g, d):
    what = g.choice(["市民中心", "文化艺术中心", "全民健身中心", "档案馆及图书馆", "规划展示馆", "青少年活动中心"])
    name = "%s%s" % (d["name"], what)
    content = "总建筑面积%s万平方米，框架结构，地上%d层、地下%d层，含室外配套工程。" % (
        round(g.uniform(1.5, 6.0), 1), g.randint(3, 9), g.randint(1, 2))
    owner = "%s人民政府" % _seat(d) if d["kind"] != "zone" else "云龙示范区管理委员会"
    return name, content, owner


def name_hospital(g, d):
    hosp = g.choice(["人民医院", "中医医院", "妇幼保健院", "第二人民医院"])
    bldg = g.choice(["住院综合楼", "门急诊医技综合楼", "整体搬迁工程", "内科大楼", "传染病区"])
    if d["kind"] == "district" or d["kind"] == "zone":
        hosp = g.choice(["株洲市中心医院", "株洲市第三医院", "株洲市中医伤科医院", "株洲市二医院",
                         "株洲市妇幼保健院", "%s人民医院" % d["name"]])
        name = "%s%s" % (hosp, bldg)
        owner = hosp
    else:
        name = "%s%s%s" % (d["name"], hosp, bldg)
        owner = "%s%s" % (d["name"], hosp)
    area = round(g.uniform(1.8, 9.5), 1)
    content = "总建筑面积%s万平方米，设置床位%d张，配套医疗设备购置及室外工程。" % (
        area, max(100, int(area * g.uniform(110, 150)) // 50 * 50))
    return name, content, owner


def name_school(g, d):
    if d["id"] == "D-YLZ":
        school = g.choice(["湖南汽车工程职业学院", "湖南化工职业技术学院", "湖南铁路科技职业技术学院",
                           "湖南有色金属职业技术学院"])
        name = "%s%s" % (school, g.choice(["新校区（二期）", "实训楼", "学生公寓及食堂", "图书信息中心"]))
        owner = school
    else:
        school = "%s%s" % (d["name"], g.choice(["第一中学", "第二中学", "第四中学", "实验学校", "职业中专",
                                                "特殊教育学校", "%s中学" % g.choice(d["places"])]))
        name = "%s%s" % (school, g.choice(["新校区建设工程", "改扩建工程", "教学综合楼", "迁建工程"]))
        owner = "%s教育局" % _seat(d)
    content = "新建教学楼、实验楼、图书馆、学生宿舍及运动场，总建筑面积%s万平方米，办学规模%d个班。" % (
        round(g.uniform(1.2, 7.5), 1), g.choice([36, 48, 60, 72, 90]))
    return name, content, owner


def name_park(g, d):
    park = g.choice(d["parks"])
    what = g.choice(["标准厂房", "标准厂房", "基础设施配套工程", "道路管网工程", "孵化中心", "公共服务平台"])
    name = "%s%s（%s）" % (park, what, g.choice(PHASES[:3]))
    if what == "标准厂房":
        content = "建设标准厂房%s万平方米及配套道路、给排水、供电设施。" % round(g.uniform(3, 25), 1)
    elif what in ("基础设施配套工程", "道路管网工程"):
        content = "建设园区道路%s公里及给排水、供电、通信、燃气管网，完善园区承载功能。" % round(g.uniform(2, 12), 1)
    else:
        content = "建设%s大楼及配套用房%s万平方米，提供研发、检测、培训及企业服务。" % (what, round(g.uniform(1, 6), 1))
    owner = "%s管理委员会" % park if ("园" in park or "区" in park) else "%s人民政府" % _seat(d)
    return name, content, owner


# (name, product, kind): "line" builds production lines, "hub" builds service floor space
ENTERPRISE_BY_DISTRICT = {
    "D-LL": [("日用陶瓷智能化生产线技改项目", "日用陶瓷", "line"), ("高压电瓷扩产项目", "高压电瓷", "line"),
             ("艺术陶瓷及陶瓷文化创意产业园", "艺术陶瓷", "line"), ("特种陶瓷材料生产线", "特种陶瓷", "line"),
             ("花炮产业集中区技改项目", "烟花", "line"), ("电瓷电器检测中心", "电瓷电器检测", "hub")],
    "D-YX": [("煤矿整合技改工程", "原煤", "line"), ("新型建材产业园", "新型建材", "line"),
             ("电商物流园", "电商物流", "hub"), ("食品加工产业园", "食品", "line")],
    "D-CL": [("特色农产品加工产业园", "农产品加工", "line"), ("新型墙材生产线", "新型墙材", "line"),
             ("生物医药产业园", "生物医药", "line")],
    "D-YL": [("黄桃深加工项目", "黄桃罐头及果汁", "line"), ("竹木精深加工产业园", "竹木制品", "line"),
             ("水电站增效扩容改造", "水电", "line")],
    "D-ZZX": [("渌口物流园", "仓储物流", "hub"), ("渌口新材料产业园", "新材料", "line"), ("渌口机电产业园", "机电", "line")],
    "D-TY": [("硬质合金深加工项目", "硬质合金", "line"), ("轨道交通电传动系统产业化项目", "电传动系统", "line"),
             ("新能源汽车电机电控产业化项目", "电机电控", "line"), ("高分子新材料产业园", "高分子材料", "line")],
    "D-SF": [("轨道交通装备配套产业园", "轨道交通装备", "line"), ("大功率机车检修基地", "机车检修", "line"),
             ("城轨车辆生产线技改项目", "城轨车辆", "line")],
    "D-HT": [("汽车零部件产业园", "汽车零部件", "line"), ("现代物流中心", "城市配送", "hub")],
    "D-LS": [("通用航空产业园", "通用航空器", "line"), ("服饰智能制造产业园", "服饰", "line"),
             ("航空动力配套产业园", "航空零部件", "line")],
    "D-YLZ": [("现代服务业产业园", "现代服务", "hub"), ("职教科技产业园", "科技服务", "hub"),
              ("电子信息产业园", "电子信息", "line")],
}


def name_enterprise(g, d):
    what, product, kind = g.choice(ENTERPRISE_BY_DISTRICT[d["id"]])
    name = "%s%s" % (d["name"] if not what.startswith("渌口") else "", what)
    if g.chance(0.35):
        name += "（%s）" % g.choice(PHASES[1:3])
    if kind == "line":
        content = "新建厂房及配套设施%s万平方米，建设%s生产线%d条，达产后年产值约%d亿元。" % (
            round(g.uniform(1.5, 15), 1), product, g.randint(1, 6), g.randint(3, 40))
    else:
        content = "建设%s中心及配套用房%s万平方米，达产后年营业收入约%d亿元。" % (
            product, round(g.uniform(1.5, 15), 1), g.randint(2, 20))
    owner = "%s%s%s" % (SHORT[d["id"]], product, g.choice(["有限公司", "股份有限公司", "投资有限公司"]))
    return name, content, owner


def name_soe(g, d):
    what = g.choice(["神农城配套工程", "商务中心", "保障性住房", "城市综合体", "智慧停车场", "公交枢纽站"])
    owner = g.choice(["株洲市国有资产投资控股集团有限公司", "株洲市城市建设发展集团有限公司",
                      "株洲市交通发展集团有限公司"])
    name = "%s%s%s" % (owner[:2] + ("国投" if "国有资产" in owner else "城发" if "城市建设" in owner else "交发"),
                       d["name"], what)
    content = "总建筑面积%s万平方米，建设%s及配套设施。" % (round(g.uniform(2, 20), 1), what)
    return name, content, owner


def name_water(g, d):
    what = g.choice(["水厂扩建工程", "城区供水管网改造工程", "乡镇供水工程", "二次供水设施改造工程"])
    name = "%s%s%s" % (d["name"], g.choice(d["places"]) if "水厂" in what else "", what)
    if "水厂" in what:
        content = "新增日供水能力%d万吨，新建及改造供水管网%s公里。" % (g.randint(2, 20), round(g.uniform(8, 60), 1))
    elif "乡镇" in what:
        content = "新建乡镇水厂%d座，铺设供水管网%s公里，解决%s万农村人口饮水安全。" % (
            g.randint(2, 6), round(g.uniform(20, 120), 1), round(g.uniform(1, 8), 1))
    elif "二次" in what:
        content = "改造老旧小区二次供水泵房%d座，更换入户管网，惠及居民约%d万户。" % (g.randint(20, 120), g.randint(1, 6))
    else:
        content = "改造城区老旧供水管网%s公里，新建加压泵站%d座。" % (round(g.uniform(20, 90), 1), g.randint(1, 3))
    owner = "株洲市水务投资集团有限公司" if d["kind"] == "district" else "%s自来水公司" % _seat(d)
    return name, content, owner


def name_sewage(g, d):
    what = g.choice(["污水处理厂提标改造工程", "污水处理厂（二期）工程", "截污管网工程", "黑臭水体整治工程"])
    name = "%s%s%s" % (d["name"], g.choice(d["places"]), what)
    if "处理厂" in what:
        content = "处理规模%d万吨/日，出水执行一级A标准，新建配套污水管网%s公里。" % (g.randint(2, 15), round(g.uniform(5, 40), 1))
    else:
        content = "新建截污干管%s公里，实施清淤疏浚、生态护岸及补水工程，消除黑臭水体%d处。" % (
            round(g.uniform(3, 25), 1), g.randint(1, 5))
    owner = "株洲市水务投资集团有限公司" if d["kind"] == "district" else "%s住房和城乡建设局" % _seat(d)
    return name, content, owner


def name_flood(g, d):
    river = d["river"]
    place = g.choice(d["places"])
    name = "%s%s%s段防洪治理工程" % (d["name"], river, place)
    content = "加固及新建堤防%s公里，建设护岸、排涝泵站%d座及穿堤建筑物，防洪标准提高到%d年一遇。" % (
        round(g.uniform(2, 15), 1), g.randint(1, 4), g.choice([20, 50, 100]))
    owner = "%s水利局" % _seat(d) if d["kind"] != "district" else "株洲市水务投资集团有限公司"
    return name, content, owner


def name_port(g, d):
    place = g.choice(["渌口", "铜塘湾", "霞湾"]) if d["id"] in ("D-ZZX", "D-SF") else "渌口"
    name = "株洲港%s港区%s" % (place, g.choice(["综合码头工程", "集装箱码头工程", "散货码头（二期）工程"]))
    content = "新建%d个1000吨级泊位，年吞吐能力%d万吨，配套堆场、仓库及集疏运道路。" % (g.randint(2, 6), g.randint(150, 600))
    owner = "株洲市湘江航运建设开发有限公司"
    return name, content, owner


def name_highway(g, d):
    route = g.choice(["S211", "S315", "S320", "G106", "G320", "X012", "S341"])
    a, b = g.choice(d["places"]), g.choice(d["places"])
    if a == b:
        b = d["name"] + "城区"
    name = "%s%s%s至%s段公路改建工程" % (route, d["name"], a, b)
    content = "按%s公路标准改建，全长%s公里，路基宽%d米，含桥梁%d座。" % (
        g.choice(["一级", "二级"]), round(g.uniform(6, 40), 1), g.choice([12, 20, 24, 33]), g.randint(1, 8))
    owner = "%s交通运输局" % _seat(d)
    return name, content, owner


def name_farm(g, d):
    what = g.choice(["高标准农田建设项目", "现代农业示范园", "农业综合开发项目", "小型农田水利重点县项目"])
    name = "%s%s" % (d["name"], what)
    content = "建设高标准农田%s万亩，配套灌排渠系%s公里、机耕道路%s公里。" % (
        round(g.uniform(0.5, 5), 1), round(g.uniform(10, 80), 1), round(g.uniform(5, 40), 1))
    owner = "%s农业局" % _seat(d)
    return name, content, owner


def name_forest(g, d):
    what = g.choice(["生态廊道造林绿化工程", "森林公园基础设施工程", "湘江流域生态修复工程"] +
                    ([] if _urban(d) else ["石漠化综合治理工程"]))
    name = "%s%s%s" % (d["name"], g.choice(d["places"]), what)
    content = "完成造林绿化%s万亩，建设生态步道%s公里及防火、管护设施。" % (round(g.uniform(0.3, 3), 1), round(g.uniform(5, 30), 1))
    owner = "%s林业局" % _seat(d)
    return name, content, owner


def name_housing(g, d):
    place = g.choice(d["places"])
    name = "%s%s棚户区改造项目" % (d["name"], place)
    if g.chance(0.3):
        name = "%s%s安置小区（%s）" % (d["name"], place, g.choice(PHASES))
    content = "征收房屋%d户，新建安置房%d套，建筑面积%s万平方米，配套道路、管网及公共服务设施。" % (
        g.randint(300, 2500), g.randint(500, 3000), round(g.uniform(5, 30), 1))
    owner = "%s房屋征收与补偿办公室" % _seat(d) if d["kind"] != "zone" else "云龙示范区管理委员会"
    return name, content, owner


def name_land(g, d):
    name = "%s%s土地整理项目" % (d["name"], g.choice(d["places"]))
    content = "整理土地%s万亩，新增耕地%d亩，配套田间道路及沟渠。" % (round(g.uniform(0.5, 3), 1), g.randint(300, 3000))
    owner = "%s国土资源局" % _seat(d)
    return name, content, owner


def name_power(g, d):
    kv = g.choice([110, 220])
    name = "%s%s%d千伏输变电工程" % (d["name"], g.choice(d["places"]), kv)
    content = "新建%d千伏变电站一座，主变容量%d万千伏安，新建线路%s公里。" % (kv, g.choice([10, 18, 36, 48]), round(g.uniform(5, 45), 1))
    owner = "国网湖南省电力公司株洲供电分公司"
    return name, content, owner


NAMERS = {"road": name_road, "bridge": name_bridge, "riverbank": name_riverbank, "gallery": name_gallery,
          "public": name_public, "hospital": name_hospital, "school": name_school, "park": name_park,
          "enterprise": name_enterprise, "soe": name_soe, "water": name_water, "sewage": name_sewage,
          "flood": name_flood, "port": name_port, "highway": name_highway, "farm": name_farm,
          "forest": name_forest, "housing": name_housing, "land": name_land, "power": name_power}

# Hand-picked projects that open the list (type, district, name, content, owner).
CURATED = [
    ("riverbank", "D-TY", "株洲湘江风光带（河西段）提质改造工程", "提质改造湘江西岸风光带6.8公里，建设滨江步道、亲水平台、景观绿化及配套服务设施。", "株洲市城市建设发展集团有限公司"),
    ("bridge", "D-SF", "湘江清水塘大桥", "主桥采用中承式钢箱拱桥，全长1650米，桥面宽33米，双向六车道，含两岸接线工程。", "株洲市城市建设发展集团有限公司"),
    ("bridge", "D-LS", "湘江枫溪大桥", "主桥采用矮塔斜拉桥，全长1980米，桥面宽31米，双向六车道，含两岸接线及互通工程。", "株洲市城市建设发展集团有限公司"),
    ("bridge", "D-ZZX", "渌口湘江大桥", "主桥采用预应力混凝土连续刚构，全长1216米，桥面宽26.5米，双向四车道。", "株洲县交通建设投资有限公司"),
    ("port", "D-ZZX", "株洲港渌口港区综合码头工程", "新建4个1000吨级泊位，年吞吐能力300万吨，配套堆场、仓库及集疏运道路。", "株洲市湘江航运建设开发有限公司"),
    ("park", "D-ZZX", "渌口经济开发区标准厂房（二期）", "建设标准厂房12万平方米及园区道路、供排水、供电等配套设施。", "渌口经济开发区管理委员会"),
    ("park", "D-LL", "醴陵经济开发区陶瓷产业园标准厂房（三期）", "建设标准厂房15万平方米，配套窑炉天然气管网、园区道路及污水处理设施。", "醴陵经济开发区管理委员会"),
    ("enterprise", "D-LL", "醴陵日用陶瓷智能化生产线技改项目", "引进自动成型、施釉及隧道窑智能控制系统，改造日用陶瓷生产线8条，年新增产能3000万件。", "醴陵日用陶瓷股份有限公司"),
    ("park", "D-LL", "醴陵电瓷电器产业园基础设施工程", "建设园区道路5.6公里及给排水、电力、通信管网，配套电瓷电器检测中心。", "醴陵经济开发区管理委员会"),
    ("public", "D-LL", "醴陵陶瓷会展中心", "总建筑面积4.2万平方米，含展览馆、会议中心及陶瓷文化广场。", "醴陵市人民政府"),
    ("hospital", "D-LL", "醴陵市人民医院住院综合楼", "总建筑面积5.6万平方米，设置床位800张，配套医疗设备购置。", "醴陵市人民医院"),
    ("flood", "D-LL", "醴陵市渌水城区段防洪治理工程", "加固及新建堤防9.4公里，建设排涝泵站3座，防洪标准提高到50年一遇。", "醴陵市水利局"),
    ("power", "D-YX", "攸县煤矸石综合利用电厂（二期）", "建设2台300兆瓦循环流化床机组及配套输煤、除灰、脱硫脱硝设施。", "攸县能源投资有限公司"),
    ("park", "D-YX", "攸县网岭循环经济园基础设施工程", "建设园区道路、给排水及供热管网，配套固废综合利用中心。", "攸县网岭循环经济园管理委员会"),
    ("enterprise", "D-YX", "攸县煤矿整合技改工程", "整合技改煤矿6处，建设安全监测监控、井下人员定位等系统，年产原煤90万吨。", "攸县原煤有限公司"),
    ("hospital", "D-YX", "攸县人民医院整体搬迁工程", "总建筑面积8.3万平方米，设置床位1000张，含门诊、医技、住院及后勤保障用房。", "攸县人民医院"),
    ("riverbank", "D-YX", "攸县洣水风光带建设工程", "建设洣水两岸防洪堤及滨水景观带4.5公里，配套步道、广场及绿化。", "攸县城市建设投资有限公司"),
    ("highway", "D-YX", "S211攸县至茶陵段公路改建工程", "按一级公路标准改建，全长28.6公里，路基宽24米，含桥梁6座。", "攸县交通运输局"),
    ("highway", "D-LL", "醴陵至攸县公路醴陵段改建工程", "按一级公路标准改建，全长21.3公里，路基宽24米，含桥梁4座。", "醴陵市交通运输局"),
    ("hospital", "D-TY", "株洲市中心医院门急诊医技综合楼", "总建筑面积6.9万平方米，含门急诊、医技及地下停车库。", "株洲市中心医院"),
    ("school", "D-TY", "株洲市第二中学新校区建设工程", "新建教学楼、实验楼、图书馆、学生宿舍及运动场，总建筑面积7.2万平方米，办学规模72个班。", "株洲市教育局"),
    ("school", "D-YLZ", "云龙职教城公共实训基地", "建设公共实训楼、技能鉴定中心及学生服务中心，总建筑面积5.1万平方米。", "云龙示范区管理委员会"),
    ("road", "D-YLZ", "云龙大道北延线工程", "全长6.2公里，红线宽度60米，含道路、桥涵、排水、照明、绿化及交通设施。", "云龙示范区城市建设投资有限公司"),
    ("park", "D-TY", "株洲高新区栗雨工业园标准厂房（三期）", "建设标准厂房18万平方米及配套道路管网。", "株洲高新技术产业开发区管理委员会"),
    ("park", "D-SF", "田心轨道交通装备产业园配套工程", "建设产业园道路、管网及公共研发检测平台，总建筑面积6.5万平方米。", "石峰区人民政府"),
    ("soe", "D-SF", "清水塘老工业区搬迁改造基础设施工程", "建设区域路网12公里、污染土壤修复及配套管网。", "株洲市国有资产投资控股集团有限公司"),
    ("park", "D-LS", "芦淞服饰产业集聚区市场群提质改造工程", "改造市场群消防、通道、停车及立面，新建服饰物流配送中心。", "芦淞区人民政府"),
    ("enterprise", "D-LS", "株洲通用航空产业园（董家塅）", "建设通用航空发动机及零部件研发制造基地、试飞跑道及配套设施。", "株洲通用航空产业投资有限公司"),
    ("enterprise", "D-HT", "金山科技工业园汽车零部件产业园", "建设汽车零部件标准厂房10万平方米，引进配套企业生产线。", "荷塘区人民政府"),
    ("water", "D-HT", "株洲市一水厂扩建工程", "新增日供水能力20万吨，新建配水管网22公里。", "株洲市水务投资集团有限公司"),
    ("sewage", "D-SF", "白石港水质净化中心（二期）工程", "处理规模10万吨/日，出水执行一级A标准，新建截污管网12公里。", "株洲市水务投资集团有限公司"),
    ("flood", "D-HT", "湘江株洲段建宁港至白石港防洪堤加固工程", "加固湘江防洪堤7.2公里，新建排涝泵站2座，整治建宁港、白石港出口段。", "株洲市水务投资集团有限公司"),
    ("forest", "D-YL", "炎陵县神农谷国家森林公园基础设施工程", "建设景区游步道18公里、防火通道及管护设施，完成林相改造0.8万亩。", "炎陵县林业局"),
    ("flood", "D-YL", "炎陵县城沔水防洪工程", "新建及加固堤防6.5公里，建设护岸及排涝闸3座。", "炎陵县水利局"),
    ("park", "D-CL", "茶陵经济开发区标准厂房（二期）", "建设标准厂房8万平方米及园区道路、供排水设施。", "茶陵经济开发区管理委员会"),
    ("bridge", "D-CL", "茶陵县洣水二桥", "主桥采用预应力混凝土连续梁，全长620米，桥面宽26米，双向四车道。", "茶陵县交通建设投资有限公司"),
    ("farm", "D-CL", "茶陵县高标准农田建设项目", "建设高标准农田3.2万亩，配套灌排渠系46公里、机耕道路28公里。", "茶陵县农业局"),
    ("housing", "D-ZZX", "株洲县渌口镇棚户区改造项目", "征收房屋1200户，新建安置房1500套，建筑面积16万平方米。", "株洲县房屋征收与补偿办公室"),
    ("forest", "D-HT", "荷塘区仙庾岭生态廊道造林绿化工程", "完成造林绿化1.2万亩，建设生态步道15公里。", "荷塘区林业局"),
    ("gallery", "D-TY", "天元区马家河地下综合管廊工程", "建设地下综合管廊4.8公里，纳入给水、电力、通信、燃气等管线。", "株洲市城市建设发展集团有限公司"),
    ("public", "D-TY", "株洲市规划展示馆", "总建筑面积2.6万平方米，含城市规划展示、档案及会议功能。", "株洲市城乡规划局"),
    ("power", "D-SF", "石峰区龙头铺220千伏输变电工程", "新建220千伏变电站一座，主变容量36万千伏安，新建线路24公里。", "国网湖南省电力公司株洲供电分公司"),
    ("road", "D-TY", "天元区栗雨路（泰山路至天易大道段）新建工程", "全长4.3公里，红线宽度50米，含道路、排水、照明、绿化及交通设施工程。", "株洲市城市建设发展集团有限公司"),
    ("housing", "D-SF", "石峰区清水塘棚户区改造项目", "征收房屋2100户，新建安置房2600套，配套道路管网及学校。", "石峰区房屋征收与补偿办公室"),
    ("land", "D-YX", "攸县皇图岭土地整理项目", "整理土地1.6万亩，新增耕地1200亩，配套田间道路及沟渠。", "攸县国土资源局"),
]

# Progress text for a month, by type, from the stage reached.
STAGE_WORK = {
    "road": ["征地拆迁", "路基土石方", "桥涵及雨污管网", "路面水稳层及沥青面层", "交安及绿化收尾"],
    "bridge": ["桩基施工", "主墩及承台", "主梁节段浇筑", "桥面系及附属", "荷载试验及收尾"],
    "riverbank": ["堤身加固", "步道及挡墙", "景观绿化", "配套设施收尾"],
    "building": ["基础工程", "主体结构", "砌体及装饰装修", "设备安装", "室外配套及收尾"],
    "industry": ["厂房主体", "设备进场安装", "设备调试", "试生产", "竣工验收准备"],
    "water": ["管网铺设", "构筑物主体", "设备安装调试", "通水试运行"],
    "flood": ["堤身填筑", "护坡护岸", "穿堤建筑物", "收尾"],
    "port": ["码头水工结构", "堆场及道路", "装卸设备安装", "收尾"],
    "highway": ["路基工程", "桥涵工程", "路面工程", "交安收尾"],
    "farm": ["土地平整", "灌排设施", "田间道路", "收尾"],
    "forest": ["造林整地", "苗木栽植", "配套设施", "抚育管护"],
    "housing": ["房屋征收", "安置房主体", "配套工程", "交付准备"],
    "power": ["土建工程", "电气设备安装", "调试", "投运准备"],
    "gallery": ["基坑支护", "主体结构", "管线入廊", "收尾"],
}

ISSUE_TEXT = {  # templates with one number, of the kind named
    "land": [("项目建设用地%d亩报批未完成，用地指标尚未落实", "mu"), ("征地拆迁剩余%d户未签约，施工无法全面进场", "hu"),
             ("部分地块涉及基本农田调整，约%d亩用地未能供地", "mu")],
    "traffic": [("施工期间交通组织方案未获批复，需半幅封闭施工约%d天", "days"), ("跨线施工需铁路部门配合，天窗点%d次未落实", "items")],
    "road": [("进场施工便道约%d米未打通，需协调沿线村组", "meters"), ("既有道路破损严重，土方外运线路约%d米需临时改道", "meters")],
    "power": [("施工临时用电未接通，需新增变压器容量%d千伏安", "kva"), ("%d千伏高压线路迁改滞后，影响主体施工", "kv")],
    "funding": [("年度计划资金缺口%d万元，财政配套资金未到位", "gap"), ("银行贷款%d万元未按期发放，施工单位垫资困难", "gap")],
    "approval": [("施工许可证未办理，消防设计审查需补充资料%d项", "items"), ("环评批复未取得，需补充专项论证%d项", "items"),
                 ("建设工程规划许可证未核发，方案需调整%d处", "items")],
    "other": [("燃气、通信等管线迁改涉及%d家产权单位，协调进度缓慢", "items"), ("周边群众阻工%d次，需属地政府协调", "items")],
}


def issue_number(g, kind, plan_cents):
    if kind == "gap":  # a share of the year's plan, in tens of 万元
        return max(10, int(plan_cents / 100 * g.uniform(0.2, 0.6)) // 10 * 10)
    if kind == "kv":
        return g.choice([10, 35, 110, 220])
    lo, hi = {"mu": (30, 400), "hu": (5, 120), "days": (30, 180), "meters": (200, 2500), "kva": (400, 2000),
              "items": (2, 6)}[kind]
    n = g.randint(lo, hi)
    return n // 10 * 10 if kind in ("meters", "kva", "days") else n


ISSUE_SHORT = {"land": "征地拆迁受阻", "traffic": "交通组织未批复", "road": "施工便道未打通", "power": "电力迁改滞后",
               "funding": "建设资金不到位", "approval": "审批手续未办结", "other": "管线迁改及阻工"}
SOLVED_TEXT = {
    "land": ["用地报批已获批复，建设用地已交付施工单位", "剩余拆迁户已全部签约并腾地，施工已全面进场"],
    "traffic": ["交通组织方案已获交警部门批复，半幅施工已实施", "铁路天窗点已落实，跨线施工已完成"],
    "road": ["施工便道已打通并硬化，土方外运线路已落实", "已协调沿线村组完成便道建设"],
    "power": ["临时用电已接通，新增变压器已投运", "高压线路迁改已完成，主体施工已恢复"],
    "funding": ["财政配套资金已拨付到位，资金缺口已解决", "银行贷款已发放到位，工程款已支付"],
    "approval": ["施工许可证已核发", "环评已获批复", "建设工程规划许可证已核发"],
    "other": ["管线迁改已全部完成", "经属地政府协调，阻工问题已解决，施工恢复正常"],
}
ISSUE_UNITS = {
    "land": ["U-GTJ", "district"], "traffic": ["U-JTJ", "district"], "road": ["district", "U-ZJJ"],
    "power": ["U-JXW", "U-FGW"], "funding": ["district", "U-FGW", "U-GZW"],
    "approval": ["U-GHJ", "U-ZJJ", "U-FGW", "U-GTJ", "U-LYJ", "U-SWJ"], "other": ["district", "U-ZJJ"],
}

# ---------------------------------------------------------------------------------------------
# [SECTION] The generator
# ---------------------------------------------------------------------------------------------
def scaled(n, demo_value, demo_total=DEMO_PROJECTS):
    return (demo_value * n + demo_total // 2) // demo_total


def split_counts(n, shares):
    """Largest-remainder split of n by (key, share) pairs; deterministic."""
    total = sum(s for _, s in shares)
    raw = [(k, n * s / total) for k, s in shares]
    counts = {k: int(x) for k, x in raw}
    rest = n - sum(counts.values())
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i][1] - int(raw[i][1])), i))
    for i in order[:rest]:
        counts[raw[i][0]] += 1
    return counts


def distribute(g, total_cents, weights, fractional):
    """Splits total_cents over weights; whole 万元 unless `fractional`; exact sum."""
    unit = 1 if fractional else 100
    wsum = sum(weights)
    if total_cents == 0 or wsum == 0:
        return [0] * len(weights)
    units = total_cents // unit
    parts = [int(units * w / wsum) for w in weights]
    rest = units - sum(parts)
    nonzero = [i for i, w in enumerate(weights) if w > 0]
    k = 0
    while rest > 0:
        parts[nonzero[k % len(nonzero)]] += 1
        rest -= 1
        k += 1
    parts = [p * unit for p in parts]
    parts[nonzero[-1]] += total_cents - sum(parts)
    return parts


class Generator:
    def __init__(self, n_projects, seed=SEED):
        self.n = n_projects
        self.g = Rng(seed + n_projects)
        self.width = max(3, len(str(n_projects)))
        self.n_targets = DEMO_TARGETS if n_projects == DEMO_PROJECTS else scaled(n_projects, DEMO_TARGETS)
        self.plan_total_cents = (DEMO_PLAN_WAN if n_projects == DEMO_PROJECTS
                                 else scaled(n_projects, DEMO_PLAN_WAN)) * 100
        self.n_problems = DEMO_PROBLEMS if n_projects == DEMO_PROJECTS else scaled(n_projects, DEMO_PROBLEMS)
        self.districts = [dict(id=d[0], name=d[1], kind=d[2], code=d[3], places=d[4], roads=d[5], parks=d[6],
                               river=d[7]) for d in DISTRICTS]
        self.district = {d["id"]: d for d in self.districts}
        self.names = set()

    # -- identity ------------------------------------------------------------------------------
    def unique_name(self, name):
        if name not in self.names:
            self.names.add(name)
            return name
        k = 2
        while True:
            candidate = "%s（第%d标段）" % (name, k)
            if candidate not in self.names:
                self.names.add(candidate)
                return candidate
            k += 1

    def identities(self):
        g = self.g
        out = []
        for i in range(self.n):
            if i < len(CURATED):
                ptype, did, name, content, owner = CURATED[i]
            else:
                ptype = g.weighted(TYPE_WEIGHTS)
                if ptype == "port":
                    did = g.choice(["D-ZZX", "D-SF"])
                else:
                    did = g.weighted(sorted(DISTRICT_WEIGHTS.items()))
                for _ in range(4):
                    name, content, owner = NAMERS[ptype](g, self.district[did])
                    if name not in self.names:
                        break
            out.append(dict(ptype=ptype, district_id=did, name=self.unique_name(name), content=content,
                            owner_unit=owner))
        return out

    # -- money and progress profiles ---------------------------------------------------------
    def assign_profiles(self, projects):
        g = self.g
        idx = list(range(self.n))
        g.shuffle(idx)
        targets = set(idx[:self.n_targets])
        others = idx[self.n_targets:]
        tcounts = split_counts(self.n_targets, [("done", 35), ("near", 15), ("late", 9)])
        tlist = [i for i in idx[:self.n_targets]]
        k = 0
        for prof in ("done", "near", "late"):
            for _ in range(tcounts[prof]):
                projects[tlist[k]]["profile"] = prof
                k += 1
        ocounts = split_counts(len(others), [("not_started", 4), ("stalled", 7), ("red", 8), ("yellow", 20),
                                             ("on_track", 35), ("ahead", 20)])
        k = 0
        for prof in ("not_started", "stalled", "red", "yellow", "on_track", "ahead"):
            for _ in range(ocounts[prof]):
                projects[others[k]]["profile"] = prof
                k += 1
        for i, p in enumerate(projects):
            p["completion_target"] = i in targets
            p["short_funds"] = p["profile"] in ("stalled", "red", "late") and g.chance(0.5) or g.chance(0.08)
            if p["profile"] in ("stalled", "red", "yellow", "late", "not_started") or p["short_funds"]:
                if p["short_funds"] and g.chance(0.6):
                    p["issue"] = "funding"
                elif p["profile"] == "not_started":
                    p["issue"] = g.choice(["approval", "land", "approval", "funding"])
                else:
                    p["issue"] = g.choice(["land", "traffic", "road", "power", "funding", "approval", "other",
                                           "land", "approval"])
            else:
                p["issue"] = None

    def assign_plans(self, projects):
        g = self.g
        weights = []
        for p in projects:
            lo, hi = TYPES[p["ptype"]][4]
            weights.append(g.uniform(lo, hi))
        total_wan = self.plan_total_cents // 100
        wsum = sum(weights)
        raw = [total_wan * w / wsum for w in weights]
        plans = [max(1, int(x)) for x in raw]
        rest = total_wan - sum(plans)
        order = sorted(range(self.n), key=lambda i: (-(raw[i] - int(raw[i])), i))
        j = 0
        while rest != 0:
            i = order[j % self.n]
            if rest > 0:
                plans[i] += 1
                rest -= 1
            elif plans[i] > 1:
                plans[i] -= 1
                rest += 1
            j += 1
        cents = [p * 100 for p in plans]
        # Some plans carry decimals (moved in pairs so that the total stays exact).
        frac = [i for i in range(self.n) if g.chance(0.16)]
        for a, b in zip(frac[0::2], frac[1::2]):
            d = g.choice([50, 50, 25, 5, g.randint(1, 99)])
            cents[a] += d
            cents[b] -= d
        for p, c in zip(projects, cents):
            p["plan"] = c
            p["fractional"] = c % 100 != 0 or g.chance(0.1)

    def money_and_dates(self, p):
        g = self.g
        plan = p["plan"]
        prof = p["profile"]
        if p["completion_target"]:
            # finishing this year: total = before + plan + a small tail (settlement next year)
            share = g.uniform(0.18, 0.6)            # this year's plan as a share of the total
            total = int(plan / share)
            tail = int(total * g.uniform(0.0, 0.03))
            before = total - plan - tail
            month = g.randint(5, 12)
            planned = dt.date(YEAR, month, g.choice([15, 20, 25, 28, 30]) if month != 2 else 28)
            if prof == "late":
                planned = dt.date(YEAR, g.randint(5, 9), g.choice([15, 20, 30]))
            elif prof == "near":
                planned = dt.date(YEAR, g.randint(11, 12), g.choice([15, 20, 25, 30]))
        else:
            k = g.uniform(2.2, 7.5)
            total = int(plan * k)
            f = g.uniform(0.1, 0.55) if prof != "not_started" else g.uniform(0.01, 0.06)
            before = int((total - plan) * f)
            yr = g.weighted([(2017, 5), (2018, 4), (2019, 2)])
            planned = dt.date(yr, g.randint(1, 12), g.choice([15, 20, 25, 28]))
        # round total/before to whole 万元 (sometimes tenths) so that they read like real figures
        total = (total // 100) * 100
        before = (before // 100) * 100
        if p["fractional"] and g.chance(0.5):
            total += g.choice([50, 30, 80])
        if total < before + plan:
            total = before + plan + 100 * g.randint(0, 50)
        p["total"], p["before"], p["planned_completion"] = total, before, planned

    def reports(self, p):
        """Monthly investment April..October, percent complete, funds in place; start/completion dates."""
        g = self.g
        prof, plan, total, before = p["profile"], p["plan"], p["total"], p["before"]
        months = list(range(FIRST_REPORT_MONTH, AS_OF_MONTH + 1))
        ratio = {"done": g.uniform(0.95, 1.02), "near": g.uniform(0.80, 0.93), "late": g.uniform(0.55, 0.76),
                 "ahead": g.uniform(0.93, 1.08), "on_track": g.uniform(0.76, 0.9), "yellow": g.uniform(0.56, 0.71),
                 "red": g.uniform(0.22, 0.5), "stalled": g.uniform(0.2, 0.45), "not_started": 0.0}[prof]
        this_year = min(int(plan * ratio), total - before)
        weights = [4 * g.uniform(0.55, 0.9)] + [g.uniform(0.6, 1.4) for _ in months[1:]]
        stall_from = None
        done_month = None
        if prof == "stalled":
            stall_from = g.randint(6, 8)            # no investment from this month on
            weights = [w if m < stall_from else 0 for w, m in zip(weights, months)]
        if prof == "done":
            done_month = min(AS_OF_MONTH, max(5, p["planned_completion"].month + g.choice([-2, -1, 0, 0, 0, 1])))
            weights = [w * (1.3 if m == done_month else 1) if m <= done_month else 0 for w, m in zip(weights, months)]
        if prof == "not_started":
            weights = [0 for _ in months]
        inv = distribute(g, this_year, weights, p["fractional"])
        # percent complete: physical progress, roughly money-based, never decreasing
        q = g.uniform(0.93, 1.04)
        pct0 = 0.0 if prof == "not_started" else min(95.0, 100.0 * before / total * q)
        digits = 2 if p["fractional"] else g.choice([0, 1, 1, 1])
        pcts, cum = [], 0
        last = pct0
        for m, x in zip(months, inv):
            cum += x
            if prof == "not_started":
                val = 0.0
            elif done_month is not None and m >= done_month:
                val = 100.0
            else:
                val = min(99.0, 100.0 * (before + cum) / total * q)
            val = max(last, round(val, digits))
            pcts.append(val)
            last = val
        # funds in place: cumulative this year, stepwise, short for some projects
        req = int(plan * g.uniform(1.0, 1.15)) // 100 * 100 if not p["fractional"] else plan
        if prof == "not_started":
            final_funds = int(req * g.uniform(0.05, 0.3)) // 100 * 100
        elif p["short_funds"]:
            final_funds = int(req * g.uniform(0.35, 0.65)) // 100 * 100
        else:
            final_funds = min(req, max(this_year, int(req * g.uniform(0.82, 1.0)))) // 100 * 100
            final_funds = max(final_funds, min(req, this_year))
        fw = [g.uniform(0.5, 1.5) for _ in months]
        fw[0] *= 3
        fsteps = distribute(g, final_funds, fw, False) if final_funds else [0] * len(months)
        funds, c = [], 0
        for x in fsteps:
            c += x
            funds.append(c)
        p.update(inv=inv, pcts=pcts, pct0=pct0, funds=funds, funds_required=req, funds_in_place=funds[-1],
                 stall_from=stall_from, done_month=done_month, this_year=this_year)
        p["report_funds"] = g.chance(0.85)

    def schedule(self, p):
        """Start date from the plan's linear trajectory; milestones with planned and actual dates."""
        g = self.g
        C = p["planned_completion"]
        prof = p["profile"]
        if prof == "not_started":
            start = dt.date(YEAR, g.randint(4, 8), g.choice([1, 10, 15, 20]))
            p["actual_start"] = None
            p["start_year"] = 2015
            plan_start = start
        else:
            p0 = max(2.0, min(95.0, p["pct0"]))
            days = (C - END_2015).days
            back = int(days * p0 / (100.0 - p0))
            start = END_2015 - dt.timedelta(days=back)
            start = max(dt.date(2011, 3, 1), min(dt.date(2015, 11, 28), start))
            start = start + dt.timedelta(days=g.randint(-10, 10))
            p["actual_start"] = start
            p["start_year"] = start.year
            plan_start = start
        # trajectory points of the actual progress: (date, percent)
        points = [] if prof == "not_started" else [(p["actual_start"], 0.0), (END_2015, p["pct0"])]
        for m, v in zip(range(FIRST_REPORT_MONTH, AS_OF_MONTH + 1), p["pcts"]):
            if prof != "not_started":
                points.append((month_end(YEAR, m), v))
        ms_def = list(MILESTONES[TYPES[p["ptype"]][3]])
        if prof == "not_started":
            ms_def = [("施工许可办理完成", 0), ("开工建设", 1)] + ms_def[1:]
        want = g.randint(3, 5)
        while len(ms_def) > want:
            del ms_def[g.randint(1 if prof != "not_started" else 2, len(ms_def) - 2)]
        span = (C - plan_start).days
        milestones = []
        completion = None
        for j, (mname, thr) in enumerate(ms_def):
            if prof == "not_started" and thr <= 1:
                planned = plan_start - dt.timedelta(days=(45 if thr == 0 else 0))
            else:
                planned = plan_start + dt.timedelta(days=int(span * thr / 100.0))
            if thr >= 100:
                planned = C
            actual = None
            if prof != "not_started":
                for (d0, v0), (d1, v1) in zip(points, points[1:]):
                    if v1 >= thr > v0 or (thr == 0 and v1 > 0):
                        f = (thr - v0) / (v1 - v0) if v1 > v0 else 1.0
                        actual = d0 + dt.timedelta(days=max(1, int((d1 - d0).days * f)))
                        break
                if thr <= p["pct0"] and actual is None and thr < 100:
                    actual = END_2015 - dt.timedelta(days=g.randint(20, 200))
            if actual is not None and actual > TODAY:
                actual = TODAY
            if thr >= 100 and p["done_month"] is not None:
                actual = dt.date(YEAR, p["done_month"], g.randint(5, 20))
                completion = actual
            milestones.append([mname, planned, actual])
        # nothing is reached before the start or after the completion, and actual dates never go
        # backwards along the plan order
        for ms in milestones:
            if ms[2] is not None and p["actual_start"] is not None and ms[2] <= p["actual_start"]:
                ms[2] = p["actual_start"] + dt.timedelta(days=1)
            if ms[2] is not None and completion is not None and ms[2] > completion:
                ms[2] = completion
        prev = None
        for ms in milestones:
            if ms[2] is not None:
                if prev is not None and ms[2] < prev:
                    ms[2] = prev
                prev = ms[2]
        p["milestones"] = milestones
        p["actual_completion"] = completion

    # -- texts ----------------------------------------------------------------------------------
    def progress_text(self, p, m, pct, inv_cents):
        g = self.g
        stages = STAGE_WORK[TYPES[p["ptype"]][3]]
        if p["profile"] == "not_started":
            return "项目尚未开工，%s。" % g.choice(["正在办理施工许可等前期手续", "施工图设计审查中", "正在开展征地拆迁",
                                                  "施工招标准备中"])
        if p["done_month"] is not None and m > p["done_month"]:
            return "项目已竣工，%s。" % g.choice(["正在办理竣工结算", "已投入使用", "已竣工投产，运行正常"])
        if p["done_month"] is not None and m == p["done_month"]:
            return "本月完成竣工验收，%s。" % ("已投产" if p["ptype"] in ("enterprise", "park", "power") else "交付使用")
        if inv_cents == 0:
            return "本月停工，无实物工作量（%s）。" % ISSUE_SHORT.get(p["issue"] or "other", "其他原因")
        thresholds = [t for _, t in MILESTONES[TYPES[p["ptype"]][3]]]
        k = next((j for j, t in enumerate(thresholds) if t > pct), len(stages) - 1)
        stage = stages[min(k, len(stages) - 1)]
        prefix = "1—4月累计完成投资，" if m == FIRST_REPORT_MONTH else "本月"
        return "%s正在进行%s，累计完成形象进度%s%%。" % (prefix, stage, format_pct(pct))

    # -- records ----------------------------------------------------------------------------------
    def build_projects(self):
        g = self.g
        projects = self.identities()
        self.assign_profiles(projects)
        self.assign_plans(projects)
        for p in projects:
            self.money_and_dates(p)
            self.reports(p)
            self.schedule(p)
        return projects

    def project_record(self, i, p, problems_by_month):
        g = self.g
        pid = "P%0*d" % (self.width, i + 1)
        dept_id, category, industry, _, _, leader = TYPES[p["ptype"]]
        dept = DEPT[dept_id]
        if p["plan"] >= 1200000 and g.chance(0.5):
            leader = "CL-01"
        d = self.district[p["district_id"]]
        code = ""
        if g.chance(0.86):
            code = "%d-%s-%s-%s-%06d" % (p["start_year"], d["code"], industry, g.choice(["01", "01", "02", "03"]),
                                       (i * 7919 + 123) % 1000000)
        if p["profile"] == "not_started":
            status = "not_started"
        elif p["done_month"] is not None:
            status = "commissioned" if g.chance(0.5) else "completed"
        else:
            status = "under_construction"
        months = list(range(FIRST_REPORT_MONTH, AS_OF_MONTH + 1))
        reports = []
        last_stamp = SETUP_STAMP
        for m, x, v, f in zip(months, p["inv"], p["pcts"], p["funds"]):
            day = dt.date(YEAR, m, min(28, 24 + g.randint(0, 4)))
            when = ts(day, g.randint(8, 17), g.choice([0, 10, 20, 30, 40, 50]))
            r = {"month": "%d-%02d" % (YEAR, m), "investment_wan": money(x), "percent_complete": percent(v),
                 "progress_text": self.progress_text(p, m, v, x),
                 "problems_text": "；".join(problems_by_month.get((i, m), []))}
            if p["report_funds"]:
                r["funds_in_place_wan"] = money(f)
            stamp(r, dept[1], when)
            last_stamp = when
            reports.append(r)
        milestones = []
        for j, (mname, planned, actual) in enumerate(p["milestones"]):
            ms = {"id": "%s-M%d" % (pid, j + 1), "name": mname, "planned": iso(planned)}
            if actual is not None:
                ms["actual"] = iso(actual)
                st = ts(min(TODAY, max(dt.date(YEAR, 4, 15), actual + dt.timedelta(days=g.randint(1, 3)))), 10, 0)
            else:
                st = SETUP_STAMP
            milestones.append(stamp(ms, dept[1], st))
        rec = {
            "id": pid, "code": code, "name": p["name"], "category": category, "district_id": p["district_id"],
            "owner_unit": p["owner_unit"], "content": p["content"], "start_year": p["start_year"],
            "planned_completion": iso(p["planned_completion"]), "city_leader_id": leader, "department_id": dept_id,
            "responsible_leader": dept[2], "responsible_person": dept[3],
            "contact": "%s（内线%d）" % (dept[3][:-2], 8000 + (i * 37) % 1000),
            "total_investment_wan": money(p["total"]), "completed_before_year_wan": money(p["before"]),
            "plan_wan": money(p["plan"]), "funds_required_wan": money(p["funds_required"]),
            "funds_in_place_wan": money(p["funds_in_place"]), "status": status,
            "completion_target": p["completion_target"],
        }
        if p["actual_start"] is not None:
            rec["actual_start"] = iso(p["actual_start"])
        if p["actual_completion"] is not None:
            rec["actual_completion"] = iso(p["actual_completion"])
        rec["milestones"] = milestones
        rec["reports"] = reports
        return stamp(rec, dept[1], last_stamp)

    def build_problems(self, projects):
        """Assigned problems in every state, with histories that follow the lifecycle table."""
        g = self.g
        troubled = [i for i, p in enumerate(projects) if p["issue"]]
        g.shuffle(troubled)
        if not troubled:
            return [], {}
        counts = split_counts(self.n_problems, [("assigned", 6), ("accepted", 7), ("feedback", 8), ("closed", 11),
                                                ("reopened", 4)])
        states = []
        for s in ("assigned", "accepted", "feedback", "closed", "reopened"):
            states += [s] * counts[s]
        g.shuffle(states)
        qw = max(3, len(str(self.n_problems)))
        problems = []
        by_month = {}
        for k, state in enumerate(states):
            pi = troubled[k % len(troubled)]
            p = projects[pi]
            cat = p["issue"] if k < len(troubled) else g.choice(list(ISSUE_TEXT))
            template, numkind = g.choice(ISSUE_TEXT[cat])
            text = template % issue_number(g, numkind, p["plan"])
            unit = g.choice(ISSUE_UNITS[cat])
            unit_id = p["district_id"] if unit == "district" else unit
            unit_name = self.district[unit_id]["name"] + "人民政府" if unit_id.startswith("D-") else DEPT[unit_id][1]
            if unit_id == "D-YLZ":
                unit_name = "云龙示范区管委会"
            qid = "Q%0*d" % (qw, k + 1)
            open_state = state != "closed"
            # dates
            if open_state:
                kind = g.weighted([("overdue", 4), ("soon", 2), ("later", 4)])
                if kind == "overdue":
                    deadline = dt.date(YEAR, 7, 15) + dt.timedelta(days=g.randint(0, 100))
                elif kind == "soon":
                    deadline = dt.date(YEAR, 11, 1) + dt.timedelta(days=g.randint(0, 6))
                else:
                    deadline = dt.date(YEAR, 11, 10) + dt.timedelta(days=g.randint(0, 50))
                assigned = deadline - dt.timedelta(days=g.choice([15, 20, 30, 30, 45, 60]))
                assigned = min(assigned, TODAY - dt.timedelta(days=8))
            else:
                assigned = dt.date(YEAR, 4, 26) + dt.timedelta(days=g.randint(0, 120))
                deadline = assigned + dt.timedelta(days=g.choice([15, 20, 30, 45]))
            assigned = max(assigned, dt.date(YEAR, 4, 26))
            if deadline <= assigned:
                deadline = assigned + dt.timedelta(days=15)
            # the chain of actions
            kinds = {"assigned": ["assign"], "accepted": ["assign", "accept"],
                     "feedback": ["assign", "accept", "feedback"],
                     "closed": ["assign", "accept", "feedback", "close_out"],
                     "reopened": ["assign", "accept", "feedback", "close_out", "reopen"]}[state]
            kinds = list(kinds)
            if state == "closed" and g.chance(0.25):
                kinds = ["assign", "accept", "feedback", "close_out", "reopen", "feedback", "close_out"]
            elif state == "closed" and g.chance(0.25):
                kinds = ["assign", "accept", "close_out"]
            if state == "feedback" and g.chance(0.4):
                kinds.append("feedback")
            if state != "closed" and g.chance(0.5):
                kinds.append("supervise")
            elif state == "closed" and g.chance(0.3):
                kinds.insert(2, "supervise")
            end = TODAY if open_state else min(TODAY, deadline + dt.timedelta(days=g.randint(-10, 25)))
            if end <= assigned:
                end = min(TODAY, assigned + dt.timedelta(days=len(kinds) * 2))
            span = (end - assigned).days
            offsets = sorted(g.randint(1, max(1, span)) for _ in kinds[1:])
            dates = [assigned] + [assigned + dt.timedelta(days=o) for o in offsets]
            history = []
            for a, (kind_, day) in enumerate(zip(kinds, dates)):
                by = unit_name
                if kind_ == "assign":
                    by = OFFICE
                    note = "%s交办：%s，请%s牵头协调解决，%d月%d日前反馈办理结果。" % (
                        self.dispatch_name(day), ISSUE_SHORT[cat], unit_name, deadline.month, deadline.day)
                elif kind_ == "accept":
                    note = "已签收，明确%s具体负责办理。" % g.choice(["分管领导", "责任科室", "专人"])
                elif kind_ == "feedback":
                    note = g.choice(["已召开专题协调会，%s，预计%d日内办结。", "已与项目业主现场对接，%s，正在加快办理，预计%d日内办结。"]) % (
                        g.choice(["拟定了解决方案", "落实了责任分工", "完成了前期资料准备"]), g.choice([7, 10, 15, 20]))
                elif kind_ == "supervise":
                    by = g.choice([OFFICE, OFFICE, "市政府督查室"])
                    note = g.choice(["现场督查，要求加快办理进度，按期销号。", "季度调度督查，问题办理滞后，予以通报。"])
                elif kind_ == "close_out":
                    note = "%s，问题已解决，予以销号。" % g.choice(SOLVED_TEXT[cat])
                else:
                    by = OFFICE
                    note = "经现场核实，问题未彻底解决，退回重办。"
                act = {"id": "%s-A%d" % (qid, a + 1), "kind": kind_, "date": iso(day), "by": by, "text": note}
                history.append(stamp(act, by, ts(day, 9 + a % 8, 30)))
            prob = {"id": qid, "project_id": "P%0*d" % (self.width, pi + 1), "category": cat, "text": text + "。",
                    "responsible_unit_id": unit_id, "assigned_date": iso(assigned), "deadline": iso(deadline),
                    "state": state, "history": history}
            problems.append(stamp(prob, history[-1]["by"], history[-1]["modified_at"]))
            last = dates[-1] if state == "closed" else TODAY
            for m in range(max(FIRST_REPORT_MONTH, assigned.month), min(AS_OF_MONTH, last.month) + 1):
                by_month.setdefault((pi, m), []).append(text)
        return problems, by_month

    @staticmethod
    def dispatch_name(day):
        if day.month <= 4:
            return "项目攻坚年动员部署会"
        if day.month == 7:
            return "半年小结调度会"
        if day.month in (6, 9):
            return "第%s季度项目调度会" % ("二" if day.month == 6 else "三")
        return "%d月项目调度会" % day.month

    def ledger(self):
        projects = self.build_projects()
        problems, by_month = self.build_problems(projects)
        records = [self.project_record(i, p, by_month) for i, p in enumerate(projects)]
        demo = self.n == DEMO_PROJECTS
        title = "株洲市2016年“项目攻坚年”重点续建项目工作台账"
        if not demo:
            title += "（性能测试数据，%d个项目）" % self.n
        ledger_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "key-project-ledger:zhuzhou-2016:%d" % self.n))
        return {
            "format": "key-project-ledger",
            "format_version": 1,
            "ledger_id": ledger_id,
            "revision": 1,
            "meta": stamp({"title": title, "year": YEAR, "as_of": "%d-%02d" % (YEAR, AS_OF_MONTH), "money_unit": "万元",
                           "issuing_unit": OFFICE, "demo": True}, OFFICE, ts(TODAY, 17, 30)),
            "task_force": {
                "name": "项目竣工攻坚组",
                "office": "市住建局",
                "roles": [stamp({"id": r[0], "role": r[1], "holder": r[2]}, OFFICE, SETUP_STAMP) for r in TASK_FORCE_ROLES],
                "member_unit_ids": [d[0] for d in DEPARTMENTS],
            },
            "districts": [stamp({"id": d["id"], "name": d["name"], "kind": d["kind"]}, OFFICE, SETUP_STAMP)
                          for d in self.districts],
            "departments": [stamp({"id": d[0], "name": d[1]}, OFFICE, SETUP_STAMP) for d in DEPARTMENTS],
            "city_leaders": [stamp({"id": c[0], "title": c[1]}, OFFICE, SETUP_STAMP) for c in CITY_LEADERS],
            "projects": records,
            "problems": problems,
            "settings": json.loads(json.dumps(SETTINGS)),
        }


def format_pct(v):
    v = round(v, 2)
    return str(int(v)) if v == int(v) else repr(v)


def dumps(ledger):
    """The canonical text: what json.dumps(ledger, ensure_ascii=False, indent=2) + "\\n" gives, only
    faster (the pure-Python indenting encoder takes seconds on a 10,000-project ledger)."""
    out = []
    _emit(ledger, "\n", out)
    out.append("\n")
    return "".join(out)


_encode_str = json.encoder.encode_basestring  # the C version when available; no ASCII escaping


def _emit(o, nl, out):
    if isinstance(o, str):
        out.append(_encode_str(o))
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = nl + "  "
        sep = "{" + inner
        for k, v in o.items():
            out.append(sep)
            out.append(_encode_str(k))
            out.append(": ")
            _emit(v, inner, out)
            sep = "," + inner
        out.append(nl)
        out.append("}")
    elif isinstance(o, list):
        if not o:
            out.append("[]")
            return
        inner = nl + "  "
        sep = "[" + inner
        for v in o:
            out.append(sep)
            _emit(v, inner, out)
            sep = "," + inner
        out.append(nl)
        out.append("]")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif o is None:
        out.append("null")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(float.__repr__(o))
    else:
        raise TypeError("cannot serialise %r" % (o,))


def self_check(ledger, n, text):
    """Asserts the promises of the demo: counts, exact plan total, lifecycle, monotone figures."""
    projects = ledger["projects"]
    assert len(projects) == n
    targets = sum(1 for p in projects if p["completion_target"])
    plan_cents = sum(round(p["plan_wan"] * 100) for p in projects)
    if n == DEMO_PROJECTS:
        assert targets == DEMO_TARGETS, targets
        assert plan_cents == DEMO_PLAN_WAN * 100, plan_cents
        assert len(ledger["problems"]) == DEMO_PROBLEMS
    ids = set()
    for p in projects:
        assert p["id"] not in ids
        ids.add(p["id"])
        before, total = round(p["completed_before_year_wan"] * 100), round(p["total_investment_wan"] * 100)
        this_year = sum(round(r["investment_wan"] * 100) for r in p["reports"])
        assert before + this_year <= total, p["id"]
        last_pct, last_funds = -1, -1
        for r in p["reports"]:
            assert r["percent_complete"] >= last_pct, p["id"]
            last_pct = r["percent_complete"]
            if "funds_in_place_wan" in r:
                assert r["funds_in_place_wan"] >= last_funds, p["id"]
                last_funds = r["funds_in_place_wan"]
        for ms in p["milestones"]:
            assert "actual" not in ms or ms["actual"] <= TODAY.isoformat(), (p["id"], ms)
        assert 3 <= len(p["milestones"]) <= 5, p["id"]
    allowed = {  # action -> (states it may start from, resulting state); None = no history yet
        "assign": ({None}, "assigned"), "accept": ({"assigned", "reopened"}, "accepted"),
        "feedback": ({"accepted", "feedback", "reopened"}, "feedback"),
        "supervise": ({"assigned", "accepted", "feedback", "reopened"}, None),
        "close_out": ({"assigned", "accepted", "feedback", "reopened"}, "closed"),
        "reopen": ({"closed"}, "reopened"),
    }
    for q in ledger["problems"]:
        state, last = None, ""
        for a in q["history"]:
            froms, to = allowed[a["kind"]]
            assert state in froms, (q["id"], a)
            state = to or state
            assert a["date"] >= last and a["date"] <= TODAY.isoformat(), q["id"]
            last = a["date"]
        assert state == q["state"], q["id"]
        assert q["assigned_date"] == q["history"][0]["date"]
    if n == DEMO_PROJECTS:
        assert text == json.dumps(ledger, ensure_ascii=False, indent=2) + "\n"
    if n >= len(CURATED):
        for word in ("醴陵", "攸县", "渌口", "湘江"):
            assert word in text, word


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(os.path.dirname(here), "assets", "demo-ledger.json")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--projects", type=int, default=DEMO_PROJECTS, help="number of projects (default 153: the demo)")
    ap.add_argument("--out", default=None, help="output file (default assets/demo-ledger.json for the demo)")
    ap.add_argument("--check", action="store_true",
                    help="do not write: exit 1 unless the output file already holds exactly these bytes")
    args = ap.parse_args(argv)
    if args.projects < 1:
        ap.error("--projects must be at least 1")
    out = args.out or (default_out if args.projects == DEMO_PROJECTS else None)
    if out is None:
        ap.error("--out is required with --projects other than %d" % DEMO_PROJECTS)
    ledger = Generator(args.projects).ledger()
    text = dumps(ledger)
    self_check(ledger, args.projects, text)
    text = text.encode("utf-8")
    if args.check:
        try:
            with open(out, "rb") as f:
                current = f.read()
        except OSError as e:
            print("gen_demo_ledger: cannot read %s: %s" % (out, e), file=sys.stderr)
            return 1
        if current != text:
            print("gen_demo_ledger: %s differs from the generator's output; run python3 tools/gen_demo_ledger.py"
                  % out, file=sys.stderr)
            return 1
        print("gen_demo_ledger: %s is up to date (%d bytes)" % (out, len(text)))
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        f.write(text)
    print("gen_demo_ledger: wrote %s (%d projects, %d problems, %d bytes)"
          % (out, len(ledger["projects"]), len(ledger["problems"]), len(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
