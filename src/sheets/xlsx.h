// .xlsx (Office Open XML SpreadsheetML) written from tables and read into sheets. We write the XML
// parts ourselves; the zip container is minizip's (zip_archive.h).
//
// Writing: one worksheet per table (names cut to 31 characters, made unique, without []:*?/\),
// a bold, frozen header row, numbers as numeric cells (two-decimal figures shown with two
// decimals), text as shared strings, column widths from the longest text (CJK counted double).
// Reading: the parts Excel and WPS write: the workbook found through _rels/.rels, its sheets in
// workbook order, shared strings with rich-text runs (phonetic runs skipped), cells of types s, str,
// inlineStr, n, b, e; cell references such as "AB12" (missing cells are empty); formulas give
// their cached value. Errors name the part and what is wrong.
// Sheets module: standard library.
#pragma once
#include <string>
#include <vector>

#include "sheet_read.h"
#include "table.h"

namespace kpl::sheets {

// `preamble` rows (a document's title, number, date) go above the first table's header.
std::string WriteXlsx(const std::vector<Table>& tables, const std::vector<std::vector<std::string>>& preamble = {});

SheetReadResult ReadXlsx(const std::string& bytes);

// A worksheet name Excel accepts: forbidden characters replaced, at most 31 characters, not empty,
// and not one of `taken` (then " (2)", " (3)"... is added within the 31).
std::string SheetName(const std::string& wanted, const std::vector<std::string>& taken);

} // namespace kpl::sheets
