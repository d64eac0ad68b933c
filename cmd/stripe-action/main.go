// Command stripe-action runs one connector action, the way a workflow
// platform's Stripe node would, and prints the result as JSON.
//
//	stripe-action [file]          run {"action": ..., "config": ...} from file or stdin
//
// The input is a step envelope: {"action", "config", "idempotencyKey",
// "stripeAccount"}; the last two are optional. The idempotency key is sent
// with the action's request, so re-running a failed step with the same key
// never charges twice; stripeAccount acts for a Connect account (acct_...).
//
//	stripe-action -list           list the actions, one per line
//	stripe-action -schema NAME    print the JSON Schema of an action's config
//	stripe-action -triggers       list the webhook and polling triggers
//	stripe-action -dry-run [file] print the request the action would send; send nothing
//	stripe-action -poll NAME -cursor FILE
//	                              run a polling trigger once: print the new objects, save the cursor
//	stripe-action -samples NAME [-n N]
//	                              print the latest N objects a polling trigger would deliver
//	stripe-action -options NAME [-parent ID] [-search TEXT] [-page CURSOR]
//	                              print one page of a form dropdown's choices
//
// The key comes from STRIPE_SECRET_KEY and the API host from STRIPE_API_BASE
// (with only the base set, the key is sk_test_123, as for stripe-mock). With
// neither set it runs against an in-process stripetest server preloaded with
// stripetest.WithDemoData (cus_123, in_123, pi_123, ...), which the example
// configs in testdata/actions use. Offline, the state persists between runs
// in a file in the user's cache directory (its path is printed on stderr),
// so one run can use the IDs an earlier one printed; -state FILE chooses
// the file and -reset starts again from the demo data.
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
	"net/http"
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
	dryRunFlag := fs.Bool("dry-run", false, "print the request the action would send (key redacted) and send nothing")
	poll := fs.String("poll", "", "run the named polling trigger once (needs -cursor)")
	samples := fs.String("samples", "", "print the latest -n objects the named polling trigger would deliver")
	n := fs.Int64("n", 3, "with -samples: how many, 1 to 100")
	optionsFlag := fs.String("options", "", "print one page of the named option loader's choices (-parent, -search, -page)")
	parent := fs.String("parent", "", "with -options: the parent object's ID (a product's prices, a customer's cards)")
	search := fs.String("search", "", "with -options: narrow the choices")
	page := fs.String("page", "", "with -options: the nextCursor of the previous page")
	cursor := fs.String("cursor", "", "with -poll: the file holding the trigger's cursor, read and then saved")
	state := fs.String("state", "", "offline: the state file (default: stripelite/"+stateFileName+" in the user's cache directory)")
	reset := fs.Bool("reset", false, "offline: start again from the demo data (alone: just reset)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: stripe-action [-list | -schema NAME | -triggers | [-dry-run] [FILE] | -poll NAME -cursor FILE |\n"+
			"                     -samples NAME [-n N] | -options NAME [-parent ID] [-search TEXT] [-page CURSOR]] [-state FILE] [-reset]\n\n"+
			"Runs {\"action\": \"stripe.getCustomer\", \"config\": {...}, \"idempotencyKey\": \"...\", \"stripeAccount\": \"acct_...\"}\n"+
			"from FILE or stdin and prints the result as JSON.\n"+
			"Env: STRIPE_SECRET_KEY, STRIPE_API_BASE (neither: an in-process stripetest server with demo data,\n"+
			"its state kept between runs in a file).")
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
	modes := 0
	for _, m := range []string{*poll, *samples, *optionsFlag} {
		if m != "" {
			modes++
		}
	}
	if fs.NArg() > 1 || (*poll == "") != (*cursor == "") || modes > 1 || (modes == 1 && (fs.NArg() > 0 || *dryRunFlag)) {
		fs.Usage()
		return exitUsage
	}
	online := key != "" || env("STRIPE_API_BASE") != ""
	if online && (*state != "" || *reset) {
		fmt.Fprintln(stderr, "stripe-action: -state and -reset apply offline only (STRIPE_SECRET_KEY and STRIPE_API_BASE unset)")
		return exitUsage
	}

	if *reset && fs.NArg() == 0 && *poll == "" { // -reset alone: reset and stop
		path := *state
		var err error
		if path == "" {
			if path, err = defaultStatePath(env); err != nil {
				return printError(stdout, err)
			}
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return printError(stdout, fmt.Errorf("stripe-action: -reset: %w", err))
		}
		fmt.Fprintf(stderr, "stripe-action: offline state %s reset; the next run starts from the demo data\n", path)
		return exitOK
	}

	var doc *document
	if modes == 0 {
		var err error
		if doc, err = readInput(fs.Arg(0), stdin); err != nil {
			return printError(stdout, err)
		}
	}
	var dry *dryRun
	var c *stripe.Client
	var err error
	cleanup := func() {}
	switch {
	case *dryRunFlag:
		dry = &dryRun{}
		c, err = dryRunClient(key, env("STRIPE_API_BASE"), dry)
	case online:
		c, err = onlineClient(key, env("STRIPE_API_BASE"), stderr)
	default:
		path := *state
		if path == "" {
			path, err = defaultStatePath(env)
		}
		if err == nil {
			fmt.Fprintln(stderr, offlineNotice)
			// An in-process server gains nothing from retries.
			c, cleanup, err = offlineClient(path, *reset, stderr, appInfo, stripe.WithMaxRetries(0))
		}
	}
	if err != nil {
		return printError(stdout, err)
	}
	defer cleanup()

	switch {
	case *poll != "":
		if err := pollOnce(ctx, c, *poll, *cursor, stdout); err != nil {
			return printError(stdout, err)
		}
		return exitOK
	case *samples != "":
		objs, err := sampleObjects(ctx, c, *samples, *n)
		return printResult(stdout, objs, err)
	case *optionsFlag != "":
		choices, err := connector.LoadOptions(ctx, c, *optionsFlag,
			connector.LoadQuery{ParentID: *parent, Search: *search, Cursor: *page})
		return printResult(stdout, choices, err)
	}
	out, err := connector.Run(ctx, c, doc.Action, doc.Config,
		connector.WithIdempotencyKey(doc.IdempotencyKey), connector.WithStripeAccount(doc.StripeAccount))
	if dry != nil {
		if p := dry.planned(); p != nil && errors.Is(err, errDryRun) {
			b, _ := json.MarshalIndent(p, "", "  ")
			_, _ = stdout.Write(append(b, '\n'))
			return exitOK
		}
	}
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

