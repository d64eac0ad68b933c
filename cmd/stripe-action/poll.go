package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stripelite/stripe"
	"github.com/stripelite/stripe/connector"
)

// pollOnce runs the named polling trigger once from the cursor saved in
// cursorPath (none yet: from now), prints the new objects as a JSON array,
// oldest first, and saves the cursor for the next run.
func pollOnce(ctx context.Context, c *stripe.Client, name, cursorPath string, stdout io.Writer) error {
	trigger, err := pollingTrigger(name, "poll")
	if err != nil {
		return err
	}
	var cur stripe.PollCursor
	b, err := os.ReadFile(cursorPath)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return &connector.ConfigError{Field: "cursor", Code: connector.CodeInvalidValue, Reason: err.Error()}
	default:
		if err := json.Unmarshal(b, &cur); err != nil {
			return &connector.ConfigError{Field: "cursor", Code: connector.CodeInvalidJSON,
				Reason: fmt.Sprintf("%s is not a saved cursor: %v", cursorPath, err)}
		}
	}
	p := trigger.NewPoller(c, cur)
	objs, err := p.Poll(ctx)
	if err != nil {
		return err
	}
	if objs == nil {
		objs = []any{}
	}
	out, err := json.MarshalIndent(objs, "", "  ")
	if err != nil {
		return fmt.Errorf("stripe-action: encoding the objects: %w", err)
	}
	// Printed, then saved: a failure in between delivers the objects again
	// next time, never loses them.
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		return err
	}
	return saveCursor(cursorPath, p.Cursor())
}

// saveCursor writes the cursor atomically: a temporary file renamed over
// path, so a crash leaves the old cursor or the new one.
func saveCursor(path string, cur stripe.PollCursor) error {
	b, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cursor-*")
	if err != nil {
		return fmt.Errorf("stripe-action: saving the cursor: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("stripe-action: saving the cursor: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("stripe-action: saving the cursor: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("stripe-action: saving the cursor: %w", err)
	}
	return nil
}

// pollingTrigger finds a polling trigger by name; flag names the option
// for the error.
func pollingTrigger(name, flag string) (*connector.PollingTrigger, error) {
	for _, t := range connector.PollingTriggers() {
		if t.Name == name {
			return &t, nil
		}
	}
	return nil, &connector.ConfigError{Field: flag, Code: connector.CodeUnknownAction,
		Reason: fmt.Sprintf("unknown polling trigger %q (see -triggers)", name)}
}

// sampleObjects returns the latest n objects of a polling trigger, as
// Stripe sent them.
func sampleObjects(ctx context.Context, c *stripe.Client, name string, n int64) ([]json.RawMessage, error) {
	trigger, err := pollingTrigger(name, "samples")
	if err != nil {
		return nil, err
	}
	return trigger.Samples(ctx, c, n)
}
