// The reports windows: each draws a document core built (cached per ledger generation and period)
// and emits Download commands with the same HTML and CSV that ledgertool writes.
#include "reports_view.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include "fonts.h"
#include "format.h"
#include "platform/platform.h"
#include "strings.h"
#include "test_marks.h"
#include "text_wrap.h"
#include "theme.h"

namespace kpl::ui {

namespace {

constexpr const char* kHtmlMime = "text/html;charset=utf-8";
constexpr const char* kCsvMime = "text/csv;charset=utf-8";

const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string MonthLabel(YearMonth month)
{
    if (CurrentLanguage() == Language::Chinese)
        return MonthTextZh(month);
    return std::string(kMonthsEn[std::clamp(month.month, 1, 12) - 1]) + " " + std::to_string(month.year);
}

std::string QuarterKey(int year, int quarter) { return std::to_string(year) + "-Q" + std::to_string(quarter); }

// The month a window opens on: the ledger's as-of month, else December of its year.
YearMonth DefaultMonth(const Ledger& ledger)
{
    if (ledger.meta.as_of && ledger.meta.as_of->year == ledger.meta.year)
        return *ledger.meta.as_of;
    return YearMonth{ledger.meta.year, 12};
}

// A month of the ledger's year; a month kept from another ledger falls back to the default.
YearMonth& ChosenMonth(YearMonth& month, const Ledger& ledger)
{
    if (month.year != ledger.meta.year)
        month = DefaultMonth(ledger);
    return month;
}

// Core composes wording that is in neither the ledger nor the catalogue (overview, reasons, table
// titles): a document's text joins the font atlas when the document is built.
void NoteDocumentText(const HeadingRows& heading, const std::vector<Table>& tables)
{
    for (const std::vector<std::string>& row : heading)
        for (const std::string& cell : row)
            NoteTextShown(cell);
    for (const Table& table : tables) {
        NoteTextShown(table.title);
        for (const std::string& name : table.header)
            NoteTextShown(name);
        for (const std::vector<TableCell>& row : table.rows)
            for (const TableCell& cell : row)
                NoteTextShown(cell.text);
    }
}

void NoteBulletinText(const Bulletin& bulletin)
{
    NoteTextShown(bulletin.overview);
    for (const InterviewEntry& entry : bulletin.interviews)
        NoteTextShown(entry.explanation);
    NoteDocumentText(BulletinHeading(bulletin), BulletinTables(bulletin));
}

// Drops the documents built for an older state of the ledger.
void RefreshCache(const AppState& state, ReportsView& view)
{
    if (view.cache_generation == LedgerGeneration(state))
        return;
    view.cache_generation = LedgerGeneration(state);
    view.bulletins.clear();
    view.dispatches.clear();
    view.assessments.clear();
    view.computed_rankings.clear();
    view.ranking_changes.clear();
    view.qualitative_text.clear();
    view.qualitative_bad_unit.clear();
}

const Bulletin& CachedBulletin(const Ledger& ledger, ReportsView& view, YearMonth month)
{
    auto it = view.bulletins.find(month.Index());
    if (it == view.bulletins.end())
    {
        it = view.bulletins.emplace(month.Index(), BuildBulletin(ledger, month)).first;
        NoteBulletinText(it->second);
    }
    return it->second;
}

const Dispatch& CachedDispatch(const Ledger& ledger, ReportsView& view, int quarter)
{
    auto it = view.dispatches.find(quarter);
    if (it == view.dispatches.end())
    {
        it = view.dispatches.emplace(quarter, BuildDispatch(ledger, ledger.meta.year, quarter)).first;
        NoteDocumentText(DispatchHeading(it->second), DispatchTables(it->second));
    }
    return it->second;
}

const Assessment& CachedAssessment(const Ledger& ledger, ReportsView& view, YearMonth month)
{
    auto it = view.assessments.find(month.Index());
    if (it == view.assessments.end())
    {
        it = view.assessments.emplace(month.Index(), ComputeAssessment(ledger, month)).first;
        NoteDocumentText(AssessmentHeading(it->second), AssessmentTables(it->second));
    }
    return it->second;
}

// A combo of the twelve months of `year`; its items are marked `<mark>.<YYYY-MM>`.
void MonthPicker(const std::string& mark, int year, YearMonth& month)
{
    ImGui::TextUnformatted(Tr(StrId::ReportsMonth));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    // All twelve months in view: an item scrolled out of the list cannot be clicked where it is marked.
    const bool open = ImGui::BeginCombo(("##" + mark).c_str(), MonthLabel(month).c_str(), ImGuiComboFlags_HeightLargest);
    MarkItem(mark);
    if (!open)
        return;
    for (int m = 1; m <= 12; ++m) {
        const YearMonth item{year, m};
        if (ImGui::Selectable(MonthLabel(item).c_str(), item == month))
            month = item;
        MarkItem(mark + "." + item.ToString());
    }
    ImGui::EndCombo();
}

// The two download buttons, marked `<prefix>.download_html` and `.download_csv`. The documents are
// made only when a button is clicked.
void DownloadButtons(const std::string& prefix, const std::string& base_name, const std::function<std::string()>& html,
                     const std::function<std::string()>& csv, CommandList& commands)
{
    ImGui::SameLine(0, 24);
    if (ImGui::Button(Tr(StrId::ReportsDownloadHtml)))
        commands.push_back(Command{CommandKind::Download, {}, base_name + ".html", false, html(), {}, kHtmlMime});
    MarkItem(prefix + ".download_html");
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::ReportsDownloadCsv)))
        commands.push_back(Command{CommandKind::Download, {}, base_name + ".csv", false, csv(), {}, kCsvMime});
    MarkItem(prefix + ".download_csv");
}

