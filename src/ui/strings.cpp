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
    {StrId::StatusDirty, "● 有未保存的更改", "● Unsaved changes"},
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

    {StrId::MenuSaveAs, "另存为…", "Save As…"},
    {StrId::ShortcutSaveAs, "Ctrl+Shift+S", "Ctrl+Shift+S"},
    {StrId::MenuVersions, "版本记录…", "Version history…"},
    {StrId::NoticeRestored, "已恢复上次未保存的工作（%s 自动保存）。它还没有保存到文件。",  // %s local time
     "Your unsaved work from last time was restored (autosaved %s). It is not in a file yet."},
    {StrId::NoticeShowVersions, "版本记录…", "Versions…"},
    {StrId::NoticeDiscard, "放弃，打开演示台账", "Discard, open the demo"},
    {StrId::VersionsTitle, "版本记录", "Version history"},
    {StrId::VersionsIntro, "浏览器自动保存的最近 %d 个版本（保存在本机浏览器中）。恢复的版本成为当前工作，尚未保存到文件。",  // %d count
     "The last %d versions the browser saved automatically (kept in this browser). A restored version becomes the current work, not yet saved to a file."},
    {StrId::VersionsEmpty, "还没有自动保存的版本。", "No versions saved yet."},
    {StrId::VersionsColTime, "时间", "Time"},
    {StrId::VersionsColFile, "文件", "File"},
    {StrId::VersionsColProjects, "项目数", "Projects"},
    {StrId::VersionsColRevision, "修订号", "Revision"},
    {StrId::VersionsColState, "状态", "State"},
    {StrId::VersionsUnsaved, "未保存到文件", "Not in a file"},
    {StrId::VersionsInFile, "与文件一致", "As in the file"},
    {StrId::ButtonRestore, "恢复", "Restore"},
    {StrId::ButtonClose, "关闭", "Close"},
    {StrId::SaveAsTitle, "另存为", "Save As"},
    {StrId::SaveAsPrompt, "文件名：", "File name:"},
    {StrId::ButtonSave, "保存", "Save"},
    {StrId::ButtonCancel, "取消", "Cancel"},

    // views and editing (issue 3)
    {StrId::MenuEdit, "编辑", "Edit"},
    {StrId::MenuUndo, "撤销", "Undo"},
    {StrId::MenuRedo, "重做", "Redo"},
    {StrId::MenuFind, "查找", "Find"},
    {StrId::MenuView, "视图", "View"},
    {StrId::MenuLanguage, "语言 Language", "Language 语言"},
    {StrId::ViewProjects, "项目台账", "Projects"},
    {StrId::ViewProblems, "交办问题", "Assigned problems"},
    {StrId::StatusNotStarted, "未开工", "Not started"},
    {StrId::StatusUnderConstruction, "在建", "Under construction"},
    {StrId::StatusCompleted, "已竣工", "Completed"},
    {StrId::StatusCommissioned, "已投产", "In operation"},
    {StrId::CategoryLand, "土地", "Land"},
    {StrId::CategoryTraffic, "交通", "Traffic"},
    {StrId::CategoryRoad, "道路", "Roads"},
    {StrId::CategoryPower, "电力", "Power"},
    {StrId::CategoryFunding, "资金", "Funding"},
    {StrId::CategoryApproval, "审批", "Approvals"},
    {StrId::CategoryOther, "其他", "Other"},
    {StrId::StateAssigned, "已交办", "Assigned"},
    {StrId::StateAccepted, "已签收", "Accepted"},
    {StrId::StateFeedback, "已反馈", "Feedback given"},
    {StrId::StateClosed, "已销号", "Closed out"},
    {StrId::StateReopened, "退回重办", "Reopened"},
    {StrId::ActionAssign, "交办", "Assign"},
    {StrId::ActionAccept, "签收", "Accept"},
    {StrId::ActionFeedback, "反馈", "Feedback"},
    {StrId::ActionSupervise, "督查", "Supervise"},
    {StrId::ActionCloseOut, "销号", "Close out"},
    {StrId::ActionReopen, "退回重办", "Reject and reopen"},
    {StrId::ColCode, "项目代码", "Project code"},
    {StrId::ColCategory, "类别", "Category"},
    {StrId::ColTotalInvestment, "总投资(万元)", "Total investment (10k yuan)"},
    {StrId::ColFundsRate, "资金到位率", "Funds in place"},
    {StrId::ColLatestPercent, "形象进度", "Physical progress"},
    {StrId::SearchHint, "搜索名称、业主、内容… (Ctrl+F)", "Search name, owner, content… (Ctrl+F)"},
    {StrId::FilterAll, "全部", "All"},
    {StrId::FilterChosenCount, "已选 %d 项", "%d chosen"},
    {StrId::FilterDepartment, "部门", "Department"},
    {StrId::FilterClear, "清除筛选", "Clear filters"},
    {StrId::FilterShowing, "显示 %d / %d 个项目", "Showing %d of %d projects"},
    {StrId::Yes, "是", "Yes"},
    {StrId::No, "否", "No"},
    {StrId::ButtonAddProject, "新增项目", "Add project"},
    {StrId::ButtonEditProject, "编辑项目…", "Edit project…"},
    {StrId::ButtonRemoveProject, "删除项目…", "Remove project…"},
    {StrId::ButtonColumns, "列…", "Columns…"},
    {StrId::ColumnsHint, "显示的列（拖动表头可调整顺序）", "Columns shown (drag a header to reorder)"},
    {StrId::ColumnsReset, "恢复默认列", "Reset columns"},
    {StrId::NewProjectName, "新项目", "New project"},
    {StrId::RemoveProjectTitle, "删除项目", "Remove project"},
    {StrId::RemoveProjectText, "删除项目“%s”及其 %d 个交办问题？可以撤销。", "Remove the project \"%s\" and its %d assigned problems? This can be undone."},
    {StrId::ButtonRemove, "删除", "Remove"},
    {StrId::TipDoubleClick, "双击或按 Enter 编辑", "Double-click or press Enter to edit"},
    {StrId::EditorTitle, "项目编辑", "Project editor"},
    {StrId::EditorNothing, "未选择项目。", "No project selected."},
    {StrId::EditRefused, "修改未生效：", "Change refused:"},
    {StrId::GroupBasic, "基本信息", "Basic information"},
    {StrId::GroupResponsibility, "责任", "Responsibility"},
    {StrId::GroupMoney, "资金", "Funds"},
    {StrId::GroupState, "状态", "Status"},
    {StrId::GroupMilestones, "时间节点", "Milestones"},
    {StrId::GroupReports, "月报", "Monthly report"},
    {StrId::GroupProblems, "交办问题", "Assigned problems"},
    {StrId::FieldName, "项目名称", "Name"},
    {StrId::FieldCode, "项目代码", "Project code"},
    {StrId::FieldCategory, "类别", "Category"},
    {StrId::FieldStartYear, "开工年份", "Start year"},
    {StrId::FieldResponsibleLeader, "责任领导", "Responsible leader"},
    {StrId::FieldContact, "联系方式", "Contact"},
    {StrId::FieldCompletedBefore, "以前年度完成", "Completed before this year"},
    {StrId::FieldFundsRequired, "资金需求", "Funds required"},
    {StrId::FieldFundsInPlace, "资金到位", "Funds in place"},
    {StrId::FieldActualStart, "实际开工", "Actual start"},
    {StrId::FieldActualCompletion, "实际竣工", "Actual completion"},
    {StrId::BadMoney, "不是有效的金额（万元，最多两位小数）", "Not a valid amount (10k yuan, at most two decimals)"},
    {StrId::BadDate, "不是有效的日期（YYYY-MM-DD）", "Not a valid date (YYYY-MM-DD)"},
    {StrId::DateYear, "年", "Year"},
    {StrId::DateMonth, "月", "Month"},
    {StrId::MilestoneName, "节点名称", "Milestone"},
    {StrId::MilestonePlanned, "计划", "Planned"},
    {StrId::MilestoneActual, "实际", "Actual"},
    {StrId::ButtonAddMilestone, "添加节点", "Add milestone"},
    {StrId::NewMilestoneName, "新节点", "New milestone"},
    {StrId::ButtonRemoveShort, "删除", "Remove"},
    {StrId::ReportMonth, "月份", "Month"},
    {StrId::ReportExists, "（已填报）", "(reported)"},
    {StrId::ReportInvestment, "当月完成投资", "Invested this month"},
    {StrId::ReportPercent, "形象进度%", "% complete"},
    {StrId::ReportFunds, "资金到位(累计)", "Funds in place (to date)"},
    {StrId::ReportProgress, "形象进度", "Progress"},
    {StrId::ReportProblems, "存在问题", "Problems met"},
    {StrId::Optional, "可不填", "optional"},
    {StrId::ButtonSaveReport, "保存月报", "Save report"},
    {StrId::ButtonRemoveReport, "删除本月月报", "Remove this month's report"},
    {StrId::NoProblems, "没有交办问题。", "No assigned problems."},
    {StrId::SearchProblemsHint, "搜索问题…", "Search problems…"},
    {StrId::ColUnit, "责任单位", "Responsible unit"},
    {StrId::ColState, "状态", "State"},
    {StrId::ColProject, "项目", "Project"},
    {StrId::ColProblem, "问题", "Problem"},
    {StrId::ColDeadline, "办结时限", "Deadline"},
    {StrId::ColDue, "时限", "Due"},
    {StrId::FilterOpenOnly, "仅未销号", "Open only"},
    {StrId::FilterOverdueOnly, "仅逾期", "Overdue only"},
    {StrId::DueOverdue, "已逾期", "Overdue"},
    {StrId::DueSoon, "即将到期", "Due soon"},
    {StrId::DueOnTime, "未到期", "On time"},
    {StrId::DueClosed, "已销号", "Closed"},
    {StrId::ButtonNewProblem, "交办新问题…", "Assign a new problem…"},
    {StrId::ProblemsShowing, "显示 %d / %d 个问题（以 %s 为今日）", "Showing %d of %d problems (today taken as %s)"},
    {StrId::ProblemNothing, "在左侧选择一个问题。", "Choose a problem on the left."},
    {StrId::ProblemSummary, "责任单位：%s　交办：%s", "Responsible: %s  assigned %s"},
    {StrId::ProblemStateLine, "当前状态：%s", "State: %s"},
    {StrId::ProblemHistory, "办理过程", "History"},
    {StrId::ActionFormTitle, "%s", "%s"},
    {StrId::FieldDate, "日期", "Date"},
    {StrId::FieldBy, "办理单位", "By"},
    {StrId::FieldNote, "说明", "Note"},
    {StrId::FieldHowSolved, "解决情况", "How it was solved"},
    {StrId::FieldAssignedDate, "交办日期", "Assigned on"},
    {StrId::ButtonConfirm, "确定", "Confirm"},
    {StrId::AssignTitle, "交办新问题", "Assign a new problem"},
    {StrId::ButtonAssign, "交办", "Assign"},
    {StrId::StatusSaved, "已保存", "Saved"},

    {StrId::ViewDashboard, "总览", "Dashboard"},
    {StrId::ViewGantt, "进度图", "Timeline"},
    // --- dashboard and charts (dashboard.cpp): add below
    // --- gantt (gantt_view.cpp): add below
    // --- reports: bulletin, dispatch, rankings, assessment (reports_view.cpp): add below
    // --- sharing: packages, merge, conflicts (sharing_view.cpp): add below
    // --- spreadsheets (sheets_view.cpp): add below
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
