// The catalogue of every user-visible string of the app, keyed by id, with a Chinese and an English
// column. Views never write a user-visible literal; they ask Tr(StrId). Chinese by default; View ›
// Language switches (SetLanguage); the font module asks ForEachUiString() for the glyphs of both.
// UI module: standard library only.
#pragma once
#include <functional>

namespace kpl::ui {

enum class Language { Chinese, English };

enum class StrId {
    AppName,
    // main menu
    MenuFile, MenuOpen, MenuSave, ShortcutOpen, ShortcutSave,
    // header strip above the projects table
    HeaderYear, HeaderAsOf, HeaderAsOfNone, HeaderProjects, HeaderTargets, HeaderPlan,
    HeaderCompleted, HeaderDemo, HeaderPlanUnit, UnitWan, UnitCount,
    // projects table
    ColSeq, ColName, ColDistrict, ColDepartment, ColLeader, ColPlan, ColCompleted, ColPercent,
    ColStatus, ColTarget, TotalsLabel, TotalsProjects, TargetYes, TargetNo, NoValue,
    TipCode, TipCategory, TipOwner, TipContent, TipPlannedCompletion, TipResponsible,
    // status bar
    StatusFile, StatusDirty, StatusChecked, StatusWarnings, StatusNoLedger,
    // empty state
    EmptyTitle, EmptyHint,
    // error / load report dialog
    ErrTitle, ErrIntro, ErrIntroNoLedger, ErrCount, ErrTruncated, ErrWarningCount, ErrColLocation, ErrColMessage,
    ErrWholeFile, ErrLineColumn, ReportTitle, ReportIntro, ButtonOk,
    // problems outside the ledger format
    ErrReadDemo, ErrReadFile, FatalNoWebGL,
    // never lose work: restore notice, version history, Save As (recovery_view.cpp)
    MenuSaveAs, ShortcutSaveAs, MenuVersions, NoticeRestored, NoticeShowVersions, NoticeDiscard,
    VersionsTitle, VersionsIntro, VersionsEmpty, VersionsColTime, VersionsColFile, VersionsColProjects,
    VersionsColRevision, VersionsColState, VersionsUnsaved, VersionsInFile, ButtonRestore,
    ButtonClose, SaveAsTitle, SaveAsPrompt, ButtonSave, ButtonCancel,
    // views and editing (issue 3): menus, enum labels, filters, editor, problems board
    MenuEdit, MenuUndo, MenuRedo, MenuFind, MenuView, MenuLanguage, ViewProjects, ViewProblems, StatusNotStarted,
    StatusUnderConstruction, StatusCompleted, StatusCommissioned, CategoryLand, CategoryTraffic,
    CategoryRoad, CategoryPower, CategoryFunding, CategoryApproval, CategoryOther, StateAssigned,
    StateAccepted, StateFeedback, StateClosed, StateReopened, ActionAssign, ActionAccept, ActionFeedback,
    ActionSupervise, ActionCloseOut, ActionReopen, ColCode, ColCategory, ColTotalInvestment, ColFundsRate,
    ColLatestPercent, SearchHint, FilterAll, FilterChosenCount, FilterDepartment, FilterClear, FilterShowing,
    Yes, No, ButtonAddProject, ButtonEditProject, ButtonRemoveProject, ButtonColumns, ColumnsHint,
    ColumnsReset, NewProjectName, RemoveProjectTitle, RemoveProjectText, ButtonRemove, TipDoubleClick,
    EditorTitle, EditorNothing, EditRefused, GroupBasic, GroupResponsibility, GroupMoney, GroupState,
    GroupMilestones, GroupReports, GroupProblems, FieldName, FieldCode, FieldCategory, FieldStartYear,
    FieldResponsibleLeader, FieldContact, FieldCompletedBefore, FieldFundsRequired, FieldFundsInPlace,
    FieldActualStart, FieldActualCompletion, BadMoney, BadDate, DateYear, DateMonth, MilestoneName,
    MilestonePlanned, MilestoneActual, ButtonAddMilestone, NewMilestoneName, ButtonRemoveShort, ReportMonth,
    ReportExists, ReportInvestment, ReportPercent, ReportFunds, ReportProgress, ReportProblems, Optional,
    ButtonSaveReport, ButtonRemoveReport, NoProblems, SearchProblemsHint, ColUnit, ColState, ColProject, ColProblem,
    ColDeadline, ColDue, FilterOpenOnly, FilterOverdueOnly, DueOverdue, DueSoon, DueOnTime, DueClosed,
    ButtonNewProblem, ProblemsShowing, ProblemNothing, ProblemSummary, ProblemStateLine, ProblemHistory,
    ActionFormTitle, FieldDate, FieldBy, FieldNote, FieldHowSolved, FieldAssignedDate, ButtonConfirm,
    AssignTitle, ButtonAssign, StatusSaved,
    // supervision views (issue 4)
    ViewDashboard, ViewGantt,
    // --- dashboard and charts (dashboard.cpp): add below
    DashMonth, DashMonthFormat, DashAsOfNote, IndFulfilment, IndStart, IndFunds, IndCompletion, IndInvestment,
    DashRed, DashYellow, DashOpenProblems, DashOverdueProblems, DashSchedule, DashRatio, DashNumerator,
    DashDenominator, DashProjectCount, DashProblemProjects, DashDrillNumerator, DashDrillDenominator, DashDrillList,
    DashCardHint, DashSCurveTitle, DashScope, DashScopeTotal, DashScopeDistrict, DashScopeDepartment,
    DashScopeProject, DashLegendActual, DashLegendPlanned, DashUnitWan, DashUnitYi, DashAxisSchedule, DashTipActual,
    DashTipPlanned, DashTipSchedule, DashTipRate, DashTipNoReport, DashBarsDistrict, DashBarsDepartment,
    DashLegendPlan, DashLegendCompleted, DashTipPlan, DashTipCompleted, DashTipClick, DashStatusTitle,
    DashWarningTitle, DashGreen, DashYellowShort, DashRedShort, DashTipGroup, DashNoData, DrillShowingOnly,
    DrillClear,
    // --- gantt (gantt_view.cpp): add below
    GanttZoomOut, GanttZoomIn, GanttZoomOutTip, GanttZoomInTip, GanttFit, GanttFitTip, GanttYear, GanttYearTip,
    GanttToday, GanttTodayTip, GanttRange, GanttHint, GanttColProjects, GanttLegendPlanned, GanttLegendActual,
    GanttLegendDone, GanttLegendPlannedMilestone, GanttLegendOnTime, GanttLegendLate, GanttLegendToday,
    GanttNoRows, GanttYearLabel, GanttMonthNames, GanttYearMonthLabel, GanttWeekLabel, GanttTipProject,
    GanttTipPlannedDate, GanttTipActualDate, GanttTipNotReached, GanttTipStatus, GanttTipLateBy,
    GanttTipOverdueBy, GanttTipEarlyBy, GanttTipAfterPlanWithinGrace, GanttTipOnTime, GanttTipNotDue,
    GanttTipPlannedStart, GanttTipPlannedEnd, GanttTipActualStart, GanttTipActualEnd, GanttTipOngoing,
    GanttTipDuration, GanttTipDays, GanttTipPercent, GanttLateCount,
    // --- reports: bulletin, dispatch, rankings, assessment (reports_view.cpp): add below
    MenuReports, ReportsBulletin, ReportsDispatch, ReportsRankings, ReportsAssessment, ReportsCalendar,
    ReportsMonth, ReportsQuarter, ReportsQuarterItem, ReportsDownloadHtml, ReportsDownloadCsv,
    ReportsDocumentNote, ReportsOverview, ReportsKeyFigures, ReportsDistrictRanking, ReportsDepartmentRanking,
    ReportsRedList, ReportsYellowList, ReportsAssignedList, ReportsClosedList, ReportsOverdueList,
    ReportsInterviews, ReportsNone, ReportsColRank, ReportsColUnit, ReportsColInvestment, ReportsColStart,
    ReportsColFunds, ReportsColCompletion, ReportsColScore, ReportsColBottom, ReportsColInterviewer,
    ReportsColReason, ReportsColId, ReportsColProject, ReportsColProblem, ReportsColDeadline,
    ReportsColDaysOverdue, ReportsColWarning, ReportsColFigure, ReportsColValue, ReportsDispatchUnits,
    ReportsColAssigned, ReportsColClosed, ReportsColOverdue, ReportsColOpen, ReportsMeetingList,
    ReportsAssessmentRule, ReportsQualitativeHint, ReportsQualitativeBad, ReportsGroupDistricts,
    ReportsGroupDepartments, ReportsColQuantitative, ReportsColQualitative, ReportsColWeighted,
    ReportsColOverdueProblems, ReportsColDeduction, ReportsColTotal, ReportsCalendarDue, ReportsColWhen,
    ReportsColStage, ReportsColWhat, ReportsDueMark,
    ReportsProjectCount, ReportsPlan, ReportsDone, ReportsSchedule, ReportsBulletinHeading,
    PublishedNote, PublishedByNote, UnpublishedNote, PublishButton, RepublishButton, WithdrawButton,
    PublishChanged, PublishChangesTitle, PublishColPublishedRank, PublishColCurrentRank,
    PublishColPublishedScore, PublishColCurrentScore, PublishNotRanked, PublishConfirmTitle,
    PublishConfirmText, WithdrawConfirmText, InterviewsSourceNote, InterviewsPublished,
    InterviewsComputed,
    // --- sharing: packages, merge, conflicts (sharing_view.cpp): add below
    SharingMenuExport, SharingMenuImport, SharingMenuConflicts, SharingExportTitle, SharingExportIntro,
    SharingExportUnit, SharingExportPickBase, SharingExportBase, SharingExportNeedBase, SharingExportCounts,
    SharingExportDownload, SharingExportNotBase, SharingSummaryTitle, SharingSummaryPackage,
    SharingSummaryAlready, SharingSummaryApplied, SharingSummaryConflicts, SharingSummaryRefused,
    SharingSummaryDeletions, SharingSummaryError, SharingShowConflicts, SharingConflictsTitle,
    SharingNoConflicts, SharingColRecord, SharingColField, SharingColBase, SharingColMine, SharingColTheirs,
    SharingColWho, SharingColWhen, SharingUseMine, SharingUseTheirs, SharingPendingTitle, SharingNoPending,
    SharingColReason, SharingColChange, SharingAccept, SharingDismiss, SharingAbsent, SharingDeleteRecord,
    SharingNewRecord,
    // --- spreadsheets (sheets_view.cpp): add below
    SheetsMenuImport, SheetsMenuExport, SheetsExportProjectsXlsx, SheetsExportProjectsCsv,
    SheetsExportProblemsXlsx, SheetsExportProblemsCsv, SheetsExportBulletinXlsx, SheetsExportAssessmentXlsx,
    SheetsImportTitle, SheetsFileLine, SheetsSheet, SheetsHeaderRow, SheetsColumnsTitle, SheetsColColumn,
    SheetsColHeader, SheetsColTarget, SheetsColSample, SheetsDefaultsTitle, SheetsNoDefault,
    SheetsPreviewTitle, SheetsColRow, SheetsIssuesTitle, SheetsColProblem, SheetsNoIssues,
    SheetsMissingDistricts, SheetsMissingDepartments, SheetsMissingLeaders, SheetsBlockedHint, SheetsNoName,
    SheetsNoRows, SheetsSkippedTotals, SheetsImportButton, SheetsReadError, SheetsNoLedger,
    SheetsColValue,
    Count
};

void SetLanguage(Language language);
Language CurrentLanguage();

// The string in the current language. Some entries are printf formats (documented in strings.cpp).
const char* Tr(StrId id);
// The string in a given language (diagnostics the app makes itself carry both, like core's).
const char* TrIn(StrId id, Language language);

// Every string of the catalogue in every language, for building the font's glyph set.
void ForEachUiString(const std::function<void(const char*)>& visit);

} // namespace kpl::ui
