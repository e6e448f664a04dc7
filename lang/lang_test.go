package lang_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"frontdesk/lang"
)

// dataFiles hold Chinese that is data, not interface: the names, request
// texts and venues the demo and the benchmark database invent, and the
// pinyin table that makes login names from Chinese names.
var dataFiles = map[string]bool{
	"store/login.go":              true,
	"demo/booking_texts.go":       true,
	"demo/bookings.go":            true,
	"demo/demo.go":                true,
	"demo/names.go":               true,
	"demo/network.go":             true,
	"demo/request_texts.go":       true,
	"demo/requests.go":            true,
	"demo/visits.go":              true,
	"internal/benchdb/benchdb.go": true,
}

// chinese reports whether s holds Chinese: Han characters, CJK punctuation
// (3000–303F) or full-width forms.
func chinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			return true
		}
	}
	return false
}

// TestCatalogue checks that no package of the module carries Chinese text of
// its own outside lang/ (test files and the data files above aside), and
// that every Text of the catalogue has both languages.
func TestCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if (rel != "." && strings.HasPrefix(d.Name(), ".")) || d.Name() == "testdata" || rel == "lang" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") || dataFiles[rel] {
			return nil
		}
		files++
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, _ := strconv.Unquote(lit.Value); chinese(s) {
					t.Errorf("%s: %q belongs in lang/", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range dataFiles {
		if _, err := os.Stat(filepath.Join("..", rel)); err != nil {
			t.Errorf("data file %s: %v", rel, err)
		}
	}
	if files < 50 {
		t.Fatalf("walked %d Go files; the walk missed the module", files)
	}

	texts := 0
	catalogue, _ := filepath.Glob("*.go")
	for _, name := range catalogue {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Only the catalogue's declarations: the functions build Texts of
		// their own from values.
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			ast.Inspect(g, func(n ast.Node) bool {
				cl, ok := n.(*ast.CompositeLit)
				if !ok {
					return true
				}
				if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "Text" {
					if _, ok := cl.Type.(*ast.ArrayType); ok || cl.Type != nil {
						return true
					}
				}
				// A Text literal, or an element of a []Text or [7]Text.
				if len(cl.Elts) != 2 {
					return true
				}
				zh, ok1 := cl.Elts[0].(*ast.BasicLit)
				en, ok2 := cl.Elts[1].(*ast.BasicLit)
				if !ok1 || !ok2 {
					t.Errorf("%s: a Text is two string literals, Chinese then English", fset.Position(cl.Pos()))
					return true
				}
				texts++
				z, _ := strconv.Unquote(zh.Value)
				e, _ := strconv.Unquote(en.Value)
				if strings.TrimSpace(z) == "" || strings.TrimSpace(e) == "" {
					t.Errorf("%s: a Text without both languages: %q / %q", fset.Position(cl.Pos()), z, e)
				}
				if chinese(e) {
					t.Errorf("%s: Chinese in the English of %q", fset.Position(en.Pos()), e)
				}
				return true
			})
		}
	}
	if texts < 400 {
		t.Fatalf("found %d texts; the parser missed the catalogue", texts)
	}
}

func TestIn(t *testing.T) {
	x := lang.Text{ZH: "是", EN: "Yes"}
	for _, c := range []struct{ lang, want string }{{"en", "Yes"}, {"zh", "是"}, {"", "是"}, {"fr", "是"}} {
		if got := x.In(c.lang); got != c.want {
			t.Errorf("In(%q) = %q, want %q", c.lang, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	status := lang.Text{ZH: "已办结", EN: "Resolved"}
	got := lang.Text{ZH: "%s：%d", EN: "%s: %d"}.Format(status, 3)
	if want := (lang.Text{ZH: "已办结：3", EN: "Resolved: 3"}); got != want {
		t.Fatalf("Format = %+v, want %+v", got, want)
	}
}

func TestLongDate(t *testing.T) {
	day := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	if got, want := lang.LongDate(day, lang.ZH), "2026年3月5日 星期四"; got != want {
		t.Errorf("zh: got %q, want %q", got, want)
	}
	if got, want := lang.LongDate(day, lang.EN), "Thursday, 5 March 2026"; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
	for i, d := range lang.WeekdayNames {
		if d.EN != time.Weekday(i).String() {
			t.Errorf("WeekdayNames[%d] = %q, want %q", i, d.EN, time.Weekday(i))
		}
	}
}
