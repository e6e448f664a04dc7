package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

func TestCreateRequest(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		r, err := db.CreateRequest(ctx, request())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := r.ReceiptNo, "R-20260310-0001"; got != want {
			t.Errorf("receipt: got %q, want %q", got, want)
		}
		if got, want := r.Status, store.StatusNew; got != want {
			t.Errorf("status: got %q, want %q", got, want)
		}
		if got, want := r.PromisedBy, baseDay.AddDays(5); got != want {
			t.Errorf("promised by: got %v, want %v (five days)", got, want)
		}
		if got, want := r.RespondBy, base.Add(24*time.Hour); !got.Equal(want) {
			t.Errorf("respond by: got %v, want %v", got, want)
		}
		if r.Owner != "" || r.Overdue || !store.ValidStatusCode(r.StatusCode) {
			t.Errorf("new request: got owner %q overdue %v code %q, want no owner, not overdue, a valid code", r.Owner, r.Overdue, r.StatusCode)
		}
		evs, err := db.RequestEvents(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].From != "" || evs[0].To != store.StatusNew || evs[0].Actor != "王芳" || !evs[0].At.Equal(base) {
			t.Errorf("events: got %+v, want one creation event by 王芳 at %v", evs, base)
		}
		for name, get := range map[string]func() (store.Request, error){
			"ByID":      func() (store.Request, error) { return db.Request(ctx, r.ID) },
			"ByReceipt": func() (store.Request, error) { return db.RequestByReceipt(ctx, " r-20260310-0001 ") },
			"ByCode":    func() (store.Request, error) { return db.RequestByCode(ctx, r.StatusCode) },
		} {
			got, err := get()
			if err != nil || got.ID != r.ID {
				t.Errorf("%s: got %d (%v), want %d", name, got.ID, err, r.ID)
			}
		}
	})
	t.Run("Urgent", func(t *testing.T) {
		db := mustOpen(t)
		in := request()
		in.Urgency = "紧急"
		r := mustCreateRequest(t, db, in)
		if r.Urgency != "urgent" || r.PromisedBy != baseDay.AddDays(1) || !r.RespondBy.Equal(base.Add(2*time.Hour)) {
			t.Errorf("urgent: got %s promised %v respond %v, want urgent, %v, %v", r.Urgency, r.PromisedBy, r.RespondBy,
				baseDay.AddDays(1), base.Add(2*time.Hour))
		}
	})
	t.Run("PromisedBy", func(t *testing.T) {
		db := mustOpen(t)
		in := request()
		in.PromisedBy = baseDay.AddDays(10)
		if r := mustCreateRequest(t, db, in); r.PromisedBy != in.PromisedBy {
			t.Errorf("promised by: got %v, want %v", r.PromisedBy, in.PromisedBy)
		}
	})
	t.Run("Sequence", func(t *testing.T) {
		db := mustOpen(t)
		var got []string
		for range 3 {
			got = append(got, mustCreateRequest(t, db, request()).ReceiptNo)
		}
		want := []string{"R-20260310-0001", "R-20260310-0002", "R-20260310-0003"}
		if !slices.Equal(got, want) {
			t.Errorf("receipts: got %v, want %v", got, want)
		}
	})
}

// wantFlow is the request workflow as SPEC tells it, written out on its own
// so that a change to the store's table has to be made twice: 待受理 new →
// 已受理 accepted → 办理中 in progress → 已办结 resolved → 已回访 closed, with
// the side exits 已转办 transferred (whoever receives it goes on with it) and
// 不予受理 rejected (only before the work has started). A simple matter may be
// resolved straight after it is accepted. Closed and rejected are the end.
var wantFlow = map[string][]string{
	store.StatusNew:         {store.StatusAccepted, store.StatusTransferred, store.StatusRejected},
	store.StatusAccepted:    {store.StatusInProgress, store.StatusResolved, store.StatusTransferred, store.StatusRejected},
	store.StatusInProgress:  {store.StatusResolved, store.StatusTransferred},
	store.StatusTransferred: {store.StatusAccepted, store.StatusInProgress, store.StatusResolved},
	store.StatusResolved:    {store.StatusClosed},
	store.StatusClosed:      nil,
	store.StatusRejected:    nil,
}

