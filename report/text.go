package report

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
)

// PageWidth is the widest line of the text log, in terminal columns (a
// Chinese character takes two): what fits an A4 page in a monospaced font.
const PageWidth = 100

// ellipsis ends a cell cut short.
const ellipsis = "…"

// width measures s as a terminal and a printer lay it out: Chinese runes take
// two columns. Text of printable ASCII and Chinese, nearly every cell, is
// counted rune by rune; anything else (combining marks, emoji, symbols of
// ambiguous width) is measured by x/ansi, whose answer the fast path
// matches.
func width(s string) int {
	if n, ok := plainWidth(s); ok {
		return n
	}
	return ansi.StringWidth(s)
}

// plainWidth is s's width when runeWidth knows each of its runes (no line
// break or tab among them); ok is false otherwise.
func plainWidth(s string) (n int, ok bool) {
	for _, r := range s {
		w := runeWidth(r)
		if w < 0 {
			return 0, false
		}
		n += w
	}
	return n, true
}

// runeWidth is 1 for printable ASCII, 2 for the wide East Asian blocks, and
// -1 for a rune it does not decide.
func runeWidth(r rune) int {
	switch {
	case r >= 0x20 && r < 0x7f:
		return 1
	case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0x3400 && r <= 0x4DBF,                             // extension A
		r >= 0x3000 && r <= 0x3029, r >= 0x302E && r <= 0x303E, // CJK punctuation: 、。「」【】
		r >= 0xFF01 && r <= 0xFF60, // fullwidth forms: ，：（）；
		r >= 0xFFE0 && r <= 0xFFE6:
		return 2
	}
	return -1
}

// oneLine makes a cell one line: a table row cannot hold a line break, and a
// tab's width depends on where it falls.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// fit cuts s to at most w columns, ending it with an ellipsis if it was cut.
func fit(s string, w int) string {
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, ellipsis)
}

func pad(b *bufio.Writer, s string, w int, right bool) {
	n := w - width(s)
	if right {
		b.WriteString(strings.Repeat(" ", max(n, 0)))
		b.WriteString(s)
		return
	}
	b.WriteString(s)
	b.WriteString(strings.Repeat(" ", max(n, 0)))
}

// breaksAndTabs makes every line break one "\n", and a tab a space, for wrap.
var breaksAndTabs = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ")

// wrap breaks s into lines of at most w columns; continuation lines start
// with indent.
// Closing punctuation never starts a line: the character before it moves
// down with it.
func wrap(s string, w int, indent string) []string {
	n, ok := plainWidth(s)
	if ok && n <= w {
		return []string{s} // one line of runes runeWidth knows, as the loop below would leave it
	}
	if iw, plain := plainWidth(indent); ok && plain && iw+2 < w {
		return wrapPlain(s, n, w, indent, iw)
	}
	return wrapRunes(s, w, indent)
}

// wrapPlain is wrapRunes of a line of n columns whose runes, and its
// indent's, runeWidth knows, with room for a wide rune after the indent:
// the same breaks, found by position in s instead of moving runes from
// line to line, each line a piece of s after the indent. Most details of a
// year's records take this way; TestWrapPlainIsWrapRunes holds the two
// together.
func wrapPlain(s string, n, w int, indent string, iw int) []string {
	ir := utf8.RuneCountInString(indent)
	lines := make([]string, 0, n/(w-iw)+2)
	// The line so far: the indent (prefix runes, from the second line on)
	// and s[start:i], of runes runes and curW columns.
	start, prefix, runes, curW := 0, 0, 0, 0
	piece := func(end int) string {
		if prefix > 0 {
			return indent + s[start:end]
		}
		return s[start:end]
	}
	for i, r := range s {
		rw := runeWidth(r)
		if curW+rw > w {
			size := prefix + runes
			cut, carry := i, 0 // the next line takes s[cut:i], carry runes
			if strings.ContainsRune(noLineStart, r) && size > 1 {
				_, l := utf8.DecodeLastRuneInString(s[start:i])
				cut, carry = i-l, 1
			} else if r != ' ' {
				// Latin words break at a space, if one is near the end;
				// the line's k-th rune ends at pos.
				pos := i
				for k := size - 1; k > size-w/3 && k > ir; k-- {
					c, l := utf8.DecodeLastRuneInString(s[start:pos])
					if c == ' ' {
						cut, carry = pos, size-k-1
						break
					}
					if runeWidth(c) == 2 {
						break // Chinese text breaks anywhere
					}
					pos -= l
				}
			}
			lines = append(lines, strings.TrimRight(piece(cut), " "))
			start, prefix, runes, curW = cut, ir, carry, iw
			for _, m := range s[cut:i] {
				curW += runeWidth(m)
			}
		}
		runes++
		curW += rw
	}
	return append(lines, piece(len(s)))
}

