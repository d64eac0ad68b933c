package stripe

// RefundsService manages refunds: https://docs.stripe.com/api/refunds
type RefundsService struct{ c *Client }
