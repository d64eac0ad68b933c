package stripe

// ChargesService manages charges: https://docs.stripe.com/api/charges
type ChargesService struct{ c *Client }
