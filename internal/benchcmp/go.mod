module github.com/stripelite/stripe/internal/benchcmp

go 1.23.0

require (
	github.com/stripe/stripe-go/v84 v84.4.1
	github.com/stripelite/stripe v0.0.0-00010101000000-000000000000
	golang.org/x/time v0.12.0
)

require github.com/google/go-querystring v1.2.0 // indirect

replace github.com/stripelite/stripe => ../..
