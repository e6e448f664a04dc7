package lang

// Texts of the web kiosk's Go code (kiosk/). The page templates keep their
// own text.
var (
	KioskName            = Text{"扫码服务", "kiosk"}
	PageNotFound         = Text{"没有找到这个页面，请检查链接是否完整。", "This page does not exist; check that the link is complete."}
	MethodNotAllowed     = Text{"不支持这种请求方式。", "This kind of request is not supported."}
	NoRecordForLink      = Text{"没有找到这条记录，请检查链接是否完整，或到前台查询。", "No record matches this link; check that it is complete, or ask at the desk."}
	CodeExpired          = Text{"二维码已过期或无效，请重新扫描大厅屏幕上的二维码。", "This code has expired or is not valid; please scan the code on the lobby screen again."}
	CrossSiteRefused     = Text{"请求来自其他网站，已被拒绝。请直接在本页面填写提交。", "The request came from another site and was refused; please submit the form on this site."}
	TooLong              = Text{"提交的内容太长了，请精简后再提交。", "What you sent is too long; please shorten it and try again."}
	BadForm              = Text{"表单内容无法识别，请重新填写。", "The form could not be read; please fill it in again."}
	TooManySubmissions   = Text{"提交太频繁了，请稍等一分钟后再试。", "Too many submissions from this device; please wait a minute and try again."}
	StaffOnly            = Text{"此页面仅供中心工作人员使用。", "This page is for the center's staff only."}
	NotSetUp             = Text{"服务中心尚未完成设置，请联系前台工作人员。", "The center is not set up yet; please ask the desk."}
	KioskBusy            = Text{"服务繁忙，请稍后再试。", "The kiosk is busy; please try again shortly."}
	SomethingWentWrong   = Text{"出错了", "Something went wrong"}
	PleaseWaitMoment     = Text{"请稍后再试", "Please wait a moment"}
	NotFound             = Text{"没有找到", "Not found"}
	PleaseScanAgain      = Text{"请重新扫码", "Please scan again"}
	RequestsErrands      = Text{"我要办事/提诉求", "Requests & errands"}
	BookRoom             = Text{"预约场地", "Book a room"}
	VisitorCheckIn       = Text{"来访登记", "Visitor check-in"}
	UpTo                 = Text{"可容纳 %d 人", "up to %d"}
	ScanToStart          = Text{"扫码办事", "Scan to start"}
	AndMore              = Text{"另有 %d 场", "and %d more"}
	KioskInternalError   = Text{"系统内部出错，请稍后再试。", "Something went wrong inside the system; please try again."}
	CheckOutWhenYouLeave = Text{"离开时请在状态页点击“签退”。", "When you leave, press “Check out” on the status page."}
	Submitted            = Text{"提交成功", "Submitted"}
	ReceiptNumber        = Text{"受理编号", "Receipt number"}
	RequestSubmitted     = Text{"您的诉求已提交，工作人员会尽快受理。", "Your request is in; the staff will take it up soon."}
	PromisedByNote       = Text{"承诺办结日期：", "Promised by: "}
	BookingNumber        = Text{"预约编号", "Booking number"}
	BookingSubmitted     = Text{"您的场地预约已提交，等待工作人员审核。", "Your booking request is in and waits for the desk's approval."}
	BookingNextSteps     = Text{"审核结果请在状态页查看；活动当天凭此编号核销。", "See the outcome on the status page; show this number when your group arrives."}
	CheckInNumber        = Text{"登记编号", "Check-in number"}
	CheckedInWelcome     = Text{"登记成功，欢迎来访！", "You are checked in. Welcome!"}
	Status               = Text{"办理进度", "Status"}
	SubmittedAt          = Text{"提交时间", "Submitted"}
	HandledBy            = Text{"承办", "Handled by"}
	RejectReason         = Text{"不予受理理由", "Reason"}
	YourRating           = Text{"您的评价", "Your rating"}
	Explanation          = Text{"说明", "Reason"}
	ArrivedAt            = Text{"到场核销", "Arrived"}
	CheckedOutState      = Text{"已签退", "Checked out"}
	CheckedInAt          = Text{"签到时间", "Checked in"}
	CheckedOutAt         = Text{"签退时间", "Checked out"}
	TooManyLobbyStreams  = Text{"此设备打开的大厅屏幕太多了，请关闭一些后再试。", "This device has too many lobby screens open; close some and try again."}
	LastBackupFailed     = Text{"最近一次备份失败：", "the last backup failed at "}
	CapacityNote         = Text{"（%d 人）", " (%d)"}
	Free                 = Text{"空闲", "Free"}
	KioskBooked          = Text{"已预约", "Booked"}
	PendingMayAsk        = Text{"待审核（可申请，择一通过）", "Pending (you may still ask; one is approved)"}
	TooManyLookups       = Text{"查询太频繁了，请稍等一分钟后再试。", "Too many look-ups from this device; please wait a minute and try again."}
	TooLongTitle         = Text{"内容太长了", "Too long"}
	NotAvailable         = Text{"暂时无法办理", "Not available just now"}
	NotAllowed           = Text{"无法打开", "Not allowed"}
	CodeRenewed          = Text{"二维码已过期，已为您换上新的。您填写的内容都保留着，请核对后再点一次提交。", "The code had expired and has been renewed. Everything you typed is still here; check it and submit again."}
	CodeInvalidKept      = Text{"这个二维码无效，无法提交。您填写的内容仍在本页；请重新扫描大厅屏幕上的二维码，打开的新表单会自动填回这些内容。", "This code is not valid, so the form cannot be sent. What you typed is still on this page; scan the code on the lobby screen again and the new form fills it back in."}
	TypedIsKept          = Text{"您填写的内容都保留着。", " Everything you typed is kept."}
	LookUpReceipt        = Text{"查询进度", "Look up a receipt"}
	OtherPendingNote     = Text{"请注意：这个时段还有 %d 个待审核的预约，工作人员只能通过其中一个，请留意审核结果。", "Note: %d other pending request(s) ask for this time; the desk can approve only one, so watch for the outcome."}
	CheckOutWhenLeaving  = Text{"离开时请点下面的“签退离开”，工作人员据此统计在馆人数和服务时长。", "When you leave, press “Check out” below: the desk counts who is in and the hours served."}
	CheckedOutThanks     = Text{"您已签退，感谢来访。", "You have checked out. Thank you for visiting."}
	NextNew              = Text{"工作人员会尽快受理，受理后会在这里显示承办人。", "The desk will take it up soon; who handles it will show here."}
	NextInProgress       = Text{"正在办理中，办结后会在这里显示结果，并请您评价。", "It is being handled; the outcome will show here, and you will be asked to rate it."}
	NextTransferred      = Text{"已转交相关部门办理，办结后会在这里显示结果。", "It went to the department that handles it; the outcome will show here."}
	NextResolved         = Text{"已经办结，请在下面评价我们的服务。", "It is resolved; please rate our service below."}
	NextClosed           = Text{"已办结并收到您的评价，谢谢！", "Resolved and rated. Thank you!"}
	NextRejected         = Text{"这项诉求不予受理，理由见上。如有疑问请联系中心。", "This request was not taken up; the reason is above. Ask the center if anything is unclear."}
	NextBookingPending   = Text{"等待工作人员审核，审核结果会在这里显示。不需要了可以取消。", "The desk will review it; the outcome will show here. You may cancel it if you no longer need it."}
	NextBookingApproved  = Text{"预约已确认。活动当天请到前台出示预约编号核销。", "Approved. On the day, show the booking number at the desk when your group arrives."}
	NextBookingRejected  = Text{"预约未通过，可换个时段重新预约。", "Not approved; you may ask for another time."}
	NextBookingCancelled = Text{"预约已取消。", "The booking is cancelled."}
	NextBookingNoShow    = Text{"活动开始 30 分钟后未到场，预约已释放。", "Nobody arrived within 30 minutes of the start, so the room was freed."}
	PleaseConfirm        = Text{"请确认", "Please confirm"}
	CancelThisBooking    = Text{"确定要取消这项预约吗？", "Cancel this booking?"}
	CancelCannotUndo     = Text{"。取消后不能恢复，需要时请重新预约。", ". This cannot be undone; book again if you need the room."}
	YesCancelBooking     = Text{"确认取消预约", "Yes, cancel the booking"}
	CheckOutNow          = Text{"确定现在签退离开吗？", "Check out now?"}
	CheckOutEndsVisit    = Text{"签退后本次来访结束，签退时间记为现在。", "Your visit ends and the time is recorded as now."}
	YesCheckOut          = Text{"确认签退", "Yes, check out"}
)

// Texts of a series on the phone (kiosk/status.go, kiosk/booking.go).
var (
	CancelRestOfSeries = Text{"取消这一次及以后的各次？", "Cancel this date and every later one?"}
	YesCancelRest      = Text{"确认取消这一次及以后", "Yes, cancel this and later"}
	RepeatChoose       = Text{"请选择不重复、每周或每月", "choose no repeat, weekly or monthly"}
	RepeatUntilNeeded  = Text{"请选择重复到哪一天（最多三个月）", "Choose the last day of the repeat (at most three months ahead)"}
)
