package tui

// text is one user-facing string in Chinese and English. Every string the
// desk shows is a text in this file; store labels and errors come from the
// store in both languages already.
type text struct{ zh, en string }

// in returns the string in lang ("en" for English, Chinese otherwise).
func (t text) in(lang string) string {
	if lang == "en" {
		return t.en
	}
	return t.zh
}

// The catalogue.
var (
	txtTabToday    = text{"今日", "Today"}
	txtTabVisits   = text{"来访", "Visits"}
	txtTabRequests = text{"诉求", "Requests"}
	txtTabBookings = text{"场地", "Bookings"}
	txtTabDaily    = text{"台账", "Daily log"}

	txtStaff      = text{"值班", "On duty"}
	txtRemote     = text{"远程", "remote"}
	txtKiosk      = text{"扫码", "Kiosk"}
	txtKioskUp    = text{"在线", "up"}
	txtKioskDown  = text{"未启动", "down"}
	txtFault      = text{"⚠ 无法保存：", "⚠ Cannot save: "}
	txtBackupFail = text{"⚠ 定时备份失败：", "⚠ Scheduled backup failed: "}
	txtLoading    = text{"正在加载…", "Loading…"}
	txtNone       = text{"（无）", "(none)"}
	txtQuitAsk    = text{"表单中有未保存的内容，确定退出吗？(y 退出 / n 返回)", "A form holds unsaved input. Quit anyway? (y quit / n back)"}
	txtWeekdays   = []text{{"周日", "Sun"}, {"周一", "Mon"}, {"周二", "Tue"}, {"周三", "Wed"}, {"周四", "Thu"}, {"周五", "Fri"}, {"周六", "Sat"}}
	txtYes        = text{"是", "Yes"}
	txtNo         = text{"否", "No"}
	txtSaved      = text{"已保存", "Saved"}
	txtKioskNew   = text{"扫码新提交：%s", "New from the kiosk: %s"}
	txtKioskNewEx = text{"扫码有新提交", "New submissions from the kiosk"}
	txtNotInt     = text{"请填写整数", "Enter a whole number"}
	txtWrote      = text{"已写入文件 %s", "Wrote %s"}
	txtPrinted    = text{"已送打印机（lp）：%s", "Sent to the printer (lp): %s"}
	txtTimeIn     = text{"进", "In"}
	txtTimeOut    = text{"出", "Out"}

	// Keys.
	txtKeyQuit      = text{"退出", "quit"}
	txtDiscardAsk   = text{"放弃已填写的内容吗？y 放弃 / 其他键 继续填写", "Throw away what you typed? y discard / any other key keeps it"}
	txtQuitRemote   = text{"退出会同时停止扫码服务，并关闭 %d 个远程前台（SSH）。确定退出吗？(y 退出 / n 返回)", "Quitting also stops the kiosk and closes %d remote desks (SSH). Quit? (y quit / n back)"}
	txtQuitKiosk    = text{"退出会同时停止扫码服务（大厅屏和手机将无法使用）。确定退出吗？(y 退出 / n 返回)", "Quitting also stops the kiosk (the lobby screen and phones go dark). Quit? (y quit / n back)"}
	txtReasonNeeded = text{"请填写原因，预约人会看到", "Give a reason; the organiser sees it"}
	txtAskCheckOut  = text{"为 %s（%s）签退？y 确定 / 其他键 取消", "Check out %s (%s)? y yes / any other key no"}
	txtAskApprove   = text{"通过预约 %s %s？y 确定 / 其他键 取消", "Approve %s %s? y yes / any other key no"}
	txtAskNoShow    = text{"将 %s %s 标记为未到场？y 确定 / 其他键 取消", "Mark %s %s a no-show? y yes / any other key no"}
	txtKeyField     = text{"换栏", "field"}
	txtKeyChoose    = text{"选择", "choose"}
	txtKeyHelp      = text{"帮助", "help"}
	txtKeyTabs      = text{"切换", "switch tab"}
	txtKeyUpDown    = text{"上下", "up/down"}
	txtKeyPrevDay   = text{"前一日", "prev day"}
	txtKeyNextDay   = text{"后一日", "next day"}
	txtKeyNew       = text{"新建", "new"}
	txtKeyOpen      = text{"打开", "open"}
	txtKeyBack      = text{"返回", "back"}
	txtKeySearch    = text{"搜索", "search"}
	txtKeyQR        = text{"二维码", "QR codes"}
	txtKeyCheckout  = text{"签退", "check out"}
	txtKeyRollCall  = text{"在馆名单", "roll call"}
	txtKeyPrint     = text{"打印", "print"}
	txtKeyExport    = text{"导出CSV", "export CSV"}
	txtKeyCharts    = text{"图表", "charts"}
	txtKeyStatus    = text{"状态筛选", "status filter"}
	txtKeyCategory  = text{"类别筛选", "category filter"}
	txtKeyOverdue   = text{"只看超期", "overdue only"}
	txtKeyCallback  = text{"回访清单", "callback list"}
	txtKeyApprove   = text{"通过", "approve"}
	txtKeyReject    = text{"驳回", "reject"}
	txtKeyCancel    = text{"取消预约", "cancel"}
	txtKeyArrive    = text{"到场核销", "arrival"}
	txtKeyNoShow    = text{"未到场", "no-show"}
	txtKeySeries    = text{"每周重复", "weekly series"}
	txtKeyToday     = text{"回到今天", "today"}
	txtKeyScroll    = text{"翻页", "scroll"}
	txtKeyPage      = text{"翻页", "page"}
	txtKeyAccept    = text{"受理", "accept"}
	txtKeySubmit    = text{"提交", "submit"}
	txtKeyRejectReq = text{"不予受理", "reject"}
	txtKeyStart     = text{"开始办理", "start"}
	txtKeyResolve   = text{"办结", "resolve"}
	txtKeyTransfer  = text{"转办", "transfer"}
	txtKeyRate      = text{"回访", "callback"}

	// Setup and staff.
	txtSetupTitle = text{"首次使用：请设置中心名称和场地", "First run: name the center and its venues"}
	txtCenter     = text{"中心名称", "Center name"}
	txtYourName   = text{"您的姓名", "Your name"}
	txtVenueN     = text{"场地%d 名称", "Venue %d name"}
	txtCapacityN  = text{"场地%d 人数", "Venue %d capacity"}
	txtHoursN     = text{"场地%d 时间", "Venue %d hours"}
	txtHoursHint  = text{"08:00-21:00", "08:00-21:00"}
	txtHoursBad   = text{"开放时间格式应为 08:00-21:00", "Hours must look like 08:00-21:00"}
	txtNeedVenue  = text{"请至少填写一个场地", "Add at least one venue"}
	txtPickStaff  = text{"请选择当班工作人员（↑↓ 选择，Enter 确认），或输入新姓名：", "Who is on duty? (↑↓ pick, Enter confirm) or type a new name:"}
	txtNewStaff   = text{"新姓名", "New name"}
	txtSetupDone  = text{"设置完成：%s", "Set up: %s"}

	// Today.
	txtInBuilding   = text{"在馆", "In the building"}
	txtWaiting      = text{"待受理诉求", "Requests waiting"}
	txtOverdue      = text{"超期", "Overdue"}
	txtCallbacks    = text{"待回访", "Awaiting callback"}
	txtTodayBooked  = text{"今日预约", "Today's bookings"}
	txtTimeline     = text{"今日场地时间轴（= 已确认  ? 待审核  | 现在）", "Today's venues (= approved  ? pending  | now)"}
	txtNewest       = text{"最新扫码提交", "Newest kiosk submissions"}
	txtRollCall     = text{"在馆名单（%d 组，%d 人）", "In the building (%d groups, %d people)"}
	txtRollCallHead = text{"%s 在馆名单  %s", "%s roll call  %s"}
	txtGroupsPeople = text{"%d 组 %d 人", "%d groups, %d people"}
	txtKindVisit    = text{"来访", "Visit"}
	txtKindRequest  = text{"诉求", "Request"}
	txtKindBooking  = text{"预约", "Booking"}
	txtNoVenues     = text{"尚无场地", "No venues yet"}

	// Visits.
	txtVisitsOn     = text{"%s 来访（%d 组，%d 人）", "Visits on %s (%d groups, %d people)"}
	txtVisitsFound  = text{"搜索“%s”：%d 条历史来访", "Search %q: %d past visits"}
	txtColName      = text{"姓名", "Name"}
	txtColPhone     = text{"电话", "Phone"}
	txtColOrg       = text{"单位/社区", "Organisation"}
	txtColPurpose   = text{"事由", "Purpose"}
	txtColCount     = text{"人数", "Count"}
	txtColDate      = text{"日期", "Date"}
	txtNewVisit     = text{"新来访登记", "New visit"}
	txtLookup       = text{"查找老访客", "Returning visitor"}
	txtLookupHint   = text{"手机尾号4位或姓名，↑↓ 选，Enter 带入", "last 4 digits or name; ↑↓ pick, Enter fill"}
	txtParty        = text{"党员", "Party member"}
	txtHeadcount    = text{"人数", "Headcount"}
	txtNote         = text{"备注", "Note"}
	txtCheckedIn    = text{"已登记：%s %s", "Checked in: %s %s"}
	txtCheckedOut   = text{"已签退：%s", "Checked out: %s"}
	txtSearchPrompt = text{"搜索历史来访（尾号/电话/姓名）：", "Search past visits (last 4 / phone / name): "}
	txtVisitsTimes  = text{"%d 次来访", "%d visits"}
	txtAuto         = text{"自动", "auto"}

	// Requests.
	txtRequests     = text{"诉求（%d 条）", "Requests (%d)"}
	txtFilterAll    = text{"全部", "all"}
	txtFilters      = text{"状态:%s  类别:%s  %s", "status:%s  category:%s  %s"}
	txtOnlyOverdue  = text{"[只看超期]", "[overdue only]"}
	txtCallbackList = text{"回访清单（%d 条，已办结待回访）", "Callback list (%d resolved, awaiting callback)"}
	txtColReceipt   = text{"编号", "Receipt"}
	txtColStatus    = text{"状态", "Status"}
	txtColCategory  = text{"类别", "Category"}
	txtColPromised  = text{"承诺", "Due"}
	txtColOwner     = text{"承办", "Owner"}
	txtColSource    = text{"来源", "Source"}
	txtNewRequest   = text{"新诉求", "New request"}
	txtCommunity    = text{"社区/网格", "Community"}
	txtCategory     = text{"类别", "Category"}
	txtUrgency      = text{"紧急程度", "Urgency"}
	txtDescription  = text{"诉求内容", "Description"}
	txtHandler      = text{"承办人", "Handler"}
	txtPromisedBy   = text{"承诺办结", "Promised by"}
	txtCreatedReq   = text{"已受理登记：%s", "Recorded: %s"}
	txtHistory      = text{"办理记录", "History"}
	txtActions      = text{"可办理：", "Actions: "}
	txtNoActions    = text{"（无可办理操作）", "(no actions)"}
	txtResolution   = text{"办理结果", "Resolution"}
	txtTransferTo   = text{"转办给", "Transfer to"}
	txtReason       = text{"理由", "Reason"}
	txtSatisfaction = text{"满意度", "Satisfaction"}
	txtComment      = text{"意见", "Comment"}
	txtMovedTo      = text{"%s → %s", "%s → %s"}
	txtOverdueMark  = text{"超期", "OVERDUE"}
	txtColonSep     = text{"：", ": "}
	txtUrgentMark   = text{"急", "!"}
	txtDetailFields = []text{{"编号", "Receipt"}, {"状态", "Status"}, {"姓名", "Name"}, {"电话", "Phone"}, {"社区", "Community"}, {"类别", "Category"}, {"紧急", "Urgency"}, {"承办", "Owner"}, {"承诺办结", "Due"}, {"内容", "Description"}, {"结果", "Resolution"}, {"满意度", "Satisfaction"}}

	// Bookings.
	txtBookingsOn   = text{"%s 场地预约（%d 条，待审核 %d；* 为扫码预约）", "Bookings on %s (%d, %d pending; * from the kiosk)"}
	txtVenue        = text{"场地", "Venue"}
	txtDate         = text{"日期", "Date"}
	txtStart        = text{"开始", "Start"}
	txtEnd          = text{"结束", "End"}
	txtBookOrg      = text{"预约单位", "Organisation"}
	txtContact      = text{"联系人", "Contact"}
	txtTitle        = text{"活动主题", "Title"}
	txtBookPurpose  = text{"活动类型", "Purpose"}
	txtAttendees    = text{"参加人数", "Attendees"}
	txtWeeks        = text{"重复周数", "Weeks"}
	txtNewBooking   = text{"新预约（前台预约直接确认）", "New booking (desk bookings are approved at once)"}
	txtNewSeries    = text{"每周重复预约", "Weekly series"}
	txtSlotFree     = text{"该时段可以预约", "The slot is free"}
	txtBooked       = text{"已预约：%s", "Booked: %s"}
	txtSeriesDone   = text{"已预约 %d 次；冲突 %d 次：%s", "Booked %d dates; %d clashed: %s"}
	txtApproved     = text{"已通过：%s", "Approved: %s"}
	txtRejectedB    = text{"已驳回：%s", "Rejected: %s"}
	txtCancelled    = text{"已取消：%s", "Cancelled: %s"}
	txtArrived      = text{"已核销到场：%s", "Checked in: %s"}
	txtNoShowDone   = text{"已标记未到场：%s", "Marked no-show: %s"}
	txtArrivePrompt = text{"到场核销，输入预约编号（B-…）：", "Arrival: type the booking number (B-…): "}
	txtReasonPrompt = text{"请输入理由：", "Reason: "}
	txtColTime      = text{"时间", "Time"}
	txtColTitle     = text{"主题", "Title"}
	txtColArrived   = text{"到场", "Arrived"}
	txtDecidedBy    = text{"经办", "Decided by"}
	txtFindBooking  = text{"按预约编号查找（B-…）：", "Find a booking by its number (B-…): "}
	txtClashWith    = text{"该时段已被预约：%s %s「%s」（%s）", "the slot is taken: %s %s %q (%s)"}

	// Daily log.
	txtDailyTitle = text{"%s 台账预览（g 图表，p 打印，e 导出 CSV）", "Daily log %s (g charts, p print, e export CSV)"}
	txtEmptyLog   = text{"（台账为空）", "(the log is empty)"}

	// The 台账 tab's charts.
	txtMakingPDF       = text{"正在生成 PDF…", "Making the PDF…"}
	txtChartTitle      = text{"%s 图表（g 返回台账，p 打印，e 导出 CSV）", "Charts %s (g back to the log, p print, e export CSV)"}
	txtChartHours      = text{"来访时段分布（按签到时间，共 %d 批）", "Visits by hour of check-in (%d in all)"}
	txtChartCategories = text{"诉求分类（█ 受理  ▒ 其中逾期）", "Requests by category (█ received  ▒ of them overdue)"}
	txtChartOverdue    = text{"（逾期 %d）", " (%d overdue)"}
	txtChartVenues     = text{"场地使用率（已确认预约时长 ÷ 开放时长）", "Venue use (approved booked hours ÷ opening hours)"}
	txtChartTrend      = text{"近 %d 天（%s 至 %s），每格一天", "Last %d days (%s to %s), a cell a day"}
	txtChartVisits     = text{"来访", "Visits"}
	txtChartRequests   = text{"诉求", "Requests"}
	txtChartResolution = text{"办结率", "Resolution"}
	txtChartMaxSum     = text{"最高 %d，合计 %d", "max %d, total %d"}
	txtChartRate       = text{"期间", "period"}
	txtChartLegend     = text{"条形与格高按数值比例；空格为当天无可计数；数字为实际值。", "Bars and cells to scale; a blank: nothing to count that day; numbers exact."}

	// QR.
	txtQRTitle = text{"扫码二维码（Esc 返回，←→ 翻页）", "Kiosk QR codes (Esc back, ←→ page)"}
	txtQRNone  = text{"扫码服务尚未提供表单链接", "The kiosk has no form links yet"}

	// Settings (设置).
	txtTabSettings    = text{"设置", "Settings"}
	txtKeySection     = text{"分区", "section"}
	txtKeyToggle      = text{"停用/启用", "deactivate/activate"}
	txtSecVenues      = text{"场地", "Venues"}
	txtSecStaff       = text{"工作人员", "Staff"}
	txtSecCenter      = text{"中心", "Center"}
	txtSecHistory     = text{"修改记录", "History"}
	txtReadOnly       = text{"只读：只有中心负责人可以修改场地、人员和设置", "Read only: only a manager may change venues, staff and settings"}
	txtSettingsHint   = text{"←/→ 分区  n 新增  enter 修改  d 停用/启用", "←/→ section  n add  enter edit  d deactivate/activate"}
	txtColID          = text{"编号", "ID"}
	txtColCapacity    = text{"容纳", "Capacity"}
	txtColHours       = text{"开放时间", "Hours"}
	txtColFacilities  = text{"设施", "Facilities"}
	txtColState       = text{"状态", "State"}
	txtColLogin       = text{"登录名", "Login"}
	txtColRole        = text{"角色", "Role"}
	txtColPassword    = text{"密码", "Password"}
	txtColKeys        = text{"SSH 公钥", "SSH keys"}
	txtColWhat        = text{"修改", "Change"}
	txtActive         = text{"启用", "active"}
	txtInactive       = text{"停用", "inactive"}
	txtPasswordSet    = text{"有", "set"}
	txtPasswordNone   = text{"无", "none"}
	txtNewVenue       = text{"新增场地", "New venue"}
	txtEditVenue      = text{"修改场地：%s（编号不变，旧记录保留原名）", "Edit venue: %s (the id stays; old records keep the old name)"}
	txtVenueName      = text{"名称", "Name"}
	txtCapacity       = text{"容纳人数", "Capacity"}
	txtHoursField     = text{"开放时间", "Hours"}
	txtVenueHint      = text{"开放时间写作 08:00-21:00；容纳 1 到 10000 人", "Hours as 08:00-21:00; capacity 1 to 10000"}
	txtNewStaff2      = text{"新增工作人员", "New staff member"}
	txtEditStaff      = text{"修改工作人员：%s", "Edit staff member: %s"}
	txtStaffName      = text{"姓名", "Name"}
	txtLoginField     = text{"登录名", "Login"}
	txtKeyField2      = text{"添加 SSH 公钥", "Add an SSH key"}
	txtPasswordField  = text{"密码", "Password"}
	txtNewPassword    = text{"新密码（不改请留空）", "New password (empty keeps it)"}
	txtStaffHint      = text{"登录名留空则按姓名拼音生成：%s；公钥为 .pub 文件的一行；密码至少 8 个字符", "An empty login is made from the name: %s; a key is one line of a .pub file; passwords have 8 characters or more"}
	txtCenterForm     = text{"修改中心设置", "Center settings"}
	txtCenterName     = text{"中心名称", "Center name"}
	txtTimeZone       = text{"时区", "Time zone"}
	txtPublicPhone    = text{"对外电话", "Public phone"}
	txtQRTTL          = text{"二维码换码间隔", "QR rotation"}
	txtSSHIdle        = text{"SSH 空闲断开", "SSH idle timeout"}
	txtDurationHint   = text{"间隔写作 10m、1h；0 为固定码（前台和 serve 重启后生效）", "Durations as 10m or 1h; 0 for static codes (the desk and serve use it on their next start)"}
	txtNotDuration    = text{"请填写时长，例如 10m、1h，或 0", "Enter a duration such as 10m or 1h, or 0"}
	txtVenueAdded     = text{"已新增场地：%s", "Venue added: %s"}
	txtVenueChanged   = text{"已修改场地：%s", "Venue changed: %s"}
	txtMisfits        = text{"以下 %d 个未到期的预约超出新的容量或开放时间，预约保留，请联系预约人：", "%d coming bookings exceed the new capacity or hours; they stand, so tell their organisers:"}
	txtAskForceClose  = text{"场地 %s 还有 %d 个已确认的预约（见上），仍要停用吗？预约保留。y 停用 / 其他键 取消", "Venue %s has %d approved bookings to come (above). Close it anyway? They stand. y close / any other key no"}
	txtComingBookings = text{"场地 %s 未到期的已确认预约：", "Approved bookings to come at %s:"}
	txtKeptBookings   = text{"已停用 %s；以下 %d 个已确认的预约保留，请通知预约人：", "%s closed; %d approved bookings stand, so tell their organisers:"}
	txtVenueClosed    = text{"已停用场地：%s（手机和前台不再提供）", "Venue closed: %s (no longer offered on phones or at the desk)"}
	txtVenueOpened    = text{"已启用场地：%s", "Venue open again: %s"}
	txtStaffAdded     = text{"已新增工作人员：%s（登录名 %s）", "Staff member added: %s (login %s)"}
	txtStaffChanged   = text{"已修改工作人员：%s", "Staff member changed: %s"}
	txtStaffOff       = text{"已停用：%s（不能再登录前台）", "Deactivated: %s (cannot start the desk)"}
	txtStaffOn        = text{"已启用：%s", "Active again: %s"}
	txtAskStaffOff    = text{"停用 %s？停用后不能登录前台，旧记录保留其姓名。y 停用 / 其他键 取消", "Deactivate %s? They can no longer start the desk; old records keep their name. y yes / any other key no"}
	txtSettingsSaved  = text{"中心设置已保存", "Center settings saved"}
	txtNoHistory      = text{"（还没有修改记录）", "(no changes yet)"}
)

