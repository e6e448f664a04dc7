package store

// Label is a stored code with its Chinese and English names. Codes are what
// the database, the JSON report and forms carry; names are what people read.
type Label struct {
	Code string
	ZH   string
	EN   string
}

// Text returns the name in lang ("en" for English, Chinese otherwise).
func (l Label) Text(lang string) string {
	if lang == "en" {
		return l.EN
	}
	return l.ZH
}

// Visit purposes (来访事由).
var Purposes = []Label{
	{"business", "办事", "Business"},
	{"consult", "咨询", "Enquiry"},
	{"activity", "参加活动", "Activity"},
	{"party_report", "党员报到", "Party member report"},
	{"volunteer", "志愿服务", "Volunteer service"},
	{"study_tour", "参观学习", "Study tour"},
	{"other", "其他", "Other"},
}

// Request categories (诉求类别).
var Categories = []Label{
	{"policy", "政策咨询", "Policy enquiry"},
	{"social_security", "社保医保", "Social & medical insurance"},
	{"employment", "就业创业", "Jobs & start-ups"},
	{"elderly_disability", "养老助残", "Elderly & disability"},
	{"housing", "住房物业", "Housing & property"},
	{"environment", "环境卫生", "Environment & sanitation"},
	{"mediation", "矛盾调解", "Dispute mediation"},
	{"party_service", "党员服务", "Party member services"},
	{"other", "其他", "Other"},
}

// Urgencies of a request; urgent is 急难愁盼.
var Urgencies = []Label{
	{"normal", "普通", "Normal"},
	{"urgent", "紧急", "Urgent"},
}

// Booking purposes (活动类型).
var BookingPurposes = []Label{
	{"party_day", "主题党日", "Party day"},
	{"three_one", "三会一课", "Party meetings & lecture"},
	{"volunteer", "志愿服务", "Volunteer service"},
	{"training", "培训", "Training"},
	{"residents", "居民活动", "Residents' activity"},
	{"other", "其他", "Other"},
}

// Satisfactions a visitor can give a resolved request.
var Satisfactions = []Label{
	{"satisfied", "满意", "Satisfied"},
	{"basic", "基本满意", "Fairly satisfied"},
	{"unsatisfied", "不满意", "Unsatisfied"},
}

// Sources of a record.
var Sources = []Label{
	{"desk", "前台", "Desk"},
	{"kiosk", "扫码", "Kiosk"},
}

// LabelOf finds the label for a code in list; an unknown code is its own name.
func LabelOf(list []Label, code string) Label {
	for _, l := range list {
		if l.Code == code {
			return l
		}
	}
	return Label{Code: code, ZH: code, EN: code}
}

// parseLabel accepts a code or either name and returns the code.
func parseLabel(list []Label, s string) (string, bool) {
	for _, l := range list {
		if s == l.Code || s == l.ZH || s == l.EN {
			return l.Code, true
		}
	}
	return "", false
}