// wrapRunes is wrap of any text: each paragraph's runes moved into lines
// one by one, widths measured by ansi where runeWidth does not know them.
func wrapRunes(s string, w int, indent string) []string {
	var lines []string
	iw := width(indent)
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, '\t') >= 0 {
		s = breaksAndTabs.Replace(s)
	}
	for _, para := range strings.Split(s, "\n") {
		cur := []rune(nil)
		curW := 0
		if len(lines) > 0 {
			cur, curW = []rune(indent), iw
		}
		for _, r := range para {
			rw := runeWidth(r)
			if rw < 0 {
				rw = ansi.StringWidth(string(r))
			}
			if curW+rw > w {
				carry := 0
				if strings.ContainsRune(noLineStart, r) && len(cur) > 1 {
					carry = 1
				}
				// Latin words break at a space, if one is near the end.
				if r != ' ' && carry == 0 {
					for k := len(cur) - 1; k > len(cur)-w/3 && k > len([]rune(indent)); k-- {
						if cur[k] == ' ' {
							carry = len(cur) - k - 1
							break
						}
						if runeWidth(cur[k]) == 2 {
							break // Chinese text breaks anywhere
						}
					}
				}
				moved := cur[len(cur)-carry:]
				lines = append(lines, strings.TrimRight(string(cur[:len(cur)-carry]), " "))
				cur = append([]rune(indent), moved...)
				curW = width(string(cur))
			}
			cur = append(cur, r)
			curW += rw
		}
		lines = append(lines, string(cur))
	}
	return lines
}

const noLineStart = lang.NoLineStart

func center(s string, w int) string {
	n := (w - width(s)) / 2
	if n <= 0 {
		return fit(s, w)
	}
	return strings.Repeat(" ", n) + s
}

func writeText(out io.Writer, doc *document) error {
	b := bufio.NewWriterSize(out, 64<<10)
	w := words{doc.Lang}
	b.WriteString(center(doc.Title, PageWidth))
	b.WriteString("\n\n")
	writePairs(b, doc.Meta, w)
	b.WriteString(strings.Repeat("=", PageWidth))
	b.WriteString("\n")
	for _, s := range doc.Sections {
		b.WriteString("\n")
		b.WriteString(fit(s.Title, PageWidth))
		b.WriteString("\n")
		for _, t := range s.Tables {
			if err := writeTextTable(b, t, w); err != nil {
				return err
			}
		}
		for _, n := range s.Notes {
			for _, line := range wrap(n, PageWidth, "  ") {
				b.WriteString(line)
				b.WriteString("\n")
			}
		}
	}
	b.WriteString("\n")
	b.WriteString(strings.Repeat("=", PageWidth))
	b.WriteString("\n\n")
	var sig []string
	for _, s := range doc.Signature {
		sig = append(sig, s+w.tr(lang.ColonSep)+"____________________")
	}
	b.WriteString(strings.Join(sig, "        "))
	b.WriteString("\n")
	return b.Flush()
}

// writePairs prints label: value pairs as many to a line as fit.
func writePairs(b *bufio.Writer, pairs []pair, w words) {
	sep := w.tr(lang.ColonSep)
	line := 0
	for _, p := range pairs {
		cell := p.Label + sep + p.Value
		cw := width(cell)
		if line > 0 && line+4+cw > PageWidth {
			b.WriteString("\n")
			line = 0
		}
		if line > 0 {
			b.WriteString("    ")
			line += 4
		}
		cell = fit(cell, PageWidth)
		b.WriteString(cell)
		line += width(cell)
	}
	b.WriteString("\n")
}

