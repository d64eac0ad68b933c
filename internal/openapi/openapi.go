// Package openapi reads Stripe's OpenAPI spec (spec3.json) and fixtures
// (fixtures3.json) as shipped in the stripe-mock module, for tests that
// measure this SDK against the spec: the root package's conformance test
// and the stripetest fake's request tables and response checks.
//
// Typical use in a test:
//
//	spec := openapi.LoadForTest(t) // skips, or fails when STRIPELITE_CONTRACT=require
//	op, err := spec.Operation("POST", "/v1/subscriptions")
//	leaves, err := op.ResolveKey("items[0][price_data][currency]")
//	err = openapi.CheckValue(leaves, "usd")
//	vs := spec.Validate(decodedJSON, op.Response) // []Violation with JSON paths
//
// It uses only the standard library and never reaches the network: the
// files come from the Go module cache (scripts/test.sh installs stripe-mock,
// which puts the module there) or from $STRIPELITE_OPENAPI_DIR.
package openapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// StripeMockVersion is the stripe-mock module whose spec is read; it must
// match the version scripts/test.sh installs.
const StripeMockVersion = "v0.203.0"

// DirEnv names an environment variable that, when set, is the directory
// holding spec3.json and fixtures3.json (overriding the module cache).
const DirEnv = "STRIPELITE_OPENAPI_DIR"

// Dir returns the directory holding spec3.json and fixtures3.json:
// $STRIPELITE_OPENAPI_DIR, else the stripe-mock module in the Go module
// cache. It returns an error when spec3.json is not there.
func Dir() (string, error) {
	dir := os.Getenv(DirEnv)
	if dir == "" {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			return "", fmt.Errorf("openapi: go env GOMODCACHE: %w", err)
		}
		dir = filepath.Join(strings.TrimSpace(string(out)),
			"github.com", "stripe", "stripe-mock@"+StripeMockVersion, "embedded", "openapi")
	}
	if _, err := os.Stat(filepath.Join(dir, "spec3.json")); err != nil {
		return "", fmt.Errorf("openapi: spec3.json not found (run scripts/test.sh, which installs stripe-mock %s, or set %s): %w",
			StripeMockVersion, DirEnv, err)
	}
	return dir, nil
}

// Spec is a parsed spec3.json.
type Spec struct {
	Paths      map[string]map[string]*rawOperation `json:"paths"`
	Components struct {
		Schemas map[string]*Schema `json:"schemas"`
	} `json:"components"`

	opsOnce sync.Once
	ops     []*Operation
}

type rawOperation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		In     string  `json:"in"`
		Name   string  `json:"name"`
		Schema *Schema `json:"schema"`
	} `json:"parameters"`
	RequestBody struct {
		Content map[string]struct {
			Schema *Schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema *Schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

// Schema is one OpenAPI schema object, with the Stripe extensions this
// package's users need. A schema with a Ref is only a pointer: pass it
// through Spec.Resolve.
type Schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"` // "string", "integer", "number", "boolean", "object", "array" or ""
	Format     string             `json:"format"`
	Title      string             `json:"title"`
	Nullable   bool               `json:"nullable"`
	Enum       []any              `json:"enum"`
	Properties map[string]*Schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *Schema            `json:"items"`
	AnyOf      []*Schema          `json:"anyOf"`
	OneOf      []*Schema          `json:"oneOf"`
	// AdditionalProperties is the schema of keys not in Properties (as in
	// metadata[key]=value); nil when the spec forbids them or is silent.
	AdditionalProperties *Schema `json:"-"`
	// ExpandableFields are the properties that can be expanded from an ID
	// into the object (x-expandableFields).
	ExpandableFields []string `json:"x-expandableFields"`
	// ExpansionResources lists, for an expandable property, the objects it
	// can expand into (x-expansionResources).
	ExpansionResources *struct {
		OneOf []*Schema `json:"oneOf"`
	} `json:"x-expansionResources"`
	// ResourceID is the object's type name, as in "object": "customer"
	// (x-resourceId).
	ResourceID string `json:"x-resourceId"`
}

// UnmarshalJSON reads additionalProperties, which may be a bool or a schema.
func (s *Schema) UnmarshalJSON(b []byte) error {
	type plain Schema
	var aux struct {
		*plain
		Additional json.RawMessage `json:"additionalProperties"`
	}
	aux.plain = (*plain)(s)
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	switch a := strings.TrimSpace(string(aux.Additional)); a {
	case "", "false":
	case "true":
		s.AdditionalProperties = &Schema{}
	default:
		s.AdditionalProperties = new(Schema)
		if err := json.Unmarshal(aux.Additional, s.AdditionalProperties); err != nil {
			return err
		}
	}
	return nil
}

// Load parses the spec3.json in dir.
func Load(dir string) (*Spec, error) {
	b, err := os.ReadFile(filepath.Join(dir, "spec3.json"))
	if err != nil {
		return nil, err
	}
	s := new(Spec)
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("openapi: parsing spec3.json: %w", err)
	}
	return s, nil
}

