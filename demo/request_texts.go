package demo

// requestItem is a request residents bring, with what the center did about
// it.
type requestItem struct {
	desc, resolution string
	urgent           bool // usually 急难愁盼
	quick            bool // often answered there and then at the desk
}

// categoryWeights weighs the request categories, in store.Categories order.
var categoryWeights = []int{15, 15, 8, 12, 18, 14, 8, 6, 4}

// requestItems are believable requests by category code.
var requestItems = map[string][]requestItem{
	"policy": {
		{"咨询新生儿落户需要准备哪些材料", "已一次性告知所需材料（出生医学证明、父母户口簿、结婚证），并告知派出所户籍窗口地址", false, true},
		{"咨询高龄津贴的申领条件和办理流程", "已告知年满80周岁可申领，协助填写申请表，材料已报街道民政办", false, true},
		{"咨询老旧小区加装电梯的补贴政策", "已解读加装电梯补贴政策，提供申请表和业主意见征询样表", false, true},
		{"咨询退役军人优待证怎么办理", "已指导在“山西退役军人”平台提交申请，并告知领取时间", false, true},
		{"咨询公租房申请条件，家里三口人住不下", "已告知申请条件和所需材料，协助填写申请表，转交街道住房保障专干初审", false, false},
		{"咨询居住证办理需要什么材料", "已告知需身份证、居住证明和照片，社区当场开具居住证明", false, true},
		{"咨询临时救助申请，家中突遭变故生活困难", "已入户核实情况，协助提交临时救助申请，街道已审批救助金", true, false},
	},
	"social_security": {
		{"咨询医保异地就医备案怎么办", "已指导通过国家医保服务平台App完成异地就医备案", false, true},
		{"城乡居民医保缴费后查不到缴费记录", "已联系区医保中心核实，缴费记录已同步，并告知查询方式", false, false},
		{"老人养老金资格认证不会在手机上操作", "工作人员协助老人完成刷脸认证", false, true},
		{"咨询门诊慢特病申报需要的材料", "已告知申报材料和定点医院，协助预约鉴定时间", false, true},
		{"灵活就业人员想补缴养老保险", "已告知补缴政策和办理渠道，协助在网上经办平台提交", false, false},
		{"住院报销迟迟未到账", "已联系区医保中心查询，报销款已于近日拨付到账", false, false},
	},
	"employment": {
		{"高校毕业生想了解社区公益性岗位招聘", "已推荐街道公益性岗位招聘信息，协助报名", false, false},
		{"失业人员咨询失业保险金怎么申领", "已指导通过“民生山西”App申领失业保险金", false, true},
		{"想参加免费的育婴员技能培训", "已登记报名区人社局育婴员培训班，开班后电话通知", false, false},
		{"咨询创业担保贷款的申请条件", "已讲解贷款额度、贴息政策和所需材料，推荐到区创业服务中心办理", false, true},
		{"家政服务类工作求职，希望帮忙推荐", "已推荐辖区两家家政公司岗位，已成功面试", false, false},
	},
	"elderly_disability": {
		{"独居老人行动不便，申请助餐服务", "已纳入社区老年助餐服务名单，每天由志愿者送餐上门", true, false},
		{"申请残疾人两项补贴", "已协助提交申请材料，区残联审核通过", false, false},
		{"咨询居家适老化改造补贴", "已登记需求，街道已安排第三方上门评估并完成扶手安装", false, false},
		{"轮椅损坏，申请辅具适配", "已联系区残联辅具中心，新轮椅已送达", false, false},
		{"家中老人卧床，希望上门办理养老认证", "工作人员已上门协助完成认证", false, false},
		{"独居老人家中电话多日无人接听，家属不放心", "网格员和民警上门查看，老人身体不适已送医，已通知家属", true, false},
	},
	"housing": {
		{"楼道灯坏了，晚上上下楼很不方便", "已联系物业更换楼道灯，现已正常照明", false, false},
		{"单元门禁损坏，外来人员随意进出", "物业已更换门禁控制器，门禁恢复使用", false, false},
		{"顶层楼顶漏水，下雨屋里滴水", "已协调物业做楼顶防水修补，经雨天检验不再渗漏", true, false},
		{"暖气不热，室温只有十五度", "已联系供热公司上门排气、清洗过滤网，室温已达标", true, false},
		{"小区电梯经常故障停运", "已督促物业联系维保单位检修，更换控制板，电梯运行正常", false, false},
		{"地下管道堵塞，污水从井口外溢", "已联系排水公司疏通管道，清理现场", true, false},
		{"对物业费收费标准有疑问", "已约物业公司当面解释收费标准和公示依据，居民表示理解", false, false},
	},
	"environment": {
		{"小区垃圾清运不及时，垃圾桶满溢", "已协调环卫部门增加清运频次，每日早晚各清运一次", false, false},
		{"楼下餐馆油烟扰民", "已联系街道综合执法队检查，餐馆已加装油烟净化设备", false, false},
		{"绿化带内堆放大量建筑垃圾", "已通知物业和环卫清运建筑垃圾，并设置警示牌", false, false},
		{"小区流浪狗较多，存在安全隐患", "已联系动物收容机构捕捉安置，并开展文明养犬宣传", false, false},
		{"人行道井盖缺失，存在安全隐患", "已设置围挡，产权单位当天补装井盖", true, false},
		{"楼道堆放杂物，堵塞消防通道", "网格员逐户劝导，联合物业清理楼道杂物", false, false},
	},
	"mediation": {
		{"楼上住户装修噪音大，协商无果", "人民调解员组织双方调解，约定施工时间，双方签字确认", false, false},
		{"邻里因停车位发生纠纷", "已组织双方协商，物业重新划定车位，纠纷化解", false, false},
		{"楼上漏水导致天花板受损，协商赔偿不成", "经调解双方达成赔偿协议，楼上已维修管道", false, false},
		{"子女不履行赡养义务，老人求助", "已约谈子女进行调解，签订赡养协议，社区定期回访", true, false},
		{"与物业因停车收费产生争议", "已组织业主代表和物业座谈，物业调整收费公示方式", false, false},
	},
	"party_service": {
		{"办理组织关系转入本社区党支部", "已在全国党员管理信息系统完成组织关系接收", false, true},
		{"流动党员咨询如何参加组织生活", "已编入社区流动党员党小组，告知活动安排", false, true},
		{"补交党费并开具收据", "已收缴党费并开具收据", false, true},
		{"在职党员报到后想认领志愿服务岗位", "已为其认领文明劝导岗并加入志愿服务群", false, true},
		{"老党员行动不便，希望送学上门", "支部书记已带领党员上门送学，赠送学习资料", false, false},
	},
	"other": {
		{"建议在小区增设健身器材", "已向街道申请，健身器材已列入年度民生项目", false, false},
		{"希望开设老年智能手机培训班", "已开设每周四下午老年智能手机课堂，已通知报名", false, false},
		{"反映公交站台座椅损坏", "已转告公交公司，座椅已修复", false, false},
		{"捡到钱包一个，请帮忙寻找失主", "已通过钱包内证件联系到失主，当面归还", false, true},
	},
}

