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
	base := "https://api.stripe.com"
	if u := os.Getenv("STRIPE_BASE_URL"); u != "" {
		base = u
	}
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
