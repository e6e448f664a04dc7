package demo

import (
	"context"
	"fmt"
	"time"

	"frontdesk/store"
)

// outcome is where a request's story ends, if the month is long enough.
type outcome int

const (
	endClosed            outcome = iota // resolved and called back
	endResolved                         // resolved, callback still to make
	endInProgress                       // work under way
	endAccepted                         // taken, nothing done yet
	endNew                              // nobody took it
	endRejected                         // not taken on, with a reason
	endTransferred                      // handed to a department, still there
	endTransferredClosed                // handed on, resolved there, called back
)

// statusOf is the status each outcome ends in.
var statusOf = map[outcome]string{
	endClosed: store.StatusClosed, endResolved: store.StatusResolved, endInProgress: store.StatusInProgress,
	endAccepted: store.StatusAccepted, endNew: store.StatusNew, endRejected: store.StatusRejected,
	endTransferred: store.StatusTransferred, endTransferredClosed: store.StatusClosed,
}

// requestAction is one move of a request through the workflow.
type requestAction struct {
	at     time.Time
	to     string // the status it moves to
	actor  string
	text   string // note, resolution, reason or transfer target
	note   string // the transfer's note; the satisfaction comment
	byCode bool   // rated by the requester on their status page
}

// requestPlan is one request and its story.
type requestPlan struct {
	in      store.RequestInput
	item    requestItem
	created time.Time
	end     outcome
	actions []requestAction
}

// requestsOn returns how many requests come in on day d.
func (p *planner) requestsOn(d store.Day) int {
	switch d.Weekday() {
	case time.Saturday:
		return between(p.r, 1, 4)
	case time.Sunday:
		return between(p.r, 0, 2)
	}
	return between(p.r, 5, 12)
}

// planRequests plans the month's requests and their stories, makes sure
// every status and an overdue request are there, and adds their steps.
func (p *planner) planRequests() {
	var plans []*requestPlan
	for _, d := range days(p.from, p.today) {
		for range p.requestsOn(d) {
			plans = append(plans, p.planRequest(d))
		}
	}
	p.ensureStatuses(plans)
	for _, rp := range plans {
		p.addRequest(rp)
	}
}

// planRequest plans one request that comes in on day d.
func (p *planner) planRequest(d store.Day) *requestPlan {
	cat := store.Categories[weighted(p.r, categoryWeights)].Code
	item := pick(p.r, requestItems[cat])
	who := randomResident(p.r)
	if chance(p.r, 25) {
		who = regular(p.r, p.residents)
	}
	community := who.org
	if chance(p.r, 60) {
		community = grid(p.r, community)
	}
	urgent := (item.urgent && chance(p.r, 60)) || chance(p.r, 3)
	in := store.RequestInput{Name: who.name, Phone: who.phone, Community: community, Category: cat,
		Description: item.desc, Urgency: "normal"}
	if urgent {
		in.Urgency = "urgent"
	}
	rp := &requestPlan{in: in, item: item}
	if chance(p.r, 30) {
		// Phones submit at any hour the lobby is open and after.
		rp.created = p.moment(d, between(p.r, 7*60+30, 21*60+30))
		rp.in.Source, rp.in.Actor = "kiosk", "kiosk"
	} else {
		rp.created = p.moment(d, deskOpens+30*weighted(p.r, arrivalWeights)+p.r.IntN(30))
		rp.in.Source, rp.in.Actor = "desk", p.staffAt(rp.created)
		if chance(p.r, 50) {
			rp.in.Handler = rp.in.Actor
		}
	}
	rp.end = p.pickOutcome(p.age(d))
	p.tell(rp)
	return rp
}

// age is how many days before today d is.
func (p *planner) age(d store.Day) int { return daysBetween(d, p.today) }

// pickOutcome chooses a story by the request's age: old ones are mostly
// closed, recent ones still open.
func (p *planner) pickOutcome(age int) outcome {
	ends := []outcome{endClosed, endResolved, endInProgress, endAccepted, endRejected, endTransferred, endTransferredClosed}
	var weights []int
	switch {
	case age >= 10:
		weights = []int{74, 4, 4, 1, 7, 4, 6}
	case age >= 4:
		weights = []int{50, 18, 11, 4, 7, 6, 4}
	default:
		weights = []int{72, 0, 8, 8, 6, 6, 0}
	}
	return ends[weighted(p.r, weights)]
}

