package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"frontdesk/hub"
	"frontdesk/lang"
	"frontdesk/report"
	"frontdesk/store"
)

// hubFlag is --hub, the hub's address, from FRONTDESK_HUB by default.
func hubFlag(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Hub, "hub", os.Getenv("FRONTDESK_HUB"), m.tr(lang.HubPostgresEnvFRONTDESKHUB))
}

// syncFlags are the desk's and serve's flags for reporting in the background.
func syncFlags(m *Main, fs *flag.FlagSet) {
	hubFlag(m, fs)
	fs.DurationVar(&m.SyncEvery, "sync-every", 5*time.Minute, m.tr(lang.HowOftenToReportToHub))
}

func hubInitFlags(m *Main, fs *flag.FlagSet) { hubFlag(m, fs) }

// runHubInit creates or upgrades the hub's schema.
func (m *Main) runHubInit(ctx context.Context) error {
	h, err := hub.Open(ctx, m.Hub)
	if err != nil {
		return err
	}
	defer h.Close()
	applied, err := h.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(m.Stdout, m.tr(lang.HubIsUpToDateNothing), h.URL())
		return nil
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.HubIsReady), h.URL(), strings.Join(applied, ", "))
	return nil
}

func syncCommandFlags(m *Main, fs *flag.FlagSet) { hubFlag(m, fs) }

// runSync pushes what changed since the last acknowledged sync.
func (m *Main) runSync(ctx context.Context) error {
	if err := m.requireInit(); err != nil {
		return err
	}
	h, err := hub.Open(ctx, m.Hub)
	if err != nil {
		m.DB.SyncFailed(context.WithoutCancel(ctx), store.ErrorMessage(err, "zh"), m.DB.Now())
		return err
	}
	defer h.Close()
	res, err := h.Sync(ctx, m.DB, hub.SyncOptions{})
	if err != nil {
		slog.Error("sync", "hub", h.URL(), "err", err)
		return err
	}
	slog.Info("synced", "hub", h.URL(), "records", res.Records, "batches", res.Batches, "upto", res.Upto)
	fmt.Fprintf(m.Stdout, m.tr(lang.ReportedToRecords), h.URL(), res.Records)
	return nil
}

func networkReportFlags(m *Main, fs *flag.FlagSet) {
	hubFlag(m, fs)
	fs.StringVar(&m.Center, "center", "", m.tr(lang.OnlyThisCenterSSubtreeIts))
	periodFlags(m, fs)
}

// runNetworkReport prints the rollup of a subtree of centers.
func (m *Main) runNetworkReport(ctx context.Context) error {
	if m.Format == "" {
		m.Format = formatOf(m.Output)
	}
	if !slices.Contains(report.Formats, m.Format) {
		return report.BadFormat(m.Format, report.Formats)
	}
	loc, _ := time.LoadLocation(store.DefaultTimeZone)
	t := time.Now().In(loc)
	from, to, err := m.reportPeriod(store.Day{Year: t.Year(), Month: t.Month(), Day: t.Day()})
	if err != nil {
		return err
	}
	h, err := hub.Open(ctx, m.Hub)
	if err != nil {
		return err
	}
	defer h.Close()
	n, err := h.Rollup(ctx, m.Center, from, to, time.Now())
	if err != nil {
		return err
	}
	opt := report.Options{Lang: m.Lang, PrintedBy: m.printedBy(), PrintedAt: time.Now()}
	// WriteNetwork renders the whole rollup before it writes any of it.
	return m.writeOutput(func(w io.Writer) error { return report.WriteNetwork(w, n, m.Format, opt) }, from, to)
}

// syncer reports to the hub in the background of the desk or serve, every
// --sync-every, and keeps a one-line state for the desk's header. A hub that
// is away costs nothing but the line: the center works on and catches up
// when it is back.
type syncer struct {
	m     *Main
	db    *store.DB
	url   string
	every time.Duration
	done  chan struct{}

	mu    sync.Mutex
	state string
}

// startSync starts the background sync when --hub is given; it stops with
// ctx, and wait returns once it has. It returns the header's state function,
// nil without a hub.
func (m *Main) startSync(ctx context.Context) (state func() string, wait func(), err error) {
	if m.Hub == "" || m.SyncEvery == 0 {
		return nil, func() {}, nil
	}
	if m.SyncEvery < time.Second {
		return nil, nil, store.Errorf(store.EINVALID, lang.SyncEveryIsAtLeast1s)
	}
	s := &syncer{m: m, db: m.DB, url: m.Hub, every: m.SyncEvery, done: make(chan struct{})}
	s.refresh(ctx)
	go s.run(ctx)
	m.syncState = s.State
	return s.State, func() { <-s.done }, nil
}

// State is the line the desk's header shows, e.g. 上报[14:32 ✓ 待传 3].
func (s *syncer) State() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *syncer) run(ctx context.Context) {
	defer close(s.done)
	var h *hub.Hub
	defer func() {
		if h != nil {
			h.Close()
		}
	}()
	syncTick := time.NewTicker(s.every)
	defer syncTick.Stop()
	// Pending changes grow as the desk works; the header follows them.
	stateTick := time.NewTicker(5 * time.Second)
	defer stateTick.Stop()
	for {
		if h == nil {
			var err error
			if h, err = hub.Open(ctx, s.url); err != nil {
				h = nil
				if ctx.Err() == nil {
					s.db.SyncFailed(ctx, store.ErrorMessage(err, "zh"), s.db.Now())
					slog.Warn("hub unreachable", "err", err)
				}
			}
		}
		if h != nil {
			if res, err := h.Sync(ctx, s.db, hub.SyncOptions{}); err != nil {
				slog.Warn("sync", "hub", h.URL(), "err", err)
			} else if res.Records > 0 {
				slog.Info("synced", "hub", h.URL(), "records", res.Records, "upto", res.Upto)
			}
		}
		s.refresh(ctx)
		for waiting := true; waiting; {
			select {
			case <-ctx.Done():
				return
			case <-stateTick.C:
				s.refresh(ctx)
			case <-syncTick.C:
				waiting = false
			}
		}
	}
}

// refresh reads the sync state from the file into the header's line.
func (s *syncer) refresh(ctx context.Context) {
	st, err := s.db.SyncStatus(ctx)
	if err != nil {
		return
	}
	m := s.m
	loc := s.db.Location()
	var parts []string
	failed := st.LastError != "" && (st.LastOK.IsZero() || st.LastErrorAt.After(st.LastOK))
	switch {
	case failed:
		parts = append(parts, "✗ "+st.LastErrorAt.In(loc).Format("15:04"))
	case !st.LastOK.IsZero():
		parts = append(parts, st.LastOK.In(loc).Format("15:04")+" ✓")
	default:
		parts = append(parts, m.tr(lang.NotYet))
	}
	if st.Pending > 0 {
		parts = append(parts, fmt.Sprintf(m.tr(lang.CmdPending), st.Pending))
	}
	if failed && m.Lang != "en" {
		// The header has room for what went wrong, not for where or the
		// driver's detail (after the full-width colon): those are in the log.
		msg := strings.Replace(st.LastError, " "+hub.Redact(s.url), "", 1)
		if i := strings.IndexRune(msg, 0xFF1A); i > 0 {
			msg = msg[:i]
		}
		parts = append(parts, msg)
	}
	line := m.tr(lang.Report) + "[" + strings.Join(parts, " ") + "]"
	s.mu.Lock()
	s.state = line
	s.mu.Unlock()
}
