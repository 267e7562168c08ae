// The catalogue of every user-visible string of the app, keyed by id, with a Chinese and an English
// column. Views never write a user-visible literal; they ask Tr(StrId). English switching comes later
// (SetLanguage); the font module asks ForEachUiString() for the glyphs the interface needs.
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