// A window of the reports menu, placed and sized on first use. Returns whether to draw its content
// (End() is always the caller's).
bool BeginReportWindow(StrId title, const char* id, bool* open, float width, float height)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width, viewport->WorkSize.x - 40), std::min(height, viewport->WorkSize.y - 60)),
                             ImGuiCond_Appearing);
    const std::string label = std::string(Tr(title)) + "###" + id;
    return ImGui::Begin(label.c_str(), open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
}

struct Column {
    StrId header;
    bool number = false;     // right-aligned
    bool stretch = false;    // takes the remaining width
};

// A read-only table whose cells come from `cell(row, column)`; without wrapped columns only the
// visible rows are asked for.
void ReportTable(const char* id, const std::vector<Column>& columns, int row_count,
                 const std::function<std::string(int row, int column)>& cell,
                 const std::function<bool(int row)>& highlight = {})
{
    if (row_count == 0) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::ReportsNone));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags))
        return;
    for (const Column& c : columns)
        ImGui::TableSetupColumn(Tr(c.header), c.stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_None);
    ImGui::TableHeadersRow();
    auto draw_row = [&](int r) {
        ImGui::TableNextRow();
        if (highlight && highlight(r))
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(1.0f, 0.93f, 0.70f, 1.0f)));
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            const std::string text = cell(r, c);
            if (columns[static_cast<std::size_t>(c)].number) {
                const float free = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text.c_str()).x;
                if (free > 0)
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + free);
                ImGui::TextUnformatted(text.c_str());
            } else if (columns[static_cast<std::size_t>(c)].stretch) {
                TextWrappedCjk(text);
            } else {
                ImGui::TextUnformatted(text.c_str());
            }
        }
    };
    // The clipper assumes rows of one height: with wrapped text (a stretch column) every row is drawn.
    if (std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.stretch; })) {
        for (int r = 0; r < row_count; ++r)
            draw_row(r);
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(row_count);
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r)
                draw_row(r);
    }
    ImGui::EndTable();
}

std::string Fixed2(double v) { return Format("%.2f", v); }

void RankingTable(const char* id, const Ranking& ranking)
{
    ReportTable(id,
                {{StrId::ReportsColRank, true}, {StrId::ReportsColUnit}, {StrId::ReportsColInvestment, true},
                 {StrId::ReportsColStart, true}, {StrId::ReportsColFunds, true}, {StrId::ReportsColCompletion, true},
                 {StrId::ReportsColScore, true}, {StrId::ReportsColBottom}},
                static_cast<int>(ranking.entries.size()), [&](int r, int c) -> std::string {
                    const RankEntry& e = ranking.entries[static_cast<std::size_t>(r)];
                    switch (c) {
                    case 0: return std::to_string(e.rank);
                    case 1: return e.name;
                    case 6: return Fixed2(e.score);
                    case 7: return e.bottom ? Tr(StrId::ReportsColBottom) : "";
                    default: return Fixed2(e.points[c - 2]);
                    }
                });
}

void InterviewTable(const char* id, const std::vector<InterviewEntry>& interviews)
{
    ReportTable(id, {{StrId::ReportsColUnit}, {StrId::ReportsColInterviewer}, {StrId::ReportsColReason, false, true}},
                static_cast<int>(interviews.size()), [&](int r, int c) -> std::string {
                    const InterviewEntry& e = interviews[static_cast<std::size_t>(r)];
                    return c == 0 ? e.unit_name : c == 1 ? e.interviewer : e.explanation;
                });
}

