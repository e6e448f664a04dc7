package kiosk

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// TestStatusPages follows a record of each kind through its status page and
// the page's buttons, on a real store.
func TestStatusPages(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	ctx := context.Background()

	submit := func(path string, form url.Values) string {
		t.Helper()
		w := do(h, "POST", path, form, nil)
		if w.Code != 303 {
			t.Fatalf("POST %s: status %d, want 303; body %.500s", path, w.Code, w.Body.String())
		}
		code, ok := strings.CutPrefix(w.Header().Get("Location"), "/receipt/")
		if !ok {
			t.Fatalf("Location %q", w.Header().Get("Location"))
		}
		return code
	}
	reqCode := submit("/f/request", requestForm(s.token("request", testNow), "description", "<b>楼道灯坏了</b>"))
	bookCode := submit("/f/booking", bookingForm(s.token("booking", testNow)))
	visitCode := submit("/f/checkin", checkinForm(s.token("checkin", testNow)))
	req, err := db.RequestByCode(ctx, reqCode)
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.BookingByCode(ctx, bookCode)
	if err != nil {
		t.Fatal(err)
	}
	visit, err := db.VisitByCode(ctx, visitCode)
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		name       string
		setup      func()
		method     string
		path       string
		form       url.Values
		wantStatus int
		wantBody   []string
		notBody    []string
	}{
		{"RequestReceipt", nil, "GET", "/receipt/" + reqCode, nil, 200, []string{`id="receipt-no">` + req.ReceiptNo, `href="/s/` + reqCode + `"`, "承诺办结日期"}, nil},
		{"BookingReceipt", nil, "GET", "/receipt/" + bookCode, nil, 200, []string{book.ReceiptNo, "等待工作人员审核"}, nil},
		{"VisitReceipt", nil, "GET", "/receipt/" + visitCode, nil, 200, []string{visit.ReceiptNo, "登记成功"}, nil},

		{"RequestNew", nil, "GET", "/s/" + reqCode, nil, 200, []string{req.ReceiptNo, "待受理", "社保医保", "&lt;b&gt;楼道灯坏了&lt;/b&gt;", "办理记录"}, []string{"请您评价", "<b>楼道灯"}},
		{"RateTooEarly", nil, "POST", "/s/" + reqCode + "/rate", url.Values{"satisfaction": {"satisfied"}}, 409, []string{"诉求办结后才能评价"}, nil},
		{"RequestResolved", func() {
			if _, err := db.Accept(ctx, req.ID, "小刘"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Resolve(ctx, req.ID, "小刘", "已报修，物业当天更换"); err != nil {
				t.Fatal(err)
			}
		}, "GET", "/s/" + reqCode, nil, 200, []string{"已办结", "已报修，物业当天更换", "请您评价", `name="satisfaction" value="satisfied"`, "基本满意", "已受理"}, nil},
		{"RateMissing", nil, "POST", "/s/" + reqCode + "/rate", url.Values{"comment": {"谢谢"}}, 422, []string{"请选择满意度", ">谢谢</textarea>"}, nil},
		{"RateBogus", nil, "POST", "/s/" + reqCode + "/rate", url.Values{"satisfaction": {"great"}}, 422, []string{"满意度不在可选范围内"}, nil},
		{"RateOK", nil, "POST", "/s/" + reqCode + "/rate", url.Values{"satisfaction": {"satisfied"}, "comment": {"很及时"}}, 303, nil, nil},
		{"RequestClosed", nil, "GET", "/s/" + reqCode, nil, 200, []string{"已回访", "您的评价", "满意"}, []string{"请您评价"}},
		{"RateTwice", nil, "POST", "/s/" + reqCode + "/rate", url.Values{"satisfaction": {"unsatisfied"}}, 409, []string{"您已经评价过了"}, nil},

		{"BookingPending", nil, "GET", "/s/" + bookCode, nil, 200, []string{"待审核", "多功能厅", "2026-03-11 14:00–16:00", "取消预约"}, nil},
		{"BookingApproved", func() {
			if _, err := db.Approve(ctx, book.ID, "小刘"); err != nil {
				t.Fatal(err)
			}
		}, "GET", "/s/" + bookCode, nil, 200, []string{"已确认", "取消预约"}, nil},
		// Cancelling takes two steps: the button opens a question, and only
		// its answer cancels.
		{"CancelAsks", nil, "GET", "/s/" + bookCode + "/cancel", nil, 200, []string{"确定要取消这项预约吗？", `name="confirm" value="yes"`, "不了，返回", "2026-03-11 14:00–16:00"}, nil},
		{"CancelPostWithoutAnswer", nil, "POST", "/s/" + bookCode + "/cancel", url.Values{}, 200, []string{"确定要取消这项预约吗？"}, nil},
		{"StillApproved", nil, "GET", "/s/" + bookCode, nil, 200, []string{"已确认", "预约已确认。活动当天请到前台出示预约编号核销"}, nil},
		{"CancelOK", nil, "POST", "/s/" + bookCode + "/cancel", url.Values{"confirm": {"yes"}}, 303, nil, nil},
		{"BookingCancelled", nil, "GET", "/s/" + bookCode, nil, 200, []string{"已取消", "预约人取消"}, []string{`/cancel"`}},
		{"CancelTwice", nil, "POST", "/s/" + bookCode + "/cancel", url.Values{"confirm": {"yes"}}, 409, []string{"这项预约已经取消了"}, nil},
		{"CancelARequest", nil, "POST", "/s/" + reqCode + "/cancel", url.Values{"confirm": {"yes"}}, 404, []string{"预约不存在"}, nil},
		{"CancelARequestAsks", nil, "GET", "/s/" + reqCode + "/cancel", nil, 404, []string{"没有找到这条记录"}, nil},

		{"VisitIn", nil, "GET", "/s/" + visitCode, nil, 200, []string{"在馆", "王五", "志愿服务", "签退离开"}, nil},
		{"CheckoutAsks", nil, "GET", "/s/" + visitCode + "/checkout", nil, 200, []string{"确定现在签退离开吗？", "确认签退"}, nil},
		{"CheckoutPostWithoutAnswer", nil, "POST", "/s/" + visitCode + "/checkout", url.Values{}, 200, []string{"确定现在签退离开吗？"}, nil},
		{"StillIn", nil, "GET", "/s/" + visitCode, nil, 200, []string{"在馆"}, nil},
		{"CheckoutOK", nil, "POST", "/s/" + visitCode + "/checkout", url.Values{"confirm": {"yes"}}, 303, nil, nil},
		{"VisitOut", nil, "GET", "/s/" + visitCode, nil, 200, []string{"已签退", "签退时间"}, []string{"签退离开"}},
		{"CheckoutTwice", nil, "POST", "/s/" + visitCode + "/checkout", url.Values{"confirm": {"yes"}}, 409, []string{"您已经签退过了"}, nil},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup()
			}
			w := do(h, tt.method, tt.path, tt.form, nil)
			body := w.Body.String()
			if w.Code != tt.wantStatus {
				t.Fatalf("%s %s: status got %d, want %d; body:\n%.800s", tt.method, tt.path, w.Code, tt.wantStatus, body)
			}
			if w.Code == 303 && w.Header().Get("Location") != strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(tt.path, "/rate"), "/cancel"), "/checkout") {
				t.Errorf("Location got %q, want the status page", w.Header().Get("Location"))
			}
			for _, want := range tt.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q; got:\n%.2000s", want, body)
				}
			}
			for _, not := range tt.notBody {
				if strings.Contains(body, not) {
					t.Errorf("body has %q, want it absent", not)
				}
			}
		})
	}
	got, err := db.Request(ctx, req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusClosed || got.Satisfaction != "satisfied" || got.SatisfactionComment != "很及时" {
		t.Errorf("request after rating: status %s satisfaction %s comment %q", got.Status, got.Satisfaction, got.SatisfactionComment)
	}
}

