package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// longDescription is a request's description near its 1000-character limit,
// the kind a resident dictates.
var longDescription = strings.Repeat("小区东门的路灯坏了三个月，晚上老人出门看不清台阶，已经有两位老人摔倒。", 16) +
	"希望街道协调物业尽快修好，并在台阶边加装扶手。联系人白天都在家，可以随时上门查看。"

// TestGoldenScreens keeps the screens issue 15 added at 80×24: a long
// request wrapped in its detail, and a correction in a request's history.
func TestGoldenScreens(t *testing.T) {
	ctx := context.Background()
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	cases := []struct {
		name  string
		setup func(t *testing.T, db *store.DB, s seeded)
		steps []step
	}{
		{"longrequest", func(t *testing.T, db *store.DB, s seeded) {
			_, err := db.CreateRequest(ctx, store.RequestInput{Name: "白大爷", Phone: "13900009999", Community: "幸福社区",
				Category: "environment", Description: longDescription, Handler: "社区居委会", Actor: "王芳"})
			if err != nil {
				t.Fatal(err)
			}
		}, []step{{[]tea.Msg{runes("3")}, []string{"白大爷"}}, {[]tea.Msg{enter}, []string{"环境卫生 0%", "承办人"}},
			{[]tea.Msg{tea.KeyMsg{Type: tea.KeyEnd}}, []string{"100%", "办理记录", "可以随"}}}},
		{"correction", func(t *testing.T, db *store.DB, s seeded) {
			r := s.fresh
			_, err := db.CorrectRequest(ctx, r.ID, store.RequestEdit{Name: r.Name, Phone: "13900001112", Community: r.Community,
				Category: r.Category, Urgency: r.Urgency, Description: r.Description, Handler: "医保科", Actor: "王芳"})
			if err != nil {
				t.Fatal(err)
			}
		}, []step{{[]tea.Msg{runes("3")}, []string{"李四"}}, {[]tea.Msg{runes("/"), runes("李四"), enter}, []string{"诉求（1 条）"}},
			{[]tea.Msg{enter}, []string{"更正 电话", "医保科"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, clk := mustOpen(t, true)
			s := seed(t, db, clk)
			c.setup(t, db, s)
			playGolden(t, startProgram(t, db, Options{Staff: "王芳"}), c.steps)
		})
	}
}
