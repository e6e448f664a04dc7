package lang

// Anonymized is the name that replaces a purged person's name in stored
// records.
const Anonymized = "（已匿名）"

// ClockMarks and DateMarks are the marks a desk worker may type in a time or
// a date (15点30, 3月5日, 15：30), each with what the store reads it as.
var (
	ClockMarks = []string{"：", ":", ".", ":", "点", ":"}
	DateMarks  = []string{"/", "-", ".", "-", "月", "-", "日", "", "年", "-"}
)

// Words a desk worker may type for a day.
var (
	Today    = Text{"今天", "today"}
	Tomorrow = Text{"明天", "tomorrow"}
)

// DayAfterTomorrow has no English word to type.
const DayAfterTomorrow = "后天"

// Texts of store/: the messages of its errors, the names of its labels, and
// the notes that define the log's figures.
var (
	BackupNeedsOut             = Text{"请用 -o 指定备份文件", "give the backup file with -o"}
	BackupOverwritesDB         = Text{"备份文件不能是数据库本身", "the backup cannot overwrite the database itself"}
	DaysAtLeastOne             = Text{"天数应为 1 以上的整数", "days must be at least 1"}
	Pending                    = Text{"待审核", "Pending"}
	ApprovedStatus             = Text{"已确认", "Approved"}
	CancelledStatus            = Text{"已取消", "Cancelled"}
	Rejected                   = Text{"未通过", "Rejected"}
	NoShow                     = Text{"未到场", "No-show"}
	VenueIsRequired            = Text{"请选择场地", "Venue is required"}
	AttendeesRange             = Text{"参加人数应为 1 到 5000 之间的整数", "Attendees must be a whole number from 1 to 5000"}
	EndMustBeAfterStart        = Text{"结束时间应晚于开始时间", "End must be after start"}
	Booking                    = Text{"预约", "booking"}
	VenueClosed                = Text{"该场地已停用，暂不接受预约", "this venue is closed to bookings"}
	OverCapacity               = Text{"参加人数超过场地容量（%d 人）", "attendees exceed the venue's capacity (%d)"}
	StartPassed                = Text{"不能预约已经过去的时间", "the start time has passed"}
	BeyondHorizon              = Text{"最多只能预约 %d 天以内的场地", "bookings open at most %d days ahead"}
	StaffName                  = Text{"经办人", "Staff name"}
	BookingCannotMove          = Text{"预约当前为“%s”，不能改为“%s”", "a booking that is %s cannot become %s"}
	BookingTimePassed          = Text{"该预约的时间已经过去", "this booking's time has passed"}
	VenueClosedNoApproval      = Text{"该场地已停用，不能通过预约", "this venue is closed to bookings"}
	RejectBookingReason        = Text{"不通过的理由", "Reason"}
	CancelReason               = Text{"取消原因", "Reason"}
	GroupArrived               = Text{"该预约已核销到场", "this group has arrived"}
	NoShowTooEarly             = Text{"开始 %d 分钟后才能标记未到场", "a booking can be marked no-show %d minutes after its start"}
	BookingCannotCheckIn       = Text{"该预约当前为“%s”，不能核销", "a booking that is %s cannot be checked in"}
	NoBookingTodayEnds         = Text{"今天没有编号以 %s 结尾的预约，请输入完整编号", "no booking today has a number ending in %s; type the whole number"}
	BookingSuffixAmbiguous     = Text{"今天有 %d 个预约编号以 %s 结尾，请输入完整编号", "%d of today's bookings have numbers ending in %s; type the whole number"}
	NothingToUndo              = Text{"没有可撤销的操作：只能撤销自己 %d 秒内的通过", "nothing to undo: only your own approval of the last %d seconds can be taken back"}
	AlreadyArrivedAt           = Text{"预约 %s 已于 %s 核销（%s）", "booking %s was checked in at %s (%s)"}
	ArrivalWindow              = Text{"预约 %s（%s-%s）只能在活动开始前 1 小时至结束前核销", "booking %s (%s-%s): check-in opens an hour before the start and closes at the end"}
	DatabaseClosing            = Text{"系统正在关闭，请稍后再试", "the database is closing; try again shortly"}
	OnTime                     = Text{"按时", "On time"}
	Late                       = Text{"超时", "Late"}
	WaitingResponse            = Text{"待响应", "Waiting"}
	DefineRequestsText         = Text{"诉求按受理登记日期计入当天；状态、逾期均为打印时的情况。逾期：已过承诺办结日期仍未办结（不含不予受理）。", "Requests count on the day they were received; statuses and overdue are as at printing. Overdue: past the promised day and not resolved (rejected ones excepted)."}
	DefineResponseRateText     = Text{"响应率 = 在承诺响应时限内首次处理（受理、转办、不予受理或办结）的件数 ÷ 应响应件数；应响应件数为已处理的件数加上超过时限仍未处理的件数，时限未到且未处理的暂不计入。", "Response rate = requests first handled (accepted, transferred, rejected or resolved) within the promised response time ÷ requests due a response: those handled plus those past the time unhandled; unhandled ones still within their time are not counted yet."}
	DefineResolutionRateText   = Text{"办结率 = 已办结（含已回访）件数 ÷（受理登记件数 − 不予受理件数）。", "Resolution rate = requests resolved (or closed after the callback) ÷ (requests received − requests rejected)."}
	DefineSatisfactionRateText = Text{"满意率 =（满意 + 基本满意）件数 ÷ 已评价件数。", "Satisfaction rate = (satisfied + fairly satisfied) ÷ requests rated."}
	DefineVisitsText           = Text{"来访按签到时间计入中心所在时区的当天；人次为登记人数之和；志愿服务时长只计党员报到、志愿服务且由本人签退的来访，系统自动签退的不计。", "Visits count on the center's local day of check-in; headcount adds up the people of each visit; service hours count party-member reports and volunteer service checked out by a person, not those closed by the system."}
	DefineBookingsText         = Text{"预约按活动开始日期计入；预约时长只计已确认的预约（未到场的已释放，不计入）；使用率 = 预约时长 ÷ 场地开放时长。", "Bookings count on the day they start; booked hours count approved bookings only (a no-show frees its slot); use = booked hours ÷ opening hours."}
	DateIsRequired             = Text{"请给出日期", "a date is required"}
	LastDayBeforeFirst         = Text{"结束日期 %s 早于起始日期 %s", "the last day %s is before the first day %s"}
	TooManyDays                = Text{"一次最多统计 %d 天", "a log covers at most %d days"}
	DateIsNotYYYYMMDD          = Text{"日期“%s”格式不对，应为 YYYY-MM-DD", "date %q is not YYYY-MM-DD"}
	DatabasePathIsEmpty        = Text{"数据库路径不能为空", "the database path is empty"}
	SchemaTooNew               = Text{"数据库文件 %s 的版本（%d）比本程序支持的版本（%d）新，请升级 frontdesk 后再打开", "database %s has schema version %d, newer than this frontdesk supports (%d); upgrade frontdesk"}
	RecordNotFound             = Text{"记录不存在", "record not found"}
	RecordAlreadyExists        = Text{"记录已存在", "the record already exists"}
	ReferenceMissing           = Text{"关联的记录不存在", "a referenced record does not exist"}
	DataBreaksRule             = Text{"数据不符合要求", "the data breaks a rule"}
	Business                   = Text{"办事", "Business"}
	Enquiry                    = Text{"咨询", "Enquiry"}
	Activity                   = Text{"参加活动", "Activity"}
	PartyMemberReport          = Text{"党员报到", "Party member report"}
	VolunteerService           = Text{"志愿服务", "Volunteer service"}
	StudyTour                  = Text{"参观学习", "Study tour"}
	Other                      = Text{"其他", "Other"}
	PolicyEnquiry              = Text{"政策咨询", "Policy enquiry"}
	SocialMedicalInsurance     = Text{"社保医保", "Social & medical insurance"}
	JobsStartUps               = Text{"就业创业", "Jobs & start-ups"}
	ElderlyDisability          = Text{"养老助残", "Elderly & disability"}
	HousingProperty            = Text{"住房物业", "Housing & property"}
	EnvironmentSanitation      = Text{"环境卫生", "Environment & sanitation"}
	DisputeMediation           = Text{"矛盾调解", "Dispute mediation"}
	PartyMemberServices        = Text{"党员服务", "Party member services"}
	Normal                     = Text{"普通", "Normal"}
	Urgent                     = Text{"紧急", "Urgent"}
	PartyDay                   = Text{"主题党日", "Party day"}
	PartyMeetingsLecture       = Text{"三会一课", "Party meetings & lecture"}
	Training                   = Text{"培训", "Training"}
	ResidentsActivity          = Text{"居民活动", "Residents' activity"}
	Satisfied                  = Text{"满意", "Satisfied"}
	FairlySatisfied            = Text{"基本满意", "Fairly satisfied"}
	Unsatisfied                = Text{"不满意", "Unsatisfied"}
	Desk                       = Text{"前台", "Desk"}
	New                        = Text{"待受理", "New"}
	Accepted                   = Text{"已受理", "Accepted"}
	InProgress                 = Text{"办理中", "In progress"}
	Resolved                   = Text{"已办结", "Resolved"}
	Closed                     = Text{"已回访", "Closed"}
	Transferred                = Text{"已转办", "Transferred"}
	RejectedStatus             = Text{"不予受理", "Rejected"}
	RequestCategory            = Text{"诉求类别", "Category"}
	Request                    = Text{"诉求", "request"}
	PromisedInPast             = Text{"承诺办结日期不能早于今天", "the promised date cannot be in the past"}
	RequestCannotMove          = Text{"诉求当前为“%s”，不能改为“%s”", "a request that is %s cannot become %s"}
	NoteField                  = Text{"说明", "Note"}
	TransferTarget             = Text{"转办对象", "Transfer to"}
	RejectRequestReason        = Text{"不予受理的理由", "Reason"}
	UnknownTimeZone            = Text{"时区“%s”无法识别，例如 Asia/Shanghai", "unknown time zone %q, e.g. Asia/Shanghai"}
	TimeMustBeHHMM             = Text{"时间格式应为 HH:MM", "time must be HH:MM"}
	SettingRange               = Text{"应为 1 到 1000 之间的整数", "must be a whole number from 1 to 1000"}
	UnknownSetting             = Text{"未知的设置项", "unknown setting"}
	StaffMember                = Text{"工作人员", "staff member"}
	StaffMemberName            = Text{"工作人员姓名", "Staff name"}
	InternalError              = Text{"系统内部出错，请稍后再试或联系前台工作人员。", "Something went wrong inside the system; please try again or ask the desk."}
	WhatNotFound               = Text{"%s不存在", "%s not found"}
	DatabaseBusy               = Text{"系统繁忙，请稍后再试", "the database is busy; try again"}
	// CancelledByBooker is the reason stored when a booker cancels on the
	// status page; stored records are in Chinese.
	CancelledByBooker  = Text{"预约人取消", "cancelled by the booker"}
	FormatCharacters   = Text{"%s含有看不见的格式字符（如零宽空格），请删除后重新输入", "%s contains invisible formatting characters (such as zero-width spaces); please retype it"}
	ClockInvalid       = Text{"%s格式应为 24 小时制 HH:MM，如 14:30", "%s must be HH:MM on the 24-hour clock, e.g. 14:30"}
	StartBeforeOpening = Text{"开始时间早于场地开放时间（%s–%s）", "the start is before the venue opens (%s–%s)"}
	EndAfterClosing    = Text{"结束时间晚于场地关闭时间（%s–%s）", "the end is after the venue closes (%s–%s)"}
	// VoidedPrefix starts the stored reason of a voided booking.
	VoidedPrefix              = Text{"作废：", "voided: "}
	InvalidCharacters         = Text{"%s含有无法识别的字符", "%s contains invalid characters"}
	ControlCharacters         = Text{"%s含有不允许的控制字符", "%s contains control characters"}
	FieldRequired             = Text{"请填写%s", "%s is required"}
	ChoiceRequired            = Text{"请选择%s", "%s is required"}
	NotAChoice                = Text{"%s不在可选范围内", "%s is not one of the choices"}
	TooManyCharacters         = Text{"%s不能超过 %d 个字", "%s must be at most %d characters"}
	PhoneIsRequired           = Text{"请填写联系电话", "Phone is required"}
	PhoneInvalid              = Text{"电话号码格式不对，请填写 11 位手机号或带区号的固定电话", "Phone must be an 11-digit mobile number or a landline with its area code"}
	OutOfRange                = Text{"%s应在 %d 到 %d 之间", "%s must be from %d to %d"}
	VenueName                 = Text{"场地名称", "Venue name"}
	Capacity                  = Text{"容纳人数", "Capacity"}
	Facilities                = Text{"设施", "Facilities"}
	OpensAtInvalid            = Text{"开放时间格式应为 HH:MM", "opening time must be HH:MM"}
	ClosesAtInvalid           = Text{"关闭时间格式应为 HH:MM", "closing time must be HH:MM"}
	ClosesBeforeOpens         = Text{"关闭时间应晚于开放时间", "closing time must be after opening time"}
	VenueSpecInvalid          = Text{"场地“%s”格式不对，应为 名称:容纳人数，例如 多功能厅:80", "venue %q must be NAME:CAPACITY, e.g. Hall:80"}
	VenueNotFound             = Text{"场地不存在", "venue not found"}
	VenueNameTaken            = Text{"已有同名场地", "a venue with this name exists"}
	Organisation              = Text{"所属单位/社区", "Organisation"}
	Purpose                   = Text{"来访事由", "Purpose"}
	SourceInvalid             = Text{"来源只能是前台或扫码", "source must be desk or kiosk"}
	Visit                     = Text{"来访记录", "visit"}
	AlreadyCheckedOut         = Text{"该来访已签退", "this visit is already checked out"}
	StartRequired             = Text{"请选择开始时间", "Start time is required"}
	EndRequired               = Text{"请选择结束时间", "End time is required"}
	DateRequired              = Text{"请选择日期", "Date is required"}
	StartField                = Text{"开始时间", "Start"}
	EndField                  = Text{"结束时间", "End"}
	CancelTooLate             = Text{"活动时间已经过去，无需取消", "the booking's time has passed; there is nothing to cancel"}
	AlreadyCancelled          = Text{"这项预约已经取消了，无需再次取消", "this booking is already cancelled"}
	CancelNotApproved         = Text{"这项预约未通过审核，无需取消", "this booking was not approved; there is nothing to cancel"}
	CancelNoShow              = Text{"这项预约已按未到场结束，无需取消", "this booking has ended as a no-show"}
	LevelCity                 = Text{"市级", "City"}
	LevelDistrict             = Text{"区级", "District"}
	LevelStreet               = Text{"街道", "Street"}
	LevelCommunity            = Text{"社区", "Community"}
	LevelInvalid              = Text{"级别“%s”无效，应为 city、district、street 或 community", "level %q is not city, district, street or community"}
	CodeDigits                = Text{"%s中心的代码应为 %d 位数字（统计用区划代码），而不是“%s”", "a %s center's code is %d digits (a statistical division code), not %q"}
	CityHasNoParent           = Text{"市级中心没有上级", "a city center has no parent"}
	ParentDigits              = Text{"%s中心的上级应为 %d 位的%s代码（--parent），而不是“%s”", "a %s center's parent is a %d-digit %s code (--parent), not %q"}
	CodeOutsideParent         = Text{"代码 %s 不属于上级 %s（前 %d 位应相同）", "code %s does not belong to parent %s (the first %d digits must agree)"}
	LookupNoMatch             = Text{"没有找到匹配的记录，请核对编号和手机尾号后再试，或到前台查询", "no record matches; check the number and the last four digits of the phone, or ask at the desk"}
	Last4Required             = Text{"请填写手机号码的后四位数字", "Enter the last four digits of the phone"}
	ReceiptRequired           = Text{"请填写受理编号（如 R-20260310-0001）", "Enter the receipt number (e.g. R-20260310-0001)"}
	AlreadyRated              = Text{"您已经评价过了，感谢您的反馈", "you have already rated this request; thank you"}
	RateNotYet                = Text{"诉求办结后才能评价，请留意办理进度", "you can rate the request once it is resolved"}
	FormExpired               = Text{"表单已失效，请重新提交", "the form has expired; please send it again"}
	VisitorAlreadyCheckedOut  = Text{"您已经签退过了，无需再次签退", "you have already checked out"}
	BackupToFailed            = Text{"备份到 %s 失败：%v", "backup to %s failed: %v"}
	BackupEveryTooShort       = Text{"--backup-every 至少 1m（例如 1h）", "--backup-every must be at least 1m (e.g. 1h)"}
	BackupKeepTooFew          = Text{"--backup-keep 至少为 1", "--backup-keep must be at least 1"}
	CannotCreateBackupFolder  = Text{"无法创建备份目录 %s：%v", "cannot create the backup folder %s: %v"}
	DatabaseReadOnly          = Text{"数据库当前为只读，无法保存，请联系前台工作人员", "the database is read-only right now; nothing can be saved. Please ask the desk"}
	DatabaseCorrupt           = Text{"数据库文件已损坏，无法保存，请联系前台工作人员", "the database file is damaged; nothing can be saved. Please ask the desk"}
	StorageFull               = Text{"存储空间已满，暂时无法保存，请告知前台工作人员", "the storage is full; nothing can be saved right now. Please tell the desk"}
	OpenedReadOnly            = Text{"数据库以只读方式打开", "the database was opened read-only"}
	CorruptRefused            = Text{"数据库文件 %s 已损坏（%s），已拒绝打开，未做任何写入。请用最近的备份恢复：frontdesk restore --db %s -i 备份文件", "database %s is damaged (%s); it was refused and nothing was written. Restore the latest backup: frontdesk restore --db %s -i BACKUP"}
	CannotWriteDatabase       = Text{"数据库文件 %s 或其所在目录不可写（%v）：前台和扫码服务不能在只读状态下运行。请检查权限（chmod、chattr -i、挂载方式）；只读查看请用 frontdesk report", "database %s or its folder cannot be written (%v): the desk and the kiosk do not run read-only. Check permissions (chmod, chattr -i, the mount); to read it, use frontdesk report"}
	DatabaseInUse             = Text{"数据库 %s 正被其他 frontdesk 进程使用，请先关闭前台和扫码服务", "database %s is open in another frontdesk process; stop the desk and the kiosk first"}
	RestoreInProgress         = Text{"数据库 %s 正在恢复备份，请稍后再试", "database %s is being restored from a backup; try again shortly"}
	DatabaseFile              = Text{"数据库文件 %s ", "database file %s"}
	UnmergedWAL               = Text{"数据库 %s 的日志文件（-wal）里还有未合并的数据，而所在目录不可写，无法只读打开。请在可写的目录中打开一次（例如运行 frontdesk report）", "database %s has a log (-wal) not yet merged and its folder is read-only; open it once where it can be written (run frontdesk report there)"}
	RestoreNeedsIn            = Text{"请用 -i 指定备份文件", "give the backup file with -i"}
	RestoreFromItself         = Text{"备份文件不能是数据库本身", "the backup cannot be the database itself"}
	BackupFileNotFound        = Text{"找不到备份文件 %s", "backup file %s not found"}
	NotABackup                = Text{"%s 不是 frontdesk 的备份文件", "%s is not a frontdesk backup"}
	BackupTooNew              = Text{"备份 %s 来自更新版本的 frontdesk（版本 %d），本程序只支持到 %d", "backup %s comes from a newer frontdesk (schema %d; this one supports %d)"}
	NotABackupBecause         = Text{"%s 不是 frontdesk 的备份文件（%v）", "%s is not a frontdesk backup (%v)"}
	StoreOrganisation         = Text{"单位", "Organisation"}
	CheckIn                   = Text{"签到时间", "Check-in"}
	CheckOut                  = Text{"签退时间", "Check-out"}
	Voided                    = Text{"作废", "Voided"}
	Undone                    = Text{"撤销", "Undone"}
	VoidedCannotChange        = Text{"该记录已作废，不能再修改", "this record is voided and cannot be changed"}
	CheckInInFuture           = Text{"签到时间不能晚于现在", "the check-in cannot be in the future"}
	CheckOutInFuture          = Text{"签退时间不能晚于现在", "the check-out cannot be in the future"}
	CheckOutBeforeCheckIn     = Text{"签退时间早于签到时间", "the check-out is before the check-in"}
	VoidReason                = Text{"作废原因", "Reason"}
	VoidKindInvalid           = Text{"只能作废来访、诉求或预约", "only a visit, request or booking can be voided"}
	AlreadyVoided             = Text{"该记录已作废", "this record is voided already"}
	ManagerOnly               = Text{"只有中心负责人可以修改：请用 --staff 指明负责人", "only a manager may change this: name one with --staff"}
	NoSuchStaff               = Text{"没有名为“%s”的工作人员", "there is no staff member called %q"}
	StaffDeactivated          = Text{"工作人员“%s”已停用", "staff member %q is deactivated"}
	DeskStaffNotManager       = Text{"“%s”是前台工作人员，只有中心负责人可以修改场地、人员和设置", "%s is desk staff; only a manager may change venues, staff and settings"}
	Added                     = Text{"新增", "added"}
	Changed                   = Text{"修改", "changed"}
	Deactivated               = Text{"停用", "deactivated"}
	Activated                 = Text{"启用", "activated"}
	NewKioskSecret            = Text{"更换扫码密钥", "new kiosk secret"}
	OldRecordsAnonymised      = Text{"匿名化旧记录", "old records anonymised"}
	NewDailyLogLink           = Text{"更换台账链接", "new daily-log link"}
	ApprovalNeedsManager      = Text{"该预约超出场地现在的容量（%d 人）或开放时间（%s），只有中心负责人可以批准", "this booking exceeds the venue's present capacity (%d) or hours (%s); only a manager may approve it"}
	PasswordTooShort          = Text{"密码至少 %d 个字符", "the password must be at least %d characters"}
	PasswordInvalid           = Text{"密码过长或含有无法识别的字符", "the password is too long or not valid text"}
	SSHKeyInvalid             = Text{"SSH 公钥无法识别，应为一行 “ssh-ed25519 AAAA… 备注”（.pub 文件的内容）", "the SSH key does not parse; give one line \"ssh-ed25519 AAAA… comment\" (a .pub file's content)"}
	KeyComment                = Text{"公钥备注", "Key comment"}
	LoginInvalid              = Text{"登录名“%s”不合要求：须为小写英文字母开头，2 到 32 个小写字母、数字或 _ . -", "login %q must be 2 to 32 lower-case letters, digits, _ . or -, starting with a letter"}
	NotOnStaffList            = Text{"工作人员名单里没有“%s”；--staff 须是在岗的工作人员（新增请用 frontdesk staff add）", "%q is not on the staff list; --staff must name an active staff member (add one with frontdesk staff add)"}
	TimeZoneRequired          = Text{"请填写时区，例如 Asia/Shanghai", "Time zone is required, e.g. Asia/Shanghai"}
	QRRotationRange           = Text{"二维码换码间隔应在 1 分钟到 24 小时之间，0 为固定码", "the QR rotation must be from 1 minute to 24 hours, or 0 for static codes"}
	CenterNotSetUp            = Text{"中心还没有设置，请先运行 frontdesk init --center 名称", "the center is not set up; run frontdesk init --center NAME first"}
	StoreDesk                 = Text{"前台", "desk"}
	RoleInvalid               = Text{"角色“%s”无法识别，应为 desk（前台）或 manager（负责人）", "role %q must be desk or manager"}
	WrongLoginOrPassword      = Text{"登录名或密码不对", "wrong login or password"}
	StaffDeactivatedNoDesk    = Text{"工作人员“%s”已停用，不能登录前台；请联系中心负责人", "staff member %s is deactivated and cannot start the desk; ask a manager"}
	NotOnStaffListAskManager  = Text{"工作人员名单里没有“%s”，请中心负责人先添加（设置页或 frontdesk staff add）", "%q is not on the staff list; a manager adds them first (settings tab or frontdesk staff add)"}
	StaffNameTaken            = Text{"已有名为“%s”的工作人员", "there is already a staff member called %q"}
	LoginTaken                = Text{"登录名“%s”已被“%s”使用", "login %q is taken by %s"}
	KeyTaken                  = Text{"该公钥（%s）已登记给“%s”", "the key %s already belongs to %s"}
	HasNoKey                  = Text{"“%s”没有指纹为 %s 的公钥", "%s has no key %s"}
	LastManager               = Text{"这是最后一位在岗的中心负责人，不能降为前台或停用；请先指定另一位负责人", "this is the last active manager and cannot be demoted or deactivated; make someone else a manager first"}
	HoursClosesBeforeOpens    = Text{"开放时间 %s-%s 不对：结束应晚于开始", "hours %s-%s: the closing time must be after the opening time"}
	HoursInvalid              = Text{"开放时间“%s”格式应为 HH:MM-HH:MM，例如 08:00-21:00", "hours %q must be HH:MM-HH:MM, e.g. 08:00-21:00"}
	VenueCalledTaken          = Text{"已有名为“%s”的场地", "there is already a venue called %q"}
	VenueHasBookings          = Text{"场地“%s”还有 %d 个已确认的预约未到期，确需停用请加 --force（预约保留，请通知预约人）", "venue %s has %d approved bookings to come; add --force to close it anyway (they stand: tell their organisers)"}
	NoSuchVenue               = Text{"没有名为“%s”的场地", "there is no venue called %q"}
	StoreName                 = Text{"名称", "name"}
	StoreCapacity             = Text{"容纳人数", "capacity"}
	StoreHours                = Text{"开放时间", "hours"}
	StoreFacilities           = Text{"设施", "facilities"}
	Active                    = Text{"启用", "active"}
	Login                     = Text{"登录名", "login"}
	Role                      = Text{"角色", "role"}
	SSHKeys                   = Text{"SSH 公钥", "SSH keys"}
	Password                  = Text{"密码", "password"}
	StaffLang                 = Text{"语言", "language"}
	LangDesk                  = Text{"随前台", "the desk's"}
	LangZH                    = Text{"中文", "Chinese"}
	LangEN                    = Text{"英文", "English"}
	StaffLangInvalid          = Text{"语言“%s”无法识别，应为 zh（中文）、en（英文）或 none（随前台）", "language %q must be zh, en or none (the desk's)"}
	CenterName                = Text{"中心名称", "center name"}
	TimeZone                  = Text{"时区", "time zone"}
	PublicPhone               = Text{"对外电话", "public phone"}
	QRRotation                = Text{"二维码换码间隔", "QR rotation"}
	OlderThanDays             = Text{"早于（天）", "older than (days)"}
	StoreVisits               = Text{"来访", "visits"}
	StoreRequests             = Text{"诉求", "requests"}
	StoreBookings             = Text{"预约", "bookings"}
	StoreNo                   = Text{"否", "no"}
	Set                       = Text{"已设置", "set"}
	StoreChanged              = Text{"已更改", "changed"}
	SSHDeskIdleTimeoutMustBe  = Text{"SSH 前台空闲断开时间应在 1 分钟到 24 小时之间，0 为不断开", "the SSH desk idle timeout must be from 1 minute to 24 hours, or 0 for never"}
	SettingsTarget            = Text{"设置", " settings"}
	TimeIsRequired            = Text{"请填写时间", "a time is required"}
	CannotReadTimeWrite1430   = Text{"时间“%s”看不懂，请写 14:30、1430 或 14", "cannot read the time %q; write 14:30, 1430 or 14"}
	CannotReadDateWrite202603 = Text{"日期“%s”看不懂，请写 2026-03-10、03-10、今天、明天或 +3", "cannot read the date %q; write 2026-03-10, 03-10, today, tomorrow or +3"}
)

