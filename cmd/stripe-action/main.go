// Command stripe-action runs one connector action, the way a workflow
// platform's Stripe node would, and prints the result as JSON.
//
//	stripe-action [file]          run {"action": ..., "config": ...} from file or stdin
//	stripe-action -list           list the actions, one per line
//	stripe-action -schema NAME    print the JSON Schema of an action's config
//	stripe-action -triggers       list the webhook and polling triggers
//
// The key comes from STRIPE_SECRET_KEY and the API host from STRIPE_API_BASE
// (with only the base set, the key is sk_test_123, as for stripe-mock). With
// neither set it runs against an in-process stripetest server preloaded with
// stripetest.WithDemoData (cus_123, in_123, pi_123, ...), which the example
// configs in testdata/actions use.
//
// Errors are printed on stdout as {"error": {"type", "code", "message",
// "param", "request_id"}}; the exit status is 1 for an error from Stripe or
// the network and 2 for a bad config or usage. The key never appears in
// the output.
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/connector"
)

// maxInput bounds the size of the action document read.
const maxInput = 1 << 20

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // Stripe or the network said no
	exitUsage  = 2 // bad arguments, input or config
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run is main without the process: arguments, streams and environment are
// passed in, and it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	return runContext(context.Background(), args, stdin, stdout, stderr, env)
}

func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	key := env("STRIPE_SECRET_KEY")
	// Whatever happens below, the key is not printed, nor the Basic
	// credentials it makes (should a server echo them).
	secrets := []string{key, base64.StdEncoding.EncodeToString([]byte(key + ":"))}
	stdout = &redactor{w: stdout, secrets: secrets}
	stderr = &redactor{w: stderr, secrets: secrets}

	fs := flag.NewFlagSet("stripe-action", flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.Bool("list", false, "list the actions (name and description), one per line")
	schema := fs.String("schema", "", "print the JSON Schema of the named action's config")
	triggers := fs.Bool("triggers", false, "list the webhook and polling triggers")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: stripe-action [-list | -schema NAME | -triggers | FILE]\n\n"+
			"Runs {\"action\": \"stripe.getCustomer\", \"config\": {...}} from FILE or stdin and prints the result as JSON.\n"+
			"Env: STRIPE_SECRET_KEY, STRIPE_API_BASE (neither: an in-process stripetest server with demo data).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	switch {
	case *list:
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for _, a := range connector.Actions() {
			fmt.Fprintf(tw, "%s\t%s\n", a.Name, a.Description)
		}
		_ = tw.Flush()
		return exitOK
	case *schema != "":
		a, ok := connector.Lookup(*schema)
		if !ok {
			return printError(stdout, &connector.ConfigError{Field: "action", Code: connector.CodeUnknownAction,
				Reason: fmt.Sprintf("unknown action %q (see -list)", *schema)})
		}
		_, _ = stdout.Write(append(a.Schema(), '\n'))
		return exitOK
	case *triggers:
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for _, t := range connector.WebhookTriggers() {
			fmt.Fprintf(tw, "webhook\t%s\t%s\n", t.Event, t.Description)
		}
		for _, t := range connector.PollingTriggers() {
			fmt.Fprintf(tw, "polling\t%s\t%s\n", t.Name, t.Description)
		}
		_ = tw.Flush()
		return exitOK
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}

	doc, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		return printError(stdout, err)
	}
	c, cleanup, err := newClient(key, env("STRIPE_API_BASE"), stderr)
	if err != nil {
		return printError(stdout, err)
	}
	defer cleanup()

	out, err := connector.Run(ctx, c, doc.Action, doc.Config)
	if err != nil {
		return printError(stdout, err)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return printError(stdout, fmt.Errorf("stripe-action: encoding the result: %w", err))
	}
	_, _ = stdout.Write(append(b, '\n'))
	return exitOK
}

// document is the input: one action and its config.
type document struct {
	Action string          `json:"action"`
	Config json.RawMessage `json:"config"`
}

// readInput reads the document from the file named by arg, or stdin when
// arg is "" or "-". Unknown keys are refused.
func readInput(arg string, stdin io.Reader) (*document, error) {
	r := stdin
	if arg != "" && arg != "-" {
		f, err := os.Open(arg)
		if err != nil {
			return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON, Reason: err.Error()}
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON, Reason: "reading input: " + err.Error()}
	}
	if len(b) > maxInput {
		return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON, Reason: fmt.Sprintf("input is larger than %d bytes", maxInput)}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var doc document
	if err := dec.Decode(&doc); err != nil {
		return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON,
			Reason: `input must be {"action": "stripe....", "config": {...}}: ` + err.Error()}
	}
	if dec.More() {
		return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON, Reason: "trailing data after the input document"}
	}
	if doc.Action == "" {
		return nil, &connector.ConfigError{Field: "action", Code: connector.CodeMissingField, Reason: "is required (see -list)"}
	}
	return &doc, nil
}

// newClient builds the client from the environment, or an offline one.
func newClient(key, base string, stderr io.Writer) (*stripe.Client, func(), error) {
	opts := []stripe.Option{stripe.WithAppInfo("stripe-action", stripe.Version, "")}
	if key == "" && base == "" {
		fmt.Fprintln(stderr, offlineNotice)
		// An in-process server gains nothing from retries.
		return offlineClient(append(opts, stripe.WithMaxRetries(0))...)
	}
	// A base always wins, so a key left in the environment never sends a
	// request meant for a mock to Stripe.
	backend := "Stripe at " + stripe.DefaultBaseURL + " (STRIPE_SECRET_KEY)"
	if key == "" {
		key = "sk_test_123"
	}
	if base != "" {
		opts = append(opts, stripe.WithBaseURL(base))
		backend = base + " (STRIPE_API_BASE)"
	}
	c, err := stripe.NewClient(key, opts...)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintln(stderr, "stripe-action: backend:", backend)
	return c, func() {}, nil
}

// printError writes {"error": {...}} and returns the exit status for err.
func printError(stdout io.Writer, err error) int {
	info := connector.ErrorInfoOf(err)
	b, _ := json.MarshalIndent(map[string]connector.ErrorInfo{"error": info}, "", "  ")
	_, _ = stdout.Write(append(b, '\n'))
	if info.Type == "config_error" || info.Type == "client_error" {
		return exitUsage
	}
	return exitFailed
}

// redactor replaces the secrets in everything written through it. Output
// is written in whole documents or lines, so a secret is never split
// across two writes.
type redactor struct {
	w       io.Writer
	secrets []string
}

func (r *redactor) Write(p []byte) (int, error) {
	s := string(p)
	for _, secret := range r.secrets {
		if len(secret) >= 8 { // an unset key makes a short base64 that could match anything
			s = strings.ReplaceAll(s, secret, "[REDACTED]")
		}
	}
	if _, err := io.WriteString(r.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
