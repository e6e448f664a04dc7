package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"

	"frontdesk/lang"
)

// keyMap is every key the desk answers, in one place; tabs pick the
// bindings they show in their help.
type keyMap struct {
	Quit, ForceQuit, Help, NextTab, PrevTab, QR                 key.Binding
	Up, Down, PrevDay, NextDay, Today, Enter, Back, New, Search key.Binding
	CheckOut, RollCall, Print, Export, Charts                   key.Binding
	Status, Category, Overdue, Callback                         key.Binding
	Accept, Start, Resolve, Transfer, Reject, Rate              key.Binding
	Approve, Cancel, Arrive, NoShow, Series, PageUp, PageDown   key.Binding
	SeriesView, CancelLater, CancelAll, MoveDate, MoveLater     key.Binding
	ApproveLater                                                key.Binding
	Submit, RejectRequest, QRPage                               key.Binding
	StatusBack, CategoryBack, Edit, Void, Home, End             key.Binding
	PrevSection, NextSection, Toggle                            key.Binding
	ScrollLeft, ScrollRight                                     key.Binding
	// PaneDown and PaneUp scroll the detail pane beside a list.
	PaneDown, PaneUp key.Binding
	// Undo takes back the last approval for a few seconds.
	Undo key.Binding

	// Inside forms, the search box and the suggestion lists.
	NextField, PrevField, ChoicePrev, ChoiceNext, SuggestUp, SuggestDown key.Binding
	// Yes answers a question the footer asks; any other key is no.
	Yes key.Binding

	// Tabs are the digit keys, one for each tab in the order of the bar.
	Tabs []key.Binding
}

