package sshdesk

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"frontdesk/internal/termio"
	"frontdesk/lang"
	"frontdesk/store"
)

// reason is why the server ended a session; the client is told as it goes.
type reason int

const (
	reasonNone reason = iota
	reasonDeactivated
	reasonIdle
	reasonStopping
	reasonCrashed
)

func (r reason) text(language string) string {
	switch r {
	case reasonDeactivated:
		return lang.YourAccountHasBeenDeactivatedConnection.In(language)
	case reasonIdle:
		return lang.SessionWasIdleTooLongAnd.In(language)
	case reasonStopping:
		return lang.DeskServerIsStoppingConnectionIs.In(language)
	case reasonCrashed:
		return lang.DeskMetInternalErrorAndThis.In(language)
	}
	return ""
}

// attendance is one open SSH desk: who signed in, from where, and how the
// server ends it.
type attendance struct {
	staff  store.Staff
	remote string
	lang   string
	desk   tea.Model
	ctx    context.Context // ends the session's program
	cancel context.CancelFunc

	mu  sync.Mutex
	why reason
}

// end stops the session's desk, saying why.
func (a *attendance) end(r reason) {
	a.setReason(r)
	a.cancel()
}

// setReason keeps the first reason given: the one that ended the session.
func (a *attendance) setReason(r reason) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.why == reasonNone {
		a.why = r
	}
}

func (a *attendance) reason() reason {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.why
}

type attendanceKey struct{}

// attend puts a signed-in session on the roll for its desk's lifetime, so
// the server can end it, and tells the client why it ended when the server
// did. Closing the desk afterwards frees what it holds in the store (its
// event subscription), however the program ended.
func (s *Server) attend(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		staff, err := s.signedIn(sess)
		if err != nil {
			s.log.Warn("ssh session refused", "login", sess.User(), "remote", host(sess.RemoteAddr()), "err", err)
			wish.Fatalln(sess, store.ErrorMessage(err, s.cfg.Lang))
			return
		}
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		a := &attendance{staff: staff, remote: host(sess.RemoteAddr()), ctx: ctx, cancel: cancel,
			lang: clientLang(sess.Environ(), staffLang(staff, s.cfg.Lang))}
		sess.Context().SetValue(attendanceKey{}, a)
		s.track(a)
		defer s.untrack(a)
		s.log.Info("ssh desk opened", "staff", staff.Name, "login", staff.Login, "remote", a.remote, "lang", a.lang)
		next(sess)
		if c, ok := a.desk.(io.Closer); ok {
			c.Close()
		}
		r := a.reason()
		s.log.Info("ssh desk closed", "staff", staff.Name, "remote", a.remote, "ended_by", r.String())
		if r != reasonNone {
			wish.Println(sess, "\r"+r.text(a.lang)+"\r")
			sess.Exit(1)
		}
	}
}

// String names a reason in the log.
func (r reason) String() string {
	return [...]string{"client", "deactivated", "idle", "server stopping", "crash"}[r]
}

// signedIn is the staff member the connection signed in as, looked up
// again: the sign-in recorded their id, and they must still be active.
func (s *Server) signedIn(sess ssh.Session) (store.Staff, error) {
	id := sess.Permissions().Extensions[staffExtension]
	ctx, cancel := context.WithTimeout(sess.Context(), 10*time.Second)
	defer cancel()
	st, err := s.db.StaffByLogin(ctx, sess.User())
	if err != nil {
		return st, err
	}
	if id == "" || fmt.Sprint(st.ID) != id {
		return st, fmt.Errorf("session of %q carries staff id %q, not %d", sess.User(), id, st.ID)
	}
	if !st.Active {
		return st, store.Errorf(store.EFORBIDDEN, lang.YourAccountHasBeenDeactivated)
	}
	return st, nil
}

func (s *Server) track(a *attendance) {
	s.mu.Lock()
	s.sessions[a] = struct{}{}
	s.mu.Unlock()
}

