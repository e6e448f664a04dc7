// Package benchdb builds, once, the big database the benchmarks share: two
// years of a busy district center with a million visits, and opens it for
// the store's and the desk's benchmarks alike, so their figures are on the
// same data. It is test support: nothing in the binary imports it.
package benchdb

import (
	"context"
	"database/sql"
	"encoding/base32"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// shanghai is the big center's zone.
var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// size is how much a bench database holds.
type size struct {
	name                                 string // "" for the big one; else in the file's name
	visits, visitors, requests, bookings int
	pastDays                             int // the span of visits and requests, ending at Now
}

// The big database: two years of a busy district center. The small one has
// the same days at the same rates, a week and a day of them: a figure that
// grows from one to the other grows with the file, not with the day.
var (
	big   = size{visits: 1_000_000, visitors: 100_000, requests: 200_000, bookings: 50_000, pastDays: bigPastDays}
	small = size{name: "small", visits: 10_000, visitors: 1_000, requests: 2_000, bookings: 2_500, pastDays: 8}
)

const (
	Venues      = 10
	bigPastDays = 730 // the span of the big database's visits and requests
	AheadDays   = 30  // bookings go this far beyond Now
)

// Now is "now" in the big database: its last day is today.
var Now = time.Date(2026, 3, 10, 18, 30, 0, 0, shanghai)

// spec marks a finished bench database; a file without it is rebuilt.
func (s size) spec() string {
	return fmt.Sprintf("visits=%d visitors=%d requests=%d bookings=%d venues=%d days=%d+%d now=%s gen=4",
		s.visits, s.visitors, s.requests, s.bookings, Venues, s.pastDays, AheadDays, Now.Format(time.RFC3339))
}

// built is one bench database, built at most once per run.
type built struct {
	once sync.Once
	path string
	err  error
}

var files = map[string]*built{big.name: {}, small.name: {}}

// Path returns the big database's file, building it first if no run has
// cached it.
func Path(tb testing.TB) string { return pathOf(tb, big) }

// SmallPath returns the small database's file (10,000 visits over eight
// days), building it first if no run has cached it.
func SmallPath(tb testing.TB) string { return pathOf(tb, small) }

func pathOf(tb testing.TB, s size) string {
	tb.Helper()
	f := files[s.name]
	f.once.Do(func() {
		name := "frontdesk-bench"
		if s.name != "" {
			name += "-" + s.name
		}
		f.path = filepath.Join(os.TempDir(), fmt.Sprintf("%s-v%d.db", name, store.SchemaVersion()))
		if cached(f.path, s) {
			return
		}
		start := time.Now()
		f.err = build(f.path, s)
		tb.Logf("built %s in %v", f.path, time.Since(start).Round(time.Second))
	})
	if f.err != nil {
		tb.Fatalf("bench database: %v", f.err)
	}
	return f.path
}

// Open opens the big database (see Path) with the store's clock set to Now.
func Open(tb testing.TB) *store.DB { return open(tb, Path(tb)) }

// OpenSmall opens the small database (see SmallPath) with the store's clock
// set to Now.
func OpenSmall(tb testing.TB) *store.DB { return open(tb, SmallPath(tb)) }

func open(tb testing.TB, path string) *store.DB {
	tb.Helper()
	db, err := store.OpenWith(path, store.OpenOptions{NoQuickCheck: true})
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = func() time.Time { return Now }
	tb.Cleanup(func() { db.Close() })
	return db
}

func cached(path string, s size) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return false
	}
	defer raw.Close()
	var spec string
	raw.QueryRow("SELECT value FROM settings WHERE key = 'bench_spec'").Scan(&spec)
	return spec == s.spec() && pageSize(raw) == store.PageSize
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
		"林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁",
		"蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆",
		"范", "汪", "廖", "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "尹", "薛",
		"段", "雷", "龙", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵", "万", "钱", "戴", "严", "欧阳", "司马", "上官"}
	givenChars = []string{"伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
		"明", "超", "兰", "霞", "平", "刚", "桂", "华", "建", "国", "志", "淑", "珍", "玉", "红", "梅", "海", "波", "辉", "鹏",
		"斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "林", "欣", "晨", "雪", "琳", "晶", "婷", "颖", "倩", "文", "德"}
	communities = []string{"幸福里社区", "光明社区", "和平街社区", "新华社区", "东风社区", "团结社区", "朝阳社区", "育才社区",
		"金桥社区", "滨河社区", "春晖社区", "安居社区"}
	staffNames = []string{"王芳", "李明", "赵强", "陈静", "刘洋"}
	venueNames = []string{"多功能厅", "党员活动室", "会议室一", "会议室二", "培训教室", "阅览室", "书画室", "舞蹈室", "谈心室", "报告厅"}
)

