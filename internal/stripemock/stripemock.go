// Package stripemock starts stripe-mock, Stripe's official mock server,
// for contract tests. It does not import the stripe package, so both the
// package's internal tests and external (stripe_test) tests can use it.
package stripemock

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

// Binary finds the stripe-mock binary: $STRIPE_MOCK_BIN, then the PATH,
// then $(go env GOPATH)/bin.
func Binary() (string, error) {
	if p := os.Getenv("STRIPE_MOCK_BIN"); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath("stripe-mock"); err == nil {
		return p, nil
	}
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return "", err
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "bin", "stripe-mock")
	if _, err := os.Stat(p); err != nil {
		return "", errors.New("stripe-mock binary not found")
	}
	return p, nil
}

var listenLine = regexp.MustCompile(`Listening for HTTP at address: (\S+)`)

// Start runs stripe-mock on a free loopback port with strict version
// checks and returns its base URL and a func that stops it (and waits for
// it to exit).
func Start() (baseURL string, stop func(), err error) {
	bin, err := Binary()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:0", "-https-addr", "127.0.0.1:0", "-strict-version-check")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	found := make(chan string, 1)
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listenLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	stop = func() {
		_ = cmd.Process.Kill()
		<-drained
		_ = cmd.Wait()
	}
	select {
	case addr := <-found:
		return "http://" + addr, stop, nil
	case <-time.After(30 * time.Second):
		stop()
		return "", nil, fmt.Errorf("%s did not start listening within 30s", bin)
	}
}

// shared is the one stripe-mock of a test binary.
var shared struct {
	once sync.Once
	url  string
	stop func()
	err  error
}

// URL returns the base URL of a stripe-mock shared by the whole test binary,
// starting it on first use. If it cannot start, the test fails when
// STRIPELITE_CONTRACT=require (as scripts/test.sh sets) and is skipped
// otherwise. Call Stop from TestMain once the tests have run.
func URL(t testing.TB) string {
	t.Helper()
	shared.once.Do(func() { shared.url, shared.stop, shared.err = Start() })
	if shared.err != nil {
		if os.Getenv("STRIPELITE_CONTRACT") == "require" {
			t.Fatalf("stripe-mock: %v", shared.err)
		}
		t.Skipf("stripe-mock not available (%v); run scripts/test.sh", shared.err)
	}
	return shared.url
}

// Stop stops the shared stripe-mock, if URL started one.
func Stop() {
	if shared.stop != nil {
		shared.stop()
	}
}
