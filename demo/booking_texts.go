package demo

// venuePurposes weighs what each demo venue is booked for, in
// store.BookingPurposes order: 主题党日, 三会一课, 志愿服务, 培训, 居民活动, 其他.
var venuePurposes = map[string][]int{
	"多功能厅":  {20, 5, 10, 30, 30, 5},
	"党员活动室": {40, 35, 10, 5, 0, 10},
	"会议室":   {10, 30, 15, 25, 0, 20},
	"书画室":   {5, 0, 0, 5, 90, 0},
	"志愿者之家": {10, 0, 70, 5, 15, 0},
}

// anyVenuePurposes weighs the purposes of a venue the demo does not know.
var anyVenuePurposes = []int{15, 15, 15, 20, 25, 10}

// bookingOrgs are who books rooms, by purpose.
var bookingOrgs = map[string][]string{
	"party_day": {"新建南路社区党委", "永泰南门社区第二党支部", "平城区税务局机关党支部", "大同市第一中学党总支",
		"新建南路街道机关党支部", "中国银行大同分行第三党支部", "个体工商户联合党支部"},
	"three_one": {"新建南路社区第二党支部", "永泰西门社区党支部", "平城区市场监督管理局第三党支部",
		"恒安社区离退休党支部", "非公企业联合党支部"},
	"volunteer": {"新时代文明实践志愿服务队", "新建南路社区巾帼志愿服务队", "山西大同大学青年志愿者协会",
		"“夕阳红”助老志愿服务队", "平城区红十字会志愿服务队"},
	"training": {"平城区人社局就业服务中心", "新建南路街道综治中心", "平城区消防救援大队", "新建南路街道妇联",
		"平城区疾控中心"},
	"residents": {"新建南路社区老年大学", "永泰南门社区舞蹈队", "社区书画协会", "和阳社区合唱团", "社区家长学校",
		"社区象棋协会"},
	"other": {"恒安小区业主委员会", "鑫源物业服务有限公司", "新建南路商户联合会", "华林小区业主委员会"},
}

// bookingTitles are what the rooms are booked for, by purpose.
var bookingTitles = map[string][]string{
	"party_day": {"主题党日：重温入党誓词", "主题党日：学习党章党规", "主题党日：红色电影观影", "主题党日：学习身边榜样",
		"主题党日：志愿服务进社区", "主题党日：廉政警示教育"},
	"three_one": {"支部委员会会议", "党员大会", "党小组会", "专题党课", "组织生活会", "民主评议党员会议"},
	"volunteer": {"志愿者培训", "志愿服务项目对接会", "助老志愿服务排班会", "垃圾分类宣传活动筹备会",
		"“学雷锋”志愿服务总结会"},
	"training": {"社区工作者业务培训", "电商直播技能培训", "防范电信网络诈骗讲座", "消防安全知识培训",
		"急救技能（AED）培训", "育婴员技能培训", "流感防治健康讲座"},
	"residents": {"老年智能手机课堂", "合唱团排练", "广场舞队排练", "亲子手工课", "中医养生讲座", "象棋友谊赛",
		"家庭教育讲座"},
	"other": {"业主委员会会议", "物业服务协调会", "商户安全生产会议", "小区停车管理议事会"},
}

// paintingTitles are the calligraphy room's own activities.
var paintingTitles = []string{"书法兴趣班", "国画兴趣班", "剪纸非遗课堂", "青少年硬笔书法课"}

// bookingRejectReasons are why the desk turned a booking down.
var bookingRejectReasons = []string{
	"该时段场地已安排街道工作会议", "活动内容与场地用途不符", "参加人数超过场地容量，建议改约多功能厅",
	"未提供活动方案，请补充后重新预约",
}

// bookingCancelReasons are why an approved booking was called off.
var bookingCancelReasons = []string{"主办方活动改期", "主讲人临时有事，活动延期", "因天气原因取消", "参加人员另有工作安排"}
