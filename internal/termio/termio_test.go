package termio

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// typist is a program that keeps the characters typed into it and quits on
// enter.
type typist struct{ got *strings.Builder }

func (t typist) Init() tea.Cmd { return nil }

func (t typist) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.Type {
		case tea.KeyEnter:
			return t, tea.Quit
		case tea.KeyRunes, tea.KeySpace:
			t.got.WriteString(string(k.Runes))
		}
	}
	return t, nil
}

func (t typist) View() string { return "" }

// TestWholeRunesThroughBubbleTea: a long Chinese text arriving in one burst
// reaches the program whole, through a pipe (a file, as a terminal is) and
// through a plain reader (as an SSH session is). Without WholeRunes, Bubble
// Tea v1.3 loses the character cut by each 256-byte read.
func TestWholeRunesThroughBubbleTea(t *testing.T) {
	text := strings.Repeat("党群服务中心接诉即办，", 40) // 1,200 bytes, characters of 3
	for _, c := range []struct {
		name string
		pipe func() (io.Reader, io.WriteCloser)
	}{
		{"file", func() (io.Reader, io.WriteCloser) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return r, w
		}},
		{"reader", func() (io.Reader, io.WriteCloser) { return io.Pipe() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, w := c.pipe()
			var got strings.Builder
			p := tea.NewProgram(typist{&got}, tea.WithInput(WholeRunes(r)), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			go func() { io.WriteString(w, text+"\r") }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				p.Kill()
				t.Fatalf("the program never saw enter; it had %d of %d characters", len([]rune(got.String())), len([]rune(text)))
			}
			w.Close()
			if got.String() != text {
				t.Errorf("typed %d characters, the program got %d:\n%s", len([]rune(text)), len([]rune(got.String())), got.String())
			}
		})
	}
}

// TestCutRune: only the first bytes of a character cut at the end are held.
func TestCutRune(t *testing.T) {
	zhong := []byte("中") // e4 b8 ad
	for _, c := range []struct {
		b    []byte
		want int
	}{
		{[]byte("abc"), 0},
		{append([]byte("a"), zhong...), 0},
		{append([]byte("a"), zhong[:1]...), 1},
		{append([]byte("a"), zhong[:2]...), 2},
		{[]byte{'a', 0xb8}, 0}, // a stray continuation byte is passed on
		{[]byte{'a', 0xff}, 0},
		{append([]byte("a"), []byte("😀")[:3]...), 3},
	} {
		if got := cutRune(c.b); got != c.want {
			t.Errorf("cutRune(% x) = %d, want %d", c.b, got, c.want)
		}
	}
}
