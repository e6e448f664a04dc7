package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"frontdesk/lang"
)

// bom opens the CSV so Excel reads it as UTF-8 and shows Chinese correctly.
const bom = "\ufeff"

// writeCSV writes each table as a block: a header row, then its rows, each
// row as many fields as its header. The first column names the block, so a
// filter in a spreadsheet picks one out; a blank line separates blocks.
func writeCSV(out io.Writer, doc *document) error {
	b := bufio.NewWriterSize(out, 64<<10)
	b.WriteString(bom)
	c := safeCSV{csv.NewWriter(b)}
	w := words{doc.Lang}
	block := w.tr(lang.Section)
	first := true
	start := func(header []string) {
		if !first {
			c.Write(nil) // csv writes an empty record as a blank line, which readers skip
		}
		first = false
		c.Write(append([]string{block}, header...))
	}
	info := w.tr(lang.Log)
	start([]string{w.tr(lang.Item), w.tr(lang.Value)})
	c.Write([]string{info, w.tr(lang.TitleKey), doc.Title})
	for _, p := range doc.Meta {
		c.Write([]string{info, p.Label, p.Value})
	}
	for _, s := range doc.Sections {
		for _, t := range s.Tables {
			name := s.Title
			if t.Title != "" {
				name += "·" + t.Title
			}
			header := make([]string, len(t.Columns))
			for i, col := range t.Columns {
				header[i] = col.Head
			}
			start(header)
			var err error
			if t.Spool != nil {
				c.Flush()
				err = t.Spool.eachCSV(b, csvPrefix(name))
			} else {
				err = t.each(func(r row) error { return c.Write(append([]string{name}, r.Cells...)) })
			}
			if err != nil {
				return err
			}
		}
		if len(s.Notes) > 0 {
			start([]string{w.tr(lang.NoteField)})
			for _, n := range s.Notes {
				c.Write([]string{s.Title, n})
			}
		}
	}
	start(doc.Signature)
	sig := make([]string, len(doc.Signature)+1)
	sig[0] = w.tr(lang.Signature)
	c.Write(sig)
	c.Flush()
	if err := c.Error(); err != nil {
		return err
	}
	return b.Flush()
}

// safeCSV writes every cell through Neutralize, so nothing a visitor typed
// becomes a formula in the spreadsheet that opens the export.
type safeCSV struct{ *csv.Writer }

func (c safeCSV) Write(record []string) error {
	out := make([]string, len(record))
	for i, cell := range record {
		out[i] = Neutralize(cell)
	}
	return c.Writer.Write(out)
}

// Neutralize returns a CSV cell that a spreadsheet cannot take for a
// formula: text beginning with = + - @, a tab or a carriage return gets a
// leading apostrophe (the spreadsheet convention for "this is text").
// A plain number such as -5 or +86 stays as it is: it is no formula.
func Neutralize(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(cell, 64); err == nil && cell[0] != '\t' && cell[0] != '\r' {
			return cell
		}
		return "'" + cell
	}
	return cell
}
