package kiosk

import (
	"fmt"
	"net/http"
	"runtime/debug"

	"frontdesk/lang"
)

// recoverPanics answers a handler's panic with the internal-error page,
// rendered when the server was made (rendering it then cannot fail the way
// the panicking request did), and logs the panic with its stack. The process
// and every other request go on. http.ErrAbortHandler passes through: it is
// how a handler asks to drop the connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("kiosk handler panicked", "method", r.Method, "path", r.URL.Path,
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			writeHTML(w, http.StatusInternalServerError, s.panicPage)
		}()
		next.ServeHTTP(w, r)
	})
}

// renderPanicPage renders the page a panic is answered with.
func (s *Server) renderPanicPage() ([]byte, error) {
	p := errorPage{page: s.page(s.tr(lang.SomethingWentWrong)), Message: s.tr(lang.KioskInternalError),
		Status: http.StatusInternalServerError}
	return s.execute("error.html", p)
}
