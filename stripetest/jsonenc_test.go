package stripetest

import (
	"encoding/json"
	"testing"
)

// appendJSON writes what encoding/json writes for the trees handlers build.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	tree := obj{
		"id": "cus_1", "n": int64(-42), "i": 7, "ok": true, "no": false, "null": nil, "f": 1.5,
		"s":      "quote\" back\\ nl\n tab\t cr\r ctl\x01 <a&b> é 日本 \u2028\u2029 bad\xff",
		"nested": obj{"z": []any{"a", int64(1), nil, obj{}, []any{}}, "a": obj{"k": "v"}},
		"strs":   []string{"x", "y"}, "": "empty key",
	}
	want, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	got, err := appendJSON(nil, tree)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
