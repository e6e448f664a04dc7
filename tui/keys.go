package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key the desk answers, in one place; tabs pick the
// bindings they show in their help.
type keyMap struct {
	Quit, ForceQuit, Help, NextTab, PrevTab, Tab1, Tab2, Tab3, Tab4, Tab5, QR key.Binding
	Up, Down, PrevDay, NextDay, Today, Enter, Back, New, Search               key.Binding
	CheckOut, RollCall, Print, Export                                         key.Binding
	Status, Category, Overdue, Callback                                       key.Binding
	Accept, Start, Resolve, Transfer, Reject, Rate                            key.Binding
	Approve, Cancel, Arrive, NoShow, Series, PageUp, PageDown                 key.Binding
	Submit, RejectRequest, QRPage                                             key.Binding
}

func newKeyMap(lang string) keyMap {
	b := func(keys []string, label string, t text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.in(lang)))
	}
	return keyMap{
		Quit:          b([]string{"q"}, "q", txtKeyQuit),
		ForceQuit:     b([]string{"ctrl+c"}, "ctrl+c", txtKeyQuit),
		Help:          b([]string{"?"}, "?", txtKeyHelp),
		NextTab:       b([]string{"tab"}, "tab", txtKeyTabs),
		PrevTab:       b([]string{"shift+tab"}, "shift+tab", txtKeyTabs),
		Tab1:          b([]string{"1"}, "1", txtTabs[0]),
		Tab2:          b([]string{"2"}, "2", txtTabs[1]),
		Tab3:          b([]string{"3"}, "3", txtTabs[2]),
		Tab4:          b([]string{"4"}, "4", txtTabs[3]),
		Tab5:          b([]string{"5"}, "5", txtTabs[4]),
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
		Status:        b([]string{"s"}, "s", txtKeyStatus),
		Category:      b([]string{"c"}, "c", txtKeyCategory),
		Overdue:       b([]string{"o"}, "o", txtKeyOverdue),
		Callback:      b([]string{"b"}, "b", txtKeyCallback),
		Accept:        b([]string{"a"}, "a", txtKeyAccept),
		Start:         b([]string{"s"}, "s", txtKeyStart),
		Resolve:       b([]string{"d"}, "d", txtKeyResolve),
		Transfer:      b([]string{"t"}, "t", txtKeyTransfer),
		Reject:        b([]string{"x"}, "x", txtKeyReject),
		Rate:          b([]string{"f"}, "f", txtKeyRate),
		Approve:       b([]string{"a"}, "a", txtKeyApprove),
		Cancel:        b([]string{"c"}, "c", txtKeyCancel),
		Arrive:        b([]string{"i"}, "i", txtKeyArrive),
		NoShow:        b([]string{"m"}, "m", txtKeyNoShow),
		Series:        b([]string{"w"}, "w", txtKeySeries),
		Submit:        b([]string{"enter"}, "enter", txtKeySubmit),
		QRPage:        b([]string{"left", "right"}, "←/→", txtKeyPage),
		RejectRequest: b([]string{"x"}, "x", txtKeyRejectReq),
		PageUp:        b([]string{"pgup", "b"}, "pgup", txtKeyScroll),
		PageDown:      b([]string{"pgdown", " "}, "pgdn", txtKeyScroll),
	}
}