func (s *Server) untrack(a *attendance) {
	s.mu.Lock()
	delete(s.sessions, a)
	s.mu.Unlock()
}

// roll is a copy of the open sessions.
func (s *Server) roll() []*attendance {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*attendance, 0, len(s.sessions))
	for a := range s.sessions {
		out = append(out, a)
	}
	return out
}

func (s *Server) endAll(r reason) {
	for _, a := range s.roll() {
		a.end(r)
	}
}

// staffCheckEvery is how often open sessions are checked against the staff
// list even when no event says it changed.
const staffCheckEvery = 2 * time.Second

// watchStaff ends the sessions of staff members who are deactivated while
// connected: it checks whenever the staff list changes in this process or
// another process writes the file, and every staffCheckEvery besides.
func (s *Server) watchStaff(ctx context.Context) {
	events, unsub := s.db.Subscribe()
	defer unsub()
	tick := time.NewTicker(staffCheckEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-events:
			if !ok {
				return
			}
			if e.Kind != store.KindStaff && e.Kind != store.KindExternal {
				continue
			}
		case <-tick.C:
		}
		s.checkStaff(ctx)
	}
}

// checkStaff ends every session whose staff member is no longer active.
func (s *Server) checkStaff(ctx context.Context) {
	open := s.roll()
	if len(open) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	list, err := s.db.StaffList(ctx)
	if err != nil {
		s.log.Warn("ssh: check staff", "err", err)
		return
	}
	active := map[int64]bool{}
	for _, st := range list {
		active[st.ID] = st.Active
	}
	for _, a := range open {
		if !active[a.staff.ID] && a.reason() == reasonNone {
			s.log.Info("ssh desk ended: staff deactivated", "staff", a.staff.Name, "remote", a.remote)
			a.end(reasonDeactivated)
		}
	}
}

// program builds the session's desk, wrapped in its guard, as a program on
// the session's terminal.
func (s *Server) program(sess ssh.Session) *tea.Program {
	a, _ := sess.Context().Value(attendanceKey{}).(*attendance)
	if a == nil {
		return nil
	}
	a.desk = s.cfg.Desk(Session{Staff: a.staff, Remote: a.remote, Lang: a.lang, Renderer: renderer(sess)})
	g := &guard{desk: a.desk, a: a, s: s, lastInput: time.Now()}
	opts := append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithContext(a.ctx))
	if _, _, ok := sess.Pty(); !ok || sess.EmulatedPty() {
		// The session is the input (no pty is allocated): read it in
		// whole characters, as the local desk reads its terminal.
		opts = append(opts, tea.WithInput(termio.WholeRunes(sess)))
	}
	return tea.NewProgram(g, opts...)
}

// renderer draws for the client's terminal: its colours from the TERM of
// its pty request and the COLORTERM, NO_COLOR and COLORFGBG it sends. It
// never asks the terminal anything: wish's MakeRenderer asks for the
// background colour, and a client that does not answer (Go's ssh package,
// some consoles) would hold the session until its first key press.
func renderer(sess ssh.Session) *lipgloss.Renderer {
	pty, _, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	return lipgloss.NewRenderer(sess, termenv.WithEnvironment(environ(env)), termenv.WithTTY(true), termenv.WithColorCache(true))
}

// environ is a client's environment as termenv reads one.
type environ []string

// Environ returns the whole environment.
func (e environ) Environ() []string { return e }

// Getenv returns one variable.
func (e environ) Getenv(name string) string { return lookup(e, name) }

// guard wraps one session's desk: it ends the session after the idle
// timeout, keeps a panic inside the session it happened in, and times
// frames for the benchmarks.
type guard struct {
	desk tea.Model
	a    *attendance
	s    *Server

	lastInput  time.Time
	warnLeft   time.Duration // time left before the idle end, when it is near
	updateTook time.Duration
}

