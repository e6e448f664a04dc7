// Package chart draws the small charts of the printed logs as inline SVG:
// horizontal bars (a ranking, a share of a whole), columns (a count per hour
// or per day, one or two series side by side) and lines (rates over days).
//
// The charts are made for paper and for a strict Content-Security-Policy:
//   - the SVG is drawn on the server and goes inline in the page: no script,
//     no <style>, no style attributes and nothing loaded from outside, only
//     SVG presentation attributes, which no CSP directive governs;
//   - series differ by pattern, dash and marker shape, never by colour alone,
//     so a black-and-white printer keeps them apart, and every chart says in
//     words what its parts are (a legend and the values beside the bars);
//   - the same input gives the same bytes, so pages can be compared with
//     golden files.
//
// Each chart is a value with an ID, unique on its page (it prefixes the
// ids of the chart's patterns), and a Title; SVG returns the markup:
//
//	svg := chart.HBars{ID: "rank", Title: "Resolution rate by center", Unit: "%", Max: 100,
//		Bars: []chart.Bar{{Label: "东城街道", Value: 92.5}, {Label: "西城街道", Value: 71}}}.SVG()
//
// The result is template.HTML, ready for html/template. The network
// report (hub/) draws its ranking with HBars.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Width is the width of every chart in SVG units: the 186 mm of an A4
// page's text at 96 units an inch is 703; the charts scale to the page.
const Width = 680

const (
	fontSize   = 11
	titleSize  = 12
	lineHeight = 16
	ink        = "#000"
	grey       = "#888"
	pale       = "#ddd"
	font       = `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`
)

// Fill is how a series is filled: a tone or a pattern that a black-and-white
// print keeps apart from the others.
type Fill int

// The fills, in the order series take them.
const (
	Solid   Fill = iota // dark grey
	Hatched             // diagonal lines
	Dotted              // dots
	Open                // white with a black outline
)

// Bar is one bar of an HBars chart.
type Bar struct {
	Label string
	Value float64
	// Marked is the part of Value drawn hatched, such as the overdue
	// requests of a category; 0 for none.
	Marked float64
	// Text is printed at the end of the bar; empty prints the value.
	Text string
}

// HBars is a chart of labelled horizontal bars, one under the other, drawn
// in the given order.
type HBars struct {
	ID    string
	Title string
	Bars  []Bar
	// Max is the value a full-length bar stands for; 0 takes the largest
	// value.
	Max  float64
	Unit string // printed after the values, e.g. "%"
	// ValueLabel and MarkedLabel name the solid and the hatched part in
	// the legend; the legend is left out when MarkedLabel is empty.
	ValueLabel, MarkedLabel string
	// Empty is shown when there are no bars.
	Empty string
}

// Series is one named row of values of a Columns or Lines chart, one value
// per label; NaN is a missing value (a rate with nothing to count).
type Series struct {
	Name   string
	Values []float64
}

// Columns is a chart of vertical bars over labelled slots (hours, days);
// with several series, each slot has a bar per series side by side.
type Columns struct {
	ID     string
	Title  string
	Labels []string
	Series []Series
	Unit   string
	// LabelEvery prints every n-th label under the axis; 0 chooses so that
	// the labels do not touch.
	LabelEvery int
}

// Lines is a chart of series drawn as lines over labelled slots, each with
// its own dash and marker shape.
type Lines struct {
	ID     string
	Title  string
	Labels []string
	Series []Series
	// Max is the top of the scale; 0 takes a round number above the
	// largest value.
	Max        float64
	Unit       string
	LabelEvery int
}

// canvas collects the elements of one SVG.
type canvas struct {
	b  strings.Builder
	id string
}

