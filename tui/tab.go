package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/lang"
)

// tab is one screen of the desk under the tab bar. The root holds the tabs
// in one list, in the order of the bar, and knows nothing else about them:
// it hands each its size, its keys while it shows, every other message, and
// the records other tabs ask to open.
//
// To add a tab:
//
//  1. Write it in its own file: a type (a value, like the others) with the
//     methods below. Store calls run in tea.Cmds; their answers come back as
//     messages declared beside the sender and should carry what they were
//     asked for (a day, a filter, a sequence number), so Update can drop an
//     answer that is no longer what shows. Keys come from env.keys (add new
//     bindings to keyMap in keys.go); help is made from the bindings that
//     ShortHelp and FullHelp return. Heights come from lipgloss.Height of
//     what the tab draws around its list, never a constant.
//  2. Add its constructor to tabMakers below. Its digit key, its place in
//     the tab bar and its kiosk badge follow from the list.
type tab interface {
	// title is the tab's name on the bar and beside its digit key.
	title() lang.Text
	// Update answers a message: the tab's own data, or a key while it shows.
	Update(msg tea.Msg) (tab, tea.Cmd)
	// View draws the tab in the size SetSize last gave.
	View() string
	// SetSize gives the tab the room between the header and the footer.
	SetSize(w, h int) tab
	// Open shows a record of a kind the tab keeps (store.KindVisit …);
	// ok is false when the tab does not keep that kind. A form holding
	// input stays open.
	Open(r openRecordMsg) (_ tab, _ tea.Cmd, ok bool)
	// keeps reports whether records of kind belong to this tab, for the
	// kiosk badge on the bar.
	keeps(kind string) bool
	// ShortHelp and FullHelp are the bindings that apply now.
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// load reloads what the tab shows.
	load() tea.Cmd
	// capturing reports whether a text input has the focus, so digits and
	// letters are typing rather than commands.
	capturing() bool
	// dirty reports whether a form holds input that leaving would lose.
	dirty() bool
}

// tabMakers builds the desk's tabs, in the order of the tab bar. The first
// is the home tab: it is reloaded on every change the store reports.
var tabMakers = []func(*env) tab{
	newTodayTab,
	newVisitsTab,
	newRequestsTab,
	newBookingsTab,
	newDailyTab,
	newSettingsTab,
}
