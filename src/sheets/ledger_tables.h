// The projects table and the problems list as tables (core/table.h), for CSV and .xlsx export.
// The projects table has a column for every field the import reads back (headers FieldHeaderZh,
// so an export imports with its columns already mapped) and the progress columns of the app's
// table; money in 万元 as numbers. Sheets module: standard library and core.
#pragma once
#include <vector>

#include "model.h"
#include "table.h"

namespace kpl::sheets {

std::vector<Table> ProjectsTables(const Ledger& ledger);
std::vector<Table> ProblemsTables(const Ledger& ledger);

} // namespace kpl::sheets