// layout returns the visible columns' widths and the gap between them,
// fitted to PageWidth: flexible columns shrink, widest first, to no less than
// ten columns while two spaces separate the columns; then one space, and
// they shrink to four; as a last resort the last columns give way, so no
// line passes the edge.
// natural holds the widest cell of each visible column, its head included.
func layout(t table, natural []int, visible []int) ([]int, int) {
	ws := natural
	total := func(gap int) int {
		n := gap * (len(ws) - 1)
		for _, x := range ws {
			n += x
		}
		return n
	}
	// shrink cuts the widest flexible column, wider than least, by one.
	shrink := func(least int) bool {
		widest := -1
		for i, c := range visible {
			if t.Columns[c].Flex && ws[i] > least && (widest < 0 || ws[i] > ws[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return false
		}
		ws[widest]--
		return true
	}
	for total(2) > PageWidth && shrink(10) {
	}
	if total(2) <= PageWidth {
		return ws, 2
	}
	for total(1) > PageWidth && shrink(4) {
	}
	for i := len(ws) - 1; total(1) > PageWidth && i >= 0; i-- {
		ws[i] = max(1, ws[i]-(total(1)-PageWidth))
	}
	return ws, 1
}

// columnWidths measures a table's visible columns for the text layout:
// each as wide as its widest cell, its head included.
type columnWidths struct {
	visible []int // the columns printed on the row's line, not under it
	natural []int
	last    []int // the widths of the row added last
}

func newColumnWidths(t table) *columnWidths {
	m := &columnWidths{}
	for i, c := range t.Columns {
		if !c.Detail {
			m.visible = append(m.visible, i)
			m.natural = append(m.natural, width(c.Head))
		}
	}
	return m
}

// flat makes r's visible cells one line each, as they print.
func (m *columnWidths) flat(r row) {
	for _, c := range m.visible {
		r.Cells[c] = flatCell(r.Cells[c])
	}
}

// flatCell is a cell on one line.
func flatCell(s string) string {
	if strings.ContainsAny(s, "\r\n\t") {
		return oneLine.Replace(s)
	}
	return s
}

// add widens the columns to r's cells.
func (m *columnWidths) add(r row) {
	m.last = m.last[:0]
	for i, c := range m.visible {
		// A cell of runes plainWidth knows has no line break or tab to
		// flatten; the others are flattened first, as flat does.
		n, ok := plainWidth(r.Cells[c])
		if !ok {
			r.Cells[c] = flatCell(r.Cells[c])
			n = width(r.Cells[c])
		}
		m.last = append(m.last, n)
		m.natural[i] = max(m.natural[i], n)
	}
}

// writeTextTable prints t: its rows are read once to measure the columns
// and again to print them, or copied from its spool, measured already.
func writeTextTable(b *bufio.Writer, t table, w words) error {
	if t.Title != "" {
		b.WriteString(w.tr(lang.OpenBracket) + t.Title + w.tr(lang.CloseBracket) + "\n")
	}
	if t.KV {
		writeKV(b, t, w)
		return nil
	}
	if t.n() == 0 {
		b.WriteString("  " + w.tr(lang.OpenParen) + t.Empty + w.tr(lang.CloseParen) + "\n")
		return nil
	}
	m := newColumnWidths(t)
	natural := m.natural
	if t.Spool != nil {
		natural = t.Spool.widths
	} else if err := t.each(func(r row) error { m.add(r); return nil }); err != nil {
		return err
	}
	l := textLines{t: t, visible: m.visible}
	l.ws, l.gap = layout(t, natural, m.visible)
	l.sp = strings.Repeat(" ", l.gap)
	l.line(b, func(c int) (string, int) { h := t.Columns[c].Head; return h, width(h) })
	rule := l.gap * (len(l.ws) - 1)
	for _, x := range l.ws {
		rule += x
	}
	b.WriteString(strings.Repeat("-", min(rule, PageWidth)))
	b.WriteString("\n")
	if t.Spool != nil {
		return t.Spool.eachText(func(cells []string, widths []int, details []string) {
			l.line(b, func(c int) (string, int) { return cells[c], widths[c] })
			writeLines(b, details)
		})
	}
	d := newTextDetails(t, w)
	return t.each(func(r row) error {
		m.flat(r)
		l.line(b, func(c int) (string, int) { return r.Cells[c], width(r.Cells[c]) })
		writeLines(b, d.lines(r))
		return nil
	})
}

// textLines prints the lines of a table's rows in its layout: the visible
// columns, ws wide, gap apart.
type textLines struct {
	t       table
	visible []int
	ws      []int
	gap     int
	sp      string
}

// line prints the cells get gives, with their widths, on one line.
func (l *textLines) line(b *bufio.Writer, get func(c int) (string, int)) {
	for i, c := range l.visible {
		if i > 0 {
			b.WriteString(l.sp)
		}
		s, sw := get(c)
		if sw > l.ws[i] {
			s = fit(s, l.ws[i])
			sw = width(s)
		}
		last := i == len(l.visible)-1
		right := l.t.Columns[c].Right
		switch {
		case right:
			spaces(b, l.ws[i]-sw)
			b.WriteString(s)
		case last:
			b.WriteString(s) // no trailing spaces
		default:
			b.WriteString(s)
			spaces(b, l.ws[i]-sw)
		}
	}
	b.WriteString("\n")
}

// blanks is a line of spaces, to pad cells from.
var blanks = strings.Repeat(" ", PageWidth)

// spaces writes n spaces (none when n < 0).
func spaces(b *bufio.Writer, n int) {
	for n > 0 {
		k := min(n, len(blanks))
		b.WriteString(blanks[:k])
		n -= k
	}
}

func writeLines(b *bufio.Writer, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n")
	}
}

// textDetails lays out a row's detail columns as the lines printed under
// it: each "head: value" with a value, wrapped to the page.
type textDetails struct {
	t                table
	colon, semicolon string // between a head and its value, and between details
	detail           []int
}

func newTextDetails(t table, w words) *textDetails {
	d := &textDetails{t: t, colon: w.tr(lang.ColonSep), semicolon: w.tr(lang.SemicolonSep)}
	for i, c := range t.Columns {
		if c.Detail && !c.CSVOnly {
			d.detail = append(d.detail, i)
		}
	}
	return d
}

// lines are r's detail lines, none when it has no details.
func (d *textDetails) lines(r row) []string {
	var b strings.Builder // one string, that wrap's lines are pieces of
	for _, c := range d.detail {
		if v := strings.TrimSpace(r.Cells[c]); v != "" {
			if b.Len() == 0 {
				b.Grow(64 + 2*len(v))
				b.WriteString("    ")
			} else {
				b.WriteString(d.semicolon)
			}
			b.WriteString(d.t.Columns[c].Head)
			b.WriteString(d.colon)
			b.WriteString(v)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return wrap(b.String(), PageWidth, "      ")
}

// writeKV prints a table of pairs as a grid, as many pairs to a line as fit.
func writeKV(b *bufio.Writer, t table, w words) {
	lw, vw := 0, 0
	for _, r := range t.Rows {
		lw = max(lw, width(r.Cells[0]))
		vw = max(vw, width(r.Cells[1]))
	}
	cell := lw + 2 + vw
	const gap = 4
	per := max(1, (PageWidth+gap)/(cell+gap))
	if per == 1 {
		cell = min(cell, PageWidth)
	}
	for i, r := range t.Rows {
		if i%per != 0 {
			b.WriteString(strings.Repeat(" ", gap))
		}
		label := fit(r.Cells[0], max(cell-vw-2, 1))
		pad(b, label, cell-vw-2, false)
		b.WriteString("  ")
		pad(b, fit(r.Cells[1], vw), vw, true)
		if i%per == per-1 || i == len(t.Rows)-1 {
			b.WriteString("\n")
		}
	}
}
