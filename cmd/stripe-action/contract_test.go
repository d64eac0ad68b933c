package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// stripe-mock validates every parameter against Stripe's OpenAPI spec for
// the pinned version; running the examples against it proves that each
// action sends parameters Stripe accepts. As in the root package,
// STRIPELITE_CONTRACT=require turns a missing binary into a failure.
var stripeMock struct {
	once sync.Once
	cmd  *exec.Cmd
	url  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cmd := stripeMock.cmd; cmd != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	os.Exit(code)
}

func stripeMockURL(t *testing.T) string {
	t.Helper()
	stripeMock.once.Do(startStripeMock)
	if stripeMock.err != nil {
		if os.Getenv("STRIPELITE_CONTRACT") == "require" {
			t.Fatalf("stripe-mock: %v", stripeMock.err)
		}
		t.Skipf("stripe-mock not available (%v)", stripeMock.err)
	}
	return stripeMock.url
}

func startStripeMock() {
	bin := os.Getenv("STRIPE_MOCK_BIN")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("stripe-mock"); err != nil {
			out, err := exec.Command("go", "env", "GOPATH").Output()
			if err != nil {
				stripeMock.err = err
				return
			}
			bin = filepath.Join(strings.TrimSpace(string(out)), "bin", "stripe-mock")
			if _, err := os.Stat(bin); err != nil {
				stripeMock.err = errors.New("stripe-mock binary not found")
				return
			}
		}
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0", "-strict-version-check")
	out, err := cmd.StdoutPipe()
	if err != nil {
		stripeMock.err = err
		return
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		stripeMock.err = err
		return
	}
	stripeMock.cmd = cmd
	listen := regexp.MustCompile(`Listening for HTTP at address: (\S+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listen.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case addr := <-found:
		stripeMock.url = "http://" + addr
	case <-time.After(30 * time.Second):
		stripeMock.err = fmt.Errorf("%s did not start listening within 30s", bin)
	}
}

// TestContractExamples runs every example against stripe-mock.
func TestContractExamples(t *testing.T) {
	t.Parallel()
	base := stripeMockURL(t)
	for _, file := range examples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			r := runCmd(t, map[string]string{"STRIPE_API_BASE": base}, "", file)
			if r.code != 0 {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
			}
			decode(t, r.stdout)
		})
	}
}