void ColourTable(const char* id, const std::vector<ColourLine>& lines)
{
    ReportTable(id, {{StrId::ReportsColId}, {StrId::ReportsColProject}, {StrId::ReportsColWarning, false, true}},
                static_cast<int>(lines.size()), [&](int r, int c) -> std::string {
                    const ColourLine& l = lines[static_cast<std::size_t>(r)];
                    return c == 0 ? l.project_id : c == 1 ? l.project_name : l.reasons;
                });
}

void ProblemTable(const char* id, const std::vector<ProblemLine>& lines)
{
    ReportTable(id,
                {{StrId::ReportsColId}, {StrId::ReportsColProject}, {StrId::ReportsColProblem, false, true},
                 {StrId::ReportsColUnit}, {StrId::ReportsColDeadline}, {StrId::ReportsColDaysOverdue, true}},
                static_cast<int>(lines.size()), [&](int r, int c) -> std::string {
                    const ProblemLine& l = lines[static_cast<std::size_t>(r)];
                    switch (c) {
                    case 0: return l.id;
                    case 1: return l.project_name;
                    case 2: return l.text;
                    case 3: return l.unit_name;
                    case 4: return l.deadline.ToString();
                    default: return l.days_overdue > 0 ? std::to_string(l.days_overdue) : "";
                    }
                });
}

bool Section(const std::string& title, bool open_by_default = true)
{
    return ImGui::CollapsingHeader(title.c_str(), open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

//-----------------------------------------------------------------------------
// [SECTION] 发布: the month's rankings stored in the ledger
//-----------------------------------------------------------------------------

const MonthRankings& CachedComputedRankings(const Ledger& ledger, ReportsView& view, YearMonth month)
{
    auto it = view.computed_rankings.find(month.Index());
    if (it == view.computed_rankings.end())
        it = view.computed_rankings.emplace(month.Index(), ComputeRankings(ledger, month)).first;
    return it->second;
}

const std::vector<RankingChange>& CachedRankingChanges(const Ledger& ledger, ReportsView& view,
                                                       const PublishedRankings& published)
{
    auto it = view.ranking_changes.find(published.month.Index());
    if (it == view.ranking_changes.end())
        it = view.ranking_changes
                 .emplace(published.month.Index(),
                          CompareWithPublished(published, CachedComputedRankings(ledger, view, published.month)))
                 .first;
    return it->second;
}

// A stored timestamp in the user's local time, to the minute.
std::string LocalMinuteText(const std::string& timestamp)
{
    if (std::optional<double> ms = TimestampToUnixMs(timestamp))
        return platform::LocalTimeText(*ms).substr(0, 16);
    return timestamp;
}

void EmitPublish(const Ledger& ledger, const MonthRankings& computed, CommandList& commands)
{
    PublishedRankings rankings = ToPublished(computed, ledger.settings.ranking.bottom_n, "", "");
    commands.push_back(Command{CommandKind::Edit, [rankings](EditHistory& history, const EditContext& context) {
                                   return history.PublishRankings(context, rankings);
                               }});
}

void EmitWithdraw(YearMonth month, CommandList& commands)
{
    commands.push_back(Command{CommandKind::Edit, [month](EditHistory& history, const EditContext& context) {
                                   return history.WithdrawRankings(context, month);
                               }});
}

void ChangesTable(const char* id, const std::vector<RankingChange>& changes)
{
    auto rank = [](int r) { return r > 0 ? std::to_string(r) : std::string(Tr(StrId::PublishNotRanked)); };
    ReportTable(id,
                {{StrId::ReportsColUnit}, {StrId::PublishColPublishedRank, true}, {StrId::PublishColCurrentRank, true},
                 {StrId::PublishColPublishedScore, true}, {StrId::PublishColCurrentScore, true}},
                static_cast<int>(changes.size()), [&](int r, int c) -> std::string {
                    const RankingChange& x = changes[static_cast<std::size_t>(r)];
                    switch (c) {
                    case 0: return x.name;
                    case 1: return rank(x.published_rank);
                    case 2: return rank(x.current_rank);
                    case 3: return x.published_rank > 0 ? Fixed2(x.published_score) : "";
                    default: return x.current_rank > 0 ? Fixed2(x.current_score) : "";
                    }
                });
}

// Whether the month's rankings are published, by whom and when, and how the ledger differs from
// them now; the publish, publish-again and withdraw buttons (`<prefix>.publish`, `.republish`,
// `.withdraw`), the note `.published`, the difference `.changed` and its list `.changes`; the
// confirmation's buttons are `publication.confirm` and `publication.cancel`.
void PublicationBar(const std::string& prefix, const Ledger& ledger, ReportsView& view, YearMonth month,
                    CommandList& commands)
{
    const PublishedRankings* published = FindPublished(ledger, month);
    if (!published) {
        if (ImGui::Button(Tr(StrId::PublishButton)))
            EmitPublish(ledger, CachedComputedRankings(ledger, view, month), commands);
        MarkItem(prefix + ".publish");
        ImGui::PushStyleColor(ImGuiCol_Text, theme::DimText());
        TextWrappedCjk(Tr(StrId::UnpublishedNote));
        ImGui::PopStyleColor();
        return;
    }
    const std::string when = LocalMinuteText(published->published_at);
    const std::string note = published->published_by.empty()
                                 ? Format(Tr(StrId::PublishedNote), when.c_str())
                                 : Format(Tr(StrId::PublishedByNote), when.c_str(), published->published_by.c_str());
    ImGui::TextColored(theme::Accent(), "%s", note.c_str());
    MarkItem(prefix + ".published");
    const std::vector<RankingChange>& changes = CachedRankingChanges(ledger, view, *published);
    if (!changes.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(Tr(StrId::RepublishButton))) {
            view.pending_publication = ReportsView::PendingPublication::Republish;
            view.pending_month = month;
        }
        MarkItem(prefix + ".republish");
    }
    ImGui::SameLine();
    if (ImGui::Button(Tr(StrId::WithdrawButton))) {
        view.pending_publication = ReportsView::PendingPublication::Withdraw;
        view.pending_month = month;
    }
    MarkItem(prefix + ".withdraw");
    if (!changes.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::WarningText());
        TextWrappedCjk(Format(Tr(StrId::PublishChanged), static_cast<int>(changes.size())));
        ImGui::PopStyleColor();
        MarkItem(prefix + ".changed");
        const bool open = ImGui::TreeNode((std::string(Tr(StrId::PublishChangesTitle)) + "###" + prefix + "_changes").c_str());
        MarkItem(prefix + ".changes");
        if (open) {
            ChangesTable(("##" + prefix + "_changes").c_str(), changes);
            ImGui::TreePop();
        }
    }
}

