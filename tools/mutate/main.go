// Command mutate is frontdesk's small mutation tester. For each target (a
// file, the functions and constants in it that hold a security or business
// rule, the tests that guard them) it makes one-line mutants: a comparison
// flipped (< ↔ >=, <= ↔ >, == ↔ !=), && ↔ ||, a ! dropped, an integer
// constant compared or computed with moved by one, a guard call (an
// escaper, the CSV formula guard, the body limit) replaced by what it
// guards, and, where a target names "import", html/template swapped for
// text/template. Each mutant is compiled through go test -overlay (the
// source tree is never touched) and the target's tests run with a short
// timeout; a failing run kills the mutant. It prints killed/survived per
// mutant and the score, and exits non-zero when a mutant survives.
//
// Usage: go run ./tools/mutate [-list] [-only substring] [-timeout 90s]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// target is one file with rules, the functions (a method also as
// type.method) and constants mutated (and "import" for its html/template
// import) and the tests run.
type target struct {
	file  string
	funcs []string
	run   string
}

// targets is the bounded list of rules mutated.
var targets = []target{
	{"kiosk/token.go", []string{"window", "tokenWindow", "checkToken", "renewable", "checkStaffToken"}, "TestToken|TestStatusPages|TestRoutes"},
	{"kiosk/limit.go", []string{"blocked", "spend", "take", "bucket", "trusted", "onThisMachine"}, "TestRateLimit|TestLimiterEdges|TestTrustedProxy|TestRoutes|TestLookup"},
	{"kiosk/admin.go", []string{"handleDailyLog"}, "TestRoutes|TestDailyLogStyleAllowed|TestTrustedProxy"},
	{"kiosk/server.go", []string{"secure", "MaxBodyBytes"}, "TestRoutes|TestFormsKeepEverything|TestBodyLimit"},
	{"kiosk/errors.go", []string{"submit", "statusOf"}, "TestRoutes|TestBodyLimit"},
	{"kiosk/render.go", []string{"import"}, "TestRoutes|TestStatusPages"},
	{"report/html.go", []string{"htmlBody"}, "TestHTML|TestGolden"},
	{"report/chart/chart.go", []string{"text"}, "TestChart|TestEscapedLabels"},
	{"report/csv.go", []string{"Neutralize", "Write"}, "TestNeutralize|TestCSV"},
	{"store/booking.go", []string{"clash", "slotRules", "canMove", "refuseEnded", "Cancellable"}, "TestClash|TestBookingRules|TestCreateBooking|TestCancelEnded|TestCancelBooking|TestHundredBookOneSlot|TestApprove"},
	{"store/request.go", []string{"CanMove", "Done", "move", "Rateable", "recordSatisfaction"}, "TestWorkflow|TestRateable|TestCreateRequest|TestMoveInput"},
	{"store/dailylog.go", []string{"Valid", "Percent", "checkPeriod"}, "TestDailyLog|TestRate$"},
	{"store/logcount.go", []string{"firstSeen", "tallier.visit", "tallier.request", "tallier.booking"}, "TestDailyLog|TestRate$"},
	{"store/commit.go", []string{"runJob", "undone", "commitBatch", "runBatch"}, "TestCommitterRecoversAPanickingWrite|TestBatch|TestFailedCommit|TestRollbackLeftOpen|TestWriteLeavingRowsOpen|TestVisitListsFollowWrites|TestHundredBookOneSlot|TestCreateBooking"},
	{"store/together.go", []string{"checkInsTogether", "keysMade", "writeCheckIns", "inChunks", "eachRow", "chunk"}, "TestCheckInsTogether|TestSubmissionKey|TestSyncSeqsGivenOrNumbered|TestKioskSubmissions|TestCheckIn"},
}

// mutant is one change: bytes [off, off+len(old)) of the file become new.
type mutant struct {
	off      int
	old, new string
	line     int
	fn       string
}

var swaps = map[token.Token]string{
	token.LSS: ">=", token.GEQ: "<", token.GTR: "<=", token.LEQ: ">",
	token.EQL: "!=", token.NEQ: "==", token.LAND: "||", token.LOR: "&&",
}

// guards are the calls that make input safe, by the name called, with what
// stands in their place when the guard is dropped, made from their
// arguments' source: the value guarded, or for a writer the raw write.
var guards = map[string]func(args []string) string{
	"esc":              func(a []string) string { return a[0] },
	"HTMLEscapeString": func(a []string) string { return a[0] },
	"Neutralize":       func(a []string) string { return a[0] },
	"MaxBytesReader":   func(a []string) string { return a[1] },
	"HTMLEscape":       func(a []string) string { return a[0] + ".Write(" + a[1] + ")" },
}

