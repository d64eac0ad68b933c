package stripetest_test

import (
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// ids returns the ID field of each element of a slice of Stripe objects.
func ids[T any](list []T) []string {
	out := make([]string, len(list))
	for i := range list {
		out[i] = reflect.ValueOf(&list[i]).Elem().FieldByName("ID").String()
	}
	return out
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}