// The confirmation of publishing again or withdrawing (one modal for both windows).
void PublicationConfirm(const Ledger& ledger, ReportsView& view, CommandList& commands)
{
    const char* title = Tr(StrId::PublishConfirmTitle);
    if (view.pending_publication != ReportsView::PendingPublication::None && !ImGui::IsPopupOpen(title))
        ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    const YearMonth month = view.pending_month;
    const PublishedRankings* published = FindPublished(ledger, month);
    const bool republish = view.pending_publication == ReportsView::PendingPublication::Republish;
    bool close = published == nullptr;  // undone meanwhile: nothing left to confirm
    if (published) {
        const std::string month_text = MonthLabel(month);
        const std::string text =
            republish ? Format(Tr(StrId::PublishConfirmText), month_text.c_str(),
                               LocalMinuteText(published->published_at).c_str())
                      : Format(Tr(StrId::WithdrawConfirmText), month_text.c_str());
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        TextWrappedCjk(text);
        ImGui::PopTextWrapPos();
        if (ImGui::Button(republish ? Tr(StrId::RepublishButton) : Tr(StrId::WithdrawButton))) {
            if (republish)
                EmitPublish(ledger, CachedComputedRankings(ledger, view, month), commands);
            else
                EmitWithdraw(month, commands);
            close = true;
        }
        MarkItem("publication.confirm");
        ImGui::SameLine();
    }
    if (ImGui::Button(Tr(StrId::ButtonCancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        close = true;
    MarkItem("publication.cancel");
    if (close) {
        view.pending_publication = ReportsView::PendingPublication::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Which months the interview list stands on, and whether each is published: "2016年5月（已发布）、…".
std::string InterviewBasis(const Ledger& ledger, YearMonth month)
{
    std::string text;
    for (YearMonth m : {YearMonth::FromIndex(month.Index() - 1), month}) {
        if (m.year != ledger.meta.year)
            continue;
        if (!text.empty())
            text += CurrentLanguage() == Language::Chinese ? "、" : ", ";
        text += MonthLabel(m) + Tr(FindPublished(ledger, m) ? StrId::InterviewsPublished : StrId::InterviewsComputed);
    }
    return Format(Tr(StrId::InterviewsSourceNote), text.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] 月度通报
//-----------------------------------------------------------------------------

void KeyFigures(const Bulletin& b, std::size_t project_count)
{
    const IndicatorSet& t = b.indicators.total.set;
    const Figure& inv = t.Get(Indicator::Investment);
    struct Row {
        std::string name, value;
    };
    const bool zh = CurrentLanguage() == Language::Chinese;
    auto name = [&](Indicator i) { return std::string(zh ? IndicatorName(i) : IndicatorNameEn(i)); };
    const std::vector<Row> rows = {
        {Tr(StrId::ReportsProjectCount), std::to_string(project_count)},
        {Tr(StrId::ReportsPlan), Money::FromCents(inv.denominator).ToDisplay()},
        {Tr(StrId::ReportsDone), Money::FromCents(inv.numerator).ToDisplay()},
        {name(Indicator::Investment), kpl::FormatPercent(inv.percent)},
        {Tr(StrId::ReportsSchedule), kpl::FormatPercent(t.schedule_percent)},
        {name(Indicator::Fulfilment), kpl::FormatPercent(t.Get(Indicator::Fulfilment).percent)},
        {name(Indicator::Start), kpl::FormatPercent(t.Get(Indicator::Start).percent)},
        {name(Indicator::Funds), kpl::FormatPercent(t.Get(Indicator::Funds).percent)},
        {name(Indicator::Completion), kpl::FormatPercent(t.Get(Indicator::Completion).percent)},
    };
    ReportTable("##key_figures", {{StrId::ReportsColFigure}, {StrId::ReportsColValue, true}}, static_cast<int>(rows.size()),
                [&](int r, int c) { return c == 0 ? rows[static_cast<std::size_t>(r)].name : rows[static_cast<std::size_t>(r)].value; });
}

void DrawBulletinWindow(const Ledger& ledger, ReportsView& view, CommandList& commands)
{
    if (!BeginReportWindow(StrId::ReportsBulletin, "reports_bulletin", &view.bulletin_open, 920, 720)) {
        ImGui::End();
        return;
    }
    YearMonth& month = ChosenMonth(view.bulletin_month, ledger);
    MonthPicker("bulletin.month", ledger.meta.year, month);
    const Bulletin& b = CachedBulletin(ledger, view, month);
    DownloadButtons("bulletin", b.title + "-" + month.ToString(), [&] { return BulletinHtml(b, ledger); },
                    [&] { return BulletinCsv(b, ledger); }, commands);
    ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::ReportsDocumentNote));
    PublicationBar("bulletin", ledger, view, month, commands);
    ImGui::Separator();
    ImGui::BeginChild("##bulletin_body");
    ImGui::TextColored(theme::Accent(), "%s",
                       Format(Tr(StrId::ReportsBulletinHeading), b.title.c_str(), b.number, b.issuing_unit.c_str()).c_str());
    if (Section(Tr(StrId::ReportsOverview)))
        TextWrappedCjk(b.overview);
    if (Section(Tr(StrId::ReportsKeyFigures)))
        KeyFigures(b, ledger.projects.size());
    if (Section(Tr(StrId::ReportsDistrictRanking)))
        RankingTable("##districts", b.rankings.districts);
    if (Section(Tr(StrId::ReportsDepartmentRanking)))
        RankingTable("##departments", b.rankings.departments);
    if (Section(Format(Tr(StrId::ReportsRedList), static_cast<int>(b.red.size())) + "###red"))
        ColourTable("##red", b.red);
    if (Section(Format(Tr(StrId::ReportsYellowList), static_cast<int>(b.yellow.size())) + "###yellow", false))
        ColourTable("##yellow", b.yellow);
    if (Section(Format(Tr(StrId::ReportsAssignedList), static_cast<int>(b.assigned.size())) + "###assigned", false))
        ProblemTable("##assigned", b.assigned);
    if (Section(Format(Tr(StrId::ReportsClosedList), static_cast<int>(b.closed.size())) + "###closed", false))
        ProblemTable("##closed", b.closed);
    if (Section(Format(Tr(StrId::ReportsOverdueList), static_cast<int>(b.overdue.size())) + "###overdue", false))
        ProblemTable("##overdue", b.overdue);
    if (Section(Format(Tr(StrId::ReportsInterviews), static_cast<int>(b.interviews.size())) + "###interviews"))
        InterviewTable("##interviews", b.interviews);
    ImGui::EndChild();
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] 季度调度
//-----------------------------------------------------------------------------

void DrawDispatchWindow(const Ledger& ledger, ReportsView& view, CommandList& commands)
{
    if (!BeginReportWindow(StrId::ReportsDispatch, "reports_dispatch", &view.dispatch_open, 880, 620)) {
        ImGui::End();
        return;
    }
    const int year = ledger.meta.year;
    if (view.dispatch_quarter < 1 || view.dispatch_quarter > 4)
        view.dispatch_quarter = (DefaultMonth(ledger).month + 2) / 3;
    ImGui::TextUnformatted(Tr(StrId::ReportsQuarter));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    const bool open = ImGui::BeginCombo("##dispatch_quarter",
                                        Format(Tr(StrId::ReportsQuarterItem), year, view.dispatch_quarter).c_str());
    MarkItem("dispatch.quarter");
    if (open) {
        for (int q = 1; q <= 4; ++q) {
            if (ImGui::Selectable(Format(Tr(StrId::ReportsQuarterItem), year, q).c_str(), q == view.dispatch_quarter))
                view.dispatch_quarter = q;
            MarkItem("dispatch.quarter." + QuarterKey(year, q));
        }
        ImGui::EndCombo();
    }
    const Dispatch& d = CachedDispatch(ledger, view, view.dispatch_quarter);
    DownloadButtons("dispatch", d.title + "-" + QuarterKey(year, d.quarter), [&] { return DispatchHtml(d, ledger); },
                    [&] { return DispatchCsv(d); }, commands);
    ImGui::Separator();
    ImGui::BeginChild("##dispatch_body");
    if (Section(Tr(StrId::ReportsDispatchUnits)))
        ReportTable("##dispatch_units",
                    {{StrId::ReportsColUnit}, {StrId::ReportsColAssigned, true}, {StrId::ReportsColClosed, true},
                     {StrId::ReportsColOverdue, true}, {StrId::ReportsColOpen, true}},
                    static_cast<int>(d.units.size()), [&](int r, int c) -> std::string {
                        const DispatchUnitRow& u = d.units[static_cast<std::size_t>(r)];
                        const int counts[] = {u.assigned, u.closed, u.overdue, u.open};
                        return c == 0 ? u.unit_name : std::to_string(counts[c - 1]);
                    });
    if (Section(Format(Tr(StrId::ReportsMeetingList), static_cast<int>(d.meeting_list.size())) + "###meeting"))
        ProblemTable("##meeting", d.meeting_list);
    ImGui::EndChild();
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] 排名与约谈
//-----------------------------------------------------------------------------

void DrawRankingsWindow(const Ledger& ledger, ReportsView& view, CommandList& commands)
{
    if (!BeginReportWindow(StrId::ReportsRankings, "reports_rankings", &view.rankings_open, 860, 640)) {
        ImGui::End();
        return;
    }
    YearMonth& month = ChosenMonth(view.rankings_month, ledger);
    MonthPicker("rankings.month", ledger.meta.year, month);
    // The bulletin holds the month's rankings and interviews: one cache serves both windows.
    const Bulletin& b = CachedBulletin(ledger, view, month);
    PublicationBar("rankings", ledger, view, month, commands);
    ImGui::Separator();
    ImGui::BeginChild("##rankings_body");
    if (Section(Tr(StrId::ReportsDistrictRanking)))
        RankingTable("##rank_districts", b.rankings.districts);
    if (Section(Tr(StrId::ReportsDepartmentRanking)))
        RankingTable("##rank_departments", b.rankings.departments);
    if (Section(Format(Tr(StrId::ReportsInterviews), static_cast<int>(b.interviews.size())) + "###interviews")) {
        ImGui::TextColored(theme::DimText(), "%s", InterviewBasis(ledger, month).c_str());
        InterviewTable("##rank_interviews", b.interviews);
    }
    ImGui::EndChild();
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] 年度考核
//-----------------------------------------------------------------------------

std::string ScoreText(double score)
{
    std::string text = Format("%.2f", score);
    // 90.00 shows as 90, 87.50 as 87.5: what the office typed.
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

// Applies the typed qualitative score of `unit_id` as one undoable settings edit: a number from 0
// to 100 sets it, an empty field removes it. Returns false when the text is no valid score.
bool CommitQualitative(const Ledger& ledger, const std::string& unit_id, const std::string& typed, CommandList& commands)
{
    std::string text = typed;
    text.erase(0, text.find_first_not_of(" \t"));
    text.erase(text.find_last_not_of(" \t") + 1);
    Settings settings = ledger.settings;
    std::vector<QualitativeScore>& scores = settings.assessment.qualitative_scores;
    auto it = std::find_if(scores.begin(), scores.end(), [&](const QualitativeScore& q) { return q.unit_id == unit_id; });
    if (text.empty()) {
        if (it == scores.end())
            return true;
        scores.erase(it);
    } else {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size() || !(value >= 0 && value <= 100))
            return false;
        if (it != scores.end()) {
            if (it->score == value)
                return true;
            it->score = value;
        } else {
            scores.push_back(QualitativeScore{unit_id, value, ExtraFields::object()});
        }
    }
    commands.push_back(Command{CommandKind::Edit, [settings](EditHistory& history, const EditContext& context) {
                                   return history.SetSettings(context, settings);
                               }});
    return true;
}

void AssessmentTable(const char* id, const Ledger& ledger, const std::vector<AssessmentEntry>& entries, ReportsView& view,
                     CommandList& commands)
{
    if (entries.empty()) {
        ImGui::TextColored(theme::DimText(), "%s", Tr(StrId::ReportsNone));
        return;
    }
    const StrId headers[] = {StrId::ReportsColRank,     StrId::ReportsColUnit,     StrId::ReportsColQuantitative,
                             StrId::ReportsColQualitative, StrId::ReportsColWeighted, StrId::ReportsColOverdueProblems,
                             StrId::ReportsColDeduction, StrId::ReportsColTotal};
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(id, 8, flags))
        return;
    for (StrId h : headers)
        ImGui::TableSetupColumn(Tr(h));
    ImGui::TableHeadersRow();
    for (const AssessmentEntry& e : entries) {
        ImGui::TableNextRow();
        ImGui::PushID(e.unit_id.c_str());
        ImGui::TableSetColumnIndex(0);
        // The row holds a text field: the text cells line up with its text.
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d", e.rank);
        ImGui::TableSetColumnIndex(1);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(e.name.c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Fixed2(e.quantitative).c_str());
        ImGui::TableSetColumnIndex(3);
        auto text = view.qualitative_text.find(e.unit_id);
        if (text == view.qualitative_text.end())
            text = view.qualitative_text.emplace(e.unit_id, e.qualitative ? ScoreText(*e.qualitative) : "").first;
        const bool bad = view.qualitative_bad_unit == e.unit_id;
        if (bad)
            ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1.0f, 0.85f, 0.85f, 1.0f));
        ImGui::SetNextItemWidth(90);
        ImGui::InputText("##qualitative", &text->second);
        if (bad)
            ImGui::PopStyleColor();
        MarkItem("assessment.qualitative." + e.unit_id);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            if (CommitQualitative(ledger, e.unit_id, text->second, commands))
                view.qualitative_bad_unit.clear();
            else
                view.qualitative_bad_unit = e.unit_id;
        }
        if (bad && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(StrId::ReportsQualitativeBad));
        ImGui::TableSetColumnIndex(4);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Fixed2(e.weighted).c_str());
        ImGui::TableSetColumnIndex(5);
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d", e.overdue_problems);
        ImGui::TableSetColumnIndex(6);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Fixed2(e.deduction).c_str());
        ImGui::TableSetColumnIndex(7);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Fixed2(e.total).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DrawAssessmentWindow(const Ledger& ledger, ReportsView& view, CommandList& commands)
{
    if (!BeginReportWindow(StrId::ReportsAssessment, "reports_assessment", &view.assessment_open, 860, 640)) {
        ImGui::End();
        return;
    }
    YearMonth& month = ChosenMonth(view.assessment_month, ledger);
    MonthPicker("assessment.month", ledger.meta.year, month);
    const Assessment& a = CachedAssessment(ledger, view, month);
    DownloadButtons("assessment", AssessmentTitle() + "-" + month.ToString(), [&] { return AssessmentHtml(a, ledger); },
                    [&] { return AssessmentCsv(a); }, commands);
    const AssessmentSettings& s = ledger.settings.assessment;
    TextWrappedCjk(Format(Tr(StrId::ReportsAssessmentRule), s.quantitative_weight, s.qualitative_weight,
                          s.overdue_problem_deduction));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::DimText());
    TextWrappedCjk(Tr(StrId::ReportsQualitativeHint));
    ImGui::PopStyleColor();
    if (!view.qualitative_bad_unit.empty())
        ImGui::TextColored(theme::ErrorText(), "%s", Tr(StrId::ReportsQualitativeBad));
    ImGui::Separator();
    ImGui::BeginChild("##assessment_body");
    if (Section(Tr(StrId::ReportsGroupDistricts)))
        AssessmentTable("##assess_districts", ledger, a.districts, view, commands);
    if (Section(Tr(StrId::ReportsGroupDepartments)))
        AssessmentTable("##assess_departments", ledger, a.departments, view, commands);
    ImGui::EndChild();
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] 工作日历
//-----------------------------------------------------------------------------

