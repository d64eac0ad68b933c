package stripe

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpandableDecodesIDObjectOrNull(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Expandable[Customer]{
		`"cus_123"`:        {ID: "cus_123"},
		`"cus_\u00e9"`:     {ID: "cus_é"},
		`"a\\b"`:           {ID: `a\b`},
		`"caf` + "é" + `"`: {ID: "café"},
		`""`:               {},
		`null`:             {},
		`{"id":"cus_9","object":"customer","email":"a@example.com"}`: {ID: "cus_9", Object: &Customer{ID: "cus_9", Object: "customer", Email: "a@example.com"}},
	} {
		var got struct {
			C Expandable[Customer] `json:"c"`
		}
		require.NoError(t, json.Unmarshal([]byte(`{"c":`+in+`}`), &got), in)
		assert.Equal(t, want, got.C, in)
	}
	var bad struct {
		C Expandable[Customer] `json:"c"`
	}
	assert.Error(t, json.Unmarshal([]byte(`{"c":5}`), &bad))
}

func TestExpandableMarshalsBack(t *testing.T) {
	t.Parallel()
	for want, e := range map[string]Expandable[Customer]{
		`"cus_1"`: {ID: "cus_1"},
		`null`:    {},
	} {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	b, err := json.Marshal(Expandable[Deleted]{ID: "x", Object: &Deleted{ID: "x", Object: "customer", Deleted: true}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x","object":"customer","deleted":true}`, string(b))
}