// The desk's corrections, voids and the strings issue 15 added.
var (
	txtVoidTitle       = text{"作废 %s", "Void %s"}
	txtVoidReason      = text{"作废原因", "Reason"}
	txtVoidHint        = text{"作废后不计入当日统计，台账中列为作废", "A voided record leaves the day's figures; the log lists it as voided"}
	txtVoided          = text{"已作废：%s", "Voided: %s"}
	txtVoidMark        = text{"作废", "void"}
	txtCorrected       = text{"更正", "corrected"}
	txtCorrectDone     = text{"已更正：%s", "Corrected: %s"}
	txtEditVisit       = text{"更正来访 %s", "Correct visit %s"}
	txtEditRequest     = text{"更正诉求 %s", "Correct request %s"}
	txtEditBooking     = text{"更正预约 %s", "Correct booking %s"}
	txtKeyTop          = text{"到顶", "top"}
	txtKeyBottom       = text{"到底", "bottom"}
	txtVoidedNoActions = text{"已作废：不再办理", "Voided: nothing more to do"}
	txtKeyEdit         = text{"更正", "correct"}
	txtKeyVoid         = text{"作废", "void"}
	txtNoChange        = text{"没有改动", "Nothing changed"}
	txtInbox           = text{"待办（%d）", "To do (%d)"}
	txtInboxEmpty      = text{"（没有待办）", "(nothing waiting)"}
	txtInboxTags       = []text{{"扫码新", "Kiosk"}, {"待审核", "Approve"}, {"超期", "Overdue"}, {"待回访", "Callback"}}
	txtKioskNamed      = text{"扫码新提交：%s %s %s（1 今日 待办里回车查看）", "New from the kiosk: %s %s %s (1 Today, enter opens it)"}
	txtQREnlarge       = text{"窗口太小，二维码显示不全，手机扫不出。请把终端窗口放大到至少 %d 行。", "The window is too small to show the whole code, so no phone could read it. Make the terminal at least %d lines tall."}
	txtWaitingClash    = text{"注意：扫码预约 %s（%s %s）正等待审核这一时段，本预约通过后它将无法通过", "Note: the kiosk booking %s (%s, %s) waits for this slot; it cannot be approved once this one is"}
	txtAlreadyIn       = text{"注意：%s 已于 %s 签到，尚未签退", "Note: %s checked in at %s and has not checked out"}
	txtHeadcountZero   = text{"人数至少为 1", "Headcount is at least 1"}
)
