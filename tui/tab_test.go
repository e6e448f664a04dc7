package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"frontdesk/lang"
	"frontdesk/store"
)

// noteTab is a tab a test adds with one line, as tab.go says a new tab is
// added: it keeps "note" records and remembers what the root gave it.
type noteTab struct {
	env           *env
	width, height int
	opened        int64
	keysSeen      int
}

func newNoteTab(e *env) tab { return noteTab{env: e} }

func (m noteTab) title() lang.Text       { return lang.Text{ZH: "便签", EN: "Notes"} }
func (m noteTab) keeps(kind string) bool { return kind == "note" }
func (m noteTab) load() tea.Cmd          { return nil }
func (m noteTab) capturing() bool        { return false }
func (m noteTab) dirty() bool            { return false }
func (m noteTab) SetSize(w, h int) tab   { m.width, m.height = w, h; return m }
func (m noteTab) ShortHelp() []key.Binding {
	return []key.Binding{m.env.keys.New}
}
func (m noteTab) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
func (m noteTab) View() string {
	return fmt.Sprintf("note %d, %dx%d, %d keys", m.opened, m.width, m.height, m.keysSeen)
}
func (m noteTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		m.keysSeen++
	}
	return m, nil
}
func (m noteTab) Open(r openRecordMsg) (tab, tea.Cmd, bool) {
	if r.kind != "note" {
		return m, nil, false
	}
	m.opened = r.id
	return m, nil, true
}

func TestNewTabIsOneLine(t *testing.T) {
	saved := tabMakers
	tabMakers = append(append([]func(*env) tab{}, saved...), newNoteTab)
	t.Cleanup(func() { tabMakers = saved })

	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	last := len(tabMakers) - 1
	digit := fmt.Sprint(last + 1)
	d.wantView(digit + " 便签")
	d.key(digit)
	if d.m.active != last {
		t.Fatalf("%s showed tab %d, want the new one", digit, d.m.active)
	}
	body := 24 - lipgloss.Height(d.m.headerView()) - lipgloss.Height(d.m.footerView())
	d.wantView(fmt.Sprintf("note 0, 80x%d, 0 keys", body), "n 新建")
	d.key("x")
	d.wantView("1 keys")
	d.key("?")
	d.wantView(digit + " 便签")
	d.key("?", "1")
	d.send(openRecordMsg{kind: "note", id: 7})
	if d.m.active != last {
		t.Fatalf("opening a note showed tab %d", d.m.active)
	}
	d.wantView("note 7")
	d.key("tab")
	if d.m.active != 0 {
		t.Fatalf("tab after the last tab showed %d, want the first", d.m.active)
	}
}

func TestInternalErrorLogged(t *testing.T) {
	buf := captureLog(t)

	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.send(errMsg{fmt.Errorf("read visits: %w", errors.New("disk I/O error on page 42"))})
	d.wantView(store.ErrorMessage(errors.New("x"), "zh"))
	d.dontWantView("page 42")
	if !strings.Contains(buf.String(), "disk I/O error on page 42") {
		t.Fatalf("the log lacks the detail:\n%s", buf.String())
	}
	// A user's mistake is no internal error: the screen says it, the log does not.
	buf.Reset()
	d.send(errMsg{&store.Error{Code: store.EINVALID, Text: lang.Text{ZH: "电话号码格式不对", EN: "bad phone"}}})
	d.wantView("电话号码格式不对")
	if buf.Len() != 0 {
		t.Fatalf("a user error was logged: %s", buf.String())
	}
	// A form shows an internal error the same way.
	d.key("3", "n")
	d.send(requestErrMsg{errors.New("constraint failed: requests.receipt_no")})
	d.dontWantView("receipt_no")
	if !strings.Contains(buf.String(), "requests.receipt_no") {
		t.Fatalf("the form's internal error was not logged:\n%s", buf.String())
	}
}

func TestStaleRequestsDropped(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3")
	old := d.requests().asked()
	d.key("s") // the status filter moves on
	d.send(requestsLoadedMsg{asked: old, list: []store.Request{{ID: 99, Name: "迟到的结果", ReceiptNo: "R-0"}}})
	d.dontWantView("迟到的结果")
}

// The tabs size their lists from what surrounds them: with a detail pane
// open, the tab's drawing still fits the room the root gave, so nothing is
// cut at the bottom.
func TestDetailPanesFit(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	for _, size := range [][2]int{{80, 24}, {80, 16}, {200, 50}} {
		d.send(teaSize(size[0], size[1]))
		for _, keys := range [][]string{{"2", "enter"}, {"4", "enter"}, {"1", "r"}} {
			d.key(keys...)
			body := size[1] - lipgloss.Height(d.m.headerView()) - lipgloss.Height(d.m.footerView())
			if h := lipgloss.Height(d.m.shown().View()); h > body {
				t.Fatalf("%v at %dx%d: the tab draws %d lines in %d:\n%s", keys, size[0], size[1], h, body, d.m.shown().View())
			}
			d.key("esc")
		}
	}
}

// In English at 80 columns no label is cut: the column headings of every
// list and the keys in the footer show whole (the footer drops keys rather
// than cut one; ? shows them all).
func TestEnglishLabelsWhole(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	for _, lang := range []string{"en", "zh"} {
		d := newDriver(t, db, Options{Staff: "王芳", Lang: lang})
		for _, ks := range [][]string{{"1"}, {"r"}, {"esc", "2"}, {"enter"}, {"esc", "3"}, {"enter"}, {"esc", "4"}, {"enter"}, {"5"}} {
			d.key(ks...)
			lines := strings.Split(d.view(), "\n")
			check := []string{lines[len(lines)-1]}
			for _, l := range lines {
				for _, head := range []string{"Receipt", "Name", "编号", "姓名"} {
					if strings.Contains(l, head) && !strings.Contains(l, "Printed") {
						check = append(check, l)
					}
				}
			}
			for _, l := range check {
				if strings.Contains(l, "…") || strings.Contains(l, "...") {
					t.Errorf("%s after %v: a label is cut: %q", lang, ks, l)
				}
			}
		}
	}
}

// A list longer than the screen says where the cursor is, and PgDn, End,
// Home move through it; / filters the requests as it is typed.
func TestListPositionAndPaging(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.send(teaSize(80, 10))
	d.key("2")
	d.wantView("1/4")
	d.send(tea.KeyMsg{Type: tea.KeyEnd})
	d.wantView("4/4")
	d.send(tea.KeyMsg{Type: tea.KeyHome})
	d.wantView("1/4")
	d.send(tea.KeyMsg{Type: tea.KeyPgDown})
	if c := d.visits().table.cursor; c == 0 {
		t.Fatal("PgDn did not move the cursor")
	}
	d.send(teaSize(80, 24))
	d.key("3", "/")
	d.typ("电梯")
	if n := len(d.requests().list); n != 1 {
		t.Fatalf("typing 电梯 left %d requests, want 1 before enter", n)
	}
	d.key("esc")
	if n := len(d.requests().list); n != 4 {
		t.Fatalf("esc left %d requests, want the 4 again", n)
	}
}

// The footer drops keys rather than cut one in colour too, where the
// ellipsis arrives wrapped in escape codes.
func TestFooterWholeInColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("4")
	lines := strings.Split(ansi.Strip(d.view()), "\n")
	if last := lines[len(lines)-1]; strings.Contains(last, "...") || strings.Contains(last, "…") {
		t.Fatalf("the footer cuts a key: %q", last)
	}
}
