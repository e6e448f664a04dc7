package report

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpio "github.com/chromedp/cdproto/io"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"frontdesk/lang"
	"frontdesk/store"
)

// Chromiums are the names headless Chromium is looked for under, in $PATH.
var Chromiums = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// pdfTimeout bounds one print: starting the browser, laying out a month's
// log and printing it take seconds; a browser that hangs must not hang the
// desk.
const pdfTimeout = 2 * time.Minute

// The size of an A4 sheet in inches, as Chromium's print takes it.
const a4Width, a4Height = 8.27, 11.69

// ErrNoChromium is returned when no Chromium is installed to print a PDF.
var ErrNoChromium = &store.Error{Code: store.EINVALID, Field: "format",
	Text: lang.ChromiumWasNotFoundSoNo}

// FindChromium returns the path of the Chromium that prints PDFs, or
// ErrNoChromium.
func FindChromium() (string, error) {
	for _, name := range Chromiums {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// ChromiumOptions are the flags of a headless Chromium at exe that keeps its
// profile in profile and calls nowhere home: the PDF printer's, and the
// kiosk's browser tests'.
func ChromiumOptions(exe, profile string, more ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	return append(append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		// Chromium leaves org.chromium.Chromium.* folders in its TMPDIR when
		// it is stopped; they go into the profile, which the caller removes.
		chromedp.Env("TMPDIR="+profile),
	), more...)
}

// PDFHead is what the margins of every page of a PDF carry: the center's
// name and the document's title at the top, the page number at the bottom.
type PDFHead struct {
	Lang   string
	Center string
	Title  string
}

// PDF prints html, a page of Write's or WriteHours' HTML, to an A4 PDF
// through headless Chromium, with head's center and title at the top of
// every page and "第 n 页，共 m 页" at the bottom. The page's own print
// stylesheet sets the margins; nothing is loaded from outside.
func PDF(ctx context.Context, html []byte, head PDFHead) ([]byte, error) {
	var out bytes.Buffer
	err := pdfOf(ctx, &out, func(w io.Writer) error { _, err := w.Write(html); return err }, head)
	if err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// pdfChunk is how much of a PDF one read of Chromium's stream asks for.
const pdfChunk = 1 << 20

// pdfOf prints the page html writes to out. The page goes to a file first,
// which Chromium reads, and the PDF comes back as a stream read a chunk at a
// time: neither a page of a year's rows nor its PDF is in memory whole.
func pdfOf(ctx context.Context, out io.Writer, html func(io.Writer) error, head PDFHead) error {
	exe, err := FindChromium()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "frontdesk-pdf-")
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "log.html")
	if err := writeFile(file, html); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, ChromiumOptions(exe, filepath.Join(dir, "profile"))...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer func() {
		bcancel()
		// The browser holds files in the profile until it has exited;
		// RemoveAll above runs after this wait.
		_ = chromedp.Cancel(bctx)
	}()
	yes := true
	var werr error // out's own error, not the browser's
	err = chromedp.Do(bctx,
		chromedp.Navigate("file://"+file),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
				DisplayHeaderFooter: &yes, PrintBackground: &yes, PreferCSSPageSize: &yes,
				PaperWidth: a4Width, PaperHeight: a4Height, TransferMode: page.PrintToPDFTransferModeReturnAsStream,
				HeaderTemplate: headerTemplate(head), FooterTemplate: footerTemplate(head.Lang)})
			if err != nil {
				return err
			}
			defer cdp.Call(ctx, t, cdpio.Close, cdpio.CloseParams{Handle: res.Stream})
			for {
				chunk, err := cdp.Call(ctx, t, cdpio.Read, cdpio.ReadParams{Handle: res.Stream, Size: pdfChunk})
				if err != nil {
					return err
				}
				if _, werr = out.Write(chunk.Data); werr != nil || chunk.EOF {
					return werr
				}
			}
		}),
	)
	if werr != nil {
		return werr
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return &store.Error{Code: store.EINVALID, Field: "format",
				Text: lang.ChromiumTookTooLongToPrint}
		}
		return &store.Error{Code: store.EINVALID, Field: "format",
			Text: lang.ChromiumCouldNotPrintPDF.Format(exe, err)}
	}
	return nil
}

// writeFile writes the file at path with what write writes, buffered.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 64<<10)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// The margin templates are Chromium's own small documents: they take inline
// styles, which no page policy governs, and fill the spans pageNumber and
// totalPages.
const marginStyle = `font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; font-size: 8pt; color: #000; width: 100%; margin: 0 12mm;`

func headerTemplate(h PDFHead) string {
	esc := template.HTMLEscapeString
	return `<div style="` + marginStyle + ` display: flex; justify-content: space-between; border-bottom: 0.5pt solid #000; padding-bottom: 1mm;">` +
		`<span>` + esc(h.Center) + `</span><span>` + esc(h.Title) + `</span></div>`
}

func footerTemplate(language string) string {
	text := lang.PageOfPages.In(language)
	return `<div style="` + marginStyle + ` text-align: center;">` + text + `</div>`
}
