// The ledger model: lookups by ID, enum <-> JSON text, Chinese labels.
#include "model.h"

namespace kpl {

const char* const kRankedRateKeys[4] = {"investment_completion", "start", "funds", "completion"};

namespace {

template <typename Record>
const Record* FindById(const std::vector<Record>& records, const std::string& id)
{
    for (const Record& r : records)
        if (r.id == id)
            return &r;
    return nullptr;
}

// One row per enum value: its JSON text and its Chinese label. Tables are indexed by the enum value,
// so each table lists the values in declaration order.
struct EnumText {
    const char* json;
    const char* chinese;
};

const EnumText kDistrictKinds[] = {
    {"district", "区"}, {"county", "县"}, {"city", "县级市"}, {"zone", "示范区"}};
const EnumText kProjectStatuses[] = {
    {"not_started", "未开工"}, {"under_construction", "在建"}, {"completed", "已竣工"},
    {"commissioned", "已投产"}};
const EnumText kProblemCategories[] = {
    {"land", "土地"}, {"traffic", "交通"}, {"road", "道路"}, {"power", "电力"},
    {"funding", "资金"}, {"approval", "审批"}, {"other", "其他"}};
const EnumText kProblemStates[] = {
    {"assigned", "已交办"}, {"accepted", "已签收"}, {"feedback", "已反馈"}, {"closed", "已销号"},
    {"reopened", "退回重办"}};
const EnumText kActionKinds[] = {
    {"assign", "交办"}, {"accept", "签收"}, {"feedback", "反馈"}, {"supervise", "督查"},
    {"close_out", "销号"}, {"reopen", "退回重办"}};
const EnumText kScheduleBases[] = {{"calendar_months", "按自然月"}, {"from_month", "自起始月起"}};

template <typename Enum, std::size_t N>
std::optional<Enum> ParseEnum(const EnumText (&table)[N], std::string_view text)
{
    for (std::size_t i = 0; i < N; ++i)
        if (text == table[i].json)
            return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

const District* FindDistrict(const Ledger& ledger, const std::string& id) { return FindById(ledger.districts, id); }
const Department* FindDepartment(const Ledger& ledger, const std::string& id) { return FindById(ledger.departments, id); }
const CityLeader* FindCityLeader(const Ledger& ledger, const std::string& id) { return FindById(ledger.city_leaders, id); }
const Project* FindProject(const Ledger& ledger, const std::string& id) { return FindById(ledger.projects, id); }

const char* ToJsonText(DistrictKind v) { return kDistrictKinds[static_cast<int>(v)].json; }
const char* ToJsonText(ProjectStatus v) { return kProjectStatuses[static_cast<int>(v)].json; }
const char* ToJsonText(ProblemCategory v) { return kProblemCategories[static_cast<int>(v)].json; }
const char* ToJsonText(ProblemState v) { return kProblemStates[static_cast<int>(v)].json; }
const char* ToJsonText(ActionKind v) { return kActionKinds[static_cast<int>(v)].json; }
const char* ToJsonText(ScheduleBasis v) { return kScheduleBases[static_cast<int>(v)].json; }

std::optional<DistrictKind> ParseDistrictKind(std::string_view text) { return ParseEnum<DistrictKind>(kDistrictKinds, text); }
std::optional<ProjectStatus> ParseProjectStatus(std::string_view text) { return ParseEnum<ProjectStatus>(kProjectStatuses, text); }
std::optional<ProblemCategory> ParseProblemCategory(std::string_view text) { return ParseEnum<ProblemCategory>(kProblemCategories, text); }
std::optional<ProblemState> ParseProblemState(std::string_view text) { return ParseEnum<ProblemState>(kProblemStates, text); }
std::optional<ActionKind> ParseActionKind(std::string_view text) { return ParseEnum<ActionKind>(kActionKinds, text); }
std::optional<ScheduleBasis> ParseScheduleBasis(std::string_view text) { return ParseEnum<ScheduleBasis>(kScheduleBases, text); }

const char* ChineseLabel(ProjectStatus v) { return kProjectStatuses[static_cast<int>(v)].chinese; }
const char* ChineseLabel(ProblemCategory v) { return kProblemCategories[static_cast<int>(v)].chinese; }
const char* ChineseLabel(ProblemState v) { return kProblemStates[static_cast<int>(v)].chinese; }
const char* ChineseLabel(ActionKind v) { return kActionKinds[static_cast<int>(v)].chinese; }
const char* ChineseLabel(DistrictKind v) { return kDistrictKinds[static_cast<int>(v)].chinese; }

} // namespace kpl
