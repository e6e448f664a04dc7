package tui

import (
	"context"
	"strings"
	"testing"

	"frontdesk/store"
)

func TestRequestCreate(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3", "n")
	d.typ("李四")
	d.key("tab")
	d.typ("139")
	d.wantView("电话号码格式不对")
	d.typ("00001111")
	d.key("tab")
	d.typ("幸福社区")
	d.key("tab", "right", "tab", "right", "tab") // 社保医保, 紧急
	d.key("enter")
	d.wantView("诉求内容", "李四", "13900001111")
	if rs, _ := db.Requests(context.Background(), store.RequestFilter{}); len(rs) != 0 {
		t.Fatalf("saved without a description: %+v", rs)
	}
	d.typ("医保报销")
	d.key("enter")
	rs, err := db.Requests(context.Background(), store.RequestFilter{})
	if err != nil || len(rs) != 1 {
		t.Fatalf("requests = %+v, %v", rs, err)
	}
	r := rs[0]
	if r.Category != "social_security" || r.Urgency != "urgent" || r.CreatedBy != "王芳" || r.Status != store.StatusNew {
		t.Fatalf("request = %+v", r)
	}
	d.wantView(r.ReceiptNo, "待受理")
}

// openRequest moves the cursor to the request with receipt no and opens it.
func openRequest(t *testing.T, d *driver, no string) {
	t.Helper()
	for i, r := range d.requests().list {
		if r.ReceiptNo == no {
			d.edit(func(t tab) tab { r := t.(requestsTab); r.table.cursor = i; return r })
			d.key("enter")
			d.wantView(no, "办理记录")
			return
		}
	}
	t.Fatalf("%s not in the list", no)
}

func TestRequestWorkflow(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3")
	openRequest(t, d, s.fresh.ReceiptNo)
	d.wantView("a 受理", "z 转办", "x 不予受理")
	d.dontWantView("d 办结", "f 回访")
	// A key the workflow does not allow here does nothing.
	d.key("d")
	if r, _ := db.Request(ctx, s.fresh.ID); r.Status != store.StatusNew {
		t.Fatalf("d moved a new request to %s", r.Status)
	}
	d.key("a")
	if r, _ := db.Request(ctx, s.fresh.ID); r.Status != store.StatusAccepted || r.Owner != "王芳" {
		t.Fatalf("after a: %+v", r)
	}
	d.key("g")
	d.typ("已联系医保局")
	d.key("enter")
	if r, _ := db.Request(ctx, s.fresh.ID); r.Status != store.StatusInProgress {
		t.Fatalf("after s: %s", r.Status)
	}
	d.key("d", "enter") // no resolution: refused beside the field
	d.wantView("办理结果")
	if r, _ := db.Request(ctx, s.fresh.ID); r.Status != store.StatusInProgress {
		t.Fatalf("resolved without a note: %s", r.Status)
	}
	if d.requests().form.fields[0].err == "" {
		t.Fatal("no error beside the resolution")
	}
	d.typ("材料已齐，报销完成")
	d.key("enter")
	d.key("f", "right", "tab")
	d.typ("办得快")
	d.key("enter")
	r, _ := db.Request(ctx, s.fresh.ID)
	if r.Status != store.StatusClosed || r.Satisfaction != "basic" || r.SatisfactionComment != "办得快" {
		t.Fatalf("after the callback: %+v", r)
	}
	d.wantView("已回访", "材料已齐，报销完成", "可办理：E 更正  X 作废")
	evs, _ := db.RequestEvents(ctx, s.fresh.ID)
	if len(evs) != 5 {
		t.Fatalf("%d events, want 5", len(evs))
	}
}

func TestRequestTransferAndReject(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3")
	openRequest(t, d, s.fresh.ReceiptNo)
	d.key("z")
	d.typ("街道社保所")
	d.key("enter")
	if r, _ := db.Request(ctx, s.fresh.ID); r.Status != store.StatusTransferred || r.TransferredTo != "街道社保所" {
		t.Fatalf("after t: %+v", r)
	}
	d.key("esc")
	openRequest(t, d, s.kioskReq.ReceiptNo)
	d.key("x")
	d.typ("不属于本中心职责")
	d.key("enter")
	if r, _ := db.Request(ctx, s.kioskReq.ID); r.Status != store.StatusRejected || r.RejectReason != "不属于本中心职责" {
		t.Fatalf("after x: %+v", r)
	}
}

func TestRequestFilters(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3")
	if n := len(d.requests().list); n != 4 {
		t.Fatalf("%d requests, want 4", n)
	}
	d.wantView("超期") // the overdue row stands out with its mark
	d.key("!")
	if n := len(d.requests().list); n != 1 || d.requests().list[0].ID != s.overdue.ID {
		t.Fatalf("overdue filter: %+v", d.requests().list)
	}
	d.key("!", "s") // status: 待受理
	for _, r := range d.requests().list {
		if r.Status != store.StatusNew {
			t.Fatalf("status filter new shows %s", r.Status)
		}
	}
	if len(d.requests().list) != 2 {
		t.Fatalf("%d new requests, want 2", len(d.requests().list))
	}
	d.key("S", "S") // back through 全部 to the last status, and on round
	if d.requests().status != len(store.RequestStatuses)-1 {
		t.Fatalf("S twice from the first status: filter %d, want the last", d.requests().status)
	}
	d.key("s")
	d.key("v", "v", "v", "v", "v", "v") // 环境卫生
	if len(d.requests().list) != 1 || d.requests().list[0].Category != "environment" {
		t.Fatalf("category filter: %+v", d.requests().list)
	}
	for range store.Categories {
		d.key("v")
	}
	d.key("b")
	if len(d.requests().list) != 1 || d.requests().list[0].ID != s.callback.ID {
		t.Fatalf("callback list: %+v", d.requests().list)
	}
	d.wantView("回访清单", "13600002222")
	d.key("b", "/")
	d.typ("电梯")
	d.key("enter")
	if len(d.requests().list) != 1 || d.requests().list[0].ID != s.overdue.ID {
		t.Fatalf("search 电梯: %+v", d.requests().list)
	}
	if !strings.Contains(d.view(), "/电梯") {
		t.Fatalf("the search is not shown:\n%s", d.view())
	}
}

func TestRequestPromisedBy(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3", "n")
	d.typ("李四")
	d.key("tab")
	d.typ("13900001111")
	d.key("tab", "tab", "tab", "tab")
	d.typ("咨询")
	d.key("tab", "tab")
	d.typ("2026-3-20")
	d.key("enter")
	if f := d.requests().form; f.fields[f.index("promised_by")].err == "" {
		t.Fatalf("no error beside a malformed day:\n%s", d.view())
	}
	for range "2026-3-20" {
		d.key("backspace")
	}
	d.typ("2026-03-20")
	d.key("enter")
	rs, _ := db.Requests(context.Background(), store.RequestFilter{})
	if len(rs) != 1 || rs[0].PromisedBy.String() != "2026-03-20" {
		t.Fatalf("requests = %+v", rs)
	}
}
