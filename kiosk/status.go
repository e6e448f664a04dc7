package kiosk

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/skip2/go-qrcode"

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
	StatusURL string // the private status link, absolute, as its QR code says
	Code      string
	What      string
	Note      string
	Warning   string // an overlap with another pending booking
	DraftKind string // the form whose draft the phone may now forget
}

func (s *Server) handleReceipt(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	rec, err := s.lookup(r.Context(), code)
	if err != nil {
		return err
	}
	p := receiptPage{page: s.page(s.text("提交成功", "Submitted")), StatusURL: s.statusURL(code), Code: code}
	switch {
	case rec.Request != nil:
		p.NoLabel, p.DraftKind = s.text("受理编号", "Receipt number"), "request"
		p.ReceiptNo, p.What = rec.Request.ReceiptNo, s.text("您的诉求已提交，工作人员会尽快受理。", "Your request is in; the staff will take it up soon.")
		p.Note = s.text("承诺办结日期：", "Promised by: ") + rec.Request.PromisedBy.String()
	case rec.Booking != nil:
		p.NoLabel, p.DraftKind = s.text("预约编号", "Booking number"), "booking"
		p.ReceiptNo, p.What = rec.Booking.ReceiptNo, s.text("您的场地预约已提交，等待工作人员审核。", "Your booking request is in and waits for the desk's approval.")
		p.Note = s.text("审核结果请在状态页查看；活动当天凭此编号核销。", "See the outcome on the status page; show this number when your group arrives.")
		over, err := s.db.PendingOverlaps(r.Context(), *rec.Booking)
		if err != nil {
			return err
		}
		if len(over) > 0 {
			p.Warning = s.text(fmt.Sprintf("请注意：这个时段还有 %d 个待审核的预约，工作人员只能通过其中一个，请留意审核结果。", len(over)),
				fmt.Sprintf("Note: %d other pending request(s) ask for this time; the desk can approve only one, so watch for the outcome.", len(over)))
		}
	case rec.Visit != nil:
		p.NoLabel, p.DraftKind = s.text("登记编号", "Check-in number"), "checkin"
		p.ReceiptNo, p.What = rec.Visit.ReceiptNo, s.text("登记成功，欢迎来访！", "You are checked in. Welcome!")
		p.Note = s.text("离开时请在状态页点击“签退”。", "When you leave, press “Check out” on the status page.")
	}
	s.render(w, http.StatusOK, "receipt.html", p)
	return nil
}

// statusURL is the absolute private status link of a code.
func (s *Server) statusURL(code string) string { return s.PublicURL() + "/s/" + code }

// handleReceiptQR serves the QR code of a record's private status link, so a
// screenshot of the receipt leads back to it (识别图中二维码).
func (s *Server) handleReceiptQR(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := s.lookup(r.Context(), code); err != nil {
		return err
	}
	b, err := qrcode.Encode(s.statusURL(code), qrcode.Medium, receiptQRSize)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "private, no-store") // the code is the key to a record
	h.Set("Content-Length", itoa(len(b)))
	w.Write(b)
	return nil
}

// receiptQRSize is the side of a receipt's QR image in pixels: shown at
// 200 CSS pixels, sharp on a phone's screen.
const receiptQRSize = 400

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
	Next      string // what happens next, in the visitor's words
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
		p.Next = s.next(requestNext, q.Status)
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
		p.Next = s.next(bookingNext, b.Status)
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
		p.Next = s.text("离开时请点下面的“签退离开”，工作人员据此统计在馆人数和服务时长。", "When you leave, press “Check out” below: the desk counts who is in and the hours served.")
		if !v.Open() {
			p.Next = s.text("您已签退，感谢来访。", "You have checked out. Thank you for visiting.")
		}
	}
	return p, nil
}

