package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"

	"frontdesk/lang"
	"frontdesk/store"
)

// spool is where Stream lays out the visits, requests and bookings as the
// store counts them, in the format being written, into a temporary file
// (removed by close): the log's head needs the counts, which are known
// only once every record was read, so the rows are read from the file
// once, laid out once, and copied to the output after the head. HTML and
// JSON rows are spooled as they print; CSV rows without the block's name,
// which depends on the sections before them; text rows as their cells and
// detail lines, measured, and padded to the columns' widths as they are
// copied. The file holds one part per list, written one after another.
type spool struct {
	f     *os.File
	named bool // f still has its name in $TMPDIR, to be removed at close
	b     *bufio.Writer
	n     int64 // bytes written to f; more wait in b
	parts map[string]*spoolPart
	cur   *spoolPart
	frame []byte // a text or CSV row being framed
	err   error  // the first a row's layout failed with (writes fail in b)
	laid  int    // records laid out
}

// counted is a writer that counts what it writes to w.
type counted struct {
	w io.Writer
	n *int64
}

func (c counted) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}

// spoolPart is one list's rows in the spool.
type spoolPart struct {
	s      *spool
	off, n int64
	// The text layout's visible columns and their natural widths, head
	// included (columnWidths).
	visible, widths []int
}

// newSpool opens a spool for the lists of the days from..to in format, and
// the watch that lays out each record StreamLog counts into it.
func newSpool(db *store.DB, from, to store.Day, format string, opt Options) (*spool, *store.LogWatch, error) {
	f, err := os.CreateTemp("", "frontdesk-report-*.spool")
	if err != nil {
		return nil, nil, &store.Error{Code: store.EREADONLY, Text: lang.SpoolCannotCreate.Format(os.TempDir(), unwrapPath(err))}
	}
	// The spool holds names and phones. Its name goes at once, where the
	// system allows an open file to lose its name, so nothing of it is left
	// in $TMPDIR even if the process is killed part way.
	s := &spool{f: f, parts: map[string]*spoolPart{}, named: os.Remove(f.Name()) != nil}
	s.b = bufio.NewWriterSize(counted{f, &s.n}, 64<<10)
	w, loc, multi := words{opt.Lang}, db.Location(), from != to
	watch := &store.LogWatch{}
	if format == "json" {
		j, e := jsonRecords{loc}, newJSONEncoder()
		watch.Visit = spoolJSON(s, "visits", func(dst []byte, v store.Visit) ([]byte, error) { return j.appendVisit(dst, e, v) })
		watch.Request = spoolJSON(s, "requests", func(dst []byte, r store.LogRequest) ([]byte, error) {
			return appendEncoded(dst, e, j.request(r))
		})
		watch.Booking = spoolJSON(s, "bookings", func(dst []byte, b store.Booking) ([]byte, error) {
			return appendEncoded(dst, e, j.booking(b))
		})
		return s, watch, nil
	}
	watch.Visit = spoolRows(s, visitsSection(w, nil, 0, false, loc, multi).Tables[0], format, w, visitRow(w, loc, multi))
	watch.Request = spoolRows(s, requestsSection(w, "requests", "", nil, 0, loc, multi).Tables[0], format, w, requestRow(w, loc, multi))
	watch.Booking = spoolRows(s, bookingsSection(w, nil, 0, loc, multi).Tables[0], format, w, bookingRow(w, loc, multi))
	return s, watch, nil
}

// spoolRows lays out a list's records as the rows of t.
func spoolRows[T any](s *spool, t table, format string, w words, toRow func(T) row) func(T) {
	lay := s.rows(t, format, w)
	return func(x T) { s.lay(t.Key, func() { lay(toRow(x)) }) }
}

// spoolJSON lays out a list's records as the elements of a JSON list,
// each as enc appends it, commas between them.
func spoolJSON[T any](s *spool, key string, enc func(dst []byte, x T) ([]byte, error)) func(T) {
	first := true
	return func(x T) {
		s.lay(key, func() {
			f := s.frame[:0]
			if !first {
				f = append(f, ',')
			}
			first = false
			f, err := enc(f, x)
			if err != nil && s.err == nil {
				s.err = err
			}
			s.b.Write(f)
			s.frame = f[:0]
		})
	}
}

// lay runs write, which lays out one record of the list key, noting where
// each list's part of the file starts and ends.
func (s *spool) lay(key string, write func()) {
	s.laid++
	held.Add(1)
	defer held.Add(-1)
	if s.cur == nil || s.parts[key] != s.cur {
		s.end()
		p := s.part(key)
		p.off = s.at()
		s.cur = p
	}
	write()
}

// end closes the part being written.
func (s *spool) end() {
	if s.cur != nil {
		s.cur.n = s.at() - s.cur.off
	}
}

// at is where the next byte written goes in the file.
func (s *spool) at() int64 { return s.n + int64(s.b.Buffered()) }

