package report

import (
	"embed"
	"html/template"
	"io"
)

//go:embed templates/*.html
var templateFS embed.FS

// templates are parsed once; a bad template fails at start-up, not mid-print.
var templates = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// htmlRow is a row split into its grid cells and its detail line.
type htmlRow struct {
	Alert   bool
	Cells   []htmlCell
	Details []pair
}

type htmlCell struct {
	Text  string
	Right bool
}

type htmlTable struct {
	table
	Head  []column
	Lines []htmlRow
}

type htmlSection struct {
	Title  string
	Tables []htmlTable
	Notes  []string
}

type htmlPage struct {
	*document
	Words    words
	Sections []htmlSection
}

func writeHTML(w io.Writer, doc *document) error {
	p := htmlPage{document: doc, Words: words{doc.Lang}}
	for _, s := range doc.Sections {
		hs := htmlSection{Title: s.Title, Notes: s.Notes}
		for _, t := range s.Tables {
			ht := htmlTable{table: t}
			for _, c := range t.Columns {
				if !c.Detail {
					ht.Head = append(ht.Head, c)
				}
			}
			for _, r := range t.Rows {
				hr := htmlRow{Alert: r.Alert}
				for i, c := range t.Columns {
					if c.CSVOnly {
						continue
					}
					if c.Detail {
						if r.Cells[i] != "" {
							hr.Details = append(hr.Details, pair{c.Head, r.Cells[i]})
						}
						continue
					}
					hr.Cells = append(hr.Cells, htmlCell{Text: r.Cells[i], Right: c.Right})
				}
				ht.Lines = append(ht.Lines, hr)
			}
			hs.Tables = append(hs.Tables, ht)
		}
		p.Sections = append(p.Sections, hs)
	}
	return templates.ExecuteTemplate(w, "log.html", p)
}