// requestNext and bookingNext say what happens next to a record in each
// status, in Chinese and English.
var (
	requestNext = map[string][2]string{
		store.StatusNew:         {"工作人员会尽快受理，受理后会在这里显示承办人。", "The desk will take it up soon; who handles it will show here."},
		store.StatusAccepted:    {"正在办理中，办结后会在这里显示结果，并请您评价。", "It is being handled; the outcome will show here, and you will be asked to rate it."},
		store.StatusInProgress:  {"正在办理中，办结后会在这里显示结果，并请您评价。", "It is being handled; the outcome will show here, and you will be asked to rate it."},
		store.StatusTransferred: {"已转交相关部门办理，办结后会在这里显示结果。", "It went to the department that handles it; the outcome will show here."},
		store.StatusResolved:    {"已经办结，请在下面评价我们的服务。", "It is resolved; please rate our service below."},
		store.StatusClosed:      {"已办结并收到您的评价，谢谢！", "Resolved and rated. Thank you!"},
		store.StatusRejected:    {"这项诉求不予受理，理由见上。如有疑问请联系中心。", "This request was not taken up; the reason is above. Ask the center if anything is unclear."},
	}
	bookingNext = map[string][2]string{
		store.BookingPending:   {"等待工作人员审核，审核结果会在这里显示。不需要了可以取消。", "The desk will review it; the outcome will show here. You may cancel it if you no longer need it."},
		store.BookingApproved:  {"预约已确认。活动当天请到前台出示预约编号核销。", "Approved. On the day, show the booking number at the desk when your group arrives."},
		store.BookingRejected:  {"预约未通过，可换个时段重新预约。", "Not approved; you may ask for another time."},
		store.BookingCancelled: {"预约已取消。", "The booking is cancelled."},
		store.BookingNoShow:    {"活动开始 30 分钟后未到场，预约已释放。", "Nobody arrived within 30 minutes of the start, so the room was freed."},
	}
)

// next picks the next step of status from steps, in the server's language.
func (s *Server) next(steps map[string][2]string, status string) string {
	t := steps[status]
	return s.text(t[0], t[1])
}

// afterAction answers a status-page button: back to the status page on
// success, or the page again with the store's message.
func (s *Server) afterAction(w http.ResponseWriter, r *http.Request, code string, err error) error {
	if err == nil {
		s.limiter.spend(s.clientAddr(r))
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
	return s.act(w, r, "", func(code string) error {
		_, err := s.db.RateByCode(r.Context(), code, r.PostForm.Get("satisfaction"), r.PostForm.Get("comment"))
		return err
	})
}

func (s *Server) submitCancel(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "cancel", func(code string) error {
		_, err := s.db.CancelBookingByCode(r.Context(), code)
		return err
	})
}

func (s *Server) submitCheckout(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "checkout", func(code string) error {
		_, err := s.db.CheckOutByCode(r.Context(), code)
		return err
	})
}

// act runs one of the visitor's own actions from a status page. An action
// named by confirm takes two steps: a post without the answer to its
// question shows the question. Only what the store accepted counts against
// the rate limit.
func (s *Server) act(w http.ResponseWriter, r *http.Request, confirm string, do func(code string) error) error {
	code := r.PathValue("code")
	if !store.ValidStatusCode(code) {
		return errNoRecord
	}
	if confirm != "" && r.PostForm.Get("confirm") != "yes" {
		return s.confirm(w, r, confirm)
	}
	if err := s.limited(r); err != nil {
		return err
	}
	return s.afterAction(w, r, code, do(code))
}

// confirmPage is the data of confirm.html: the second step of an action
// that cannot be undone.
type confirmPage struct {
	page
	Code, ReceiptNo, Question, Detail, Action, Button string
}

// confirmCancel and confirmCheckout ask before the action is done.
func (s *Server) confirmCancel(w http.ResponseWriter, r *http.Request) error {
	return s.confirm(w, r, "cancel")
}

func (s *Server) confirmCheckout(w http.ResponseWriter, r *http.Request) error {
	return s.confirm(w, r, "checkout")
}

func (s *Server) confirm(w http.ResponseWriter, r *http.Request, action string) error {
	code := r.PathValue("code")
	rec, err := s.lookup(r.Context(), code)
	if err != nil {
		return err
	}
	p := confirmPage{page: s.page(s.text("请确认", "Please confirm")), Code: code, Action: "/s/" + code + "/" + action}
	loc := s.db.Location()
	switch {
	case action == "cancel" && rec.Booking != nil:
		b := rec.Booking
		p.ReceiptNo = b.ReceiptNo
		p.Question = s.text("确定要取消这项预约吗？", "Cancel this booking?")
		p.Detail = b.VenueName + " · " + b.Start.In(loc).Format("2006-01-02 15:04") + "–" + b.End.In(loc).Format("15:04") + " · " + b.Title +
			s.text("。取消后不能恢复，需要时请重新预约。", ". This cannot be undone; book again if you need the room.")
		p.Button = s.text("确认取消预约", "Yes, cancel the booking")
	case action == "checkout" && rec.Visit != nil:
		p.ReceiptNo = rec.Visit.ReceiptNo
		p.Question = s.text("确定现在签退离开吗？", "Check out now?")
		p.Detail = s.text("签退后本次来访结束，签退时间记为现在。", "Your visit ends and the time is recorded as now.")
		p.Button = s.text("确认签退", "Yes, check out")
	default:
		return errNoRecord
	}
	s.render(w, http.StatusOK, "confirm.html", p)
	return nil
}
