package stripe

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEveryMethodReturnsNilObjectWithError calls every typed method of
// every service on Client that returns (*T, error) against a server that
// fails, and holds each to the rule: an error comes with a nil object,
// never a half-decoded one. New services are covered as soon as they are
// fields of Client.
func TestEveryMethodReturnsNilObjectWithError(t *testing.T) {
	t.Parallel()
	bodies := map[string]reply{
		"402 card error": {status: http.StatusPaymentRequired, body: fixture(t, "error_card_declined.json")},
		// Starts like an object of any type, then fails to decode.
		"2xx bad field": ok(`{"id":"x_1","object":"list","data":5,"created":"x","amount":"x","status":5,"available":5,"deleted":"x"}`),
	}
	errType := reflect.TypeFor[error]()
	called := 0
	for name, rep := range bodies {
		c, mt := newTestClient(t, WithMaxRetries(0))
		mock(mt, rep)
		cv := reflect.ValueOf(c).Elem()
		for i := 0; i < cv.NumField(); i++ {
			svc := cv.Field(i)
			if !cv.Type().Field(i).IsExported() || svc.Kind() != reflect.Pointer || svc.IsNil() {
				continue
			}
			for m := 0; m < svc.NumMethod(); m++ {
				mt := svc.Type().Method(m)
				ft := svc.Method(m).Type()
				if ft.NumOut() != 2 || ft.Out(1) != errType || ft.Out(0).Kind() != reflect.Pointer {
					continue
				}
				args := make([]reflect.Value, ft.NumIn())
				for a := range args {
					switch in := ft.In(a); {
					case in == reflect.TypeFor[context.Context]():
						args[a] = reflect.ValueOf(context.Background())
					case in.Kind() == reflect.String:
						args[a] = reflect.ValueOf("x_1").Convert(in)
					default:
						args[a] = reflect.Zero(in) // nil params
					}
				}
				out := svc.Method(m).Call(args)
				what := name + ": " + cv.Type().Field(i).Name + "." + mt.Name
				if !out[1].IsNil() {
					called++
					assert.True(t, out[0].IsNil(), "%s returned an object with its error", what)
				}
			}
		}
	}
	assert.Greater(t, called, 60, "the walk reached the methods")
}