// weighted picks a label code by weight.
func weighted(r *rand.Rand, codes []string, weights []int) string {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return codes[i]
		}
		n -= w
	}
	return codes[len(codes)-1]
}

type bigVisitor struct {
	name, phone, org string
	member           bool
	count            int
	last             int64
}

// build writes a bench database to path: the schema by store.Open, the
// rows by raw SQL in one transaction (the public API would take hours for a
// million rows), then renames it into place so an interrupted build leaves
// nothing that looks finished.
func build(path string, s size) error {
	tmp := path + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm", path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
	db, err := store.Open(tmp)
	if err != nil {
		return err
	}
	db.Now = func() time.Time { return Now.AddDate(0, 0, -s.pastDays-30) }
	var venues []store.VenueInput
	for _, n := range venueNames[:Venues] {
		venues = append(venues, store.VenueInput{Name: n, Capacity: 30 + len(n)*5})
	}
	if err := db.Init(context.Background(), store.InitInput{Center: "红星街道党群服务中心", Venues: venues, Staff: staffNames[0]}); err != nil {
		db.Close()
		return err
	}
	db.Close()

	raw, err := sql.Open("sqlite3", "file:"+tmp+"?_journal_mode=WAL&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	if _, err := raw.Exec("PRAGMA cache_size = -400000"); err != nil {
		return err
	}
	tx, err := raw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	g := &bigGen{s: s, r: rand.New(rand.NewPCG(2026, 310)), tx: tx, seq: map[string]int{}}
	for _, step := range []func() error{g.visits, g.requests, g.bookings, g.counters} {
		if err := step(); err != nil {
			return err
		}
	}
	if _, err := tx.Exec("INSERT INTO settings (key, value) VALUES ('bench_spec', ?)", s.spec()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// A desk that has run a while has statistics: store.Close runs PRAGMA
	// optimize.
	for _, q := range []string{"ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode = DELETE"} {
		if _, err := raw.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	raw.Close()
	return os.Rename(tmp, path)
}

type bigGen struct {
	s   size
	r   *rand.Rand
	tx  *sql.Tx
	seq map[string]int // "V 2026-03-10" → last number
}

var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func (g *bigGen) code() string {
	var b [15]byte
	for i := range b {
		b[i] = byte(g.r.UintN(256))
	}
	return b32.EncodeToString(b[:])
}

// receipt numbers a record made at instant t.
func (g *bigGen) receipt(prefix string, t time.Time) string {
	l := t.In(shanghai)
	day := l.Format(time.DateOnly)
	g.seq[prefix+" "+day]++
	return fmt.Sprintf("%s-%s-%04d", prefix, l.Format("20060102"), g.seq[prefix+" "+day])
}

func (g *bigGen) name() string {
	// 王, 李, 张, 刘 and 陈 are each about one Chinese in fifteen; the rest
	// thin out down the list.
	n := surnames[min(g.r.IntN(len(surnames)), g.r.IntN(len(surnames)))]
	if g.r.IntN(3) == 0 {
		n = surnames[g.r.IntN(5)]
	}
	for range 1 + g.r.IntN(2) {
		n += givenChars[g.r.IntN(len(givenChars))]
	}
	return n
}

func (g *bigGen) phone(seen map[string]bool) string {
	prefixes := []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "176", "177", "180", "186", "188", "189", "199"}
	for {
		p := prefixes[g.r.IntN(len(prefixes))] + fmt.Sprintf("%08d", g.r.IntN(100_000_000))
		if !seen[p] {
			seen[p] = true
			return p
		}
	}
}

// day returns the local day i days before Now's.
// Day returns the big database's day i days before its last (negative: after).
func Day(i int) store.Day {
	return store.Day{Year: Now.Year(), Month: Now.Month(), Day: Now.Day()}.AddDays(-i)
}

// perDay spreads total over the days, fewer at weekends.
func (g *bigGen) perDay(total, days int) []int {
	weights := make([]float64, days)
	sum := 0.0
	for i := range weights {
		w := 1.0
		switch Day(days - 1 - i).Weekday() {
		case time.Saturday:
			w = 0.5
		case time.Sunday:
			w = 0.3
		}
		weights[i] = w * (0.8 + 0.4*g.r.Float64())
		sum += weights[i]
	}
	out := make([]int, days)
	left := total
	for i, w := range weights {
		out[i] = int(float64(total) * w / sum)
		left -= out[i]
	}
	for i := 0; left > 0; i = (i + 1) % days {
		out[i]++
		left--
	}
	return out
}

func (g *bigGen) visits() error {
	phones := map[string]bool{}
	var people []bigVisitor
	type row struct {
		visitor    int
		in, out    int64
		purpose    string
		headcount  int
		auto       bool
		by, source string
	}
	var rows []row
	counts := g.perDay(g.s.visits, g.s.pastDays)
	purposes := []string{"business", "consult", "activity", "party_report", "volunteer", "study_tour", "other"}
	for i, n := range counts {
		d := Day(g.s.pastDays - 1 - i)
		var times []int64
		for range n {
			m := 8*60 + 30 + g.r.IntN(9*60+30) // 08:30–18:00
			times = append(times, d.At(store.Clock{Hour: m / 60, Minute: m % 60}, shanghai).Unix()+int64(g.r.IntN(60)))
		}
		slices.Sort(times)
		for _, in := range times {
			// A tenth of visits bring someone new; regulars (the first
			// 3,000, many of them party members) come most often.
			var who int
			switch {
			case len(people) < g.s.visitors && (len(people) == 0 || g.r.IntN(g.s.visits-len(rows)) < g.s.visitors-len(people)):
				people = append(people, bigVisitor{name: g.name(), phone: g.phone(phones),
					org: communities[g.r.IntN(len(communities))], member: g.r.IntN(5) == 0})
				who = len(people) - 1
			case g.r.IntN(3) == 0:
				who = g.r.IntN(min(3000, len(people)))
			default:
				who = g.r.IntN(len(people))
			}
			p := &people[who]
			purpose := weighted(g.r, purposes, []int{40, 25, 12, 8, 6, 2, 7})
			if p.member && g.r.IntN(3) == 0 {
				purpose = "party_report"
			}
			stay := 10 + g.r.IntN(80)
			if purpose == "party_report" || purpose == "volunteer" {
				stay = 60 + g.r.IntN(180)
			}
			out := in + int64(stay*60)
			auto := g.r.IntN(50) == 0
			if auto {
				out = d.At(store.Clock{Hour: 21}, shanghai).Unix()
			}
			headcount := 1
			if purpose == "study_tour" {
				headcount = 10 + g.r.IntN(31)
			}
			source := "desk"
			if g.r.IntN(10) < 3 {
				source = "kiosk"
			}
			by := staffNames[g.r.IntN(len(staffNames))]
			if source == "kiosk" {
				by = "kiosk"
			}
			p.count++
			p.last = in
			rows = append(rows, row{who, in, out, purpose, headcount, auto, by, source})
		}
	}
	vst, err := g.tx.Prepare(`INSERT INTO visitors (id, name, phone, phone_last4, org, party_member, visit_count, last_seen_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer vst.Close()
	for i, p := range people {
		if _, err := vst.Exec(i+1, p.name, p.phone, p.phone[len(p.phone)-4:], p.org, p.member, p.count, p.last); err != nil {
			return fmt.Errorf("visitor: %w", err)
		}
	}
	st, err := g.tx.Prepare(`INSERT INTO visits (receipt_no, status_code, visitor_id, name, phone, org, purpose, party_member,
		headcount, note, checked_in_at, checked_out_at, auto_closed, created_by, source, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	today := Now.Unix() - 10*3600 - 30*60 // 08:00 today
	for _, v := range rows {
		p := people[v.visitor]
		out := sql.NullInt64{Int64: v.out, Valid: v.in < today || g.r.IntN(2) == 0} // some of today's are still in
		if _, err := st.Exec(g.receipt("V", time.Unix(v.in, 0)), g.code(), v.visitor+1, p.name, p.phone, p.org, v.purpose,
			p.member, v.headcount, v.in, out, v.auto && out.Valid, v.by, v.source, v.in); err != nil {
			return fmt.Errorf("visit: %w", err)
		}
	}
	return nil
}

func (g *bigGen) requests() error {
	st, err := g.tx.Prepare(`INSERT INTO requests (id, receipt_no, status_code, name, phone, community, category, urgency,
		description, handler, owner, promised_by, respond_by, status, resolution, transferred_to, reject_reason,
		satisfaction, satisfaction_comment, accepted_at, resolved_at, closed_at, created_by, source, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := g.tx.Prepare(`INSERT INTO request_events (request_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ev.Close()
	categories := []string{"policy", "social_security", "employment", "elderly_disability", "housing", "environment", "mediation", "party_service", "other"}
	descriptions := map[string]string{
		"policy": "咨询公租房申请条件和所需材料。", "social_security": "灵活就业人员医保断缴后如何补缴。",
		"employment": "失业后想申请创业担保贷款。", "elderly_disability": "家中老人行动不便，申请居家养老上门服务。",
		"housing": "楼道灯坏了一个月，物业一直没修。", "environment": "小区垃圾清运不及时，夏天异味大。",
		"mediation": "楼上漏水到我家，和邻居协商不成。", "party_service": "流动党员组织关系转接。", "other": "建议在社区增设便民理发点。",
	}
	phones := map[string]bool{}
	counts := g.perDay(g.s.requests, g.s.pastDays)
	id := 0
	for i, n := range counts {
		age := g.s.pastDays - 1 - i
		d := Day(age)
		var times []int64
		for range n {
			m := 8*60 + 30 + g.r.IntN(9*60)
			times = append(times, d.At(store.Clock{Hour: m / 60, Minute: m % 60}, shanghai).Unix())
		}
		slices.Sort(times)
		for _, created := range times {
			id++
			cat := weighted(g.r, categories, []int{15, 18, 8, 12, 20, 10, 7, 5, 5})
			urgency, promise, respond := "normal", 5, int64(24*3600)
			if g.r.IntN(10) == 0 {
				urgency, promise, respond = "urgent", 1, 2*3600
			}
			by, source := staffNames[g.r.IntN(len(staffNames))], "desk"
			if g.r.IntN(10) < 4 {
				by, source = "kiosk", "kiosk"
			}
			// Old requests have run their course; this week's are still moving.
			var path []string
			switch k := g.r.IntN(100); {
			case age > 14 && k < 75:
				path = []string{store.StatusAccepted, store.StatusInProgress, store.StatusResolved, store.StatusClosed}
			case age > 14 && k < 88:
				path = []string{store.StatusAccepted, store.StatusResolved}
			case age > 14 && k < 95:
				path = []string{store.StatusTransferred, store.StatusAccepted, store.StatusResolved, store.StatusClosed}
			case age > 14:
				path = []string{store.StatusRejected}
			default:
				path = [][]string{{}, {store.StatusAccepted}, {store.StatusAccepted, store.StatusInProgress},
					{store.StatusTransferred}, {store.StatusAccepted, store.StatusResolved}}[g.r.IntN(5)]
			}
			staff := staffNames[g.r.IntN(len(staffNames))]
			var owner, handler, resolution, transferred, reason, sat string
			var accepted, resolved, closed sql.NullInt64
			type event struct {
				from, to, note string
				at             int64
			}
			at := created
			events := []event{{"", store.StatusNew, "", created}}
			from := store.StatusNew
			for _, to := range path {
				at += int64(600 + g.r.IntN(86400))
				note := ""
				switch to {
				case store.StatusAccepted:
					if !accepted.Valid {
						accepted = sql.NullInt64{Int64: at, Valid: true}
					}
					if owner == "" {
						owner = staff
					}
				case store.StatusTransferred:
					transferred = "街道城管科"
					owner, handler = transferred, transferred
				case store.StatusResolved:
					resolution = "已协调相关部门处理完毕"
					note = resolution
					resolved = sql.NullInt64{Int64: at, Valid: true}
				case store.StatusClosed:
					sat = weighted(g.r, []string{"satisfied", "basic", "unsatisfied"}, []int{80, 15, 5})
					note = store.LabelOf(store.Satisfactions, sat).ZH
					closed = sql.NullInt64{Int64: at, Valid: true}
				case store.StatusRejected:
					reason = "不属于本中心受理范围，已告知办理渠道"
					note = reason
				}
				events = append(events, event{from, to, note, at})
				from = to
			}
			status := from
			name, phone := g.name(), g.phone(phones)
			if _, err := st.Exec(id, g.receipt("R", time.Unix(created, 0)), g.code(), name, phone,
				communities[g.r.IntN(len(communities))]+fmt.Sprintf("第%d网格", 1+g.r.IntN(8)), cat, urgency,
				descriptions[cat], handler, owner, d.AddDays(promise).String(), created+respond, status, resolution,
				transferred, reason, sat, "", accepted, resolved, closed, by, source, created, at); err != nil {
				return fmt.Errorf("request: %w", err)
			}
			for k, e := range events {
				actor := staff
				if k == 0 {
					actor = by
				}
				if _, err := ev.Exec(id, e.at, actor, e.from, e.to, e.note); err != nil {
					return fmt.Errorf("request event: %w", err)
				}
			}
		}
	}
	return nil
}

func (g *bigGen) bookings() error {
	type row struct {
		venue              int
		start, end, create int64
		status             string
		arrived            bool
	}
	var rows []row
	days := g.s.pastDays + AheadDays
	// Each venue-day gets six bookings, some seven, to make g.s.bookings in all.
	sevens := g.s.bookings - 6*days*Venues
	seven := make([]bool, days*Venues)
	for i := range sevens {
		seven[i] = true
	}
	g.r.Shuffle(len(seven), func(i, j int) { seven[i], seven[j] = seven[j], seven[i] })
	for di := range days {
		d := Day(g.s.pastDays - 1 - di)
		for v := range Venues {
			k := 6
			if seven[di*Venues+v] {
				k = 7
			}
			units := 26 / k // half hours from 08:00 to 21:00, cut into k slots
			for s := range k {
				offset := 0
				if units > 3 && g.r.IntN(2) == 0 {
					offset = 1
				}
				length := units - offset - g.r.IntN(2)
				startMin := 8*60 + (s*units+offset)*30
				start := d.At(store.Clock{Hour: startMin / 60, Minute: startMin % 60}, shanghai)
				end := start.Add(time.Duration(length*30) * time.Minute)
				created := start.Add(-time.Duration(1+g.r.IntN(14*24)) * time.Hour)
				if created.After(Now) {
					created = Now.Add(-time.Duration(g.r.IntN(72)) * time.Hour)
				}
				var status string
				arrived := false
				if start.Before(Now) {
					status = weighted(g.r, []string{store.BookingApproved, store.BookingNoShow, store.BookingCancelled, store.BookingRejected}, []int{80, 5, 10, 5})
					arrived = status == store.BookingApproved && g.r.IntN(10) > 0
				} else {
					status = weighted(g.r, []string{store.BookingApproved, store.BookingPending}, []int{70, 30})
				}
				rows = append(rows, row{v + 1, start.Unix(), end.Unix(), created.Unix(), status, arrived})
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return int(a.create - b.create) })
	st, err := g.tx.Prepare(`INSERT INTO bookings (receipt_no, status_code, venue_id, org, contact, phone, title, purpose,
		attendees, start_at, end_at, status, reason, decided_by, decided_at, arrived_at, created_by, source, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	purposes := []string{"party_day", "three_one", "volunteer", "training", "residents", "other"}
	titles := map[string]string{"party_day": "主题党日活动", "three_one": "支部党员大会", "volunteer": "志愿者培训",
		"training": "就业技能培训", "residents": "社区合唱团排练", "other": "业主大会筹备会"}
	phones := map[string]bool{}
	for _, b := range rows {
		purpose := weighted(g.r, purposes, []int{20, 25, 15, 15, 20, 5})
		source, by := "desk", staffNames[g.r.IntN(len(staffNames))]
		if g.r.IntN(10) < 4 {
			source, by = "kiosk", "kiosk"
		}
		var decidedBy string
		var decided, arrived sql.NullInt64
		reason := ""
		if b.status != store.BookingPending {
			decidedBy = staffNames[g.r.IntN(len(staffNames))]
			decided = sql.NullInt64{Int64: b.create + 3600, Valid: true}
		}
		switch b.status {
		case store.BookingCancelled:
			reason = "活动延期"
		case store.BookingRejected:
			reason = "场地维修"
		}
		if b.arrived {
			arrived = sql.NullInt64{Int64: b.start - 600, Valid: true}
		}
		org := communities[g.r.IntN(len(communities))] + "党支部"
		if _, err := st.Exec(g.receipt("B", time.Unix(b.create, 0)), g.code(), b.venue, org, g.name(), g.phone(phones),
			titles[purpose], purpose, 10+g.r.IntN(20), b.start, b.end, b.status, reason, decidedBy, decided, arrived,
			by, source, b.create, b.create); err != nil {
			return fmt.Errorf("booking: %w", err)
		}
	}
	return nil
}

func (g *bigGen) counters() error {
	st, err := g.tx.Prepare("INSERT OR REPLACE INTO counters (kind, day, n) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer st.Close()
	for k, n := range g.seq {
		if _, err := st.Exec(k[:1], k[2:], n); err != nil {
			return err
		}
	}
	return nil
}

// BusyDays are weekdays in the big database's second year.
var BusyDays = func() []store.Day {
	var out []store.Day
	for i := 30; len(out) < 20; i += 17 {
		if d := Day(i); d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}()

// pageSize is the page size of the open file, 0 if it cannot be read: a
// file cached from before the store's pages changed is built again, so
// the benchmarks measure the files centers get.
func pageSize(raw *sql.DB) int {
	var n int
	raw.QueryRow("PRAGMA page_size").Scan(&n)
	return n
}
