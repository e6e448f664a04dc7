package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
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
	Submit, RejectRequest, QRPage                               key.Binding
	StatusBack, CategoryBack, Edit, Void, Home, End             key.Binding
	PrevSection, NextSection, Toggle                            key.Binding

	// Inside forms, the search box and the suggestion lists.
	NextField, PrevField, ChoicePrev, ChoiceNext, SuggestUp, SuggestDown key.Binding
	// Yes answers a question the footer asks; any other key is no.
	Yes key.Binding

	// Tabs are the digit keys, one for each tab in the order of the bar.
	Tabs []key.Binding
}

// newKeyMap builds the bindings in lang; titles are the tabs' names, in the
// order of the bar, for their digit keys.
func newKeyMap(lang string, titles []text) keyMap {
	b := func(keys []string, label string, t text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.in(lang)))
	}
	var tabs []key.Binding
	for i, t := range titles {
		d := strconv.Itoa(i + 1)
		tabs = append(tabs, b([]string{d}, d, t))
	}
	return keyMap{
		Tabs:          tabs,
		Quit:          b([]string{"q"}, "q", txtKeyQuit),
		ForceQuit:     b([]string{"ctrl+c"}, "ctrl+c", txtKeyQuit),
		Help:          b([]string{"?"}, "?", txtKeyHelp),
		NextTab:       b([]string{"tab"}, "tab", txtKeyTabs),
		PrevTab:       b([]string{"shift+tab"}, "shift+tab", txtKeyTabs),
		QR:            b([]string{"Q", "f2"}, "Q/F2", txtKeyQR),
		Up:            b([]string{"up", "k"}, "↑/k", txtKeyUpDown),
		Down:          b([]string{"down", "j"}, "↓/j", txtKeyUpDown),
		PrevDay:       b([]string{"left", "h", "["}, "←/[", txtKeyPrevDay),
		NextDay:       b([]string{"right", "l", "]"}, "→/]", txtKeyNextDay),
		Today:         b([]string{"t"}, "t", txtKeyToday),
		Enter:         b([]string{"enter"}, "enter", txtKeyOpen),
		Back:          b([]string{"esc"}, "esc", txtKeyBack),
		New:           b([]string{"n"}, "n", txtKeyNew),
		Search:        b([]string{"/"}, "/", txtKeySearch),
		CheckOut:      b([]string{"o"}, "o", txtKeyCheckout),
		RollCall:      b([]string{"r"}, "r", txtKeyRollCall),
		Print:         b([]string{"p"}, "p", txtKeyPrint),
		Export:        b([]string{"e"}, "e", txtKeyExport),
		Charts:        b([]string{"g"}, "g", txtKeyCharts),
		Status:        b([]string{"s"}, "s/S", txtKeyStatus),
		StatusBack:    b([]string{"S"}, "S", txtKeyStatus),
		Category:      b([]string{"v"}, "v/V", txtKeyCategory),
		CategoryBack:  b([]string{"V"}, "V", txtKeyCategory),
		Overdue:       b([]string{"!"}, "!", txtKeyOverdue),
		Callback:      b([]string{"b"}, "b", txtKeyCallback),
		Accept:        b([]string{"a"}, "a", txtKeyAccept),
		Start:         b([]string{"g"}, "g", txtKeyStart),
		Resolve:       b([]string{"d"}, "d", txtKeyResolve),
		Transfer:      b([]string{"z"}, "z", txtKeyTransfer),
		Reject:        b([]string{"x"}, "x", txtKeyReject),
		Rate:          b([]string{"f"}, "f", txtKeyRate),
		Approve:       b([]string{"a"}, "a", txtKeyApprove),
		Cancel:        b([]string{"c"}, "c", txtKeyCancel),
		Arrive:        b([]string{"i"}, "i", txtKeyArrive),
		NoShow:        b([]string{"m"}, "m", txtKeyNoShow),
		Series:        b([]string{"w"}, "w", txtKeySeries),
		Submit:        b([]string{"enter", "ctrl+s"}, "enter", txtKeySubmit),
		NextField:     b([]string{"tab", "down"}, "tab/↑↓", txtKeyField),
		PrevField:     b([]string{"shift+tab", "up"}, "shift+tab/↑", txtKeyField),
		ChoicePrev:    b([]string{"left", "h"}, "←", txtKeyChoose),
		ChoiceNext:    b([]string{"right", "l", " "}, "←→", txtKeyChoose),
		SuggestUp:     b([]string{"up", "ctrl+p"}, "↑", txtKeyUpDown),
		SuggestDown:   b([]string{"down", "ctrl+n"}, "↓", txtKeyUpDown),
		Home:          b([]string{"home"}, "home", txtKeyTop),
		End:           b([]string{"end"}, "end", txtKeyBottom),
		Edit:          b([]string{"E"}, "E", txtKeyEdit),
		Void:          b([]string{"X"}, "X", txtKeyVoid),
		Yes:           b([]string{"y", "Y", "enter"}, "y", txtYes),
		QRPage:        b([]string{"left", "right"}, "←/→", txtKeyPage),
		RejectRequest: b([]string{"x"}, "x", txtKeyRejectReq),
		PageUp:        b([]string{"pgup"}, "pgup", txtKeyScroll),
		PageDown:      b([]string{"pgdown", " "}, "pgdn", txtKeyScroll),
		PrevSection:   b([]string{"left", "h", "["}, "←/→", txtKeySection),
		NextSection:   b([]string{"right", "l", "]"}, "←/→", txtKeySection),
		Toggle:        b([]string{"d"}, "d", txtKeyToggle),
	}
}
