package demo

import (
	"context"
	"time"

	"frontdesk/store"
)

// visitPurposes weighs the everyday purposes of a visit; study tours are
// planned on their own.
var visitPurposes = []struct {
	code   string
	weight int
	lo, hi int // how long the visitor stays, in minutes
}{
	{"business", 30, 8, 45},
	{"consult", 24, 5, 30},
	{"activity", 14, 45, 150},
	{"party_report", 12, 60, 240},
	{"volunteer", 9, 60, 240},
	{"other", 5, 10, 60},
}

// visitNotes are what the desk jots down for some visits, by purpose.
var visitNotes = map[string][]string{
	"business": {"开具居住证明", "办理老年优待证", "领取高龄津贴申请表", "办理独生子女父母奖励", "开具无房证明",
		"办理居住证登记", "残疾证年审材料递交", "医保参保登记", "社区盖章"},
	"consult": {"咨询医保异地备案", "咨询养老保险补缴", "咨询公租房申请", "咨询新生儿落户", "咨询加装电梯",
		"咨询灵活就业参保", "咨询临时救助"},
	"activity": {"参加老年智能手机课堂", "参加书法兴趣班", "合唱团排练", "参加防诈骗讲座", "参加中医养生讲座",
		"参加亲子手工课"},
	"party_report": {"在职党员“双报到”，认领文明劝导岗", "在职党员报到，参加政策宣讲", "报到后参加楼道清扫",
		"报到后协助整理居民档案", "报到后入户走访独居老人", "报到后参与垃圾分类督导"},
	"volunteer": {"助老志愿服务：陪老人就医", "垃圾分类宣传", "党群服务中心导办志愿者", "文明交通劝导",
		"社区卫生大扫除", "为老人理发", "反诈宣传进小区"},
	"other": {"送锦旗", "捡到钥匙一串，交前台保管", "取快递问路", "找社区书记反映情况"},
}

// tours are groups that come to learn from the center (参观学习).
var tours = []struct {
	org, note string
	party     bool
}{
	{"大同市第一中学团委", "团员青年参观学习党群服务阵地建设", false},
	{"平城区税务局机关党支部", "主题党日参观学习基层党建", true},
	{"山西大同大学马克思主义学院", "思政课现场教学", false},
	{"中国银行大同分行党委", "党建共建交流", true},
	{"大同市第三人民医院党总支", "参观学习基层治理经验", true},
	{"云冈区新旺街道", "兄弟街道考察交流", true},
	{"平城区实验小学少先队", "红领巾走进党群服务中心", false},
	{"国网大同供电公司党委", "党建联建交流", true},
	{"平城区市场监督管理局", "学习“街乡吹哨、部门报到”经验", true},
}

// arrivalWeights weighs the half hours from 08:30 to 17:30: busy mornings,
// a quiet lunch, a second wave in the afternoon.
var arrivalWeights = []int{3, 8, 10, 10, 8, 6, 3, 1, 1, 2, 3, 5, 8, 8, 7, 6, 4, 2, 1}

// visitsOn returns how many people come on day d.
func (p *planner) visitsOn(d store.Day) int {
	switch d.Weekday() {
	case time.Monday:
		return between(p.r, 55, 80)
	case time.Friday:
		return between(p.r, 40, 65)
	case time.Saturday:
		return between(p.r, 8, 16)
	case time.Sunday:
		return between(p.r, 4, 10)
	}
	return between(p.r, 45, 75)
}

// visitPlan is one visit: who, when they came and when they left.
type visitPlan struct {
	in      store.VisitInput
	arrive  time.Time
	leave   time.Time // zero: nobody saw them leave
	selfOut bool      // checked out from their own receipt page
}

// planVisits plans the month's visits, day by day.
func (p *planner) planVisits() {
	var plans []*visitPlan
	for _, d := range days(p.from, p.today) {
		seen := map[person]bool{} // one visit a day each: a regular comes once
		for range p.visitsOn(d) {
			plans = append(plans, p.planVisit(d, seen))
		}
		if !weekend(d) && chance(p.r, 35) {
			plans = append(plans, p.planTour(d))
		}
	}
	// Someone always forgets to check out: the desk's end-of-day closing
	// shows on at least one past day.
	forgot := false
	for _, v := range plans {
		if v.leave.IsZero() {
			forgot = true
		}
	}
	if !forgot {
		for _, v := range plans {
			if p.db.DayOf(v.arrive) == p.from.AddDays(1) && v.in.Purpose != "study_tour" {
				v.leave = time.Time{}
				break
			}
		}
	}
	for _, v := range plans {
		p.addVisit(v)
	}
}