// Texts of a series (重复预约, store/series.go).
var (
	SeriesClashed         = Text{"冲突", "Clashed"}
	SeriesMoved           = Text{"已调整", "Moved"}
	SeriesFirstRequired   = Text{"请选择第一次的日期", "the first date is required"}
	SeriesNeedsEnd        = Text{"请填写结束日期或重复次数", "give the last date or the number of dates"}
	SeriesLastBeforeFirst = Text{"结束日期 %s 早于开始日期 %s", "the last date %s is before the first %s"}
	SeriesCountRange      = Text{"重复次数应在 1 到 %d 之间", "the number of dates must be from 1 to %d"}
	SeriesNthRange        = Text{"请选择每月第几个星期几（第一到第五，或最后一个）", "choose which weekday of the month: first to fifth, or last"}
	SeriesEveryRange      = Text{"间隔周数应在 1 到 8 之间", "the weeks between dates must be from 1 to 8"}
	SeriesWeekly          = Text{"每周%s", "weekly on %s"}
	SeriesEveryWeeks      = Text{"每 %d 周的%s", "every %d weeks on %s"}
	SeriesMonthly         = Text{"每月%s%s", "monthly on the %s %s"}
	SeriesLacking         = Text{"%s：%s 没有这一天，这些日期会落空；请改选「最后一个%s」或换一天", "%s: %s have no such day and would fall out; choose the last %s or another day"}
	SeriesNoDates         = Text{"%s在 %s 至 %s 之间没有日期", "%s has no date from %s to %s"}
	SeriesTooMany         = Text{"%s共超过 %d 次，一次最多预约 %d 次；请提前结束日期", "%s makes more than %d dates, the most one series may have; end it sooner"}
	SeriesPhoneAhead      = Text{"手机上最多预约三个月以内的重复活动（到 %s 为止）", "a repeat asked for from a phone may run at most three months ahead (until %s)"}
	SeriesNotFound        = Text{"重复预约", "series"}
	SeriesOnlyThisMoves   = Text{"只有“本次”可以改到另一天", "only this date can move to another day"}
	SeriesNotASeries      = Text{"这项预约不属于重复预约", "this booking is not part of a series"}
	SeriesScopeRequired   = Text{"请选择本次、本次及以后或全部", "choose this date, this and later, or all"}
	SeriesNothingLeft     = Text{"没有可以更改的日期（都已取消或已经过去）", "no date is left to change: all are cancelled or over"}
	SeriesReason          = Text{"原因", "Reason"}
)

// SeriesNth names the Nth weekday of a month (1–5, -1 the last).
var SeriesNth = map[int]Text{1: {"第一个", "first"}, 2: {"第二个", "second"}, 3: {"第三个", "third"}, 4: {"第四个", "fourth"},
	5: {"第五个", "fifth"}, -1: {"最后一个", "last"}}
