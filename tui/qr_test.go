package tui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// decodeScreen finds the half-block code on a screen and reads it as a
// phone would: each block a light module, each space a dark one, two a
// line, with the terminal's dark all around.
func decodeScreen(t *testing.T, screen string) string {
	t.Helper()
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.ContainsAny(l, "█▀▄") {
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 {
		t.Fatalf("no code on the screen:\n%s", screen)
	}
	const scale, margin = 6, 8
	w := 0
	for _, r := range rows {
		w = max(w, len([]rune(r)))
	}
	h := 2 * len(rows)
	img := image.NewGray(image.Rect(0, 0, (w+2*margin)*scale, (h+2*margin)*scale))
	// Light is the blocks; the rest, the terminal, is dark. Scanners read
	// light-on-dark codes when inverted, so the picture is drawn inverted:
	// the code's dark modules black on white.
	light := func(x, y int) bool {
		r := rows[y/2]
		rs := []rune(r)
		if x >= len(rs) {
			return false
		}
		switch rs[x] {
		case '█':
			return true
		case '▀':
			return y%2 == 0
		case '▄':
			return y%2 == 1
		}
		return false
	}
	for py := range img.Bounds().Dy() {
		for px := range img.Bounds().Dx() {
			x, y := px/scale-margin, py/scale-margin
			// Inside the code, light modules are the paper; outside it the
			// terminal is dark, which a printed code would show as paper
			// too: the quiet zone the code draws is what must carry it.
			c := color.Gray{Y: 255}
			if x >= 0 && y >= 0 && x < w && y < h && !light(x, y) {
				c = color.Gray{Y: 0}
			}
			img.SetGray(px, py, c)
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the code on the screen does not decode: %v\n%s", err, screen)
	}
	return res.GetText()
}

// The QR view at 80×24 draws a code a phone reads: the golden screen is
// decoded as a picture, and gives back the kiosk's address with its token.
func TestQRGolden(t *testing.T) {
	db, _ := mustOpen(t, true)
	links := []Link{
		{"我要办事", "http://192.168.100.200:21500/f/request?token=29412345.Zm9vYmFyYmF6cXV4cXV1eA"},
		{"预约场地", "http://192.168.100.200:21500/f/booking?token=29412345.YmF6cXV4Zm9vYmFycXV1eA"},
		{"来访登记", "http://192.168.100.200:21500/f/checkin?token=29412345.cXV4Zm9vYmFyYmF6cXV1eA"},
	}
	tm := startProgram(t, db, Options{Staff: "王芳", Links: func() []Link { return links }})
	waitFor(t, tm, "待办")
	tm.Send(runes("Q"))
	waitFor(t, tm, "1/3", "我要办事")
	screen := finalView(t, tm)
	golden.RequireEqual(t, []byte(screen))
	if got := decodeScreen(t, screen); got != links[0].URL {
		t.Fatalf("decoded %q, want %q", got, links[0].URL)
	}
}
