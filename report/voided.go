package report

import (
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// voidedSection lists the records voided (作废) on the days: in no other
// list and no figure, but kept on paper with why and by whom.
func voidedSection(w words, voided []store.Voided, loc *time.Location) section {
	kinds := map[string]string{store.KindVisit: w.tr(lang.KindVisit), store.KindRequest: w.tr(lang.KindRequest),
		store.KindBooking: w.tr(lang.KindBooking)}
	t := table{Key: "voided", Columns: []column{
		{Head: w.tr(lang.ReportKind)}, {Head: w.tr(lang.RecordNo)}, {Head: w.tr(lang.Name), Flex: true},
		{Head: w.tr(lang.PeopleHead), Right: true}, {Head: w.tr(lang.VoidedAt)}, {Head: w.tr(lang.StaffHead)},
		{Head: w.tr(lang.VoidReason), Detail: true}}}
	for _, v := range voided {
		n := ""
		if v.Headcount > 0 {
			n = itoa(v.Headcount)
		}
		t.Rows = append(t.Rows, row{Cells: []string{kinds[v.Kind], v.ReceiptNo, v.Name, n, clock(v.At, loc, true), v.Actor, v.Reason}})
	}
	return section{Title: w.tr(lang.VoidedRecords), Tables: []table{t},
		Notes: []string{w.tr(lang.VoidedNote)}}
}