// document is the input, a step envelope: one action, its config, and
// optionally the step's idempotency key (a re-run with the same key never
// charges twice) and the connected account to act for.
type document struct {
	Action         string          `json:"action"`
	Config         json.RawMessage `json:"config"`
	IdempotencyKey string          `json:"idempotencyKey"`
	StripeAccount  string          `json:"stripeAccount"`
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
			Reason: `input must be {"action": "stripe....", "config": {...}, "idempotencyKey": "...", "stripeAccount": "acct_..."}: ` + err.Error()}
	}
	if dec.More() {
		return nil, &connector.ConfigError{Code: connector.CodeInvalidJSON, Reason: "trailing data after the input document"}
	}
	if doc.Action == "" {
		return nil, &connector.ConfigError{Field: "action", Code: connector.CodeMissingField, Reason: "is required (see -list)"}
	}
	return &doc, nil
}

// appInfo names the program in the User-Agent.
var appInfo = stripe.WithAppInfo("stripe-action", stripe.Version, "")

// onlineClient builds the client from the environment.
// A base always wins, so a key left in the environment never sends a
// request meant for a mock to Stripe; stderr names the backend used.
func onlineClient(key, base string, stderr io.Writer) (*stripe.Client, error) {
	if key == "" {
		key = "sk_test_123"
	}
	opts := []stripe.Option{appInfo}
	backend := "Stripe at " + stripe.DefaultBaseURL + " (STRIPE_SECRET_KEY)"
	if base != "" {
		opts = append(opts, stripe.WithBaseURL(base))
		backend = base + " (STRIPE_API_BASE)"
	}
	c, err := stripe.NewClient(key, opts...)
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(stderr, "stripe-action: backend:", backend)
	return c, nil
}

// dryRunClient builds a client whose requests stop at the dry run's
// transport. No key is needed: none is sent.
func dryRunClient(key, base string, dry *dryRun) (*stripe.Client, error) {
	if key == "" {
		key = "sk_test_123"
	}
	opts := []stripe.Option{appInfo, stripe.WithHTTPClient(&http.Client{Transport: dry}), stripe.WithMaxRetries(0)}
	if base != "" {
		opts = append(opts, stripe.WithBaseURL(base))
	}
	return stripe.NewClient(key, opts...)
}

// printResult prints v as JSON, or err.
func printResult(stdout io.Writer, v any, err error) int {
	if err != nil {
		return printError(stdout, err)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return printError(stdout, fmt.Errorf("stripe-action: encoding the result: %w", err))
	}
	_, _ = stdout.Write(append(b, '\n'))
	return exitOK
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
