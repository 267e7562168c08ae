// The string catalogue: one row per StrId, Chinese and English. Rows carrying printf formats say
// which arguments they take; keep the same conversions in both columns.
#include "strings.h"

#include <cstddef>

namespace kpl::ui {

namespace {

struct Entry {
    StrId id;
    const char* zh;
    const char* en;
};

// Kept in the order of StrId: CheckCatalogue() verifies it at compile time.
constexpr Entry kEntries[] = {
    {StrId::AppName, "重点项目台账", "Key Project Ledger"},

    {StrId::MenuFile, "文件", "File"},
    {StrId::MenuOpen, "打开…", "Open…"},
    {StrId::MenuSave, "保存", "Save"},
    {StrId::ShortcutOpen, "Ctrl+O", "Ctrl+O"},
    {StrId::ShortcutSave, "Ctrl+S", "Ctrl+S"},

    {StrId::HeaderYear, "%d 年度", "Year %d"},                       // %d year
    {StrId::HeaderAsOf, "截至 %d年%d月", "As of %d-%02d"},            // %d year, %d month
    {StrId::HeaderAsOfNone, "截至月份未填", "No reporting month"},
    {StrId::HeaderProjects, "项目", "Projects"},
    {StrId::HeaderTargets, "竣工目标", "Completion targets"},
    {StrId::HeaderPlan, "年度计划", "Annual plan"},
    {StrId::HeaderCompleted, "本年完成", "Completed this year"},
    {StrId::HeaderDemo, "演示数据", "Demo data"},
    {StrId::HeaderPlanUnit, "万元（%s 亿元）", "×10k yuan (%s ×100M yuan)"},  // %s 亿元 figure
    {StrId::UnitWan, "万元", "×10k yuan"},
    {StrId::UnitCount, "个", ""},

    {StrId::ColSeq, "序号", "No."},
    {StrId::ColName, "名称", "Name"},
    {StrId::ColDistrict, "县市区", "District"},
    {StrId::ColDepartment, "服务责任部门", "Service department"},
    {StrId::ColLeader, "市级领导", "City leader"},
    {StrId::ColPlan, "年度计划(万元)", "Plan (10k yuan)"},
    {StrId::ColCompleted, "本年完成(万元)", "Completed (10k yuan)"},
    {StrId::ColPercent, "完成比例", "% of plan"},
    {StrId::ColStatus, "状态", "Status"},
    {StrId::ColTarget, "竣工目标", "Target"},
    {StrId::TotalsLabel, "合计", "Total"},
    {StrId::TotalsProjects, "%d 个项目", "%d projects"},              // %d project count
    {StrId::TargetYes, "✓", "✓"},
    {StrId::TargetNo, "—", "—"},
    {StrId::NoValue, "—", "—"},
    {StrId::TipCode, "项目代码", "Project code"},
    {StrId::TipCategory, "类别", "Category"},
    {StrId::TipOwner, "业主单位", "Owner unit"},
    {StrId::TipContent, "建设内容", "Construction content"},
    {StrId::TipPlannedCompletion, "计划竣工", "Planned completion"},
    {StrId::TipResponsible, "责任人", "Responsible person"},

    {StrId::StatusFile, "文件：%s", "File: %s"},                      // %s file name
    {StrId::StatusDirty, "有未保存的更改", "Unsaved changes"},
    {StrId::StatusChecked, "校验通过", "Checked, no errors"},
    {StrId::StatusWarnings, "%d 条警告", "%d warnings"},              // %d warning count
    {StrId::StatusNoLedger, "未打开台账", "No ledger open"},

    {StrId::EmptyTitle, "尚未打开台账", "No ledger is open"},
    {StrId::EmptyHint, "使用“文件 › 打开”（Ctrl+O）选择台账文件，或把 .json 文件拖到窗口中。",
     "Use File › Open (Ctrl+O) to choose a ledger file, or drop a .json file on the window."},

    {StrId::ErrTitle, "无法打开文件", "Cannot open the file"},
    {StrId::ErrIntro, "“%s”未能打开，当前台账保持不变。",             // %s file name
     "\"%s\" was not opened; the open ledger is unchanged."},
    {StrId::ErrIntroNoLedger, "“%s”未能打开。", "\"%s\" was not opened."},  // %s file name
    {StrId::ErrCount, "错误 %d 处", "%d errors"},                     // %d error count
    {StrId::ErrTruncated, "错误过多，只列出前 %d 处。",               // %d listed errors
     "Too many errors; only the first %d are listed."},
    {StrId::ErrWarningCount, "警告 %d 条", "%d warnings"},            // %d warning count
    {StrId::ErrColLocation, "位置", "Location"},
    {StrId::ErrColMessage, "说明", "Message"},
    {StrId::ErrWholeFile, "（整个文件）", "(whole file)"},
    {StrId::ErrLineColumn, "第 %d 行，第 %d 列", "line %d, column %d"}, // %d line, %d column
    {StrId::ReportTitle, "文件检查结果", "File check"},
    {StrId::ReportIntro, "“%s”已打开，检查发现以下情况：",             // %s file name
     "\"%s\" is open; the check found the following:"},
    {StrId::ButtonOk, "确定", "OK"},

    {StrId::ErrReadDemo, "无法读取内置的演示台账。", "The built-in demo ledger could not be read."},
    {StrId::ErrReadFile, "浏览器无法读取该文件（可能过大，或已被移动）。",
     "The browser could not read the file (too large, or moved)."},
    {StrId::FatalNoWebGL, "此浏览器无法创建 WebGL 2 图形环境，无法显示重点项目台账。请使用较新版本的 Chrome、Edge 或 Firefox，并开启硬件加速。",
     "This browser cannot create a WebGL 2 context, so the Key Project Ledger cannot be shown. Use a recent Chrome, Edge or Firefox with hardware acceleration enabled."},
};

constexpr bool CheckCatalogue()
{
    if (sizeof(kEntries) / sizeof(kEntries[0]) != static_cast<std::size_t>(StrId::Count))
        return false;
    for (std::size_t i = 0; i < sizeof(kEntries) / sizeof(kEntries[0]); ++i)
        if (static_cast<std::size_t>(kEntries[i].id) != i)
            return false;
    return true;
}
static_assert(CheckCatalogue(), "kEntries must list every StrId once, in enum order");

Language g_language = Language::Chinese;

} // namespace

void SetLanguage(Language language) { g_language = language; }

Language CurrentLanguage() { return g_language; }

const char* Tr(StrId id) { return TrIn(id, g_language); }

const char* TrIn(StrId id, Language language)
{
    const std::size_t index = static_cast<std::size_t>(id);
    if (index >= static_cast<std::size_t>(StrId::Count))
        return "";
    return language == Language::English ? kEntries[index].en : kEntries[index].zh;
}

void ForEachUiString(const std::function<void(const char*)>& visit)
{
    for (const Entry& entry : kEntries) {
        visit(entry.zh);
        visit(entry.en);
    }
}

} // namespace kpl::ui
