package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"frontdesk/internal/faults"
)

// nobody runs the binary as the unprivileged user, for whom chmod 444 is
// read-only (the tests run as root, who may write anyway).
func nobody(cmd *exec.Cmd) *exec.Cmd {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return cmd
}

// readOnlyCenter makes a center file with one visit in a folder of its own,
// readable by everyone.
func readOnlyCenter(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	os.Chmod(filepath.Dir(dir), 0o755)
	os.Chmod(dir, 0o755)
	db = filepath.Join(dir, "c.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "只读中心", "--venue", "多功能厅:80"); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "frontdesk.log"))
	return dir, db
}

// TestReadOnlyFileAndFolder: with the file and its folder read-only (chmod
// 444 and 555, run as nobody) or immutable (chattr +i), serve refuses to
// start and says why, while report, backup and version work, logging to
// stderr and leaving no file behind.
func TestReadOnlyFileAndFolder(t *testing.T) {
	bin := buildBinary(t)
	os.Chmod(filepath.Dir(bin), 0o755)
	for _, how := range []string{"chmod", "chattr"} {
		t.Run(how, func(t *testing.T) {
			dir, db := readOnlyCenter(t)
			run := func(args ...string) *exec.Cmd { return exec.Command(bin, args...) }
			if how == "chmod" {
				os.Chmod(db, 0o444)
				os.Chmod(dir, 0o555)
				t.Cleanup(func() { os.Chmod(dir, 0o755) })
				run = func(args ...string) *exec.Cmd { return nobody(exec.Command(bin, args...)) }
			} else {
				faults.Chattr(t, "+i", db)
				faults.Chattr(t, "+i", dir)
				t.Cleanup(func() { faults.Chattr(t, "-i", dir); faults.Chattr(t, "-i", db) })
			}
			before := faults.Names(t, dir)
			out, err := run("serve", "--db", db, "--addr", "127.0.0.1:0").CombinedOutput()
			if err == nil {
				t.Fatalf("serve started on a read-only file:\n%s", out)
			}
			if !strings.Contains(string(out), "不可写") || !strings.Contains(string(out), db) {
				t.Errorf("serve's refusal does not name the file and why:\n%s", out)
			}
			rep, err := run("report", "--db", db).CombinedOutput()
			if err != nil || !strings.Contains(string(rep), "只读中心") {
				t.Errorf("report on a read-only file: %v\n%s", err, rep)
			}
			backup := filepath.Join(t.TempDir(), "b.db")
			os.Chmod(filepath.Dir(backup), 0o777)
			os.Chmod(filepath.Dir(filepath.Dir(backup)), 0o755)
			if out, err := run("backup", "--db", db, "-o", backup).CombinedOutput(); err != nil {
				t.Errorf("backup of a read-only file: %v\n%s", err, out)
			}
			if out, err := run("version").CombinedOutput(); err != nil {
				t.Errorf("version: %v\n%s", err, out)
			}
			if after := faults.Names(t, dir); !slices.Equal(after, before) {
				t.Errorf("files beside the read-only database: %v, were %v", after, before)
			}
		})
	}
}

var receiptNo = regexp.MustCompile(`V-\d{8}-\d{4}`)

// TestRestoreCommand: a backup, more check-ins through a running serve,
// restore refused while serve runs, then restored, then more check-ins: no
// receipt number is handed out twice.
func TestRestoreCommand(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "恢复中心", "--venue", "多功能厅:80"); err != nil {
		t.Fatal(err)
	}
	var seen []string
	checkIns := func(p *kioskProcess, n int) {
		for range n {
			page := checkInPage(t, p.base)
			no := receiptNo.FindString(page)
			if no == "" {
				t.Fatalf("no receipt number on:\n%.1500s", page)
			}
			if slices.Contains(seen, no) {
				t.Errorf("receipt %s handed out twice (before: %v)", no, seen)
			}
			seen = append(seen, no)
		}
	}
	p := startServe(t, bin, db)
	checkIns(p, 2)
	backup := filepath.Join(dir, "b.db")
	if out, err := exec.Command(bin, "backup", "--db", db, "-o", backup).CombinedOutput(); err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	checkIns(p, 3)
	out, err := exec.Command(bin, "restore", "--db", db, "-i", backup).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "正被其他 frontdesk 进程使用") {
		t.Errorf("restore while serve runs: %v\n%s", err, out)
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	p.cmd.Wait()
	out, err = exec.Command(bin, "restore", "--db", db, "-i", backup).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "已从") || !strings.Contains(string(out), "另存为") {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	checkIns(startServe(t, bin, db), 3)
}

// checkInPage checks a visitor in as a phone would and returns the receipt
// page.
func checkInPage(t *testing.T, base string) string {
	t.Helper()
	post := scanForm(t, base, "checkin")
	resp, err := http.PostForm(post, url.Values{"name": {"恢复测试"}, "purpose": {"business"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("check-in: status %d\n%.1000s", resp.StatusCode, b)
	}
	return string(b)
}