// planVisit plans one everyday visit on day d by someone not yet seen that
// day.
func (p *planner) planVisit(d store.Day, seen map[person]bool) *visitPlan {
	weights := make([]int, len(visitPurposes))
	for i, vp := range visitPurposes {
		weights[i] = vp.weight
	}
	vp := visitPurposes[weighted(p.r, weights)]
	who := p.visitor(vp.code)
	for tries := 0; seen[who] && tries < 5; tries++ {
		who = p.visitor(vp.code)
	}
	seen[who] = true
	in := store.VisitInput{Name: who.name, Phone: who.phone, Org: who.org, Purpose: vp.code,
		PartyMember: who.party, Headcount: 1}
	if vp.code == "party_report" {
		in.PartyMember = true
	}
	if (vp.code == "business" || vp.code == "consult") && chance(p.r, 10) {
		in.Headcount = 2 // a couple, or a son with his mother
	}
	if vp.code == "activity" && chance(p.r, 15) {
		in.Headcount = between(p.r, 2, 4)
	}
	notePct := 35
	if vp.code == "party_report" || vp.code == "volunteer" {
		notePct = 80
	}
	if chance(p.r, notePct) {
		in.Note = pick(p.r, visitNotes[vp.code])
	}
	kioskPct := 15
	if vp.code == "party_report" || vp.code == "volunteer" {
		kioskPct = 35 // they scan the code to sign in for service
	}
	stay := time.Duration(between(p.r, vp.lo, vp.hi)) * time.Minute
	at := p.moment(d, deskOpens+30*weighted(p.r, arrivalWeights)+p.r.IntN(30))
	// Nobody stays past closing: a long stay starts earlier in the day.
	if closing := p.clockAt(d, deskCloses); at.Add(stay).After(closing) {
		at = closing.Add(-stay - time.Duration(p.r.IntN(20*60))*time.Second)
		if open := p.clockAt(d, deskOpens); at.Before(open) {
			at = open.Add(time.Duration(p.r.IntN(10*60)) * time.Second)
		}
	}
	v := &visitPlan{in: in, arrive: at, leave: at.Add(stay)}
	if chance(p.r, kioskPct) {
		v.in.Source, v.in.Actor = "kiosk", "kiosk"
		v.selfOut = chance(p.r, 60)
	} else {
		v.in.Source, v.in.Actor = "desk", p.staffAt(at)
	}
	if d.Before(p.today) && chance(p.r, 2) {
		v.leave = time.Time{} // left without a word; closed at day's end
	}
	return v
}

// visitor picks who comes for purpose: mostly regulars for service and
// activities, mostly new faces for errands.
func (p *planner) visitor(purpose string) person {
	switch purpose {
	case "party_report":
		if chance(p.r, 90) {
			return regular(p.r, p.members)
		}
		m := randomResident(p.r)
		m.party, m.org = true, pick(p.r, units)
		return m
	case "volunteer":
		if chance(p.r, 85) {
			return regular(p.r, p.volunteers)
		}
	case "activity":
		if chance(p.r, 55) {
			return regular(p.r, p.residents)
		}
	default:
		if chance(p.r, 30) {
			return regular(p.r, p.residents)
		}
	}
	who := randomResident(p.r)
	if chance(p.r, 12) {
		who.phone = "" // an older visitor who would rather not say
	}
	return who
}

// planTour plans a group study tour on day d: one visit with its headcount.
func (p *planner) planTour(d store.Day) *visitPlan {
	t := pick(p.r, tours)
	start := between(p.r, 9*60, 10*60+30)
	if chance(p.r, 40) {
		start = between(p.r, 14*60+30, 15*60+30)
	}
	at := p.moment(d, start)
	in := store.VisitInput{Name: randomName(p.r), Phone: randomMobile(p.r), Org: t.org, Purpose: "study_tour",
		PartyMember: t.party, Headcount: between(p.r, 15, 40), Note: t.note, Source: "desk", Actor: p.staffAt(at)}
	return &visitPlan{in: in, arrive: at, leave: at.Add(time.Duration(between(p.r, 60, 120)) * time.Minute)}
}

// addVisit plans the steps of a visit: check-in, then check-out at the desk
// or from the visitor's phone.
func (p *planner) addVisit(v *visitPlan) {
	var id int64
	var code string
	p.add(v.arrive, "check-in", func(ctx context.Context) error {
		got, err := p.db.CheckIn(ctx, v.in)
		id, code = got.ID, got.StatusCode
		if err == nil {
			p.sum.Visits++
		}
		return err
	})
	if v.leave.IsZero() {
		return
	}
	actor := p.staffAt(v.leave)
	p.add(v.leave, "check-out", func(ctx context.Context) error {
		var err error
		if v.selfOut {
			_, err = p.db.CheckOutByCode(ctx, code)
		} else {
			_, err = p.db.CheckOut(ctx, id, actor)
		}
		return err
	})
}