// transferTargets are where each category's requests go when the center
// cannot handle them itself (转办).
var transferTargets = map[string][]string{
	"policy":             {"街道政务服务中心", "平城区公安分局户政科"},
	"social_security":    {"平城区医疗保障局", "平城区人社局"},
	"employment":         {"平城区人社局就业服务中心"},
	"elderly_disability": {"街道民政办", "平城区残联"},
	"housing":            {"平城区住建局", "小区物业服务中心", "大同市热力公司"},
	"environment":        {"街道综合执法队", "平城区环卫中心"},
	"mediation":          {"街道司法所", "新建南路人民调解委员会"},
	"party_service":      {"街道党工委组织办"},
	"other":              {"社区居委会"},
}

// startNotes are what the desk writes when work begins.
var startNotes = []string{
	"已联系相关负责人，正在处理", "网格员已到现场核实情况", "已与诉求人电话沟通，约定上门时间",
	"已派维修人员上门查看", "已报街道分管领导，协调办理中", "",
}

// rejectReasons are why the center did not take a request on.
var rejectReasons = []string{
	"属于司法诉讼事项，已引导诉求人通过法律途径解决",
	"诉求人已通过12345热线反映，按热线工单办理，避免重复",
	"不属于本中心受理范围，已告知向产权单位反映",
	"涉及个人商业纠纷，不属于受理范围，已告知维权渠道",
}

// satisfactionComments are what residents say on the callback, by verdict.
var satisfactionComments = map[string][]string{
	"satisfied":   {"", "", "办事效率高，谢谢！", "工作人员很耐心", "问题解决得很及时", "给社区点赞"},
	"basic":       {"", "希望以后能再快一点", "问题基本解决了"},
	"unsatisfied": {"处理时间太长", "问题只解决了一部分", "没有人主动联系我"},
}