var (
	loadOnce sync.Once
	loaded   *Spec
	loadErr  error
)

// LoadForTest returns the spec (parsed once per test binary). When it is
// missing, the test fails if STRIPELITE_CONTRACT=require (as in CI) and is
// skipped otherwise.
func LoadForTest(t testing.TB) *Spec {
	t.Helper()
	loadOnce.Do(func() {
		dir, err := Dir()
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = Load(dir)
	})
	if loadErr != nil {
		missing(t, loadErr)
	}
	return loaded
}

// FixturesForTest returns stripe-mock's fixtures3.json resources by object
// type ("customer", "invoice", ...), with the same skip/fail rule as
// LoadForTest.
func FixturesForTest(t testing.TB) map[string]json.RawMessage {
	t.Helper()
	dir, err := Dir()
	if err != nil {
		missing(t, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "fixtures3.json"))
	if err != nil {
		missing(t, err)
	}
	var f struct {
		Resources map[string]json.RawMessage `json:"resources"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("openapi: parsing fixtures3.json: %v", err)
	}
	return f.Resources
}

func missing(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("STRIPELITE_CONTRACT") == "require" {
		t.Fatalf("STRIPELITE_CONTRACT=require: %v", err)
	}
	t.Skipf("skipping: %v", err)
}

// Resolve follows $ref pointers until a schema that is not one. It returns
// nil for nil or for a reference the spec does not define.
func (s *Spec) Resolve(sch *Schema) *Schema {
	for i := 0; sch != nil && sch.Ref != "" && i < 32; i++ {
		sch = s.Components.Schemas[strings.TrimPrefix(sch.Ref, "#/components/schemas/")]
	}
	return sch
}

// Component returns the named schema of components/schemas ("customer",
// "invoice_setting_customer_setting", ...), or nil.
func (s *Spec) Component(name string) *Schema { return s.Components.Schemas[name] }

// Object returns the schema of the object type name as sent in the
// "object" field ("customer", "invoiceitem", "balance_transaction"), or nil.
func (s *Spec) Object(name string) *Schema {
	if sch := s.Components.Schemas[name]; sch != nil && sch.ResourceID == name {
		return sch
	}
	for _, sch := range s.Components.Schemas {
		if sch.ResourceID == name {
			return sch
		}
	}
	return nil
}

// Alternatives resolves sch and flattens its anyOf/oneOf into the list of
// concrete schemas a value may match. A schema without alternatives is its
// own only alternative.
func (s *Spec) Alternatives(sch *Schema) []*Schema {
	var out []*Schema
	var walk func(*Schema, int)
	walk = func(sc *Schema, depth int) {
		sc = s.Resolve(sc)
		if sc == nil || depth > 16 {
			return
		}
		if len(sc.AnyOf) == 0 && len(sc.OneOf) == 0 {
			out = append(out, sc)
			return
		}
		for _, a := range sc.AnyOf {
			walk(a, depth+1)
		}
		for _, a := range sc.OneOf {
			walk(a, depth+1)
		}
	}
	walk(sch, 0)
	return out
}

// PropertyNames returns the sorted property names of an object schema
// (after resolving $ref).
func (s *Spec) PropertyNames(sch *Schema) []string {
	sch = s.Resolve(sch)
	if sch == nil {
		return nil
	}
	names := make([]string, 0, len(sch.Properties))
	for n := range sch.Properties {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// errNotFound is returned (wrapped) when no operation matches.
var errNotFound = errors.New("openapi: no such operation")
