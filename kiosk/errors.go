package kiosk

import (
	"errors"
	"net/http"

	"frontdesk/store"
)

// pageError is a failure the kiosk itself detects, with the status it
// answers and what the visitor reads.
type pageError struct {
	Status int
	ZH, EN string
}

func (e *pageError) Error() string { return e.EN }

var (
	errNotFound  = &pageError{http.StatusNotFound, "没有找到这个页面，请检查链接是否完整。", "This page does not exist; check that the link is complete."}
	errMethod    = &pageError{http.StatusMethodNotAllowed, "不支持这种请求方式。", "This kind of request is not supported."}
	errNoRecord  = &pageError{http.StatusNotFound, "没有找到这条记录，请检查链接是否完整，或到前台查询。", "No record matches this link; check that it is complete, or ask at the desk."}
	errRescan    = &pageError{http.StatusForbidden, "二维码已过期或无效，请重新扫描大厅屏幕上的二维码。", "This code has expired or is not valid; please scan the code on the lobby screen again."}
	errCrossSite = &pageError{http.StatusForbidden, "请求来自其他网站，已被拒绝。请直接在本页面填写提交。", "The request came from another site and was refused; please submit the form on this site."}
	errTooLarge  = &pageError{http.StatusRequestEntityTooLarge, "提交的内容太长了，请精简后再提交。", "What you sent is too long; please shorten it and try again."}
	errBadForm   = &pageError{http.StatusBadRequest, "表单内容无法识别，请重新填写。", "The form could not be read; please fill it in again."}
	errTooMany   = &pageError{http.StatusTooManyRequests, "提交太频繁了，请稍等一分钟后再试。", "Too many submissions from this device; please wait a minute and try again."}
	errLookups   = &pageError{http.StatusTooManyRequests, "查询太频繁了，请稍等一分钟后再试。", "Too many look-ups from this device; please wait a minute and try again."}
	errStaffOnly = &pageError{http.StatusForbidden, "此页面仅供中心工作人员使用。", "This page is for the center's staff only."}
	errNotSetUp  = &pageError{http.StatusServiceUnavailable, "服务中心尚未完成设置，请联系前台工作人员。", "The center is not set up yet; please ask the desk."}
	errBusy      = &pageError{http.StatusServiceUnavailable, "服务繁忙，请稍后再试。", "The kiosk is busy; please try again shortly."}

	errTooManyStreams = &pageError{http.StatusTooManyRequests, "此设备打开的大厅屏幕太多了，请关闭一些后再试。", "This device has too many lobby screens open; close some and try again."}
)

// statusOf maps an error to the HTTP status it answers: the kiosk's own
// errors carry theirs, a too-large body is 413, and store errors go by code.
func statusOf(err error) int {
	var pe *pageError
	if errors.As(err, &pe) {
		return pe.Status
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	switch store.ErrorCode(err) {
	case store.EINVALID:
		return http.StatusUnprocessableEntity
	case store.ENOTFOUND:
		return http.StatusNotFound
	case store.ECONFLICT:
		return http.StatusConflict
	case store.EBUSY, store.EFULL, store.EREADONLY, store.ECORRUPT:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// messageOf is what the visitor reads about err, in lang.
func messageOf(err error, lang string) string {
	var pe *pageError
	if errors.As(err, &pe) {
		if lang == "en" {
			return pe.EN
		}
		return pe.ZH
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return messageOf(errTooLarge, lang)
	}
	return store.ErrorMessage(err, lang)
}

// handlerFunc is a kiosk handler: it writes a page, or returns the error
// that handle turns into one.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc, answering its error with the right status and
// a friendly page; only internal errors are logged.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// submit is handle for a form submission: the form parsed within the body
// limit. Each handler applies the rate limit itself, since only what the
// store accepts counts against it.
func (s *Server) submit(h handlerFunc) http.HandlerFunc {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return errTooLarge
			}
			return errBadForm
		}
		return h(w, r)
	})
}

// limited refuses a submission from an address that has used up its
// submissions with errTooMany, logging the first refusal of each minute.
func (s *Server) limited(r *http.Request) error {
	blocked, log := s.limiter.blocked(s.clientAddr(r))
	if log {
		s.log.Warn("rate limited", "addr", s.clientAddr(r), "path", r.URL.Path)
	}
	if blocked {
		return errTooMany
	}
	return nil
}

// fail answers err with its status and the error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		s.log.Error("kiosk request", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	title := s.text("出错了", "Something went wrong")
	switch status {
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", "60")
		title = s.text("请稍后再试", "Please wait a moment")
	case http.StatusNotFound:
		title = s.text("没有找到", "Not found")
	case http.StatusRequestEntityTooLarge:
		title = s.text("内容太长了", "Too long")
	case http.StatusServiceUnavailable:
		title = s.text("暂时无法办理", "Not available just now")
	case http.StatusForbidden:
		title = s.text("无法打开", "Not allowed")
	}
	p := errorPage{page: s.page(title), Message: messageOf(err, s.cfg.Lang), Status: status}
	if status == http.StatusForbidden && errors.Is(err, errRescan) {
		p.Title = s.text("请重新扫码", "Please scan again")
		p.Rescan = true
	}
	// What was sent can be sent again from the page before it, where the
	// browser keeps what was typed.
	p.Back = r.Method == http.MethodPost
	s.render(w, status, "error.html", p)
}

// errorPage is the data of error.html.
type errorPage struct {
	page
	Message string
	Status  int
	Rescan  bool
	Back    bool // the page answers a submission: say the form is one step back
}