// TestBookingClash answers a kiosk booking of a slot the desk has already
// approved with 409 and the clash beside the start time, values kept.
func TestBookingClash(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	start, end, err := db.BookingTimes("2026-03-11", "15:00", "17:00")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateBooking(context.Background(), store.BookingInput{VenueID: 1, Org: "老年协会", Contact: "周八",
		Phone: "13800002222", Title: "合唱排练", Purpose: "residents", Attendees: 20, Start: start, End: end,
		Approve: true, Actor: "小刘"}); err != nil {
		t.Fatal(err)
	}
	w := do(s.Handler(), "POST", "/f/booking", bookingForm(s.token("booking", testNow)), nil)
	body := w.Body.String()
	if w.Code != 409 {
		t.Fatalf("status %d, want 409; %.500s", w.Code, body)
	}
	for _, want := range []string{`id="err-start">该时段已被预约`, "合唱排练", `value="三月主题党日"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	if strings.Contains(body, "13800002222") {
		t.Error("the clash message shows the other organiser's phone")
	}
}

// TestStatusPageNeverStale checks the status cache: a page asked for twice
// is rendered once, and a change to its record, by this process or by
// another one on the same file, is on the very next page, without waiting.
func TestStatusPageNeverStale(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	ctx := context.Background()
	other, err := store.Open(db.Path()) // another process on the same file
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return testNow }

	state := func(code string, want string) {
		t.Helper()
		w := do(h, "GET", "/s/"+code, nil, nil)
		if w.Code != 200 {
			t.Fatalf("GET /s/%s: status %d", code, w.Code)
		}
		if !strings.Contains(w.Body.String(), want) {
			t.Fatalf("GET /s/%s: want %q on the page; body %.800s", code, want, w.Body.String())
		}
	}
	label := func(status string) string { return store.LabelOf(store.RequestStatuses, status).ZH }

	req, err := db.CreateRequest(ctx, store.RequestInput{Name: "王五", Phone: "13700002222", Category: "policy",
		Description: "咨询公租房申请条件", Source: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	state(req.StatusCode, label(store.StatusNew))
	state(req.StatusCode, label(store.StatusNew))
	if _, ok := s.statuses.pages[req.StatusCode]; !ok {
		t.Fatal("the status page was not kept")
	}
	if _, err := db.Accept(ctx, req.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	state(req.StatusCode, label(store.StatusAccepted))
	if _, err := other.Start(ctx, req.ID, "王芳", "已联系住建局"); err != nil {
		t.Fatal(err)
	}
	state(req.StatusCode, label(store.StatusInProgress))

	v, err := db.CheckIn(ctx, store.VisitInput{Name: "李四", Phone: "13800001111", Purpose: "business", Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	state(v.StatusCode, lang.InBuilding.ZH)
	state(v.StatusCode, lang.InBuilding.ZH)
	if _, err := other.CheckOut(ctx, v.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	state(v.StatusCode, lang.CheckedOutState.ZH)
}
