// From a spreadsheet ledger to projects: which column holds which project field (guessed from the
// headers, changed by the user), and every data row turned into a project, with each cell that
// does not convert listed (row, column letter, header, value, why) rather than the row dropped.
// Sheets module: standard library and core.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model.h"
#include "sheet_read.h"

namespace kpl::sheets {

// The project fields a column can fill (Project in model.h).
enum class ProjectField {
    Ignore, Code, Name, Category, District, OwnerUnit, Content, StartYear, PlannedCompletion, CityLeader,
    Department, ResponsibleLeader, ResponsiblePerson, Contact, TotalInvestment, CompletedBeforeYear, Plan,
    FundsRequired, FundsInPlace, Status, CompletionTarget, ActualStart, ActualCompletion,
    Count
};

// The header we export for the field (and that the guess recognises): "年度计划投资(万元)".
const char* FieldHeaderZh(ProjectField field);
const char* FieldHeaderEn(ProjectField field);
// The field's name in the ledger file ("plan_wan", "district"...; "ignore"), for test marks.
const char* FieldKey(ProjectField field);

// One column's field from its header text; Ignore when nothing fits.
ProjectField GuessField(const std::string& header);

struct ColumnMapping {
    std::size_t header_row = 0;               // 0-based index of the header row in Sheet::rows
    std::vector<ProjectField> columns;        // per column; at most one column per field
    std::vector<double> scales;               // per column: 1 for 万元, 10000 for 亿元 (from the header)
};

// The header row (the row among the first ten whose cells name the most fields) and each column's
// field; a field named by two columns goes to the first.
ColumnMapping GuessMapping(const Sheet& sheet);
// The guess for a header row the user chose.
ColumnMapping GuessMappingAt(const Sheet& sheet, std::size_t header_row);

// The header text of column `c` under `mapping` ("" when the row is shorter).
std::string HeaderText(const Sheet& sheet, const ColumnMapping& mapping, std::size_t c);

struct ImportIssue {
    std::size_t row = 0;          // 1-based row of the sheet
    std::size_t column = 0;       // 0-based; letter by ColumnLetters
    std::string header;           // the column's header text
    std::string value;            // the cell's text
    std::string message_zh, message_en;
    bool blocking = false;        // the project cannot be created (a district, department or city
                                  // leader the ledger does not have)
};

struct ImportedRow {
    std::size_t sheet_row = 0;    // 1-based
    Project project;              // fields that did not convert are left empty (0, no date)
    bool has_issue = false;
};

// Used when a row leaves its district, department or city leader empty (IDs; "" for none).
struct ImportDefaults {
    std::string district_id;
    std::string department_id;
    std::string city_leader_id;
};

struct SheetImport {
    std::vector<ImportedRow> rows;
    std::vector<ImportIssue> issues;             // in row order, then column order
    // Names in the sheet that the ledger does not have, each once, in order of appearance.
    std::vector<std::string> missing_districts, missing_departments, missing_leaders;
    std::size_t skipped_total_rows = 0;          // 合计 / 小计 rows, which are no projects
    bool has_name_column = false;

    // Projects can be created: there are rows, a name column, and no blocking issue.
    bool CanImport() const;
    std::vector<Project> Projects() const;
};

// Every non-empty row below the header row becomes a project of `ledger` (IDs left empty; the
// edit command gives fresh ones). Money is in 万元 with at most two decimals; dates are
// "2016-12-31", "2016/12/31", "2016.12.31", "2016年12月31日", a month ("2016-12", "2016年12月": its
// last day) or an Excel date number; districts, departments and leaders by name (or ID).
SheetImport BuildImport(const Ledger& ledger, const Sheet& sheet, const ColumnMapping& mapping,
                        const ImportDefaults& defaults = {});

} // namespace kpl::sheets