// tell writes the request's story: who moved it where and when. Each move
// comes after the one before, so whatever lies beyond now simply has not
// happened yet.
func (p *planner) tell(rp *requestPlan) {
	rp.actions = nil
	urgent := rp.in.Urgency == "urgent"
	act := func(at time.Time, to, text, note string) time.Time {
		rp.actions = append(rp.actions, requestAction{at: at, to: to, actor: p.staffAt(at), text: text, note: note})
		return at
	}
	at := rp.created
	if rp.end == endNew {
		return
	}
	if rp.end == endRejected {
		if chance(p.r, 30) {
			at = act(p.after(at, 10, 240), store.StatusAccepted, "", "")
		}
		act(p.after(at, 10, 600), store.StatusRejected, pick(p.r, rejectReasons), "")
		return
	}
	// Taking it in: at the desk the one who wrote it down takes it at once;
	// from the kiosk urgent ones within the hour, most within the promised
	// day, a few late when nobody noticed.
	switch {
	case rp.in.Source == "desk":
		at = p.after(at, 1, 30)
	case urgent:
		at = p.after(at, 5, 60)
	case chance(p.r, 15):
		at = p.after(at, 1500, 2900)
	default:
		at = p.after(at, 10, 240)
	}
	// A quick question at the desk is answered there and then.
	onTheSpot := rp.item.quick && rp.in.Source == "desk" && (rp.end == endClosed || rp.end == endResolved) &&
		chance(p.r, 50)
	if onTheSpot {
		at = rp.created.Add(time.Duration(between(p.r, 1, 3)) * time.Minute)
	}
	act(at, store.StatusAccepted, "", "")
	if rp.in.Source == "desk" {
		rp.actions[len(rp.actions)-1].actor = rp.in.Actor // 首问负责: who took it down owns it
	}
	if rp.end == endAccepted {
		return
	}
	if rp.end == endTransferred || rp.end == endTransferredClosed {
		target := pick(p.r, transferTargets[rp.in.Category])
		at = act(p.after(at, 30, 1440), store.StatusTransferred, target, "超出中心办理权限，转相关部门办理")
		if rp.end == endTransferred {
			return
		}
		at = act(p.after(at, 120, 2880), store.StatusAccepted, "", "")
	}
	if onTheSpot {
		at = act(at.Add(time.Duration(between(p.r, 3, 15))*time.Minute), store.StatusResolved, rp.item.resolution, "")
	} else {
		if urgent {
			at = act(p.after(at, 10, 90), store.StatusInProgress, pick(p.r, startNotes), "")
		} else {
			at = act(p.after(at, 20, 1440), store.StatusInProgress, pick(p.r, startNotes), "")
		}
		if rp.end == endInProgress {
			return
		}
		if urgent {
			at = act(p.after(at, 60, 600), store.StatusResolved, rp.item.resolution, "")
		} else {
			at = act(p.after(at, 600, 5760), store.StatusResolved, rp.item.resolution, "")
		}
	}
	if rp.end == endResolved {
		return
	}
	sat := store.Satisfactions[weighted(p.r, []int{80, 15, 5})].Code
	act(p.after(at, 600, 4320), store.StatusClosed, sat, pick(p.r, satisfactionComments[sat]))
	if chance(p.r, 25) {
		// The requester rated it on their own status page.
		rp.actions[len(rp.actions)-1].byCode = true
		rp.actions[len(rp.actions)-1].actor = "kiosk"
	}
}

// statusAt is the status rp is in at now.
func (rp *requestPlan) statusAt(now time.Time) string {
	if rp.created.After(now) {
		return ""
	}
	s := store.StatusNew
	for _, a := range rp.actions {
		if a.at.After(now) {
			break
		}
		s = a.to
	}
	return s
}

// ensureStatuses makes sure that, as of now, every request status is there,
// with an overdue request among them: where chance left one out, an old
// closed request is given that story instead. Old ones are used because
// their stories are over by today, whatever the hour.
func (p *planner) ensureStatuses(plans []*requestPlan) {
	var old []*requestPlan
	for _, rp := range plans {
		if p.age(p.db.DayOf(rp.created)) >= 15 && rp.end == endClosed {
			old = append(old, rp)
		}
	}
	retell := func(end outcome) {
		if len(old) == 0 {
			return
		}
		i := p.r.IntN(len(old))
		rp := old[i]
		old = append(old[:i], old[i+1:]...)
		rp.end = end
		p.tell(rp)
	}
	have := map[string]bool{}
	overdue := false
	for _, rp := range plans {
		s := rp.statusAt(p.now)
		have[s] = true
		promised := p.db.DayOf(rp.created).AddDays(p.promiseDays(rp))
		if s != "" && !store.Done(s) && promised.Before(p.today) {
			overdue = true
		}
	}
	for _, end := range []outcome{endNew, endAccepted, endInProgress, endResolved, endClosed, endTransferred, endRejected} {
		if !have[statusOf[end]] {
			retell(end)
		}
	}
	if !overdue {
		retell(endInProgress)
	}
}

// promiseDays is how many days the center promises for rp.
func (p *planner) promiseDays(rp *requestPlan) int {
	s := p.db.Settings()
	if rp.in.Urgency == "urgent" {
		return s.UrgentPromiseDays
	}
	return s.PromiseDays
}

// addRequest plans the steps of a request: its creation and every move.
func (p *planner) addRequest(rp *requestPlan) {
	var id int64
	var code string
	p.add(rp.created, "request", func(ctx context.Context) error {
		got, err := p.db.CreateRequest(ctx, rp.in)
		id, code = got.ID, got.StatusCode
		if err == nil {
			p.sum.Requests++
		}
		return err
	})
	for _, a := range rp.actions {
		p.add(a.at, "request "+a.to, func(ctx context.Context) error {
			var err error
			switch a.to {
			case store.StatusAccepted:
				_, err = p.db.Accept(ctx, id, a.actor)
			case store.StatusInProgress:
				_, err = p.db.Start(ctx, id, a.actor, a.text)
			case store.StatusResolved:
				_, err = p.db.Resolve(ctx, id, a.actor, a.text)
			case store.StatusTransferred:
				_, err = p.db.Transfer(ctx, id, a.actor, a.text, a.note)
			case store.StatusRejected:
				_, err = p.db.Reject(ctx, id, a.actor, a.text)
			case store.StatusClosed:
				if a.byCode {
					_, err = p.db.RateByCode(ctx, code, a.text, a.note)
				} else {
					_, err = p.db.RecordSatisfaction(ctx, id, a.actor, a.text, a.note)
				}
			default:
				err = fmt.Errorf("no such move %q", a.to)
			}
			return err
		})
	}
}