var allStatuses = []string{store.StatusNew, store.StatusAccepted, store.StatusInProgress, store.StatusResolved,
	store.StatusClosed, store.StatusTransferred, store.StatusRejected}

func TestWorkflowTable(t *testing.T) {
	if got, want := len(store.RequestStatuses), len(allStatuses); got != want {
		t.Fatalf("request statuses: got %d, want %d", got, want)
	}
	for _, from := range allStatuses {
		next := store.NextStatuses(from)
		got, want := slices.Sorted(slices.Values(next)), slices.Sorted(slices.Values(wantFlow[from]))
		if !slices.Equal(got, want) {
			t.Errorf("NextStatuses(%s): got %v, want %v", from, got, want)
		}
		for _, to := range allStatuses {
			if got, want := store.CanMove(from, to), slices.Contains(wantFlow[from], to); got != want {
				t.Errorf("CanMove(%s, %s): got %v, want %v", from, to, got, want)
			}
		}
		if len(next) > 0 {
			next[0] = store.StatusClosed // the caller's copy, not the table
			if store.NextStatuses(from)[0] == store.StatusClosed && wantFlow[from][0] != store.StatusClosed {
				t.Errorf("NextStatuses(%s) hands out the table itself", from)
			}
		}
	}
	for _, s := range []string{store.StatusClosed, store.StatusRejected, store.StatusResolved} {
		if !store.Done(s) {
			t.Errorf("Done(%s): got false, want true", s)
		}
	}
	for _, s := range []string{store.StatusNew, store.StatusAccepted, store.StatusInProgress, store.StatusTransferred} {
		if store.Done(s) {
			t.Errorf("Done(%s): got true, want false", s)
		}
	}
}

// pathTo lists the moves that bring a new request to each status.
var pathTo = map[string][]string{
	store.StatusNew:         nil,
	store.StatusAccepted:    {store.StatusAccepted},
	store.StatusInProgress:  {store.StatusAccepted, store.StatusInProgress},
	store.StatusResolved:    {store.StatusAccepted, store.StatusResolved},
	store.StatusClosed:      {store.StatusAccepted, store.StatusResolved, store.StatusClosed},
	store.StatusTransferred: {store.StatusTransferred},
	store.StatusRejected:    {store.StatusRejected},
}

// moveTo calls the store method that moves a request to status to.
func moveTo(db *store.DB, id int64, to string) (store.Request, error) {
	switch to {
	case store.StatusAccepted:
		return db.Accept(ctx, id, "王芳")
	case store.StatusInProgress:
		return db.Start(ctx, id, "王芳", "已联系物业")
	case store.StatusResolved:
		return db.Resolve(ctx, id, "王芳", "物业已更换灯泡")
	case store.StatusClosed:
		return db.RecordSatisfaction(ctx, id, "王芳", "satisfied", "")
	case store.StatusTransferred:
		return db.Transfer(ctx, id, "王芳", "街道城管科", "需城管处理")
	case store.StatusRejected:
		return db.Reject(ctx, id, "王芳", "不属于本中心受理范围")
	}
	panic("no move to " + to)
}

// TestWorkflowMoves tries every move from every status through the store's
// methods: each allowed one lands and leaves an event row, each other one is
// a conflict that changes nothing.
func TestWorkflowMoves(t *testing.T) {
	db := mustOpen(t)
	for _, from := range allStatuses {
		for _, to := range allStatuses {
			if to == store.StatusNew {
				continue // no method moves a request back to new; CanMove says no (TestWorkflowTable)
			}
			allowed := store.CanMove(from, to)
			if allowed != slices.Contains(wantFlow[from], to) {
				t.Errorf("%s→%s: the store's table and SPEC's disagree", from, to)
			}
			name := from + "→" + to
			if !allowed {
				name = "Err" + name
			}
			t.Run(name, func(t *testing.T) {
				r := mustCreateRequest(t, db, request())
				for _, step := range pathTo[from] {
					if _, err := moveTo(db, r.ID, step); err != nil {
						t.Fatalf("reaching %s via %s: %v", from, step, err)
					}
				}
				before, _ := db.RequestEvents(ctx, r.ID)
				got, err := moveTo(db, r.ID, to)
				after, _ := db.RequestEvents(ctx, r.ID)
				stored, _ := db.Request(ctx, r.ID)
				if !allowed {
					wantCode(t, err, store.ECONFLICT, "")
					if stored.Status != from {
						t.Errorf("status after a refused move: got %s, want %s", stored.Status, from)
					}
					if len(after) != len(before) {
						t.Errorf("events after a refused move: got %d, want %d", len(after), len(before))
					}
					return
				}
				if err != nil {
					t.Fatalf("move: got %v, want success", err)
				}
				if got.Status != to || stored.Status != to {
					t.Errorf("status: got %s (stored %s), want %s", got.Status, stored.Status, to)
				}
				if len(after) != len(before)+1 {
					t.Fatalf("events: got %d, want %d", len(after), len(before)+1)
				}
				if e := after[len(after)-1]; e.From != from || e.To != to || e.Actor != "王芳" {
					t.Errorf("event: got %s→%s by %s, want %s→%s by 王芳", e.From, e.To, e.Actor, from, to)
				}
			})
		}
	}
}

