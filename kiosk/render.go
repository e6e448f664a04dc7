package kiosk

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"frontdesk/lang"
)

//go:embed templates static
var files embed.FS

// pages holds every page template, each the base layout plus its page,
// parsed once at start-up.
type pages struct {
	byName map[string]*template.Template
}

func parsePages() (*pages, error) {
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, n := range names {
		name := path.Base(n)
		if name == "base.html" {
			continue
		}
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(files, "templates/base.html", n)
		if err != nil {
			return nil, fmt.Errorf("kiosk: parse %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

var templateFuncs = template.FuncMap{
	"static": staticURL,
}

// staticVersions holds a short hash of each static file, so its URL changes
// when the file does and browsers may cache it for long.
var staticVersions = func() map[string]string {
	out := map[string]string{}
	fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	return out
}()

// staticURL is the versioned URL of a static file.
func staticURL(name string) string {
	return "/static/" + name + "?v=" + staticVersions[name]
}

// staticFiles serves the embedded CSS, scripts and icons; a file that is
// not there gets the kiosk's own 404 page.
func (s *Server) staticFiles() http.Handler {
	sub, _ := fs.Sub(files, "static")
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Path
		if st, err := fs.Stat(sub, name); name == "" || err != nil || st.IsDir() {
			s.fail(w, r, errNotFound) // no directory listings either
			return
		}
		// Pages link static files by content hash (staticURL), so a
		// browser may keep them; a new version has a new URL.
		w.Header().Set("Cache-Control", "public, max-age=86400")
		fsrv.ServeHTTP(w, r)
	})
}

// page is what every page's data carries: the language, the title, the
// center's name and phone.
type page struct {
	Lang   string
	Title  string
	Center string
	Phone  string // the center's phone for visitors, "" if not set
}

// T picks the text for the page's language.
func (p page) T(zh, en string) string { return lang.Text{ZH: zh, EN: en}.In(p.Lang) }

// HTMLLang is the page's lang attribute.
func (p page) HTMLLang() string {
	if lang.Code(p.Lang) == lang.EN {
		return lang.EN
	}
	return "zh-CN"
}

func (s *Server) page(title string) page {
	set := s.db.Settings()
	return page{Lang: s.cfg.Lang, Title: title, Center: set.CenterName, Phone: set.Phone}
}

// tr gives t in the kiosk's language.
func (s *Server) tr(t lang.Text) string { return t.In(s.cfg.Lang) }

// seeOther answers a form posted and done with 303 See Other to path, a
// path of our own (its codes are URL-safe), so the phone fetches that page
// next. What http.Redirect does besides (resolving a relative target,
// escaping, a body for GET) is not needed for a form's answer.
func seeOther(w http.ResponseWriter, path string) {
	w.Header()["Location"] = []string{path}
	w.WriteHeader(http.StatusSeeOther)
}

// render executes a page into a buffer first, so a template error never
// sends half a page, then writes it with status.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	b, err := s.execute(name, data)
	if err != nil {
		s.log.Error("kiosk: render", "name", name, "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, s.tr(lang.KioskInternalError))
		return
	}
	if status == http.StatusServiceUnavailable && w.Header().Get("Retry-After") == "" {
		// Busy, full or closing: a phone may try again on its own.
		w.Header().Set("Retry-After", RetryAfter)
	}
	writeHTML(w, status, b)
}

// RetryAfter is the Retry-After, in seconds, of every 503 page.
const RetryAfter = "10"

// execute renders a page to bytes.
func (s *Server) execute(name string, data any) ([]byte, error) {
	t, ok := s.pages.byName[name]
	if !ok {
		return nil, fmt.Errorf("no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeHTML sends a rendered page.
func writeHTML(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", fmt.Sprint(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}
