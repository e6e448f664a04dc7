package kiosk

import (
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// decodeQR reads a QR code from an image as a phone's scanner would: with
// both of gozxing's binarizers, and turning the picture if it must. gozxing
// misses about one valid code in 500 held upright (zbar reads them); turned
// a quarter, it reads them, as a camera held at any angle would.
func decodeQR(img image.Image) (*gozxing.Result, error) {
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	var err error
	for turn := 0; turn < 4; turn++ {
		src := gozxing.NewLuminanceSourceFromImage(img)
		for _, bin := range []gozxing.Binarizer{gozxing.NewHybridBinarizer(src), gozxing.NewGlobalHistgramBinarizer(src)} {
			bmp, berr := gozxing.NewBinaryBitmap(bin)
			if berr != nil {
				return nil, berr
			}
			var res *gozxing.Result
			if res, err = qrcode.NewQRCodeReader().Decode(bmp, hints); err == nil {
				return res, nil
			}
		}
		img = quarterTurn(img)
	}
	return nil, err
}

// quarterTurn rotates an image 90° clockwise.
func quarterTurn(img image.Image) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(b.Dy()-1-y, x, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}
