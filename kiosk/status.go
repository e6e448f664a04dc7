package kiosk

import (
	"context"
	"net/http"
	"strconv"

	"frontdesk/store"
)

// record is whatever a private status code belongs to: a request, a booking
// or a visit.
type record struct {
	Request *store.Request
	Booking *store.Booking
	Visit   *store.Visit
}

// lookup finds the record of a status code; codes are unique per table and
// 120 random bits, so the three lookups cannot find two records.
func (s *Server) lookup(ctx context.Context, code string) (record, error) {
	if !store.ValidStatusCode(code) {
		return record{}, errNoRecord
	}
	if r, err := s.db.RequestByCode(ctx, code); err == nil {
		return record{Request: &r}, nil
	} else if store.ErrorCode(err) != store.ENOTFOUND {
		return record{}, err
	}
	if b, err := s.db.BookingByCode(ctx, code); err == nil {
		return record{Booking: &b}, nil
	} else if store.ErrorCode(err) != store.ENOTFOUND {
		return record{}, err
	}
	if v, err := s.db.VisitByCode(ctx, code); err == nil {
		return record{Visit: &v}, nil
	} else if store.ErrorCode(err) != store.ENOTFOUND {
		return record{}, err
	}
	return record{}, errNoRecord
}

// receiptPage is the data of receipt.html.
type receiptPage struct {
	page
	ReceiptNo string
	NoLabel   string // what the number is called for this kind of record
	StatusURL string
	What      string
	Note      string
}

func (s *Server) handleReceipt(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	rec, err := s.lookup(r.Context(), code)
	if err != nil {
		return err
	}
	p := receiptPage{page: s.page(s.text("提交成功", "Submitted")), StatusURL: "/s/" + code}
	switch {
	case rec.Request != nil:
		p.NoLabel = s.text("受理编号", "Receipt number")
		p.ReceiptNo, p.What = rec.Request.ReceiptNo, s.text("您的诉求已提交，工作人员会尽快受理。", "Your request is in; the staff will take it up soon.")
		p.Note = s.text("承诺办结日期：", "Promised by: ") + rec.Request.PromisedBy.String()
	case rec.Booking != nil:
		p.NoLabel = s.text("预约编号", "Booking number")
		p.ReceiptNo, p.What = rec.Booking.ReceiptNo, s.text("您的场地预约已提交，等待工作人员审核。", "Your booking request is in and waits for the desk's approval.")
		p.Note = s.text("审核结果请在状态页查看；活动当天凭此编号核销。", "See the outcome on the status page; show this number when your group arrives.")
	case rec.Visit != nil:
		p.NoLabel = s.text("登记编号", "Check-in number")
		p.ReceiptNo, p.What = rec.Visit.ReceiptNo, s.text("登记成功，欢迎来访！", "You are checked in. Welcome!")
		p.Note = s.text("离开时请在状态页点击“签退”。", "When you leave, press “Check out” on the status page.")
	}
	s.render(w, http.StatusOK, "receipt.html", p)
	return nil
}

// statusPage is the data of status.html; one of its three parts is set.
type statusPage struct {
	page
	Code      string
	ReceiptNo string
	State     string
	StateCode string
	Facts     []fact
	History   []historyRow
	Error     string
	// CanRate asks for satisfaction; CanCancel and CanCheckOut offer their buttons.
	CanRate, CanCancel, CanCheckOut bool
	Satisfactions                   []option
	Comment                         string
}

// fact is one labelled line of a record.
type fact struct{ Label, Value string }

// historyRow is one change of a request's status.
type historyRow struct{ At, State, Note string }

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) error {
	p, err := s.statusPage(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "status.html", p)
	return nil
}

