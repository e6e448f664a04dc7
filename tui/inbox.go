package tui

import (
	"fmt"
	"strings"

	"frontdesk/lang"
	"frontdesk/store"
)

// The 待办 inbox on the today tab: what waits for the desk, in four groups,
// each row opening its record on its own tab.
const (
	inboxKiosk    = iota // new from the phones: check-ins, requests, bookings
	inboxPending         // bookings waiting for approval, on any day
	inboxOverdue         // requests past their promised day
	inboxCallback        // resolved requests waiting for the callback
	inboxGroups
)

// inboxCallbacks is how many of the callback list the inbox lists, the
// longest waiting first; its count is of them all.
const inboxCallbacks = 50

// inboxKioskRows is how many of the phones' waiting submissions the inbox
// lists, the newest first; its count is of them all.
const inboxKioskRows = 50

// inboxItem is one row of the inbox.
type inboxItem struct {
	group int
	line  string
	open  openRecordMsg
}

// buildInbox lists what waits, a record once, in the order of the groups.
func (m todayTab) buildInbox(d todayLoadedMsg) []inboxItem {
	e := m.env
	seen := map[string]bool{}
	var out []inboxItem
	add := func(group int, kind string, id int64, when string, open openRecordMsg, parts ...string) {
		k := seenKey(kind, id)
		if seen[k] {
			return
		}
		seen[k] = true
		tag := e.tr(lang.InboxTags[group])
		line := fit(tag, 8) + " " + when + " " + strings.Join(parts, " ")
		out = append(out, inboxItem{group: group, line: line, open: open})
	}
	loc := e.db.Location()
	stamp := func(s store.Submission) string { return s.CreatedAt.In(loc).Format("01-02 15:04") }
	// What waits is the store's rule (KioskWaiting); a phone booking waits
	// for approval and is listed there, with the other pending ones.
	for _, s := range d.kiosk {
		what := e.tr(lang.KindRequest) + " " + e.short(store.Categories, s.Summary)
		if s.Kind == store.KindVisit {
			what = e.tr(lang.KindVisit) + " " + e.short(store.Purposes, s.Summary)
		}
		add(inboxKiosk, s.Kind, s.ID, stamp(s), openRecordMsg{kind: s.Kind, id: s.ID, at: s.At},
			fit(s.ReceiptNo, 15), fit(s.Name, 10), what)
	}
	// A phone series is one line, at its first pending date, opening the
	// series view; the desk's own series keep a line per date.
	inSeries := map[int64]int{}
	for _, b := range d.pending {
		if b.SeriesID != 0 && b.Source == store.SourceKiosk {
			inSeries[b.SeriesID]++
		}
	}
	for _, b := range d.pending {
		when := b.Start.In(loc).Format("01-02 15:04")
		title := b.Title
		open := openRecordMsg{kind: store.KindBooking, id: b.ID, at: b.Start}
		if n := inSeries[b.SeriesID]; n > 0 {
			if seen[seenKey("series", b.SeriesID)] {
				continue
			}
			seen[seenKey("series", b.SeriesID)] = true
			open.series = b.SeriesID
			title = fmt.Sprintf(e.tr(lang.InboxSeries), n) + title
		}
		if b.Source == store.SourceKiosk {
			title = e.label(store.Sources, store.SourceKiosk) + " " + title
		}
		add(inboxPending, store.KindBooking, b.ID, when, open, fit(b.ReceiptNo, 15), fit(b.Org, 10), title)
	}
	for _, r := range d.overdueRs {
		add(inboxOverdue, store.KindRequest, r.ID, r.PromisedBy.String()[5:]+"      ", openRecordMsg{kind: store.KindRequest, id: r.ID, at: r.CreatedAt},
			fit(r.ReceiptNo, 15), fit(r.Name, 10), e.short(store.Categories, r.Category))
	}
	// The inbox is on the desk's screen all day: a callback's phone is
	// masked here, as in every list, and whole in the record it opens and
	// in the requests tab's callback list (b), which is for calling.
	for _, r := range d.callbackRs {
		add(inboxCallback, store.KindRequest, r.ID, r.ResolvedAt.In(loc).Format("01-02 15:04"), openRecordMsg{kind: store.KindRequest, id: r.ID, at: r.CreatedAt},
			fit(r.ReceiptNo, 15), fit(r.Name, 10), store.MaskPhone(r.Phone))
	}
	return out
}

// inboxSizes is how many records wait in each group. The inbox lists only
// the head of the phones', the overdue and the callback groups; the store
// counts the whole of each.
func (m todayTab) inboxSizes() (n [inboxGroups]int, total int) {
	for _, it := range m.inbox {
		n[it.group]++
	}
	n[inboxKiosk] = max(n[inboxKiosk], m.data.kioskAll)
	n[inboxOverdue] = max(n[inboxOverdue], m.data.overdue)
	n[inboxCallback] = max(n[inboxCallback], m.data.callbacks)
	for _, c := range n {
		total += c
	}
	return n, total
}

// inboxCounts is the count of each group, for the inbox's heading.
func (m todayTab) inboxCounts() string {
	n, _ := m.inboxSizes()
	var parts []string
	for g := range inboxGroups {
		parts = append(parts, fmt.Sprintf("%s %d", m.env.tr(lang.InboxTags[g]), n[g]))
	}
	return m.env.st.muted.Render(strings.Join(parts, " · "))
}
