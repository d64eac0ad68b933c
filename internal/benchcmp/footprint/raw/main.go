// Command raw is the footprint baseline: the same call as ../sdk with
// net/http and encoding/json only.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func main() {
	// A base URL, when set, wins over the key: STRIPE_API_BASE as in every
	// program of the repository, STRIPE_BASE_URL as before.
	base := "https://api.stripe.com"
	for _, name := range []string{"STRIPE_BASE_URL", "STRIPE_API_BASE"} {
		if u := os.Getenv(name); u != "" {
			base = u
		}
	}
	fmt.Fprintln(os.Stderr, "backend:", base)
	req, err := http.NewRequest(http.MethodGet, base+"/v1/customers/cus_NffrFeUfNV2Hib", nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	req.SetBasicAuth(os.Getenv("STRIPE_SECRET_KEY"), "")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	var cus struct {
		ID    string `json:"id"`
		Email string `json:"email"`
	}
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, "status", resp.Status)
		os.Exit(1)
	}
	if err := json.NewDecoder(resp.Body).Decode(&cus); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(cus.ID, cus.Email)
}
