package stripe

// CardsService manages cards saved on a customer: https://docs.stripe.com/api/cards
type CardsService struct{ c *Client }

// Card is a card saved on a customer.
type Card struct {
	ID       string            `json:"id"`
	Object   string            `json:"object"`
	Brand    string            `json:"brand"`
	Customer string            `json:"customer"`
	ExpMonth int64             `json:"exp_month"`
	ExpYear  int64             `json:"exp_year"`
	Last4    string            `json:"last4"`
	Metadata map[string]string `json:"metadata"`
}
