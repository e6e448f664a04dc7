package lang

// Texts of the network hub (hub/): its errors.
var (
	HubRequired     = Text{"请用 --hub 或环境变量 FRONTDESK_HUB 给出汇总库地址（postgres://…）", "give the hub with --hub or FRONTDESK_HUB (postgres://…)"}
	HubURLInvalid   = Text{"汇总库地址无效，应为 postgres://用户@主机:端口/库名", "the hub address is not valid; it should be postgres://user@host:port/database"}
	HubError        = Text{"汇总库 %s 报错：%s", "the hub %s answered with an error: %s"}
	HubUnreachable  = Text{"连不上汇总库 %s（网络断开或汇总库未运行）：%v", "cannot reach the hub %s (network down or hub not running): %v"}
	HubNoSchema     = Text{"汇总库 %s 还没有建表，请先运行 frontdesk hub init --hub 地址", "the hub %s has no schema yet; run frontdesk hub init --hub URL first"}
	HubSchemaOld    = Text{"汇总库 %s 的结构较旧，请先运行 frontdesk hub init --hub 地址升级", "the hub %s has an older schema; run frontdesk hub init --hub URL to upgrade it"}
	HubSchemaNew    = Text{"汇总库的结构（%s）比本程序新，请升级 frontdesk", "the hub's schema (%s) is newer than this frontdesk; upgrade frontdesk"}
	HubBadPeriod    = Text{"统计期间无效：%s 至 %s（最多 %d 天）", "bad period %s to %s (at most %d days)"}
	HubNoSuchCenter = Text{"汇总库里没有代码为 %s 的中心（它还没有上报过）", "the hub has no center with code %s (it has never reported)"}
	CenterHasNoCode = Text{"本中心还没有代码，请先运行 frontdesk init --code 代码 --level 级别 --parent 上级代码", "this center has no code yet; run frontdesk init --code CODE --level LEVEL --parent CODE first"}
)