// idleCheckMsg asks the guard to look at the idle time.
type idleCheckMsg struct{}

// panicMsg carries a panic recovered in a command of the desk.
type panicMsg struct {
	value any
	stack []byte
}

// Init starts the desk and the idle checks.
func (g *guard) Init() tea.Cmd {
	return tea.Batch(g.safe(g.desk.Init()), g.idleTick())
}

// Update notes key presses for the idle timeout and hands every message to
// the desk.
func (g *guard) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	start := time.Now()
	defer func() {
		if v := recover(); v != nil {
			model, cmd = g, g.crash(v, debug.Stack())
		}
	}()
	switch msg := msg.(type) {
	case tea.KeyMsg, tea.MouseMsg:
		g.lastInput, g.warnLeft = start, 0
	case idleCheckMsg:
		return g, g.checkIdle()
	case panicMsg:
		return g, g.crash(msg.value, msg.stack)
	}
	var c tea.Cmd
	g.desk, c = g.desk.Update(msg)
	g.updateTook = time.Since(start)
	return g, g.safe(c)
}

// View is the desk's view, its last line given to the idle warning when the
// end is near.
func (g *guard) View() (view string) {
	start := time.Now()
	defer func() {
		if v := recover(); v != nil {
			g.crash(v, debug.Stack())
			g.a.cancel()
			view = ""
		}
	}()
	view = g.desk.View()
	if g.warnLeft > 0 {
		warn := fmt.Sprintf(lang.NoKeyPressedClosingInS.In(g.a.lang), int(g.warnLeft.Round(time.Second)/time.Second))
		if i := strings.LastIndexByte(view, '\n'); i >= 0 {
			view = view[:i+1] + warn
		} else {
			view = warn
		}
	}
	if g.s.cfg.Frame != nil {
		g.s.cfg.Frame(g.updateTook + time.Since(start))
	}
	return view
}

// idleLimit is the idle timeout now in force; 0 is none.
func (g *guard) idleLimit() time.Duration {
	if g.s.cfg.IdleTimeout == nil {
		return 0
	}
	return max(g.s.cfg.IdleTimeout(), 0)
}

// idleTick schedules the next idle check: every 5 s, more often for a short
// timeout, so the end comes close to when it is due.
func (g *guard) idleTick() tea.Cmd {
	every := 5 * time.Second
	if l := g.idleLimit(); l > 0 {
		every = min(every, max(l/10, 100*time.Millisecond))
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return idleCheckMsg{} })
}

// idleWarning is how long before the end the warning shows.
const idleWarning = time.Minute

func (g *guard) checkIdle() tea.Cmd {
	limit := g.idleLimit()
	if limit <= 0 {
		g.warnLeft = 0
		return g.idleTick()
	}
	left := limit - time.Since(g.lastInput)
	if left <= 0 {
		g.s.log.Info("ssh desk idle", "staff", g.a.staff.Name, "remote", g.a.remote, "limit", limit)
		g.a.setReason(reasonIdle)
		return tea.Quit
	}
	g.warnLeft = 0
	if left <= min(idleWarning, limit/2) {
		g.warnLeft = left
	}
	return g.idleTick()
}

// crash logs a panic of this session's desk and ends this session only.
func (g *guard) crash(v any, stack []byte) tea.Cmd {
	g.s.log.Error("ssh desk panicked", "staff", g.a.staff.Name, "remote", g.a.remote, "panic", fmt.Sprint(v), "stack", string(stack))
	g.a.setReason(reasonCrashed)
	return tea.Quit
}

// safe wraps a command of the desk so a panic in it comes back as a
// panicMsg for this session instead of reaching Bubble Tea, which would
// print it on the server's own terminal. Batches are wrapped command by
// command.
func (g *guard) safe(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if v := recover(); v != nil {
				msg = panicMsg{v, debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = g.safe(c)
			}
			return wrapped
		}
		return msg
	}
}
