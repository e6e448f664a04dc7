package lang

// Texts of the terminal desk (tui/).
var (
	TabToday    = Text{"今日", "Today"}
	TabVisits   = Text{"来访", "Visits"}
	TabRequests = Text{"诉求", "Requests"}
	TabBookings = Text{"场地", "Bookings"}
	TabDaily    = Text{"台账", "Daily log"}

	Staff              = Text{"值班", "On duty"}
	Remote             = Text{"远程", "remote"}
	Kiosk              = Text{"扫码", "Kiosk"}
	KioskUp            = Text{"在线", "up"}
	KioskDown          = Text{"未启动", "down"}
	KioskAwaitingSetup = Text{"待设置", "awaiting setup"} // before setup the kiosk answers 503
	Fault              = Text{"⚠ 无法保存：", "⚠ Cannot save: "}
	BackupFail         = Text{"⚠ 定时备份失败：", "⚠ Scheduled backup failed: "}
	Loading            = Text{"正在加载…", "Loading…"}
	None               = Text{"（无）", "(none)"}
	QuitAsk            = Text{"表单中有未保存的内容，确定退出吗？(y 退出 / n 返回)", "A form holds unsaved input. Quit anyway? (y quit / n back)"}
	Yes                = Text{"是", "Yes"}
	No                 = Text{"否", "No"}
	Saved              = Text{"已保存", "Saved"}
	KioskNew           = Text{"扫码新提交：%s", "New from the kiosk: %s"}
	KioskNewEx         = Text{"扫码有新提交", "New submissions from the kiosk"}
	NotInt             = Text{"请填写整数", "Enter a whole number"}
	FileDailyLog       = Text{"台账", "daily-log"} // the names of exported and printed files
	FileRollCall       = Text{"在馆名单", "in-building"}
	Wrote              = Text{"已写入文件 %s", "Wrote %s"}
	Printed            = Text{"已送打印机（lp）：%s", "Sent to the printer (lp): %s"}
	TimeIn             = Text{"进", "In"}
	TimeOut            = Text{"出", "Out"}

	// Keys.
	KeyQuit       = Text{"退出", "quit"}
	DiscardAsk    = Text{"放弃已填写的内容吗？y 放弃 / 其他键 继续填写", "Throw away what you typed? y discard / any other key keeps it"}
	QuitRemote    = Text{"退出会同时停止扫码服务，并关闭 %d 个远程前台（SSH）。确定退出吗？(y 退出 / n 返回)", "Quitting also stops the kiosk and closes %d remote desks (SSH). Quit? (y quit / n back)"}
	QuitKiosk     = Text{"退出会同时停止扫码服务（大厅屏和手机将无法使用）。确定退出吗？(y 退出 / n 返回)", "Quitting also stops the kiosk (the lobby screen and phones go dark). Quit? (y quit / n back)"}
	ReasonNeeded  = Text{"请填写原因，预约人会看到", "Give a reason; the organiser sees it"}
	AskCheckOut   = Text{"为 %s（%s）签退？y 确定 / 其他键 取消", "Check out %s (%s)? y yes / any other key no"}
	AskApprove    = Text{"通过预约 %s %s？y 确定 / 其他键 取消", "Approve %s %s? y yes / any other key no"}
	AskNoShow     = Text{"将 %s %s 标记为未到场？y 确定 / 其他键 取消", "Mark %s %s a no-show? y yes / any other key no"}
	KeyField      = Text{"换栏", "field"}
	KeyChoose     = Text{"选择", "choose"}
	KeyHelp       = Text{"帮助", "help"}
	KeyTabs       = Text{"切换", "tabs"}
	KeyUpDown     = Text{"上下", "up/down"}
	KeyPrevDay    = Text{"前一日", "prev"}
	KeyNextDay    = Text{"后一日", "next"}
	KeyNew        = Text{"新建", "new"}
	KeyOpen       = Text{"打开", "open"}
	KeyBack       = Text{"返回", "back"}
	KeySearch     = Text{"搜索", "search"}
	KeyQR         = Text{"二维码", "QR"}
	KeyCheckout   = Text{"签退", "check out"}
	KeyRollCall   = Text{"在馆名单", "roll"}
	KeyPrint      = Text{"打印", "print"}
	KeyExport     = Text{"导出CSV", "CSV"}
	KeyCharts     = Text{"图表", "charts"}
	KeyStatus     = Text{"状态筛选", "status"}
	KeyCategory   = Text{"类别筛选", "kind"}
	KeyOverdue    = Text{"只看超期", "overdue"}
	KeyCallback   = Text{"回访清单", "callbacks"}
	KeyApprove    = Text{"通过", "approve"}
	KeyUndo       = Text{"撤销", "undo"}
	ApprovedUndo  = Text{"已通过：%s（%d 秒内按 u 撤销）", "Approved: %s (u undoes it for %d seconds)"}
	UndoneApprove = Text{"已撤销通过：%s 重新待审核", "Approval undone: %s is pending again"}
	KeyReject     = Text{"驳回", "reject"}
	KeyCancel     = Text{"取消预约", "cancel"}
	KeyArrive     = Text{"到场核销", "arrival"}
	KeyNoShow     = Text{"未到场", "no-show"}
	KeySeries     = Text{"重复预约", "series"}
	KeyToday      = Text{"回到今天", "today"}
	KeyScroll     = Text{"翻页", "scroll"}
	KeyPane       = Text{"详情翻页", "scroll detail"}
	KeyPage       = Text{"翻页", "page"}
	KeyAccept     = Text{"受理", "accept"}
	KeySubmit     = Text{"提交", "submit"}
	KeyRejectReq  = Text{"不予受理", "reject"}
	KeyStart      = Text{"开始办理", "start"}
	KeyResolve    = Text{"办结", "resolve"}
	KeyTransfer   = Text{"转办", "transfer"}
	KeyRate       = Text{"回访", "callback"}

	// Setup and staff.
	SetupTitle = Text{"首次使用：请设置中心名称和场地", "First run: name the center and its venues"}
	Center     = Text{"中心名称", "Center name"}
	YourName   = Text{"您的姓名", "Your name"}
	VenueN     = Text{"场地%d 名称", "Venue %d name"}
	CapacityN  = Text{"场地%d 人数", "Venue %d capacity"}
	HoursN     = Text{"场地%d 时间", "Venue %d hours"}
	HoursHint  = Text{"08:00-21:00", "08:00-21:00"}
	HoursBad   = Text{"开放时间格式应为 08:00-21:00", "Hours must look like 08:00-21:00"}
	NeedVenue  = Text{"请至少填写一个场地", "Add at least one venue"}
	PickStaff  = Text{"请选择当班工作人员（↑↓ 选择，Enter 确认），或输入新姓名：", "Who is on duty? (↑↓ pick, Enter confirm) or type a new name:"}
	NewStaff   = Text{"新姓名", "New name"}
	SetupDone  = Text{"设置完成：%s", "Set up: %s"}

	// Today.
	InBuilding   = Text{"在馆", "In the building"}
	Waiting      = Text{"待受理诉求", "Requests waiting"}
	Overdue      = Text{"超期", "Overdue"}
	Callbacks    = Text{"待回访", "Awaiting callback"}
	TodayBooked  = Text{"今日预约", "Today's bookings"}
	Timeline     = Text{"今日场地时间轴（= 已确认  ? 待审核  | 现在）", "Today's venues (= approved  ? pending  | now)"}
	Newest       = Text{"最新扫码提交", "Newest kiosk submissions"}
	RollCall     = Text{"在馆名单（%d 组，%d 人）", "In the building (%d groups, %d people)"}
	RollCallHead = Text{"%s 在馆名单  %s", "%s roll call  %s"}
	GroupsPeople = Text{"%d 组 %d 人", "%d groups, %d people"}
	KindVisit    = Text{"来访", "Visit"}
	KindRequest  = Text{"诉求", "Request"}
	KindBooking  = Text{"预约", "Booking"}
	NoVenues     = Text{"尚无场地", "No venues yet"}

	// Visits.
	VisitsOn     = Text{"%s 来访（%d 组，%d 人）", "Visits on %s (%d groups, %d people)"}
	VisitsFound  = Text{"搜索“%s”：%d 条历史来访", "Search %q: %d past visits"}
	ColName      = Text{"姓名", "Name"}
	ColPhone     = Text{"电话", "Phone"}
	ColOrg       = Text{"单位/社区", "Organisation"}
	ColPurpose   = Text{"事由", "Purpose"}
	ColCount     = Text{"人数", "Pax"}
	ColDate      = Text{"日期", "Date"}
	NewVisit     = Text{"新来访登记", "New visit"}
	Lookup       = Text{"查找老访客", "Returning visitor"}
	LookupHint   = Text{"手机尾号4位或姓名，↑↓ 选，Enter 带入", "last 4 digits or name; ↑↓ pick, Enter fill"}
	Party        = Text{"党员", "Party member"}
	Headcount    = Text{"人数", "Headcount"}
	Note         = Text{"备注", "Note"}
	CheckedIn    = Text{"已登记：%s %s", "Checked in: %s %s"}
	CheckedOut   = Text{"已签退：%s", "Checked out: %s"}
	SearchPrompt = Text{"搜索历史来访（尾号/电话/姓名）：", "Search past visits (last 4 / phone / name): "}
	VisitsTimes  = Text{"%d 次来访", "%d visits"}
	Auto         = Text{"自动", "auto"}

	// Requests.
	Requests     = Text{"诉求（%d 条）", "Requests (%d)"}
	FilterAll    = Text{"全部", "all"}
	Filters      = Text{"状态:%s  类别:%s  %s", "status:%s  category:%s  %s"}
	OnlyOverdue  = Text{"[只看超期]", "[overdue only]"}
	CallbackList = Text{"回访清单（%d 条，已办结待回访）", "Callback list (%d resolved, awaiting callback)"}
	ColReceipt   = Text{"编号", "Receipt"}
	ColStatus    = Text{"状态", "Status"}
	ColCategory  = Text{"类别", "Category"}
	ColPromised  = Text{"承诺", "Due"}
	ColOwner     = Text{"承办", "Owner"}
	ColSource    = Text{"来源", "Source"}
	NewRequest   = Text{"新诉求", "New request"}
	Community    = Text{"社区/网格", "Community"}
	Category     = Text{"类别", "Category"}
	Urgency      = Text{"紧急程度", "Urgency"}
	Description  = Text{"诉求内容", "Description"}
	Handler      = Text{"承办人", "Handler"}
	PromisedBy   = Text{"承诺办结", "Promised by"}
	CreatedReq   = Text{"已受理登记：%s", "Recorded: %s"}
	History      = Text{"办理记录", "History"}
	Actions      = Text{"可办理：", "Actions: "}
	NoActions    = Text{"（无可办理操作）", "(no actions)"}
	Resolution   = Text{"办理结果", "Resolution"}
	TransferTo   = Text{"转办给", "Transfer to"}
	Reason       = Text{"理由", "Reason"}
	Satisfaction = Text{"满意度", "Satisfaction"}
	Comment      = Text{"意见", "Comment"}
	MovedTo      = Text{"%s → %s", "%s → %s"}
	OverdueMark  = Text{"超期", "LATE"}
	ColonSep     = Text{"：", ": "}
	UrgentMark   = Text{"急", "!"}
	DetailFields = []Text{{"编号", "Receipt"}, {"状态", "Status"}, {"姓名", "Name"}, {"电话", "Phone"}, {"社区", "Community"}, {"类别", "Category"}, {"紧急", "Urgency"}, {"承办", "Owner"}, {"承诺办结", "Due"}, {"内容", "Description"}, {"结果", "Resolution"}, {"满意度", "Satisfaction"}}

	// Bookings.
	BookingsOn   = Text{"%s 场地预约（%d 条，待审核 %d；* 为扫码预约）", "Bookings on %s (%d, %d pending; * from the kiosk)"}
	Venue        = Text{"场地", "Venue"}
	Date         = Text{"日期", "Date"}
	Start        = Text{"开始", "Start"}
	End          = Text{"结束", "End"}
	BookOrg      = Text{"预约单位", "Organisation"}
	Contact      = Text{"联系人", "Contact"}
	Title        = Text{"活动主题", "Title"}
	BookPurpose  = Text{"活动类型", "Purpose"}
	Attendees    = Text{"参加人数", "Attendees"}
	Weeks        = Text{"重复次数", "Dates"}
	NewBooking   = Text{"新预约（前台预约直接确认）", "New booking (desk bookings are approved at once)"}
	NewSeries    = Text{"新建重复预约", "New series"}
	SlotFree     = Text{"该时段可以预约", "The slot is free"}
	Booked       = Text{"已预约：%s", "Booked: %s"}
	SeriesDone   = Text{"已预约 %d 次；冲突 %d 次：%s", "Booked %d dates; %d clashed: %s"}
	RejectedB    = Text{"已驳回：%s", "Rejected: %s"}
	Cancelled    = Text{"已取消：%s", "Cancelled: %s"}
	Arrived      = Text{"已核销到场：%s", "Checked in: %s"}
	NoShowDone   = Text{"已标记未到场：%s", "Marked no-show: %s"}
	ArrivePrompt = Text{"到场核销，输入预约编号（B-…，今天的可只输后四位）：", "Arrival: the booking number (B-…, or today's last four digits): "}
	ReasonPrompt = Text{"请输入理由：", "Reason: "}
	ColTime      = Text{"时间", "Time"}
	ColTitle     = Text{"主题", "Title"}
	ColArrived   = Text{"到场", "Arrived"}
	DecidedBy    = Text{"经办", "Decided by"}
	FindBooking  = Text{"按预约编号查找（B-…）：", "Find a booking by its number (B-…): "}
	ClashWith    = Text{"该时段已被预约：%s %s「%s」（%s）", "the slot is taken: %s %s %q (%s)"}

	// Daily log.
	DailyTitle = Text{"%s 台账预览（G 图表，p 打印，e 导出 CSV）", "Daily log %s (G charts, p print, e export CSV)"}
	EmptyLog   = Text{"（台账为空）", "(the log is empty)"}

	// The 台账 tab's charts.
	MakingPDF       = Text{"正在生成 PDF…", "Making the PDF…"}
	ChartTitle      = Text{"%s 图表（G 返回台账，p 打印，e 导出 CSV）", "Charts %s (G back to the log, p print, e export CSV)"}
	ChartHours      = Text{"来访时段分布（按签到时间，共 %d 批）", "Visits by hour of check-in (%d in all)"}
	ChartCategories = Text{"诉求分类（█ 受理  ▒ 其中逾期）", "Requests by category (█ received  ▒ of them overdue)"}
	ChartOverdue    = Text{"（逾期 %d）", " (%d overdue)"}
	ChartVenues     = Text{"场地使用率（已确认预约时长 ÷ 开放时长）", "Venue use (approved booked hours ÷ opening hours)"}
	ChartTrend      = Text{"近 %d 天（%s 至 %s），每格一天", "Last %d days (%s to %s), a cell a day"}
	ChartVisits     = Text{"来访", "Visits"}
	ChartRequests   = Text{"诉求", "Requests"}
	ChartResolution = Text{"办结率", "Resolution"}
	ChartMaxSum     = Text{"最高 %d，合计 %d", "max %d, total %d"}
	ChartRate       = Text{"期间", "period"}
	ChartLegend     = Text{"条形与格高按数值比例；空格为当天无可计数；数字为实际值。", "Bars and cells to scale; a blank: nothing to count that day; numbers exact."}

	// QR.
	QRTitle = Text{"扫码二维码（Esc 返回，←→ 翻页）", "Kiosk QR codes (Esc back, ←→ page)"}
	QRNone  = Text{"扫码服务尚未提供表单链接", "The kiosk has no form links yet"}

	// Settings (设置).
	TabSettings        = Text{"设置", "Settings"}
	KeySection         = Text{"分区", "section"}
	KeyToggle          = Text{"停用/启用", "deactivate/activate"}
	SecVenues          = Text{"场地", "Venues"}
	SecStaff           = Text{"工作人员", "Staff"}
	SecCenter          = Text{"中心", "Center"}
	SecHistory         = Text{"修改记录", "History"}
	ReadOnly           = Text{"只读：只有中心负责人可以修改场地、人员和设置", "Read only: only a manager may change venues, staff and settings"}
	SettingsHint       = Text{"←/→ 分区  n 新增  enter 修改  d 停用/启用", "←/→ section  n add  enter edit  d deactivate/activate"}
	ColID              = Text{"编号", "ID"}
	ColCapacity        = Text{"容纳", "Capacity"}
	ColHours           = Text{"开放时间", "Hours"}
	ColFacilities      = Text{"设施", "Facilities"}
	ColState           = Text{"状态", "State"}
	ColLogin           = Text{"登录名", "Login"}
	ColRole            = Text{"角色", "Role"}
	ColPassword        = Text{"密码", "Password"}
	ColKeys            = Text{"SSH 公钥", "SSH keys"}
	ColWhat            = Text{"修改", "Change"}
	PasswordSet        = Text{"有", "set"}
	PasswordNone       = Text{"无", "none"}
	NewVenue           = Text{"新增场地", "New venue"}
	EditVenue          = Text{"修改场地：%s（编号不变，旧记录保留原名）", "Edit venue: %s (the id stays; old records keep the old name)"}
	DeskVenueName      = Text{"名称", "Name"}
	HoursField         = Text{"开放时间", "Hours"}
	VenueHint          = Text{"开放时间写作 08:00-21:00；容纳 1 到 10000 人", "Hours as 08:00-21:00; capacity 1 to 10000"}
	NewStaff2          = Text{"新增工作人员", "New staff member"}
	EditStaff          = Text{"修改工作人员：%s", "Edit staff member: %s"}
	DeskStaffName      = Text{"姓名", "Name"}
	LoginField         = Text{"登录名", "Login"}
	KeyField2          = Text{"添加 SSH 公钥", "Add an SSH key"}
	PasswordField      = Text{"密码", "Password"}
	DeskNewPassword    = Text{"新密码（不改请留空）", "New password (empty keeps it)"}
	StaffHint          = Text{"登录名留空则按姓名拼音生成：%s；公钥为 .pub 文件的一行；密码至少 8 个字符", "An empty login is made from the name: %s; a key is one line of a .pub file; passwords have 8 characters or more"}
	CenterForm         = Text{"修改中心设置", "Center settings"}
	DeskCenterName     = Text{"中心名称", "Center name"}
	DeskCenterCode     = Text{"中心代码", "Center code"}
	DeskTimeZone       = Text{"时区", "Time zone"}
	DeskPublicPhone    = Text{"对外电话", "Public phone"}
	QRTTL              = Text{"二维码换码间隔", "QR rotation"}
	SSHIdle            = Text{"SSH 空闲断开", "SSH idle timeout"}
	SSHDeskAddr        = Text{"SSH 前台地址", "SSH desk address"}
	SSHHostFingerprint = Text{"SSH 主机指纹", "SSH host key"}
	DurationHint       = Text{"间隔写作 10m、1h；0 为固定码（前台和 serve 重启后生效）", "Durations as 10m or 1h; 0 for static codes (the desk and serve use it on their next start)"}
	NotDuration        = Text{"请填写时长，例如 10m、1h，或 0", "Enter a duration such as 10m or 1h, or 0"}
	VenueAdded         = Text{"已新增场地：%s", "Venue added: %s"}
	VenueChanged       = Text{"已修改场地：%s", "Venue changed: %s"}
	Misfits            = Text{"以下 %d 个未到期的预约超出新的容量或开放时间，预约保留，请联系预约人：", "%d coming bookings exceed the new capacity or hours; they stand, so tell their organisers:"}
	AskForceClose      = Text{"场地 %s 还有 %d 个已确认的预约（见上），仍要停用吗？预约保留。y 停用 / 其他键 取消", "Venue %s has %d approved bookings to come (above). Close it anyway? They stand. y close / any other key no"}
	ComingBookings     = Text{"场地 %s 未到期的已确认预约：", "Approved bookings to come at %s:"}
	KeptBookings       = Text{"已停用 %s；以下 %d 个已确认的预约保留，请通知预约人：", "%s closed; %d approved bookings stand, so tell their organisers:"}
	DeskVenueClosed    = Text{"已停用场地：%s（手机和前台不再提供）", "Venue closed: %s (no longer offered on phones or at the desk)"}
	VenueOpened        = Text{"已启用场地：%s", "Venue open again: %s"}
	StaffAdded         = Text{"已新增工作人员：%s（登录名 %s）", "Staff member added: %s (login %s)"}
	StaffChanged       = Text{"已修改工作人员：%s", "Staff member changed: %s"}
	StaffOff           = Text{"已停用：%s（不能再登录前台）", "Deactivated: %s (cannot start the desk)"}
	StaffOn            = Text{"已启用：%s", "Active again: %s"}
	AskStaffOff        = Text{"停用 %s？停用后不能登录前台，旧记录保留其姓名。y 停用 / 其他键 取消", "Deactivate %s? They can no longer start the desk; old records keep their name. y yes / any other key no"}
	SettingsSaved      = Text{"中心设置已保存", "Center settings saved"}
	NoHistory          = Text{"（还没有修改记录）", "(no changes yet)"}
)

