#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of tests/unit/test_sheets.cpp and tests/e2e/sheets.mjs.

gbk-ledger.csv: a spreadsheet ledger as Excel or WPS on a Chinese Windows saves it as "CSV": GBK,
CRLF, a title row above the header, quoted fields with commas, quotes and a line break, a 合计 row.
Its districts, departments and city leaders exist in tests/data/unit/good.json and in the demo
ledger. Two cells do not convert: row 4 开工时间 "明年" (not a date) and row 5 年度计划投资
"1200.125" (three decimals). Run: python3 tests/data/sheets/make_fixtures.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ROWS = [
    "株洲市2016年重点项目台账（表格导入测试）,,,,,,,,,,,",
    "序号,项目编号,项目名称,县市区,责任单位,联系市领导,总投资（万元）,年度计划投资(万元),开工时间,竣工时间,状态,建设内容",
    '1,XM-001,醴陵市陶瓷产业园道路,醴陵市,市住建局,副市长（分管城建）,"12,000",3000.5,2016-03-01,2016年12月,在建,'
    '"新建道路 2 公里，含""排水""工程"',
    "2,XM-002,攸县城南污水处理厂,攸县,市发改委,副市长（分管交通）,8000,2000,明年,2017/6/30,未开工,一期工程",
    '3,XM-003,攸县滨江路提质改造,攸县,市交通局,副市长（分管交通）,5000,1200.125,2016.5.1,2016-12-31,在建,"路面改造\n人行道"',
    "合计,,,,,,25000,6200.625,,,,",
]


def main():
    with open(os.path.join(HERE, "gbk-ledger.csv"), "wb") as out:
        out.write(("\r\n".join(ROWS) + "\r\n").encode("gbk"))


if __name__ == "__main__":
    main()