// rows is how t's rows go into the spool in format.
func (s *spool) rows(t table, format string, w words) func(row) {
	switch format {
	case "text":
		m, d := newColumnWidths(t), newTextDetails(t, w)
		p := &spoolPart{s: s, visible: m.visible, widths: m.natural}
		s.parts[t.Key] = p
		return func(r row) {
			m.add(r)
			f := s.frame[:0]
			for i, c := range m.visible {
				f = binary.AppendUvarint(f, uint64(len(r.Cells[c])))
				f = append(f, r.Cells[c]...)
				f = binary.AppendUvarint(f, uint64(m.last[i]))
			}
			lines := d.lines(r)
			f = binary.AppendUvarint(f, uint64(len(lines)))
			for _, l := range lines {
				f = binary.AppendUvarint(f, uint64(len(l)))
				f = append(f, l...)
			}
			s.writeFrame(f)
		}
	case "csv":
		var rec bytes.Buffer
		c := safeCSV{csv.NewWriter(&rec)}
		return func(r row) {
			rec.Reset()
			c.Write(r.Cells)
			c.Flush()
			s.writeFrame(rec.Bytes())
		}
	default: // html, and the HTML a PDF prints
		h := htmlRows{columns: t.Columns, span: len(htmlHead(t.Columns)), sep: w.tr(lang.ColonSep)}
		return func(r row) { h.write(s.b, r) }
	}
}

// writeFrame writes f with its length before it.
func (s *spool) writeFrame(f []byte) {
	var n [binary.MaxVarintLen64]byte
	s.b.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
	s.b.Write(f)
	s.frame = f[:0]
}

// finish ends the last part and writes what is buffered to the file;
// Write errors come out here.
func (s *spool) finish() error {
	s.end()
	s.cur = nil
	if s.err != nil {
		return s.err
	}
	if err := s.b.Flush(); err != nil {
		return &store.Error{Code: store.EREADONLY, Text: lang.SpoolCannotWrite.Format(unwrapPath(err), os.TempDir())}
	}
	return nil
}

// close removes the spool's file.
func (s *spool) close() {
	s.f.Close()
	if s.named {
		os.Remove(s.f.Name())
	}
}

// part is the part of the list key; an empty one when the list had no
// records.
func (s *spool) part(key string) *spoolPart {
	p := s.parts[key]
	if p == nil {
		p = &spoolPart{s: s}
		s.parts[key] = p
	}
	return p
}

// attach gives the document's visits, requests and bookings tables their
// spooled rows.
func (s *spool) attach(d *document) {
	for i := range d.Sections {
		for k := range d.Sections[i].Tables {
			t := &d.Sections[i].Tables[k]
			switch t.Key {
			case "visits", "requests", "bookings":
				if t.Source != nil {
					t.Spool = s.part(t.Key)
				}
			}
		}
	}
}

func (p *spoolPart) reader() *io.SectionReader { return io.NewSectionReader(p.s.f, p.off, p.n) }

// copyTo writes the part as it was spooled.
func (p *spoolPart) copyTo(b *bufio.Writer) error {
	_, err := io.Copy(b, p.reader())
	return err
}

// frames calls fn with each framed row of the part, in a buffer it
// reuses.
func (p *spoolPart) frames(fn func([]byte) error) error {
	r := bufio.NewReaderSize(p.reader(), 64<<10)
	var buf []byte
	for {
		n, err := binary.ReadUvarint(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		if err := fn(buf); err != nil {
			return err
		}
	}
}

// eachCSV writes the part's CSV rows, each after prefix.
func (p *spoolPart) eachCSV(b *bufio.Writer, prefix []byte) error {
	return p.frames(func(f []byte) error {
		b.Write(prefix)
		_, err := b.Write(f)
		return err
	})
}

// csvPrefix is the CSV of a row's first field, name, and the comma after it.
func csvPrefix(name string) []byte {
	var rec bytes.Buffer
	c := safeCSV{csv.NewWriter(&rec)}
	c.Write([]string{name})
	c.Flush()
	return append(bytes.TrimSuffix(rec.Bytes(), []byte("\n")), ',')
}

// eachText calls fn with each spooled text row: its visible cells and their
// widths, by column, and its detail lines.
func (p *spoolPart) eachText(fn func(cells []string, widths []int, details []string)) error {
	n := 0
	for _, c := range p.visible {
		n = max(n, c+1)
	}
	cells, widths := make([]string, n), make([]int, n)
	var details []string
	return p.frames(func(f []byte) error {
		s := string(f) // one string a row; the cells are its pieces
		k := 0
		next := func() uint64 {
			v, m := binary.Uvarint(f[k:])
			k += m
			return v
		}
		text := func() string {
			l := int(next())
			k += l
			return s[k-l : k]
		}
		for _, c := range p.visible {
			cells[c] = text()
			widths[c] = int(next())
		}
		details = details[:0]
		for range next() {
			details = append(details, text())
		}
		if k != len(f) {
			return fmt.Errorf("spool: a text row of %d bytes read as %d", len(f), k)
		}
		fn(cells, widths, details)
		return nil
	})
}

// unwrapPath is the cause of a file error without the path, which the
// message names already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