void DrawCalendarWindow(const AppState& state, const Ledger& ledger, ReportsView& view)
{
    if (!BeginReportWindow(StrId::ReportsCalendar, "reports_calendar", &view.calendar_open, 820, 520)) {
        ImGui::End();
        return;
    }
    // "This month": today's month, which LedgerToday keeps within the ledger's reporting period.
    const Date today = LedgerToday(state);
    const YearMonth now{today.year, today.month};
    const std::vector<CampaignEvent> calendar = CampaignCalendar(ledger.meta.year);
    const std::vector<CampaignEvent> due = CampaignDue(ledger.meta.year, now);
    if (view.calendar_noted_year != ledger.meta.year) {
        for (const CampaignEvent& event : calendar) {
            NoteTextShown(event.name);
            NoteTextShown(event.description);
        }
        view.calendar_noted_year = ledger.meta.year;
    }
    auto when = [](const CampaignEvent& e) {
        return e.from == e.to ? MonthLabel(e.from) : MonthLabel(e.from) + " – " + MonthLabel(e.to);
    };
    ReportTable("##calendar", {{StrId::ReportsColWhen}, {StrId::ReportsColStage}, {StrId::ReportsColWhat, false, true}},
                static_cast<int>(calendar.size()),
                [&](int r, int c) -> std::string {
                    const CampaignEvent& e = calendar[static_cast<std::size_t>(r)];
                    return c == 0 ? when(e) : c == 1 ? e.name : e.description;
                },
                [&](int r) {
                    const CampaignEvent& e = calendar[static_cast<std::size_t>(r)];
                    return e.from <= now && now <= e.to;
                });
    ImGui::Spacing();
    ImGui::TextColored(theme::Accent(), "%s", Format(Tr(StrId::ReportsCalendarDue), MonthLabel(now).c_str()).c_str());
    MarkItem("calendar.due");
    ReportTable("##calendar_due", {{StrId::ReportsColStage}, {StrId::ReportsColWhat, false, true}},
                static_cast<int>(due.size()), [&](int r, int c) -> std::string {
                    const CampaignEvent& e = due[static_cast<std::size_t>(r)];
                    return c == 0 ? e.name : e.description;
                });
    ImGui::End();
}

} // namespace

