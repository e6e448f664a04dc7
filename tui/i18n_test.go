package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestCatalogue checks that every text has both languages and that no other
// file of the package carries Chinese of its own: it all comes from i18n.go.
func TestCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	texts := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "text" {
					texts++
					if len(n.Elts) != 2 {
						t.Errorf("%s: a text without both languages", fset.Position(n.Pos()))
					}
					for _, e := range n.Elts {
						if lit, ok := e.(*ast.BasicLit); ok {
							if s, _ := strconv.Unquote(lit.Value); strings.TrimSpace(s) == "" {
								t.Errorf("%s: an empty text", fset.Position(lit.Pos()))
							}
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING || name == "i18n.go" {
					return true
				}
				s, _ := strconv.Unquote(n.Value)
				for _, r := range s {
					if unicode.Is(unicode.Han, r) || (r >= 0xFF00 && r <= 0xFFEF) {
						t.Errorf("%s: %q belongs in i18n.go", fset.Position(n.Pos()), s)
						break
					}
				}
			}
			return true
		})
	}
	if texts < 100 {
		t.Fatalf("found %d texts; the parser missed the catalogue", texts)
	}
}

func TestNoColor(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Setenv("NO_COLOR", "")
	honourNoColor()
	if lipgloss.ColorProfile() != termenv.TrueColor {
		t.Fatal("an empty NO_COLOR turned colour off")
	}
	t.Setenv("NO_COLOR", "1")
	honourNoColor()
	if got := lipgloss.ColorProfile(); got != termenv.Ascii {
		t.Fatalf("profile = %v under NO_COLOR, want Ascii", got)
	}
	if s := newStyles(nil).overdue.Render("超期"); s != "超期" {
		t.Fatalf("NO_COLOR still styles: %q", s)
	}
}