// The desk's corrections, voids and the strings issue 15 added.
var (
	VoidTitle       = Text{"作废 %s", "Void %s"}
	VoidHint        = Text{"作废后不计入当日统计，台账中列为作废", "A voided record leaves the day's figures; the log lists it as voided"}
	DeskVoided      = Text{"已作废：%s", "Voided: %s"}
	VoidMark        = Text{"作废", "void"}
	Corrected       = Text{"更正", "corrected"}
	CorrectDone     = Text{"已更正：%s", "Corrected: %s"}
	EditVisit       = Text{"更正来访 %s", "Correct visit %s"}
	EditRequest     = Text{"更正诉求 %s", "Correct request %s"}
	EditBooking     = Text{"更正预约 %s", "Correct booking %s"}
	KeyTop          = Text{"到顶", "top"}
	KeyLeft         = Text{"左移", "left"}
	ColArrivedShort = Text{"到场", "In"}    // the bookings list's narrow column
	BookOrgShort    = Text{"预约单位", "Org"} // the bookings list's column
	KeyRight        = Text{"右移", "right"}
	KeyBottom       = Text{"到底", "bottom"}
	VoidedNoActions = Text{"已作废：不再办理", "Voided: nothing more to do"}
	KeyEdit         = Text{"更正", "correct"}
	KeyVoid         = Text{"作废", "void"}
	NoChange        = Text{"没有改动", "Nothing changed"}
	Inbox           = Text{"待办（%d）", "To do (%d)"}
	InboxEmpty      = Text{"（没有待办）", "(nothing waiting)"}
	InboxTags       = []Text{{"扫码新", "Kiosk"}, {"待审核", "Approve"}, {"超期", "Overdue"}, {"待回访", "Callback"}}
	InboxMore       = Text{"…另有 %d 条待回访：3 诉求，b 回访清单", "…%d more awaiting callback: 3 Requests, b callbacks"}
	KioskNamed      = Text{"扫码新提交：%s %s %s（1 今日 待办里回车查看）", "New from the kiosk: %s %s %s (1 Today, enter opens it)"}
	QREnlarge       = Text{"窗口太小，二维码显示不全，手机扫不出。请把终端窗口放大到至少 %d 行。", "The window is too small to show the whole code, so no phone could read it. Make the terminal at least %d lines tall."}
	WaitingClash    = Text{"注意：扫码预约 %s（%s %s）正等待审核这一时段，本预约通过后它将无法通过", "Note: the kiosk booking %s (%s, %s) waits for this slot; it cannot be approved once this one is"}
	AlreadyIn       = Text{"注意：%s 已于 %s 签到，尚未签退", "Note: %s checked in at %s and has not checked out"}
	HeadcountZero   = Text{"人数至少为 1", "Headcount is at least 1"}
)

