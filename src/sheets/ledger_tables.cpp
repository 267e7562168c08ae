#include "ledger_tables.h"

#include <cmath>
#include <cstdio>

#include "query.h"
#include "sheet_import.h"
#include "summary.h"

namespace kpl::sheets {

namespace {

TableCell MoneyCell(Money money) { return TableCell::Number(money.ToWanDouble(), money.ToString()); }

TableCell IntegerCell(long long value) { return TableCell::Number(static_cast<double>(value), std::to_string(value)); }

// A percentage to one decimal, as a number (45.2) that the sheet can sort.
TableCell PercentCell(std::optional<double> percent)
{
    if (!percent)
        return TableCell();
    const double rounded = std::round(*percent * 10) / 10;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", rounded);
    return TableCell::Number(rounded, text);
}

std::string DateText(const std::optional<Date>& date) { return date ? date->ToString() : std::string(); }

} // namespace

std::vector<Table> ProjectsTables(const Ledger& ledger)
{
    using F = ProjectField;
    static const F kColumns[] = {F::Code, F::Name, F::Category, F::District, F::OwnerUnit, F::Content,
                                 F::StartYear, F::PlannedCompletion, F::CityLeader, F::Department,
                                 F::ResponsibleLeader, F::ResponsiblePerson, F::Contact, F::TotalInvestment,
                                 F::CompletedBeforeYear, F::Plan, F::FundsRequired, F::FundsInPlace, F::Status,
                                 F::CompletionTarget, F::ActualStart, F::ActualCompletion};
    Table table;
    table.title = "项目表";
    table.header.push_back("序号");
    for (F f : kColumns)
        table.header.push_back(FieldHeaderZh(f));
    // The app's progress columns; the import ignores them (they are computed, not entered).
    table.header.push_back("本年完成(万元)");
    table.header.push_back("完成比例(%)");
    table.header.push_back("形象进度(%)");

    const std::optional<YearMonth> as_of = ledger.meta.as_of;
    long long seq = 0;
    for (const Project& p : ledger.projects) {
        std::vector<TableCell> row;
        row.push_back(IntegerCell(++seq));
        for (F f : kColumns) {
            switch (f) {
            case F::Code: row.emplace_back(p.code); break;
            case F::Name: row.emplace_back(p.name); break;
            case F::Category: row.emplace_back(p.category); break;
            case F::District: {
                const District* d = FindDistrict(ledger, p.district_id);
                row.emplace_back(d ? d->name : p.district_id);
                break;
            }
            case F::OwnerUnit: row.emplace_back(p.owner_unit); break;
            case F::Content: row.emplace_back(p.content); break;
            case F::StartYear: row.push_back(IntegerCell(p.start_year)); break;
            case F::PlannedCompletion: row.emplace_back(DateText(p.planned_completion)); break;
            case F::CityLeader: {
                const CityLeader* l = FindCityLeader(ledger, p.city_leader_id);
                row.emplace_back(l ? l->title : p.city_leader_id);
                break;
            }
            case F::Department: {
                const Department* d = FindDepartment(ledger, p.department_id);
                row.emplace_back(d ? d->name : p.department_id);
                break;
            }
            case F::ResponsibleLeader: row.emplace_back(p.responsible_leader); break;
            case F::ResponsiblePerson: row.emplace_back(p.responsible_person); break;
            case F::Contact: row.emplace_back(p.contact); break;
            case F::TotalInvestment: row.push_back(MoneyCell(p.total_investment)); break;
            case F::CompletedBeforeYear: row.push_back(MoneyCell(p.completed_before_year)); break;
            case F::Plan: row.push_back(MoneyCell(p.plan)); break;
            case F::FundsRequired: row.push_back(MoneyCell(p.funds_required)); break;
            case F::FundsInPlace: row.push_back(MoneyCell(p.funds_in_place)); break;
            case F::Status: row.emplace_back(ChineseLabel(p.status)); break;
            case F::CompletionTarget: row.emplace_back(p.completion_target ? "是" : "否"); break;
            case F::ActualStart: row.emplace_back(DateText(p.actual_start)); break;
            case F::ActualCompletion: row.emplace_back(DateText(p.actual_completion)); break;
            default: row.emplace_back(""); break;
            }
        }
        row.push_back(MoneyCell(CompletedThisYear(p, ledger.meta.year, as_of)));
        row.push_back(PercentCell(PercentOfPlan(p, ledger.meta.year, as_of)));
        row.push_back(PercentCell(LatestPercentComplete(p, as_of)));
        table.rows.push_back(std::move(row));
    }
    return {table};
}

std::vector<Table> ProblemsTables(const Ledger& ledger)
{
    Table table;
    table.title = "问题清单";
    table.header = {"序号", "问题编号", "项目名称", "县市区", "问题类别", "问题", "责任单位",
                    "交办日期", "办结时限", "状态", "最新办理情况"};
    long long seq = 0;
    for (const Problem& q : ledger.problems) {
        const Project* project = FindProject(ledger, q.project_id);
        const District* district = project ? FindDistrict(ledger, project->district_id) : nullptr;
        std::string latest;
        if (!q.history.empty()) {
            const ProblemAction& a = q.history.back();
            latest = a.date.ToString() + " " + ChineseLabel(a.kind);
            if (!a.by.empty())
                latest += "（" + a.by + "）";
            if (!a.text.empty())
                latest += "：" + a.text;
        }
        table.rows.push_back({IntegerCell(++seq), TableCell(q.id), TableCell(project ? project->name : q.project_id),
                              TableCell(district ? district->name : std::string()), TableCell(ChineseLabel(q.category)),
                              TableCell(q.text), TableCell(ResponsibleUnitName(ledger, q.responsible_unit_id)),
                              TableCell(q.assigned_date.ToString()), TableCell(q.deadline.ToString()),
                              TableCell(ChineseLabel(q.state)), TableCell(latest)});
    }
    return {table};
}

} // namespace kpl::sheets
