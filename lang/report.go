package lang

// NoLineStart are the punctuation marks a printed line never starts with
// (the rule of line breaking in Chinese typesetting, 避头尾).
const NoLineStart = "，。、；：？！）》」』】’”,.;:?!)]…%"

// Numerals number the sections of a Chinese log: 一、二、…
var Numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// VenueShare is the text beside a venue's bar in the chart, in both
// languages alike for now (the English golden keeps the full-width brackets).
const VenueShare = "%.1f%%（%s/%s h）"

// Texts of the daily log, the service-hours table and the certificates
// (report/).
var (
	DefineRankText = Text{"排名：同一级别内按综合得分（响应率、办结率、满意率中有数据的几项的平均值）从高到低；没有可计算比率的中心排在最后。标记“末位”为同级别后十分之一（同级别至少两个中心时），“未上报”为超过 24 小时没有上报。", "Rank: within each level by score (the mean of the response, resolution and satisfaction rates that have anything counted), highest first; centers with no rate come last. “bottom” marks the lowest tenth of a level (of two or more centers), “stale” a center silent for over 24 hours."}
	// Parenthesized is a thing with a detail in brackets: a day and its weekday,
	// a center and its code.
	Parenthesized               = Text{"%s（%s）", "%s (%s)"}
	ListSep                     = Text{"、", ", "}
	OpenBracket                 = Text{"【", "["}
	CloseBracket                = Text{"】", "]"}
	Section                     = Text{"区块", "Section"}
	Log                         = Text{"台账信息", "Log"}
	Item                        = Text{"项目", "Item"}
	Value                       = Text{"内容", "Value"}
	TitleKey                    = Text{"标题", "Title"}
	Signature                   = Text{"签字", "Signature"}
	VolunteerServiceHours       = Text{"志愿服务时长统计", "Volunteer service hours"}
	Period                      = Text{"统计期间", "Period"}
	PrintedBy                   = Text{"打印人", "Printed by"}
	PrintedAt                   = Text{"打印时间", "Printed at"}
	ManagerSignature            = Text{"负责人签字", "Manager's signature"}
	NoService                   = Text{"本期无志愿服务记录", "no service recorded in the period"}
	SerialNo                    = Text{"序号", "#"}
	PartyShort                  = Text{"党员", "Party"}
	Times                       = Text{"服务次数", "Times"}
	Hours                       = Text{"时长（小时）", "Hours"}
	HoursTotal                  = Text{"合计：%d 人，%d 次，%s 小时", "Total: %d people, %d times, %s hours"}
	Phone                       = Text{"电话 ", "phone "}
	OpenParenSpaced             = Text{"（", " ("}
	CommaSep                    = Text{"，", ", "}
	CloseParen                  = Text{"）", ")"}
	CertificateTitle            = Text{"志愿服务时长证明", "Certificate of volunteer service hours"}
	CertificateBody             = Text{"兹证明 %s 于 %s 期间在%s参加志愿服务 %d 次，累计服务时长 %s 小时。", "This is to certify that %s served as a volunteer at %s %d times in the period %s, %s hours in all."}
	IssuedOnRequest             = Text{"特此证明。", "Issued on request."}
	Seal                        = Text{"（盖章）", "(seal)"}
	In                          = Text{"签到", "In"}
	Out                         = Text{"签退", "Out"}
	ActivityHead                = Text{"服务内容", "Activity"}
	ServiceRecord               = Text{"服务记录：", "Service record:"}
	YesLower                    = Text{"是", "yes"}
	To                          = Text{"至", "to"}
	DailyLog                    = Text{"每日台账", "Daily log"}
	LogShort                    = Text{"台账", "Log"}
	CenterKey                   = Text{"中心", "Center"}
	CenterCodeKey               = Text{"中心代码", "Center code"}
	PeriodKey                   = Text{"日期", "Period"}
	SectionRequests             = Text{"诉求受理", "Requests"}
	OverdueEarlier              = Text{"往日逾期未办结诉求", "Overdue requests from earlier days"}
	OverdueEarlierNote          = Text{"以上诉求受理于本期之前，打印时已超过承诺办结日期仍未办结。", "These requests were received before the period and were past their promised day, unresolved, at printing."}
	ValueHead                   = Text{"数值", "Value"}
	Summary                     = Text{"概况", "Summary"}
	Visits                      = Text{"来访", "Visits"}
	VisitBatches                = Text{"来访批次", "Visits"}
	HeadcountTotal              = Text{"来访人次", "Headcount"}
	DistinctVisitors            = Text{"来访人数（去重）", "Distinct visitors"}
	PartyMemberVisits           = Text{"党员来访", "Party-member visits"}
	ServiceVisits               = Text{"志愿服务次数", "Service visits"}
	Volunteers                  = Text{"志愿服务人数", "Volunteers"}
	ServiceHours                = Text{"志愿服务时长（小时）", "Service hours"}
	SummaryRequests             = Text{"诉求（接诉即办）", "Requests"}
	Received                    = Text{"受理登记", "Received"}
	UrgentCount                 = Text{"其中紧急", "Urgent"}
	Open                        = Text{"未办结", "Open"}
	TransferredCount            = Text{"其中已转办", "Transferred"}
	OverdueCount                = Text{"逾期", "Overdue"}
	ResponseRate                = Text{"响应率", "Response rate"}
	ResolutionRate              = Text{"办结率", "Resolution rate"}
	SatisfactionRate            = Text{"满意率", "Satisfaction rate"}
	SatisfactionBreakdown       = Text{"满意 / 基本满意 / 不满意", "Satisfied / fairly / unsatisfied"}
	Bookings                    = Text{"场地预约", "Bookings"}
	BookingsTotal               = Text{"预约总数", "Bookings"}
	ArrivedCount                = Text{"其中已到场", "Arrived"}
	NoShows                     = Text{"未到场", "No-shows"}
	BookedHours                 = Text{"预约时长（小时）", "Booked hours"}
	DeskAndKiosk                = Text{"前台与扫码", "Desk and kiosk"}
	Kind                        = Text{"类别", "Kind"}
	Total                       = Text{"合计", "Total"}
	RequestsShort               = Text{"诉求", "Requests"}
	BookingsShort               = Text{"预约", "Bookings"}
	VisitsByPurpose             = Text{"来访事由", "Visits by purpose"}
	Batches                     = Text{"批次", "Visits"}
	People                      = Text{"人次", "People"}
	RequestsByCategory          = Text{"诉求分类", "Requests by category"}
	ReceivedShort               = Text{"受理", "Received"}
	ResolvedShort               = Text{"办结", "Resolved"}
	Response                    = Text{"响应率", "Response"}
	ResolutionShort             = Text{"办结率", "Resolution"}
	SatisfactionShort           = Text{"满意率", "Satisfaction"}
	VenueUse                    = Text{"场地使用", "Venue use"}
	NoVenuesLower               = Text{"无场地", "no venues"}
	BookedH                     = Text{"预约时长", "Booked h"}
	OpenH                       = Text{"开放时长", "Open h"}
	Use                         = Text{"使用率", "Use"}
	ServiceH                    = Text{"服务时长", "Service h"}
	Req                         = Text{"诉求", "Req."}
	SatisfiedShort              = Text{"满意率", "Satisfied"}
	Book                        = Text{"预约", "Book."}
	DayByDay                    = Text{"逐日统计", "Day by day"}
	NoVisits                    = Text{"无来访", "no visits"}
	VisitNo                     = Text{"登记号", "No."}
	PeopleHead                  = Text{"人数", "People"}
	StaffHead                   = Text{"经办人", "Staff"}
	VisitLog                    = Text{"来访登记", "Visits"}
	AutoCheckoutNote            = Text{"* 闭馆时系统自动签退，不计志愿服务时长。", "* closed by the system at closing time; no service hours."}
	NoRequests                  = Text{"无诉求", "no requests"}
	RequestNo                   = Text{"受理号", "No."}
	ReceivedAt                  = Text{"时间", "Received"}
	Owner                       = Text{"负责人", "Owner"}
	Promised                    = Text{"承诺日期", "Promised"}
	ResponseHead                = Text{"响应", "Response"}
	Rating                      = Text{"满意度", "Rating"}
	TransferRejection           = Text{"转办/不予受理说明", "Transfer / rejection"}
	CommentHead                 = Text{"评价意见", "Comment"}
	OverduePrefix               = Text{"逾期·", "overdue · "}
	NoBookings                  = Text{"无预约", "no bookings"}
	BookingNo                   = Text{"预约号", "No."}
	Organiser                   = Text{"单位", "Organiser"}
	UnknownFormat               = Text{"不支持的格式“%s”，可选：%s", "unknown format %q; choose %s"}
	OpenParen                   = Text{"（", "("}
	SemicolonSep                = Text{"；", "; "}
	AllCenters                  = Text{"全部中心", "All centers"}
	NetworkReport               = Text{"党群服务中心网络汇总", "Network report"}
	Scope                       = Text{"汇总范围", "Scope"}
	Hub                         = Text{"汇总库", "Hub"}
	AsOf                        = Text{"数据截至", "As of"}
	Bottom                      = Text{"末位", "bottom"}
	Stale                       = Text{"未上报", "stale"}
	Level                       = Text{"级别", "Level"}
	Rank                        = Text{"名次", "Rank"}
	CenterCode                  = Text{"代码", "Code"}
	ResolvedRateShort           = Text{"办结率", "Resolved"}
	Score                       = Text{"综合", "Score"}
	Chart                       = Text{"得分图", "Chart"}
	ReportFlags                 = Text{"标记", "Flags"}
	LastReport                  = Text{"最后上报", "Last report"}
	HubEmpty                    = Text{"汇总库里还没有中心上报", "no center has reported to the hub yet"}
	Members                     = Text{"党员", "Members"}
	Subtotal                    = Text{"%s小计（%d 个）", "%s subtotal (%d)"}
	ReportTotal                 = Text{"合计（%d 个）", "Total (%d)"}
	Ranking                     = Text{"排名", "Ranking"}
	FiguresPerCenter            = Text{"各中心数据", "Figures per center"}
	RatesOverAllCenters         = Text{"合计比率", "Rates over all centers"}
	ReportKind                  = Text{"类型", "Kind"}
	RecordNo                    = Text{"编号", "No."}
	Name                        = Text{"姓名/单位", "Name"}
	VoidedAt                    = Text{"作废时间", "Voided at"}
	VoidedRecords               = Text{"作废记录", "Voided records"}
	VoidedNote                  = Text{"作废记录不计入以上任何统计。", "Voided records count in none of the figures above."}
	VisitsByHourOfCheckIn       = Text{"来访时段分布（按签到时间，单位：批次）", "Visits by hour of check-in"}
	VisitsHourOfDay             = Text{"来访批次（横轴为时）", "Visits (hour of the day)"}
	ReportRequestsByCategory    = Text{"诉求分类（件）", "Requests by category"}
	ReportReceived3             = Text{"受理", "received"}
	OfThemOverdueHatched        = Text{"其中逾期（斜线）", "of them overdue (hatched)"}
	ReportNoRequests            = Text{"（无诉求）", "(no requests)"}
	ReportNoVenues2             = Text{"（无场地）", "(no venues)"}
	VisitsDayByDay              = Text{"逐日来访（批次）", "Visits day by day"}
	RequestsDayByDayReceivedAnd = Text{"逐日诉求：受理与其中已办结（件）", "Requests day by day: received, and of them resolved"}
	OfThemResolvedHatched       = Text{"其中已办结（斜线）", "Of them resolved (hatched)"}
	ThreeRatesDayByDayGap       = Text{"逐日三率（%，无可计数的日子断开）", "The three rates day by day (%; a gap is a day with nothing to count)"}
	ResponseSolidCircles        = Text{"响应率（实线、圆点）", "Response (solid, circles)"}
	ResolutionDashedSquares     = Text{"办结率（虚线、方块）", "Resolution (dashed, squares)"}
	SatisfactionDottedTriangles = Text{"满意率（点线、三角）", "Satisfaction (dotted, triangles)"}
	ReportBottom                = Text{" 末位", " bottom"}
	ReportStale                 = Text{" 未上报", " stale"}
	RankingByScoreOf100         = Text{"综合得分排名（满分 100）", "Ranking by score (of 100)"}
	ReportScore                 = Text{"综合得分", "score"}
	BottomHatched               = Text{"末位（斜线）", "bottom (hatched)"}
	NoCenterHasScore            = Text{"（没有可计算得分的中心）", "(no center has a score)"}
	ChromiumWasNotFoundSoNo     = Text{"找不到 Chromium 浏览器，无法生成 PDF：请安装 chromium（Debian：apt-get install chromium fonts-noto-cjk），或改用 --format html 后在浏览器中打印", "Chromium was not found, so no PDF can be made: install chromium (Debian: apt-get install chromium fonts-noto-cjk), or use --format html and print from a browser"}
	SpoolCannotCreate           = Text{"无法在临时目录 %s 建立报表的暂存文件（%v）：请用环境变量 TMPDIR 指定一个可写的目录", "cannot make the report's spool file in the temporary folder %s (%v): point TMPDIR at a folder that can be written"}
	SpoolCannotWrite            = Text{"写报表的暂存文件失败（%v）：临时目录 %s 可能已满，可用环境变量 TMPDIR 指定另一个目录", "writing the report's spool file failed (%v): the temporary folder %s may be full; point TMPDIR at another folder"}
	PDFTooLong                  = Text{"PDF 一次最多打印 %d 条记录，这段日期有 %d 条（Chromium 排不完这么长的页面）：请缩短日期范围，或改用 --format html 在浏览器中打印", "a PDF holds at most %d records and these days have %d (Chromium cannot lay out a page that long): choose fewer days, or use --format html and print it from a browser"}
	ChromiumTookTooLongToPrint  = Text{"Chromium 生成 PDF 超时或被取消", "Chromium took too long to print the PDF, or was stopped"}
	ChromiumCouldNotPrintPDF    = Text{"Chromium（%s）无法生成 PDF：%v", "Chromium (%s) could not print the PDF: %v"}
	RequestsReceived            = Text{"受理诉求", "Requests received"}
	T1fPoints                   = Text{"%+.1f 个百分点", "%+.1f points"}
	AgainstPreviousPeriod       = Text{"环比（与上一周期比较）", "Against the previous period"}
	Figure                      = Text{"项目", "Figure"}
	ThisPeriod                  = Text{"本期", "This period"}
	Previous                    = Text{"上期", "Previous"}
	Change                      = Text{"增减", "Change"}
	TopTenRequestCategories     = Text{"诉求类别前十", "Top ten request categories"}
	Share                       = Text{"占比", "Share"}
	TopTenCommunities           = Text{"诉求来源社区前十", "Top ten communities"}
	NoCommunitiesGiven          = Text{"无社区信息", "no communities given"}
	OpenRequestsWaitingLongest  = Text{"等待最久的未办结诉求", "Open requests waiting longest"}
	NoOpenRequests              = Text{"无未办结诉求", "no open requests"}
	ReportReceived4             = Text{"受理时间", "Received"}
	DaysWaiting                 = Text{"已等待（天）", "Days waiting"}
	ComparisonAndRankings       = Text{"环比与排名", "Comparison and rankings"}
	PreviousPeriodIsAsLongAs    = Text{"上期为 %s，与本期等长（整月按月计）；两期的状态、逾期均为打印时的情况。已等待天数算到打印时。", "The previous period is %s, as long as this one (whole months count as months); statuses and overdue of both are as at printing. Days waiting run to printing."}
	// PageOfPages is the PDF footer; Chromium fills the spans.
	PageOfPages         = Text{`第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页`, `Page <span class="pageNumber"></span> of <span class="totalPages"></span>`}
	ReportNetworkReport = Text{"网络汇总", "network report"}
)

// Texts of series in the logs.
var (
	SeriesMark       = Text{"↻", "↻"} // one narrow column, so the title keeps its room; the summary names it
	SeriesCount      = Text{"重复预约 ↻", "Series ↻"}
	SeriesCountValue = Text{"%d 个，共 %d 次", "%d, %d dates"}
)

// OverdueEarlierMore ends a brief log's backlog (the desk's preview): how
// many it left out, and where to see them all.
var OverdueEarlierMore = Text{"另有 %d 件未列出（共 %d 件，以上为承诺办结日期最早的）；打印或导出的台账列出全部。",
	"%d more not listed (%d in all; those above were promised earliest); the printed or exported log lists them all."}