func (s *Server) statusPage(ctx context.Context, code string) (statusPage, error) {
	rec, err := s.lookup(ctx, code)
	if err != nil {
		return statusPage{}, err
	}
	lang := s.cfg.Lang
	loc := s.db.Location()
	p := statusPage{page: s.page(s.text("办理进度", "Status")), Code: code}
	switch {
	case rec.Request != nil:
		q := rec.Request
		p.ReceiptNo, p.StateCode = q.ReceiptNo, q.Status
		p.State = store.LabelOf(store.RequestStatuses, q.Status).Text(lang)
		p.Facts = []fact{
			{s.text("诉求类别", "Category"), store.LabelOf(store.Categories, q.Category).Text(lang)},
			{s.text("紧急程度", "Urgency"), store.LabelOf(store.Urgencies, q.Urgency).Text(lang)},
			{s.text("诉求内容", "Description"), q.Description},
			{s.text("提交时间", "Submitted"), q.CreatedAt.In(loc).Format("2006-01-02 15:04")},
			{s.text("承诺办结", "Promised by"), q.PromisedBy.String()},
		}
		if q.Owner != "" {
			p.Facts = append(p.Facts, fact{s.text("承办", "Handled by"), q.Owner})
		}
		if q.Resolution != "" {
			p.Facts = append(p.Facts, fact{s.text("办理结果", "Resolution"), q.Resolution})
		}
		if q.RejectReason != "" {
			p.Facts = append(p.Facts, fact{s.text("不予受理理由", "Reason"), q.RejectReason})
		}
		if q.Satisfaction != "" {
			p.Facts = append(p.Facts, fact{s.text("您的评价", "Your rating"), store.LabelOf(store.Satisfactions, q.Satisfaction).Text(lang)})
		}
		events, err := s.db.RequestEvents(ctx, q.ID)
		if err != nil {
			return p, err
		}
		for _, e := range events {
			p.History = append(p.History, historyRow{
				At:    e.At.In(loc).Format("01-02 15:04"),
				State: store.LabelOf(store.RequestStatuses, e.To).Text(lang),
				Note:  e.Note,
			})
		}
		p.CanRate = q.Status == store.StatusResolved
		p.Satisfactions = labelOptions(store.Satisfactions, lang, "")
	case rec.Booking != nil:
		b := rec.Booking
		p.ReceiptNo, p.StateCode = b.ReceiptNo, b.Status
		p.State = store.LabelOf(store.BookingStatuses, b.Status).Text(lang)
		p.Facts = []fact{
			{s.text("场地", "Venue"), b.VenueName},
			{s.text("时间", "Time"), b.Start.In(loc).Format("2006-01-02 15:04") + "–" + b.End.In(loc).Format("15:04")},
			{s.text("活动主题", "Title"), b.Title},
			{s.text("活动类型", "Purpose"), store.LabelOf(store.BookingPurposes, b.Purpose).Text(lang)},
			{s.text("预约单位", "Organisation"), b.Org},
			{s.text("参加人数", "Attendees"), strconv.Itoa(b.Attendees)},
		}
		if b.Reason != "" {
			p.Facts = append(p.Facts, fact{s.text("说明", "Reason"), b.Reason})
		}
		if !b.ArrivedAt.IsZero() {
			p.Facts = append(p.Facts, fact{s.text("到场核销", "Arrived"), b.ArrivedAt.In(loc).Format("15:04")})
		}
		p.CanCancel = store.CanMoveBooking(b.Status, store.BookingCancelled) && b.End.After(s.db.Now())
	case rec.Visit != nil:
		v := rec.Visit
		p.ReceiptNo = v.ReceiptNo
		p.StateCode = "in"
		p.State = s.text("在馆", "In the building")
		if !v.Open() {
			p.StateCode, p.State = "out", s.text("已签退", "Checked out")
		}
		p.Facts = []fact{
			{s.text("姓名", "Name"), v.Name},
			{s.text("来访事由", "Purpose"), store.LabelOf(store.Purposes, v.Purpose).Text(lang)},
			{s.text("人数", "Headcount"), strconv.Itoa(v.Headcount)},
			{s.text("签到时间", "Checked in"), v.CheckedInAt.In(loc).Format("2006-01-02 15:04")},
		}
		if !v.Open() {
			p.Facts = append(p.Facts, fact{s.text("签退时间", "Checked out"), v.CheckedOutAt.In(loc).Format("2006-01-02 15:04")})
		}
		p.CanCheckOut = v.Open()
	}
	return p, nil
}

// afterAction answers a status-page button: back to the status page on
// success, or the page again with the store's message.
func (s *Server) afterAction(w http.ResponseWriter, r *http.Request, code string, err error) error {
	if err == nil {
		http.Redirect(w, r, "/s/"+code, http.StatusSeeOther)
		return nil
	}
	status := statusOf(err)
	if status >= 500 {
		return err
	}
	p, perr := s.statusPage(r.Context(), code)
	if perr != nil {
		return perr
	}
	p.Error = store.ErrorMessage(err, s.cfg.Lang)
	p.Comment = r.PostForm.Get("comment")
	s.render(w, status, "status.html", p)
	return nil
}

func (s *Server) submitRating(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if !store.ValidStatusCode(code) {
		return errNoRecord
	}
	_, err := s.db.RateByCode(r.Context(), code, r.PostForm.Get("satisfaction"), r.PostForm.Get("comment"))
	return s.afterAction(w, r, code, err)
}

func (s *Server) submitCancel(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if !store.ValidStatusCode(code) {
		return errNoRecord
	}
	_, err := s.db.CancelBookingByCode(r.Context(), code)
	return s.afterAction(w, r, code, err)
}

func (s *Server) submitCheckout(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if !store.ValidStatusCode(code) {
		return errNoRecord
	}
	_, err := s.db.CheckOutByCode(r.Context(), code)
	return s.afterAction(w, r, code, err)
}