func TestOwner(t *testing.T) {
	db, clk := mustOpenClock(t)
	r := mustCreateRequest(t, db, request())
	clk.Add(time.Hour)
	r, err := db.Accept(ctx, r.ID, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Owner, "王芳"; got != want {
		t.Errorf("owner after the first accept: got %q, want %q (首问负责)", got, want)
	}
	if !r.AcceptedAt.Equal(base.Add(time.Hour)) {
		t.Errorf("accepted at: got %v, want %v", r.AcceptedAt, base.Add(time.Hour))
	}
	clk.Add(time.Hour)
	if r, err = db.Start(ctx, r.ID, "李明", ""); err != nil {
		t.Fatal(err)
	}
	if got, want := r.Owner, "王芳"; got != want {
		t.Errorf("owner after a colleague's move: got %q, want %q", got, want)
	}
	if r, err = db.Transfer(ctx, r.ID, "王芳", "街道民政科", "低保申请"); err != nil {
		t.Fatal(err)
	}
	if r.Owner != "街道民政科" || r.TransferredTo != "街道民政科" || r.Handler != "街道民政科" {
		t.Errorf("after transfer: got owner %q to %q handler %q, want 街道民政科", r.Owner, r.TransferredTo, r.Handler)
	}
	clk.Add(time.Hour)
	if r, err = db.Accept(ctx, r.ID, "赵强"); err != nil {
		t.Fatal(err)
	}
	if got, want := r.Owner, "街道民政科"; got != want {
		t.Errorf("owner after the receiver accepts: got %q, want %q", got, want)
	}
	if !r.AcceptedAt.Equal(base.Add(time.Hour)) {
		t.Errorf("accepted at after a second accept: got %v, want the first %v", r.AcceptedAt, base.Add(time.Hour))
	}
	t.Run("ResolveWithoutAccept", func(t *testing.T) {
		r := mustCreateRequest(t, db, request())
		if _, err := db.Transfer(ctx, r.ID, "李明", "社区居委会", ""); err != nil {
			t.Fatal(err)
		}
		r, err := db.Resolve(ctx, r.ID, "社区居委会", "已答复")
		if err != nil {
			t.Fatal(err)
		}
		if r.AcceptedAt.IsZero() || r.ResolvedAt.IsZero() || r.Owner != "社区居委会" || r.Resolution != "已答复" {
			t.Errorf("resolved: got accepted %v resolved %v owner %q resolution %q", r.AcceptedAt, r.ResolvedAt, r.Owner, r.Resolution)
		}
	})
}

func TestMoveInput(t *testing.T) {
	db := mustOpen(t)
	r := mustCreateRequest(t, db, request())
	for _, c := range []struct {
		name, field string
		move        func() (store.Request, error)
	}{
		{"RejectNeedsReason", "reason", func() (store.Request, error) { return db.Reject(ctx, r.ID, "王芳", "  ") }},
		{"TransferNeedsTarget", "transferred_to", func() (store.Request, error) { return db.Transfer(ctx, r.ID, "王芳", "", "x") }},
		{"ResolveNeedsResolution", "resolution", func() (store.Request, error) { return db.Resolve(ctx, r.ID, "王芳", "") }},
		{"AcceptNeedsActor", "actor", func() (store.Request, error) { return db.Accept(ctx, r.ID, "") }},
		{"ActorControlChars", "actor", func() (store.Request, error) { return db.Accept(ctx, r.ID, "王\x1b[2J芳") }},
		{"SatisfactionUnknown", "satisfaction", func() (store.Request, error) { return db.RecordSatisfaction(ctx, r.ID, "王芳", "很好", "") }},
		{"CommentTooLong", "comment", func() (store.Request, error) {
			return db.RecordSatisfaction(ctx, r.ID, "王芳", "satisfied", strings.Repeat("好", 501))
		}},
		{"StartNoteTooLong", "note", func() (store.Request, error) { return db.Start(ctx, r.ID, "王芳", strings.Repeat("x", 501)) }},
	} {
		t.Run("Err"+c.name, func(t *testing.T) {
			before := rowCounts(t, db.Path())
			_, err := c.move()
			wantCode(t, err, store.EINVALID, c.field)
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.Accept(ctx, 9999, "王芳")
		wantCode(t, err, store.ENOTFOUND, "")
		_, err = db.RateByCode(ctx, "aaaaaaaaaaaaaaaaaaaaaaaa", "satisfied", "")
		wantCode(t, err, store.ENOTFOUND, "")
	})
	t.Run("RejectKeepsReason", func(t *testing.T) {
		got, err := db.Reject(ctx, r.ID, "王芳", "属于法院受理范围，已告知")
		if err != nil {
			t.Fatal(err)
		}
		if got.RejectReason != "属于法院受理范围，已告知" {
			t.Errorf("reject reason: got %q, want it kept", got.RejectReason)
		}
		evs, _ := db.RequestEvents(ctx, r.ID)
		if e := evs[len(evs)-1]; e.Note != "属于法院受理范围，已告知" {
			t.Errorf("event note: got %q, want the reason", e.Note)
		}
	})
}

func TestOverdue(t *testing.T) {
	db, clk := mustOpenClock(t)
	late := mustCreateRequest(t, db, request()) // promised by 03-15
	done := mustCreateRequest(t, db, request())
	if _, err := db.Accept(ctx, done.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Resolve(ctx, done.ID, "王芳", "已处理"); err != nil {
		t.Fatal(err)
	}
	rejected := mustCreateRequest(t, db, request())
	if _, err := db.Reject(ctx, rejected.ID, "王芳", "重复诉求"); err != nil {
		t.Fatal(err)
	}
	working := mustCreateRequest(t, db, request())
	if _, err := db.Transfer(ctx, working.ID, "王芳", "街道", ""); err != nil {
		t.Fatal(err)
	}
	overdueIDs := func() []int64 {
		t.Helper()
		rs, err := db.Requests(ctx, store.RequestFilter{Overdue: true})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rs {
			ids = append(ids, r.ID)
			if !r.Overdue {
				t.Errorf("request %d in the overdue list has Overdue false", r.ID)
			}
		}
		return ids
	}
	for _, c := range []struct {
		name string
		now  time.Time
		want []int64
	}{
		{"OnThePromisedDay", at(baseDay.AddDays(5), "23:59"), nil},
		{"DayAfter", at(baseDay.AddDays(6), "00:00"), []int64{working.ID, late.ID}},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk.Set(c.now)
			if got := overdueIDs(); !slices.Equal(got, c.want) {
				t.Errorf("overdue: got %v, want %v", got, c.want)
			}
			r, _ := db.Request(ctx, late.ID)
			if got, want := r.Overdue, len(c.want) > 0; got != want {
				t.Errorf("Overdue of the late request: got %v, want %v", got, want)
			}
		})
	}
}

func TestCallbacks(t *testing.T) {
	db, clk := mustOpenClock(t)
	var resolved []store.Request
	for i, phone := range []string{"13800000001", "13800000002", "13800000003"} {
		in := request()
		in.Phone = phone
		r := mustCreateRequest(t, db, in)
		if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		clk.Set(base.Add(time.Duration(3-i) * time.Hour)) // the last one is resolved first
		r, err := db.Resolve(ctx, r.ID, "王芳", "已办结")
		if err != nil {
			t.Fatal(err)
		}
		resolved = append(resolved, r)
	}
	mustCreateRequest(t, db, request()) // not resolved: not on the list
	list := func() []string {
		t.Helper()
		rs, err := db.Callbacks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var phones []string
		for _, r := range rs {
			phones = append(phones, r.Phone)
		}
		return phones
	}
	if got, want := list(), []string{"13800000003", "13800000002", "13800000001"}; !slices.Equal(got, want) {
		t.Fatalf("callback list: got %v, want %v (longest waiting first, with phones)", got, want)
	}
	t.Run("FirstCallbacks", func(t *testing.T) {
		for n, want := range map[int][]string{1: {"13800000003"}, 2: {"13800000003", "13800000002"},
			3: list(), 9: list(), 0: list(), -1: list()} {
			rs, err := db.FirstCallbacks(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rs {
				got = append(got, r.Phone)
			}
			if !slices.Equal(got, want) {
				t.Errorf("FirstCallbacks(%d): got %v, want %v", n, got, want)
			}
		}
	})
	t.Run("RecordSatisfaction", func(t *testing.T) {
		clk.Set(base.Add(5 * time.Hour))
		r, err := db.RecordSatisfaction(ctx, resolved[1].ID, "李明", "基本满意", "速度可以更快")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != store.StatusClosed || r.Satisfaction != "basic" || r.SatisfactionComment != "速度可以更快" || !r.ClosedAt.Equal(base.Add(5*time.Hour)) {
			t.Errorf("after callback: got %s %q %q %v, want closed basic with comment at %v", r.Status, r.Satisfaction,
				r.SatisfactionComment, r.ClosedAt, base.Add(5*time.Hour))
		}
		evs, _ := db.RequestEvents(ctx, r.ID)
		if e := evs[len(evs)-1]; e.Note != "基本满意：速度可以更快" || e.Actor != "李明" {
			t.Errorf("event: got note %q by %s, want 基本满意：速度可以更快 by 李明", e.Note, e.Actor)
		}
		if got, want := list(), []string{"13800000003", "13800000001"}; !slices.Equal(got, want) {
			t.Errorf("callback list: got %v, want %v", got, want)
		}
		_, err = db.RecordSatisfaction(ctx, resolved[1].ID, "李明", "satisfied", "")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("RateByCode", func(t *testing.T) {
		r, err := db.RateByCode(ctx, resolved[0].StatusCode, "unsatisfied", "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != store.StatusClosed || r.Satisfaction != "unsatisfied" {
			t.Errorf("rated: got %s %q, want closed unsatisfied", r.Status, r.Satisfaction)
		}
		evs, _ := db.RequestEvents(ctx, r.ID)
		if e := evs[len(evs)-1]; e.Actor != "kiosk" {
			t.Errorf("event actor: got %q, want kiosk", e.Actor)
		}
		if got, want := list(), []string{"13800000003"}; !slices.Equal(got, want) {
			t.Errorf("callback list: got %v, want %v", got, want)
		}
		fresh := mustCreateRequest(t, db, request())
		_, err = db.RateByCode(ctx, fresh.StatusCode, "satisfied", "")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("CallbackFilter", func(t *testing.T) {
		rs, err := db.Requests(ctx, store.RequestFilter{Callback: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].ID != resolved[2].ID {
			t.Errorf("Requests(Callback): got %d rows, want only request %d", len(rs), resolved[2].ID)
		}
	})
}

func TestRequestsFilter(t *testing.T) {
	db, clk := mustOpenClock(t)
	a := mustCreateRequest(t, db, request())
	in := request()
	in.Category, in.Name, in.Description = "social_security", "刘100%", "医保_报销"
	clk.Add(24 * time.Hour)
	b := mustCreateRequest(t, db, in)
	for _, c := range []struct {
		name string
		f    store.RequestFilter
		want []int64
	}{
		{"All", store.RequestFilter{}, []int64{b.ID, a.ID}},
		{"Category", store.RequestFilter{Category: "housing"}, []int64{a.ID}},
		{"Status", store.RequestFilter{Statuses: []string{store.StatusNew, store.StatusAccepted}}, []int64{b.ID, a.ID}},
		{"StatusNone", store.RequestFilter{Statuses: []string{store.StatusClosed}}, nil},
		{"From", store.RequestFilter{From: baseDay.AddDays(1)}, []int64{b.ID}},
		{"To", store.RequestFilter{To: baseDay}, []int64{a.ID}},
		{"QueryReceipt", store.RequestFilter{Query: "r-20260311-0001"}, []int64{b.ID}},
		{"QueryPercentIsText", store.RequestFilter{Query: "100%"}, []int64{b.ID}},
		{"QueryUnderscoreIsText", store.RequestFilter{Query: "_"}, []int64{b.ID}},
		{"QueryDescription", store.RequestFilter{Query: "楼道灯"}, []int64{a.ID}},
		{"Limit", store.RequestFilter{Limit: 1}, []int64{b.ID}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rs, err := db.Requests(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range rs {
				got = append(got, r.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Requests(%+v): got %v, want %v", c.f, got, c.want)
			}
		})
	}
}

// TestRateable: the status page offers the rating exactly when the store
// would take it.
func TestRateable(t *testing.T) {
	db := mustOpen(t)
	r := mustCreateRequest(t, db, request())
	if r.Rateable() {
		t.Errorf("a new request is rateable")
	}
	if _, err := db.RateByCode(ctx, r.StatusCode, "satisfied", ""); store.ErrorCode(err) != store.ECONFLICT {
		t.Errorf("rating a new request: got %v, want a conflict", err)
	}
	if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	resolved, err := db.Resolve(ctx, r.ID, "王芳", "已办理")
	if err != nil {
		t.Fatal(err)
	}
	if !resolved.Rateable() {
		t.Errorf("a resolved request is not rateable")
	}
	closed, err := db.RateByCode(ctx, r.StatusCode, "satisfied", "")
	if err != nil {
		t.Fatalf("rating a resolved request: %v", err)
	}
	if closed.Rateable() {
		t.Errorf("a rated request is still rateable")
	}
}

// TestWorkflowEvents checks what a move tells listeners and leaves in the
// history: each move publishes its new status with the source of whoever
// moved it (the kiosk's rating says kiosk, the desk's moves say desk), and a
// rating's event note is the verdict, with the visitor's comment after a
// colon only when there is one.
func TestWorkflowEvents(t *testing.T) {
	db := mustOpen(t)
	ch, stop := db.Subscribe()
	defer stop()
	published := func(what string, id int64, action, source string) {
		t.Helper()
		e := next(t, ch, store.KindRequest, eventWait)
		if e.Action != action || e.ID != id || e.Source != source {
			t.Errorf("%s: got %s of %d from %s, want %s of %d from %s", what, e.Action, e.ID, e.Source, action, id, source)
		}
	}
	resolved := func() store.Request {
		t.Helper()
		r := mustCreateRequest(t, db, request())
		if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Resolve(ctx, r.ID, "王芳", "已办理"); err != nil {
			t.Fatal(err)
		}
		quiet(ch)
		return r
	}
	lastNote := func(id int64) string {
		t.Helper()
		events, err := db.RequestEvents(ctx, id)
		if err != nil || len(events) == 0 {
			t.Fatalf("events of %d: %v %v", id, events, err)
		}
		return events[len(events)-1].Note
	}

	r := mustCreateRequest(t, db, request())
	quiet(ch)
	if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	published("the desk's accept", r.ID, store.StatusAccepted, store.SourceDesk)

	byVisitor := resolved()
	if _, err := db.RateByCode(ctx, byVisitor.StatusCode, "satisfied", ""); err != nil {
		t.Fatal(err)
	}
	published("the visitor's rating", byVisitor.ID, store.StatusClosed, store.SourceKiosk)
	if got := lastNote(byVisitor.ID); got != "满意" {
		t.Errorf("note of a rating without a comment: got %q, want %q", got, "满意")
	}

	byDesk := resolved()
	if _, err := db.RecordSatisfaction(ctx, byDesk.ID, "王芳", "basic", "等得有点久"); err != nil {
		t.Fatal(err)
	}
	published("the desk's callback", byDesk.ID, store.StatusClosed, store.SourceDesk)
	if got := lastNote(byDesk.ID); got != "基本满意：等得有点久" {
		t.Errorf("note of a rating with a comment: got %q, want %q", got, "基本满意：等得有点久")
	}
}
