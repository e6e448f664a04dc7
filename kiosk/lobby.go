package kiosk

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// lobbyPage is the data of lobby.html.
type lobbyPage struct {
	page
	Date     string
	Clock    string
	TimeZone string
	Codes    []lobbyCode
	Venues   []venueDay
	Lookup   string // the 查询进度 address, to type in
}

// lobbyCode is one QR code on the lobby screen.
type lobbyCode struct {
	Kind, Title, Src string
}

// venueDay is one venue's schedule for today.
type venueDay struct {
	Name     string
	Bookings []lobbySlot
	More     string // how many further bookings did not fit, as a line to show
}

// lobbyPerVenue is how many of a venue's coming bookings the lobby lists, so
// a busy day still fits a TV screen without scrolling.
const lobbyPerVenue = 3

// lobbySlot is an approved booking as the lobby shows it: its time, title
// and organisation, never a person's name or phone.
type lobbySlot struct {
	Time, Title, Org string
}

// lobbyCache keeps the last rendered lobby. The page changes only with the
// minute on its clock, the QR window and what the store holds, so it is
// rendered again only when one of those moved.
type lobbyCache struct {
	gen  atomic.Int64 // bumped by every store event the lobby shows
	mu   sync.Mutex
	key  string
	page []byte
}

// watchLobby bumps the lobby's generation on every event that can change
// it, until the database closes.
func (s *Server) watchLobby() {
	ch, _ := s.db.Subscribe()
	go func() {
		for e := range ch {
			if lobbyShows(e.Kind) {
				s.lobby.gen.Add(1)
			}
		}
	}()
}

func (s *Server) handleLobby(w http.ResponseWriter, r *http.Request) error {
	set := s.db.Settings()
	if !set.Initialized() {
		return errNotSetUp
	}
	now := s.db.Now()
	loc := s.db.Location()
	// The generation is read before the store, so a write that lands
	// while the page renders makes the next request render again.
	mark := s.secretMark()
	key := fmt.Sprint(s.lobby.gen.Load(), "/", s.window(now), "/", mark, "/", now.In(loc).Format(lang.DateTimeLayout))
	s.lobby.mu.Lock()
	if s.lobby.key == key {
		b := s.lobby.page
		s.lobby.mu.Unlock()
		writeHTML(w, http.StatusOK, b)
		return nil
	}
	s.lobby.mu.Unlock()
	language := s.cfg.Lang
	p := lobbyPage{page: s.page(s.tr(lang.ScanToStart)), TimeZone: loc.String(), Lookup: s.PublicURL() + "/lookup"}
	local := now.In(loc)
	p.Date = lang.LongDate(local, language)
	p.Clock = local.Format(lang.ClockLayout)
	w0 := strconv.FormatInt(s.window(now), 10)
	for _, k := range formKinds {
		// The secret's mark in the URL makes a new secret a new image, so
		// the screen swaps its codes at once (the store's settings event
		// reloads it), even with static codes.
		p.Codes = append(p.Codes, lobbyCode{Kind: k.Kind, Title: k.title(language), Src: "/qr/" + k.Kind + ".png?w=" + w0 + "&k=" + mark})
	}
	venues, err := s.db.Venues(r.Context(), true)
	if err != nil {
		return err
	}
	bookings, err := s.db.BookingsOn(r.Context(), s.db.Today())
	if err != nil {
		return err
	}
	for _, v := range venues {
		day := venueDay{Name: v.Name}
		more := 0
		for _, b := range bookings {
			// Only what the desk approved: a pending booking is anyone's
			// unchecked text.
			if b.VenueID != v.ID || b.Status != store.BookingApproved {
				continue
			}
			// What has ended is history; the screen shows what is on and next.
			if !b.End.After(now) {
				continue
			}
			if len(day.Bookings) == lobbyPerVenue {
				more++
				continue
			}
			day.Bookings = append(day.Bookings, lobbySlot{
				Time:  b.Start.In(loc).Format(lang.ClockLayout) + "–" + b.End.In(loc).Format(lang.ClockLayout),
				Title: b.Title,
				Org:   b.Org,
			})
		}
		if more > 0 {
			day.More = s.tr(lang.AndMore.Format(more))
		}
		p.Venues = append(p.Venues, day)
	}
	b, err := s.execute("lobby.html", p)
	if err != nil {
		return err
	}
	s.lobby.mu.Lock()
	s.lobby.key, s.lobby.page = key, b
	s.lobby.mu.Unlock()
	writeHTML(w, http.StatusOK, b)
	return nil
}