// mutants lists the mutants of the named functions in src.
func mutants(path string, src []byte, funcs []string) ([]mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		return nil, err
	}
	var out []mutant
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	statements := map[*ast.CallExpr]bool{} // calls whose value is not used
	inspect := func(name string, root ast.Node) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch e := n.(type) {
			case *ast.ExprStmt:
				if c, ok := e.X.(*ast.CallExpr); ok {
					statements[c] = true
				}
			case *ast.BinaryExpr:
				if s, ok := swaps[e.Op]; ok {
					p := fset.Position(e.OpPos)
					out = append(out, mutant{p.Offset, e.Op.String(), s, p.Line, name})
				}
				// Constants are moved by one where they are compared or
				// computed with: the off-by-one of a bound.
				for _, x := range []ast.Expr{e.X, e.Y} {
					if l, ok := x.(*ast.BasicLit); ok && l.Kind == token.INT {
						if v, err := strconv.ParseInt(l.Value, 0, 64); err == nil {
							p := fset.Position(l.ValuePos)
							out = append(out, mutant{p.Offset, l.Value, strconv.FormatInt(v+1, 10), p.Line, name})
						}
					}
				}
			case *ast.UnaryExpr:
				if e.Op == token.NOT {
					p := fset.Position(e.OpPos)
					out = append(out, mutant{p.Offset, "!", "", p.Line, name})
				}
			case *ast.CallExpr:
				callee := ""
				switch fn := e.Fun.(type) {
				case *ast.Ident:
					callee = fn.Name
				case *ast.SelectorExpr:
					callee = fn.Sel.Name
				}
				if callee == "Grow" {
					return false // a capacity hint, never a rule
				}
				if unguard, ok := guards[callee]; ok {
					var args []string
					for _, a := range e.Args {
						args = append(args, text(a))
					}
					alone := unguard(args)
					// A bare value where the call was a statement does not
					// build: no mutant there (the guard itself is mutated
					// where it is defined).
					if x, err := parser.ParseExpr(alone); err == nil {
						if _, call := x.(*ast.CallExpr); call || !statements[e] {
							p := fset.Position(e.Pos())
							out = append(out, mutant{p.Offset, text(e), alone, p.Line, name})
						}
					}
				}
			}
			return true
		})
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) == 1 {
				// A method may be named with its type, tallier.visit, where
				// another type's method has the same name.
				t := d.Recv.List[0].Type
				if s, ok := t.(*ast.StarExpr); ok {
					t = s.X
				}
				if id, ok := t.(*ast.Ident); ok && slices.Contains(funcs, id.Name+"."+name) {
					name = id.Name + "." + name
				}
			}
			if slices.Contains(funcs, name) {
				inspect(name, d.Body)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if slices.Contains(funcs, n.Name) {
							for _, v := range sp.Values {
								inspect(n.Name, v)
							}
						}
					}
				case *ast.ImportSpec:
					if sp.Path.Value == `"html/template"` && slices.Contains(funcs, "import") {
						p := fset.Position(sp.Path.Pos())
						out = append(out, mutant{p.Offset, sp.Path.Value, `"text/template"`, p.Line, "import"})
					}
				}
			}
		}
	}
	return out, nil
}

func main() {
	only := flag.String("only", "", "mutate only targets whose file contains one of these (comma-separated)")
	list := flag.Bool("list", false, "list the mutants without running them")
	timeout := flag.Duration("timeout", 90*time.Second, "time limit of one mutant's test run")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "mutate-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer os.RemoveAll(tmp)
	killed, total := 0, 0
	var survivors []string
	for _, tg := range targets {
		if !slices.ContainsFunc(strings.Split(*only, ","), func(o string) bool { return strings.Contains(tg.file, o) }) {
			continue
		}
		src, err := os.ReadFile(tg.file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		ms, err := mutants(tg.file, src, tg.funcs)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if *list {
			for _, m := range ms {
				fmt.Printf("%s:%d %s: %q → %q\n", tg.file, m.line, m.fn, m.old, m.new)
			}
			total += len(ms)
			continue
		}
		abs, _ := filepath.Abs(tg.file)
		for i, m := range ms {
			mutated := slices.Concat(src[:m.off], []byte(m.new), src[m.off+len(m.old):])
			file := filepath.Join(tmp, fmt.Sprintf("m%d.go", i))
			overlay := filepath.Join(tmp, "overlay.json")
			if err := os.WriteFile(file, mutated, 0o600); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			o, _ := json.Marshal(map[string]any{"Replace": map[string]string{abs: file}})
			if err := os.WriteFile(overlay, o, 0o600); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			ctx, cancel := context.WithTimeout(context.Background(), *timeout+30*time.Second)
			cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-overlay", overlay,
				"-timeout", timeout.String(), "-run", tg.run, "./"+filepath.Dir(tg.file))
			var outb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &outb, &outb
			start := time.Now()
			runErr := cmd.Run()
			cancel()
			total++
			verdict := "survived"
			switch {
			case runErr != nil && strings.Contains(outb.String(), "[build failed]"):
				verdict = "killed (does not build)"
				killed++
			case runErr != nil:
				verdict = "killed"
				killed++
			default:
				survivors = append(survivors, fmt.Sprintf("%s:%d %s: %q → %q", tg.file, m.line, m.fn, m.old, m.new))
			}
			fmt.Printf("%-18s:%-4d %-20s %q → %q  %s (%.0fs)\n", tg.file, m.line, m.fn, m.old, m.new, verdict, time.Since(start).Seconds())
			os.Remove(file)
		}
	}
	if *list {
		fmt.Println(total, "mutants")
		return
	}
	if total == 0 {
		fmt.Println("no mutants")
		os.RemoveAll(tmp)
		os.Exit(2)
	}
	fmt.Printf("\nscore: %d of %d mutants killed (%.0f%%)\n", killed, total, 100*float64(killed)/float64(total))
	for _, s := range survivors {
		fmt.Println("survived:", s)
	}
	if len(survivors) > 0 {
		os.RemoveAll(tmp) // os.Exit skips the deferred removal
		os.Exit(1)
	}
}
