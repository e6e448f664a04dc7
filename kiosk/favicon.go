package kiosk

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/http"
)

// favicon is the kiosk's icon as an ICO file holding one 32×32 PNG: a gold
// star on the kiosk's red, drawn here so no binary file is kept.
var favicon = func() []byte {
	const n = 32
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	red, gold := color.RGBA{0xc6, 0x28, 0x28, 0xff}, color.RGBA{0xff, 0xd5, 0x4f, 0xff}
	// A five-pointed star: its ten corners alternate between two radii.
	var star [10][2]float64
	for i := range star {
		r := 13.0
		if i%2 == 1 {
			r = 5.2
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		star[i] = [2]float64{16 + r*math.Cos(a), 17 + r*math.Sin(a)}
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			c := red
			// Round the corners by leaving them clear.
			if cx, cy := math.Max(math.Abs(float64(x)+.5-16)-11, 0), math.Max(math.Abs(float64(y)+.5-16)-11, 0); cx*cx+cy*cy > 25 {
				continue
			}
			if inside(star[:], float64(x)+.5, float64(y)+.5) {
				c = gold
			}
			img.Set(x, y, c)
		}
	}
	var pic bytes.Buffer
	png.Encode(&pic, img)
	var ico bytes.Buffer
	// ICONDIR (reserved, type 1 = icon, one image), then its ICONDIRENTRY
	// (width, height, colours, reserved, planes, bits, size, offset).
	binary.Write(&ico, binary.LittleEndian, [3]uint16{0, 1, 1})
	ico.Write([]byte{n, n, 0, 0})
	binary.Write(&ico, binary.LittleEndian, [2]uint16{1, 32})
	binary.Write(&ico, binary.LittleEndian, [2]uint32{uint32(pic.Len()), 6 + 16})
	ico.Write(pic.Bytes())
	return ico.Bytes()
}()

// inside reports whether (x, y) lies in the polygon (even-odd rule).
func inside(poly [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		a, b := poly[i], poly[j]
		if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

func (s *Server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "image/x-icon")
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("Content-Length", itoa(len(favicon)))
	w.Write(favicon)
}