// num prints a coordinate with at most one decimal, the same on every
// machine.
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// Value prints a chart value as the charts print it: whole numbers without
// decimals, others with one.
func Value(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// textWidth estimates how wide s is drawn at size: a Chinese character is
// about as wide as the font is high, a Latin one about half of that.
func textWidth(s string, size float64) float64 {
	return float64(ansi.StringWidth(s)) * size * 0.55
}

func (c *canvas) open(w, h float64, title string) {
	fmt.Fprintf(&c.b, `<svg class="chart" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-title" font-family='%s' font-size="%d">`,
		num(w), num(h), esc(c.id), font, fontSize)
	fmt.Fprintf(&c.b, "\n<title id=\"%s-title\">%s</title>\n", esc(c.id), esc(title))
	c.b.WriteString(`<defs>`)
	fmt.Fprintf(&c.b, `<pattern id="%s-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="0" x2="0" y2="5" stroke="%s" stroke-width="2.2"/></pattern>`, esc(c.id), ink)
	fmt.Fprintf(&c.b, `<pattern id="%s-dots" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"/><circle cx="2" cy="2" r="1.1" fill="%s"/></pattern>`, esc(c.id), ink)
	c.b.WriteString("</defs>\n")
	c.text(0, titleSize+2, "start", titleSize, true, title)
}

func (c *canvas) close() template.HTML {
	c.b.WriteString("</svg>")
	return template.HTML(c.b.String())
}

// fill returns the fill and stroke attributes of f.
func (c *canvas) fill(f Fill) string {
	switch f {
	case Hatched:
		return fmt.Sprintf(`fill="url(#%s-hatch)" stroke="%s" stroke-width="0.8"`, esc(c.id), ink)
	case Dotted:
		return fmt.Sprintf(`fill="url(#%s-dots)" stroke="%s" stroke-width="0.8"`, esc(c.id), ink)
	case Open:
		return fmt.Sprintf(`fill="#fff" stroke="%s" stroke-width="1"`, ink)
	}
	return `fill="#444" stroke="#000" stroke-width="0.5"`
}

func (c *canvas) rect(x, y, w, h float64, attrs string) {
	fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s" %s/>`+"\n", num(x), num(y), num(w), num(h), attrs)
}

func (c *canvas) line(x1, y1, x2, y2 float64, attrs string) {
	fmt.Fprintf(&c.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`+"\n", num(x1), num(y1), num(x2), num(y2), attrs)
}

func (c *canvas) text(x, y float64, anchor string, size int, bold bool, s string) {
	extra := ""
	if anchor != "start" {
		extra += ` text-anchor="` + anchor + `"`
	}
	if size != fontSize {
		extra += ` font-size="` + strconv.Itoa(size) + `"`
	}
	if bold {
		extra += ` font-weight="bold"`
	}
	fmt.Fprintf(&c.b, `<text x="%s" y="%s"%s>%s</text>`+"\n", num(x), num(y), extra, esc(s))
}

// legend draws swatches with names in a row at y and returns the height it
// took.
func (c *canvas) legend(y float64, items []legendItem) {
	x := 0.0
	for _, it := range items {
		switch {
		case it.dash != "":
			c.line(x, y-4, x+22, y-4, `stroke="#000" stroke-width="1.6" `+it.dash)
			c.marker(it.marker, x+11, y-4)
			x += 28
		default:
			c.rect(x, y-10, 14, 10, c.fill(it.fill))
			x += 19
		}
		c.text(x, y, "start", fontSize, false, it.name)
		x += textWidth(it.name, fontSize) + 16
	}
}

type legendItem struct {
	name   string
	fill   Fill
	dash   string // for a line: its stroke-dasharray attribute, or ` ` for solid
	marker int
}

// marker draws shape k (circle, square, triangle, diamond) centred on x, y.
func (c *canvas) marker(k int, x, y float64) {
	const r = 3.2
	attrs := `fill="#fff" stroke="#000" stroke-width="1.2"`
	switch k % 4 {
	case 0:
		fmt.Fprintf(&c.b, `<circle cx="%s" cy="%s" r="%s" %s/>`+"\n", num(x), num(y), num(r), attrs)
	case 1:
		c.rect(x-r, y-r, 2*r, 2*r, attrs)
	case 2:
		fmt.Fprintf(&c.b, `<path d="M%s %sL%s %sL%s %sZ" %s/>`+"\n", num(x), num(y-r-0.6), num(x+r+0.4), num(y+r), num(x-r-0.4), num(y+r), attrs)
	default:
		fmt.Fprintf(&c.b, `<path d="M%s %sL%s %sL%s %sL%s %sZ" %s/>`+"\n", num(x), num(y-r-0.8), num(x+r+0.8), num(y), num(x), num(y+r+0.8), num(x-r-0.8), num(y), attrs)
	}
}

// dashes are the strokes of line series in order: solid, dashed, dotted,
// dash-dot.
var dashes = []string{` `, `stroke-dasharray="7 3"`, `stroke-dasharray="1.5 2.5"`, `stroke-dasharray="8 3 2 3"`}

// niceMax returns a round top of the scale at or above v, and the step of
// its grid lines: 1, 2 or 5 times a power of ten, four or five steps.
func niceMax(v float64) (top, step float64) {
	if v <= 0 || math.IsNaN(v) {
		return 1, 1
	}
	raw := v / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	if step < 1 && v >= 1 {
		step = 1
	}
	return math.Ceil(v/step-1e-9) * step, step
}

// SVG draws the bars.
func (h HBars) SVG() template.HTML {
	c := &canvas{id: h.ID}
	const barH, gap = 14.0, 6.0
	top := float64(titleSize + 10)
	if h.MarkedLabel != "" {
		top += lineHeight
	}
	labelW := 0.0
	for _, b := range h.Bars {
		labelW = math.Max(labelW, textWidth(b.Label, fontSize))
	}
	labelW = math.Min(labelW+8, Width*0.35)
	rows := max(len(h.Bars), 1)
	height := top + float64(rows)*(barH+gap) + 4
	c.open(Width, height, h.Title)
	if h.MarkedLabel != "" {
		c.legend(top-6, []legendItem{{name: h.ValueLabel, fill: Solid}, {name: h.MarkedLabel, fill: Hatched}})
	}
	if len(h.Bars) == 0 {
		c.text(0, top+barH, "start", fontSize, false, h.Empty)
		return c.close()
	}
	scale := h.Max
	for _, b := range h.Bars {
		if h.Max == 0 {
			scale = math.Max(scale, b.Value)
		}
	}
	textRoom := 0.0
	for _, b := range h.Bars {
		textRoom = math.Max(textRoom, textWidth(barText(b, h.Unit), fontSize))
	}
	barW := Width - labelW - textRoom - 14
	c.line(labelW, top-2, labelW, top+float64(len(h.Bars))*(barH+gap)-gap+2, `stroke="#000" stroke-width="1"`)
	for i, b := range h.Bars {
		y := top + float64(i)*(barH+gap)
		c.text(labelW-6, y+barH-3, "end", fontSize, false, b.Label)
		w := 0.0
		if scale > 0 {
			w = barW * math.Min(math.Max(b.Value, 0), scale) / scale
		}
		marked := 0.0
		if scale > 0 && b.Marked > 0 {
			marked = barW * math.Min(b.Marked, b.Value) / scale
		}
		if w-marked > 0 {
			c.rect(labelW, y, w-marked, barH, c.fill(Solid))
		}
		if marked > 0 {
			c.rect(labelW+w-marked, y, marked, barH, c.fill(Hatched))
		}
		c.text(labelW+w+4, y+barH-3, "start", fontSize, false, barText(b, h.Unit))
	}
	return c.close()
}

func barText(b Bar, unit string) string {
	if b.Text != "" {
		return b.Text
	}
	return Value(b.Value) + unit
}

// plot is the frame of a Columns or Lines chart: the value axis on the
// left with its grid, the slot labels under it.
type plot struct {
	x0, y0, w, h float64 // the plotting area; y0 is its top
	top, step    float64
	slots        int
}

func (p plot) slotW() float64 { return p.w / float64(p.slots) }

func (p plot) y(v float64) float64 { return p.y0 + p.h - p.h*math.Min(v, p.top)/p.top }

// frame draws the grid, the value labels and the slot labels.
func (c *canvas) frame(p plot, labels []string, every int, unit string) {
	for v := 0.0; v <= p.top+1e-9; v += p.step {
		y := p.y(v)
		attrs := `stroke="` + pale + `" stroke-width="0.6"`
		if v == 0 {
			attrs = `stroke="#000" stroke-width="1"`
		}
		c.line(p.x0, y, p.x0+p.w, y, attrs)
		c.text(p.x0-4, y+4, "end", fontSize-1, false, Value(v)+unit)
	}
	if every <= 0 {
		widest := 0.0
		for _, l := range labels {
			widest = math.Max(widest, textWidth(l, fontSize-1))
		}
		every = max(1, int(math.Ceil((widest+6)/p.slotW())))
	}
	for i, l := range labels {
		if i%every != 0 {
			continue
		}
		x := p.x0 + (float64(i)+0.5)*p.slotW()
		c.line(x, p.y0+p.h, x, p.y0+p.h+3, `stroke="#000" stroke-width="0.8"`)
		c.text(x, p.y0+p.h+15, "middle", fontSize-1, false, l)
	}
}

// newPlot sizes the plotting area under a title and a legend line, with
// room on the left for the values up to top.
func newPlot(top, step float64, slots int, unit string) plot {
	left := textWidth(Value(top)+unit, fontSize-1) + 8
	return plot{x0: left, y0: titleSize + 10 + lineHeight + 6, w: Width - left - 4, h: 150, top: top, step: step, slots: max(slots, 1)}
}

func (p plot) height() float64 { return p.y0 + p.h + 22 }

func largest(series []Series) float64 {
	m := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				m = math.Max(m, v)
			}
		}
	}
	return m
}

// SVG draws the columns.
func (cs Columns) SVG() template.HTML {
	c := &canvas{id: cs.ID}
	// Room above the highest bar for its value.
	top, step := niceMax(largest(cs.Series) * 1.1)
	p := newPlot(top, step, len(cs.Labels), cs.Unit)
	c.open(Width, p.height(), cs.Title)
	var items []legendItem
	for i, s := range cs.Series {
		items = append(items, legendItem{name: s.Name, fill: Fill(i % 4)})
	}
	c.legend(p.y0-10, items)
	c.frame(p, cs.Labels, cs.LabelEvery, cs.Unit)
	n := max(len(cs.Series), 1)
	group := p.slotW() * 0.8
	barW := group / float64(n)
	// Values over the bars when they fit, so the figures read without the
	// grid.
	showValues := barW >= 14
	for si, s := range cs.Series {
		for i, v := range s.Values {
			if i >= p.slots || math.IsNaN(v) || v <= 0 {
				continue
			}
			x := p.x0 + float64(i)*p.slotW() + (p.slotW()-group)/2 + float64(si)*barW
			y := p.y(v)
			c.rect(x, y, barW, p.y0+p.h-y, c.fill(Fill(si%4)))
			if showValues {
				c.text(x+barW/2, y-3, "middle", fontSize-2, false, Value(v))
			}
		}
	}
	return c.close()
}

// SVG draws the lines.
func (ls Lines) SVG() template.HTML {
	c := &canvas{id: ls.ID}
	top, step := ls.Max, 0.0
	if top > 0 {
		_, step = niceMax(top)
	} else {
		top, step = niceMax(largest(ls.Series))
	}
	p := newPlot(top, step, len(ls.Labels), ls.Unit)
	c.open(Width, p.height(), ls.Title)
	var items []legendItem
	for i, s := range ls.Series {
		items = append(items, legendItem{name: s.Name, dash: dashes[i%len(dashes)], marker: i})
	}
	c.legend(p.y0-10, items)
	c.frame(p, ls.Labels, ls.LabelEvery, ls.Unit)
	for si, s := range ls.Series {
		// A missing value breaks the line: a day with nothing to count is
		// not a day at zero.
		var path strings.Builder
		pen := false
		for i, v := range s.Values {
			if i >= p.slots {
				break
			}
			if math.IsNaN(v) {
				pen = false
				continue
			}
			x, y := p.x0+(float64(i)+0.5)*p.slotW(), p.y(v)
			if pen {
				path.WriteString("L" + num(x) + " " + num(y))
			} else {
				path.WriteString("M" + num(x) + " " + num(y))
			}
			pen = true
		}
		if path.Len() > 0 {
			fmt.Fprintf(&c.b, `<path d="%s" fill="none" stroke="#000" stroke-width="1.6" %s/>`+"\n", path.String(), dashes[si%len(dashes)])
		}
		every := 1
		if p.slotW() < 9 {
			every = 2
		}
		for i, v := range s.Values {
			if i >= p.slots || math.IsNaN(v) || i%every != 0 {
				continue
			}
			c.marker(si, p.x0+(float64(i)+0.5)*p.slotW(), p.y(v))
		}
	}
	return c.close()
}

// Meter is a bar the size of a table cell, 100 by 10 units: value of max
// filled dark inside an outline, for a column of scores.
func Meter(value, max float64) template.HTML {
	w := 0.0
	if max > 0 {
		w = 99 * math.Min(math.Max(value, 0), max) / max
	}
	return template.HTML(fmt.Sprintf(`<svg class="meter" width="100" height="10" viewBox="0 0 100 10" role="img" aria-label="%s">`+
		`<rect x="0.5" y="0.5" width="99" height="9" fill="#fff" stroke="#000" stroke-width="0.6"/>`+
		`<rect x="0.5" y="0.5" width="%s" height="9" fill="#444"/></svg>`, esc(Value(value)), num(w)))
}
