// Package termio reads a desk's terminal input for Bubble Tea: the local
// desk's and each SSH session's.
package termio

import (
	"io"
	"os"
	"unicode/utf8"
)

// WholeRunes wraps a desk's input so that no full read ends inside a UTF-8
// character. Bubble Tea v1.3 reads its input 256 bytes at a time, and a
// character cut by the end of a full read comes out as unknown bytes and is
// lost: a long Chinese text typed or pasted without bracketed paste lost a
// character every 256 bytes. A full read that ends inside a character keeps
// that character's first bytes for the next read, where the rest of it is
// waiting; a short read (the end of a burst) is passed on as it came, so a
// terminal's stray byte is never held back. A file (a terminal) stays one,
// so Bubble Tea still makes it raw and can cancel its reads.
func WholeRunes(r io.Reader) io.Reader {
	if f, ok := r.(*os.File); ok {
		return &runeFile{File: f, in: runeReader{r: f}}
	}
	return &runeReader{r: r}
}

type runeReader struct {
	r    io.Reader
	held []byte // the first bytes of a character cut by the last read
}

func (w *runeReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n := copy(p, w.held)
	w.held = append(w.held[:0], w.held[n:]...)
	var err error
	if n < len(p) {
		var m int
		m, err = w.r.Read(p[n:])
		n += m
	}
	if n == len(p) && err == nil {
		if cut := cutRune(p[:n]); cut > 0 && cut < n {
			w.held = append(w.held, p[n-cut:n]...)
			n -= cut
		}
	}
	return n, err
}

// cutRune is how many bytes at the end of b begin a character b does not
// hold whole; 0 when b ends on a character's end (or on a byte that cannot
// begin one, which is passed on as it is).
func cutRune(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return 0
			}
			return len(b) - i
		}
	}
	return 0
}

// runeFile is WholeRunes of a file: the file's own methods (its descriptor
// for raw mode and cancelled reads, Write, Close), with whole-character
// reads.
type runeFile struct {
	*os.File
	in runeReader
}

func (f *runeFile) Read(p []byte) (int, error) { return f.in.Read(p) }