// Event stream limits. One address (a lobby TV, or someone on the Wi-Fi)
// may hold MaxStreamsPerAddr streams; all together may hold StreamCap, sized
// from the process's file limit. Each stream ends after StreamLifetime and
// the browser reconnects, so a stream held open forever costs a place for at
// most that long.
const (
	MaxStreamsPerAddr = 4
	StreamLifetime    = 5 * time.Minute
)

// streamLimits counts open event streams, per address and in all.
type streamLimits struct {
	mu       sync.Mutex
	byAddr   map[string]int
	total    int
	cap      int
	lifetime time.Duration
}

func newStreamLimits() streamLimits {
	return streamLimits{byAddr: map[string]int{}, cap: StreamCap(), lifetime: StreamLifetime}
}

// StreamCap is how many event streams may be open at once: a quarter of the
// process's open-file limit (each is a socket), between 16 and 4096, so the
// streams can never starve the database and the forms of descriptors.
func StreamCap() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 16
	}
	return int(min(max(rl.Cur/4, 16), 4096))
}

// take claims a place for addr, or says which limit is reached.
func (l *streamLimits) take(addr string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.byAddr[addr] >= MaxStreamsPerAddr:
		return errTooManyStreams
	case l.total >= l.cap:
		return errBusy
	}
	l.byAddr[addr]++
	l.total++
	return nil
}

// give frees addr's place.
func (l *streamLimits) give(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byAddr[addr]--; l.byAddr[addr] <= 0 {
		delete(l.byAddr, addr)
	}
}

func (l *streamLimits) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// Lobby refresh timing: events are gathered for eventDelay and sent at most
// once per eventGap; a comment every keepAlive keeps proxies from closing
// the stream.
const (
	eventDelay = 200 * time.Millisecond
	eventGap   = time.Second
	keepAlive  = 25 * time.Second
)

// handleEvents streams "refresh" events to the lobby: when the store changes
// what the lobby shows, when the codes rotate, and every ten minutes so
// the date turns over.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	// Each stream holds a socket, a goroutine and a subscription; a lobby
	// needs one or two, so one address may not hold many, and all of them
	// together stay well inside the file limit.
	addr := s.clientAddr(r)
	if err := s.streams.take(addr); err != nil {
		if errors.Is(err, errTooManyStreams) {
			s.log.Warn("event streams refused", "addr", addr)
		}
		s.fail(w, r, err)
		return
	}
	defer s.streams.give(addr)
	end := time.NewTimer(s.streams.lifetime)
	defer end.Stop()
	rc := http.NewResponseController(w)
	// The stream outlives the server's write timeout by design.
	if err := rc.SetWriteDeadline(time.Time{}); err != nil {
		s.log.Warn("event stream deadline", "err", err)
	}
	ch, stop := s.db.Subscribe()
	defer stop()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(text string) bool {
		if _, err := fmt.Fprint(w, text); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("retry: 3000\n\n") {
		return
	}
	period := 10 * time.Minute
	if ttl := s.ttlSeconds(); ttl > 0 && time.Duration(ttl)*time.Second < period {
		period = time.Duration(ttl) * time.Second
	}
	rotate := time.NewTimer(untilNext(time.Now(), period))
	defer rotate.Stop()
	alive := time.NewTicker(keepAlive)
	defer alive.Stop()
	var pending <-chan time.Time
	var last time.Time
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-end.C:
			return // the browser reconnects after the retry delay
		case e, ok := <-ch:
			if !ok {
				return
			}
			if pending != nil || !lobbyShows(e.Kind) {
				continue
			}
			delay := eventDelay
			if gap := eventGap - time.Since(last); gap > delay {
				delay = gap
			}
			pending = time.After(delay)
		case <-pending:
			pending, last = nil, time.Now()
			if !send("event: refresh\ndata: store\n\n") {
				return
			}
		case <-rotate.C:
			rotate.Reset(untilNext(time.Now(), period))
			if !send("event: refresh\ndata: rotate\n\n") {
				return
			}
		case <-alive.C:
			if !send(": keep-alive\n\n") {
				return
			}
		}
	}
}

// lobbyShows reports whether an event kind can change the lobby.
func lobbyShows(kind string) bool {
	switch kind {
	case store.KindBooking, store.KindVenue, store.KindSettings, store.KindExternal:
		return true
	}
	return false
}

// untilNext is the time from now to the next multiple of period since the
// epoch (plus a moment, so the new window has begun).
func untilNext(now time.Time, period time.Duration) time.Duration {
	next := now.Truncate(period).Add(period)
	return next.Sub(now) + 50*time.Millisecond
}