// Texts of the desk's series (tui/series.go).
var (
	Repeat                = Text{"重复", "Repeat"}
	RepeatWeekly          = Text{"每周", "weekly"}
	RepeatFortnightly     = Text{"每两周", "every two weeks"}
	RepeatMonthly         = Text{"每月同一周次（如第二个周二）", "monthly, same week of the month"}
	RepeatMonthlyLast     = Text{"每月最后一个同星期", "monthly, last such weekday"}
	SeriesPreview         = Text{"%s，共 %d 次，冲突 %d 次（保存前请核对）：", "%s, %d dates, %d clashing (check before saving):"}
	SeriesOfBooking       = Text{"重复预约：%s %s · 共 %d 次（%s）  %s", "Series: %s %s · %d dates (%s)  %s"}
	SeriesChanged         = Text{"已更改 %d 次；未能更改 %d 次", "Changed %d dates; %d could not change"}
	SeriesHeading         = Text{"重复预约「%s」%s · %s %s · %s", "Series %q %s · %s %s · %s"}
	AskSeriesApprove      = Text{"通过「%s」所有待审核的日期？", "Approve every pending date of %q?"}
	AskSeriesCancelThis   = Text{"取消 %s 这一次？", "Cancel the date %s?"}
	AskSeriesCancelLater  = Text{"取消 %s 及以后的各次？", "Cancel %s and every later date?"}
	AskSeriesCancelAll    = Text{"取消整个重复预约（%s 所在系列未过去的各次）？", "Cancel the whole series (every date of %s's series not yet over)?"}
	MoveThisDate          = Text{"调整 %s 这一次", "Move the date %s"}
	MoveLaterDates        = Text{"调整 %s 及以后各次", "Move %s and the later dates"}
	KeySeriesView         = Text{"重复预约", "series"}
	KeyCancelLater        = Text{"取消本次及以后", "cancel this and later"}
	KeyCancelAll          = Text{"取消全部", "cancel all"}
	KeyMoveDate           = Text{"调整本次", "move this date"}
	KeyMoveLater          = Text{"调整以后各次", "move later dates"}
	AskSeriesApproveLater = Text{"通过 %s 及以后各次中待审核的日期？", "Approve the pending dates from %s on?"}
	AskSeriesReject       = Text{"驳回「%s」%s？原因：%s", "Reject %q, %s? Reason: %s"}
	RejectSeriesTitle     = Text{"驳回重复预约「%s」", "Reject the series %q"}
	SeriesScopeField      = Text{"范围", "Dates"}
	SeriesScopeAll        = Text{"所有待审核的日期", "every pending date"}
	SeriesScopeLater      = Text{"及以后待审核的日期", "and the later pending dates"}
	KeyApproveLater       = Text{"通过本次及以后", "approve this and later"}
	SeriesBookable        = Text{"可预约", "can be booked"}
	InboxSeries           = Text{"〔重复 %d 次待审〕", "[series, %d pending] "}
)

// ListShort is the English a desk list shows for a label whose full name
// would be cut in an 80-column list (the Chinese names are short already);
// details, forms, the log and the kiosk keep the full name.
var ListShort = map[Text]string{
	PolicyEnquiry:          "Policy",
	SocialMedicalInsurance: "Insurance",
	JobsStartUps:           "Jobs",
	ElderlyDisability:      "Elderly care",
	HousingProperty:        "Housing",
	EnvironmentSanitation:  "Environment",
	DisputeMediation:       "Mediation",
	PartyMemberServices:    "Membership",
	PartyMemberReport:      "Party report",
	VolunteerService:       "Volunteering",
	InProgress:             "Ongoing",
	Transferred:            "Referred",
}
