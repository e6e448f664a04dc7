package report

import (
	"time"

	"frontdesk/store"
)

// voidedSection lists the records voided (作废) on the days: in no other
// list and no figure, but kept on paper with why and by whom.
func voidedSection(w words, voided []store.Voided, loc *time.Location) section {
	kinds := map[string]string{store.KindVisit: w.t("来访", "Visit"), store.KindRequest: w.t("诉求", "Request"),
		store.KindBooking: w.t("预约", "Booking")}
	t := table{Key: "voided", Columns: []column{
		{Head: w.t("类型", "Kind")}, {Head: w.t("编号", "No.")}, {Head: w.t("姓名/单位", "Name"), Flex: true},
		{Head: w.t("人数", "People"), Right: true}, {Head: w.t("作废时间", "Voided at")}, {Head: w.t("经办人", "Staff")},
		{Head: w.t("作废原因", "Reason"), Detail: true}}}
	for _, v := range voided {
		n := ""
		if v.Headcount > 0 {
			n = itoa(v.Headcount)
		}
		t.Rows = append(t.Rows, row{Cells: []string{kinds[v.Kind], v.ReceiptNo, v.Name, n, clock(v.At, loc, true), v.Actor, v.Reason}})
	}
	return section{Title: w.t("作废记录", "Voided records"), Tables: []table{t},
		Notes: []string{w.t("作废记录不计入以上任何统计。", "Voided records count in none of the figures above.")}}
}