// newKeyMap builds the bindings in language; titles are the tabs' names, in the
// order of the bar, for their digit keys.
func newKeyMap(language string, titles []lang.Text) keyMap {
	b := func(keys []string, label string, t lang.Text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.In(language)))
	}
	var tabs []key.Binding
	for i, t := range titles {
		d := strconv.Itoa(i + 1)
		tabs = append(tabs, b([]string{d}, d, t))
	}
	return keyMap{
		Tabs:          tabs,
		Quit:          b([]string{"q"}, "q", lang.KeyQuit),
		ForceQuit:     b([]string{"ctrl+c"}, "ctrl+c", lang.KeyQuit),
		Help:          b([]string{"?"}, "?", lang.KeyHelp),
		NextTab:       b([]string{"tab"}, "tab", lang.KeyTabs),
		PrevTab:       b([]string{"shift+tab"}, "shift+tab", lang.KeyTabs),
		QR:            b([]string{"Q", "f2"}, "Q/F2", lang.KeyQR),
		Up:            b([]string{"up", "k"}, "↑/k", lang.KeyUpDown),
		Down:          b([]string{"down", "j"}, "↓/j", lang.KeyUpDown),
		PrevDay:       b([]string{"left", "h", "["}, "←/[", lang.KeyPrevDay),
		NextDay:       b([]string{"right", "l", "]"}, "→/]", lang.KeyNextDay),
		Today:         b([]string{"t"}, "t", lang.KeyToday),
		Enter:         b([]string{"enter"}, "enter", lang.KeyOpen),
		Back:          b([]string{"esc"}, "esc", lang.KeyBack),
		New:           b([]string{"n"}, "n", lang.KeyNew),
		Search:        b([]string{"/"}, "/", lang.KeySearch),
		CheckOut:      b([]string{"o"}, "o", lang.KeyCheckout),
		RollCall:      b([]string{"r"}, "r", lang.KeyRollCall),
		Print:         b([]string{"p"}, "p", lang.KeyPrint),
		Export:        b([]string{"e"}, "e", lang.KeyExport),
		Charts:        b([]string{"G"}, "G", lang.KeyCharts),
		Status:        b([]string{"s"}, "s/S", lang.KeyStatus),
		StatusBack:    b([]string{"S"}, "S", lang.KeyStatus),
		Category:      b([]string{"v"}, "v/V", lang.KeyCategory),
		CategoryBack:  b([]string{"V"}, "V", lang.KeyCategory),
		Overdue:       b([]string{"!"}, "!", lang.KeyOverdue),
		Callback:      b([]string{"b"}, "b", lang.KeyCallback),
		Accept:        b([]string{"a"}, "a", lang.KeyAccept),
		Start:         b([]string{"g"}, "g", lang.KeyStart),
		Resolve:       b([]string{"d"}, "d", lang.KeyResolve),
		Transfer:      b([]string{"z"}, "z", lang.KeyTransfer),
		Reject:        b([]string{"x"}, "x", lang.KeyReject),
		Rate:          b([]string{"f"}, "f", lang.KeyRate),
		Approve:       b([]string{"a"}, "a", lang.KeyApprove),
		Cancel:        b([]string{"c"}, "c", lang.KeyCancel),
		Arrive:        b([]string{"i"}, "i", lang.KeyArrive),
		NoShow:        b([]string{"m"}, "m", lang.KeyNoShow),
		Series:        b([]string{"w"}, "w", lang.KeySeries),
		SeriesView:    b([]string{"W"}, "W", lang.KeySeriesView),
		CancelLater:   b([]string{"C"}, "C", lang.KeyCancelLater),
		CancelAll:     b([]string{"D"}, "D", lang.KeyCancelAll),
		MoveDate:      b([]string{"M"}, "M", lang.KeyMoveDate),
		MoveLater:     b([]string{"L"}, "L", lang.KeyMoveLater),
		ApproveLater:  b([]string{"A"}, "A", lang.KeyApproveLater),
		Submit:        b([]string{"enter", "ctrl+s"}, "enter", lang.KeySubmit),
		NextField:     b([]string{"tab", "down"}, "tab/↑↓", lang.KeyField),
		PrevField:     b([]string{"shift+tab", "up"}, "shift+tab/↑", lang.KeyField),
		ChoicePrev:    b([]string{"left", "h"}, "←", lang.KeyChoose),
		ChoiceNext:    b([]string{"right", "l", " "}, "←→", lang.KeyChoose),
		SuggestUp:     b([]string{"up", "ctrl+p"}, "↑", lang.KeyUpDown),
		SuggestDown:   b([]string{"down", "ctrl+n"}, "↓", lang.KeyUpDown),
		ScrollLeft:    b([]string{"<"}, "<", lang.KeyLeft),
		ScrollRight:   b([]string{">"}, ">", lang.KeyRight),
		Home:          b([]string{"home"}, "home", lang.KeyTop),
		End:           b([]string{"end"}, "end", lang.KeyBottom),
		Edit:          b([]string{"E"}, "E", lang.KeyEdit),
		Void:          b([]string{"X"}, "X", lang.KeyVoid),
		Yes:           b([]string{"y", "Y", "enter"}, "y", lang.Yes),
		QRPage:        b([]string{"left", "right"}, "←/→", lang.KeyPage),
		RejectRequest: b([]string{"x"}, "x", lang.KeyRejectReq),
		PageUp:        b([]string{"pgup"}, "pgup", lang.KeyScroll),
		PageDown:      b([]string{"pgdown", " "}, "pgdn", lang.KeyScroll),
		PrevSection:   b([]string{"left", "h", "["}, "←/→", lang.KeySection),
		NextSection:   b([]string{"right", "l", "]"}, "←/→", lang.KeySection),
		Toggle:        b([]string{"t"}, "t", lang.KeyToggle),
		PaneDown:      b([]string{"ctrl+d"}, "ctrl+d/u", lang.KeyPane),
		PaneUp:        b([]string{"ctrl+u"}, "ctrl+u", lang.KeyPane),
		Undo:          b([]string{"u"}, "u", lang.KeyUndo),
	}
}