void DrawReportsMenu(const AppState& state, ReportsView& view, CommandList& /*commands*/)
{
    const bool open = ImGui::BeginMenu(Tr(StrId::MenuReports));
    MarkItem("menu.reports");
    if (!open)
        return;
    const bool enabled = HasLedger(state);
    struct Item {
        StrId label;
        bool* flag;
        const char* mark;
    };
    const Item items[] = {{StrId::ReportsBulletin, &view.bulletin_open, "reports.bulletin"},
                          {StrId::ReportsDispatch, &view.dispatch_open, "reports.dispatch"},
                          {StrId::ReportsRankings, &view.rankings_open, "reports.rankings"},
                          {StrId::ReportsAssessment, &view.assessment_open, "reports.assessment"},
                          {StrId::ReportsCalendar, &view.calendar_open, "reports.calendar"}};
    for (const Item& item : items) {
        // Opening a window is the view's own state, not the ledger's: no command is needed.
        if (ImGui::MenuItem(Tr(item.label), nullptr, *item.flag, enabled))
            *item.flag = true;
        MarkItem(item.mark);
    }
    ImGui::EndMenu();
}

void DrawReportsWindows(const AppState& state, ReportsView& view, CommandList& commands)
{
    const Ledger* ledger = CurrentLedger(state);
    if (!ledger)
        return;
    RefreshCache(state, view);
    if (view.bulletin_open)
        DrawBulletinWindow(*ledger, view, commands);
    if (view.dispatch_open)
        DrawDispatchWindow(*ledger, view, commands);
    if (view.rankings_open)
        DrawRankingsWindow(*ledger, view, commands);
    if (view.assessment_open)
        DrawAssessmentWindow(*ledger, view, commands);
    if (view.calendar_open)
        DrawCalendarWindow(state, *ledger, view);
    PublicationConfirm(*ledger, view, commands);
}

} // namespace kpl::ui
